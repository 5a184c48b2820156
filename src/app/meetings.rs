//! Meetings of a dialogue, for both faces: list, show, add, change, remove, replace the
//! rich parts from a JSON document, export as JSON or iCalendar, and add the notes,
//! objectives and press lines that belong to a meeting.
//!
//! A meeting is named by its id or its title (case, accents and punctuation ignored): an
//! exact title wins, then a title that contains the words; several matches are refused
//! with each candidate's id and date.

use super::calendar;
use super::error::{Error, ErrorCode, Result};
use super::record::{clean, resolve_dialogue};
use crate::fsio::{write_file, WriteOptions};
use crate::model::{
    normalize_key, read_date_input, validate::ellipsis, EntryDate, Id, Meeting, MeetingKind, Note,
    NoteKind, Objective, PressLine,
};
use crate::store::{MeetingPart, Store};
use serde::{Deserialize, Serialize};
use std::path::Path;

pub use super::meeting_documents::{
    import_file, import_meeting, parse_document, MeetingImport, MAX_MEETING_BYTES,
};

/// One meeting in a list.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingRow {
    #[cfg_attr(feature = "ts", ts(as = "f64"))]
    pub id: Id,
    #[cfg_attr(feature = "ts", ts(as = "f64"))]
    pub dialogue_id: Id,
    /// The dialogue's short name.
    pub dialogue: String,
    pub title: String,
    /// The title in Spanish, when the meeting has one (the app shows it first in Spanish).
    pub title_es: Option<String>,
    pub date: EntryDate,
    pub place: Option<String>,
    pub kind: MeetingKind,
    pub objectives: u32,
    pub agenda_items: u32,
    pub participants: u32,
    pub press_lines: u32,
    pub notes: u32,
}

/// A meeting typed by a person: the date as typed ("12 September 2022 09:30 -05:00",
/// `2022-09-12`), read as entry dates are.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct NewMeeting {
    pub title: String,
    pub date: String,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub kind: Option<MeetingKind>,
    #[serde(default)]
    pub our_delegation: Option<String>,
    #[serde(default)]
    pub their_delegation: Option<String>,
}

/// Where a note given for a meeting went: objective, press line or meeting note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddedPart {
    pub part: MeetingPart,
    pub id: Id,
}

fn rows_of(store: &Store, meetings: Vec<(Id, Meeting)>) -> Result<Vec<MeetingRow>> {
    let outline = store.outline()?;
    let short = |id: Id| {
        outline
            .dialogues
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.short_name.clone())
            .unwrap_or_default()
    };
    Ok(meetings
        .into_iter()
        .map(|(dialogue_id, m)| MeetingRow {
            id: m.id.unwrap_or_default(),
            dialogue_id,
            dialogue: short(dialogue_id),
            title: m.title,
            title_es: m.title_es,
            date: m.date,
            place: m.place,
            kind: m.kind,
            objectives: m.objectives.len() as u32,
            agenda_items: m.agenda.len() as u32,
            participants: m.participants.len() as u32,
            press_lines: m.press_lines.len() as u32,
            notes: m.notes.len() as u32,
        })
        .collect())
}

/// The meetings of a dialogue (see [`resolve_dialogue`]), earliest first.
pub fn list(store: &Store, dialogue: Option<&str>) -> Result<Vec<MeetingRow>> {
    match super::record::dialogue_scope(store, dialogue)? {
        Some(dialogue_id) => rows_of(store, store.meetings(Some(dialogue_id))?),
        None => Ok(Vec::new()),
    }
}

