//! A later fact sheet merges into the record it updates: its pillars land in the stored
//! pillars with the same title, or the same number and a similar title; only a pillar
//! that matches neither is added, under the next free number.

use briefbook::import::parse_document;
use briefbook::model::{normalize_key, Origin, Record};
use briefbook::store::Store;

const LATER: &str = include_str!("fixtures/store-later-fact-sheet.txt");

fn pillar_of(record: &Record, needle: &str) -> (u32, String) {
    for pillar in &record.dialogues[0].pillars {
        for initiative in &pillar.initiatives {
            if initiative.entries.iter().any(|e| e.text.contains(needle)) {
                return (pillar.number, pillar.title.clone());
            }
        }
    }
    panic!("no entry containing {needle}");
}

#[test]
fn a_later_fact_sheet_lands_in_the_pillars_it_updates() {
    let mut store = Store::open_in_memory().unwrap();
    briefbook::builtin::seed(&mut store).unwrap();
    let before = store.load_record().unwrap();
    let titles: Vec<String> = before.dialogues[0]
        .pillars
        .iter()
        .map(|p| p.title.clone())
        .collect();
    assert_eq!(titles.len(), 4);

    let parsed = parse_document(LATER, "HLED Fact Sheet 2022-09-30");
    assert_eq!(
        parsed.record.dialogues[0].pillars.len(),
        4,
        "{:?}",
        parsed.warnings
    );
    let origin = Origin::Import {
        source_id: None,
        title: "HLED Fact Sheet 2022-09-30".into(),
    };
    let report = store.import_record(&parsed.record, &origin, false).unwrap();
    assert_eq!(report.added_pillars, 1, "{:?}", report.lines);

    let after = store.load_record().unwrap();
    assert_eq!(after.dialogues.len(), 1);
    // Same title, folded.
    assert_eq!(pillar_of(&after, "Regulatory Convergence").0, 1);
    assert_eq!(pillar_of(&after, "apprenticeship exchanges").0, 4);
    // Same number, most significant words shared.
    let (number, title) = pillar_of(&after, "rural enterprise grants");
    assert_eq!(number, 2);
    assert_eq!(title, titles[1]);
    // Same number, different subject: a new pillar with the next number.
    let (number, title) = pillar_of(&after, "digital trade working group");
    assert_eq!(number, 5);
    assert_eq!(
        normalize_key(&title),
        "securing the regional and digital economy"
    );
    // The stored pillars kept their titles.
    for (stored, title) in after.dialogues[0].pillars.iter().zip(&titles) {
        assert_eq!(&stored.title, title);
    }
}
