//! Packets made from a database: a fresh database's full packet has no changes-since
//! section (the seeding is not a change) and stays short; a date range leaves undated
//! entries out and says how to include them; `list` and the dry run select the same
//! entries; changes since the last packet read one row per entry.

mod common;

use briefbook::app::{self, open::NewDatabase};
use briefbook::packet::{PacketSpec, Section};
use briefbook::store::EntryQuery;
use common::{all_text, load};
use std::path::Path;
use std::process::Command;

fn seeded(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("record.db");
    app::open::init(&db, NewDatabase::Seeded, None).expect("a new database");
    db
}

fn day(text: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn fresh_database_full_packet_has_no_changes_section_and_at_most_12_pages() {
    let dir = tempfile::tempdir().unwrap();
    let store = app::open::open(&seeded(dir.path()), NewDatabase::Seeded, None).unwrap();
    let prepared =
        app::packets::prepare(&store, &PacketSpec::default(), day("2026-11-30")).unwrap();
    assert!(!prepared.packet.sections.contains(&Section::ChangesSince));
    let rendered = app::packets::render(&prepared).unwrap();
    assert!(rendered.pages <= 12, "{} pages", rendered.pages);
    let text = all_text(&load(&rendered.bytes));
    assert!(!text.contains("Changes since"), "{text}");
    // Even asked for explicitly, the seeding is not a change.
    let spec = PacketSpec {
        changes_since: Some("2000-01-01".into()),
        ..PacketSpec::default()
    };
    let prepared = app::packets::prepare(&store, &spec, day("2026-11-30")).unwrap();
    assert!(prepared.packet.changes.as_ref().unwrap().rows.is_empty());
}

#[test]
fn october_2021_packet_holds_the_trade_mission_not_the_june_mou_nor_undated_entries() {
    let dir = tempfile::tempdir().unwrap();
    let store = app::open::open(&seeded(dir.path()), NewDatabase::Seeded, None).unwrap();
    let mut spec = PacketSpec::default();
    spec.filters.from = Some("2021-10".into());
    spec.filters.to = Some("2021-10".into());
    let prepared = app::packets::prepare(&store, &spec, day("2026-11-30")).unwrap();
    let rendered = app::packets::render(&prepared).unwrap();
    let text = all_text(&load(&rendered.bytes));
    assert!(text.contains("trade mission"), "{text}");
    assert!(!text.contains("June 2021"), "{text}");
    assert!(
        !text.contains("Monthly."),
        "an undated (recurring) entry leaked: {text}"
    );
    assert!(
        text.contains("undated, left out of the date range"),
        "{text}"
    );
    assert!(text.contains("--include-undated"), "{text}");
    assert_eq!(prepared.packet.overview.total_entries, 1, "{text}");
}

#[test]
fn list_and_packet_dry_run_select_the_same_entries() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    for args in [
        vec!["--from", "2021-06", "--to", "2021-12"],
        vec!["--pillar", "I", "--from", "2021"],
        vec!["--from", "2021-10", "--to", "2021-10", "--include-undated"],
    ] {
        let run = |verb: &[&str]| {
            let out = Command::new(env!("CARGO_BIN_EXE_briefbook"))
                .arg("--db")
                .arg(&db)
                .args(verb)
                .args(&args)
                .env_remove("BRIEFBOOK_DB")
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
        };
        let listed: Vec<i64> = run(&["list", "--json"])
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_i64().unwrap())
            .collect();
        let packed: Vec<i64> = run(&["packet", "--dry-run", "--json"])["entry_ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64().unwrap())
            .collect();
        let (mut a, mut b) = (listed.clone(), packed.clone());
        a.sort();
        b.sort();
        assert!(!a.is_empty(), "{args:?}");
        assert_eq!(a, b, "{args:?}");
    }
}

#[test]
fn changes_since_the_last_packet_follow_the_selection_one_row_per_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = app::open::open(&seeded(dir.path()), NewDatabase::Seeded, None).unwrap();
    let rows = app::record::list_entries(&store, &EntryQuery::default()).unwrap();
    let planned = |p: u32| {
        rows.iter()
            .find(|r| r.pillar_number == p && r.status == briefbook::model::Status::Planned)
            .unwrap()
            .id
    };
    let pillar_one = planned(1);
    let pillar_three = planned(3);
    for id in [pillar_one, pillar_three] {
        let patch = briefbook::store::EntryPatch {
            status: Some(briefbook::model::Status::Done),
            ..Default::default()
        };
        store.update_entry(id, &patch).unwrap();
    }
    let mut spec = PacketSpec::default();
    spec.filters.pillars = vec![1];
    spec.changes_since = Some("2000-01-01".into());
    let prepared = app::packets::prepare(&store, &spec, day("2026-11-30")).unwrap();
    let changes = prepared.packet.changes.as_ref().unwrap();
    assert_eq!(changes.rows.len(), 1, "{changes:?}");
    let text = all_text(&load(&app::packets::render(&prepared).unwrap().bytes));
    assert!(
        text.contains("The Working Group specifically intends to: Status: Planned to Done"),
        "{text}"
    );
    assert!(!text.contains("[U+"), "{text}");
}

#[test]
fn packet_command_names_the_dialogue_and_refuses_unknown_meetings_and_dialogues() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_briefbook"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("BRIEFBOOK_DB")
            .output()
            .unwrap()
    };
    let out = run(&["packet", "--dialogue", "hled", "--dry-run", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        summary["dialogue"],
        "U.S.-Mexico High-Level Economic Dialogue"
    );
    assert!(summary["translation"].is_null());
    let pdf = dir.path().join("book.pdf");
    let out = run(&[
        "packet",
        "--meeting",
        "Ministerial 2099",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no meeting 'Ministerial 2099'"), "{err}");
    assert!(!pdf.exists(), "nothing is written");
    let out = run(&["packet", "--dialogue", "Nowhere", "--dry-run"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("'Nowhere'") && err.contains("(HLED)"), "{err}");
    let out = run(&["packet", "--lang", "es", "--dry-run"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Spanish: ") && text.contains("marked [EN]"),
        "{text}"
    );
}
