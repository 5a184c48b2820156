//! Meeting rows: inserting a meeting with its parts, rewriting it, and keeping whole-meeting
//! snapshots for undo (reading is in `meeting_read.rs`). Shared by the edits
//! (`meeting_edit.rs`), the import merge and undo.

use super::history::{FieldChange, Subject, Trace};
use super::rows::Place;
use super::undo::snapshot::Snapshot;
use super::StoreError;
use crate::model::{EntryDate, Id, Meeting, Note, Objective, PressLine};
use rusqlite::{params, Connection};

pub(crate) use super::meeting_read::{read_meeting, read_meetings};

/// The tables that hang off a meeting, parents before children (the order to restore in).
pub(crate) const PART_TABLES: &[&str] = &[
    "meeting_objective",
    "agenda_item",
    "participant",
    "press_line",
    "meeting_note",
    "clearance",
];

/// Where a meeting's parts sit, for history lines: "Meeting: title › part".
pub(crate) fn meeting_place(title: &str) -> Place {
    Place {
        pillar: None,
        initiative: Some(format!("Meeting: {}", title.trim())),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("record values serialize")
}

/// `(date JSON, first day, instant)`: how a meeting's date is stored and ordered.
pub(crate) fn date_columns(date: &EntryDate) -> (String, String, Option<String>) {
    let lower = date
        .edtf
        .map(|e| e.sortable_bounds().0)
        .unwrap_or_else(|| "0000-01-01".into());
    let time = date.edtf.and_then(|e| e.sortable_time());
    (to_json(date), lower, time)
}

/// Inserts a meeting with every part at the end of its dialogue's list; traces the
/// meeting and each part as created.
pub(crate) fn insert_meeting(
    conn: &Connection,
    dialogue_id: Id,
    meeting: &Meeting,
    trace: &Trace,
) -> Result<Id, StoreError> {
    let (date, lower, time) = date_columns(&meeting.date);
    conn.prepare_cached(
        "INSERT INTO meeting (dialogue_id, title, title_es, date, date_lower, date_time, place,
                              kind, our_delegation, their_delegation, scope_note, scope_note_es)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        dialogue_id,
        meeting.title,
        meeting.title_es,
        date,
        lower,
        time,
        meeting.place,
        meeting.kind.as_str(),
        meeting.our_delegation,
        meeting.their_delegation,
        meeting.scope_note,
        meeting.scope_note_es,
    ])?;
    let id = conn.last_insert_rowid();
    let place = Place {
        pillar: None,
        initiative: Some("Meeting".into()),
    };
    trace.created(&Subject {
        entity: "meeting",
        id,
        label: &meeting.title,
        place: &place,
    })?;
    insert_parts(conn, id, meeting, Some(trace))?;
    Ok(id)
}

/// Inserts the parts of `meeting` under meeting `id` (which has none yet). With a trace,
/// each part gets its own "created" line.
pub(crate) fn insert_parts(
    conn: &Connection,
    id: Id,
    meeting: &Meeting,
    trace: Option<&Trace>,
) -> Result<(), StoreError> {
    let place = meeting_place(&meeting.title);
    let created = |entity: &'static str, part: Id, label: &str| -> Result<(), StoreError> {
        match trace {
            Some(trace) => trace.created(&Subject {
                entity,
                id: part,
                label,
                place: &place,
            }),
            None => Ok(()),
        }
    };
    for objective in &meeting.objectives {
        let part = insert_objective(conn, id, objective)?;
        created("meeting_objective", part, &objective.text)?;
    }
    for (position, item) in meeting.agenda.iter().enumerate() {
        conn.prepare_cached(
            "INSERT INTO agenda_item (meeting_id, position, starts, ends, item, item_es, place,
                                      lead, pillars, initiatives)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            id,
            position as i64,
            item.starts.as_ref().map(to_json),
            item.ends.as_ref().map(to_json),
            item.item,
            item.item_es,
            item.place,
            item.lead,
            to_json(&item.pillars),
            to_json(&item.initiatives),
        ])?;
        created("agenda_item", conn.last_insert_rowid(), &item.item)?;
    }
    for (position, person) in meeting.participants.iter().enumerate() {
        conn.prepare_cached(
            "INSERT INTO participant (meeting_id, position, name, title, organisation, side,
                                      role, bio, bio_es)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            id,
            position as i64,
            person.name,
            person.title,
            person.organisation,
            person.side.as_str(),
            person.role,
            person.bio,
            person.bio_es,
        ])?;
        created("participant", conn.last_insert_rowid(), &person.name)?;
    }
    for line in &meeting.press_lines {
        let part = insert_press_line(conn, id, line)?;
        created("press_line", part, &line.text)?;
    }
    for note in &meeting.notes {
        let part = insert_meeting_note(conn, id, note)?;
        created("meeting_note", part, &note.text)?;
    }
    if let Some(c) = &meeting.clearance {
        conn.prepare_cached(
            "INSERT INTO clearance (meeting_id, drafted_by, office, drafted_on, cleared_by)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            id,
            c.drafted_by,
            c.office,
            c.drafted_on,
            to_json(&c.cleared_by)
        ])?;
    }
    Ok(())
}

