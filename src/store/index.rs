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

/// The search index's row kinds (rowid = id * 4 + kind).
#[derive(Debug, Clone, Copy)]
pub(crate) enum IndexKind {
    Entry = 0,
    Initiative = 1,
    Note = 2,
}

/// The index kind of a table's rows, for the tables the index covers.
pub(crate) fn kind_of(table: &str) -> Option<IndexKind> {
    match table {
        "entry" => Some(IndexKind::Entry),
        "initiative" => Some(IndexKind::Initiative),
        "note" => Some(IndexKind::Note),
        _ => None,
    }
}

/// Indexes one row that came back with its old id (undo), which the watermark would miss.
pub(crate) fn index_row(conn: &Connection, kind: IndexKind, id: i64) -> Result<(), StoreError> {
    let body = match kind {
        IndexKind::Entry | IndexKind::Note => "text || ' ' || coalesce(text_es, '')",
        IndexKind::Initiative => {
            "title || ' ' || coalesce(summary, '') || ' ' || coalesce(title_es, '') || ' '
             || coalesce(summary_es, '')"
        }
    };
    let table = match kind {
        IndexKind::Entry => "entry",
        IndexKind::Initiative => "initiative",
        IndexKind::Note => "note",
    };
    conn.execute(
        &format!(
            "INSERT INTO search_index (rowid, body) SELECT id * 4 + {}, {body} FROM {table}
             WHERE id = ?1",
            kind as i64
        ),
        [id],
    )?;
    Ok(())
}
