//! Full-text search over entries, initiatives and notes, in English and Spanish.

use super::error::{Error, Result};
use crate::store::Store;
use serde::Deserialize;

/// One result, with its highlighted snippet parts.
pub use crate::store::SearchHit;

/// The most results one search returns.
pub const MAX_RESULTS: u32 = 200;

/// A search: the words, and optionally the dialogue to search in.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct SearchRequest {
    pub text: String,
    /// A dialogue's id, short name or name (either language); every dialogue when `None`.
    #[serde(default)]
    pub dialogue: Option<String>,
    /// At most [`MAX_RESULTS`].
    pub limit: u32,
}

/// The best `limit` (at most [`MAX_RESULTS`]) matches for `query`, with highlighted
/// snippet parts. An empty query finds nothing.
pub fn search(store: &Store, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
    search_in(
        store,
        &SearchRequest {
            text: query.to_string(),
            dialogue: None,
            limit,
        },
    )
}

/// As [`search`], in the dialogue the request names when it names one. A word matches
/// as typed or by its English or Spanish stem ("chains" finds "chain", "cooperacion"
/// finds "cooperation"); accents and case do not matter.
pub fn search_in(store: &Store, request: &SearchRequest) -> Result<Vec<SearchHit>> {
    if request.text.chars().count() > 1_000 {
        return Err(Error::invalid(
            "the search text is over 1,000 characters; search for a few words",
        ));
    }
    let dialogue = match &request.dialogue {
        Some(wanted) => Some(super::record::resolve_dialogue(store, Some(wanted))?),
        None => None,
    };
    Ok(store.search_in(&request.text, dialogue, request.limit.min(MAX_RESULTS))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::ErrorCode;

    use crate::builtin::seeded_store as seeded;

    #[test]
    fn accents_and_case_do_not_matter() {
        let store = seeded();
        assert!(!search(&store, "MEXICO", 5).unwrap().is_empty());
        assert!(search(&store, "", 5).unwrap().is_empty());
        assert!(search(&store, &"a".repeat(1_001), 5).is_err());
    }

    #[test]
    fn a_search_names_its_dialogue_or_is_refused() {
        let store = seeded();
        let request = |dialogue: &str| SearchRequest {
            text: "supply chains".into(),
            dialogue: Some(dialogue.into()),
            limit: 5,
        };
        assert!(!search_in(&store, &request("hled")).unwrap().is_empty());
        let error = search_in(&store, &request("no such dialogue")).unwrap_err();
        assert_eq!(error.code, ErrorCode::NotFound);
        assert!(
            error.message.contains("no such dialogue"),
            "{}",
            error.message
        );
    }
}
