//! The database itself: which file, opening another, backups, JSON export.

use crate::state::{blocking, AppState, CmdResult};
use briefbook::app::backup::{self, BackupRow, DatabaseInfo};
use briefbook::fsio::Passphrase;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime, State};

fn info(state: &AppState) -> CmdResult<DatabaseInfo> {
    let path = state.db_path();
    state.with_store(|store| backup::info(store, &path))
}

/// Opens the database at `path` (or the current one when `None`), creating and seeding
/// it when new. Fails with `damaged_database` or `newer_database` when the file cannot be
/// read; the UI then shows the recovery screen.
#[tauri::command]
pub async fn open_database<R: Runtime>(
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
        info(s)
    })
    .await
}

/// Opens the current database, which is encrypted, with `passphrase`; `encrypted` when
/// it is wrong.
#[tauri::command]
pub async fn unlock_database<R: Runtime>(
    app: AppHandle<R>,
    passphrase: String,
) -> CmdResult<DatabaseInfo> {
    blocking(&app, move |s| {
        s.unlock(Passphrase::new(passphrase)?)?;
        info(s)
    })
    .await
}

/// The database's backups, newest first.
#[tauri::command]
pub async fn list_backups<R: Runtime>(app: AppHandle<R>) -> CmdResult<Vec<BackupRow>> {
    blocking(&app, |s| backup::list(&s.db_path())).await
}

#[tauri::command]
pub async fn database_info<R: Runtime>(app: AppHandle<R>) -> CmdResult<DatabaseInfo> {
    blocking(&app, info).await
}

/// Writes a consistent copy of the database into the backup folder; returns its path.
#[tauri::command]
pub async fn backup_now<R: Runtime>(app: AppHandle<R>) -> CmdResult<String> {
    blocking(&app, |s| {
        let copy = s.with_store(|store| backup::backup_now(store))?;
        Ok(copy.display().to_string())
    })
    .await
}

/// Replaces the current database file with the newest backup (the replaced file is kept
/// in the backup folder), then opens it.
#[tauri::command]
pub async fn restore_last_backup<R: Runtime>(app: AppHandle<R>) -> CmdResult<DatabaseInfo> {
    blocking(&app, |s| {
        let db = s.db_path();
        s.close();
        let restored = s.with_key(|key| backup::restore_last(&db, key));
        // Whatever happened, the app goes on with the file that is now in place.
        s.open(&db)?;
        restored?;
        info(s)
    })
    .await
}

/// Replaces the current database file with the backup at `path`, which must be one of
/// the backups `list_backups` names (never any other file the webview might name); the
/// replaced file is kept in the backup folder. Then opens the restored record.
#[tauri::command]
pub async fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    path: String,
) -> CmdResult<DatabaseInfo> {
    blocking(&app, move |s| {
        let db = s.db_path();
        let listed = backup::list(&db)?;
        let Some(chosen) = listed.into_iter().find(|b| b.path == path) else {
            return Err(briefbook::app::Error::new(
                briefbook::app::ErrorCode::InvalidInput,
                format!("{path} is not one of this record's backups; choose one from the list"),
            ));
        };
        s.close();
        let restored = s.with_key(|key| backup::restore(&db, Path::new(&chosen.path), key));
        // Whatever happened, the app goes on with the file that is now in place.
        s.open(&db)?;
        restored?;
        info(s)
    })
    .await
}

/// Writes the whole record as a Briefbook JSON document to `path` (chosen in the save
/// dialog, which already asked about replacing a file).
#[tauri::command]
pub async fn export_json<R: Runtime>(app: AppHandle<R>, path: String) -> CmdResult<()> {
    blocking(&app, move |s| {
        s.check_picked(Path::new(&path))?;
        s.with_store(|store| backup::export_json_to(store, Path::new(&path), true))
    })
    .await
}

/// The UI calls this once the first view is painted. With `BRIEFBOOK_TIMING=1` the app
/// prints the time from its start, for the launch measurement.
#[tauri::command]
pub async fn ui_ready(state: State<'_, AppState>) -> CmdResult<()> {
    if std::env::var_os("BRIEFBOOK_TIMING").is_some() {
        eprintln!(
            "briefbook: first view painted {} ms after start",
            state.started.elapsed().as_millis()
        );
    }
    Ok(())
}
