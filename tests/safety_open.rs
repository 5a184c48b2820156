//! Opening files: another program's SQLite file is refused untouched; a Briefbook database
//! (with its application id, or older and recognised by its schema) opens; files and the
//! data directory are private.

use briefbook::store::{create_data_dir, Store, StoreError, APPLICATION_ID, SCHEMA_VERSION};
use rusqlite::Connection;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn header_ids(path: &Path) -> (i64, i32) {
    let conn = Connection::open(path).unwrap();
    conn.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version),
                (SELECT application_id FROM pragma_application_id)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

/// Opens `path` expecting a refusal, and checks that nothing at all changed.
fn assert_refused_untouched(path: &Path) {
    let dir = path.parent().unwrap();
    let before = std::fs::read(path).unwrap();
    let files_before = names(dir);
    let err = Store::open(path).err().expect("a foreign file was opened");
    assert!(matches!(err, StoreError::NotBriefbook(_)), "{err}");
    assert_eq!(err.code(), "incompatible_database");
    let message = err.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("not a Briefbook database"), "{message}");
    assert_eq!(std::fs::read(path).unwrap(), before, "bytes changed");
    assert_eq!(names(dir), files_before, "files appeared or vanished");
}

#[test]
fn another_programs_database_is_refused_byte_for_byte_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photos.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT);
         INSERT INTO album (title) VALUES ('Holidays');",
    )
    .unwrap();
    drop(conn);
    assert_refused_untouched(&path);
    let journal: String = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        journal, "delete",
        "the journal mode was not switched to WAL"
    );
}

#[test]
fn a_foreign_database_with_a_version_or_another_application_id_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // A user_version but not Briefbook's tables.
    let versioned = dir.path().join("versioned.db");
    let conn = Connection::open(&versioned).unwrap();
    conn.execute_batch("CREATE TABLE entry (x); PRAGMA user_version = 3;")
        .unwrap();
    drop(conn);
    assert_refused_untouched(&versioned);
    // Another program's application id, even with no table at all.
    let other = dir.path().join("other.db");
    let conn = Connection::open(&other).unwrap();
    conn.execute_batch("PRAGMA application_id = 1234;").unwrap();
    drop(conn);
    assert_refused_untouched(&other);
}

#[test]
fn a_foreign_database_in_wal_mode_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("app.sqlite");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    assert_refused_untouched(&path);
}

#[test]
fn a_new_database_carries_briefbooks_application_id_and_is_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    let store = Store::open(&path).unwrap();
    drop(store);
    assert_eq!(header_ids(&path), (SCHEMA_VERSION, APPLICATION_ID));
    assert_eq!(mode(&path), 0o600);
    assert_eq!(names(dir.path()), ["record.db"]);
}

#[test]
fn the_wal_of_a_briefbook_database_is_private_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    let mut store = Store::open(&path).unwrap();
    briefbook::builtin::seed(&mut store).unwrap();
    let wal = dir.path().join("record.db-wal");
    assert!(wal.exists());
    assert_eq!(mode(&wal), 0o600);
}

#[test]
fn a_briefbook_database_from_before_the_application_id_is_recognised_and_stamped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    let mut store = Store::open(&path).unwrap();
    briefbook::builtin::seed(&mut store).unwrap();
    let json = store.export_json().unwrap();
    drop(store);
    // What the previous version wrote: the schema and its user_version, no application id.
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", 0).unwrap();
    drop(conn);
    assert_eq!(header_ids(&path), (SCHEMA_VERSION, 0));
    let store = Store::open(&path).unwrap();
    assert_eq!(store.export_json().unwrap(), json);
    drop(store);
    assert_eq!(header_ids(&path), (SCHEMA_VERSION, APPLICATION_ID));
}

#[test]
fn an_empty_sqlite_file_is_treated_as_new() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    // `sqlite3 record.db 'VACUUM'` leaves a valid file with nothing in it.
    Connection::open(&path)
        .unwrap()
        .execute_batch("VACUUM")
        .unwrap();
    let store = Store::open(&path).unwrap();
    assert!(store.is_empty().unwrap());
    drop(store);
    assert_eq!(header_ids(&path), (SCHEMA_VERSION, APPLICATION_ID));
}

#[test]
fn a_text_file_a_folder_and_a_fifo_are_not_databases() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "plain notes ".repeat(100)).unwrap();
    let err = Store::open(&text).err().unwrap();
    assert!(matches!(err, StoreError::NotADatabase(_)), "{err}");
    let err = Store::open(dir.path()).err().unwrap();
    assert_eq!(err.code(), "incompatible_database");
    let fifo = dir.path().join("pipe.db");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let err = Store::open(&fifo).err().unwrap();
    assert!(err.to_string().contains("pipe.db"), "{err}");
}

#[test]
fn the_data_directory_is_created_private() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("share").join("Briefbook");
    create_data_dir(&data).unwrap();
    assert_eq!(mode(&data), 0o700);
    create_data_dir(&data).unwrap();
}
