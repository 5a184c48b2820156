//! A person's edits: one field or row at a time, each a history batch that undo can revert.

mod notes;

use super::history::{FieldChange, Subject, Trace};
use super::index::IndexWatermark;
use super::load::{column, entry_date};
use super::rows;
use super::rows::Parent;
use super::undo::snapshot::Snapshot;
use super::{Store, StoreError};
use crate::model::{Entry, EntryDate, EntryKind, Id, Origin, Status};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// Fields of an entry to change; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EntryPatch {
    pub text: Option<String>,
    /// `Some(None)` removes the Spanish text.
    pub text_es: Option<Option<String>>,
    pub kind: Option<EntryKind>,
    pub status: Option<Status>,
    /// `Some(None)` makes the entry undated.
    pub date: Option<Option<EntryDate>>,
    pub agencies: Option<Vec<String>>,
}

/// A new entry typed by a person.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewEntry {
    pub kind: EntryKind,
    pub text: String,
    pub status: Status,
    pub date: Option<EntryDate>,
    #[serde(default)]
    pub agencies: Vec<String>,
}

/// Fields of an initiative to change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InitiativePatch {
    pub title: Option<String>,
    pub title_es: Option<Option<String>>,
    pub summary: Option<Option<String>>,
    pub summary_es: Option<Option<String>>,
}

/// What a note is attached to.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum NoteTarget {
    Initiative(#[cfg_attr(feature = "ts", ts(as = "f64"))] Id),
    Entry(#[cfg_attr(feature = "ts", ts(as = "f64"))] Id),
}

/// An entry's editable fields as stored.
pub(crate) struct StoredEntry {
    pub text: String,
    pub text_es: Option<String>,
    pub kind: EntryKind,
    pub status: Status,
    pub status_phrase: Option<String>,
    pub date: Option<EntryDate>,
    pub agencies: Vec<String>,
}

pub(crate) fn read_entry_fields(conn: &Connection, id: Id) -> Result<StoredEntry, StoreError> {
    let mut stored = conn
        .prepare_cached(
            "SELECT id, text, text_es, kind, status, status_phrase, date_edtf, date_text, cadence
             FROM entry WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok(StoredEntry {
                text: r.get(1)?,
                text_es: r.get(2)?,
                kind: column(r, 3, "entry")?,
                status: column(r, 4, "entry")?,
                status_phrase: r.get(5)?,
                date: entry_date(r, 6)?,
                agencies: Vec::new(),
            })
        })
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("no entry with id {id}")))?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.key FROM entry_agency ea JOIN agency a ON a.id = ea.agency_id
         WHERE ea.entry_id = ?1 ORDER BY ea.position",
    )?;
    stored.agencies = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(stored)
}

pub(crate) fn write_entry_date(
    conn: &Connection,
    id: Id,
    date: &Option<EntryDate>,
) -> Result<(), StoreError> {
    let edtf = date.as_ref().and_then(|d| d.edtf);
    let bounds = edtf.map(|e| e.sortable_bounds());
    conn.execute(
        "UPDATE entry SET date_edtf = ?2, date_text = ?3, cadence = ?4, date_lower = ?5,
                          date_upper = ?6 WHERE id = ?1",
        params![
            id,
            edtf.map(|e| e.to_string()),
            date.as_ref().map(|d| d.text.as_str()),
            date.as_ref().and_then(|d| d.cadence).map(|c| c.as_str()),
            bounds.as_ref().map(|b| b.0.as_str()),
            bounds.as_ref().map(|b| b.1.as_str()),
        ],
    )?;
    Ok(())
}

pub(super) fn require_text(field: &str, text: &str) -> Result<(), StoreError> {
    if text.trim().is_empty() {
        return Err(StoreError::Validation(format!("{field} cannot be empty")));
    }
    Ok(())
}

