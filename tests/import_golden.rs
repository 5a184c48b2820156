//! The built-in HLED record, as a new database exports it, against a golden file
//! reviewed line by line against the seed fact sheet. `BRIEFBOOK_BLESS=1 cargo test --test import_golden` rewrites it;
//! review the diff before committing it.

use briefbook::import::builtin_record;
use briefbook::model::validate::validate_record;
use briefbook::store::Store;
use std::path::Path;

const GOLDEN: &str = "tests/fixtures/hled-builtin.json";

#[test]
fn builtin_record_matches_the_reviewed_golden_file() {
    let mut store = Store::open_in_memory().expect("store opens");
    briefbook::builtin::seed(&mut store).expect("built-in record imports");
    let json = store.export_json().expect("record exports");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(GOLDEN);
    if std::env::var_os("BRIEFBOOK_BLESS").is_some() {
        std::fs::write(&path, &json).expect("golden file written");
        return;
    }
    let golden = std::fs::read_to_string(&path).expect("golden file present");
    if golden != json {
        let first = golden.lines().zip(json.lines()).position(|(a, b)| a != b);
        let line = first.unwrap_or_else(|| golden.lines().count().min(json.lines().count()));
        panic!(
            "built-in record differs from {GOLDEN} at line {}:\n golden: {:?}\n    got: {:?}\n(run with BRIEFBOOK_BLESS=1 to rewrite, then review the diff)",
            line + 1,
            golden.lines().nth(line),
            json.lines().nth(line)
        );
    }
}

#[test]
fn builtin_record_parses_without_warnings_and_validates() {
    let parsed = builtin_record();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    validate_record(&parsed.record).expect("built-in record is valid");
}

#[test]
fn builtin_record_has_four_pillars_eleven_initiatives() {
    let record = builtin_record().record;
    let dialogue = &record.dialogues[0];
    assert_eq!(dialogue.short_name, "HLED");
    assert_eq!(dialogue.pillars.len(), 4);
    let initiatives: usize = dialogue.pillars.iter().map(|p| p.initiatives.len()).sum();
    assert_eq!(initiatives, 11);
    assert!(dialogue
        .pillars
        .iter()
        .flat_map(|p| &p.initiatives)
        .all(|i| i.summary.is_some()));
}
