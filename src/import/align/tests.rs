use super::*;
use crate::import::parse_document;

const EN: &str = include_str!("../../../tests/fixtures/translation/statement-en.txt");
const ES: &str = include_str!("../../../tests/fixtures/translation/statement-es.txt");

/// The English statement as if stored: every row with an id.
fn stored() -> Dialogue {
    let mut d = parse_document(EN, "en.txt").record.dialogues.remove(0);
    let mut next = 0;
    let mut id = || {
        next += 1;
        Some(next)
    };
    for e in &mut d.entries {
        e.id = id();
    }
    for p in &mut d.pillars {
        p.id = id();
        for i in &mut p.initiatives {
            i.id = id();
            for e in &mut i.entries {
                e.id = id();
            }
        }
    }
    d
}

fn spanish() -> Dialogue {
    parse_document(ES, "es.txt").record.dialogues.remove(0)
}

#[test]
fn the_spanish_statement_pairs_with_its_english_entries() {
    let record = stored();
    let alignment = align(&record, &spanish(), true);
    let accepted = alignment.accepted_entries();
    assert!(
        accepted * 10 >= alignment.record_entries * 9,
        "{accepted} of {} entries: {:#?}",
        alignment.record_entries,
        alignment.pairs
    );
    // Every accepted entry pair is right: the same numbers appear on both sides.
    for pair in alignment.pairs.iter().filter(|p| p.kind == PairKind::Entry) {
        let digits = |t: &str| -> String { t.chars().filter(char::is_ascii_digit).collect() };
        assert_eq!(
            digits(&pair.record_text),
            digits(&pair.translated_text),
            "{pair:#?}"
        );
    }
    assert!(alignment
        .unmatched
        .iter()
        .any(|u| u.text.contains("publicarán un informe")));
}

#[test]
fn reordered_paragraphs_still_pair_with_their_own_text() {
    let alignment = align(&stored(), &spanish(), true);
    let forum = alignment
        .pairs
        .iter()
        .find(|p| p.record_text.contains("investment forum"))
        .expect("the forum entry is paired");
    assert!(
        forum.translated_text.contains("foro de inversión"),
        "{forum:#?}"
    );
}

#[test]
fn an_unrelated_document_pairs_no_entry_with_confidence() {
    let other = parse_document(
        "Pilar I: Agricultura\n\nRiego\n\n- El gobierno de Chile construirá tres presas en Atacama en 2030.\n\
         - La empresa estatal vendió cobre a Japón.\n",
        "otro.txt",
    )
    .record
    .dialogues
    .remove(0);
    let alignment = align(&stored(), &other, true);
    assert_eq!(alignment.accepted_entries(), 0, "{:#?}", alignment.pairs);
}
