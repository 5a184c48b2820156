//! Which database file, opening it, and giving a new one the built-in record. Both faces
//! open the record only through here, so a first start looks the same from either.

use super::error::{Error, ErrorCode, Result};
use crate::fsio::Passphrase;

/// The open record every use case works on.
pub use crate::store::Store;
use std::path::{Path, PathBuf};

/// The file name of the default database in the platform's data directory.
const DEFAULT_FILE: &str = "briefbook.db";

/// Where the database lives by default: `$BRIEFBOOK_DB` when set, else `briefbook.db` in
/// the platform's data directory (`~/.local/share/briefbook/` on Linux). The desktop app
/// and the command line share it.
pub fn default_db_path() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("BRIEFBOOK_DB") {
        return Ok(PathBuf::from(path));
    }
    let dirs =
        directories::ProjectDirs::from("org", "Briefbook", "Briefbook").ok_or_else(|| {
            Error::new(
                ErrorCode::Io,
                "cannot find a home directory for the database; name a database file instead",
            )
        })?;
    Ok(dirs.data_dir().join(DEFAULT_FILE))
}

/// What to put in a database created now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewDatabase {
    /// The built-in HLED record, so a new user sees real content.
    Seeded,
    /// Nothing: a database for another dialogue.
    Empty,
}

/// Creates the folder of the default database (`path`) when it is missing, readable by
/// its owner only. Only the default location is created: a folder someone typed that does
/// not exist is more likely a typo than a wish, and [`open`] names it.
pub fn ensure_default_dir(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.exists() {
            crate::store::create_data_dir(dir)?;
        }
    }
    Ok(())
}

/// Opens the database at `path` (with `key` when it is encrypted), creating it when it is
/// missing or empty with the record `new` asks for, all or nothing: an interrupted first
/// start leaves no half-made record. Refuses a missing folder, a damaged file, another
/// program's file, one written by a newer Briefbook, and an encrypted file without its
/// passphrase (`encrypted`), naming the path.
pub fn open(path: &Path, new: NewDatabase, key: Option<&Passphrase>) -> Result<Store> {
    Ok(crate::store::open_or_create(
        path,
        key,
        |store| match new {
            NewDatabase::Seeded => crate::builtin::seed(store).map(drop),
            NewDatabase::Empty => Ok(()),
        },
    )?)
}

/// Creates a new database at `path`; refuses a path where a database already exists.
pub fn init(path: &Path, new: NewDatabase, key: Option<&Passphrase>) -> Result<Store> {
    if path.exists() && std::fs::metadata(path).is_ok_and(|m| m.len() > 0) {
        return Err(Error::new(
            ErrorCode::Conflict,
            format!(
                "{} already exists; remove it first or choose another database file",
                path.display()
            ),
        ));
    }
    open(path, new, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_receives_the_builtin_record_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("b.db");
        assert_eq!(
            open(&path, NewDatabase::Seeded, None).err().unwrap().code,
            ErrorCode::Io
        );
        ensure_default_dir(&path).unwrap();
        let store = open(&path, NewDatabase::Seeded, None).unwrap();
        assert!(!store.is_empty().unwrap());
        drop(store);
        let before = open(&path, NewDatabase::Seeded, None)
            .unwrap()
            .export_json()
            .unwrap();
        let again = open(&path, NewDatabase::Seeded, None)
            .unwrap()
            .export_json()
            .unwrap();
        assert_eq!(before, again);
    }

    #[test]
    fn init_refuses_an_existing_file_and_makes_an_empty_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.db");
        let store = init(&path, NewDatabase::Empty, None).unwrap();
        assert!(store.is_empty().unwrap());
        drop(store);
        let error = init(&path, NewDatabase::Seeded, None).err().unwrap();
        assert_eq!(error.code, ErrorCode::Conflict);
        assert!(error.message.contains("b.db"));
    }
}
