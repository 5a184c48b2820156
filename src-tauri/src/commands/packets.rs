//! Briefing packets: a live summary of what a spec selects, PDF export (pages are set
//! without holding the store, progress through the caller's channel), saved specs.

use crate::state::{blocking, AppState, CmdResult};
use briefbook::app::open::Store;
use briefbook::app::packets::{self, ExportRequest, ExportResult, PacketSummary, StoreAccess};
use briefbook::app::packets::{PacketSpec, SavedSpec};
use briefbook::app::Progress;
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime};

/// The app's store, lent to the export one step at a time (see `StoreAccess`).
struct Locked<'a>(&'a AppState);

impl StoreAccess for Locked<'_> {
    fn with<T>(&mut self, step: impl FnOnce(&mut Store) -> CmdResult<T>) -> CmdResult<T> {
        self.0.with_store(step)
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// What `spec` would print: counts per pillar and an estimated page count.
#[tauri::command]
pub async fn packet_summary<R: Runtime>(
    app: AppHandle<R>,
    spec: PacketSpec,
) -> CmdResult<PacketSummary> {
    blocking(&app, move |s| {
        s.with_store(|store| packets::summary(store, &spec, today()))
    })
    .await
}

/// Renders the packet `request` describes to its path (chosen in the save dialog, which
/// already asked about replacing a file), records the render, and remembers the file so
/// that `open_exported` may open it. The store is locked to assemble and to record, not
/// while pages are set, so search and the summary stay responsive.
#[tauri::command]
pub async fn export_packet<R: Runtime>(
    app: AppHandle<R>,
    request: ExportRequest,
    progress: Channel<Progress>,
) -> CmdResult<ExportResult> {
    blocking(&app, move |s| {
        let path = PathBuf::from(&request.path);
        s.check_picked(&path)?;
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        // A window that has gone away is not an error.
        let result = packets::export(&mut Locked(s), &request, today(), &at, &mut |p| {
            let _ = progress.send(p);
        })?;
        for written in std::iter::once(&result.path).chain(&result.copies) {
            s.remember_export(PathBuf::from(written));
        }
        Ok(result)
    })
    .await
}

/// Saves `spec` under `name`, replacing a spec of that name.
#[tauri::command]
pub async fn save_spec<R: Runtime>(
    app: AppHandle<R>,
    name: String,
    spec: PacketSpec,
) -> CmdResult<()> {
    blocking(&app, move |s| {
        s.with_store(|store| packets::save_spec(store, &name, &spec).map(|_| ()))
    })
    .await
}

/// Saved packet specs, by name.
#[tauri::command]
pub async fn saved_specs<R: Runtime>(app: AppHandle<R>) -> CmdResult<Vec<SavedSpec>> {
    blocking(&app, |s| s.with_store(|store| packets::saved_specs(store))).await
}

#[tauri::command]
pub async fn delete_spec<R: Runtime>(app: AppHandle<R>, name: String) -> CmdResult<()> {
    blocking(&app, move |s| {
        s.with_store(|store| packets::delete_spec(store, &name))
    })
    .await
}

/// The day (`YYYY-MM-DD`) the last packet was exported, for the "since the last packet"
/// quick pick; `None` before the first.
#[tauri::command]
pub async fn last_packet_day<R: Runtime>(app: AppHandle<R>) -> CmdResult<Option<String>> {
    blocking(&app, |s| {
        s.with_store(|store| packets::last_packet_day(store))
    })
    .await
}
