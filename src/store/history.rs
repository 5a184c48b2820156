//! The history table: every write appends here in the same transaction.

use super::rows::Place;
use super::{Store, StoreError};
use crate::model::date::parse_filter_bound;
use crate::model::{HistoryEvent, Origin};
use rusqlite::{params, Connection, OptionalExtension};

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

/// The dialogue a history line's row belongs to: `Some(None)` for rows every dialogue
/// shares (agencies, sources), `None` when the row no longer exists.
fn dialogue_of(
    conn: &Connection,
    entity: &str,
    id: i64,
) -> Result<Option<Option<i64>>, StoreError> {
    let sql = match entity {
        "agency" | "source" => return Ok(Some(None)),
        "dialogue" => "SELECT id FROM dialogue WHERE id = ?1",
        "pillar" => "SELECT dialogue_id FROM pillar WHERE id = ?1",
        "initiative" => {
            "SELECT p.dialogue_id FROM initiative i JOIN pillar p ON p.id = i.pillar_id
             WHERE i.id = ?1"
        }
        "entry" => {
            "SELECT coalesce(e.dialogue_id, p.dialogue_id) FROM entry e
             LEFT JOIN initiative i ON i.id = e.initiative_id
             LEFT JOIN pillar p ON p.id = i.pillar_id WHERE e.id = ?1"
        }
        "note" => {
            "SELECT coalesce(e.dialogue_id, p.dialogue_id) FROM note n
             LEFT JOIN entry e ON e.id = n.entry_id
             LEFT JOIN initiative i ON i.id = coalesce(n.initiative_id, e.initiative_id)
             LEFT JOIN pillar p ON p.id = i.pillar_id WHERE n.id = ?1"
        }
        "meeting" => "SELECT dialogue_id FROM meeting WHERE id = ?1",
        "meeting_objective" | "agenda_item" | "participant" | "press_line" | "meeting_note" => {
            return Ok(conn
                .query_row(
                    &format!(
                        "SELECT m.dialogue_id FROM {entity} x JOIN meeting m ON m.id = x.meeting_id
                         WHERE x.id = ?1"
                    ),
                    [id],
                    |r| r.get::<_, Option<i64>>(0),
                )
                .optional()?)
        }
        _ => return Ok(Some(None)),
    };
    Ok(conn
        .prepare_cached(sql)?
        .query_row([id], |r| r.get::<_, Option<i64>>(0))
        .optional()?)
}

impl Store {
    /// As [`Store::history`], for one dialogue: the changes to its rows, to the rows all
    /// dialogues share (agencies, sources), and to rows since deleted (whose dialogue can
    /// no longer be told, so they are shown rather than hidden).
    pub fn history_of(
        &self,
        since: Option<&str>,
        dialogue_id: i64,
    ) -> Result<Vec<HistoryEvent>, StoreError> {
        let mut kept = Vec::new();
        let mut known: std::collections::HashMap<(String, i64), Option<Option<i64>>> =
            std::collections::HashMap::new();
        for event in self.history(since)? {
            let key = (event.entity.clone(), event.entity_id);
            let owner = match known.get(&key) {
                Some(owner) => *owner,
                None => {
                    let owner = dialogue_of(&self.conn, &event.entity, event.entity_id)?;
                    known.insert(key, owner);
                    owner
                }
            };
            match owner {
                Some(Some(d)) if d != dialogue_id => {}
                _ => kept.push(event),
            }
        }
        Ok(kept)
    }

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
