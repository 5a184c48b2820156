//! Importing a translation: the Spanish version of a statement already in the record
//! fills the Spanish fields of what it matches, lists what it does not, and changes
//! nothing the second time; documents that are no translation are refused untouched.

use briefbook::app::import::translation::{self, PairChoice};
use briefbook::app::import::{self as app_import, ImportInput, Previews};
use briefbook::app::ErrorCode;
use briefbook::import::align::PairKind;
use briefbook::model::{Origin, Record};
use briefbook::store::Store;

const EN: &str = "tests/fixtures/translation/statement-en.txt";
const ES: &str = "tests/fixtures/translation/statement-es.txt";

fn file(path: &str) -> ImportInput {
    ImportInput::File {
        path: path.to_string(),
    }
}

/// A record holding only the English statement.
fn english_record() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let parsed = app_import::parse(&file(EN)).unwrap();
    app_import::merge(&mut store, &parsed, false, &mut |_| {}).unwrap();
    store
}

fn entries(record: &Record) -> Vec<&briefbook::model::Entry> {
    record
        .dialogues
        .iter()
        .flat_map(|d| {
            d.entries.iter().chain(
                d.pillars
                    .iter()
                    .flat_map(|p| &p.initiatives)
                    .flat_map(|i| &i.entries),
            )
        })
        .collect()
}

fn translated_share(store: &Store) -> (usize, usize) {
    let record = store.load_record().unwrap();
    let all = entries(&record);
    let done = all.iter().filter(|e| e.text_es.is_some()).count();
    (done, all.len())
}

#[test]
fn aligning_the_spanish_statement_fills_at_least_nine_in_ten_entries() {
    let mut store = english_record();
    let mut previews = Previews::default();
    let preview = translation::preview(&mut store, &mut previews, &file(ES), None).unwrap();
    assert_eq!(preview.language, briefbook::model::Lang::Es);
    assert!(preview.would_fill > 0);
    let report = translation::apply(
        &mut store,
        &mut previews,
        &preview.token,
        &PairChoice::default(),
    )
    .unwrap();
    assert!(!report.dry_run && report.filled == preview.would_fill);
    let (done, total) = translated_share(&store);
    println!("alignment: {done} of {total} entries translated");
    assert!(done * 10 >= total * 9, "{done} of {total}");
    // Every filled entry holds its own translation: its numbers are the English one's.
    let record = store.load_record().unwrap();
    for e in entries(&record) {
        if let Some(es) = &e.text_es {
            let digits = |t: &str| -> String { t.chars().filter(char::is_ascii_digit).collect() };
            assert_eq!(digits(&e.text), digits(es), "{} / {es}", e.text);
        }
    }
    // The structure is translated too (what a Spanish packet prints).
    let pillar = &record.dialogues[0].pillars[0];
    assert_eq!(pillar.title_es.as_deref(), Some("Reconstruir juntos"));
    let initiative = &pillar.initiatives[0];
    assert_eq!(
        initiative.title_es.as_deref(),
        Some("Cadenas de suministro de semiconductores")
    );
    assert!(initiative
        .summary_es
        .as_deref()
        .is_some_and(|s| s.starts_with("Busca fortalecer")));
}

#[test]
fn the_paragraph_only_the_translation_has_is_listed_not_dropped() {
    let mut store = english_record();
    let mut previews = Previews::default();
    let preview = translation::preview(&mut store, &mut previews, &file(ES), None).unwrap();
    let unmatched: Vec<&str> = preview.unmatched.iter().map(|u| u.text.as_str()).collect();
    assert!(
        unmatched
            .iter()
            .any(|t| t.contains("publicarán un informe de avances")),
        "{unmatched:?}"
    );
    assert!(preview
        .unmatched
        .iter()
        .all(|u| u.kind != PairKind::Entry || u.line.is_some()));
    // The English paragraph the Spanish version leaves out is named too.
    assert_eq!(preview.untranslated.len(), 1, "{:?}", preview.untranslated);
    assert!(preview.untranslated[0].contains("cybersecurity workshop"));
}

