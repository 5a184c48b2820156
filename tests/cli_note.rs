//! `briefbook note add|list|remove` as a person uses it, and what it refuses.

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

#[test]
fn a_note_added_by_title_words_is_listed_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let out = briefbook(
        &db,
        &[
            "note",
            "add",
            "--initiative",
            "medical devices",
            "--kind",
            "points",
            "Welcome COFEPRIS progress",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = briefbook(&db, &["note", "list", "--json"]);
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = &rows.as_array().unwrap()[0];
    assert_eq!(row["kind"], "points_to_make");
    assert!(row["place"].as_str().unwrap().contains("Medical Devices"));
    let id = row["id"].to_string();
    assert!(briefbook(&db, &["note", "remove", &id]).status.success());
    let out = briefbook(&db, &["note", "list"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("No notes"));
}

#[test]
fn bad_notes_are_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    for (args, expected) in [
        (
            vec![
                "note",
                "add",
                "--initiative",
                "zebra",
                "--kind",
                "points",
                "x",
            ],
            "zebra",
        ),
        (
            vec![
                "note",
                "add",
                "--initiative",
                "medical devices",
                "--kind",
                "gossip",
                "x",
            ],
            "gossip",
        ),
        (
            vec![
                "note",
                "add",
                "--entry",
                "99999",
                "--kind",
                "background",
                "x",
            ],
            "99999",
        ),
        (vec!["note", "remove", "424242"], "424242"),
    ] {
        let out = briefbook(&db, &args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    let out = briefbook(&db, &["note", "list", "--json"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
}
