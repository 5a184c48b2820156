//! Briefbook's desktop shell: maps each UI command to one core call, keeps the open
//! store in managed state, wires the dialog and opener plugins, and takes documents
//! dropped on the window. Nothing here decides
//! what the record means; that lives in the `briefbook` core.

pub mod bindings;
pub mod commands;
pub mod dropped;
pub mod state;

use tauri::{Builder, Runtime};

/// Registers plugins, state and every command on `builder`. The real app and the
/// mock-runtime tests share this, so the tests exercise the same command table.
pub fn setup<R: Runtime>(builder: Builder<R>, state: state::AppState) -> Builder<R> {
    builder
        .manage(state)
        .invoke_handler(commands::handler())
        .on_window_event(dropped::on_window_event)
}

/// Starts the desktop app with the database from `BRIEFBOOK_DB` or the platform data dir.
pub fn run() {
    let state = state::AppState::new(state::default_db_path());
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init());
    setup(builder, state)
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("error while running the Briefbook window");
}
