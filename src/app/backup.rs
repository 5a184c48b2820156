//! The database as a whole: what it holds, copies of it (backups), putting a copy back,
//! and the JSON export of the record.

use super::error::{Error, ErrorCode, Result};
use crate::packet::write_atomic;
use crate::store::Store;
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
    pub pillars: u32,
    pub initiatives: u32,
    pub entries: u32,
}

/// Backups go to `backups/` beside the database file.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("backups")
}

/// The newest `.sqlite` file in the backup folder, by modification time.
pub fn last_backup(db: &Path) -> Option<PathBuf> {
    let entries = std::fs::read_dir(backup_dir(db)).ok()?;
    entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "sqlite"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .max()
        .map(|(_, path)| path)
}

/// What the database at `path` (open as `store`) holds.
pub fn info(store: &Store, path: &Path) -> Result<DatabaseInfo> {
    let record = store.load_record()?;
    let pillars = record.dialogues.iter().flat_map(|d| &d.pillars);
    let initiatives = pillars.clone().flat_map(|p| &p.initiatives);
    let general: usize = record.dialogues.iter().map(|d| d.entries.len()).sum();
    Ok(DatabaseInfo {
        path: path.display().to_string(),
        backup_dir: backup_dir(path).display().to_string(),
        last_backup: last_backup(path).map(|p| p.display().to_string()),
        pillars: pillars.count() as u32,
        initiatives: initiatives.clone().count() as u32,
        entries: (initiatives.map(|i| i.entries.len()).sum::<usize>() + general) as u32,
    })
}

/// Writes a consistent copy of the database into its backup folder, named after `stamp`
/// (e.g. `20261130-041500`); returns the copy's path.
pub fn backup_now(store: &Store, db: &Path, stamp: &str) -> Result<PathBuf> {
    let dir = backup_dir(db);
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, &e))?;
    let target = dir.join(format!("briefbook-{stamp}.sqlite"));
    store.backup_to(&target)?;
    Ok(target)
}

/// Replaces the database file at `db` with the newest backup (the replaced file is kept as
/// `NAME.replaced`). The store must be closed first; the caller opens the result.
pub fn restore_last_backup(db: &Path) -> Result<PathBuf> {
    let backup = last_backup(db).ok_or_else(|| {
        Error::new(
            ErrorCode::NotFound,
            format!("no backup in {}", backup_dir(db).display()),
        )
    })?;
    if db.exists() {
        let kept = db.with_extension("replaced");
        std::fs::rename(db, &kept).map_err(|e| Error::io(db, &e))?;
    }
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", db.display()));
        if side.exists() {
            std::fs::remove_file(&side).map_err(|e| Error::io(&side, &e))?;
        }
    }
    std::fs::copy(&backup, db).map_err(|e| Error::io(&backup, &e))?;
    Ok(backup)
}

/// The whole record as a Briefbook JSON document (`briefbook/1`).
pub fn export_json(store: &Store) -> Result<String> {
    Ok(store.export_json()?)
}

/// Writes the JSON export to `path` atomically; refuses to replace a file unless told.
pub fn export_json_to(store: &Store, path: &Path, overwrite: bool) -> Result<()> {
    let json = export_json(store)?;
    write_atomic(path, json.as_bytes(), overwrite)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::open::{open, NewDatabase};

    #[test]
    fn a_backup_is_restored_over_a_damaged_file() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("b.db");
        let store = open(&db, NewDatabase::Seeded).unwrap();
        let before = export_json(&store).unwrap();
        let copy = backup_now(&store, &db, "20261130-000000").unwrap();
        assert!(copy.exists());
        drop(store);
        std::fs::write(&db, vec![b'x'; 8192]).unwrap();
        assert_eq!(
            open(&db, NewDatabase::Seeded).err().unwrap().code,
            ErrorCode::DamagedDatabase
        );
        restore_last_backup(&db).unwrap();
        let store = open(&db, NewDatabase::Seeded).unwrap();
        assert_eq!(export_json(&store).unwrap(), before);
        assert!(db.with_extension("replaced").exists());
    }

    #[test]
    fn exporting_over_a_file_needs_permission() {
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
    }
}
