//! Opening a record file without harming anything that is not ours.
//!
//! Before a single byte is written (no WAL switch, no pragma write, no table) the file is
//! identified: missing, zero-length or an empty SQLite file is new; a file with Briefbook's
//! `application_id`, or an older Briefbook database recognised by its schema, is opened;
//! anything else is refused untouched. A new database is built whole in a staged file
//! beside the target (schema, application id and seed record), made durable and renamed
//! into place, so an interrupted first use leaves no file and the next open starts again.

use super::{backup, crypto, migrate, Passphrase, Store, StoreError};
use crate::fsio::{parent_dir, Staged};
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// The first 16 bytes of every plain SQLite file; an encrypted one starts with random salt.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What an existing file turned out to be (anything else is an error).
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A Briefbook database (this version's, or older and recognised by its schema).
    Briefbook,
    /// A valid SQLite file holding nothing at all: treated as new.
    Empty,
}

/// Opens the database at `path` (see [`Store::open_with`]); when it has to be created,
/// `seed` fills it before it is put in place.
pub(super) fn open<F>(
    path: &Path,
    key: Option<&Passphrase>,
    seed: Option<F>,
) -> Result<Store, StoreError>
where
    F: FnOnce(&mut Store) -> Result<(), StoreError>,
{
    let dir = parent_dir(path);
    if !dir.is_dir() {
        return Err(StoreError::MissingDirectory(dir));
    }
    let fresh = match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(e) => return Err(io_error(path, &e)),
        Ok(meta) if !meta.is_file() => return Err(StoreError::NotADatabase(path.to_path_buf())),
        Ok(meta) => meta.len() == 0 && side_file_is_empty(path, "-wal"),
    };
    if !fresh {
        if let Some(store) = open_existing(path, key, false)? {
            return Ok(store);
        }
    }
    create(path, &dir, key, seed)?;
    open_existing(path, key, true)?.ok_or_else(|| StoreError::NotADatabase(path.to_path_buf()))
}

/// Creates (when missing, zero-length or an empty SQLite file) and opens the database at
/// `path`; a database created now is filled by `seed` (e.g. `builtin::seed`) in the staged
/// file before it is renamed into place, so the record is never seen, by this process or
/// any other, without its seed; if `seed` fails or the process dies, no file is left at
/// `path` (a staged `.briefbook-*.tmp` a killed process leaves is swept an hour later) and
/// the next call seeds again. An existing Briefbook database is opened as by
/// [`Store::open_with`] and `seed` is not called. Encrypted with `key` when given.
///
/// Errors: those of [`Store::open_with`], and `seed`'s own error (nothing is created).
pub fn open_or_create(
    path: &Path,
    key: Option<&Passphrase>,
    seed: impl FnOnce(&mut Store) -> Result<(), StoreError>,
) -> Result<Store, StoreError> {
    open(path, key, Some(seed))
}

/// Creates the data directory `dir` (and missing parents) readable by its owner only
/// (0700). An existing directory is left as it is: its permissions are the user's choice.
pub fn create_data_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| StoreError::Io {
        path: dir.to_path_buf(),
        message: format!("cannot create the data directory: {e}"),
    })
}

/// Opens an existing file; `None` when it is an empty SQLite file (create it instead).
/// `fresh`: created a moment ago, so there is nothing to back up yet.
fn open_existing(
    path: &Path,
    key: Option<&Passphrase>,
    fresh: bool,
) -> Result<Option<Store>, StoreError> {
    let (conn, key) = connect(path, key, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    let dir = parent_dir(path);
    if identify(&conn, path, key.is_some())? == Kind::Empty {
        return Ok(None);
    }
    let mut store = Store {
        conn,
        path: Some(path.to_path_buf()),
        key: key.cloned(),
    };
    store
        .configure()
        .map_err(|e| StoreError::from_open(e, path, &dir))?;
    if let Some(found) = migrate::pending(&store.conn, Some(path))? {
        backup::before_change(&store, &format!("before-v{}", found + 1))?;
    }
    migrate::migrate(&mut store.conn)?;
    if !fresh {
        // A failed daily copy (a full disk, a read-only folder) must not keep the user
        // from the record; `backup::daily_if_due` reports it to a caller that asks.
        let _ = backup::daily_if_due(&store);
    }
    Ok(Some(store))
}

/// A connection to the existing file at `path`, keyed when the file is encrypted, with
/// nothing read or written yet; also returns the key actually used (`None` for a plain
/// file, whatever was given). `flags`: read-write or read-only; never CREATE, so a file that
/// vanished meanwhile is not made again.
pub(super) fn connect<'k>(
    path: &Path,
    key: Option<&'k Passphrase>,
    flags: OpenFlags,
) -> Result<(Connection, Option<&'k Passphrase>), StoreError> {
    let plain = starts_like_sqlite(path)?;
    if !plain && !could_be_encrypted(path) {
        return Err(StoreError::NotADatabase(path.to_path_buf()));
    }
    let key = match (plain, key) {
        (true, _) => None,
        (false, None) => return Err(StoreError::NeedsPassphrase(path.to_path_buf())),
        (false, Some(key)) => Some(key),
    };
    super::engine::ensure_started();
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| StoreError::from_open(e, path, &parent_dir(path)))?;
    conn.busy_timeout(Duration::from_secs(5))?;
    if let Some(key) = key {
        crypto::apply_key(&conn, key)?;
    }
    Ok((conn, key))
}

