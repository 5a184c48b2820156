//! What the desktop views need besides the record itself, read without loading the
//! record: the lists the filters offer (Timeline, Packet builder). Each is asked for when
//! a view is shown, on records of any size, so each is a small query, never a load of
//! every entry.

use super::error::Result;
use crate::store::Store;

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
