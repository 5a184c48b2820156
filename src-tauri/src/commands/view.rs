//! What the views need besides the record, read without loading the record: the lists
//! the filters offer.

use crate::state::{blocking, CmdResult};
use briefbook::app;
use tauri::{AppHandle, Runtime};

/// Every agency's key, for the Timeline's and the Packet builder's agency filters.
#[tauri::command]
pub async fn agency_keys<R: Runtime>(app: AppHandle<R>) -> CmdResult<Vec<String>> {
    blocking(&app, |s| {
        s.with_store(|store| app::view::agency_keys(store))
    })
    .await
}
