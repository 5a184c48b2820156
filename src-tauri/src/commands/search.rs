//! Search as you type.

use crate::error::CmdResult;
use crate::state::AppState;
use briefbook::store::SearchHit;
use tauri::State;

/// The best `limit` matches for `query` with highlighted snippet parts; an empty query
/// gives no results.
#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> CmdResult<Vec<SearchHit>> {
    state.with_store(|store| Ok(store.search(&query, limit.min(200))?))
}
