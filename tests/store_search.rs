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

/// An import that names an initiative twice, the second time with a summary, adds the
/// initiative once and then updates it, within one write: it is indexed once, and found by
/// its summary (found by `scripts/fuzz`: the second indexing failed on the rowid).
#[test]
fn an_initiative_added_and_updated_by_one_import_is_indexed_once() {
    let mut record = parse_interchange(include_str!("fixtures/small-record.json")).unwrap();
    let pillar = &mut record.dialogues[0].pillars[0];
    let mut twice = pillar.initiatives[0].clone();
    twice.entries.clear();
    pillar.initiatives[0].summary = None;
    pillar.initiatives.push(twice);
    let mut store = Store::open_in_memory().unwrap();
    let report = store.import_record(&record, &Origin::User, false).unwrap();
    assert_eq!(report.updated, 1, "{report:?}");
    let hits = store.search("relevant medical devices", 10).unwrap();
    let initiatives: Vec<_> = hits.iter().filter(|h| h.kind == "initiative").collect();
    assert_eq!(initiatives.len(), 1, "{hits:?}");
}
