//! Encryption at rest with SQLCipher: keying a connection, and turning a plain database
//! into an encrypted one, back, or onto a new passphrase.
//!
//! A conversion writes a complete new file with `sqlcipher_export` into a staged file
//! beside the database and renames it into place: all or nothing, the old file untouched
//! until the rename. `sqlcipher_export` copies tables, indexes and FTS5 but not
//! `user_version` or `application_id`, so both are set again; the new file is in rollback
//! mode until the next open switches it to WAL. SQLCipher derives the key from the
//! passphrase (PBKDF2-HMAC-SHA512, 256,000 iterations) on a connection's first read, about
//! 80 ms: keep a `Store` open rather than opening one per request.

use super::open::{connect, identify, side_path, Kind};
use super::{backup, migrate, Passphrase, Store, StoreError};
use crate::fsio::{parent_dir, Staged};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// Keys `conn` with `key` before its first read. Checks that this build really encrypts:
/// a SQLite without SQLCipher accepts `PRAGMA key` silently and writes plain text.
pub(super) fn apply_key(conn: &Connection, key: &Passphrase) -> Result<(), StoreError> {
    let version: Option<String> = conn
        .query_row("PRAGMA cipher_version", [], |r| r.get(0))
        .optional()?;
    if version.is_none_or(|v| v.is_empty()) {
        return Err(StoreError::Validation(
            "this Briefbook was built without encryption (SQLCipher); it cannot open or create an encrypted record".into(),
        ));
    }
    // A wrong key would otherwise print "hmac check failed" on stderr.
    conn.execute_batch("PRAGMA cipher_log_level = NONE")?;
    let sql = Zeroizing::new(format!(
        "PRAGMA key = '{}'",
        key.expose().replace('\'', "''")
    ));
    conn.execute_batch(&sql)?;
    Ok(())
}

/// What a conversion did to the backups of the database, besides the database itself.
#[derive(Debug, Default)]
pub struct Converted {
    /// Backups rewritten under the new passphrase, so that none is left readable without it
    /// (or with a passphrase that was just retired).
    pub backups_converted: usize,
    /// Backups that could not be rewritten (made under yet another passphrase, or damaged):
    /// they keep the protection they had.
    pub backups_left: Vec<PathBuf>,
}

/// Encrypts the plain Briefbook database at `path` with `key`, and then every plain backup
/// of it in `backups/`, since a plain copy would defeat the purpose. Every `Store` on it
/// must be closed first (another open connection is detected and refused with
/// `conflict`). The file is replaced whole; the plain copy kept in `backups/` while the
/// conversion runs is encrypted with the others once it succeeded.
///
/// Errors: the file is already encrypted (`validation`), is not a Briefbook database, or
/// cannot be written; on any error the file is as it was.
pub fn encrypt_file(path: &Path, key: &Passphrase) -> Result<Converted, StoreError> {
    if !super::open::starts_like_sqlite(path)? {
        return Err(StoreError::Validation(format!(
            "{} is already encrypted",
            path.display()
        )));
    }
    convert(path, None, Some(key))
}

/// Decrypts the encrypted database at `path` (passphrase `key`) into a plain one, keeping
/// the encrypted file as a backup in `backups/`; backups stay encrypted. Every `Store` on
/// it must be closed first.
///
/// Errors: the file is not encrypted (`validation`), the passphrase is wrong (`encrypted`),
/// it is not a Briefbook database, or cannot be written; on any error it is as it was.
pub fn decrypt_file(path: &Path, key: &Passphrase) -> Result<(), StoreError> {
    require_encrypted(path)?;
    convert(path, Some(key), None).map(drop)
}

/// Refuses a database that is not encrypted (a `validation` error), so that a command can
/// say so before it asks for a passphrase that would not be used.
pub fn require_encrypted(path: &Path) -> Result<(), StoreError> {
    if super::open::starts_like_sqlite(path)? {
        return Err(StoreError::Validation(format!(
            "{} is not encrypted; nothing to decrypt",
            path.display()
        )));
    }
    Ok(())
}

