//! Reading meetings back whole: each meeting row with its objectives, agenda, participants,
//! press lines, notes and clearance, in their stored order.

use super::StoreError;
use crate::model::{AgendaItem, Clearance, Id, Meeting, Note, Objective, Participant, PressLine};
use rusqlite::{Connection, OptionalExtension, Row};

/// A JSON column; a value that does not read names the table, row and column.
fn json<T: serde::de::DeserializeOwned>(
    row: &Row,
    index: usize,
    table: &str,
) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text).map_err(|e| {
        let id: i64 = row.get(0).unwrap_or_default();
        let name = row.as_ref().column_name(index).unwrap_or("?").to_string();
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("{table} {id}, column {name}: {e}").into(),
        )
    })
}

fn opt_json<T: serde::de::DeserializeOwned>(
    row: &Row,
    index: usize,
    table: &str,
) -> rusqlite::Result<Option<T>> {
    match row.get::<_, Option<String>>(index)? {
        None => Ok(None),
        Some(_) => json(row, index, table).map(Some),
    }
}

/// The meetings of one dialogue (or of every dialogue), earliest first, each whole and
/// with its dialogue's id.
pub(crate) fn read_meetings(
    conn: &Connection,
    dialogue_id: Option<Id>,
) -> Result<Vec<(Id, Meeting)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, dialogue_id, title, title_es, date, place, kind, our_delegation,
                their_delegation, scope_note, scope_note_es
         FROM meeting WHERE ?1 IS NULL OR dialogue_id = ?1
         ORDER BY dialogue_id, date_lower, date_time, id",
    )?;
    let rows = stmt.query_map([dialogue_id], |r| {
        Ok((
            r.get::<_, Id>(1)?,
            Meeting {
                id: Some(r.get(0)?),
                title: r.get(2)?,
                title_es: r.get(3)?,
                date: json(r, 4, "meeting")?,
                place: r.get(5)?,
                kind: super::load::column(r, 6, "meeting")?,
                our_delegation: r.get(7)?,
                their_delegation: r.get(8)?,
                scope_note: r.get(9)?,
                scope_note_es: r.get(10)?,
                objectives: Vec::new(),
                agenda: Vec::new(),
                participants: Vec::new(),
                press_lines: Vec::new(),
                notes: Vec::new(),
                clearance: None,
            },
        ))
    })?;
    let mut meetings: Vec<(Id, Meeting)> = rows.collect::<Result<_, _>>()?;
    for (_, meeting) in &mut meetings {
        read_parts(conn, meeting)?;
    }
    Ok(meetings)
}

/// One meeting, whole.
pub(crate) fn read_meeting(conn: &Connection, id: Id) -> Result<(Id, Meeting), StoreError> {
    let found = conn
        .prepare_cached("SELECT dialogue_id FROM meeting WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, Id>(0))
        .optional()?;
    let Some(dialogue_id) = found else {
        return Err(StoreError::NotFound(format!("no meeting with id {id}")));
    };
    read_meetings(conn, Some(dialogue_id))?
        .into_iter()
        .find(|(_, m)| m.id == Some(id))
        .ok_or_else(|| StoreError::NotFound(format!("no meeting with id {id}")))
}

/// Fills in a meeting's parts (its id set), each list in its stored order.
fn read_parts(conn: &Connection, meeting: &mut Meeting) -> Result<(), StoreError> {
    let id = meeting.id.expect("read meetings carry their id");
    let mut stmt = conn.prepare_cached(
        "SELECT id, text, text_es, initiatives FROM meeting_objective
         WHERE meeting_id = ?1 ORDER BY position, id",
    )?;
    meeting.objectives = stmt
        .query_map([id], |r| {
            Ok(Objective {
                id: Some(r.get(0)?),
                text: r.get(1)?,
                text_es: r.get(2)?,
                initiatives: json(r, 3, "meeting_objective")?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, starts, ends, item, item_es, place, lead, pillars, initiatives
         FROM agenda_item WHERE meeting_id = ?1 ORDER BY position, id",
    )?;
    meeting.agenda = stmt
        .query_map([id], |r| {
            Ok(AgendaItem {
                id: Some(r.get(0)?),
                starts: opt_json(r, 1, "agenda_item")?,
                ends: opt_json(r, 2, "agenda_item")?,
                item: r.get(3)?,
                item_es: r.get(4)?,
                place: r.get(5)?,
                lead: r.get(6)?,
                pillars: json(r, 7, "agenda_item")?,
                initiatives: json(r, 8, "agenda_item")?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, title, organisation, side, role, bio, bio_es
         FROM participant WHERE meeting_id = ?1 ORDER BY position, id",
    )?;
    meeting.participants = stmt
        .query_map([id], |r| {
            Ok(Participant {
                id: Some(r.get(0)?),
                name: r.get(1)?,
                title: r.get(2)?,
                organisation: r.get(3)?,
                side: super::load::column(r, 4, "participant")?,
                role: r.get(5)?,
                bio: r.get(6)?,
                bio_es: r.get(7)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, text, text_es, answer, answer_es FROM press_line
         WHERE meeting_id = ?1 ORDER BY position, id",
    )?;
    meeting.press_lines = stmt
        .query_map([id], |r| {
            Ok(PressLine {
                id: Some(r.get(0)?),
                text: r.get(1)?,
                text_es: r.get(2)?,
                answer: r.get(3)?,
                answer_es: r.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, text, text_es, answer, answer_es FROM meeting_note
         WHERE meeting_id = ?1 ORDER BY position, id",
    )?;
    meeting.notes = stmt
        .query_map([id], |r| {
            Ok(Note {
                id: Some(r.get(0)?),
                kind: super::load::column(r, 1, "meeting_note")?,
                text: r.get(2)?,
                text_es: r.get(3)?,
                answer: r.get(4)?,
                answer_es: r.get(5)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    meeting.clearance = conn
        .prepare_cached(
            "SELECT meeting_id, drafted_by, office, drafted_on, cleared_by FROM clearance
             WHERE meeting_id = ?1",
        )?
        .query_row([id], |r| {
            Ok(Clearance {
                drafted_by: r.get(1)?,
                office: r.get(2)?,
                drafted_on: r.get(3)?,
                cleared_by: json(r, 4, "clearance")?,
            })
        })
        .optional()?;
    Ok(())
}
