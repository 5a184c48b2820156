//! Importing a document: a preview of what would be added or changed (a dry run) that
//! returns a token, then the import of exactly what was previewed, with progress sent
//! through the caller's channel.

use crate::state::{blocking, CmdResult};
use briefbook::app::import::translation::{
    self, PairChoice, TranslationPreview, TranslationReport,
};
use briefbook::app::import::MergeReport;
use briefbook::app::import::{self, ImportInput, ImportPreview};
use briefbook::app::Progress;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime};

/// What importing `input` would add or change; changes nothing.
#[tauri::command]
pub async fn preview_import<R: Runtime>(
    app: AppHandle<R>,
    input: ImportInput,
    progress: Channel<Progress>,
) -> CmdResult<ImportPreview> {
    blocking(&app, move |s| {
        if let ImportInput::File { path } = &input {
            s.check_picked(std::path::Path::new(path))?;
        }
        s.with_previews(|store, previews| {
            // A window that has gone away is not an error.
            import::preview(store, previews, &input, &mut |p| {
                let _ = progress.send(p);
            })
        })
    })
    .await
}

/// Imports what the preview `token` showed: all of it or, on any error, nothing.
#[tauri::command]
pub async fn apply_import<R: Runtime>(
    app: AppHandle<R>,
    token: String,
    progress: Channel<Progress>,
) -> CmdResult<MergeReport> {
    blocking(&app, move |s| {
        s.with_previews(|store, previews| {
            import::apply(store, previews, &token, &mut |p| {
                let _ = progress.send(p);
            })
        })
    })
    .await
}

/// Reads `input` as the other-language version of a document already in the record and
/// pairs its texts with the record's (in `dialogue`, or the only one); changes nothing.
#[tauri::command]
pub async fn preview_translation<R: Runtime>(
    app: AppHandle<R>,
    input: ImportInput,
    dialogue: Option<String>,
) -> CmdResult<TranslationPreview> {
    blocking(&app, move |s| {
        if let ImportInput::File { path } = &input {
            s.check_picked(std::path::Path::new(path))?;
        }
        s.with_previews(|store, previews| {
            translation::preview(store, previews, &input, dialogue.as_deref())
        })
    })
    .await
}

/// Fills the translations the preview `token` proposed, less the pairs the person
/// rejected and plus the weak ones they accepted: all of it or, on any error, nothing.
#[tauri::command]
pub async fn apply_translation<R: Runtime>(
    app: AppHandle<R>,
    token: String,
    choice: PairChoice,
) -> CmdResult<TranslationReport> {
    blocking(&app, move |s| {
        s.with_previews(|store, previews| translation::apply(store, previews, &token, &choice))
    })
    .await
}
