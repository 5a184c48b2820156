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

    #[allow(clippy::too_many_arguments)]
    fn write(
        &self,
        entity: &str,
        id: i64,
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
        place: &Place,
        label: &str,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO history (batch, at, entity, entity_id, field, old_value, new_value,
                                      origin, context, pillar)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                self.batch,
                self.at,
                entity,
                id,
                field,
                old,
                new,
                self.origin,
                place.describe(label),
                place.pillar,
            ])?;
        Ok(())
    }

    /// A row was created; `label` is its title or text.
    pub fn created(
        &self,
        entity: &str,
        id: i64,
        label: &str,
        place: &Place,
    ) -> Result<(), StoreError> {
        self.write(entity, id, "*", None, Some(label), place, label)
    }

    /// One field changed; nothing is written when the value is the same.
    #[allow(clippy::too_many_arguments)]
    pub fn changed(
        &self,
        entity: &str,
        id: i64,
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
        label: &str,
        place: &Place,
    ) -> Result<(), StoreError> {
        if old == new {
            return Ok(());
        }
        self.write(entity, id, field, old, new, place, label)
    }

    /// A row was deleted; `snapshot` is its JSON, so undo can restore it.
    pub fn deleted(
        &self,
        entity: &str,
        id: i64,
        snapshot: &str,
        label: &str,
        place: &Place,
    ) -> Result<(), StoreError> {
        self.write(entity, id, "*", Some(snapshot), None, place, label)
    }
}

impl Store {
    /// Every event (except undone ones) at or after `since` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), oldest first;
    /// all events when `since` is `None`.
    pub fn history(&self, since: Option<&str>) -> Result<Vec<HistoryEvent>, StoreError> {
        let from = match since {
            Some(text) => {
                let (lower, _) = parse_filter_bound(text)
                    .map_err(|e| StoreError::Validation(format!("--since: {e}")))?;
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
            Ok(HistoryEvent {
                id: r.get(0)?,
                at: r.get(1)?,
                entity: r.get(2)?,
                entity_id: r.get(3)?,
                field: r.get(4)?,
                old_value: r.get(5)?,
                new_value: r.get(6)?,
                origin: serde_json::from_str(&origin).unwrap_or(Origin::User),
                context: r.get(8)?,
                pillar: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
