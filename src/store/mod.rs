//! The record on disk: one SQLite file, opened the same way every time, migrated in
//! one transaction, with every write traced in the history table.

mod edit;
mod edit_structure;
mod error;
mod history;
mod index;
mod load;
mod merge;
mod merge_entries;
mod migrate;
mod packets;
mod queries;
mod rows;
mod search;
mod tx;
mod undo;

pub use edit::{EntryPatch, InitiativePatch, NewEntry, NoteTarget};
pub use error::StoreError;
pub use merge::{MergeAction, MergeLine, MergeReport};
pub use migrate::SCHEMA_VERSION;
pub use packets::{RenderRecord, SavedSpec};
pub use queries::{EntryQuery, EntryRow};
pub use search::{SearchHit, SnippetPart};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// An open record database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens the database at `path`, creating it (empty) when the file does not exist, and
    /// applies pending migrations after keeping a copy of the old file beside it.
    ///
    /// Refuses a file that is not a SQLite database, one written by a newer Briefbook, and a
    /// path whose directory is missing or not writable, each with the path in the message.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            return Err(StoreError::MissingDirectory(dir));
        }
        if path.is_dir() {
            return Err(StoreError::NotADatabase(path.to_path_buf()));
        }
        let existed = path.exists();
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| StoreError::from_open(e, path, &dir))?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
        };
        store
            .configure()
            .map_err(|e| StoreError::from_open(e, path, &dir))?;
        migrate::migrate(&mut store.conn, existed.then_some(path))?;
        Ok(store)
    }

    /// A private database in memory, for tests and previews.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store { conn, path: None };
        store.configure()?;
        migrate::migrate(&mut store.conn, None)?;
        Ok(store)
    }

    /// The file this store lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether the record holds no dialogue yet.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM dialogue", [], |r| r.get(0))?;
        Ok(count == 0)
    }

    /// Copies the whole database to `target` (a consistent snapshot, even while open).
    pub fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        if target.exists() {
            return Err(StoreError::Conflict(format!(
                "{} already exists; choose another name",
                target.display()
            )));
        }
        let text = target.to_string_lossy();
        self.conn
            .execute("VACUUM INTO ?1", [text.as_ref()])
            .map_err(|e| StoreError::Io {
                path: target.to_path_buf(),
                message: e.to_string(),
            })?;
        Ok(())
    }

    fn configure(&mut self) -> rusqlite::Result<()> {
        self.conn.busy_timeout(Duration::from_secs(5))?;
        // journal_mode returns a row, so it is read rather than executed.
        let _mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        self.conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -65536;",
        )?;
        // Reading the schema surfaces "file is not a database" here rather than later.
        self.conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })?;
        Ok(())
    }
}
