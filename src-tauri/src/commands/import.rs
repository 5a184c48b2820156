//! Importing a fact sheet or a Briefbook JSON export: a preview of what would be added
//! or changed (a dry run), then the import itself, with progress events.

use super::report;
use crate::error::{CmdResult, IpcError};
use crate::state::AppState;
use briefbook::model::{Origin, Record};
use briefbook::store::MergeReport;
use serde::{Deserialize, Serialize};
use std::path::Path;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

/// What to import: a file on disk or text pasted into the window.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportInput {
    File { path: String },
    Text { text: String },
}

/// What an import would do, before it is confirmed.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportPreview {
    /// `json` (a Briefbook export) or `fact_sheet`.
    pub format: String,
    /// The source's title as it will appear in history.
    pub title: String,
    pub report: MergeReport,
    /// What the fact-sheet reader could not place, naming lines.
    pub warnings: Vec<String>,
}

/// A parsed input: the record it holds and where it came from.
struct Parsed {
    format: &'static str,
    title: String,
    record: Record,
    warnings: Vec<String>,
}

fn parse(input: &ImportInput) -> CmdResult<Parsed> {
    let (text, name) = match input {
        ImportInput::File { path } => {
            let path = Path::new(path);
            let text =
                briefbook::import::read_path(path).map_err(|e| IpcError::io_text(e.to_string()))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            (text, name)
        }
        ImportInput::Text { text } => (text.clone(), "pasted text".to_string()),
    };
    if text.trim().is_empty() {
        return Err(IpcError::validation(format!(
            "{name} is empty: nothing to import"
        )));
    }
    if briefbook::interchange::looks_like_interchange(&text) {
        let record = briefbook::interchange::parse_interchange(&text)
            .map_err(|e| IpcError::validation(format!("{name}: {e}")))?;
        return Ok(Parsed {
            format: "json",
            title: name,
            record,
            warnings: Vec::new(),
        });
    }
    let parsed = briefbook::import::parse_document(&text, &name);
    if parsed.record.dialogues.iter().all(|d| d.pillars.is_empty()) {
        return Err(IpcError::validation(format!(
            "{name}: no pillars, initiatives or entries were recognised; is this a fact sheet?"
        )));
    }
    let title = parsed
        .record
        .sources
        .first()
        .map(|s| s.title.clone())
        .unwrap_or(name);
    Ok(Parsed {
        format: "fact_sheet",
        title,
        record: parsed.record,
        warnings: parsed.warnings,
    })
}

fn import<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    input: &ImportInput,
    dry_run: bool,
) -> CmdResult<(Parsed, MergeReport)> {
    let parsed = parse(input)?;
    let origin = Origin::Import {
        source_id: None,
        title: parsed.title.clone(),
    };
    let verb = if dry_run { "Checking" } else { "Importing" };
    let report = state.with_store(|store| {
        Ok(store.import_record_with_progress(
            &parsed.record,
            &origin,
            dry_run,
            &mut |done, total| {
                // Every entry would flood the window with events on a big import.
                if done == total || done % 50 == 0 {
                    report(app, "import", done, total, &format!("{verb} entries"));
                }
            },
        )?)
    })?;
    Ok((parsed, report))
}

/// What importing `input` would add or change; changes nothing.
#[tauri::command]
pub async fn preview_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: ImportInput,
) -> CmdResult<ImportPreview> {
    let (parsed, report) = import(&app, &state, &input, true)?;
    Ok(ImportPreview {
        format: parsed.format.into(),
        title: parsed.title,
        report,
        warnings: parsed.warnings,
    })
}

/// Imports `input`: all of it or, on any error, nothing.
#[tauri::command]
pub async fn apply_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: ImportInput,
) -> CmdResult<MergeReport> {
    Ok(import(&app, &state, &input, false)?.1)
}
