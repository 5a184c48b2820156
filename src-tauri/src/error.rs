//! What crosses IPC when a command fails: `{code, message}` with a small, stable set of
//! codes the UI can branch on, and a message that names the thing at fault.

use serde::Serialize;
use ts_rs::TS;

/// Stable error codes. The UI branches on these; the message is for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input was refused (a bad date, an unknown status, a malformed document).
    Validation,
    /// The row or file asked for does not exist.
    NotFound,
    /// The change clashes with the current state (nothing to undo, an entry already gone).
    Conflict,
    /// The database is damaged, or was written by a newer Briefbook.
    IncompatibleDatabase,
    /// Reading or writing a file failed.
    Io,
    /// A bug: something that should not happen.
    Internal,
}

/// A failed command, as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        IpcError {
            code,
            message: message.into(),
        }
    }

    pub fn validation(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Validation, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }

    /// A file that could not be read, in the reader's words (which name the file).
    pub fn io_text(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Io, message)
    }

    /// An I/O failure on `path`, naming the file.
    pub fn io(path: &std::path::Path, error: &std::io::Error) -> Self {
        Self::new(ErrorCode::Io, format!("{}: {error}", path.display()))
    }
}

impl From<briefbook::model::DateInputError> for IpcError {
    fn from(error: briefbook::model::DateInputError) -> Self {
        IpcError::validation(error.to_string())
    }
}

/// What every command returns.
pub type CmdResult<T> = Result<T, IpcError>;

impl ErrorCode {
    /// The code for one of the core's stable code strings.
    pub fn from_core(code: &str) -> Self {
        match code {
            "validation" => ErrorCode::Validation,
            "not_found" => ErrorCode::NotFound,
            "conflict" => ErrorCode::Conflict,
            "incompatible_database" => ErrorCode::IncompatibleDatabase,
            "io" => ErrorCode::Io,
            _ => ErrorCode::Internal,
        }
    }
}

impl From<briefbook::store::StoreError> for IpcError {
    fn from(error: briefbook::store::StoreError) -> Self {
        IpcError::new(ErrorCode::from_core(error.code()), error.to_string())
    }
}

impl From<briefbook::interchange::InterchangeError> for IpcError {
    fn from(error: briefbook::interchange::InterchangeError) -> Self {
        IpcError::validation(error.to_string())
    }
}

impl From<briefbook::packet_export::ExportError> for IpcError {
    fn from(error: briefbook::packet_export::ExportError) -> Self {
        IpcError::new(ErrorCode::from_core(error.code()), error.to_string())
    }
}
