//! Which pillar a paragraph discusses, when a document announces its pillars in
//! prose ("four pillars: (1) ..., (2) ...") and then writes about each in paragraphs
//! without headings: the pillar whose title's words the paragraph shares.
//!
//! Words are compared by their first five letters after folding, so "To build back
//! together" finds "Building Back Together" and "sostenible" finds "Sostenible".
//! A paragraph that shares less than half of any pillar's words, or shares as much
//! with two pillars, is not placed (it stays at dialogue level): a wrong pillar is
//! worse than none.

use super::normalize::fold;
use crate::model::Dialogue;
use std::collections::HashSet;

/// Letters kept of each word for comparison.
const STEM_LEN: usize = 5;
/// Share of a pillar title's words a paragraph must hold to be placed under it.
const MIN_SHARE: f64 = 0.5;

/// Long function words that carry no topic.
const STOP: &[&str] = &[
    "with", "from", "that", "this", "their", "these", "those", "into", "over", "under", "both",
    "other", "more", "such", "para", "entre", "sobre", "como", "este", "esta", "estos", "estas",
    "through", "between", "among", "across", "todo", "todos", "nuestro", "also",
];

/// Topic words of a text, as stems.
pub fn stems(text: &str) -> HashSet<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .filter(|w| !STOP.contains(w))
        .map(|w| w.chars().take(STEM_LEN).collect())
        .collect()
}

/// The pillar (by number) whose title `text` discusses, if one clearly is.
pub fn pillar_for(text: &str, pillars: &[(u32, HashSet<String>)]) -> Option<u32> {
    best(&stems(text), pillars)
}

/// Where a statement belongs in an existing dialogue: the pillar (by number) and,
/// when its words are an initiative's, that initiative (by index in the pillar).
/// For merging a later document's dialogue-level statements ("General") into a
/// dialogue that already has pillars: initiatives are tried first (they are more
/// specific), then pillars; `None` keeps the statement at dialogue level.
pub fn place_in(dialogue: &Dialogue, text: &str) -> Option<(u32, Option<usize>)> {
    let words = stems(text);
    let initiatives: Vec<((u32, usize), HashSet<String>)> = dialogue
        .pillars
        .iter()
        .flat_map(|p| {
            p.initiatives
                .iter()
                .enumerate()
                .map(move |(i, init)| ((p.number, i), stems(&init.title)))
        })
        .collect();
    if let Some((pillar, index)) = best(&words, &initiatives) {
        return Some((pillar, Some(index)));
    }
    let pillars: Vec<(u32, HashSet<String>)> = dialogue
        .pillars
        .iter()
        .map(|p| (p.number, stems(&p.title)))
        .collect();
    best(&words, &pillars).map(|n| (n, None))
}

/// The candidate whose words `words` clearly share most.
fn best<K: Copy>(words: &HashSet<String>, candidates: &[(K, HashSet<String>)]) -> Option<K> {
    let mut scored: Vec<(f64, K)> = candidates
        .iter()
        .filter(|(_, title)| !title.is_empty())
        .map(|(key, title)| {
            let shared = title.iter().filter(|w| words.contains(*w)).count();
            (shared as f64 / title.len() as f64, *key)
        })
        .filter(|(share, _)| *share >= MIN_SHARE)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    match scored.as_slice() {
        [] => None,
        [(_, key)] => Some(*key),
        [(a, key), (b, _), ..] => (a > b).then_some(*key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pillars(titles: &[&str]) -> Vec<(u32, HashSet<String>)> {
        titles
            .iter()
            .enumerate()
            .map(|(i, t)| (i as u32 + 1, stems(t)))
            .collect()
    }

    #[test]
    fn a_paragraph_goes_under_the_pillar_whose_words_it_shares() {
        let p = pillars(&[
            "Building Back Together",
            "Promoting Sustainable Economic and Social Development in Southern Mexico and Central America",
            "Securing the Tools for Future Prosperity",
            "Investing in Our People",
        ]);
        assert_eq!(
            pillar_for("To build back together, Commerce signed a MOU.", &p),
            Some(1)
        );
        assert_eq!(
            pillar_for("On sustainable economic and social development in southern Mexico and Central America, USAID ...", &p),
            Some(2)
        );
        assert_eq!(
            pillar_for("To secure the tools for future prosperity, ...", &p),
            Some(3)
        );
    }

    #[test]
    fn an_unclear_paragraph_stays_unplaced() {
        let p = pillars(&[
            "Building Back Together",
            "Promoting Sustainable Economic Development in Mexico",
        ]);
        assert_eq!(
            pillar_for("The delegations discussed the USMCA meeting.", &p),
            None
        );
        assert_eq!(
            pillar_for("Secretaries met in Mexico for the Economic Dialogue.", &p),
            None,
            "two of five words is not the pillar"
        );
    }

    #[test]
    fn a_later_statement_finds_its_initiative_in_the_built_in_record() {
        let record = crate::import::builtin_record().record;
        let hled = &record.dialogues[0];
        let (pillar, initiative) = place_in(
            hled,
            "The trade facilitation partnership for medical devices held its first meeting.",
        )
        .unwrap();
        let title = &hled
            .pillars
            .iter()
            .find(|p| p.number == pillar)
            .unwrap()
            .initiatives[initiative.unwrap()]
        .title;
        assert_eq!(title, "Trade Facilitation Partnership for Medical Devices");
        assert_eq!(place_in(hled, "The delegations thanked their hosts."), None);
    }

    #[test]
    fn spanish_pillars_match_spanish_paragraphs() {
        let p = pillars(&["Reconstruir juntos", "Invertir en nuestra gente"]);
        assert_eq!(
            pillar_for("Para reconstruir juntos, la SE firmó ...", &p),
            Some(1)
        );
        assert_eq!(
            pillar_for("Para invertir en nuestra gente, ambos ...", &p),
            Some(2)
        );
    }
}
