//! Embedded schema migrations, applied in one transaction and guarded by
//! `PRAGMA user_version`; Briefbook's `application_id` is stamped in the same transaction.

use super::StoreError;
use rusqlite::Connection;
use std::path::Path;

/// Each migration's SQL, in order; the schema version is the count applied.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_record.sql"),
    include_str!("migrations/0002_dialogue_entries.sql"),
    include_str!("migrations/0003_meetings.sql"),
    include_str!("migrations/0004_search_stems.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `PRAGMA application_id` of every Briefbook database ("BrBk" in ASCII): how Briefbook
/// tells its own files from other programs' SQLite files before changing anything.
pub const APPLICATION_ID: i32 = 0x4272_426B;

/// The tables every Briefbook schema since version 1 has: how a Briefbook database written
/// before the application id existed is recognised.
pub const BRIEFBOOK_TABLES: &[&str] = &[
    "source",
    "dialogue",
    "pillar",
    "initiative",
    "agency",
    "entry",
    "note",
    "history",
];

/// The schema version found in `conn`, when it needs migrating: `Some(0)` for a new
/// database, `Some(n)` for an older one (the caller keeps a copy first), `None` when it is
/// current. A database newer than this build is refused.
pub fn pending(conn: &Connection, path: Option<&Path>) -> Result<Option<i64>, StoreError> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    check_version(found, SCHEMA_VERSION, path)?;
    Ok((found < SCHEMA_VERSION).then_some(found))
}

/// Brings the schema up to date and stamps Briefbook's application id, in one transaction.
/// The caller has kept a copy of an existing database first (see [`pending`]).
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    // Every connection that writes passes here; the search index's triggers (and 0004)
    // call the stemming function, so it is registered before anything else.
    super::stems::register(conn)?;
    apply(conn, MIGRATIONS)
}

fn check_version(found: i64, supported: i64, path: Option<&Path>) -> Result<(), StoreError> {
    if found > supported {
        return Err(StoreError::TooNew {
            path: path.map(Path::to_path_buf).unwrap_or_default(),
            found,
            supported,
        });
    }
    Ok(())
}

fn apply(conn: &mut Connection, migrations: &[&str]) -> Result<(), StoreError> {
    let target = migrations.len() as i64;
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    check_version(found, target, None)?;
    if found == target && app_id == APPLICATION_ID {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for sql in &migrations[found as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = "CREATE TABLE t (x TEXT);";
    const V2: &str = "ALTER TABLE t ADD COLUMN y TEXT;";
    const BROKEN: &str = "ALTER TABLE t ADD COLUMN y TEXT; THIS IS NOT SQL;";

    #[test]
    fn migrating_stamps_the_application_id_and_the_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &[V1]).unwrap();
        conn.execute("INSERT INTO t VALUES ('kept')", []).unwrap();
        conn.pragma_update(None, "application_id", 0).unwrap();
        apply(&mut conn, &[V1, V2]).unwrap();
        let (version, id): (i64, i32) = conn
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version),
                        (SELECT application_id FROM pragma_application_id)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((version, id), (2, APPLICATION_ID));
        let x: String = conn.query_row("SELECT x FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(x, "kept");
    }

    #[test]
    fn a_failing_migration_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &[V1]).unwrap();
        assert!(apply(&mut conn, &[V1, BROKEN]).is_err());
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 1);
        let columns: i64 = conn
            .query_row("SELECT count(*) FROM pragma_table_info('t')", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(columns, 1);
    }

    #[test]
    fn a_newer_database_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &[V1, V2]).unwrap();
        let err = apply(&mut conn, &[V1]).unwrap_err();
        assert!(matches!(
            err,
            StoreError::TooNew {
                found: 2,
                supported: 1,
                ..
            }
        ));
    }
}
