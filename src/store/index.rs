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

    /// Indexes every row added since the watermark was read, in three statements. A row
    /// added and then changed by the same write (an import naming an initiative twice, the
    /// second time with a summary) was already indexed by the update trigger, and is left
    /// as that trigger wrote it: indexing it again would repeat its rowid.
    pub fn index_new_rows(&self, conn: &Connection) -> Result<(), StoreError> {
        for (kind, after) in [
            (IndexKind::Entry, self.entry),
            (IndexKind::Initiative, self.initiative),
            (IndexKind::Note, self.note),
        ] {
            let filter = format!(
                "id > ?1 AND id * 4 + {} NOT IN \
                 (SELECT rowid FROM search_index WHERE rowid > ?1 * 4)",
                kind as i64
            );
            conn.execute(&insert_sql(kind, &filter), [after])?;
        }
        Ok(())
    }
}

/// The text a row is found by: every text field in both languages. The `stems` column
/// holds the same text's stems (store/stems.rs); the 0004 migration's triggers say the same.
fn body_sql(kind: IndexKind) -> &'static str {
    match kind {
        IndexKind::Entry | IndexKind::Note => "text || ' ' || coalesce(text_es, '')",
        IndexKind::Initiative => {
            "title || ' ' || coalesce(summary, '') || ' ' || coalesce(title_es, '') || ' '
             || coalesce(summary_es, '')"
        }
    }
}

fn table_of(kind: IndexKind) -> &'static str {
    match kind {
        IndexKind::Entry => "entry",
        IndexKind::Initiative => "initiative",
        IndexKind::Note => "note",
    }
}

/// `INSERT` into the index of the rows of `kind` that satisfy `filter` (bound to `?1`).
fn insert_sql(kind: IndexKind, filter: &str) -> String {
    let body = body_sql(kind);
    format!(
        "INSERT INTO search_index (rowid, body, stems)
         SELECT id * 4 + {}, {body}, {}({body}) FROM {} WHERE {filter}",
        kind as i64,
        super::stems::SQL_FUNCTION,
        table_of(kind),
    )
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
    conn.execute(&insert_sql(kind, "id = ?1"), [id])?;
    Ok(())
}
