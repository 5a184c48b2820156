//! Meetings of a dialogue and the notes of a briefing book: list, read, add, change,
//! save whole (fields and every part), remove, export the agenda as iCalendar to a file
//! the person chose in the save dialog, and notes with an answer on the record.

use crate::state::{blocking, CmdResult};
use briefbook::app::meetings::{self, MeetingChange, MeetingRow, NewMeeting};
use briefbook::app::notes;
use briefbook::app::record::{Id, NoteKind, NoteTarget};
use briefbook::model::Meeting;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime};

/// The meetings of `dialogue` (its short name, name or id; `None`: the only dialogue),
/// earliest first.
#[tauri::command]
pub async fn list_meetings<R: Runtime>(
    app: AppHandle<R>,
    dialogue: Option<String>,
) -> CmdResult<Vec<MeetingRow>> {
    blocking(&app, move |s| {
        s.with_store(|store| meetings::list(store, dialogue.as_deref()))
    })
    .await
}

/// One meeting, whole, with the store ids of its parts.
#[tauri::command]
pub async fn meeting<R: Runtime>(app: AppHandle<R>, id: Id) -> CmdResult<Meeting> {
    blocking(&app, move |s| {
        s.with_store(|store| meetings::show(store, id))
    })
    .await
}

/// Adds a meeting to `dialogue` (the date as typed); returns it.
#[tauri::command]
pub async fn create_meeting<R: Runtime>(
    app: AppHandle<R>,
    dialogue: Option<String>,
    meeting: NewMeeting,
) -> CmdResult<Meeting> {
    blocking(&app, move |s| {
        s.with_store(|store| {
            let id = meetings::add(store, dialogue.as_deref(), &meeting)?;
            meetings::show(store, id)
        })
    })
    .await
}

/// Applies `changes` to meeting `id`'s fields as one undoable change; returns it.
#[tauri::command]
pub async fn update_meeting<R: Runtime>(
    app: AppHandle<R>,
    id: Id,
    changes: Vec<MeetingChange>,
) -> CmdResult<Meeting> {
    blocking(&app, move |s| {
        s.with_store(|store| meetings::update(store, id, changes))
    })
    .await
}

/// Makes meeting `id` what `meeting` says, its fields and every part (objectives, agenda,
/// participants, press lines, notes, clearance), as one undoable change; returns it as
/// stored. A meeting the core refuses (a blank title, an agenda item ending before it
/// starts, a participant without a name) changes nothing.
#[tauri::command]
pub async fn save_meeting<R: Runtime>(
    app: AppHandle<R>,
    id: Id,
    meeting: Meeting,
) -> CmdResult<Meeting> {
    blocking(&app, move |s| {
        s.with_store(|store| {
            meetings::import_meeting(store, meeting, None, Some(id))?;
            meetings::show(store, id)
        })
    })
    .await
}

/// Removes meeting `id` with all its parts (undo puts it back).
#[tauri::command]
pub async fn delete_meeting<R: Runtime>(app: AppHandle<R>, id: Id) -> CmdResult<()> {
    blocking(&app, move |s| {
        s.with_store(|store| meetings::remove(store, id))
    })
    .await
}

/// Writes meeting `id`'s agenda as an iCalendar file to `path`, which the person chose in
/// the save dialog (that dialog already asked about replacing a file); returns the path.
#[tauri::command]
pub async fn export_meeting_ics<R: Runtime>(
    app: AppHandle<R>,
    id: Id,
    path: String,
) -> CmdResult<String> {
    blocking(&app, move |s| {
        let target = PathBuf::from(&path);
        s.check_picked(&target)?;
        let text = s.with_store(|store| meetings::export_ics(store, id, chrono::Utc::now()))?;
        meetings::write_export(&target, &text, true)?;
        Ok(path)
    })
    .await
}

/// Adds a note with an optional answer (an "if raised" or press question and the answer
/// to give) to an initiative or an entry; returns its id.
#[tauri::command]
pub async fn add_answered_note<R: Runtime>(
    app: AppHandle<R>,
    target: NoteTarget,
    kind: NoteKind,
    text: String,
    answer: Option<String>,
) -> CmdResult<Id> {
    blocking(&app, move |s| {
        s.with_store(|store| notes::add_with_answer(store, target, kind, &text, answer.as_deref()))
    })
    .await
}
