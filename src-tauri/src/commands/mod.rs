//! The commands the UI calls, one module per domain. Each command body is one core call
//! plus conversion; the logic lives in the `briefbook` core.
//!
//! Every command is `async` so that Tauri runs it on a worker thread, never on the
//! window's main thread: a long import or packet never freezes the window.

pub mod files;
pub mod import;
pub mod packets;
pub mod record;
pub mod search;
pub mod settings;

use serde::Serialize;
use tauri::{Emitter, Runtime};
use ts_rs::TS;

/// The full command table, shared by the app and the mock-runtime tests.
pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        settings::open_database,
        settings::database_info,
        settings::backup_now,
        settings::restore_last_backup,
        settings::export_json,
        settings::ui_ready,
        files::pick_save_path,
        files::pick_open_path,
        files::open_exported,
        record::load_record,
        record::list_entries,
        record::update_entry,
        record::create_entry,
        record::delete_entry,
        record::update_initiative,
        record::add_note,
        record::delete_note,
        record::undo_last,
        record::read_date,
        record::history,
        search::search,
        import::preview_import,
        import::apply_import,
        packets::packet_summary,
        packets::export_packet,
        packets::save_spec,
        packets::saved_specs,
        packets::delete_spec,
        packets::last_packet_day,
    ]
}

/// Name of the event that carries [`Progress`] reports.
pub const PROGRESS_EVENT: &str = "progress";

/// How far a long task has got, sent as the `progress` event.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Progress {
    /// `import` or `packet`.
    pub task: String,
    pub done: u32,
    pub total: u32,
    /// What is happening, for people ("Rendering pages").
    pub message: String,
}

/// Sends a progress report; a window that is gone is not an error.
pub fn report<R: Runtime>(
    app: &tauri::AppHandle<R>,
    task: &str,
    done: usize,
    total: usize,
    message: &str,
) {
    let _ = app.emit(
        PROGRESS_EVENT,
        Progress {
            task: task.into(),
            done: done as u32,
            total: total as u32,
            message: message.into(),
        },
    );
}
