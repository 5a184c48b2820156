//! Importing fact sheets from the command line, the built-in record, and files that
//! cannot be imported.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED: &str = "assets/seed/hled-fact-sheet-2021-12-13.txt";
const LATER: &str = "tests/fixtures/import/later-update.txt";

fn briefbook(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefbook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BRIEFBOOK_DB")
        .output()
        .expect("run briefbook")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn export(db: &Path) -> String {
    let out = briefbook(db, &["export"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

fn new_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.db");
    (dir, db)
}

#[test]
fn a_new_database_starts_with_the_hled_record() {
    let (_dir, db) = new_db();
    let out = briefbook(&db, &["list", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    let pillars: std::collections::BTreeSet<u64> = rows
        .iter()
        .map(|r| r["pillar_number"].as_u64().unwrap())
        .collect();
    assert_eq!(pillars.into_iter().collect::<Vec<_>>(), [1, 2, 3, 4]);
    let mou = rows
        .iter()
        .find(|r| r["text"].as_str().unwrap().contains("signed a MOU"))
        .unwrap();
    assert_eq!(mou["date"]["edtf"], "2021-06");
    assert_eq!(mou["date"]["text"], "June 2021");
    let out = briefbook(&db, &["search", "COFEPRIS", "--json"]);
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        hits[0]["initiative_title"],
        "Trade Facilitation Partnership for Medical Devices"
    );
}

#[test]
fn init_empty_makes_a_database_without_the_built_in_record() {
    let (_dir, db) = new_db();
    assert!(briefbook(&db, &["init", "--empty"]).status.success());
    assert!(export(&db).contains("\"dialogues\": []"));
}

#[test]
fn importing_the_seed_again_adds_nothing() {
    let (_dir, db) = new_db();
    let before = export(&db);
    let out = briefbook(&db, &["import", SEED]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Added 0 entries"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(export(&db), before);
}

#[test]
fn a_later_fact_sheet_merges_into_the_matching_pillars_and_initiatives() {
    let (_dir, db) = new_db();
    let dry = briefbook(&db, &["import", LATER, "--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    let plan = text(&dry.stdout);
    assert!(plan.contains("Dry run"), "{plan}");
    assert!(!plan.contains("+ pillar"), "pillars must match: {plan}");
    assert!(
        !plan.contains("+ initiative"),
        "initiatives must match: {plan}"
    );
    let before = export(&db);

    let out = briefbook(&db, &["import", LATER]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let after = export(&db);
    assert_ne!(after, before);
    assert!(after.contains("completed the joint list of critical sectors"));
    // The meeting bullet repeats the 2021 text: matched, not duplicated.
    let out = briefbook(&db, &["list", "--pillar", "1", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let meetings = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            r["text"]
                .as_str()
                .unwrap()
                .contains("intend to meet monthly")
        })
        .count();
    assert_eq!(meetings, 1);

    let out = briefbook(&db, &["history", "--json"]);
    let events: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let last = events.as_array().unwrap().last().unwrap();
    assert!(
        last["origin"]["title"]
            .as_str()
            .unwrap()
            .contains("PROGRESS REPORT"),
        "{last}"
    );
}

/// Imports `file`, expecting a refusal naming it, and no change to the record.
fn refused(file: &Path, expected: &str) {
    let (_dir, db) = new_db();
    let before = export(&db);
    let out = briefbook(&db, &["import", file.to_str().unwrap()]);
    assert!(!out.status.success(), "{} was imported", file.display());
    let message = text(&out.stderr);
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(message.contains(&name), "{message:?} does not name {name}");
    assert!(message.contains(expected), "{message:?} lacks {expected:?}");
    assert_eq!(export(&db), before);
}

#[test]
fn empty_binary_missing_and_oversized_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    refused(&empty, "empty");

    let binary = dir.path().join("photo.jpg");
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
    bytes.extend((0..4000u32).map(|i| (i * 7 % 256) as u8));
    std::fs::write(&binary, bytes).unwrap();
    refused(&binary, "binary");

    refused(&dir.path().join("nowhere.txt"), "cannot read");

    let huge = dir.path().join("huge.txt");
    let line = "Pillar I: Building Back Together. The United States and Mexico intend to meet.\n";
    std::fs::write(&huge, line.repeat(21 * 1024 * 1024 / line.len() + 1)).unwrap();
    refused(&huge, "limit");
}
