//! The history table: every write appends here in the same transaction.

use super::rows::Place;
use super::{Store, StoreError};
use crate::model::date::parse_filter_bound;
use crate::model::{HistoryEvent, Origin};
use rusqlite::{params, Connection};

/// Appends history lines for one batch of changes (one user action, or one import),
/// through the transaction that makes the changes.
pub(crate) struct Trace<'c> {
    conn: &'c Connection,
    batch: i64,
    at: String,
    origin: String,
}

impl<'c> Trace<'c> {
    /// Starts a batch; the clock is read here, at the edge of the system.
    pub fn begin(conn: &'c Connection, origin: &Origin) -> Result<Trace<'c>, StoreError> {
        let batch: i64 =
            conn.query_row("SELECT coalesce(max(batch), 0) + 1 FROM history", [], |r| {
                r.get(0)
            })?;
        Ok(Trace {
            conn,
            batch,
            at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            origin: serde_json::to_string(origin).expect("origin serializes"),
        })
    }

    fn write(&self, subject: &Subject, change: FieldChange) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO history (batch, at, entity, entity_id, field, old_value, new_value,
                                      origin, context, pillar)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                self.batch,
                self.at,
                subject.entity,
                subject.id,
                change.field,
                change.old,
                change.new,
                self.origin,
                subject.place.describe(subject.label),
                subject.place.pillar,
            ])?;
        Ok(())
    }

    /// A row was created.
    pub fn created(&self, subject: &Subject) -> Result<(), StoreError> {
        self.write(
            subject,
            FieldChange {
                field: "*",
                old: None,
                new: Some(subject.label),
            },
        )
    }

    /// One field changed; nothing is written when the value is the same.
    pub fn changed(&self, subject: &Subject, change: FieldChange) -> Result<(), StoreError> {
        if change.old == change.new {
            return Ok(());
        }
        self.write(subject, change)
    }

    /// A row was deleted; `snapshot` is its JSON, so undo can restore it.
    pub fn deleted(&self, subject: &Subject, snapshot: &str) -> Result<(), StoreError> {
        self.write(
            subject,
            FieldChange {
                field: "*",
                old: Some(snapshot),
                new: None,
            },
        )
    }
}

/// The row a history line is about: named fields, so that an id, a label and a place
/// cannot be passed in each other's positions.
pub(crate) struct Subject<'a> {
    /// The table: entry, note, initiative, pillar, agency, dialogue.
    pub entity: &'static str,
    pub id: i64,
    /// The row's title or text, for people reading the history.
    pub label: &'a str,
    pub place: &'a Place,
}

/// One field's old and new values (`"*"` for a whole row created or deleted).
pub(crate) struct FieldChange<'a> {
    pub field: &'a str,
    pub old: Option<&'a str>,
    pub new: Option<&'a str>,
}

impl Store {
    /// Every event (except undone ones) at or after `since` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), oldest first;
    /// all events when `since` is `None`.
    pub fn history(&self, since: Option<&str>) -> Result<Vec<HistoryEvent>, StoreError> {
        let from = match since {
            Some(text) => {
                let (lower, _) = parse_filter_bound(text)
                    .map_err(|e| StoreError::Validation(format!("changes since '{text}': {e}")))?;
                lower.format("%Y-%m-%d").to_string()
            }
            None => String::new(),
        };
        let mut stmt = self.conn.prepare(
            "SELECT id, at, entity, entity_id, field, old_value, new_value, origin, context, pillar
             FROM history WHERE at >= ?1 AND undone = 0 ORDER BY id",
        )?;
        let rows = stmt.query_map([from], |r| {
            let origin: String = r.get(7)?;
            let id: i64 = r.get(0)?;
            let origin: Origin = serde_json::from_str(&origin).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    7,
                    rusqlite::types::Type::Text,
                    format!("history {id}, column origin: {e}").into(),
                )
            })?;
            Ok(HistoryEvent {
                id: r.get(0)?,
                at: r.get(1)?,
                entity: r.get(2)?,
                entity_id: r.get(3)?,
                field: r.get(4)?,
                old_value: r.get(5)?,
                new_value: r.get(6)?,
                origin,
                context: r.get(8)?,
                pillar: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
