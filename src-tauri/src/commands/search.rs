//! Search as you type.

use crate::state::{blocking, CmdResult};
use briefbook::app;
use briefbook::app::search::SearchHit;
use tauri::{AppHandle, Runtime};

/// The best `limit` matches for `query` with highlighted snippet parts; an empty query
/// gives no results.
#[tauri::command]
pub async fn search<R: Runtime>(
    app: AppHandle<R>,
    query: String,
    limit: u32,
) -> CmdResult<Vec<SearchHit>> {
    blocking(&app, move |s| {
        s.with_store(|store| app::search::search(store, &query, limit))
    })
    .await
}
