//! Whole-row snapshots for undo: a deleted row is kept exactly as stored (every column,
//! its id and position), with the rows that hang off it, and put back as it was.

use crate::store::index;
use crate::store::StoreError;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde::{Deserialize, Serialize};

/// Rows of one table, every column by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct TableRows {
    pub table: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<serde_json::Value>>,
}

/// Everything a deletion removed, parents before children (the order to restore in).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Snapshot {
    /// Tells these snapshots from the older model-shaped ones in existing histories.
    pub rows_v2: Vec<TableRows>,
}

/// Tables a snapshot may name; anything else in a history line is refused.
const TABLES: &[&str] = &[
    "initiative",
    "entry",
    "entry_agency",
    "note",
    "agency",
    "meeting",
    "meeting_objective",
    "agenda_item",
    "participant",
    "press_line",
    "meeting_note",
    "clearance",
];

impl Snapshot {
    /// Adds the rows of `table` that `condition` (SQL over its columns, with `?1` = `id`)
    /// selects, in rowid order.
    pub fn capture(
        &mut self,
        conn: &Connection,
        table: &str,
        condition: &str,
        id: i64,
    ) -> Result<(), StoreError> {
        let order = match table {
            "entry_agency" => "entry_id, position",
            "clearance" => "meeting_id",
            _ => "id",
        };
        let mut stmt = conn.prepare(&format!(
            "SELECT * FROM {table} WHERE {condition} ORDER BY {order}"
        ))?;
        let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let mut rows = Vec::new();
        let mut cursor = stmt.query([id])?;
        while let Some(r) = cursor.next()? {
            let mut row = Vec::with_capacity(columns.len());
            for (i, name) in columns.iter().enumerate() {
                row.push(match r.get::<_, Value>(i)? {
                    Value::Null => serde_json::Value::Null,
                    Value::Integer(n) => n.into(),
                    Value::Real(x) => x.into(),
                    Value::Text(t) => t.into(),
                    Value::Blob(_) => {
                        return Err(StoreError::Validation(format!(
                            "{table}.{name}: a binary value cannot be kept for undo"
                        )))
                    }
                });
            }
            rows.push(row);
        }
        if !rows.is_empty() {
            self.rows_v2.push(TableRows {
                table: table.into(),
                columns,
                rows,
            });
        }
        Ok(())
    }

    /// Puts every row back with its id, and indexes the restored texts for search.
    pub fn restore(&self, conn: &Connection) -> Result<(), StoreError> {
        for part in &self.rows_v2 {
            if !TABLES.contains(&part.table.as_str())
                || part.columns.iter().any(|c| !is_column_name(c))
            {
                return Err(StoreError::Validation(format!(
                    "cannot restore rows of '{}': not a table undo knows",
                    part.table
                )));
            }
            let marks: Vec<String> = (1..=part.columns.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                "INSERT INTO {} ({}) VALUES ({})",
                part.table,
                part.columns.join(", "),
                marks.join(", ")
            );
            let mut stmt = conn.prepare(&sql)?;
            let id_at = part.columns.iter().position(|c| c == "id");
            for row in &part.rows {
                if let Some(id) = id_at.and_then(|i| row[i].as_i64()) {
                    let taken: bool = conn.query_row(
                        &format!("SELECT EXISTS (SELECT 1 FROM {} WHERE id = ?1)", part.table),
                        [id],
                        |r| r.get(0),
                    )?;
                    if taken {
                        return Err(StoreError::Conflict(format!(
                            "cannot restore {} {id}: a later import reused its id",
                            part.table
                        )));
                    }
                }
                let values = row.iter().map(|v| match v {
                    serde_json::Value::Null => Value::Null,
                    serde_json::Value::Number(n) => match n.as_i64() {
                        Some(i) => Value::Integer(i),
                        None => Value::Real(n.as_f64().unwrap_or_default()),
                    },
                    serde_json::Value::String(s) => Value::Text(s.clone()),
                    other => Value::Text(other.to_string()),
                });
                stmt.execute(params_from_iter(values))?;
            }
            if let Some(kind) = index::kind_of(&part.table) {
                for row in &part.rows {
                    if let Some(id) = id_at.and_then(|i| row[i].as_i64()) {
                        index::index_row(conn, kind, id)?;
                    }
                }
            }
        }
        Ok(())
    }
}

fn is_column_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
}