/// The meeting `wanted` names (its id or title), among the meetings of `dialogue` when
/// one is named, else among all.
pub fn find(store: &Store, dialogue: Option<&str>, wanted: &str) -> Result<Id> {
    let scope = match dialogue {
        Some(_) => Some(resolve_dialogue(store, dialogue)?),
        None => None,
    };
    let meetings = store.meetings(scope)?;
    let wanted = wanted.trim();
    if let Ok(id) = wanted.parse::<Id>() {
        if meetings.iter().any(|(_, m)| m.id == Some(id)) {
            return Ok(id);
        }
    }
    let key = normalize_key(wanted);
    if key.is_empty() {
        return Err(Error::invalid("name the meeting by its id or its title"));
    }
    let exact: Vec<&Meeting> = meetings
        .iter()
        .map(|(_, m)| m)
        .filter(|m| normalize_key(&m.title) == key)
        .collect();
    let candidates = if exact.is_empty() {
        meetings
            .iter()
            .map(|(_, m)| m)
            .filter(|m| normalize_key(&m.title).contains(&key))
            .collect()
    } else {
        exact
    };
    match candidates.as_slice() {
        [one] => Ok(one.id.unwrap_or_default()),
        [] => Err(Error::not_found(format!(
            "no meeting is called '{wanted}'{}",
            if meetings.is_empty() {
                " (there are no meetings yet)".to_string()
            } else {
                format!(
                    "; there are: {}",
                    meetings
                        .iter()
                        .map(|(_, m)| describe(m))
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            }
        ))),
        several => Err(Error::invalid(format!(
            "'{wanted}' matches {} meetings; give the id of one: {}",
            several.len(),
            several
                .iter()
                .map(|m| describe(m))
                .collect::<Vec<_>>()
                .join("; ")
        ))),
    }
}

/// "id 4: HLED ministerial (12 September 2022)".
pub(super) fn describe(meeting: &Meeting) -> String {
    let date = match meeting.date.text.trim() {
        "" => meeting.date.edtf.map(|e| e.to_string()).unwrap_or_default(),
        text => text.to_string(),
    };
    format!(
        "id {}: {} ({date})",
        meeting.id.unwrap_or_default(),
        ellipsis(&meeting.title, 60)
    )
}

/// One meeting, whole.
pub fn show(store: &Store, id: Id) -> Result<Meeting> {
    Ok(store.meeting(id)?.1)
}

fn typed_date(text: &str) -> Result<EntryDate> {
    Ok(read_date_input(text)?.date)
}

fn cleaned_option(value: Option<String>) -> Option<String> {
    value.map(clean).filter(|t| !t.trim().is_empty())
}

/// Adds a meeting to a dialogue; returns its id.
pub fn add(store: &mut Store, dialogue: Option<&str>, new: &NewMeeting) -> Result<Id> {
    if new.title.trim().is_empty() {
        return Err(Error::invalid("a meeting needs a title"));
    }
    let dialogue_id = resolve_dialogue(store, dialogue)?;
    let meeting = Meeting {
        id: None,
        title: clean(new.title.trim().to_string()),
        title_es: None,
        date: typed_date(&new.date)?,
        place: cleaned_option(new.place.clone()),
        kind: new.kind.unwrap_or_default(),
        our_delegation: cleaned_option(new.our_delegation.clone()),
        their_delegation: cleaned_option(new.their_delegation.clone()),
        scope_note: None,
        scope_note_es: None,
        objectives: Vec::new(),
        agenda: Vec::new(),
        participants: Vec::new(),
        press_lines: Vec::new(),
        notes: Vec::new(),
        clearance: None,
    };
    Ok(store.add_meeting(dialogue_id, &meeting)?)
}

/// One field of a meeting set to a new value; a list of these is one undoable change.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum MeetingChange {
    Title(String),
    TitleEs(Option<String>),
    /// As typed, read as entry dates are.
    Date(String),
    Place(Option<String>),
    Kind(MeetingKind),
    OurDelegation(Option<String>),
    TheirDelegation(Option<String>),
    ScopeNote(Option<String>),
    ScopeNoteEs(Option<String>),
}

/// Applies `changes` to meeting `id` as one undoable change; returns the meeting.
pub fn update(store: &mut Store, id: Id, changes: Vec<MeetingChange>) -> Result<Meeting> {
    let (_, mut meeting) = store.meeting(id)?;
    for change in changes {
        match change {
            MeetingChange::Title(v) => meeting.title = clean(v.trim().to_string()),
            MeetingChange::TitleEs(v) => meeting.title_es = cleaned_option(v),
            MeetingChange::Date(v) => meeting.date = typed_date(&v)?,
            MeetingChange::Place(v) => meeting.place = cleaned_option(v),
            MeetingChange::Kind(v) => meeting.kind = v,
            MeetingChange::OurDelegation(v) => meeting.our_delegation = cleaned_option(v),
            MeetingChange::TheirDelegation(v) => meeting.their_delegation = cleaned_option(v),
            MeetingChange::ScopeNote(v) => meeting.scope_note = cleaned_option(v),
            MeetingChange::ScopeNoteEs(v) => meeting.scope_note_es = cleaned_option(v),
        }
    }
    store.replace_meeting(id, &meeting)?;
    show(store, id)
}

/// Removes a meeting with all its parts (undo puts it back).
pub fn remove(store: &mut Store, id: Id) -> Result<()> {
    Ok(store.remove_meeting(id)?)
}

