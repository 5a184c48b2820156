//! The command line as a person uses it: each run is the real binary on a temp database.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SMALL: &str = "tests/fixtures/small-record.json";

fn briefbook(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefbook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BRIEFBOOK_DB")
        .output()
        .expect("run briefbook")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Self {
        Workspace {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("record.db")
    }

    fn file(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// A database holding the small fixture, and its export.
    fn with_small_record(&self) -> String {
        let out = briefbook(&self.db(), &["init", "--empty"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let out = briefbook(&self.db(), &["import", SMALL]);
        assert!(out.status.success(), "{}", stderr(&out));
        self.export()
    }

    fn export(&self) -> String {
        let out = briefbook(&self.db(), &["export"]);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    }
}

/// Runs a command that must fail, and checks the message and that nothing changed.
fn refused(ws: &Workspace, args: &[&str], expected: &str) {
    let before = ws.export();
    let out = briefbook(&ws.db(), args);
    assert!(!out.status.success(), "{args:?} succeeded");
    let message = stderr(&out);
    assert!(
        message.contains(expected),
        "{args:?}: expected {expected:?} in {message:?}"
    );
    assert_eq!(ws.export(), before, "{args:?} changed the record");
}

#[test]
fn list_shows_an_aligned_table_and_json() {
    let ws = Workspace::new();
    ws.with_small_record();
    let out = briefbook(&ws.db(), &["list", "--pillar", "II"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text
        .lines()
        .next()
        .unwrap()
        .starts_with("Pillar  Initiative"));
    assert!(text.contains("Sembrando Oportunidades"));
    assert!(!text.contains("trade mission"));

    let out = briefbook(
        &ws.db(),
        &["list", "--from", "2021-10", "--to", "2021-10", "--json"],
    );
    let rows: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["date"]["edtf"], "2021-10-25");
}

#[test]
fn search_finds_accented_text_without_accents() {
    let ws = Workspace::new();
    ws.with_small_record();
    let out = briefbook(&ws.db(), &["search", "cooperacion", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let hits: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(hits[0]["kind"], "note");
    let out = briefbook(&ws.db(), &["search", "Mexico"]);
    assert!(stdout(&out).contains("*México*"));
}

#[test]
fn export_import_round_trip_through_files() {
    let ws = Workspace::new();
    let first = ws.with_small_record();
    let file = ws.dir.path().join("out.json");
    let out = briefbook(&ws.db(), &["export", "-o", file.to_str().unwrap()]);
    assert!(out.status.success());
    let other = ws.dir.path().join("other.db");
    assert!(briefbook(&other, &["init", "--empty"]).status.success());
    let out = briefbook(&other, &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&briefbook(&other, &["export"])), first);
}

#[test]
fn dry_run_prints_the_plan_and_writes_nothing() {
    let ws = Workspace::new();
    assert!(briefbook(&ws.db(), &["init", "--empty"]).status.success());
    let out = briefbook(&ws.db(), &["import", SMALL, "--dry-run"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("+ entry"), "{text}");
    assert!(text.contains("Would add 5 entries"), "{text}");
    assert!(text.contains("nothing was written"));
    assert!(ws.export().contains("\"dialogues\": []"));
}

#[test]
fn history_lists_the_import_with_its_origin() {
    let ws = Workspace::new();
    ws.with_small_record();
    let out = briefbook(&ws.db(), &["history", "--json"]);
    let events: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let first = &events[0];
    assert_eq!(first["origin"]["kind"], "import");
    let out = briefbook(&ws.db(), &["history", "--since", "2999"]);
    assert!(out.status.success());
    assert!(stdout(&out).is_empty());
}

#[test]
fn malformed_json_is_refused_with_its_line() {
    let ws = Workspace::new();
    ws.with_small_record();
    let bad = ws.file(
        "bad.json",
        "{\n \"format\": \"briefbook/1\",\n \"dialogues\": [\n}",
    );
    refused(&ws, &["import", bad.to_str().unwrap()], "line 4");
}

#[test]
fn wrong_or_missing_format_is_refused() {
    let ws = Workspace::new();
    ws.with_small_record();
    let wrong = ws.file("wrong.json", r#"{"format": "other/2", "dialogues": []}"#);
    refused(
        &ws,
        &["import", wrong.to_str().unwrap()],
        "unknown format \"other/2\"",
    );
    let missing = ws.file("missing.json", r#"{"dialogues": []}"#);
    refused(
        &ws,
        &["import", missing.to_str().unwrap()],
        "missing \"format\"",
    );
}

#[test]
fn impossible_dates_and_reversed_intervals_are_refused() {
    let ws = Workspace::new();
    ws.with_small_record();
    let fixture = std::fs::read_to_string(SMALL).unwrap();
    let bad = ws.file(
        "bad-date.json",
        &fixture.replace("\"edtf\": \"2021-08\"", "\"edtf\": \"2021-02-30\""),
    );
    refused(&ws, &["import", bad.to_str().unwrap()], "2021-02-30");
    let reversed = ws.file(
        "reversed.json",
        &fixture.replace("\"edtf\": \"2021-08\"", "\"edtf\": \"2022-09/2021-09-09\""),
    );
    refused(
        &ws,
        &["import", reversed.to_str().unwrap()],
        "ends before it starts",
    );
    refused(
        &ws,
        &["list", "--from", "2022", "--to", "2021"],
        "ends (2021) before it starts (2022)",
    );
    refused(&ws, &["list", "--from", "2021-13"], "month 13");
}

#[test]
fn unknown_pillar_and_duplicate_entries_are_refused() {
    let ws = Workspace::new();
    ws.with_small_record();
    refused(&ws, &["list", "--pillar", "VII"], "no pillar VII");
    refused(&ws, &["list", "--pillar", "seven"], "--pillar seven");
    let fixture = std::fs::read_to_string(SMALL).unwrap();
    let doubled = ws.file(
        "dup.json",
        &fixture.replace(
            "The United States carried out a virtual trade mission on October 25, 2021.",
            "COFEPRIS and USAID have signed a letter of intent in August 2021.",
        ),
    );
    refused(
        &ws,
        &["import", doubled.to_str().unwrap()],
        "duplicate entry",
    );
    let zero = ws.file(
        "zero.json",
        &fixture.replace("\"number\": 2", "\"number\": 0"),
    );
    refused(
        &ws,
        &["import", zero.to_str().unwrap()],
        "pillar numbers start at 1",
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
    let ws = Workspace::new();
    let fake = ws.file("fake.db", &"not a database at all ".repeat(300));
    let out = briefbook(&fake, &["list"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("is not a Briefbook database"),
        "{}",
        stderr(&out)
    );
    assert!(std::fs::read_to_string(&fake)
        .unwrap()
        .starts_with("not a database"));
}

#[test]
fn a_newer_database_is_refused_with_advice() {
    let ws = Workspace::new();
    ws.with_small_record();
    let conn = rusqlite::Connection::open(ws.db()).unwrap();
    conn.pragma_update(None, "user_version", 42).unwrap();
    drop(conn);
    let out = briefbook(&ws.db(), &["list"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("newer Briefbook"), "{}", stderr(&out));
}

#[test]
fn missing_or_read_only_directories_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dir").join("record.db");
    let out = briefbook(&missing, &["list"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no-such-dir"), "{}", stderr(&out));
    assert!(
        !missing.parent().unwrap().exists(),
        "a typed folder is never created"
    );
    // /proc refuses new files even to root, so this holds on CI too.
    let out = briefbook(Path::new("/proc/briefbook.db"), &["list"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("/proc"), "{}", stderr(&out));
    let out = briefbook(Path::new("/proc/briefbook.db"), &["init"]);
    assert!(!out.status.success());
}

#[test]
fn export_to_an_unwritable_place_fails_and_names_it() {
    let ws = Workspace::new();
    ws.with_small_record();
    refused(&ws, &["export", "-o", "/proc/out.json"], "/proc");
}

#[test]
fn init_refuses_an_existing_database() {
    let ws = Workspace::new();
    ws.with_small_record();
    refused(&ws, &["init"], "already exists");
}
