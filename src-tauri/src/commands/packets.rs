//! Briefing packets: a live summary of what a spec selects, PDF export (off the main
//! thread, with progress events), saved specs.

use super::report;
use crate::error::{CmdResult, IpcError};
use crate::state::AppState;
use briefbook::packet::PacketSpec;
use briefbook::packet_export::{self, ExportResult, PacketSummary};
use briefbook::store::SavedSpec;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// What `spec` would print: counts per pillar and an estimated page count.
#[tauri::command]
pub async fn packet_summary(
    state: State<'_, AppState>,
    spec: PacketSpec,
) -> CmdResult<PacketSummary> {
    state.with_store(|store| {
        let spec = packet_export::complete_spec(store, &spec, today())?;
        Ok(packet_export::summarize(&packet_export::prepare(
            store, &spec,
        )?))
    })
}

/// Renders `spec` to `path` (chosen in the save dialog), records the render under
/// `spec_name` when it came from a saved spec, and remembers the file so that
/// `open_exported` may open it.
#[tauri::command]
pub async fn export_packet<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    spec: PacketSpec,
    path: String,
    spec_name: Option<String>,
) -> CmdResult<ExportResult> {
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let result = state.with_store(|store| {
        let spec = packet_export::complete_spec(store, &spec, today())?;
        Ok(packet_export::export(
            store,
            &spec,
            &PathBuf::from(&path),
            spec_name.as_deref(),
            &at,
            &mut |done, total, what| report(&app, "packet", done as usize, total as usize, what),
        )?)
    })?;
    state.remember_export(PathBuf::from(&result.path));
    Ok(result)
}

/// Saves `spec` under `name`, replacing a spec of that name.
#[tauri::command]
pub async fn save_spec(
    state: State<'_, AppState>,
    name: String,
    spec: PacketSpec,
) -> CmdResult<()> {
    if name.trim().is_empty() {
        return Err(IpcError::validation("name: a saved packet needs a name"));
    }
    let json =
        serde_json::to_string_pretty(&spec).map_err(|e| IpcError::internal(e.to_string()))?;
    state.with_store(|store| {
        store.save_spec(name.trim(), &json)?;
        Ok(())
    })
}

/// Saved packet specs, by name.
#[tauri::command]
pub async fn saved_specs(state: State<'_, AppState>) -> CmdResult<Vec<SavedSpec>> {
    state.with_store(|store| Ok(store.saved_specs()?))
}

#[tauri::command]
pub async fn delete_spec(state: State<'_, AppState>, name: String) -> CmdResult<()> {
    state.with_store(|store| Ok(store.delete_spec(&name)?))
}

/// The day (`YYYY-MM-DD`) the last packet was exported, for the "since the last packet"
/// quick pick; `None` before the first.
#[tauri::command]
pub async fn last_packet_day(state: State<'_, AppState>) -> CmdResult<Option<String>> {
    state.with_store(|store| Ok(store.last_render_day()?))
}
