//! Inserting rows of the record tree; shared by import (merge), edits and undo.

use super::history::{Subject, Trace};
use super::StoreError;
use crate::model::validate::ellipsis;
use crate::model::{roman, Agency, Dialogue, Entry, EntryDate, Note, Source};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// What an entry sits in: an initiative, or directly its dialogue ("General").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Parent {
    Initiative(i64),
    Dialogue(i64),
}

impl Parent {
    /// The `(initiative_id, dialogue_id)` columns of an entry in this parent.
    pub fn columns(self) -> (Option<i64>, Option<i64>) {
        match self {
            Parent::Initiative(i) => (Some(i), None),
            Parent::Dialogue(d) => (None, Some(d)),
        }
    }

    /// The position after the last entry already in this parent.
    pub fn next_position(self, conn: &Connection) -> Result<i64, StoreError> {
        let (initiative, dialogue) = self.columns();
        Ok(conn
            .prepare_cached(
                "SELECT coalesce(max(position), -1) + 1 FROM entry
                 WHERE initiative_id IS ?1 AND dialogue_id IS ?2",
            )?
            .query_row(params![initiative, dialogue], |r| r.get(0))?)
    }

    /// Where entries of this parent sit, for history lines.
    pub fn place(self, conn: &Connection) -> Result<Place, StoreError> {
        match self {
            Parent::Initiative(i) => place_of_initiative(conn, i),
            Parent::Dialogue(_) => Ok(Place::general()),
        }
    }
}

/// Where a row sits, written into its history lines.
#[derive(Debug, Clone, Default)]
pub(crate) struct Place {
    pub pillar: Option<u32>,
    pub initiative: Option<String>,
}

/// The pillar number history and filters give dialogue-level entries ("General").
pub const GENERAL: u32 = 0;

impl Place {
    /// The place of a dialogue-level entry.
    pub fn general() -> Place {
        Place {
            pillar: Some(GENERAL),
            initiative: None,
        }
    }

    pub fn describe(&self, leaf: &str) -> String {
        let mut parts = Vec::new();
        match self.pillar {
            Some(GENERAL) => parts.push("General".to_string()),
            Some(p) => parts.push(format!("Pillar {}", roman(p))),
            None => {}
        }
        if let Some(i) = &self.initiative {
            parts.push(ellipsis(i, 60));
        }
        if !leaf.is_empty() {
            parts.push(ellipsis(leaf, 80));
        }
        parts.join(" › ")
    }
}

pub(crate) fn date_json(date: &Option<EntryDate>) -> Option<String> {
    date.as_ref()
        .map(|d| serde_json::to_string(d).expect("dates serialize"))
}

pub(crate) fn insert_source(conn: &Connection, source: &Source) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO source (title, date, publisher, text, sha256) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        source.title,
        date_json(&source.date),
        source.publisher,
        source.text,
        source.sha256
    ])?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn insert_dialogue(
    conn: &Connection,
    dialogue: &Dialogue,
    trace: &Trace,
) -> Result<i64, StoreError> {
    let position: i64 = conn.query_row(
        "SELECT coalesce(max(position), -1) + 1 FROM dialogue",
        [],
        |r| r.get(0),
    )?;
    conn.execute(
        "INSERT INTO dialogue (name, name_es, short_name, parties, launched, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            dialogue.name,
            dialogue.name_es,
            dialogue.short_name,
            serde_json::to_string(&dialogue.parties).expect("strings serialize"),
            date_json(&dialogue.launched),
            position
        ],
    )?;
    let id = conn.last_insert_rowid();
    trace.created(&Subject {
        entity: "dialogue",
        id,
        label: &dialogue.name,
        place: &Place::default(),
    })?;
    Ok(id)
}

pub(crate) fn insert_pillar(
    conn: &Connection,
    dialogue_id: i64,
    number: u32,
    title: &str,
    title_es: Option<&str>,
    trace: &Trace,
) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO pillar (dialogue_id, number, title, title_es) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![dialogue_id, number, title, title_es])?;
    let id = conn.last_insert_rowid();
    let place = Place {
        pillar: Some(number),
        initiative: None,
    };
    trace.created(&Subject {
        entity: "pillar",
        id,
        label: title,
        place: &place,
    })?;
    Ok(id)
}

/// Inserts an initiative at the end of its pillar (without its entries).
#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_initiative(
    conn: &Connection,
    pillar_id: i64,
    title: &str,
    title_es: Option<&str>,
    summary: Option<&str>,
    summary_es: Option<&str>,
    place: &Place,
    trace: &Trace,
) -> Result<i64, StoreError> {
    let position: i64 = conn
        .prepare_cached(
            "SELECT coalesce(max(position), -1) + 1 FROM initiative WHERE pillar_id = ?1",
        )?
        .query_row([pillar_id], |r| r.get(0))?;
    conn.prepare_cached(
        "INSERT INTO initiative (pillar_id, position, title, title_es, summary, summary_es)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        pillar_id, position, title, title_es, summary, summary_es
    ])?;
    let id = conn.last_insert_rowid();
    trace.created(&Subject {
        entity: "initiative",
        id,
        label: title,
        place,
    })?;
    Ok(id)
}

/// Looks up an agency's row by its key (acronym or name).
pub(crate) fn agency_id(conn: &Connection, key: &str) -> Result<i64, StoreError> {
    conn.prepare_cached("SELECT id FROM agency WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::Validation(format!("unknown agency '{key}'")))
}

pub(crate) fn insert_agency(
    conn: &Connection,
    agency: &Agency,
    trace: &Trace,
) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO agency (key, name, name_es, acronym, country) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        agency.key(),
        agency.name,
        agency.name_es,
        agency.acronym,
        agency.country.as_str()
    ])?;
    let id = conn.last_insert_rowid();
    trace.created(&Subject {
        entity: "agency",
        id,
        label: agency.key(),
        place: &Place::default(),
    })?;
    Ok(id)
}