/// Re-encrypts the database at `path` from passphrase `old` to `new`, then its backups
/// that open with `old` (or are plain), so the retired passphrase opens nothing. Every
/// `Store` on it must be closed first. Errors as for [`decrypt_file`].
pub fn change_passphrase(
    path: &Path,
    old: &Passphrase,
    new: &Passphrase,
) -> Result<Converted, StoreError> {
    if super::open::starts_like_sqlite(path)? {
        return Err(StoreError::Validation(format!(
            "{} is not encrypted; encrypt it instead",
            path.display()
        )));
    }
    convert(path, Some(old), Some(new))
}

/// Writes the database at `path` (opened with `from`) anew under `to` (`None`: plain),
/// renames it into place, then brings the backups under `to` when it is a key.
fn convert(
    path: &Path,
    from: Option<&Passphrase>,
    to: Option<&Passphrase>,
) -> Result<Converted, StoreError> {
    // Opening as a Store validates the file, migrates it, and gives a backup source.
    let store = Store::open_with(path, from)?;
    let label = match (from, to) {
        (None, _) => "before-encrypt",
        (Some(_), None) => "before-decrypt",
        (Some(_), Some(_)) => "before-passphrase",
    };
    backup::before_change(&store, label)?;
    let staged = stage_export(&store.conn, path, to)?;
    drop(store);
    // Closing the last connection folds the WAL into the file and deletes it; a WAL still
    // there means another window or command has the record open, and its writes would be
    // lost. (One opening in the instant before the rename is not detected.)
    if side_path(path, "-wal").exists() {
        return Err(StoreError::Conflict(format!(
            "{} is open in another Briefbook window or command; close it and try again",
            path.display()
        )));
    }
    for side in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(side_path(path, side));
    }
    staged.commit(path, true).map_err(|e| StoreError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let mut converted = Converted::default();
    let Some(to) = to else {
        return Ok(converted);
    };
    for copy in backup::list(path)? {
        let result = match (copy.encrypted, from) {
            (false, _) => convert_copy(&copy.path, None, to),
            (true, Some(from)) => convert_copy(&copy.path, Some(from), to),
            (true, None) => continue,
        };
        match result {
            Ok(()) => converted.backups_converted += 1,
            Err(_) => converted.backups_left.push(copy.path),
        }
    }
    Ok(converted)
}

/// Rewrites one backup (a closed file in rollback mode) under `to`, in place.
fn convert_copy(path: &Path, from: Option<&Passphrase>, to: &Passphrase) -> Result<(), StoreError> {
    let (conn, used) = connect(path, from, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    if identify(&conn, path, used.is_some())? != Kind::Briefbook {
        return Err(StoreError::NotBriefbook(path.to_path_buf()));
    }
    let staged = stage_export(&conn, path, Some(to))?;
    drop(conn);
    staged.commit(path, true).map_err(|e| StoreError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Exports the database open on `conn` into a staged file beside `path`, under `to`, and
/// checks that the copy reads back as a Briefbook database; the caller renames it.
fn stage_export(
    conn: &Connection,
    path: &Path,
    to: Option<&Passphrase>,
) -> Result<Staged, StoreError> {
    let dir = parent_dir(path);
    let staged = Staged::new_in(&dir).map_err(|e| StoreError::Io {
        path: dir.clone(),
        message: format!("cannot stage the converted database: {e}"),
    })?;
    let staged_name = staged.path().to_string_lossy().into_owned();
    let new_key = Zeroizing::new(to.map(|k| k.expose().to_string()).unwrap_or_default());
    conn.execute(
        "ATTACH DATABASE ?1 AS converted KEY ?2",
        [&staged_name, &*new_key],
    )?;
    let exported = conn
        .query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))
        .and_then(|()| {
            conn.execute_batch(&format!(
                "PRAGMA converted.user_version = {}; PRAGMA converted.application_id = {};",
                migrate::SCHEMA_VERSION,
                migrate::APPLICATION_ID
            ))
        });
    let detached = conn.execute_batch("DETACH DATABASE converted");
    exported?;
    detached?;
    check_converted(staged.path(), to)?;
    Ok(staged)
}

/// Opens the converted file as a reader would, before it replaces anything.
fn check_converted(staged: &Path, key: Option<&Passphrase>) -> Result<(), StoreError> {
    let (conn, used) = connect(staged, key, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    if used.is_some() != key.is_some() || identify(&conn, staged, key.is_some())? != Kind::Briefbook
    {
        return Err(StoreError::Validation(format!(
            "the converted copy {} did not read back as a Briefbook database; nothing was changed",
            staged.display()
        )));
    }
    Ok(())
}
