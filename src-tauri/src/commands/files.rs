//! Native file dialogs and opening exported files, driven from Rust so that the webview
//! needs no dialog, file-system or opener permission of its own.
//!
//! Tests of the real window cannot click in a GTK dialog; in debug builds only, when
//! `BRIEFBOOK_TEST_SAVE_PATH` or `BRIEFBOOK_TEST_OPEN_PATH` is set, the dialog is skipped
//! and that path is the answer. Release builds contain no such hook.

use crate::state::{AppState, CmdResult};
use briefbook::app::{Error, ErrorCode};
use serde::Deserialize;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

/// What kind of file a dialog is for; sets its filter.
#[derive(Debug, Clone, Copy, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// A briefing packet.
    Pdf,
    /// A Briefbook JSON export.
    Json,
    /// A fact sheet (text or Markdown) or a JSON export, for import.
    Importable,
    /// A database file (`.sqlite`).
    Database,
    /// An iCalendar file (a meeting's agenda).
    Calendar,
}

impl FileKind {
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            FileKind::Pdf => ("PDF document", &["pdf"]),
            FileKind::Json => ("Briefbook JSON", &["json"]),
            FileKind::Importable => (
                "Fact sheet, statement or Briefbook JSON",
                &[
                    "txt", "md", "markdown", "html", "htm", "docx", "pdf", "json",
                ],
            ),
            FileKind::Database => ("Briefbook database", &["sqlite", "db", "sqlite3"]),
            FileKind::Calendar => ("iCalendar", &["ics"]),
        }
    }
}

#[cfg(debug_assertions)]
fn test_answer(var: &str) -> Option<Option<String>> {
    std::env::var_os(var).map(|p| Some(p.to_string_lossy().into_owned()))
}

#[cfg(not(debug_assertions))]
fn test_answer(_var: &str) -> Option<Option<String>> {
    None
}

/// Asks where to save; `None` when the person cancels.
#[tauri::command]
pub async fn pick_save_path<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    suggested_name: String,
    kind: FileKind,
) -> CmdResult<Option<String>> {
    if let Some(answer) = test_answer("BRIEFBOOK_TEST_SAVE_PATH") {
        return Ok(remember(&state, answer));
    }
    let (name, extensions) = kind.filter();
    let picked = app
        .dialog()
        .file()
        .add_filter(name, extensions)
        .set_file_name(&suggested_name)
        .blocking_save_file();
    let picked = picked
        .and_then(|p| p.into_path().ok())
        .map(|p| p.to_string_lossy().into_owned());
    Ok(remember(&state, picked))
}

/// Asks which file to open; `None` when the person cancels.
#[tauri::command]
pub async fn pick_open_path<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: FileKind,
) -> CmdResult<Option<String>> {
    if let Some(answer) = test_answer("BRIEFBOOK_TEST_OPEN_PATH") {
        return Ok(remember(&state, answer));
    }
    let (name, extensions) = kind.filter();
    let picked = app
        .dialog()
        .file()
        .add_filter(name, extensions)
        .blocking_pick_file();
    let picked = picked
        .and_then(|p| p.into_path().ok())
        .map(|p| p.to_string_lossy().into_owned());
    Ok(remember(&state, picked))
}

/// Remembers the person's choice, which commands then accept as a path.
fn remember(state: &AppState, picked: Option<String>) -> Option<String> {
    if let Some(path) = &picked {
        state.remember_pick(PathBuf::from(path));
    }
    picked
}

/// Opens a file this session exported with the system's viewer. Any other path is
/// refused: the UI cannot make the app open arbitrary files.
#[tauri::command]
pub async fn open_exported<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> CmdResult<()> {
    let path = PathBuf::from(path);
    if !state.was_exported(&path) {
        return Err(Error::new(
            ErrorCode::NotFound,
            format!("{} was not exported in this session", path.display()),
        ));
    }
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            Error::new(
                ErrorCode::Io,
                format!("cannot open {}: {e}", path.display()),
            )
        })
}
