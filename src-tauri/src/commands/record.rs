//! Reading and editing the record: entries, initiatives, notes, undo and history.

use crate::error::CmdResult;
use crate::state::AppState;
use briefbook::model::{
    read_date_input, DateReading, EntryDate, EntryKind, HistoryEvent, Id, NoteKind, Record, Status,
};
use briefbook::store::{EntryPatch, EntryQuery, EntryRow, InitiativePatch, NewEntry, NoteTarget};
use serde::Deserialize;
use tauri::State;
use ts_rs::TS;

/// One field of an entry set to a new value; a list of these is saved as one change.
/// (A list of tagged values rather than a patch object, because a patch cannot tell
/// "remove the Spanish text" from "leave it" once it is JSON.)
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum EntryChange {
    Text(String),
    TextEs(Option<String>),
    Kind(EntryKind),
    Status(Status),
    Date(Option<EntryDate>),
    Agencies(Vec<String>),
}

/// One field of an initiative set to a new value.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum InitiativeChange {
    Title(String),
    TitleEs(Option<String>),
    Summary(Option<String>),
    SummaryEs(Option<String>),
}

fn entry_patch(changes: Vec<EntryChange>) -> EntryPatch {
    let mut patch = EntryPatch::default();
    for change in changes {
        match change {
            EntryChange::Text(v) => patch.text = Some(v),
            EntryChange::TextEs(v) => patch.text_es = Some(v.filter(|t| !t.trim().is_empty())),
            EntryChange::Kind(v) => patch.kind = Some(v),
            EntryChange::Status(v) => patch.status = Some(v),
            EntryChange::Date(v) => patch.date = Some(v),
            EntryChange::Agencies(v) => patch.agencies = Some(v),
        }
    }
    patch
}

fn initiative_patch(changes: Vec<InitiativeChange>) -> InitiativePatch {
    let blank_is_none = |v: Option<String>| v.filter(|t| !t.trim().is_empty());
    let mut patch = InitiativePatch::default();
    for change in changes {
        match change {
            InitiativeChange::Title(v) => patch.title = Some(v),
            InitiativeChange::TitleEs(v) => patch.title_es = Some(blank_is_none(v)),
            InitiativeChange::Summary(v) => patch.summary = Some(blank_is_none(v)),
            InitiativeChange::SummaryEs(v) => patch.summary_es = Some(blank_is_none(v)),
        }
    }
    patch
}

/// The whole record with store ids filled in.
#[tauri::command]
pub async fn load_record(state: State<'_, AppState>) -> CmdResult<Record> {
    state.with_store(|store| Ok(store.load_record()?))
}

/// Entries matching `filter`, each with its pillar and initiative (the timeline).
#[tauri::command]
pub async fn list_entries(
    state: State<'_, AppState>,
    filter: EntryQuery,
) -> CmdResult<Vec<EntryRow>> {
    state.with_store(|store| Ok(store.list_entries(&filter)?))
}

/// Applies `changes` to entry `id` as one undoable change.
#[tauri::command]
pub async fn update_entry(
    state: State<'_, AppState>,
    id: Id,
    changes: Vec<EntryChange>,
) -> CmdResult<()> {
    let patch = entry_patch(changes);
    state.with_store(|store| Ok(store.update_entry(id, &patch)?))
}

/// Adds an entry at the end of initiative `initiative_id`; returns its id.
#[tauri::command]
pub async fn create_entry(
    state: State<'_, AppState>,
    initiative_id: Id,
    entry: NewEntry,
) -> CmdResult<Id> {
    state.with_store(|store| Ok(store.create_entry(initiative_id, &entry)?))
}

#[tauri::command]
pub async fn delete_entry(state: State<'_, AppState>, id: Id) -> CmdResult<()> {
    state.with_store(|store| Ok(store.delete_entry(id)?))
}

/// Applies `changes` to initiative `id` as one undoable change.
#[tauri::command]
pub async fn update_initiative(
    state: State<'_, AppState>,
    id: Id,
    changes: Vec<InitiativeChange>,
) -> CmdResult<()> {
    let patch = initiative_patch(changes);
    state.with_store(|store| Ok(store.update_initiative(id, &patch)?))
}

/// Adds a briefing note to an initiative or an entry; returns its id.
#[tauri::command]
pub async fn add_note(
    state: State<'_, AppState>,
    target: NoteTarget,
    kind: NoteKind,
    text: String,
) -> CmdResult<Id> {
    state.with_store(|store| Ok(store.add_note(target, kind, &text)?))
}

#[tauri::command]
pub async fn delete_note(state: State<'_, AppState>, id: Id) -> CmdResult<()> {
    state.with_store(|store| Ok(store.delete_note(id)?))
}

/// Reverts the last change made in the app or CLI; says what it was, or `None` when
/// there is nothing to undo.
#[tauri::command]
pub async fn undo_last(state: State<'_, AppState>) -> CmdResult<Option<String>> {
    state.with_store(|store| Ok(store.undo_last()?))
}

/// How typed date text reads ("June 2021" -> `2021-06`), or why it is not a date.
#[tauri::command]
pub async fn read_date(text: String) -> CmdResult<DateReading> {
    Ok(read_date_input(&text)?)
}

/// Changes since `since` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or all of them.
#[tauri::command]
pub async fn history(
    state: State<'_, AppState>,
    since: Option<String>,
) -> CmdResult<Vec<HistoryEvent>> {
    state.with_store(|store| Ok(store.history(since.as_deref())?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clearing_spanish_text_becomes_an_explicit_removal() {
        let patch = entry_patch(vec![
            EntryChange::TextEs(None),
            EntryChange::Status(Status::Done),
        ]);
        assert_eq!(patch.text_es, Some(None));
        assert_eq!(patch.status, Some(Status::Done));
        assert_eq!(patch.text, None);
    }

    #[test]
    fn blank_spanish_text_counts_as_removal() {
        let patch = entry_patch(vec![EntryChange::TextEs(Some("  ".into()))]);
        assert_eq!(patch.text_es, Some(None));
    }
}
