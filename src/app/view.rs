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

/// Refuses an agency filter that names no agency of the record (case ignored), so that a
/// typo is reported rather than answered with an empty list. Both faces' listings use it.
pub fn check_agency_filter(store: &Store, wanted: &[String]) -> Result<()> {
    if wanted.is_empty() {
        return Ok(());
    }
    let known = agency_keys(store)?;
    for agency in wanted {
        if !known.iter().any(|k| k.eq_ignore_ascii_case(agency.trim())) {
            let shown: Vec<&str> = known.iter().map(String::as_str).take(40).collect();
            return Err(super::error::Error::new(
                super::error::ErrorCode::InvalidInput,
                format!(
                    "unknown agency '{}' (the record's agencies: {})",
                    agency.trim(),
                    shown.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::builtin::seeded_store as seeded;

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
