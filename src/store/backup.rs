//! Backups: consistent copies made with SQLite's online backup API (safe while the record
//! is in use), in a `backups/` folder beside the database, 0600, encrypted with the same
//! passphrase when the database is. Automatic ones are rotated; manual ones are kept.
//!
//! Names: `{stem}-{YYYYMMDD-HHMMSSmmm}-{label}.db` (UTC, milliseconds), where `{stem}` is the database's
//! file name without extension and `{label}` is `daily`, `manual`, or `before-…` for the
//! copy kept before a migration, a restore or an encryption change.

use super::open::{connect, identify, side_path, starts_like_sqlite, Kind};
use super::{crypto, Passphrase, Store, StoreError};
use crate::fsio::{parent_dir, sync_dir, Staged};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The newest automatic backups always kept.
pub const KEEP_RECENT: usize = 10;
/// Beyond those, the newest automatic backup of each of this many recent weeks is kept.
pub const KEEP_WEEKS: u64 = 8;
/// A daily backup is made when the newest backup is older than this.
pub const DAILY: Duration = Duration::from_secs(24 * 3600);

const WEEK: Duration = Duration::from_secs(7 * 24 * 3600);

/// Why a backup was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupKind {
    /// The first open of the day.
    Daily,
    /// Asked for by the user; never removed by rotation.
    Manual,
    /// Kept before a change: "before-v2" (migration), "before-restore", "before-encrypt"…
    BeforeChange(String),
}

/// One backup on disk, as listed.
#[derive(Debug, Clone)]
pub struct BackupInfo {
    pub path: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// When it was written (the file's modification time).
    pub modified: SystemTime,
    pub kind: BackupKind,
    /// Whether it needs a passphrase to open (it has the passphrase the database had when
    /// the backup was made).
    pub encrypted: bool,
}

/// The folder backups of the database at `db` go to: `backups/` beside it.
pub fn backup_dir(db: &Path) -> PathBuf {
    parent_dir(db).join("backups")
}

/// Makes a manual backup of `store` now; returns its path. Manual backups are never
/// removed by rotation. Errors: an in-memory store (`validation`), a folder that cannot be
/// created or written (`io`).
pub fn backup_now(store: &Store) -> Result<PathBuf, StoreError> {
    make(store, "manual")
}

/// Lists the backups of the database at `db`, newest first. A missing folder is an empty
/// list.
pub fn list(db: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let dir = backup_dir(db);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error(&dir, e)),
    };
    let prefix = format!("{}-", stem(db));
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".db"))
        else {
            continue;
        };
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        // `{YYYYMMDD-HHMMSSmmm}-{label}`: the stamp is 18 characters.
        let Some(label) = rest.get(19..).filter(|_| meta.is_file()) else {
            continue;
        };
        let kind = match label {
            "daily" => BackupKind::Daily,
            "manual" => BackupKind::Manual,
            other => BackupKind::BeforeChange(other.to_string()),
        };
        found.push(BackupInfo {
            encrypted: !starts_like_sqlite(&entry.path()).unwrap_or(true),
            path: entry.path(),
            size: meta.len(),
            modified: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
            kind,
        });
    }
    found.sort_by(|a, b| b.modified.cmp(&a.modified).then(b.path.cmp(&a.path)));
    Ok(found)
}

/// Makes the day's automatic backup of `store` when the newest backup is older than
/// [`DAILY`] (or there is none), then rotates. Returns the new backup's path, `None` when
/// none was due. Opening a database calls this and ignores its failure; the app may call
/// it again while in use.
pub fn daily_if_due(store: &Store) -> Result<Option<PathBuf>, StoreError> {
    let Some(db) = store.path() else {
        return Ok(None);
    };
    let now = SystemTime::now();
    let recent = list(db)?
        .first()
        .is_some_and(|b| now.duration_since(b.modified).unwrap_or_default() < DAILY);
    if recent {
        return Ok(None);
    }
    let path = make(store, "daily")?;
    rotate(db)?;
    Ok(Some(path))
}

/// Keeps a copy of `store` before a change and rotates; returns the copy's path. `label`
/// names the change and must start with "before-" ("before-import", "before-v2"…): it
/// appears in the file name and in [`BackupKind::BeforeChange`]. Errors: an in-memory
/// store (`validation`), a folder that cannot be written (`io`); the caller should not go
/// on with the change then.
pub fn before_change(store: &Store, label: &str) -> Result<PathBuf, StoreError> {
    let plain = label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !label.starts_with("before-") || !plain {
        return Err(StoreError::Validation(format!(
            "a backup label is \"before-\" and letters, digits or dashes, not {label:?}"
        )));
    }
    let Some(db) = store.path() else {
        return Err(StoreError::Validation(
            "an in-memory record has no file to back up".into(),
        ));
    };
    let path = make(store, label)?;
    rotate(db)?;
    Ok(path)
}

/// Removes automatic backups of `db` beyond the [`KEEP_RECENT`] newest, keeping the newest
/// of each of the last [`KEEP_WEEKS`] weeks. Manual backups are never removed.
pub fn rotate(db: &Path) -> Result<(), StoreError> {
    let now = SystemTime::now();
    let automatic = list(db)?
        .into_iter()
        .filter(|b| b.kind != BackupKind::Manual);
    let mut weeks_kept = std::collections::HashSet::new();
    for (index, backup) in automatic.enumerate() {
        let age = now.duration_since(backup.modified).unwrap_or_default();
        let week = age.as_secs() / WEEK.as_secs();
        // Newest first, so the first backup met in a week is that week's newest.
        let weekly = week < KEEP_WEEKS && weeks_kept.insert(week);
        if index >= KEEP_RECENT && !weekly {
            std::fs::remove_file(&backup.path).map_err(|e| io_error(&backup.path, e))?;
        }
    }
    Ok(())
}

