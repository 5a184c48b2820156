//! Search across English and Spanish: stems in both languages, accents folded, the
//! original words marked in snippets, initiative titles apart from their summaries, and
//! the README's example on the built-in record.

use briefbook::app::search::{search, search_in, SearchRequest};
use briefbook::model::Origin;
use briefbook::store::{EntryPatch, Store};

fn seeded() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    briefbook::builtin::seed(&mut store).unwrap();
    store
}

fn marked(hit: &briefbook::store::SearchHit) -> Vec<String> {
    hit.snippet
        .iter()
        .filter(|p| p.hit)
        .map(|p| p.text.to_lowercase())
        .collect()
}

fn shown(hit: &briefbook::store::SearchHit) -> String {
    hit.snippet.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn the_readme_example_finds_cooperation_with_mexico_on_the_built_in_record() {
    let store = seeded();
    let hits = search(&store, "cooperacion mexico", 20).unwrap();
    assert!(!hits.is_empty());
    for hit in &hits {
        let words = marked(hit);
        assert!(
            words.iter().any(|w| w.starts_with("cooperat")),
            "{words:?} in {}",
            shown(hit)
        );
    }
}

#[test]
fn a_plural_finds_the_singular_and_marks_the_word_as_written() {
    let store = seeded();
    let hits = search(&store, "chains", 50).unwrap();
    assert!(hits.iter().any(|h| marked(h).iter().any(|w| w == "chain")));
    let singular = search(&store, "chain", 50).unwrap();
    assert!(singular
        .iter()
        .any(|h| marked(h).iter().any(|w| w == "chains")));
}

#[test]
fn a_spanish_text_is_found_in_spanish_and_shown_in_spanish() {
    let mut store = seeded();
    let hit = search(&store, "monthly", 1).unwrap().remove(0);
    let id = hit.entry_id.unwrap();
    store
        .update_entry(
            id,
            &EntryPatch {
                text_es: Some(Some(
                    "Estados Unidos y México tienen la intención de reunirse mensualmente.".into(),
                )),
                ..EntryPatch::default()
            },
        )
        .unwrap();
    for query in ["reunirse mensualmente", "reunir mensual", "MÉXICO reunirse"] {
        let hits = search(&store, query, 5).unwrap();
        let hit = hits
            .iter()
            .find(|h| h.entry_id == Some(id))
            .unwrap_or_else(|| panic!("{query}: {hits:?}"));
        assert!(
            shown(hit).contains("mensualmente"),
            "{query}: {}",
            shown(hit)
        );
        assert!(!marked(hit).is_empty(), "{query}");
    }
    // "cooperar" and "cooperación" are close: a verb finds the noun.
    assert!(!search(&store, "cooperar", 5).unwrap().is_empty());
}

#[test]
fn an_initiative_hit_separates_its_title_from_its_summary() {
    let store = seeded();
    let hit = search(&store, "environmental technologies", 20)
        .unwrap()
        .into_iter()
        .find(|h| h.kind == "initiative")
        .expect("an initiative matches");
    assert!(shown(&hit).contains(" — "), "{}", shown(&hit));
}

#[test]
fn exact_words_still_rank_and_phrases_are_not_broken() {
    let store = seeded();
    // A word only the body holds as typed is found; a word nobody wrote finds nothing.
    assert!(!search(&store, "Sembrando", 5).unwrap().is_empty());
    assert!(search(&store, "zzzyqx", 5).unwrap().is_empty());
    // Punctuation and FTS5 syntax in the query are words or nothing, never an error.
    assert!(search(&store, "\"; DROP TABLE entry; --", 5).is_ok());
    assert!(search(&store, "NEAR(trade", 5).is_ok());
}

#[test]
fn a_search_in_one_dialogue_leaves_the_others_out() {
    let mut store = seeded();
    // The U.S.-Canada roadmap is a dialogue of its own beside the HLED.
    let other = briefbook::import::parse_document(
        include_str!("fixtures/real/canada-partnership-roadmap.txt"),
        "canada.txt",
    );
    store
        .import_record(
            &other.record,
            &Origin::Import {
                source_id: None,
                title: "canada".into(),
            },
            false,
        )
        .unwrap();
    let outline = store.outline().unwrap();
    assert!(outline.dialogues.len() >= 2, "two dialogues");
    let everywhere = search(&store, "canada", 200).unwrap();
    assert!(!everywhere.is_empty());
    let in_hled = |text: &str| {
        search_in(
            &store,
            &SearchRequest {
                text: text.into(),
                dialogue: Some("HLED".into()),
                limit: 200,
            },
        )
        .unwrap()
    };
    assert!(in_hled("canada").is_empty());
    assert!(!in_hled("mexico").is_empty());
}

#[test]
fn an_edit_is_found_by_its_new_words_stemmed() {
    let mut store = seeded();
    let hit = search(&store, "monthly", 1).unwrap().remove(0);
    let id = hit.entry_id.unwrap();
    store
        .update_entry(
            id,
            &EntryPatch {
                text: Some("The partners opened three laboratories.".into()),
                ..EntryPatch::default()
            },
        )
        .unwrap();
    let hits = search(&store, "laboratory", 5).unwrap();
    assert!(hits.iter().any(|h| h.entry_id == Some(id)), "{hits:?}");
}
