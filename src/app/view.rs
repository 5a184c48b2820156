//! What the desktop views need besides the record itself, read without loading the
//! record: what the database holds (the sidebar, Settings) and the lists the filters offer
//! (Timeline, Packet builder). Each is asked for when a view is shown, on records of any
//! size, so each is a few counting queries, never a load of every entry.

use super::backup::{backup_dir, last_backup, DatabaseInfo};
use super::error::Result;
use crate::store::Store;
use std::path::Path;

/// What the database at `path` (open as `store`) holds: the same figures as
/// [`super::backup::info`], counted from the outline instead of the whole record.
pub fn database_summary(store: &Store, path: &Path) -> Result<DatabaseInfo> {
    let outline = store.outline()?;
    let pillars = outline.dialogues.iter().flat_map(|d| &d.pillars);
    Ok(DatabaseInfo {
        path: path.display().to_string(),
        backup_dir: backup_dir(path).display().to_string(),
        last_backup: last_backup(path).map(|p| p.display().to_string()),
        pillars: pillars.clone().count() as u32,
        initiatives: pillars.map(|p| p.initiatives.len() as u32).sum(),
        entries: outline.entries,
    })
}

/// Every agency's key (its acronym, or its name when it has none), ordered as the store
/// orders agencies: what the agency filters offer.
pub fn agency_keys(store: &Store) -> Result<Vec<String>> {
    Ok(store
        .agencies()?
        .iter()
        .map(|agency| agency.key().to_string())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeded() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        crate::builtin::seed(&mut store).unwrap();
        store
    }

    #[test]
    fn the_summary_counts_what_the_full_info_counts() {
        let store = seeded();
        let path = Path::new("/nowhere/briefbook.db");
        let full = super::super::backup::info(&store, path).unwrap();
        let quick = database_summary(&store, path).unwrap();
        assert_eq!(
            (quick.path, quick.backup_dir, quick.last_backup),
            (full.path, full.backup_dir, full.last_backup)
        );
        assert_eq!(
            (quick.pillars, quick.initiatives, quick.entries),
            (full.pillars, full.initiatives, full.entries)
        );
    }

    #[test]
    fn the_builtin_record_offers_its_agencies_by_key() {
        let store = seeded();
        let keys = agency_keys(&store).unwrap();
        let used: std::collections::BTreeSet<String> = store
            .load_record()
            .unwrap()
            .dialogues
            .iter()
            .flat_map(|d| &d.pillars)
            .flat_map(|p| &p.initiatives)
            .flat_map(|i| &i.entries)
            .flat_map(|e| e.agencies.clone())
            .collect();
        assert!(!used.is_empty());
        assert!(
            used.iter().all(|k| keys.contains(k)),
            "{used:?} not in {keys:?}"
        );
    }
}