#[test]
fn importing_the_same_translation_again_changes_nothing() {
    let mut store = english_record();
    let parsed = translation::align(&store, &file(ES), None).unwrap();
    translation::fill(&mut store, &parsed, &PairChoice::default(), false).unwrap();
    let history = store.history(None).unwrap().len();
    let again = translation::align(&store, &file(ES), None).unwrap();
    assert!(again
        .pairs
        .iter()
        .filter(|p| p.accepted)
        .all(|p| p.unchanged));
    let report = translation::fill(&mut store, &again, &PairChoice::default(), false).unwrap();
    assert_eq!(report.filled, 0);
    assert_eq!(store.history(None).unwrap().len(), history);
}

#[test]
fn history_names_the_translated_document_as_origin() {
    let mut store = english_record();
    let parsed = translation::align(&store, &file(ES), None).unwrap();
    translation::fill(&mut store, &parsed, &PairChoice::default(), false).unwrap();
    let filled: Vec<_> = store
        .history(None)
        .unwrap()
        .into_iter()
        .filter(|h| h.field == "text_es")
        .collect();
    assert!(!filled.is_empty());
    for event in &filled {
        match &event.origin {
            Origin::Import { title, .. } => assert!(title.contains("HOJA INFORMATIVA"), "{title}"),
            other => panic!("origin {other:?}"),
        }
    }
}

#[test]
fn a_rejected_pair_is_not_stored() {
    let mut store = english_record();
    let parsed = translation::align(&store, &file(ES), None).unwrap();
    let forum = parsed
        .pairs
        .iter()
        .find(|p| p.record_text.contains("investment forum"))
        .unwrap();
    assert!(forum.accepted);
    let choice = PairChoice {
        reject: vec![forum.number],
        accept: Vec::new(),
    };
    translation::fill(&mut store, &parsed, &choice, false).unwrap();
    let record = store.load_record().unwrap();
    let entry = entries(&record)
        .into_iter()
        .find(|e| e.text.contains("investment forum"))
        .unwrap();
    assert_eq!(entry.text_es, None);
}

#[test]
fn a_document_in_the_record_language_is_refused_and_nothing_stored() {
    let mut store = english_record();
    let history = store.history(None).unwrap().len();
    let mut previews = Previews::default();
    let error = translation::preview(&mut store, &mut previews, &file(EN), None).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(
        error.message.contains("statement-en.txt is in English"),
        "{}",
        error.message
    );
    assert_eq!(store.history(None).unwrap().len(), history);
}

#[test]
fn an_unrelated_document_is_refused_and_nothing_stored() {
    let store = english_record();
    let history = store.history(None).unwrap().len();
    let error = translation::align(
        &store,
        &file("tests/fixtures/real/sre-comunicado-dean-2024.txt"),
        None,
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(
        error.message.contains("does not look like a translation"),
        "{}",
        error.message
    );
    assert_eq!(store.history(None).unwrap().len(), history);
    assert_eq!(translated_share(&store).0, 0);
}

#[test]
fn an_english_translation_fills_a_spanish_record() {
    let mut store = Store::open_in_memory().unwrap();
    let parsed = app_import::parse(&file(ES)).unwrap();
    app_import::merge(&mut store, &parsed, false, &mut |_| {}).unwrap();
    let aligned = translation::align(&store, &file(EN), None).unwrap();
    assert_eq!(aligned.language, briefbook::model::Lang::En);
    translation::fill(&mut store, &aligned, &PairChoice::default(), false).unwrap();
    let record = store.load_record().unwrap();
    let forum = entries(&record)
        .into_iter()
        .find(|e| e.text.contains("investment forum"))
        .expect("the English text takes the record's field");
    assert!(forum
        .text_es
        .as_deref()
        .is_some_and(|t| t.contains("foro de inversión")));
}

#[test]
fn an_unknown_preview_token_is_not_found() {
    let mut store = english_record();
    let mut previews = Previews::default();
    let error =
        translation::apply(&mut store, &mut previews, "nope", &PairChoice::default()).unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);
}
