//! The open store and where it lives, held in Tauri's managed state.
//!
//! The store is behind a `Mutex` because commands run on worker threads; a command holds
//! the lock for one application call (a packet export holds it to assemble and to record
//! the render, not while pages are set). When the database cannot be opened (damaged, or
//! written by a newer Briefbook) the app still starts and the UI shows a recovery screen.

use briefbook::app::open::Store;
use briefbook::app::{self, import::Previews, open::NewDatabase, ErrorCode};
use briefbook::fsio::Passphrase;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use tauri::{AppHandle, Manager, Runtime};

/// What every command returns: a value, or `{code, message}`.
pub type CmdResult<T> = Result<T, app::Error>;

/// The database file: `BRIEFBOOK_DB` when set, else the platform's data directory: the
/// same file the `briefbook` command line uses.
pub fn default_db_path() -> PathBuf {
    app::open::default_db_path().unwrap_or_else(|_| PathBuf::from("briefbook.db"))
}

pub struct AppState {
    /// When the app started, for the launch timing `BRIEFBOOK_TIMING=1` prints.
    pub started: std::time::Instant,
    db_path: Mutex<PathBuf>,
    store: Mutex<Option<Store>>,
    /// The passphrase of the open encrypted database, in memory only (zeroized on drop).
    key: Mutex<Option<Passphrase>>,
    /// Import previews shown and not yet applied.
    previews: Mutex<Previews>,
    /// Files this session exported: the only paths the app will hand to the opener.
    exported: Mutex<Vec<PathBuf>>,
    /// Paths the person chose in a native file dialog: the only ones a command accepts
    /// from the webview, so a compromised page cannot name a file to read or overwrite.
    picked: Mutex<Vec<PathBuf>>,
}

impl AppState {
    /// State for `db_path`; the store is opened by the `open_database` command so that a
    /// failure reaches the UI as a recovery screen instead of a crash.
    pub fn new(db_path: PathBuf) -> Self {
        AppState {
            started: std::time::Instant::now(),
            db_path: Mutex::new(db_path),
            store: Mutex::new(None),
            key: Mutex::new(None),
            previews: Mutex::new(Previews::default()),
            exported: Mutex::new(Vec::new()),
            picked: Mutex::new(Vec::new()),
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
        let mut key = lock(&self.key);
        if *lock(&self.db_path) != path {
            *key = None;
        }
        *lock(&self.db_path) = path.to_path_buf();
        if path == default_db_path() {
            app::open::ensure_default_dir(path)?;
        }
        *store = Some(app::open::open(path, NewDatabase::Seeded, key.as_ref())?);
        Ok(())
    }

    /// Opens the current (encrypted) database with `passphrase`, which is kept in memory
    /// for restores while the app runs.
    pub fn unlock(&self, passphrase: Passphrase) -> CmdResult<()> {
        *lock(&self.key) = Some(passphrase);
        let path = self.db_path();
        let opened = self.open(&path);
        if opened.is_err() {
            *lock(&self.key) = None;
        }
        opened
    }

    /// Runs `f` with the passphrase of the open database, if it has one.
    pub fn with_key<T>(&self, f: impl FnOnce(Option<&Passphrase>) -> T) -> T {
        f(lock(&self.key).as_ref())
    }

    /// Runs `f` with the open store; `damaged_database` when none is open.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> CmdResult<T>) -> CmdResult<T> {
        let mut guard = lock(&self.store);
        match guard.as_mut() {
            Some(store) => f(store),
            None => Err(app::Error::new(
                ErrorCode::DamagedDatabase,
                format!("no database is open ({})", self.db_path().display()),
            )),
        }
    }

    /// Runs `f` with the open store and the pending import previews.
    pub fn with_previews<T>(
        &self,
        f: impl FnOnce(&mut Store, &mut Previews) -> CmdResult<T>,
    ) -> CmdResult<T> {
        self.with_store(|store| f(store, &mut lock(&self.previews)))
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

    /// Remembers a path the person chose in a file dialog.
    pub fn remember_pick(&self, path: PathBuf) {
        lock(&self.picked).push(path);
    }

    /// Refuses a path from the webview that the person did not choose in a dialog.
    pub fn check_picked(&self, path: &Path) -> CmdResult<()> {
        if lock(&self.picked).iter().any(|p| p == path) {
            return Ok(());
        }
        Err(app::Error::new(
            ErrorCode::InvalidInput,
            format!(
                "{} was not chosen in a file dialog of this window; choose the file there",
                path.display()
            ),
        ))
    }
}

/// Runs `work` on a thread for blocking work, so that neither the window's thread nor
/// the async runtime's workers wait on SQLite or on setting pages.
pub async fn blocking<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    work: impl FnOnce(&AppState) -> CmdResult<T> + Send + 'static,
) -> CmdResult<T> {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || work(&app.state::<AppState>()))
        .await
        .map_err(|e| app::Error::new(ErrorCode::Internal, format!("a task failed: {e}")))?
}

/// A poisoned lock only means an earlier command panicked; the data is still usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
