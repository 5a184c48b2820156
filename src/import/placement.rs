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
    let words = stems(text);
    let mut scored: Vec<(f64, u32)> = pillars
        .iter()
        .filter(|(_, title)| !title.is_empty())
        .map(|(n, title)| {
            let shared = title.iter().filter(|w| words.contains(*w)).count();
            (shared as f64 / title.len() as f64, *n)
        })
        .filter(|(share, _)| *share >= MIN_SHARE)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    match scored.as_slice() {
        [] => None,
        [(_, n)] => Some(*n),
        [(a, n), (b, _), ..] => (a > b).then_some(*n),
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
