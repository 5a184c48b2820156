//! What can go wrong with the store, as a small set of stable codes.

use crate::model::validate::Invalid;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0} is not a Briefbook database (not a SQLite file, or damaged)")]
    NotADatabase(PathBuf),
    #[error("{path} was written by a newer Briefbook (schema version {found}; this version reads up to {supported}); update Briefbook to open it")]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "{0} is not a Briefbook database (it belongs to another program); it was left untouched"
    )]
    NotBriefbook(PathBuf),
    #[error("{0} is encrypted; its passphrase is needed to open it")]
    NeedsPassphrase(PathBuf),
    #[error("the passphrase for {0} is wrong; nothing was changed")]
    WrongPassphrase(PathBuf),
    #[error("directory {0} does not exist")]
    MissingDirectory(PathBuf),
    #[error("cannot write to {path}: {message}")]
    Io { path: PathBuf, message: String },
    #[error("invalid record: {0}")]
    Invalid(#[from] Invalid),
    #[error("{0}")]
    Validation(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    /// Another connection held the write lock through the busy timeout and one retry.
    #[error("the record is being changed by another Briefbook window or command; try again")]
    Locked,
    /// SQLite could not write: the database file (or its folder, for the journal) is
    /// read-only for this user.
    #[error("cannot change the record{}: the database file or its folder is read-only for this user",
        .0.as_ref().map(|p| format!(" in {}", p.display())).unwrap_or_default())]
    ReadOnly(Option<std::path::PathBuf>),
}

impl From<rusqlite::Error> for StoreError {
    /// A busy or locked database that outlived the busy timeout is [`StoreError::Locked`],
    /// wherever it surfaced; anything else stays a database error.
    fn from(error: rusqlite::Error) -> Self {
        super::tx::locked_or(error)
    }
}

impl StoreError {
    /// The stable code the app and the CLI branch on.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::NotADatabase(_)
            | StoreError::TooNew { .. }
            | StoreError::NotBriefbook(_) => "incompatible_database",
            StoreError::NeedsPassphrase(_) | StoreError::WrongPassphrase(_) => "encrypted",
            StoreError::MissingDirectory(_) | StoreError::Io { .. } | StoreError::ReadOnly(_) => {
                "io"
            }
            StoreError::Invalid(_) | StoreError::Validation(_) => "validation",
            StoreError::NotFound(_) => "not_found",
            StoreError::Conflict(_) => "conflict",
            StoreError::Sqlite(_) => "internal",
            StoreError::Locked => "locked",
        }
    }

    /// Maps an error met while opening `path` to what the user needs to hear.
    pub(crate) fn from_open(error: rusqlite::Error, path: &Path, dir: &Path) -> StoreError {
        use rusqlite::ffi::ErrorCode;
        match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase(path.to_path_buf()),
            Some(ErrorCode::CannotOpen)
            | Some(ErrorCode::ReadOnly)
            | Some(ErrorCode::PermissionDenied) => StoreError::Io {
                path: if path.exists() {
                    path.to_path_buf()
                } else {
                    dir.to_path_buf()
                },
                message: "permission denied or read-only".into(),
            },
            _ => StoreError::Sqlite(error),
        }
    }
}
