//! The database as a whole: what it holds, copies of it (backups) and putting one back,
//! encryption at rest, and the JSON export of the record.

use super::error::{Error, ErrorCode, Result};
use crate::fsio::{write_file, Passphrase, WriteOptions};
use crate::store::{backup, BackupKind, Converted, Store};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Where the record lives and what it holds, for the settings view and the recovery screen.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct DatabaseInfo {
    pub path: String,
    /// Folder where backups are written.
    pub backup_dir: String,
    /// The newest backup, if any.
    pub last_backup: Option<String>,
    /// Whether the file is encrypted at rest.
    pub encrypted: bool,
    pub pillars: u32,
    pub initiatives: u32,
    pub entries: u32,
}

/// One backup, as listed.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupRow {
    pub path: String,
    #[cfg_attr(feature = "ts", ts(as = "f64"))]
    pub bytes: u64,
    /// When it was written, RFC 3339 in UTC.
    pub written: String,
    /// `daily`, `manual`, or `before-…` (a migration, a restore, an encryption change).
    pub kind: String,
    pub encrypted: bool,
}

/// What the database at `path` (open as `store`) holds, counted from the outline: as
/// quick on a record of 100,000 entries as on the built-in one.
pub fn info(store: &Store, path: &Path) -> Result<DatabaseInfo> {
    let outline = store.outline()?;
    let pillars = outline.dialogues.iter().flat_map(|d| &d.pillars);
    let last_backup = backup::list(path)?.into_iter().next();
    Ok(DatabaseInfo {
        path: path.display().to_string(),
        backup_dir: backup::backup_dir(path).display().to_string(),
        last_backup: last_backup.map(|b| b.path.display().to_string()),
        encrypted: store.is_encrypted(),
        pillars: pillars.clone().count() as u32,
        initiatives: pillars.map(|p| p.initiatives.len() as u32).sum(),
        entries: outline.entries,
    })
}

/// Writes a consistent copy of the database into its backup folder (kept until the user
/// removes it); returns the copy's path.
pub fn backup_now(store: &Store) -> Result<PathBuf> {
    Ok(backup::backup_now(store)?)
}

/// Writes a consistent copy of the database to `target`, which must not exist yet.
pub fn backup_to(store: &Store, target: &Path) -> Result<()> {
    Ok(store.backup_to(target)?)
}

/// The backups of the database at `db`, newest first.
pub fn list(db: &Path) -> Result<Vec<BackupRow>> {
    Ok(backup::list(db)?
        .into_iter()
        .map(|b| BackupRow {
            path: b.path.display().to_string(),
            bytes: b.size,
            written: chrono::DateTime::<chrono::Utc>::from(b.modified)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            kind: match b.kind {
                BackupKind::Daily => "daily".into(),
                BackupKind::Manual => "manual".into(),
                BackupKind::BeforeChange(label) => label,
            },
            encrypted: b.encrypted,
        })
        .collect())
}

/// Puts the backup `from` in place of the database at `db` (every store on it closed
/// first); the replaced file is kept in the backup folder, whose path is returned.
/// `key` opens an encrypted backup.
pub fn restore(db: &Path, from: &Path, key: Option<&Passphrase>) -> Result<PathBuf> {
    Ok(backup::restore(db, from, key)?)
}

/// Restores the newest backup of `db` (see [`restore`]).
pub fn restore_last(db: &Path, key: Option<&Passphrase>) -> Result<PathBuf> {
    let newest = backup::list(db)?.into_iter().next().ok_or_else(|| {
        Error::new(
            ErrorCode::NotFound,
            format!("no backup in {}", backup::backup_dir(db).display()),
        )
    })?;
    restore(db, &newest.path, key)
}

/// Encrypts the database at `db` (closed) and its plain backups with `key`.
pub fn encrypt(db: &Path, key: &Passphrase) -> Result<Converted> {
    Ok(crate::store::encrypt_file(db, key)?)
}

/// Refuses a plain database before a passphrase is asked for it (see [`decrypt`]).
pub fn require_encrypted(db: &Path) -> Result<()> {
    Ok(crate::store::require_encrypted(db)?)
}

/// Decrypts the database at `db` (closed); its backups stay encrypted.
pub fn decrypt(db: &Path, key: &Passphrase) -> Result<()> {
    Ok(crate::store::decrypt_file(db, key)?)
}

/// Changes the passphrase of the encrypted database at `db` (closed) and its backups.
pub fn change_passphrase(db: &Path, old: &Passphrase, new: &Passphrase) -> Result<Converted> {
    Ok(crate::store::change_passphrase(db, old, new)?)
}

/// The whole record as a Briefbook JSON document (`briefbook/1`).
pub fn export_json(store: &Store) -> Result<String> {
    Ok(store.export_json()?)
}

/// Writes the JSON export to `path` safely, readable by its owner only (it is the whole
/// record); refuses to replace a file unless told.
pub fn export_json_to(store: &Store, path: &Path, overwrite: bool) -> Result<()> {
    let json = export_json(store)?;
    write_file(
        path,
        json.as_bytes(),
        WriteOptions::private().replacing(overwrite),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::open::{open, NewDatabase};

    #[test]
    fn a_backup_is_listed_and_restored_over_a_damaged_file() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("b.db");
        let store = open(&db, NewDatabase::Seeded, None).unwrap();
        let before = export_json(&store).unwrap();
        let copy = backup_now(&store).unwrap();
        let rows = list(&db).unwrap();
        assert!(rows
            .iter()
            .any(|r| r.path == copy.display().to_string() && r.kind == "manual"));
        assert!(info(&store, &db).unwrap().last_backup.is_some());
        drop(store);
        std::fs::write(&db, vec![b'x'; 8192]).unwrap();
        assert_eq!(
            open(&db, NewDatabase::Seeded, None).err().unwrap().code,
            ErrorCode::DamagedDatabase
        );
        restore(&db, &copy, None).unwrap();
        let store = open(&db, NewDatabase::Seeded, None).unwrap();
        assert_eq!(export_json(&store).unwrap(), before);
    }

    #[test]
    fn exporting_over_a_file_needs_permission_and_keeps_it_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.json");
        let mut store = Store::open_in_memory().unwrap();
        crate::builtin::seed(&mut store).unwrap();
        export_json_to(&store, &path, false).unwrap();
        assert_eq!(
            export_json_to(&store, &path, false).unwrap_err().code,
            ErrorCode::Conflict
        );
        export_json_to(&store, &path, true).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn an_encrypted_record_needs_its_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("b.db");
        drop(open(&db, NewDatabase::Seeded, None).unwrap());
        let key = Passphrase::new("correct horse battery".into()).unwrap();
        encrypt(&db, &key).unwrap();
        let error = open(&db, NewDatabase::Seeded, None).err().unwrap();
        assert_eq!(error.code, ErrorCode::Encrypted);
        let store = open(&db, NewDatabase::Seeded, Some(&key)).unwrap();
        assert!(info(&store, &db).unwrap().encrypted);
        drop(store);
        decrypt(&db, &key).unwrap();
        assert!(open(&db, NewDatabase::Seeded, None).is_ok());
    }
}
