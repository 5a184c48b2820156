//! The record as the app shows it, loaded in pieces: the outline (dialogues, pillars,
//! initiatives with their notes and entry counts, no entries) at once, and each
//! initiative's entries when it comes into view. Every row carries its id, so the app
//! can address what it shows without guessing.

use super::load::entry_date;
use super::{Store, StoreError};
use crate::model::{EntryDate, EntryKind, Id, NoteKind, SourceRef, Status};
use rusqlite::{params_from_iter, Row};
use serde::Serialize;
use std::collections::HashMap;

/// Dialogues with their pillars and initiatives, without entries.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outline {
    pub dialogues: Vec<DialogueOutline>,
    /// Total entries in the record.
    pub entries: u32,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DialogueOutline {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: Id,
    pub name: String,
    pub name_es: Option<String>,
    pub short_name: String,
    /// When the dialogue was launched or relaunched, as the source states it.
    pub launched: Option<EntryDate>,
    /// How many statements belong to no pillar (the General section), loaded with
    /// [`Store::dialogue_entries`].
    pub general_entries: u32,
    pub pillars: Vec<PillarOutline>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PillarOutline {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: Id,
    pub number: u32,
    pub title: String,
    pub title_es: Option<String>,
    pub initiatives: Vec<InitiativeOutline>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InitiativeOutline {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: Id,
    pub title: String,
    pub title_es: Option<String>,
    pub summary: Option<String>,
    pub summary_es: Option<String>,
    /// How many entries it holds (loaded with [`Store::initiative_entries`]).
    pub entries: u32,
    pub notes: Vec<NoteView>,
}

/// A briefing note as the app shows it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteView {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: Id,
    pub kind: NoteKind,
    pub text: String,
    pub text_es: Option<String>,
    /// The answer to an "if raised" or press question.
    pub answer: Option<String>,
}

/// An entry as the app shows it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryView {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: Id,
    /// `None` for a statement of the dialogue as a whole (the General section).
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub initiative_id: Option<Id>,
    pub kind: EntryKind,
    pub text: String,
    pub text_es: Option<String>,
    pub status: Status,
    pub status_phrase: Option<String>,
    pub date: Option<EntryDate>,
    pub other_dates: Vec<EntryDate>,
    pub agencies: Vec<String>,
    pub source: Option<SourceRef>,
    pub notes: Vec<NoteView>,
}

fn note(row: &Row) -> rusqlite::Result<NoteView> {
    Ok(NoteView {
        id: row.get(1)?,
        kind: row.get(2)?,
        text: row.get(3)?,
        text_es: row.get(4)?,
        answer: row.get(5)?,
    })
}

const ENTRY_COLUMNS: &str = "id, initiative_id, kind, text, text_es, status, status_phrase,
     date_edtf, date_text, cadence, other_dates, source_title, line, line_end";

