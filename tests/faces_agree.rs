//! The command line and a direct call into the application layer (what the desktop shell
//! makes) give the same answer to the same request: both faces are thin over `app::`.

use briefbook::app::{self, import::ImportInput, open::NewDatabase};
use briefbook::packet::PacketSpec;
use briefbook::store::EntryQuery;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn briefbook(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefbook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BRIEFBOOK_DB")
        .output()
        .expect("briefbook runs")
}

fn json_out(db: &Path, args: &[&str]) -> Value {
    let out = briefbook(db, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn seeded_db(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("record.db");
    app::open::init(&db, NewDatabase::Seeded, None).expect("a new database");
    db
}

#[test]
fn list_and_app_list_entries_select_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_db(dir.path());
    let cli = json_out(&db, &["list", "--pillar", "II", "--json"]);
    let store = app::open::open(&db, NewDatabase::Seeded, None).unwrap();
    let mut filter = EntryQuery::default();
    filter.filters.pillars = vec![2];
    let direct = app::record::list_entries(&store, &filter).unwrap();
    assert!(!direct.is_empty());
    assert_eq!(cli, serde_json::to_value(&direct).unwrap());
}

#[test]
fn packet_dry_run_and_app_summary_agree() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_db(dir.path());
    let cli = json_out(&db, &["packet", "--pillar", "3", "--dry-run", "--json"]);
    let store = app::open::open(&db, NewDatabase::Seeded, None).unwrap();
    let mut spec = PacketSpec::default();
    spec.filters.pillars = vec![3];
    let today = chrono::Local::now().date_naive();
    let direct = app::packets::summary(&store, &spec, today).unwrap();
    assert_eq!(cli, serde_json::to_value(&direct).unwrap());
    assert!(!dir.path().join("packet.pdf").exists());
}

#[test]
fn import_dry_run_and_app_preview_report_the_same_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_db(dir.path());
    let sheet =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app/fact-sheet-2022-update.txt");
    let out = briefbook(&db, &["import", "--dry-run", sheet.to_str().unwrap()]);
    assert!(out.status.success());
    let printed = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut store = app::open::open(&db, NewDatabase::Seeded, None).unwrap();
    let mut previews = app::import::Previews::default();
    let input = ImportInput::File {
        path: sheet.display().to_string(),
    };
    let preview = app::import::preview(&mut store, &mut previews, &input, &mut |_| {}).unwrap();
    assert!(preview.report.added_entries > 0);
    assert!(
        printed.contains(&format!(
            "Would add {} entries",
            preview.report.added_entries
        )),
        "{printed}"
    );
    for line in &preview.report.lines {
        assert!(
            printed.contains(&line.what),
            "{} missing from:\n{printed}",
            line.what
        );
    }
}

#[test]
fn undo_on_the_command_line_reverts_an_app_edit() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_db(dir.path());
    let mut store = app::open::open(&db, NewDatabase::Seeded, None).unwrap();
    let before = app::backup::export_json(&store).unwrap();
    let entry = app::record::list_entries(&store, &EntryQuery::default()).unwrap()[0].clone();
    app::record::update_entry(
        &mut store,
        entry.id,
        vec![app::record::EntryChange::Text("Changed in the app".into())],
    )
    .unwrap();
    drop(store);
    let out = briefbook(&db, &["undo"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Undone:"));
    let store = app::open::open(&db, NewDatabase::Seeded, None).unwrap();
    assert_eq!(app::backup::export_json(&store).unwrap(), before);
    let out = briefbook(&db, &["undo"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nothing to undo"));
}

#[test]
fn control_characters_in_the_record_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_db(dir.path());
    let mut store = app::open::open(&db, NewDatabase::Seeded, None).unwrap();
    let entry = app::record::list_entries(&store, &EntryQuery::default()).unwrap()[0].clone();
    store
        .update_entry(
            entry.id,
            &briefbook::store::EntryPatch {
                text: Some("title \u{1b}]0;owned\u{7} bell".into()),
                ..Default::default()
            },
        )
        .unwrap();
    drop(store);
    for args in [&["list"][..], &["history"][..], &["search", "bell"][..]] {
        let out = briefbook(&db, args);
        assert!(out.status.success(), "{args:?}");
        assert!(
            !out.stdout.iter().any(|b| *b == 0x1b || *b == 0x07),
            "{args:?} printed a raw control character"
        );
    }
}
