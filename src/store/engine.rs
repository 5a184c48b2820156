//! Start-up of the SQLite engine, once per process, before any connection is opened.
//!
//! SQLite marks itself initialised before it runs SQLCipher's own start-up (its crypto
//! provider, its private heap, the `sqlcipher_export` function). A second thread that
//! opens a connection in that window gets one on which `PRAGMA key` fails ("An error
//! occurred with PRAGMA key or rekey") and `sqlcipher_export` does not exist: seen when
//! several stores were opened at once by a process that had not used SQLite yet.
//! Finishing the start-up in one thread while the others wait closes the window.

use rusqlite::Connection;
use std::sync::Once;

/// Returns once SQLite and SQLCipher are fully started in this process. Every way the
/// store opens a database calls it first; a program that opens SQLite connections of its
/// own from several threads calls it before them.
pub fn ensure_started() {
    static STARTED: Once = Once::new();
    // Opening any connection runs the whole start-up in this thread before it returns; a
    // failure here is reported again, with its path, by the caller's own open.
    STARTED.call_once(|| drop(Connection::open_in_memory()));
}
