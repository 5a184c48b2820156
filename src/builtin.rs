//! The record a new database starts with: the HLED fact sheet of 13 December 2021,
//! shipped inside the binary and imported through the fact-sheet importer.

use crate::import::{builtin_record, BUILTIN_NAME};
use crate::model::Origin;
use crate::store::{MergeReport, Store, StoreError};

/// Imports the built-in record into `store` (normally a new, empty one).
pub fn seed(store: &mut Store) -> Result<MergeReport, StoreError> {
    let parsed = builtin_record();
    let origin = Origin::Import {
        source_id: None,
        title: BUILTIN_NAME.into(),
    };
    store.import_record(&parsed.record, &origin, false)
}

/// A store in memory holding the built-in record: the starting point of most unit tests.
#[cfg(test)]
pub(crate) fn seeded_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    seed(&mut store).unwrap();
    store
}