impl Store {
    /// Changes an entry's fields; one history line per changed field.
    pub fn update_entry(&mut self, id: Id, patch: &EntryPatch) -> Result<(), StoreError> {
        if let Some(text) = &patch.text {
            require_text("entry text", text)?;
        }
        let tx = super::tx::begin_write(&self.conn)?;
        {
            let trace = Trace::begin(&tx, &Origin::User)?;
            let stored = read_entry_fields(&tx, id)?;
            let (_, place) = rows::place_of_entry(&tx, id)?;
            let label = patch.text.clone().unwrap_or(stored.text.clone());
            if let Some(text) = &patch.text {
                tx.execute(
                    "UPDATE entry SET text = ?2 WHERE id = ?1",
                    params![id, text],
                )?;
                trace.changed(
                    &Subject {
                        entity: "entry",
                        id,
                        label: &label,
                        place: &place,
                    },
                    FieldChange {
                        field: "text",
                        old: Some(&stored.text),
                        new: Some(text),
                    },
                )?;
            }
            if let Some(text_es) = &patch.text_es {
                let text_es = text_es.as_ref().filter(|t| !t.trim().is_empty());
                tx.execute(
                    "UPDATE entry SET text_es = ?2 WHERE id = ?1",
                    params![id, text_es],
                )?;
                trace.changed(
                    &Subject {
                        entity: "entry",
                        id,
                        label: &label,
                        place: &place,
                    },
                    FieldChange {
                        field: "text_es",
                        old: stored.text_es.as_deref(),
                        new: text_es.map(String::as_str),
                    },
                )?;
            }
            if let Some(kind) = patch.kind {
                tx.execute(
                    "UPDATE entry SET kind = ?2 WHERE id = ?1",
                    params![id, kind.as_str()],
                )?;
                trace.changed(
                    &Subject {
                        entity: "entry",
                        id,
                        label: &label,
                        place: &place,
                    },
                    FieldChange {
                        field: "kind",
                        old: Some(stored.kind.as_str()),
                        new: Some(kind.as_str()),
                    },
                )?;
            }
            if let Some(status) = patch.status {
                // A person's choice replaces the importer's reason for its guess.
                tx.execute(
                    "UPDATE entry SET status = ?2, status_phrase = NULL WHERE id = ?1",
                    params![id, status.as_str()],
                )?;
                trace.changed(
                    &Subject {
                        entity: "entry",
                        id,
                        label: &label,
                        place: &place,
                    },
                    FieldChange {
                        field: "status",
                        old: Some(stored.status.as_str()),
                        new: Some(status.as_str()),
                    },
                )?;
                // Kept so that undo gives the importer's reason back.
                trace.changed(
                    &Subject {
                        entity: "entry",
                        id,
                        label: &label,
                        place: &place,
                    },
                    FieldChange {
                        field: "status_phrase",
                        old: stored.status_phrase.as_deref(),
                        new: None,
                    },
                )?;
            }
            if let Some(date) = &patch.date {
                write_entry_date(&tx, id, date)?;
                trace.changed(
                    &Subject {
                        entity: "entry",
                        id,
                        label: &label,
                        place: &place,
                    },
                    FieldChange {
                        field: "date",
                        old: rows::date_json(&stored.date).as_deref(),
                        new: rows::date_json(date).as_deref(),
                    },
                )?;
            }
            if let Some(agencies) = &patch.agencies {
                rows::set_entry_agencies(&tx, id, agencies)?;
                trace.changed(
                    &Subject {
                        entity: "entry",
                        id,
                        label: &label,
                        place: &place,
                    },
                    FieldChange {
                        field: "agencies",
                        old: Some(&serde_json::to_string(&stored.agencies).expect("strings")),
                        new: Some(&serde_json::to_string(agencies).expect("strings")),
                    },
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Adds an entry at the end of an initiative; returns its id.
    pub fn create_entry(&mut self, initiative_id: Id, new: &NewEntry) -> Result<Id, StoreError> {
        self.create_entry_in(Parent::Initiative(initiative_id), new)
    }

    /// Adds a dialogue-level entry ("General", in no pillar) at the end of the dialogue's
    /// own entries; returns its id.
    pub fn create_dialogue_entry(
        &mut self,
        dialogue_id: Id,
        new: &NewEntry,
    ) -> Result<Id, StoreError> {
        self.create_entry_in(Parent::Dialogue(dialogue_id), new)
    }

    fn create_entry_in(&mut self, parent: Parent, new: &NewEntry) -> Result<Id, StoreError> {
        require_text("entry text", &new.text)?;
        let tx = super::tx::begin_write(&self.conn)?;
        let watermark = IndexWatermark::read(&tx)?;
        let id = {
            let trace = Trace::begin(&tx, &Origin::User)?;
            if let Parent::Dialogue(d) = parent {
                let known: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM dialogue WHERE id = ?1)",
                    [d],
                    |r| r.get(0),
                )?;
                if !known {
                    return Err(StoreError::NotFound(format!("no dialogue with id {d}")));
                }
            }
            let place = parent.place(&tx)?;
            let position = parent.next_position(&tx)?;
            let entry = Entry {
                id: None,
                kind: new.kind,
                text: new.text.trim().to_string(),
                text_es: None,
                status: new.status,
                status_phrase: None,
                date: new.date.clone(),
                other_dates: Vec::new(),
                agencies: new.agencies.clone(),
                source: None,
                notes: Vec::new(),
            };
            rows::insert_entry(&tx, parent, position, &entry, None, &place, &trace)?
        };
        watermark.index_new_rows(&tx)?;
        tx.commit()?;
        Ok(id)
    }

    /// Deletes an entry (and its notes); the history keeps a snapshot so undo can restore it.
    pub fn delete_entry(&mut self, id: Id) -> Result<(), StoreError> {
        let tx = super::tx::begin_write(&self.conn)?;
        {
            let trace = Trace::begin(&tx, &Origin::User)?;
            let (_, place) = rows::place_of_entry(&tx, id)?;
            let text: String =
                tx.query_row("SELECT text FROM entry WHERE id = ?1", [id], |r| r.get(0))?;
            let snapshot = entry_snapshot(&tx, id)?;
            tx.execute("DELETE FROM entry WHERE id = ?1", [id])?;
            let json = serde_json::to_string(&snapshot).expect("snapshots serialize");
            trace.deleted(
                &Subject {
                    entity: "entry",
                    id,
                    label: &text,
                    place: &place,
                },
                &json,
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// An entry's rows as stored: the entry, its agency links and its notes.
pub(crate) fn entry_snapshot(conn: &Connection, id: Id) -> Result<Snapshot, StoreError> {
    let mut snapshot = Snapshot::default();
    snapshot.capture(conn, "entry", "id = ?1", id)?;
    snapshot.capture(conn, "entry_agency", "entry_id = ?1", id)?;
    snapshot.capture(conn, "note", "entry_id = ?1", id)?;
    Ok(snapshot)
}
