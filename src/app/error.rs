//! The one error type of the application layer: a stable [`ErrorCode`] the faces branch on
//! and a message that names the thing at fault. Both faces show `message`; the desktop app
//! receives `{code, message}` over IPC, the command line prints the message and exits 1.

use crate::fsio::{PassphraseError, WriteError};
use crate::import::{ImportError, ReadError};
use crate::interchange::InterchangeError;
use crate::model::DateInputError;
use crate::packet::{PacketError, SpecError};
use crate::render::RenderError;
use crate::store::StoreError;
use serde::Serialize;

/// Stable error codes. Faces branch on these; the message is for people.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The row or file asked for does not exist.
    NotFound,
    /// The input was refused: a bad date, an unknown status, a malformed document.
    InvalidInput,
    /// The change clashes with the current state (a file already there, nothing to undo).
    Conflict,
    /// Another Briefbook window or command holds the record; trying again later works.
    Locked,
    /// Reading or writing a file failed.
    Io,
    /// The database file is damaged or is not a Briefbook database.
    DamagedDatabase,
    /// The database was written by a newer Briefbook.
    NewerDatabase,
    /// The database is encrypted and the passphrase is missing or wrong.
    Encrypted,
    /// A bug: something that should not happen.
    Internal,
}

/// A failed use case: what crosses IPC and what the command line prints.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
}

/// What every use case returns.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidInput, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    /// An I/O failure on `path`, naming the file.
    pub fn io(path: &std::path::Path, error: &std::io::Error) -> Self {
        Self::new(ErrorCode::Io, format!("{}: {error}", path.display()))
    }

    /// The same error with `context` ("FILE: ") in front of its message.
    pub fn context(mut self, context: impl std::fmt::Display) -> Self {
        self.message = format!("{context}: {}", self.message);
        self
    }
}

impl From<StoreError> for Error {
    fn from(error: StoreError) -> Self {
        let code = match error.code() {
            "not_found" => ErrorCode::NotFound,
            "validation" => ErrorCode::InvalidInput,
            "conflict" => ErrorCode::Conflict,
            "locked" => ErrorCode::Locked,
            "io" => ErrorCode::Io,
            "newer_database" => ErrorCode::NewerDatabase,
            "encrypted" => ErrorCode::Encrypted,
            "incompatible_database" | "damaged_database" => match error {
                StoreError::TooNew { .. } => ErrorCode::NewerDatabase,
                _ => ErrorCode::DamagedDatabase,
            },
            _ => ErrorCode::Internal,
        };
        Error::new(code, error.to_string())
    }
}

impl From<ImportError> for Error {
    fn from(error: ImportError) -> Self {
        let code = match error {
            ImportError::Io { .. } => ErrorCode::Io,
            _ => ErrorCode::InvalidInput,
        };
        Error::new(code, error.to_string())
    }
}

impl From<ReadError> for Error {
    fn from(error: ReadError) -> Self {
        let code = match error {
            ReadError::Io { .. } => ErrorCode::Io,
            _ => ErrorCode::InvalidInput,
        };
        Error::new(code, error.to_string())
    }
}

impl From<InterchangeError> for Error {
    fn from(error: InterchangeError) -> Self {
        Error::invalid(error.to_string())
    }
}

impl From<DateInputError> for Error {
    fn from(error: DateInputError) -> Self {
        Error::invalid(error.to_string())
    }
}

impl From<SpecError> for Error {
    fn from(error: SpecError) -> Self {
        Error::invalid(error.to_string())
    }
}

impl From<PacketError> for Error {
    fn from(error: PacketError) -> Self {
        Error::invalid(error.to_string())
    }
}

impl From<RenderError> for Error {
    fn from(error: RenderError) -> Self {
        Error::new(ErrorCode::Internal, error.to_string())
    }
}

impl From<WriteError> for Error {
    fn from(error: WriteError) -> Self {
        let code = match error.code() {
            "conflict" => ErrorCode::Conflict,
            "validation" => ErrorCode::InvalidInput,
            _ => ErrorCode::Io,
        };
        Error::new(code, error.to_string())
    }
}

impl From<PassphraseError> for Error {
    fn from(error: PassphraseError) -> Self {
        let code = match error.code() {
            "io" => ErrorCode::Io,
            _ => ErrorCode::InvalidInput,
        };
        Error::new(code, error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_database_has_its_own_code() {
        let error: Error = StoreError::TooNew {
            path: "x.db".into(),
            found: 9,
            supported: 1,
        }
        .into();
        assert_eq!(error.code, ErrorCode::NewerDatabase);
        assert!(error.message.contains("x.db"));
    }

    #[test]
    fn a_foreign_file_is_a_damaged_database() {
        let error: Error = StoreError::NotADatabase("x.db".into()).into();
        assert_eq!(error.code, ErrorCode::DamagedDatabase);
    }

    #[test]
    fn codes_serialize_in_snake_case() {
        let json = serde_json::to_string(&Error::invalid("bad")).unwrap();
        assert_eq!(json, r#"{"code":"invalid_input","message":"bad"}"#);
    }
}