fn next_position(conn: &Connection, table: &str, meeting_id: Id) -> Result<i64, StoreError> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT coalesce(max(position), -1) + 1 FROM {table} WHERE meeting_id = ?1"
        ))?
        .query_row([meeting_id], |r| r.get(0))?)
}

/// Adds an objective at the end of the meeting's list; returns its id.
pub(crate) fn insert_objective(
    conn: &Connection,
    meeting_id: Id,
    objective: &Objective,
) -> Result<Id, StoreError> {
    let position = next_position(conn, "meeting_objective", meeting_id)?;
    conn.prepare_cached(
        "INSERT INTO meeting_objective (meeting_id, position, text, text_es, initiatives)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        meeting_id,
        position,
        objective.text,
        objective.text_es,
        to_json(&objective.initiatives)
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Adds a press line at the end of the meeting's list; returns its id.
pub(crate) fn insert_press_line(
    conn: &Connection,
    meeting_id: Id,
    line: &PressLine,
) -> Result<Id, StoreError> {
    let position = next_position(conn, "press_line", meeting_id)?;
    conn.prepare_cached(
        "INSERT INTO press_line (meeting_id, position, text, text_es, answer, answer_es)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        meeting_id,
        position,
        line.text,
        line.text_es,
        line.answer,
        line.answer_es
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Adds a note on the meeting as a whole; returns its id.
pub(crate) fn insert_meeting_note(
    conn: &Connection,
    meeting_id: Id,
    note: &Note,
) -> Result<Id, StoreError> {
    let position = next_position(conn, "meeting_note", meeting_id)?;
    conn.prepare_cached(
        "INSERT INTO meeting_note (meeting_id, position, kind, text, text_es, answer, answer_es)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        meeting_id,
        position,
        note.kind.as_str(),
        note.text,
        note.text_es,
        note.answer,
        note.answer_es
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The rows of a meeting's parts (and, with `with_meeting`, the meeting row first), as
/// undo keeps them.
pub(crate) fn capture(
    conn: &Connection,
    id: Id,
    with_meeting: bool,
) -> Result<Snapshot, StoreError> {
    let mut snapshot = Snapshot::default();
    if with_meeting {
        snapshot.capture(conn, "meeting", "id = ?1", id)?;
    }
    for table in PART_TABLES {
        snapshot.capture(conn, table, "meeting_id = ?1", id)?;
    }
    Ok(snapshot)
}

/// Removes every part of meeting `id` (the meeting row stays).
pub(crate) fn delete_parts(conn: &Connection, id: Id) -> Result<(), StoreError> {
    for table in PART_TABLES {
        conn.execute(&format!("DELETE FROM {table} WHERE meeting_id = ?1"), [id])?;
    }
    Ok(())
}

/// A meeting without store ids: what two meetings are compared by, and what the
/// interchange and a meeting document hold.
pub fn without_ids(meeting: &Meeting) -> Meeting {
    let mut m = meeting.clone();
    m.id = None;
    m.objectives.iter_mut().for_each(|o| o.id = None);
    m.agenda.iter_mut().for_each(|a| a.id = None);
    m.participants.iter_mut().for_each(|p| p.id = None);
    m.press_lines.iter_mut().for_each(|p| p.id = None);
    m.notes.iter_mut().for_each(|n| n.id = None);
    m
}

/// Rewrites meeting `id` to be `wanted` (fields and parts), one history line per changed
/// field and one for the parts (whose old value is their snapshot, so undo can put them
/// back). Returns whether anything changed.
pub(crate) fn rewrite_meeting(
    conn: &Connection,
    id: Id,
    wanted: &Meeting,
    trace: &Trace,
) -> Result<bool, StoreError> {
    let (_, stored) = read_meeting(conn, id)?;
    let place = Place {
        pillar: None,
        initiative: Some("Meeting".into()),
    };
    let subject = Subject {
        entity: "meeting",
        id,
        label: &wanted.title,
        place: &place,
    };
    let mut changed = false;
    let texts: [(&str, Option<&str>, Option<&str>); 8] = [
        ("title", Some(&stored.title), Some(&wanted.title)),
        (
            "title_es",
            stored.title_es.as_deref(),
            wanted.title_es.as_deref(),
        ),
        ("place", stored.place.as_deref(), wanted.place.as_deref()),
        (
            "kind",
            Some(stored.kind.as_str()),
            Some(wanted.kind.as_str()),
        ),
        (
            "our_delegation",
            stored.our_delegation.as_deref(),
            wanted.our_delegation.as_deref(),
        ),
        (
            "their_delegation",
            stored.their_delegation.as_deref(),
            wanted.their_delegation.as_deref(),
        ),
        (
            "scope_note",
            stored.scope_note.as_deref(),
            wanted.scope_note.as_deref(),
        ),
        (
            "scope_note_es",
            stored.scope_note_es.as_deref(),
            wanted.scope_note_es.as_deref(),
        ),
    ];
    for (field, old, new) in texts {
        if old != new {
            conn.execute(
                &format!("UPDATE meeting SET {field} = ?2 WHERE id = ?1"),
                params![id, new],
            )?;
            trace.changed(&subject, FieldChange { field, old, new })?;
            changed = true;
        }
    }
    if stored.date != wanted.date {
        write_date(conn, id, &wanted.date)?;
        trace.changed(
            &subject,
            FieldChange {
                field: "date",
                old: Some(&to_json(&stored.date)),
                new: Some(&to_json(&wanted.date)),
            },
        )?;
        changed = true;
    }
    let parts = |m: &Meeting| {
        let mut m = without_ids(m);
        m.title = String::new();
        m
    };
    let (old_parts, new_parts) = (parts(&stored), parts(wanted));
    let same_parts = old_parts.objectives == new_parts.objectives
        && old_parts.agenda == new_parts.agenda
        && old_parts.participants == new_parts.participants
        && old_parts.press_lines == new_parts.press_lines
        && old_parts.notes == new_parts.notes
        && old_parts.clearance == new_parts.clearance;
    if !same_parts {
        let snapshot = capture(conn, id, false)?;
        delete_parts(conn, id)?;
        insert_parts(conn, id, wanted, None)?;
        trace.changed(
            &subject,
            FieldChange {
                field: "parts",
                old: Some(&serde_json::to_string(&snapshot).expect("snapshots serialize")),
                new: Some(&parts_summary(wanted)),
            },
        )?;
        changed = true;
    }
    Ok(changed)
}

/// Writes a meeting's date and its ordering columns.
pub(crate) fn write_date(conn: &Connection, id: Id, date: &EntryDate) -> Result<(), StoreError> {
    let (date, lower, time) = date_columns(date);
    conn.execute(
        "UPDATE meeting SET date = ?2, date_lower = ?3, date_time = ?4 WHERE id = ?1",
        params![id, date, lower, time],
    )?;
    Ok(())
}

/// "2 objectives, 5 agenda items, 6 participants, 3 press lines, 1 note", for history.
pub(crate) fn parts_summary(m: &Meeting) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = vec![
        count(m.objectives.len(), "objective", "objectives"),
        count(m.agenda.len(), "agenda item", "agenda items"),
        count(m.participants.len(), "participant", "participants"),
        count(m.press_lines.len(), "press line", "press lines"),
        count(m.notes.len(), "note", "notes"),
    ];
    if m.clearance.is_some() {
        parts.push("clearance".into());
    }
    parts.join(", ")
}
