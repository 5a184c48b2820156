//! Keeping the full-text index up to date with rows a write added.

use super::StoreError;
use rusqlite::Connection;

/// The highest row ids before a write; rows above them are the ones it added.
pub(crate) struct IndexWatermark {
    entry: i64,
    initiative: i64,
    note: i64,
}

impl IndexWatermark {
    pub fn read(conn: &Connection) -> Result<Self, StoreError> {
        let max = |table: &str| -> Result<i64, StoreError> {
            Ok(conn.query_row(
                &format!("SELECT coalesce(max(id), 0) FROM {table}"),
                [],
                |r| r.get(0),
            )?)
        };
        Ok(IndexWatermark {
            entry: max("entry")?,
            initiative: max("initiative")?,
            note: max("note")?,
        })
    }

    /// Indexes every row added since the watermark was read, in three statements.
    pub fn index_new_rows(&self, conn: &Connection) -> Result<(), StoreError> {
        conn.execute(
            "INSERT INTO search_index (rowid, body)
             SELECT id * 4, text || ' ' || coalesce(text_es, '') FROM entry WHERE id > ?1",
            [self.entry],
        )?;
        conn.execute(
            "INSERT INTO search_index (rowid, body)
             SELECT id * 4 + 1, title || ' ' || coalesce(summary, '') || ' '
                    || coalesce(title_es, '') || ' ' || coalesce(summary_es, '')
             FROM initiative WHERE id > ?1",
            [self.initiative],
        )?;
        conn.execute(
            "INSERT INTO search_index (rowid, body)
             SELECT id * 4 + 2, text || ' ' || coalesce(text_es, '') FROM note WHERE id > ?1",
            [self.note],
        )?;
        Ok(())
    }
}
