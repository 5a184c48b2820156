//! Briefing packets: saved specs, a live summary of what a spec selects, and PDF export.

use crate::error::CmdResult;
use crate::state::AppState;
use briefbook::store::SavedSpec;
use tauri::State;

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
