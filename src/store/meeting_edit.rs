//! A person's meeting edits: add, rewrite and remove a meeting, and add or remove one of
//! its objectives, press lines or notes. Each is one history batch that undo reverts.

use super::history::{Subject, Trace};
use super::meeting_rows::{self, meeting_place};
use super::rows::Place;
use super::{Store, StoreError};
use crate::model::validate::validate_meeting;
use crate::model::{normalize_key, Id, Meeting, Note, Objective, Origin, PressLine};
use rusqlite::{Connection, OptionalExtension};

/// The parts of a meeting that can be added or removed one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingPart {
    Objective,
    PressLine,
    Note,
}

impl MeetingPart {
    fn table(self) -> &'static str {
        match self {
            MeetingPart::Objective => "meeting_objective",
            MeetingPart::PressLine => "press_line",
            MeetingPart::Note => "meeting_note",
        }
    }

    /// How people call it in messages.
    pub fn label(self) -> &'static str {
        match self {
            MeetingPart::Objective => "meeting objective",
            MeetingPart::PressLine => "press line",
            MeetingPart::Note => "meeting note",
        }
    }
}

fn checked(meeting: &Meeting) -> Result<(), StoreError> {
    validate_meeting(meeting)
        .map_err(|e| StoreError::Validation(format!("meeting '{}': {e}", meeting.title.trim())))
}

fn require_dialogue(conn: &Connection, id: Id) -> Result<(), StoreError> {
    let found: Option<i64> = conn
        .query_row("SELECT id FROM dialogue WHERE id = ?1", [id], |r| r.get(0))
        .optional()?;
    found
        .map(|_| ())
        .ok_or_else(|| StoreError::NotFound(format!("no dialogue with id {id}")))
}

/// The meeting of `dialogue_id` with the same title (folded) on the same date, if any.
pub(crate) fn same_meeting(
    conn: &Connection,
    dialogue_id: Id,
    meeting: &Meeting,
) -> Result<Option<Id>, StoreError> {
    let key = normalize_key(&meeting.title);
    Ok(meeting_rows::read_meetings(conn, Some(dialogue_id))?
        .into_iter()
        .find(|(_, m)| normalize_key(&m.title) == key && m.date.edtf == meeting.date.edtf)
        .and_then(|(_, m)| m.id))
}

impl Store {
    /// The meetings of one dialogue (`None`: of every dialogue), earliest first, each
    /// whole, with the id of its dialogue.
    pub fn meetings(&self, dialogue_id: Option<Id>) -> Result<Vec<(Id, Meeting)>, StoreError> {
        meeting_rows::read_meetings(&self.conn, dialogue_id)
    }

    /// One meeting, whole, with the id of its dialogue.
    pub fn meeting(&self, id: Id) -> Result<(Id, Meeting), StoreError> {
        meeting_rows::read_meeting(&self.conn, id)
    }

    /// Adds a meeting (with whatever parts it carries) to a dialogue; returns its id.
    /// Refuses a meeting that breaks the rules of [`validate_meeting`], an unknown
    /// dialogue, and a second meeting of the same title on the same date.
    pub fn add_meeting(&mut self, dialogue_id: Id, meeting: &Meeting) -> Result<Id, StoreError> {
        checked(meeting)?;
        let tx = super::tx::begin_write(&self.conn)?;
        require_dialogue(&tx, dialogue_id)?;
        if let Some(existing) = same_meeting(&tx, dialogue_id, meeting)? {
            return Err(StoreError::Conflict(format!(
                "the dialogue already has the meeting '{}' on {} (id {existing})",
                meeting.title.trim(),
                meeting.date.text
            )));
        }
        let id = {
            let trace = Trace::begin(&tx, &Origin::User)?;
            meeting_rows::insert_meeting(&tx, dialogue_id, meeting, &trace)?
        };
        tx.commit()?;
        Ok(id)
    }

    /// Makes meeting `id` what `meeting` says: its fields and all of its parts (the parts
    /// it had are replaced). Returns whether anything changed.
    pub fn replace_meeting(&mut self, id: Id, meeting: &Meeting) -> Result<bool, StoreError> {
        checked(meeting)?;
        let tx = super::tx::begin_write(&self.conn)?;
        let changed = {
            let trace = Trace::begin(&tx, &Origin::User)?;
            meeting_rows::rewrite_meeting(&tx, id, meeting, &trace)?
        };
        tx.commit()?;
        Ok(changed)
    }

