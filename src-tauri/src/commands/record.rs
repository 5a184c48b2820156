//! Reading and editing the record: entries, initiatives, notes, undo and history.

use crate::state::{blocking, CmdResult};
use briefbook::app::dates::{self, EntryDate, Lang};
use briefbook::app::record::{self, EntryChange, InitiativeChange};
use briefbook::app::record::{
    DateReading, EntryQuery, EntryRow, EntryView, HistoryEvent, Id, NewEntry, NoteKind, NoteTarget,
    Outline, Record,
};
use tauri::{AppHandle, Runtime};

/// The whole record with store ids, without the sources' full texts.
#[tauri::command]
pub async fn load_record<R: Runtime>(app: AppHandle<R>) -> CmdResult<Record> {
    blocking(&app, |s| s.with_store(|store| record::load(store))).await
}

/// Dialogues, pillars and initiatives without entries: the Record view's first paint.
#[tauri::command]
pub async fn record_outline<R: Runtime>(app: AppHandle<R>) -> CmdResult<Outline> {
    blocking(&app, |s| s.with_store(|store| record::outline(store))).await
}

/// The entries of one initiative, loaded as it comes into view.
#[tauri::command]
pub async fn initiative_entries<R: Runtime>(
    app: AppHandle<R>,
    initiative_id: Id,
) -> CmdResult<Vec<EntryView>> {
    blocking(&app, move |s| {
        s.with_store(|store| record::initiative_entries(store, initiative_id))
    })
    .await
}

/// The statements of a dialogue that belong to no pillar (the General section).
#[tauri::command]
pub async fn dialogue_entries<R: Runtime>(
    app: AppHandle<R>,
    dialogue_id: Id,
) -> CmdResult<Vec<EntryView>> {
    blocking(&app, move |s| {
        s.with_store(|store| record::dialogue_entries(store, dialogue_id))
    })
    .await
}

/// Adds a statement of dialogue `dialogue_id` as a whole; returns it.
#[tauri::command]
pub async fn create_dialogue_entry<R: Runtime>(
    app: AppHandle<R>,
    dialogue_id: Id,
    entry: NewEntry,
) -> CmdResult<EntryView> {
    blocking(&app, move |s| {
        s.with_store(|store| record::create_dialogue_entry(store, dialogue_id, &entry))
    })
    .await
}

/// One entry as the Record view shows it.
#[tauri::command]
pub async fn entry<R: Runtime>(app: AppHandle<R>, id: Id) -> CmdResult<EntryView> {
    blocking(&app, move |s| {
        s.with_store(|store| record::entry(store, id))
    })
    .await
}

/// Entries matching `filter`, each with its pillar and initiative (the timeline).
#[tauri::command]
pub async fn list_entries<R: Runtime>(
    app: AppHandle<R>,
    filter: EntryQuery,
) -> CmdResult<Vec<EntryRow>> {
    blocking(&app, move |s| {
        s.with_store(|store| record::list_entries(store, &filter))
    })
    .await
}

/// Applies `changes` to entry `id` as one undoable change; returns the entry as it is now.
#[tauri::command]
pub async fn update_entry<R: Runtime>(
    app: AppHandle<R>,
    id: Id,
    changes: Vec<EntryChange>,
) -> CmdResult<EntryView> {
    blocking(&app, move |s| {
        s.with_store(|store| record::update_entry(store, id, changes))
    })
    .await
}

/// Adds an entry at the end of initiative `initiative_id`; returns it.
#[tauri::command]
pub async fn create_entry<R: Runtime>(
    app: AppHandle<R>,
    initiative_id: Id,
    entry: NewEntry,
) -> CmdResult<EntryView> {
    blocking(&app, move |s| {
        s.with_store(|store| record::create_entry(store, initiative_id, &entry))
    })
    .await
}

#[tauri::command]
pub async fn delete_entry<R: Runtime>(app: AppHandle<R>, id: Id) -> CmdResult<()> {
    blocking(&app, move |s| {
        s.with_store(|store| record::delete_entry(store, id))
    })
    .await
}

/// Applies `changes` to initiative `id` as one undoable change.
#[tauri::command]
pub async fn update_initiative<R: Runtime>(
    app: AppHandle<R>,
    id: Id,
    changes: Vec<InitiativeChange>,
) -> CmdResult<()> {
    blocking(&app, move |s| {
        s.with_store(|store| record::update_initiative(store, id, changes))
    })
    .await
}

/// Adds a briefing note to an initiative or an entry; returns its id.
#[tauri::command]
pub async fn add_note<R: Runtime>(
    app: AppHandle<R>,
    target: NoteTarget,
    kind: NoteKind,
    text: String,
) -> CmdResult<Id> {
    blocking(&app, move |s| {
        s.with_store(|store| record::add_note(store, target, kind, &text))
    })
    .await
}

#[tauri::command]
pub async fn delete_note<R: Runtime>(app: AppHandle<R>, id: Id) -> CmdResult<()> {
    blocking(&app, move |s| {
        s.with_store(|store| record::delete_note(store, id))
    })
    .await
}

/// Reverts the last change made in the app or on the command line; says what it was,
/// or `None` when there is nothing to undo.
#[tauri::command]
pub async fn undo_last<R: Runtime>(app: AppHandle<R>) -> CmdResult<Option<String>> {
    blocking(&app, |s| s.with_store(record::undo)).await
}

/// How typed date text reads ("June 2021" -> `2021-06`), or why it is not a date; the
/// reading in the interface's language `lang`.
#[tauri::command]
pub async fn read_date(text: String, lang: Lang) -> CmdResult<DateReading> {
    record::read_date(&text, lang)
}

/// The words to show for each date in the interface's language, in order (one call per
/// view: the Record view shows hundreds).
#[tauri::command]
pub async fn date_words(dates: Vec<EntryDate>, lang: Lang) -> CmdResult<Vec<String>> {
    Ok(dates::date_words(&dates, lang))
}

/// Changes since `since` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or all of them.
#[tauri::command]
pub async fn history<R: Runtime>(
    app: AppHandle<R>,
    since: Option<String>,
) -> CmdResult<Vec<HistoryEvent>> {
    blocking(&app, move |s| {
        s.with_store(|store| record::history(store, since.as_deref()))
    })
    .await
}