/// Reads only (nothing is written, whatever the file is) and decides whether it is ours.
pub(super) fn identify(conn: &Connection, path: &Path, keyed: bool) -> Result<Kind, StoreError> {
    let fail = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ffi::ErrorCode::NotADatabase) if keyed => {
            StoreError::WrongPassphrase(path.to_path_buf())
        }
        Some(rusqlite::ffi::ErrorCode::NotADatabase)
        | Some(rusqlite::ffi::ErrorCode::DatabaseCorrupt) => {
            StoreError::NotADatabase(path.to_path_buf())
        }
        _ => StoreError::from_open(e, path, &parent_dir(path)),
    };
    // sqlite_master first: with a wrong key this is the statement that fails.
    let mut stmt = conn
        .prepare("SELECT type, name FROM sqlite_master")
        .map_err(fail)?;
    let objects: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .and_then(|rows| rows.collect())
        .map_err(fail)?;
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(fail)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(fail)?;
    if app_id == migrate::APPLICATION_ID {
        return Ok(Kind::Briefbook);
    }
    if app_id == 0 && version == 0 && objects.is_empty() {
        return Ok(Kind::Empty);
    }
    let has_table = |name: &str| objects.iter().any(|(t, n)| t == "table" && n == name);
    if app_id == 0 && version >= 1 && migrate::BRIEFBOOK_TABLES.iter().all(|t| has_table(t)) {
        return Ok(Kind::Briefbook);
    }
    Err(StoreError::NotBriefbook(path.to_path_buf()))
}

/// Builds a new database in a staged file beside `path` and renames it into place.
fn create<F>(
    path: &Path,
    dir: &Path,
    key: Option<&Passphrase>,
    seed: Option<F>,
) -> Result<(), StoreError>
where
    F: FnOnce(&mut Store) -> Result<(), StoreError>,
{
    let staged = Staged::new_in(dir).map_err(|e| StoreError::Io {
        path: dir.to_path_buf(),
        message: format!("cannot create the database {} here: {e}", path.display()),
    })?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    super::engine::ensure_started();
    let conn = Connection::open_with_flags(staged.path(), flags)?;
    if let Some(key) = key {
        crypto::apply_key(&conn, key)?;
    }
    // The staged file is thrown away on failure and made durable by `commit`, so it needs
    // neither a journal file beside it nor SQLite's own syncs.
    let _mode: String = conn.query_row("PRAGMA journal_mode = MEMORY", [], |r| r.get(0))?;
    conn.execute_batch(
        "PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -65536;",
    )?;
    let mut store = Store {
        conn,
        path: Some(path.to_path_buf()),
        key: key.cloned(),
    };
    migrate::migrate(&mut store.conn)?;
    if let Some(seed) = seed {
        seed(&mut store)?;
    }
    store.conn.close().map_err(|(_, e)| e)?;
    let replace = path.exists();
    if replace {
        // Side files of the empty file being replaced would be taken for the new one's.
        for side in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(side_path(path, side));
        }
    }
    match staged.commit(path, replace) {
        Ok(()) => Ok(()),
        // Another Briefbook created it a moment ago: open theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(io_error(path, &e)),
    }
}

pub(super) fn starts_like_sqlite(path: &Path) -> Result<bool, StoreError> {
    let mut head = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| io_error(path, &e))?;
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(io_error(path, &e)),
        }
    }
    Ok(read == head.len() && &head == SQLITE_MAGIC)
}

/// SQLCipher files are whole pages (512 bytes at least); a text file rarely is.
/// Whether `path` looks like a SQLCipher file: whole pages of what reads as random bytes.
/// Encrypted pages use nearly every byte value (about 220 of 256 in 512 bytes), while a
/// damaged or foreign file (text, zeros) uses few, and is reported as damaged rather than
/// sending the user to look for a passphrase it never had.
fn could_be_encrypted(path: &Path) -> bool {
    use std::io::Read;
    let whole_pages = std::fs::metadata(path).is_ok_and(|m| m.len() >= 512 && m.len() % 512 == 0);
    let mut head = [0u8; 512];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head));
    if !whole_pages || read.is_err() {
        return false;
    }
    let mut seen = [false; 256];
    for byte in head {
        seen[byte as usize] = true;
    }
    seen.iter().filter(|s| **s).count() >= 128
}

pub(super) fn side_path(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    name.into()
}

fn side_file_is_empty(path: &Path, suffix: &str) -> bool {
    std::fs::metadata(side_path(path, suffix)).map_or(true, |m| m.len() == 0)
}

fn io_error(path: &Path, error: &std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        message: error.to_string(),
    }
}