/// The meeting as a JSON document (no store ids), which `meeting import` reads back.
pub fn export_json(store: &Store, id: Id) -> Result<String> {
    let meeting = crate::store::meeting_without_ids(&show(store, id)?);
    let mut text = serde_json::to_string_pretty(&meeting)
        .map_err(|e| Error::new(ErrorCode::Internal, e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// The meeting's agenda as an iCalendar file; `stamp` is the time of the export.
pub fn export_ics(store: &Store, id: Id, stamp: chrono::DateTime<chrono::Utc>) -> Result<String> {
    let meeting = show(store, id)?;
    let events = calendar::meeting_events(&meeting);
    if events.is_empty() {
        return Err(Error::invalid(format!(
            "meeting '{}' has no date a calendar can hold",
            meeting.title
        )));
    }
    Ok(calendar::write_calendar(&meeting.title, &events, stamp))
}

/// The dated entries among `rows` as an iCalendar file named after dialogue
/// `dialogue_id`: a day is an all-day event, a month or a year an event that long, a
/// date-time an event at its time. Undated entries and open-ended ranges are left out.
pub fn entries_ics(
    store: &Store,
    dialogue_id: Id,
    rows: &[crate::store::EntryRow],
    stamp: chrono::DateTime<chrono::Utc>,
) -> Result<String> {
    let outline = store.outline()?;
    let name = outline
        .dialogues
        .iter()
        .find(|d| d.id == dialogue_id)
        .map(|d| d.name.clone())
        .unwrap_or_default();
    let events: Vec<calendar::Event> = rows
        .iter()
        .filter_map(|r| {
            let place = match &r.initiative_title {
                Some(title) => format!("{} › {title}", r.pillar_title),
                None => "General".to_string(),
            };
            let mut detail = format!("{place}\nStatus: {}", r.status.as_str().replace('_', " "));
            if !r.agencies.is_empty() {
                detail.push_str(&format!("\nAgencies: {}", r.agencies.join(", ")));
            }
            if let Some(date) = &r.date {
                detail.push_str(&format!("\nDate: {}", date.text));
            }
            calendar::entry_event(&r.text, r.date.as_ref(), &detail)
        })
        .collect();
    Ok(calendar::write_calendar(&name, &events, stamp))
}

/// Writes `text` to `path` through the safe writer (refusing an existing file unless
/// `replace`).
pub fn write_export(path: &Path, text: &str, replace: bool) -> Result<()> {
    write_file(
        path,
        text.as_bytes(),
        WriteOptions::private().replacing(replace),
    )?;
    Ok(())
}

/// Adds what a person writes for a meeting: an objective (kind `objective`), a press
/// line (kind `press`; with an answer, a question and its answer), or a note on the
/// meeting as a whole (points to make, if raised, background).
pub fn add_note(
    store: &mut Store,
    meeting_id: Id,
    kind: NoteKind,
    text: &str,
    answer: Option<&str>,
) -> Result<AddedPart> {
    let text = clean(text.trim().to_string());
    if text.is_empty() {
        return Err(Error::invalid("a note needs some text"));
    }
    let answer = answer.map(|a| clean(a.trim().to_string()));
    if answer.as_deref().is_some_and(str::is_empty) {
        return Err(Error::invalid("an answer, when given, needs some text"));
    }
    let added = match kind {
        NoteKind::Objective => {
            if answer.is_some() {
                return Err(Error::invalid(
                    "an objective has no answer; an answer goes with a press or if-raised question",
                ));
            }
            let objective = Objective {
                id: None,
                text,
                text_es: None,
                initiatives: Vec::new(),
            };
            AddedPart {
                part: MeetingPart::Objective,
                id: store.add_meeting_objective(meeting_id, &objective)?,
            }
        }
        NoteKind::Press => {
            let line = PressLine {
                id: None,
                text,
                text_es: None,
                answer,
                answer_es: None,
            };
            AddedPart {
                part: MeetingPart::PressLine,
                id: store.add_press_line(meeting_id, &line)?,
            }
        }
        _ => {
            let mut note = Note::new(kind, text);
            note.answer = answer;
            AddedPart {
                part: MeetingPart::Note,
                id: store.add_meeting_note(meeting_id, &note)?,
            }
        }
    };
    Ok(added)
}

/// Removes an objective, press line or meeting note by its id.
pub fn remove_part(store: &mut Store, part: MeetingPart, id: Id) -> Result<()> {
    Ok(store.remove_meeting_part(part, id)?)
}

#[cfg(test)]
#[path = "meetings_tests.rs"]
mod tests;