impl Store {
    /// Dialogues, pillars and initiatives (with notes and entry counts), in display order.
    pub fn outline(&self) -> Result<Outline, StoreError> {
        let conn = &self.conn;
        let mut notes: HashMap<Id, Vec<NoteView>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT initiative_id, id, kind, text, text_es, answer FROM note
             WHERE initiative_id IS NOT NULL ORDER BY position, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            notes.entry(r.get(0)?).or_default().push(note(r)?);
        }
        let mut counts: HashMap<Id, u32> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT initiative_id, count(*) FROM entry WHERE initiative_id IS NOT NULL GROUP BY 1",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            counts.insert(r.get(0)?, r.get(1)?);
        }
        let mut general: HashMap<Id, u32> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT dialogue_id, count(*) FROM entry WHERE initiative_id IS NULL GROUP BY 1",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            general.insert(r.get(0)?, r.get(1)?);
        }
        let mut initiatives: HashMap<Id, Vec<InitiativeOutline>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT pillar_id, id, title, title_es, summary, summary_es FROM initiative
             ORDER BY pillar_id, position, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: Id = r.get(1)?;
            initiatives
                .entry(r.get(0)?)
                .or_default()
                .push(InitiativeOutline {
                    id,
                    title: r.get(2)?,
                    title_es: r.get(3)?,
                    summary: r.get(4)?,
                    summary_es: r.get(5)?,
                    entries: counts.get(&id).copied().unwrap_or(0),
                    notes: notes.remove(&id).unwrap_or_default(),
                });
        }
        let mut pillars: HashMap<Id, Vec<PillarOutline>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT dialogue_id, id, number, title, title_es FROM pillar ORDER BY number",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: Id = r.get(1)?;
            pillars.entry(r.get(0)?).or_default().push(PillarOutline {
                id,
                number: r.get(2)?,
                title: r.get(3)?,
                title_es: r.get(4)?,
                initiatives: initiatives.remove(&id).unwrap_or_default(),
            });
        }
        let mut dialogues = Vec::new();
        let mut stmt = conn.prepare(
            "SELECT id, name, name_es, short_name, launched FROM dialogue ORDER BY position, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: Id = r.get(0)?;
            let launched: Option<String> = r.get(4)?;
            dialogues.push(DialogueOutline {
                id,
                name: r.get(1)?,
                name_es: r.get(2)?,
                short_name: r.get(3)?,
                launched: launched
                    .map(|text| {
                        serde_json::from_str(&text).map_err(|e| {
                            StoreError::Validation(format!(
                                "dialogue {id}, column launched holds {text:?}: {e}"
                            ))
                        })
                    })
                    .transpose()?,
                general_entries: general.get(&id).copied().unwrap_or(0),
                pillars: pillars.remove(&id).unwrap_or_default(),
            });
        }
        Ok(Outline {
            dialogues,
            entries: counts.values().sum::<u32>() + general.values().sum::<u32>(),
        })
    }

    /// The entries of initiative `id`, in record order, with agencies and notes.
    pub fn initiative_entries(&self, id: Id) -> Result<Vec<EntryView>, StoreError> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entry WHERE initiative_id = ?1 ORDER BY position, id"
        );
        self.entry_views(&sql, [id])
    }

    /// The statements of dialogue `id` that belong to no pillar, in record order.
    pub fn dialogue_entries(&self, id: Id) -> Result<Vec<EntryView>, StoreError> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entry WHERE dialogue_id = ?1 AND initiative_id IS NULL
             ORDER BY position, id"
        );
        self.entry_views(&sql, [id])
    }

    /// One entry, as [`Store::initiative_entries`] shows it (after an edit, say).
    pub fn entry_view(&self, id: Id) -> Result<EntryView, StoreError> {
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM entry WHERE id = ?1");
        self.entry_views(&sql, [id])?
            .pop()
            .ok_or_else(|| StoreError::NotFound(format!("entry {id} does not exist")))
    }

    fn entry_views(&self, sql: &str, args: [Id; 1]) -> Result<Vec<EntryView>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        let mut entries = Vec::new();
        while let Some(r) = rows.next()? {
            let source_title: Option<String> = r.get(11)?;
            let other_dates: String = r.get(10)?;
            entries.push(EntryView {
                id: r.get(0)?,
                initiative_id: r.get(1)?,
                kind: r.get(2)?,
                text: r.get(3)?,
                text_es: r.get(4)?,
                status: r.get(5)?,
                status_phrase: r.get(6)?,
                date: entry_date(r, 7)?,
                other_dates: serde_json::from_str(&other_dates).map_err(|e| {
                    StoreError::Validation(format!(
                        "entry {}: column other_dates holds {other_dates:?}: {e}",
                        r.get::<_, Id>(0).unwrap_or_default()
                    ))
                })?,
                agencies: Vec::new(),
                source: match source_title {
                    Some(title) => Some(SourceRef {
                        title,
                        line: r.get::<_, Option<u32>>(12)?.unwrap_or(0),
                        line_end: r.get(13)?,
                    }),
                    None => None,
                },
                notes: Vec::new(),
            });
        }
        let mut agencies = self.conn.prepare_cached(
            "SELECT a.key FROM entry_agency ea JOIN agency a ON a.id = ea.agency_id
             WHERE ea.entry_id = ?1 ORDER BY ea.position",
        )?;
        let mut notes = self.conn.prepare_cached(
            "SELECT entry_id, id, kind, text, text_es, answer FROM note WHERE entry_id = ?1
             ORDER BY position, id",
        )?;
        for entry in &mut entries {
            entry.agencies = agencies
                .query_map([entry.id], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            entry.notes = notes
                .query_map([entry.id], note)?
                .collect::<Result<_, _>>()?;
        }
        Ok(entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::builtin::seeded_store as seeded;

    #[test]
    fn the_outline_and_the_entries_by_initiative_add_up_to_the_record() {
        let store = seeded();
        let record = store.load_record().unwrap();
        let outline = store.outline().unwrap();
        let pillars = &record.dialogues[0].pillars;
        assert_eq!(outline.dialogues[0].pillars.len(), pillars.len());
        for (pillar, shown) in pillars.iter().zip(&outline.dialogues[0].pillars) {
            assert_eq!(Some(shown.id), pillar.id);
            for (initiative, shown) in pillar.initiatives.iter().zip(&shown.initiatives) {
                assert_eq!(shown.entries as usize, initiative.entries.len());
                let entries = store.initiative_entries(shown.id).unwrap();
                for (entry, view) in initiative.entries.iter().zip(&entries) {
                    assert_eq!(Some(view.id), entry.id);
                    assert_eq!(view.text, entry.text);
                    assert_eq!(view.agencies, entry.agencies);
                    assert_eq!(view.date, entry.date);
                    assert_eq!(view.source, entry.source);
                }
            }
        }
    }

    #[test]
    fn general_statements_are_counted_and_loaded_apart_from_initiatives() {
        let mut store = seeded();
        let dialogue = store.outline().unwrap().dialogues[0].id;
        let new = crate::store::NewEntry {
            kind: EntryKind::Meeting,
            text: "The Dialogue met in Mexico City.".into(),
            status: Status::Done,
            date: None,
            agencies: Vec::new(),
        };
        let id = store.create_dialogue_entry(dialogue, &new).unwrap();
        let outline = store.outline().unwrap();
        assert_eq!(outline.dialogues[0].general_entries, 1);
        assert!(outline.dialogues[0].launched.is_some());
        let general = store.dialogue_entries(dialogue).unwrap();
        assert_eq!(general.len(), 1);
        assert_eq!((general[0].id, general[0].initiative_id), (id, None));
        let total: u32 = store.load_record().unwrap().dialogues[0]
            .pillars
            .iter()
            .flat_map(|p| &p.initiatives)
            .map(|i| i.entries.len() as u32)
            .sum();
        assert_eq!(outline.entries, total + 1);
    }

    #[test]
    fn a_missing_entry_is_not_found() {
        let store = seeded();
        assert_eq!(store.entry_view(999_999).unwrap_err().code(), "not_found");
    }
}
