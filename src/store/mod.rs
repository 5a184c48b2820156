//! The record on disk: one SQLite file (optionally encrypted with SQLCipher), opened the
//! same way every time, created whole or not at all, migrated in one transaction, with
//! every write traced in the history table.
//!
//! Opening refuses, untouched, any file that is not a Briefbook database (see `open.rs`);
//! `backup.rs` keeps rotating copies made with SQLite's online backup API; `crypto.rs`
//! holds the passphrase handling and the plain <-> encrypted conversions.

pub mod backup;
mod crypto;
mod edit;
mod edit_structure;
mod edit_translation;
mod engine;
mod error;
mod history;
mod index;
mod load;
mod meeting_edit;
mod meeting_read;
mod meeting_rows;
mod merge;
mod merge_entries;
mod migrate;
mod open;
mod outline;
mod packets;
mod queries;
mod rows;
mod search;
mod snippet;
pub mod stems;
mod translate;
mod tx;
mod undo;

pub use crate::fsio::Passphrase;
pub use backup::{BackupInfo, BackupKind};
pub use crypto::{change_passphrase, decrypt_file, encrypt_file, require_encrypted, Converted};
pub use edit::{EntryPatch, InitiativePatch, NewEntry, NoteTarget};
pub use edit_translation::TranslationCount;
pub use engine::ensure_started as start_engine;
pub use error::StoreError;
pub use meeting_edit::MeetingPart;
pub use meeting_rows::without_ids as meeting_without_ids;
pub use merge::{MergeAction, MergeLine, MergeReport};
pub use migrate::{APPLICATION_ID, SCHEMA_VERSION};
pub use open::{create_data_dir, open_or_create};
pub use outline::{
    DialogueOutline, EntryView, InitiativeOutline, NoteView, Outline, PillarOutline,
};
pub use packets::{RenderRecord, SavedSpec};
pub use queries::{EntryQuery, EntryRow};
pub use search::{fts_expression, SearchHit, SnippetPart};
pub use translate::{TranslatedText, TranslationFill};

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// An open record database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The passphrase of an encrypted database, kept (in memory only) because backups and
    /// conversions open further keyed connections.
    key: Option<Passphrase>,
}

impl Store {
    /// Opens the plain (unencrypted) database at `path`, or creates an empty one there when
    /// the file is missing or zero-length. See [`Store::open_with`].
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, None)
    }

    /// Opens the database at `path` with the passphrase `key` (`None` for a plain database;
    /// a key given for a plain database is not used: see [`Store::is_encrypted`]). A missing
    /// or zero-length file is created empty, whole or not at all (encrypted when a key is
    /// given); to create it with the built-in record use [`open_or_create`].
    ///
    /// An older Briefbook database is copied to `backups/` before it is migrated. Errors,
    /// each naming the path: [`StoreError::NotBriefbook`] for another program's SQLite file
    /// (left byte for byte untouched), [`StoreError::NotADatabase`] for a file that is not
    /// SQLite, [`StoreError::TooNew`], [`StoreError::NeedsPassphrase`] for an encrypted file
    /// opened without a key, [`StoreError::WrongPassphrase`], and `io` errors for a missing
    /// or unwritable folder.
    pub fn open_with(path: &Path, key: Option<&Passphrase>) -> Result<Store, StoreError> {
        open::open(path, key, None::<fn(&mut Store) -> Result<(), StoreError>>)
    }

    /// A private database in memory, for tests and previews.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        engine::ensure_started();
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            path: None,
            key: None,
        };
        store.configure()?;
        migrate::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// The file this store lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether the database is encrypted at rest (opened with a passphrase).
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// Whether the record holds no dialogue yet.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM dialogue", [], |r| r.get(0))?;
        Ok(count == 0)
    }

    /// Copies the whole database to `target` (a consistent snapshot, even while open), with
    /// SQLite's online backup API: the copy is 0600 and encrypted with the same passphrase
    /// when the database is. Refuses an existing `target` (`conflict`).
    pub fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        backup::copy_to(self, target, false)
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
