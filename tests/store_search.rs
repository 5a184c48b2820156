//! Search as you type: one- and two-letter prefixes are answered (from a bounded,
//! ranked candidate set) with the same kind of hits as longer queries.

use briefbook::interchange::parse_interchange;
use briefbook::model::Origin;
use briefbook::store::Store;

#[test]
fn one_and_two_letter_prefixes_find_ranked_highlighted_hits() {
    let mut store = Store::open_in_memory().unwrap();
    let record = parse_interchange(include_str!("fixtures/small-record.json")).unwrap();
    store.import_record(&record, &Origin::User, false).unwrap();
    for prefix in ["m", "me", "Mé"] {
        let hits = store.search(prefix, 3).unwrap();
        assert!(!hits.is_empty() && hits.len() <= 3, "{prefix}: {hits:?}");
        for hit in &hits {
            let marked: Vec<&str> = hit
                .snippet
                .iter()
                .filter(|p| p.hit)
                .map(|p| p.text.as_str())
                .collect();
            assert!(
                marked.iter().all(|w| w.to_lowercase().starts_with('m')),
                "{prefix}: {marked:?}"
            );
            assert!(!marked.is_empty(), "{prefix}: no highlight in {hit:?}");
        }
    }
    // The short path ranks like the long one: a longer prefix keeps the same best hit
    // when it matches the same words.
    assert_eq!(
        store.search("me", 1).unwrap()[0].id,
        store.search("med", 1).unwrap()[0].id
    );
}
