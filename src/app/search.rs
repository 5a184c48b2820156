//! Full-text search over entries, initiatives and notes.

use super::error::{Error, Result};
use crate::store::Store;

/// One result, with its highlighted snippet parts.
pub use crate::store::SearchHit;

/// The most results one search returns.
pub const MAX_RESULTS: u32 = 200;

/// The best `limit` (at most [`MAX_RESULTS`]) matches for `query`, with highlighted
/// snippet parts. An empty query finds nothing.
pub fn search(store: &Store, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
    if query.chars().count() > 1_000 {
        return Err(Error::invalid(
            "the search text is over 1,000 characters; search for a few words",
        ));
    }
    Ok(store.search(query, limit.min(MAX_RESULTS))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_do_not_matter() {
        let mut store = Store::open_in_memory().unwrap();
        crate::builtin::seed(&mut store).unwrap();
        assert!(!search(&store, "MEXICO", 5).unwrap().is_empty());
        assert!(search(&store, "", 5).unwrap().is_empty());
        assert!(search(&store, &"a".repeat(1_001), 5).is_err());
    }
}
