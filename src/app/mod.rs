//! The application layer: the one place where a request from a face (the command line or
//! the desktop shell) becomes calls into the core. One module per use case; each function
//! takes plain request values and returns a response type or an [`Error`] with a stable
//! [`ErrorCode`]. The request and response types here are the ones that cross the app's
//! IPC. The faces only parse arguments and present results.

pub mod backup;
pub mod calendar;
pub mod dates;
pub mod error;
pub mod import;
mod meeting_documents;
pub mod meetings;
pub mod notes;
pub mod open;
pub mod packets;
pub mod record;
pub mod search;
pub mod translations;
pub mod view;

pub use error::{Error, ErrorCode, Result};

use serde::Serialize;

/// How far a long task has got. Each face shows it its own way (a progress bar, a
/// per-call channel to the window).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    /// What is happening, for people ("Setting type and pages").
    pub message: String,
}

impl Progress {
    pub fn new(done: usize, total: usize, message: &str) -> Self {
        Progress {
            done: done as u32,
            total: total as u32,
            message: message.to_string(),
        }
    }
}
