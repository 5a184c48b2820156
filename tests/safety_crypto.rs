//! Encryption at rest: no record text on disk, the right passphrase opens, a wrong or
//! missing one is refused clearly, and conversions round-trip the record exactly.

use briefbook::store::{
    backup, change_passphrase, decrypt_file, encrypt_file, open_or_create, Passphrase, Store,
    StoreError, APPLICATION_ID, SCHEMA_VERSION,
};
use std::path::Path;

/// Phrases of the built-in record that must never appear in an encrypted file.
const PHRASES: &[&[u8]] = &[
    b"transboundary pollutants",
    b"Working Group",
    b"Supply Chain",
    b"Points on the zebra memorandum",
];

fn key(text: &str) -> Passphrase {
    Passphrase::new(text.into()).unwrap()
}

fn seed(store: &mut Store) -> Result<(), StoreError> {
    briefbook::builtin::seed(store).map(drop)
}

fn holds_record_text(path: &Path) -> bool {
    let bytes = std::fs::read(path).unwrap_or_default();
    PHRASES
        .iter()
        .any(|p| bytes.windows(p.len()).any(|w| w == *p))
}

fn side(path: &Path, suffix: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(format!("{}{suffix}", path.display()))
}

#[test]
fn an_encrypted_record_leaves_no_text_in_the_file_or_its_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.db");
    let pass = key("correct horse battery staple");
    let mut store = open_or_create(&path, Some(&pass), seed).unwrap();
    assert!(store.is_encrypted());
    // A note written while the store is open lives in the WAL until a checkpoint.
    let record = store.load_record().unwrap();
    let initiative = record.dialogues[0].pillars[0].initiatives[0].id.unwrap();
    store
        .add_note(
            briefbook::store::NoteTarget::Initiative(initiative),
            briefbook::model::NoteKind::PointsToMake,
            "Points on the zebra memorandum",
        )
        .unwrap();
    assert!(std::fs::metadata(side(&path, "-wal")).unwrap().len() > 0);
    assert!(
        !holds_record_text(&path),
        "record text in the database file"
    );
    assert!(
        !holds_record_text(&side(&path, "-wal")),
        "record text in the WAL"
    );
    drop(store);
    assert!(!holds_record_text(&path));
    // The check itself finds text in a plain record.
    let plain = dir.path().join("plain.db");
    drop(open_or_create(&plain, None, seed).unwrap());
    assert!(holds_record_text(&plain));
}

#[test]
fn the_right_passphrase_opens_and_a_wrong_or_missing_one_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.db");
    let pass = key("it's a secret; with 'quotes'");
    let json = open_or_create(&path, Some(&pass), seed)
        .unwrap()
        .export_json()
        .unwrap();
    let before = std::fs::read(&path).unwrap();

    let err = Store::open(&path)
        .err()
        .expect("opened without a passphrase");
    assert!(matches!(err, StoreError::NeedsPassphrase(_)), "{err}");
    assert_eq!(err.code(), "encrypted");
    assert!(err.to_string().contains("secret.db"), "{err}");

    let err = Store::open_with(&path, Some(&key("wrong")))
        .err()
        .expect("opened with a wrong key");
    assert!(matches!(err, StoreError::WrongPassphrase(_)), "{err}");
    assert_eq!(err.code(), "encrypted");
    assert!(err.to_string().contains("wrong"), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "a wrong key changed the file"
    );

    let store = Store::open_with(&path, Some(&pass)).unwrap();
    assert_eq!(store.export_json().unwrap(), json);
}

#[test]
fn plain_to_encrypted_to_plain_keeps_the_record_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    let json = open_or_create(&path, None, seed)
        .unwrap()
        .export_json()
        .unwrap();
    // Opening again makes the day's backup: a plain copy of the record.
    drop(Store::open(&path).unwrap());
    assert!(!backup::list(&path).unwrap()[0].encrypted);
    let pass = key("round trip");

    let converted = encrypt_file(&path, &pass).unwrap();
    assert!(!holds_record_text(&path));
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::NeedsPassphrase(_))
    ));
    let store = Store::open_with(&path, Some(&pass)).unwrap();
    assert_eq!(store.export_json().unwrap(), json);
    assert!(!store.search("supply chain", 5).unwrap().is_empty());
    drop(store);
    // No plain copy of the record is left: the daily one and the one kept during the
    // conversion were encrypted too.
    let backups = backup::list(&path).unwrap();
    assert_eq!(converted.backups_converted, backups.len());
    assert!(converted.backups_left.is_empty());
    for b in &backups {
        assert!(b.encrypted && !holds_record_text(&b.path), "{:?}", b.path);
        let copy = Store::open_with(&b.path, Some(&pass)).unwrap();
        assert_eq!(copy.export_json().unwrap(), json);
    }

    let err = encrypt_file(&path, &pass).unwrap_err();
    assert!(err.to_string().contains("already encrypted"), "{err}");
    let err = decrypt_file(&path, &key("not it")).unwrap_err();
    assert!(matches!(err, StoreError::WrongPassphrase(_)), "{err}");

    decrypt_file(&path, &pass).unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.export_json().unwrap(), json);
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let ids: (i64, i32, String) = conn
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version),
                    (SELECT application_id FROM pragma_application_id),
                    (SELECT journal_mode FROM pragma_journal_mode)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(ids, (SCHEMA_VERSION, APPLICATION_ID, "wal".to_string()));
    // The encrypted file was kept as a backup, and it is still encrypted.
    let kept = backup::list(&path).unwrap();
    assert!(kept.iter().any(|b| b.kind
        == backup::BackupKind::BeforeChange("before-decrypt".into())
        && b.encrypted));
}

#[test]
fn changing_the_passphrase_locks_out_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.db");
    let (old, new) = (key("old words"), key("new words"));
    let json = open_or_create(&path, Some(&old), seed)
        .unwrap()
        .export_json()
        .unwrap();
    let copy = backup::backup_now(&Store::open_with(&path, Some(&old)).unwrap()).unwrap();
    let converted = change_passphrase(&path, &old, &new).unwrap();
    assert!(converted.backups_converted >= 2, "{converted:?}");
    for file in [path.clone(), copy] {
        assert!(matches!(
            Store::open_with(&file, Some(&old)),
            Err(StoreError::WrongPassphrase(_))
        ));
        let store = Store::open_with(&file, Some(&new)).unwrap();
        assert_eq!(store.export_json().unwrap(), json);
    }
}

#[test]
fn a_conversion_refuses_while_another_store_has_the_record_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    let mut open = open_or_create(&path, None, seed).unwrap();
    open.import_record(
        &briefbook::import::builtin_record().record,
        &briefbook::model::Origin::User,
        false,
    )
    .unwrap();
    let before = open.export_json().unwrap();
    let err = encrypt_file(&path, &key("pw")).unwrap_err();
    assert_eq!(err.code(), "conflict", "{err}");
    assert_eq!(open.export_json().unwrap(), before);
    drop(open);
    assert_eq!(Store::open(&path).unwrap().export_json().unwrap(), before);
}

#[test]
fn backups_of_an_encrypted_record_stay_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.db");
    let pass = key("backup words");
    let store = open_or_create(&path, Some(&pass), seed).unwrap();
    let copy = backup::backup_now(&store).unwrap();
    assert!(!holds_record_text(&copy));
    let listed = backup::list(&path).unwrap();
    assert!(listed[0].encrypted && listed[0].path == copy);
    let reopened = Store::open_with(&copy, Some(&pass)).unwrap();
    assert_eq!(
        reopened.export_json().unwrap(),
        store.export_json().unwrap()
    );
}
