//! A person's briefing notes on initiatives and entries: added and deleted, each one
//! history batch that undo can revert.

use super::{require_text, NoteTarget};
use crate::model::{Id, Note, NoteKind, Origin};
use crate::store::history::{Subject, Trace};
use crate::store::index::IndexWatermark;
use crate::store::rows::{self, Place};
use crate::store::undo::snapshot::Snapshot;
use crate::store::{Store, StoreError};
use rusqlite::OptionalExtension;

impl Store {
    /// Adds a briefing note to an initiative or an entry; returns its id.
    pub fn add_note(
        &mut self,
        target: NoteTarget,
        kind: NoteKind,
        text: &str,
    ) -> Result<Id, StoreError> {
        self.add_full_note(target, &Note::new(kind, text))
    }

    /// Adds a note with whatever it carries (a translation, an answer to an "if raised"
    /// question); returns its id. Refuses blank text, and a blank answer when one is given.
    pub fn add_full_note(&mut self, target: NoteTarget, note: &Note) -> Result<Id, StoreError> {
        require_text("note text", &note.text)?;
        if let Some(answer) = &note.answer {
            require_text("note answer", answer)?;
        }
        let tx = crate::store::tx::begin_write(&self.conn)?;
        let watermark = IndexWatermark::read(&tx)?;
        let id = {
            let trace = Trace::begin(&tx, &Origin::User)?;
            let mut note = note.clone();
            note.id = None;
            note.text = note.text.trim().to_string();
            note.answer = note.answer.map(|a| a.trim().to_string());
            match target {
                NoteTarget::Initiative(i) => {
                    let place = rows::place_of_initiative(&tx, i)?;
                    rows::insert_note(&tx, Some(i), None, &note, &place, &trace)?
                }
                NoteTarget::Entry(e) => {
                    let (_, place) = rows::place_of_entry(&tx, e)?;
                    rows::insert_note(&tx, None, Some(e), &note, &place, &trace)?
                }
            }
        };
        watermark.index_new_rows(&tx)?;
        tx.commit()?;
        Ok(id)
    }

    /// Deletes a note.
    pub fn delete_note(&mut self, id: Id) -> Result<(), StoreError> {
        let tx = crate::store::tx::begin_write(&self.conn)?;
        {
            let trace = Trace::begin(&tx, &Origin::User)?;
            let text: String = tx
                .query_row("SELECT text FROM note WHERE id = ?1", [id], |r| r.get(0))
                .optional()?
                .ok_or_else(|| StoreError::NotFound(format!("no note with id {id}")))?;
            let mut snapshot = Snapshot::default();
            snapshot.capture(&tx, "note", "id = ?1", id)?;
            tx.execute("DELETE FROM note WHERE id = ?1", [id])?;
            let json = serde_json::to_string(&snapshot).expect("snapshots serialize");
            trace.deleted(
                &Subject {
                    entity: "note",
                    id,
                    label: &text,
                    place: &Place::default(),
                },
                &json,
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
