//! Undo: reverts the most recent change a person made (one history batch).

pub(super) mod snapshot;

use super::edit::write_entry_date;
use super::rows;
use super::{Store, StoreError};
use crate::model::validate::ellipsis;
use crate::model::{EntryDate, Origin};
use rusqlite::{params, Connection};
use snapshot::Snapshot;

/// One history line to revert.
struct Line {
    entity: String,
    entity_id: i64,
    field: String,
    old: Option<String>,
    new: Option<String>,
    context: String,
}

impl Store {
    /// Reverts the latest batch of user changes not yet undone, and returns what it was
    /// ("status of … planned → done"); `None` when there is nothing to undo. Imports are
    /// not undone this way (restore a backup instead).
    pub fn undo_last(&mut self) -> Result<Option<String>, StoreError> {
        let user = serde_json::to_string(&Origin::User).expect("origin serializes");
        let tx = super::tx::begin_write(&self.conn)?;
        let batch: Option<i64> = tx.query_row(
            "SELECT max(batch) FROM history WHERE undone = 0 AND origin = ?1",
            [&user],
            |r| r.get(0),
        )?;
        let Some(batch) = batch else {
            return Ok(None);
        };
        let lines: Vec<Line> = {
            let mut stmt = tx.prepare(
                "SELECT entity, entity_id, field, old_value, new_value, context FROM history
                 WHERE batch = ?1 ORDER BY id DESC",
            )?;
            let rows = stmt.query_map([batch], |r| {
                Ok(Line {
                    entity: r.get(0)?,
                    entity_id: r.get(1)?,
                    field: r.get(2)?,
                    old: r.get(3)?,
                    new: r.get(4)?,
                    context: r.get(5)?,
                })
            })?;
            rows.collect::<Result<_, _>>()?
        };
        let mut described = Vec::new();
        for line in &lines {
            revert(&tx, line)?;
            described.push(describe(line));
        }
        tx.execute("UPDATE history SET undone = 1 WHERE batch = ?1", [batch])?;
        tx.commit()?;
        Ok(Some(described.join("; ")))
    }
}

fn describe(line: &Line) -> String {
    match (line.field.as_str(), &line.old, &line.new) {
        ("*", None, _) => format!("added {} {}", line.entity, line.context),
        ("*", Some(_), _) => format!("deleted {} {}", line.entity, line.context),
        // The old value is the rows' snapshot, not something to show.
        ("parts", _, new) => format!(
            "parts of {} (now {})",
            line.context,
            new.as_deref().unwrap_or("—")
        ),
        (field, old, new) => format!(
            "{field} of {} ({} → {})",
            line.context,
            ellipsis(old.as_deref().unwrap_or("—"), 40),
            ellipsis(new.as_deref().unwrap_or("—"), 40)
        ),
    }
}

const ENTRY_COLUMNS: &[&str] = &["text", "text_es", "kind", "status", "status_phrase"];
const INITIATIVE_COLUMNS: &[&str] = &["title", "title_es", "summary", "summary_es"];
const PILLAR_COLUMNS: &[&str] = &["title", "title_es"];
const NOTE_COLUMNS: &[&str] = &["kind", "text", "text_es"];
const AGENCY_COLUMNS: &[&str] = &["name", "name_es", "country"];
const MEETING_COLUMNS: &[&str] = &[
    "title",
    "title_es",
    "place",
    "kind",
    "our_delegation",
    "their_delegation",
    "scope_note",
    "scope_note_es",
];
/// Tables whose rows undo deletes (a creation) or restores from a snapshot (a deletion).
const ROW_TABLES: &[&str] = &[
    "entry",
    "note",
    "initiative",
    "agency",
    "meeting",
    "meeting_objective",
    "agenda_item",
    "participant",
    "press_line",
    "meeting_note",
];

fn revert(conn: &Connection, line: &Line) -> Result<(), StoreError> {
    let id = line.entity_id;
    let old = line.old.as_deref();
    match (line.entity.as_str(), line.field.as_str()) {
        (table, "*") if line.old.is_none() && ROW_TABLES.contains(&table) => {
            conn.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
        }
        (entity, "*") if ROW_TABLES.contains(&entity) => {
            // Snapshots from before whole-row undo have no `rows_v2`; they cannot be put
            // back exactly, so they are refused rather than restored approximately.
            let snapshot: Snapshot =
                serde_json::from_str(old.unwrap_or_default()).map_err(|_| {
                    StoreError::Validation(format!(
                        "cannot undo the deletion of {entity} {id}: it was recorded by an older \
                     Briefbook; restore a backup instead"
                    ))
                })?;
            snapshot.restore(conn)?;
        }
        ("meeting", "date") => {
            let date: EntryDate = serde_json::from_str(old.unwrap_or_default()).map_err(|e| {
                StoreError::Validation(format!("cannot restore the date of meeting {id}: {e}"))
            })?;
            super::meeting_rows::write_date(conn, id, &date)?;
        }
        ("meeting", "parts") => {
            let snapshot: Snapshot =
                serde_json::from_str(old.unwrap_or_default()).map_err(|e| {
                    StoreError::Validation(format!("cannot restore the parts of meeting {id}: {e}"))
                })?;
            super::meeting_rows::delete_parts(conn, id)?;
            snapshot.restore(conn)?;
        }
        ("meeting", field) if MEETING_COLUMNS.contains(&field) => {
            conn.execute(
                &format!("UPDATE meeting SET {field} = ?2 WHERE id = ?1"),
                params![id, old],
            )?;
        }
        ("entry", "date") => {
            let date: Option<EntryDate> =
                old.map(serde_json::from_str).transpose().map_err(|e| {
                    StoreError::Validation(format!("cannot restore the date of entry {id}: {e}"))
                })?;
            write_entry_date(conn, id, &date)?;
        }
        ("entry", "agencies") => {
            let keys: Vec<String> = old
                .map(serde_json::from_str)
                .transpose()
                .map_err(|e| {
                    StoreError::Validation(format!(
                        "cannot restore the agencies of entry {id}: {e}"
                    ))
                })?
                .unwrap_or_default();
            rows::set_entry_agencies(conn, id, &keys)?;
        }
        ("entry", field) if ENTRY_COLUMNS.contains(&field) => {
            conn.execute(
                &format!("UPDATE entry SET {field} = ?2 WHERE id = ?1"),
                params![id, old],
            )?;
        }
        ("pillar", field) if PILLAR_COLUMNS.contains(&field) => {
            conn.execute(
                &format!("UPDATE pillar SET {field} = ?2 WHERE id = ?1"),
                params![id, old],
            )?;
        }
        ("agency", field) if AGENCY_COLUMNS.contains(&field) => {
            conn.execute(
                &format!("UPDATE agency SET {field} = ?2 WHERE id = ?1"),
                params![id, old],
            )?;
        }
        ("note", field) if NOTE_COLUMNS.contains(&field) => {
            conn.execute(
                &format!("UPDATE note SET {field} = ?2 WHERE id = ?1"),
                params![id, old],
            )?;
        }
        ("dialogue", "name_es") => {
            conn.execute(
                "UPDATE dialogue SET name_es = ?2 WHERE id = ?1",
                params![id, old],
            )?;
        }
        ("initiative", field) if INITIATIVE_COLUMNS.contains(&field) => {
            conn.execute(
                &format!("UPDATE initiative SET {field} = ?2 WHERE id = ?1"),
                params![id, old],
            )?;
        }
        (entity, field) => {
            return Err(StoreError::Validation(format!(
                "cannot undo a change to {field} of {entity} {id}"
            )))
        }
    }
    Ok(())
}
