//! Backups and encryption from the command line: what a person types, and what is refused.

use std::path::Path;
use std::process::{Command, Output};

fn briefbook(db: &Path, args: &[&str], passphrase: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_briefbook"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BRIEFBOOK_DB");
    match passphrase {
        Some(p) => command.env("BRIEFBOOK_PASSPHRASE", p),
        None => command.env_remove("BRIEFBOOK_PASSPHRASE"),
    };
    command.output().expect("briefbook runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_backup_is_listed_and_restores_a_deleted_change() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let before = briefbook(&db, &["export"], None).stdout;
    let out = briefbook(&db, &["backup"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listed = text(&briefbook(&db, &["backups", "--json"], None).stdout);
    let rows: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let manual = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "manual")
        .expect("the manual backup is listed")["path"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(briefbook(
        &db,
        &[
            "note",
            "add",
            "--initiative",
            "medical devices",
            "--kind",
            "points",
            "x"
        ],
        None
    )
    .status
    .success());
    let out = briefbook(&db, &["restore", &manual], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(briefbook(&db, &["export"], None).stdout, before);
    let out = briefbook(&db, &["backup", "-o", &manual], None);
    assert!(
        !out.status.success(),
        "an existing file is never overwritten by a backup"
    );
}

#[test]
fn an_encrypted_database_opens_only_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let out = briefbook(&db, &["encrypt"], Some("correct horse battery staple"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = std::fs::read(&db).unwrap();
    assert!(
        !bytes.windows(8).any(|w| w == b"COFEPRIS"),
        "record text on disk"
    );
    let out = briefbook(
        &db,
        &["search", "COFEPRIS"],
        Some("correct horse battery staple"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("COFEPRIS"));
    let out = briefbook(&db, &["list"], Some("wrong"));
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("passphrase"),
        "{}",
        text(&out.stderr)
    );
    let out = briefbook(&db, &["decrypt"], Some("correct horse battery staple"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(briefbook(&db, &["list"], None).status.success());
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("other.sqlite");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('beach');")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&db).unwrap();
    let out = briefbook(&db, &["list"], None);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("other.sqlite"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn init_encrypt_creates_an_encrypted_database_from_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let out = briefbook(
        &db,
        &["init", "--encrypt"],
        Some("correct horse battery staple"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = std::fs::read(&db).unwrap();
    assert!(
        !bytes.starts_with(b"SQLite format 3"),
        "the file is not plain SQLite"
    );
    assert!(!bytes.windows(8).any(|w| w == b"COFEPRIS"));
    let out = briefbook(
        &db,
        &["search", "COFEPRIS"],
        Some("correct horse battery staple"),
    );
    assert!(
        text(&out.stdout).contains("COFEPRIS"),
        "{}",
        text(&out.stderr)
    );
    let out = briefbook(&db, &["list"], None);
    assert!(!out.status.success(), "no passphrase, no record");
}
