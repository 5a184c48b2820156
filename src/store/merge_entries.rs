//! Merging entries and notes of one initiative: match by normalised text, add what is
//! new, update what a later document says differently.

use super::history::{FieldChange, Subject};
use super::merge::{MergeAction, Merger};
use super::rows::{self, Parent, Place};
use super::StoreError;
use crate::model::{normalize_key, Entry, Note};
use rusqlite::params;
use std::collections::HashMap;

impl Merger<'_, '_> {
    pub(super) fn merge_entries(
        &mut self,
        parent: Parent,
        entries: &[Entry],
        source_ids: &HashMap<String, i64>,
        place: &Place,
    ) -> Result<(), StoreError> {
        let mut existing: HashMap<String, i64> = HashMap::new();
        let mut next_position: i64 = 0;
        {
            let (initiative_id, dialogue_id) = parent.columns();
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, text, position FROM entry WHERE initiative_id IS ?1 AND dialogue_id IS ?2",
            )?;
            let mut rows = stmt.query(params![initiative_id, dialogue_id])?;
            while let Some(r) = rows.next()? {
                existing.insert(normalize_key(&r.get::<_, String>(1)?), r.get(0)?);
                next_position = next_position.max(r.get::<_, i64>(2)? + 1);
            }
        }
        for entry in entries {
            let source_id = entry
                .source
                .as_ref()
                .and_then(|s| source_ids.get(&s.title).copied());
            let key = normalize_key(&entry.text);
            match existing.get(&key) {
                Some(&id) => {
                    if self.update_entry_from(id, entry, place)? {
                        self.line(
                            MergeAction::Update,
                            "entry",
                            place.describe(&entry.text),
                            None,
                        );
                    } else {
                        self.report.unchanged_entries += 1;
                    }
                    self.merge_notes(None, Some(id), &entry.notes, place)?;
                }
                None => {
                    let id = rows::insert_entry(
                        self.conn,
                        parent,
                        next_position,
                        entry,
                        source_id,
                        place,
                        self.trace,
                    )?;
                    next_position += 1;
                    existing.insert(key, id);
                    self.report.added_entries += 1;
                    self.report.added_notes += entry.notes.len();
                    self.line(MergeAction::Add, "entry", place.describe(&entry.text), None);
                }
            }
            self.done += 1;
            if self.done.is_multiple_of(1000) || self.done == self.total {
                (self.progress)(self.done, self.total);
            }
        }
        Ok(())
    }

    /// Applies what a later document says about an entry already stored; true when
    /// something changed.
    fn update_entry_from(
        &mut self,
        id: i64,
        incoming: &Entry,
        place: &Place,
    ) -> Result<bool, StoreError> {
        let stored = super::edit::read_entry_fields(self.conn, id)?;
        let mut changed = false;
        let label = &stored.text;
        if stored.status != incoming.status {
            self.conn.execute(
                "UPDATE entry SET status = ?2, status_phrase = ?3 WHERE id = ?1",
                params![id, incoming.status.as_str(), incoming.status_phrase],
            )?;
            self.trace.changed(
                &Subject {
                    entity: "entry",
                    id,
                    label,
                    place,
                },
                FieldChange {
                    field: "status",
                    old: Some(stored.status.as_str()),
                    new: Some(incoming.status.as_str()),
                },
            )?;
            changed = true;
        }
        if incoming.date.is_some() && stored.date != incoming.date {
            super::edit::write_entry_date(self.conn, id, &incoming.date)?;
            self.trace.changed(
                &Subject {
                    entity: "entry",
                    id,
                    label,
                    place,
                },
                FieldChange {
                    field: "date",
                    old: rows::date_json(&stored.date).as_deref(),
                    new: rows::date_json(&incoming.date).as_deref(),
                },
            )?;
            changed = true;
        }
        if !incoming.agencies.is_empty() && stored.agencies != incoming.agencies {
            rows::set_entry_agencies(self.conn, id, &incoming.agencies)?;
            self.trace.changed(
                &Subject {
                    entity: "entry",
                    id,
                    label,
                    place,
                },
                FieldChange {
                    field: "agencies",
                    old: Some(&stored.agencies.join(", ")),
                    new: Some(&incoming.agencies.join(", ")),
                },
            )?;
            changed = true;
        }
        if incoming.text_es.is_some() && stored.text_es != incoming.text_es {
            self.conn.execute(
                "UPDATE entry SET text_es = ?2 WHERE id = ?1",
                params![id, incoming.text_es],
            )?;
            self.trace.changed(
                &Subject {
                    entity: "entry",
                    id,
                    label,
                    place,
                },
                FieldChange {
                    field: "text_es",
                    old: stored.text_es.as_deref(),
                    new: incoming.text_es.as_deref(),
                },
            )?;
            changed = true;
        }
        Ok(changed)
    }

    pub(super) fn merge_notes(
        &mut self,
        initiative_id: Option<i64>,
        entry_id: Option<i64>,
        notes: &[Note],
        place: &Place,
    ) -> Result<(), StoreError> {
        if notes.is_empty() {
            return Ok(());
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT text FROM note WHERE initiative_id IS ?1 AND entry_id IS ?2")?;
        let known: Vec<String> = stmt
            .query_map(params![initiative_id, entry_id], |r| r.get::<_, String>(0))?
            .map(|t| t.map(|t| normalize_key(&t)))
            .collect::<Result<_, _>>()?;
        for note in notes {
            if !known.contains(&normalize_key(&note.text)) {
                rows::insert_note(self.conn, initiative_id, entry_id, note, place, self.trace)?;
                self.report.added_notes += 1;
                self.line(MergeAction::Add, "note", place.describe(&note.text), None);
            }
        }
        Ok(())
    }
}
