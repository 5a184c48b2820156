//! The translation editor: texts beside their Spanish versions, a pillar at a time, and
//! setting one translation (an undoable change like any other edit).

use crate::state::{blocking, CmdResult};
use briefbook::app::record::Id;
use briefbook::app::translations::{self, TextKind, TranslationGroup, TranslationRow};
use tauri::{AppHandle, Runtime};

/// Every pillar (and each dialogue's own texts) with how much of it is translated.
#[tauri::command]
pub async fn translation_groups<R: Runtime>(app: AppHandle<R>) -> CmdResult<Vec<TranslationGroup>> {
    blocking(&app, |s| s.with_store(|store| translations::groups(store))).await
}

/// The texts of one pillar (or, with `pillar_id` null, of the dialogue itself).
#[tauri::command]
pub async fn translation_texts<R: Runtime>(
    app: AppHandle<R>,
    dialogue_id: Id,
    pillar_id: Option<Id>,
) -> CmdResult<Vec<TranslationRow>> {
    blocking(&app, move |s| {
        s.with_store(|store| translations::texts(store, dialogue_id, pillar_id))
    })
    .await
}

/// Sets (or, when blank, removes) the Spanish version of one text.
#[tauri::command]
pub async fn set_translation<R: Runtime>(
    app: AppHandle<R>,
    kind: TextKind,
    id: Id,
    text_es: Option<String>,
) -> CmdResult<()> {
    blocking(&app, move |s| {
        s.with_store(|store| translations::set(store, kind, id, text_es))
    })
    .await
}
