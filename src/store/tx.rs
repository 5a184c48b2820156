//! Write transactions: every write starts `BEGIN IMMEDIATE`, so it takes the write lock
//! up front and waits for it (busy timeout) instead of failing when a read transaction
//! tries to become a write transaction while another process writes.

use super::StoreError;
use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

/// Whether SQLite reports another connection holding the lock.
pub(crate) fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// Starts a write transaction. The connection's busy timeout applies to taking the lock;
/// when it runs out the attempt is made once more (a long import in another window may
/// just be finishing), and then the lock is reported as [`StoreError::Locked`].
pub(crate) fn begin_write(conn: &Connection) -> Result<Transaction<'_>, StoreError> {
    // SQLite opens a file it may not write read-only without a word, and only the first
    // write fails; say so up front, naming the file.
    if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
        return Err(StoreError::ReadOnly(
            conn.path()
                .filter(|p| !p.is_empty())
                .map(std::path::PathBuf::from),
        ));
    }
    match Transaction::new_unchecked(conn, TransactionBehavior::Immediate) {
        Ok(tx) => Ok(tx),
        Err(e) if is_busy(&e) => {
            Transaction::new_unchecked(conn, TransactionBehavior::Immediate).map_err(locked_or)
        }
        Err(e) => Err(e.into()),
    }
}

/// Maps a busy error met anywhere in a write to [`StoreError::Locked`], and a refused
/// write to a read-only file to [`StoreError::ReadOnly`].
pub(crate) fn locked_or(error: rusqlite::Error) -> StoreError {
    if is_busy(&error) {
        StoreError::Locked
    } else if error.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) {
        StoreError::ReadOnly(None)
    } else {
        StoreError::Sqlite(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_lock_held_past_the_timeout_and_the_retry_is_reported_as_locked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let holder = Connection::open(&path).unwrap();
        holder
            .execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (x)")
            .unwrap();
        let waiter = Connection::open(&path).unwrap();
        waiter.busy_timeout(Duration::from_millis(20)).unwrap();
        let _held = Transaction::new_unchecked(&holder, TransactionBehavior::Immediate).unwrap();
        let Err(err) = begin_write(&waiter) else {
            panic!("the lock is held, yet the write began");
        };
        assert!(matches!(err, StoreError::Locked), "{err:?}");
        assert_eq!(err.code(), "locked");
        assert_eq!(
            err.to_string(),
            "the record is being changed by another Briefbook window or command; try again"
        );
    }
}
