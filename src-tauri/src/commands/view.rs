//! What the views need besides the record, read without loading the record: opening the
//! database with a quick summary of it, and the lists the filters offer.

use crate::state::{blocking, AppState, CmdResult};
use briefbook::app;
use briefbook::app::backup::DatabaseInfo;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime};

fn summary(state: &AppState) -> CmdResult<DatabaseInfo> {
    let path = state.db_path();
    state.with_store(|store| app::view::database_summary(store, &path))
}

/// Opens the database at `path` (or the current one when `None`), creating and seeding
/// it when new, as `open_database` does, but counts what it holds from the outline, so
/// the window opens as quickly on a large record as on a small one.
#[tauri::command]
pub async fn open_record<R: Runtime>(
    app: AppHandle<R>,
    path: Option<String>,
) -> CmdResult<DatabaseInfo> {
    blocking(&app, move |s| {
        let path = match path.map(PathBuf::from) {
            Some(path) => {
                s.check_picked(&path)?;
                path
            }
            None => s.db_path(),
        };
        s.open(&path)?;
        summary(s)
    })
    .await
}

/// What the open database holds, counted from the outline (Settings).
#[tauri::command]
pub async fn database_summary<R: Runtime>(app: AppHandle<R>) -> CmdResult<DatabaseInfo> {
    blocking(&app, summary).await
}

/// Every agency's key, for the Timeline's and the Packet builder's agency filters.
#[tauri::command]
pub async fn agency_keys<R: Runtime>(app: AppHandle<R>) -> CmdResult<Vec<String>> {
    blocking(&app, |s| {
        s.with_store(|store| app::view::agency_keys(store))
    })
    .await
}
