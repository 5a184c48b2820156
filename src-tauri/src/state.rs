//! The open store and where it lives, held in Tauri's managed state.
//!
//! The store is behind a `Mutex` because commands run on worker threads; every command
//! holds the lock for one core call. When the database cannot be opened (damaged, or
//! written by a newer Briefbook) the app still starts and the UI shows a recovery screen.

use crate::error::{CmdResult, ErrorCode, IpcError};
use briefbook::store::Store;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The database file: `BRIEFBOOK_DB` when set, else `briefbook.db` in the platform's data
/// directory: the same file the `briefbook` command-line tool uses.
pub fn default_db_path() -> PathBuf {
    briefbook::cli::default_db_path().unwrap_or_else(|_| PathBuf::from("briefbook.db"))
}

/// Opens the store at `path`; a database created now receives the built-in HLED record
/// (the seed fact sheet shipped in the binary).
pub fn open_store(path: &Path) -> CmdResult<Store> {
    let is_new = !path.exists();
    let mut store = Store::open(path)?;
    if is_new {
        briefbook::builtin::seed(&mut store)?;
    }
    Ok(store)
}

pub struct AppState {
    /// When the app started, for the launch timing `BRIEFBOOK_TIMING=1` prints.
    pub started: std::time::Instant,
    db_path: Mutex<PathBuf>,
    store: Mutex<Option<Store>>,
    /// Files this session exported: the only paths the app will hand to the opener.
    exported: Mutex<Vec<PathBuf>>,
}

impl AppState {
    /// State for `db_path`; the store is opened by the `open_database` command so that a
    /// failure reaches the UI as a recovery screen instead of a crash.
    pub fn new(db_path: PathBuf) -> Self {
        AppState {
            started: std::time::Instant::now(),
            db_path: Mutex::new(db_path),
            store: Mutex::new(None),
            exported: Mutex::new(Vec::new()),
        }
    }

    pub fn db_path(&self) -> PathBuf {
        lock(&self.db_path).clone()
    }

    /// Opens (creating and seeding when new) the database at `path` and makes it current.
    /// On failure the previous store is closed and the path is kept, so the recovery
    /// screen can name it.
    pub fn open(&self, path: &Path) -> CmdResult<()> {
        let mut store = lock(&self.store);
        *store = None;
        *lock(&self.db_path) = path.to_path_buf();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| IpcError::io(dir, &e))?;
        }
        *store = Some(open_store(path)?);
        Ok(())
    }

    /// Runs `f` with the open store; `incompatible_database` when none is open.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> CmdResult<T>) -> CmdResult<T> {
        let mut guard = lock(&self.store);
        match guard.as_mut() {
            Some(store) => f(store),
            None => Err(IpcError::new(
                ErrorCode::IncompatibleDatabase,
                format!("no database is open ({})", self.db_path().display()),
            )),
        }
    }

    /// Closes the store (before a restore replaces its file).
    pub fn close(&self) {
        *lock(&self.store) = None;
    }

    pub fn remember_export(&self, path: PathBuf) {
        lock(&self.exported).push(path);
    }

    pub fn was_exported(&self, path: &Path) -> bool {
        lock(&self.exported).iter().any(|p| p == path)
    }
}

/// A poisoned lock only means an earlier command panicked; the data is still usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
