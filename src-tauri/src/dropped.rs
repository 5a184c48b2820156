//! Documents dropped on the window. The operating system hands their paths to the shell
//! (a window event), never to the webview, so a dropped file is as trusted as one picked
//! in the open dialog: the shell remembers it as picked and tells the UI which files
//! came, and the import commands accept exactly those.

use crate::state::AppState;
use std::path::PathBuf;
use tauri::{DragDropEvent, Emitter, Manager, Runtime, Window, WindowEvent};

/// The event the UI listens to: the dropped files' paths, as the import view takes them.
pub const DROPPED_EVENT: &str = "import-dropped";

/// Remembers the regular files among `paths` as picked by the person and returns them;
/// folders and anything else are left out (the importer reads regular files only).
pub fn accept_dropped(state: &AppState, paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .filter(|path| path.is_file())
        .map(|path| {
            state.remember_pick(path.clone());
            path.display().to_string()
        })
        .collect()
}

/// The window's handler: on a drop, accept the files and tell the UI.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
        let accepted = accept_dropped(&window.state::<AppState>(), paths);
        if !accepted.is_empty() {
            // The UI may not be listening yet (a drop during start-up): nothing is lost
            // but the drop, which the person can repeat.
            let _ = window.emit(DROPPED_EVENT, accepted);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_files_are_accepted_as_picked_and_folders_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let sheet = dir.path().join("sheet.txt");
        std::fs::write(&sheet, "Fact sheet").unwrap();
        let folder = dir.path().join("folder");
        std::fs::create_dir(&folder).unwrap();
        let missing = dir.path().join("missing.txt");
        let state = AppState::new(dir.path().join("b.sqlite"));

        let accepted = accept_dropped(&state, &[sheet.clone(), folder.clone(), missing.clone()]);

        assert_eq!(accepted, vec![sheet.display().to_string()]);
        assert!(state.check_picked(&sheet).is_ok());
        assert!(state.check_picked(&folder).is_err());
        assert!(state.check_picked(&missing).is_err());
    }
}