    /// Removes a meeting with all its parts; undo puts it back whole.
    pub fn remove_meeting(&mut self, id: Id) -> Result<(), StoreError> {
        let tx = super::tx::begin_write(&self.conn)?;
        {
            let (_, meeting) = meeting_rows::read_meeting(&tx, id)?;
            let trace = Trace::begin(&tx, &Origin::User)?;
            let snapshot = meeting_rows::capture(&tx, id, true)?;
            tx.execute("DELETE FROM meeting WHERE id = ?1", [id])?;
            let place = Place {
                pillar: None,
                initiative: Some("Meeting".into()),
            };
            trace.deleted(
                &Subject {
                    entity: "meeting",
                    id,
                    label: &meeting.title,
                    place: &place,
                },
                &serde_json::to_string(&snapshot).expect("snapshots serialize"),
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Adds an objective at the end of a meeting's objectives; returns its id.
    pub fn add_meeting_objective(
        &mut self,
        meeting_id: Id,
        objective: &Objective,
    ) -> Result<Id, StoreError> {
        super::edit::require_text("objective text", &objective.text)?;
        self.add_part(meeting_id, "meeting_objective", &objective.text, |conn| {
            meeting_rows::insert_objective(conn, meeting_id, objective)
        })
    }

    /// Adds a press line (a line to take, or a question with its answer); returns its id.
    pub fn add_press_line(&mut self, meeting_id: Id, line: &PressLine) -> Result<Id, StoreError> {
        super::edit::require_text("press line", &line.text)?;
        self.add_part(meeting_id, "press_line", &line.text, |conn| {
            meeting_rows::insert_press_line(conn, meeting_id, line)
        })
    }

    /// Adds a note (points to make, if raised, background) on the meeting as a whole.
    pub fn add_meeting_note(&mut self, meeting_id: Id, note: &Note) -> Result<Id, StoreError> {
        super::edit::require_text("note text", &note.text)?;
        self.add_part(meeting_id, "meeting_note", &note.text, |conn| {
            meeting_rows::insert_meeting_note(conn, meeting_id, note)
        })
    }

    fn add_part(
        &mut self,
        meeting_id: Id,
        entity: &'static str,
        label: &str,
        insert: impl FnOnce(&Connection) -> Result<Id, StoreError>,
    ) -> Result<Id, StoreError> {
        let tx = super::tx::begin_write(&self.conn)?;
        let id = {
            let (_, meeting) = meeting_rows::read_meeting(&tx, meeting_id)?;
            let trace = Trace::begin(&tx, &Origin::User)?;
            let id = insert(&tx)?;
            trace.created(&Subject {
                entity,
                id,
                label,
                place: &meeting_place(&meeting.title),
            })?;
            id
        };
        tx.commit()?;
        Ok(id)
    }

    /// Removes one objective, press line or meeting note by its id; undo puts it back.
    pub fn remove_meeting_part(&mut self, part: MeetingPart, id: Id) -> Result<(), StoreError> {
        let table = part.table();
        let tx = super::tx::begin_write(&self.conn)?;
        {
            let found: Option<(String, String)> = tx
                .query_row(
                    &format!(
                        "SELECT p.text, m.title FROM {table} p JOIN meeting m ON m.id = p.meeting_id
                         WHERE p.id = ?1"
                    ),
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((text, title)) = found else {
                return Err(StoreError::NotFound(format!(
                    "no {} with id {id}",
                    part.label()
                )));
            };
            let trace = Trace::begin(&tx, &Origin::User)?;
            let mut snapshot = super::undo::snapshot::Snapshot::default();
            snapshot.capture(&tx, table, "id = ?1", id)?;
            tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
            trace.deleted(
                &Subject {
                    entity: table,
                    id,
                    label: &text,
                    place: &meeting_place(&title),
                },
                &serde_json::to_string(&snapshot).expect("snapshots serialize"),
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