/// Replaces an entry's agency links with `keys`, in order.
pub(crate) fn set_entry_agencies(
    conn: &Connection,
    entry_id: i64,
    keys: &[String],
) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM entry_agency WHERE entry_id = ?1")?
        .execute([entry_id])?;
    link_agencies(conn, entry_id, keys)
}

/// Links a new entry (one with no agencies yet) to `keys`, in order.
fn link_agencies(conn: &Connection, entry_id: i64, keys: &[String]) -> Result<(), StoreError> {
    if keys.is_empty() {
        return Ok(());
    }
    // One statement per link, resolving the key inside SQLite: imports make this call
    // for every entry.
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO entry_agency (entry_id, agency_id, position)
         SELECT ?1, id, ?3 FROM agency WHERE key = ?2",
    )?;
    for (position, key) in keys.iter().enumerate() {
        let linked = insert.execute(params![entry_id, key, position as i64])?;
        if linked == 0 && agency_id(conn, key).is_err() {
            return Err(StoreError::Validation(format!("unknown agency '{key}'")));
        }
    }
    Ok(())
}

/// Inserts an entry (with its agencies and notes) at `position` in its parent.
pub(crate) fn insert_entry(
    conn: &Connection,
    parent: Parent,
    position: i64,
    entry: &Entry,
    source_id: Option<i64>,
    place: &Place,
    trace: &Trace,
) -> Result<i64, StoreError> {
    let edtf = entry.date.as_ref().and_then(|d| d.edtf);
    let bounds = edtf.map(|e| e.sortable_bounds());
    let (initiative_id, dialogue_id) = parent.columns();
    conn.prepare_cached(
        "INSERT INTO entry (initiative_id, position, kind, text, text_es, status, status_phrase,
            date_edtf, date_text, cadence, date_lower, date_upper, other_dates,
            source_id, source_title, line, line_end, dialogue_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18)",
    )?
    .execute(params![
        initiative_id,
        position,
        entry.kind.as_str(),
        entry.text,
        entry.text_es,
        entry.status.as_str(),
        entry.status_phrase,
        edtf.map(|e| e.to_string()),
        entry.date.as_ref().map(|d| d.text.as_str()),
        entry
            .date
            .as_ref()
            .and_then(|d| d.cadence)
            .map(|c| c.as_str()),
        bounds.as_ref().map(|b| b.0.as_str()),
        bounds.as_ref().map(|b| b.1.as_str()),
        serde_json::to_string(&entry.other_dates).expect("dates serialize"),
        source_id,
        entry.source.as_ref().map(|s| s.title.as_str()),
        entry.source.as_ref().map(|s| s.line),
        entry.source.as_ref().and_then(|s| s.line_end),
        dialogue_id,
    ])?;
    let id = conn.last_insert_rowid();
    link_agencies(conn, id, &entry.agencies)?;
    for note in &entry.notes {
        insert_note(conn, None, Some(id), note, place, trace)?;
    }
    trace.created(&Subject {
        entity: "entry",
        id,
        label: &entry.text,
        place,
    })?;
    Ok(id)
}

pub(crate) fn insert_note(
    conn: &Connection,
    initiative_id: Option<i64>,
    entry_id: Option<i64>,
    note: &Note,
    place: &Place,
    trace: &Trace,
) -> Result<i64, StoreError> {
    let position: i64 = conn
        .prepare_cached(
            "SELECT coalesce(max(position), -1) + 1 FROM note
             WHERE initiative_id IS ?1 AND entry_id IS ?2",
        )?
        .query_row(params![initiative_id, entry_id], |r| r.get(0))?;
    conn.prepare_cached(
        "INSERT INTO note (initiative_id, entry_id, position, kind, text, text_es, answer,
                           answer_es)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        initiative_id,
        entry_id,
        position,
        note.kind.as_str(),
        note.text,
        note.text_es,
        note.answer,
        note.answer_es
    ])?;
    let id = conn.last_insert_rowid();
    trace.created(&Subject {
        entity: "note",
        id,
        label: &note.text,
        place,
    })?;
    Ok(id)
}

/// The pillar number and initiative title an initiative id sits under.
pub(crate) fn place_of_initiative(
    conn: &Connection,
    initiative_id: i64,
) -> Result<Place, StoreError> {
    conn.prepare_cached(
        "SELECT p.number, i.title FROM initiative i JOIN pillar p ON p.id = i.pillar_id
         WHERE i.id = ?1",
    )?
    .query_row([initiative_id], |r| {
        Ok(Place {
            pillar: Some(r.get(0)?),
            initiative: Some(r.get(1)?),
        })
    })
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("no initiative with id {initiative_id}")))
}

/// What an entry sits in, and its place.
pub(crate) fn place_of_entry(
    conn: &Connection,
    entry_id: i64,
) -> Result<(Parent, Place), StoreError> {
    let (initiative_id, dialogue_id): (Option<i64>, Option<i64>) = conn
        .prepare_cached("SELECT initiative_id, dialogue_id FROM entry WHERE id = ?1")?
        .query_row([entry_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("no entry with id {entry_id}")))?;
    let parent = match (initiative_id, dialogue_id) {
        (Some(i), _) => Parent::Initiative(i),
        (None, Some(d)) => Parent::Dialogue(d),
        // The table's CHECK makes this unreachable short of a damaged file.
        (None, None) => {
            return Err(StoreError::Validation(format!(
                "entry {entry_id}: stored with neither an initiative nor a dialogue"
            )))
        }
    };
    Ok((parent, parent.place(conn)?))
}