/// Replaces the database at `db` with the backup at `backup` (opened with `key` when
/// encrypted); returns where the replaced database was kept (in `backups/`, label
/// "before-restore"). Every `Store` on `db` must be closed first.
///
/// The backup is checked first (a Briefbook database this version can read, with the right
/// passphrase); it is copied beside `db` in full and made durable before anything changes;
/// the replaced file (with its WAL, if any) is kept, stale `-wal`/`-shm` files are
/// removed, and the copy is renamed over `db`. On any error `db` is as it was.
pub fn restore(db: &Path, backup: &Path, key: Option<&Passphrase>) -> Result<PathBuf, StoreError> {
    {
        let (conn, used) = connect(backup, key, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        if identify(&conn, backup, used.is_some())? != Kind::Briefbook {
            return Err(StoreError::NotBriefbook(backup.to_path_buf()));
        }
        super::migrate::pending(&conn, Some(backup))?;
    }
    let dir = parent_dir(db);
    let mut staged = Staged::new_in(&dir).map_err(|e| io_error(&dir, e))?;
    let mut source = std::fs::File::open(backup).map_err(|e| io_error(backup, e))?;
    std::io::copy(&mut source, staged.file()).map_err(|e| io_error(backup, e))?;
    let kept = keep_replaced(db)?;
    for side in ["-wal", "-shm"] {
        let side = side_path(db, side);
        if side.exists() {
            std::fs::remove_file(&side).map_err(|e| io_error(&side, e))?;
        }
    }
    staged.commit(db, true).map_err(|e| io_error(db, e))?;
    Ok(kept)
}

/// Keeps the file at `db` (and its WAL) in `backups/` by hard link where possible, by copy
/// otherwise, without opening it: it may be the damaged file being replaced.
fn keep_replaced(db: &Path) -> Result<PathBuf, StoreError> {
    let dir = private_dir(db)?;
    let kept = dir.join(name_for(db, "before-restore"));
    if !db.exists() {
        return Ok(kept);
    }
    // Fold a WAL left by a closed store into the file, when it is a database we can open.
    super::engine::ensure_started();
    if let Ok(conn) = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE) {
        let _ = conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    for side in ["", "-wal"] {
        let from = side_path(db, side);
        let to = side_path(&kept, side);
        if from.exists() && std::fs::hard_link(&from, &to).is_err() {
            std::fs::copy(&from, &to).map_err(|e| io_error(&to, e))?;
        }
    }
    sync_dir(&dir).map_err(|e| io_error(&dir, e))?;
    Ok(kept)
}

/// Copies `store` to `target` with the online backup API, through a staged 0600 file;
/// the copy is keyed like the store and in rollback mode, so it opens without side files.
pub(super) fn copy_to(store: &Store, target: &Path, replace: bool) -> Result<(), StoreError> {
    if !replace && std::fs::symlink_metadata(target).is_ok() {
        return Err(StoreError::Conflict(format!(
            "{} already exists; choose another name",
            target.display()
        )));
    }
    let dir = parent_dir(target);
    let staged = Staged::new_in(&dir).map_err(|e| io_error(&dir, e))?;
    let fail = |e: rusqlite::Error| StoreError::Io {
        path: target.to_path_buf(),
        message: e.to_string(),
    };
    let mut copy = Connection::open(staged.path()).map_err(fail)?;
    if let Some(key) = &store.key {
        crypto::apply_key(&copy, key)?;
    }
    copy.execute_batch("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF")
        .map_err(fail)?;
    {
        let backup = rusqlite::backup::Backup::new(&store.conn, &mut copy).map_err(fail)?;
        backup
            .run_to_completion(4096, Duration::ZERO, None)
            .map_err(fail)?;
    }
    copy.execute_batch("PRAGMA journal_mode = DELETE")
        .map_err(fail)?;
    copy.close().map_err(|(_, e)| fail(e))?;
    staged.commit(target, replace).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => StoreError::Conflict(format!(
            "{} already exists; choose another name",
            target.display()
        )),
        _ => io_error(target, e),
    })
}

fn make(store: &Store, label: &str) -> Result<PathBuf, StoreError> {
    let Some(db) = store.path() else {
        return Err(StoreError::Validation(
            "an in-memory record has no file to back up".into(),
        ));
    };
    let target = private_dir(db)?.join(name_for(db, label));
    copy_to(store, &target, false)?;
    Ok(target)
}

/// `backups/` beside `db`, created 0700 when missing.
fn private_dir(db: &Path) -> Result<PathBuf, StoreError> {
    let dir = backup_dir(db);
    super::create_data_dir(&dir)?;
    Ok(dir)
}

fn name_for(db: &Path, label: &str) -> String {
    // Milliseconds, so two backups in one second (a migration, then the day's copy) differ.
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S%3f");
    format!("{}-{stamp}-{label}.db", stem(db))
}

fn stem(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "briefbook".into())
}

fn io_error(path: &Path, error: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        message: error.to_string(),
    }
}
