//! Backups: made with the online backup API into a private `backups/` folder, listed newest
//! first, rotated, and restored all or nothing after the backup is checked.

use briefbook::model::NoteKind;
use briefbook::store::backup::{self, BackupKind};
use briefbook::store::{open_or_create, Store, StoreError};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, SystemTime};

fn seed(store: &mut Store) -> Result<(), StoreError> {
    briefbook::builtin::seed(store).map(drop)
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Adds a user note to the first initiative: a change a restore must undo.
fn change(store: &mut Store) {
    let record = store.load_record().unwrap();
    let initiative = record.dialogues[0].pillars[0].initiatives[0].id.unwrap();
    store
        .add_note(
            briefbook::store::NoteTarget::Initiative(initiative),
            NoteKind::Background,
            "A note written after the backup",
        )
        .unwrap();
}

#[test]
fn a_manual_backup_is_private_listed_and_opens_to_the_same_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    let store = open_or_create(&path, None, seed).unwrap();
    let copy = backup::backup_now(&store).unwrap();
    assert_eq!(copy.parent().unwrap(), dir.path().join("backups"));
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(mode(&dir.path().join("backups")), 0o700);
    let listed = backup::list(&path).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].path, copy);
    assert_eq!(listed[0].kind, BackupKind::Manual);
    assert!(!listed[0].encrypted);
    assert_eq!(listed[0].size, std::fs::metadata(&copy).unwrap().len());
    let reopened = Store::open(&copy).unwrap();
    assert_eq!(
        reopened.export_json().unwrap(),
        store.export_json().unwrap()
    );
}

#[test]
fn opening_makes_one_automatic_backup_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    drop(open_or_create(&path, None, seed).unwrap());
    assert!(
        backup::list(&path).unwrap().is_empty(),
        "a new record needs no backup"
    );
    drop(Store::open(&path).unwrap());
    drop(Store::open(&path).unwrap());
    let listed = backup::list(&path).unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0].kind, BackupKind::Daily);
    // A day later, the next open makes another.
    let yesterday = SystemTime::now() - Duration::from_secs(25 * 3600);
    std::fs::File::options()
        .write(true)
        .open(&listed[0].path)
        .unwrap()
        .set_modified(yesterday)
        .unwrap();
    drop(Store::open(&path).unwrap());
    assert_eq!(backup::list(&path).unwrap().len(), 2);
}

#[test]
fn rotation_keeps_the_newest_ten_one_a_week_for_eight_weeks_and_every_manual_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    let folder = dir.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    let now = SystemTime::now();
    let day = Duration::from_secs(24 * 3600);
    // One daily backup a day for 90 days, and one manual backup 80 days ago.
    for age in 0..90u32 {
        let name = format!("record-2026{age:04}-000000000-daily.db");
        let file = folder.join(name);
        std::fs::write(&file, "x").unwrap();
        let when = now - day * age - Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(when)
            .unwrap();
    }
    let manual = folder.join("record-20250101-000000000-manual.db");
    std::fs::write(&manual, "x").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&manual)
        .unwrap()
        .set_modified(now - day * 80)
        .unwrap();
    backup::rotate(&path).unwrap();
    let left = backup::list(&path).unwrap();
    let ages: Vec<u64> = left
        .iter()
        .filter(|b| b.kind == BackupKind::Daily)
        .map(|b| now.duration_since(b.modified).unwrap().as_secs() / day.as_secs())
        .collect();
    // Days 0-9, then the newest of weeks 2-7 (days 14, 21, ... 49, 56 is week 8: gone).
    assert_eq!(ages, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 14, 21, 28, 35, 42, 49]);
    assert!(
        left.iter().any(|b| b.path == manual),
        "manual backups are never rotated"
    );
}

#[test]
fn restoring_a_backup_brings_the_record_back_and_keeps_the_replaced_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    let mut store = open_or_create(&path, None, seed).unwrap();
    let before = store.export_json().unwrap();
    let copy = backup::backup_now(&store).unwrap();
    change(&mut store);
    let changed = store.export_json().unwrap();
    assert_ne!(changed, before);
    drop(store);

    let kept = backup::restore(&path, &copy, None).unwrap();
    assert!(!dir.path().join("record.db-wal").exists() || Store::open(&path).is_ok());
    assert_eq!(Store::open(&path).unwrap().export_json().unwrap(), before);
    assert_eq!(Store::open(&kept).unwrap().export_json().unwrap(), changed);
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn a_backup_that_is_not_a_briefbook_database_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    let json = open_or_create(&path, None, seed)
        .unwrap()
        .export_json()
        .unwrap();
    let foreign = dir.path().join("other.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let err = backup::restore(&path, &foreign, None).unwrap_err();
    assert_eq!(err.code(), "incompatible_database", "{err}");
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database").unwrap();
    assert!(backup::restore(&path, &text, None).is_err());
    assert_eq!(Store::open(&path).unwrap().export_json().unwrap(), json);
    assert!(backup::list(&path)
        .unwrap()
        .iter()
        .all(|b| b.kind == BackupKind::Daily));
}

#[test]
fn a_copy_before_a_change_is_labelled_and_a_bad_label_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    let store = open_or_create(&path, None, seed).unwrap();
    let copy = backup::before_change(&store, "before-import").unwrap();
    let listed = backup::list(&path).unwrap();
    assert_eq!(listed[0].path, copy);
    assert_eq!(
        listed[0].kind,
        BackupKind::BeforeChange("before-import".into())
    );
    for bad in ["import", "before-../../x", "before-a b"] {
        let err = backup::before_change(&store, bad).unwrap_err();
        assert_eq!(err.code(), "validation", "{bad}: {err}");
    }
    assert_eq!(backup::list(&path).unwrap().len(), 1);
}

#[test]
fn an_encrypted_backup_is_restored_only_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    let pass = briefbook::store::Passphrase::new("restore words".into()).unwrap();
    let mut store = open_or_create(&path, Some(&pass), seed).unwrap();
    let before = store.export_json().unwrap();
    let copy = backup::backup_now(&store).unwrap();
    change(&mut store);
    let changed = store.export_json().unwrap();
    drop(store);

    let err = backup::restore(&path, &copy, None).unwrap_err();
    assert!(matches!(err, StoreError::NeedsPassphrase(_)), "{err}");
    let wrong = briefbook::store::Passphrase::new("not these".into()).unwrap();
    let err = backup::restore(&path, &copy, Some(&wrong)).unwrap_err();
    assert!(matches!(err, StoreError::WrongPassphrase(_)), "{err}");
    let reopened = Store::open_with(&path, Some(&pass)).unwrap();
    assert_eq!(reopened.export_json().unwrap(), changed);
    drop(reopened);

    backup::restore(&path, &copy, Some(&pass)).unwrap();
    let restored = Store::open_with(&path, Some(&pass)).unwrap();
    assert_eq!(restored.export_json().unwrap(), before);
}
