//! The database itself: which file, opening another, backups, JSON export.

use crate::error::{CmdResult, ErrorCode, IpcError};
use crate::state::AppState;
use serde::Serialize;
use std::path::{Path, PathBuf};
use tauri::State;
use ts_rs::TS;

/// Where the record lives and what it holds, for the settings view and the recovery screen.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DatabaseInfo {
    pub path: String,
    /// Folder where "Back up now" writes its copies.
    pub backup_dir: String,
    /// The newest backup, if any.
    pub last_backup: Option<String>,
    pub pillars: u32,
    pub initiatives: u32,
    pub entries: u32,
}

/// Backups go to `backups/` beside the database file.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("backups")
}

/// The newest `.sqlite` file in the backup folder, by modification time.
pub fn last_backup(db: &Path) -> Option<PathBuf> {
    let entries = std::fs::read_dir(backup_dir(db)).ok()?;
    entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "sqlite"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .max()
        .map(|(_, path)| path)
}

fn info(state: &AppState) -> CmdResult<DatabaseInfo> {
    let path = state.db_path();
    let record = state.with_store(|store| Ok(store.load_record()?))?;
    let pillars = record.dialogues.iter().flat_map(|d| &d.pillars);
    let initiatives = pillars.clone().flat_map(|p| &p.initiatives);
    Ok(DatabaseInfo {
        path: path.display().to_string(),
        backup_dir: backup_dir(&path).display().to_string(),
        last_backup: last_backup(&path).map(|p| p.display().to_string()),
        pillars: pillars.count() as u32,
        initiatives: initiatives.clone().count() as u32,
        entries: initiatives.map(|i| i.entries.len()).sum::<usize>() as u32,
    })
}

/// Opens the database at `path` (or the current one when `None`), creating and seeding
/// it when new. Fails with `incompatible_database` when the file is damaged or newer than
/// this app; the UI then shows the recovery screen.
#[tauri::command]
pub async fn open_database(
    state: State<'_, AppState>,
    path: Option<String>,
) -> CmdResult<DatabaseInfo> {
    let path = path.map(PathBuf::from).unwrap_or_else(|| state.db_path());
    state.open(&path)?;
    info(&state)
}

#[tauri::command]
pub async fn database_info(state: State<'_, AppState>) -> CmdResult<DatabaseInfo> {
    info(&state)
}

/// Writes a consistent copy of the database into the backup folder; returns its path.
#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> CmdResult<String> {
    let dir = backup_dir(&state.db_path());
    std::fs::create_dir_all(&dir).map_err(|e| IpcError::io(&dir, &e))?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let target = dir.join(format!("briefbook-{stamp}.sqlite"));
    state.with_store(|store| Ok(store.backup_to(&target)?))?;
    Ok(target.display().to_string())
}

/// Replaces the current database file with the newest backup (the replaced file is kept
/// as `NAME.replaced`), then opens it.
#[tauri::command]
pub async fn restore_last_backup(state: State<'_, AppState>) -> CmdResult<DatabaseInfo> {
    let db = state.db_path();
    let backup = last_backup(&db).ok_or_else(|| {
        IpcError::new(
            ErrorCode::NotFound,
            format!("no backup in {}", backup_dir(&db).display()),
        )
    })?;
    state.close();
    if db.exists() {
        let kept = db.with_extension("replaced");
        std::fs::rename(&db, &kept).map_err(|e| IpcError::io(&db, &e))?;
    }
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", db.display()));
        if side.exists() {
            std::fs::remove_file(&side).map_err(|e| IpcError::io(&side, &e))?;
        }
    }
    std::fs::copy(&backup, &db).map_err(|e| IpcError::io(&backup, &e))?;
    state.open(&db)?;
    info(&state)
}

/// Writes the whole record as a Briefbook JSON document to `path` (atomically).
#[tauri::command]
pub async fn export_json(state: State<'_, AppState>, path: String) -> CmdResult<()> {
    let json = state.with_store(|store| Ok(store.export_json()?))?;
    write_atomic(Path::new(&path), json.as_bytes())
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`, so a
/// reader never sees half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> CmdResult<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| IpcError::validation(format!("{} is not a file name", path.display())))?;
    let temp = dir.join(format!(".{}.partial", name.to_string_lossy()));
    std::fs::write(&temp, bytes).map_err(|e| IpcError::io(&temp, &e))?;
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        IpcError::io(path, &e)
    })
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
