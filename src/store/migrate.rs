//! Embedded schema migrations, applied in one transaction and guarded by
//! `PRAGMA user_version`.

use super::StoreError;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// Each migration's SQL, in order; the schema version is the count applied.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_record.sql"),
    include_str!("migrations/0002_dialogue_entries.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the schema up to date. `existing` is the file path when the database held data
/// before: a copy is then kept beside it (`NAME.v{old}.bak`) before anything changes.
pub fn migrate(conn: &mut Connection, existing: Option<&Path>) -> Result<(), StoreError> {
    apply(conn, existing, MIGRATIONS)
}

fn apply(
    conn: &mut Connection,
    existing: Option<&Path>,
    migrations: &[&str],
) -> Result<(), StoreError> {
    let target = migrations.len() as i64;
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > target {
        return Err(StoreError::TooNew {
            path: existing.map(Path::to_path_buf).unwrap_or_default(),
            found,
            supported: target,
        });
    }
    if found == target {
        return Ok(());
    }
    if let Some(path) = existing.filter(|_| found > 0) {
        backup_before_migration(conn, path, found)?;
    }
    let tx = conn.transaction()?;
    for sql in &migrations[found as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}

fn backup_before_migration(conn: &Connection, path: &Path, version: i64) -> Result<(), StoreError> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".v{version}.bak"));
    let target: PathBuf = path.with_file_name(name);
    if target.exists() {
        return Ok(());
    }
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy().as_ref()])
        .map_err(|e| StoreError::Io {
            path: target.clone(),
            message: format!("could not keep a copy before upgrading: {e}"),
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = "CREATE TABLE t (x TEXT);";
    const V2: &str = "ALTER TABLE t ADD COLUMN y TEXT;";
    const BROKEN: &str = "ALTER TABLE t ADD COLUMN y TEXT; THIS IS NOT SQL;";

    #[test]
    fn an_existing_database_is_copied_before_it_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.db");
        let mut conn = Connection::open(&path).unwrap();
        apply(&mut conn, None, &[V1]).unwrap();
        conn.execute("INSERT INTO t VALUES ('kept')", []).unwrap();
        apply(&mut conn, Some(&path), &[V1, V2]).unwrap();
        let backup = Connection::open(dir.path().join("record.db.v1.bak")).unwrap();
        let x: String = backup
            .query_row("SELECT x FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(x, "kept");
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 2);
    }

    #[test]
    fn a_failing_migration_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, None, &[V1]).unwrap();
        assert!(apply(&mut conn, None, &[V1, BROKEN]).is_err());
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
        apply(&mut conn, None, &[V1, V2]).unwrap();
        let err = apply(&mut conn, None, &[V1]).unwrap_err();
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
