//! What two texts in different languages can share: numbers and dates, acronyms
//! (USAID, SE, FDA), proper names (Jalisco, Guadalajara), concepts of the domain lexicon
//! (signed/firmaron, June/junio) and word beginnings of cognates (semiconductors /
//! semiconductores). Their weighted overlap says how likely one is the other's translation.

use super::lexicon;
use crate::model::normalize_key;
use std::collections::BTreeSet;

/// Weights of each kind of evidence: a shared number or acronym says more than a shared
/// concept word, which most sentences of a fact sheet have.
const W_NUMBER: f64 = 3.0;
const W_ACRONYM: f64 = 3.0;
const W_NAME: f64 = 2.0;
const W_CONCEPT: f64 = 1.0;
const W_COGNATE: f64 = 1.0;
/// A word beginning this long counts as a cognate.
const COGNATE: usize = 5;

/// The evidence one text offers.
#[derive(Debug, Clone, Default)]
pub struct Features {
    numbers: BTreeSet<String>,
    acronyms: BTreeSet<String>,
    names: BTreeSet<String>,
    concepts: BTreeSet<usize>,
    cognates: BTreeSet<String>,
    /// Length in characters, to tell a sentence from a paragraph.
    chars: usize,
}

/// Spanish and English spellings of the same acronym.
const ACRONYM_PAIRS: &[(&str, &str)] = &[("HLED", "DEAN"), ("US", "EEUU"), ("US", "EUA")];

impl Features {
    /// Reads `text` (in Spanish when `spanish`); `date` is its entry's EDTF date, if any.
    pub fn of(text: &str, date: Option<&str>, spanish: bool) -> Features {
        let key = normalize_key(text);
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        let mut f = Features {
            chars: text.chars().count(),
            ..Features::default()
        };
        for word in &words {
            if word.chars().all(|c| c.is_ascii_digit()) {
                f.numbers.insert(word.trim_start_matches('0').to_string());
            } else if word.chars().count() >= COGNATE {
                f.cognates.insert(word.chars().take(COGNATE).collect());
            }
        }
        if let Some(date) = date {
            f.numbers.insert(format!("date:{date}"));
        }
        f.concepts = lexicon::concepts(&words, spanish).into_iter().collect();
        for (i, raw) in text.split(|c: char| c.is_whitespace()).enumerate() {
            let word: String = raw.chars().filter(|c| c.is_alphanumeric()).collect();
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 2 && word.chars().all(|c| !c.is_lowercase()) {
                let upper = word.to_uppercase();
                let canonical = ACRONYM_PAIRS
                    .iter()
                    .find(|(_, es)| *es == upper)
                    .map_or(upper.clone(), |(en, _)| en.to_string());
                f.acronyms.insert(canonical);
            } else if i > 0 && letters >= 3 && word.chars().next().is_some_and(char::is_uppercase) {
                f.names.insert(normalize_key(&word));
            }
        }
        f
    }
}

fn weighted<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>, w: f64) -> (f64, f64) {
    let shared = a.intersection(b).count() as f64;
    (2.0 * shared * w, (a.len() + b.len()) as f64 * w)
}

/// How likely `a` and `b` say the same thing, 0 to 1: the weighted share of their
/// evidence they have in common, lowered when their lengths could not be one sentence
/// and its translation.
pub fn similarity(a: &Features, b: &Features) -> f64 {
    let parts = [
        weighted(&a.numbers, &b.numbers, W_NUMBER),
        weighted(&a.acronyms, &b.acronyms, W_ACRONYM),
        weighted(&a.names, &b.names, W_NAME),
        weighted(&a.concepts, &b.concepts, W_CONCEPT),
        weighted(&a.cognates, &b.cognates, W_COGNATE),
    ];
    let (shared, total) = parts
        .iter()
        .fold((0.0, 0.0), |(s, t), (ps, pt)| (s + ps, t + pt));
    if total == 0.0 {
        return 0.0;
    }
    let mut score = shared / total;
    let ratio = (a.chars.max(1) as f64) / (b.chars.max(1) as f64);
    // Spanish runs 10-30% longer than English; a text three times as long is another text.
    if !(0.4..=2.5).contains(&ratio) {
        score *= 0.5;
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_scores_higher_than_another_sentence() {
        let en = Features::of(
            "USAID and AMEXCID trained 3,500 young farmers in Honduras and El Salvador in 2023.",
            None,
            false,
        );
        let es = Features::of(
            "USAID y la AMEXCID capacitaron a 3,500 jóvenes agricultores en Honduras y El Salvador en 2023.",
            None,
            true,
        );
        let other = Features::of(
            "Las dos agencias ampliarán el programa a Guatemala y Chiapas en enero de 2024.",
            None,
            true,
        );
        let right = similarity(&en, &es);
        let wrong = similarity(&en, &other);
        assert!(right > 0.6, "{right}");
        assert!(wrong < right / 2.0, "{wrong} vs {right}");
    }

    #[test]
    fn texts_with_no_evidence_score_zero() {
        assert_eq!(
            similarity(
                &Features::of("", None, false),
                &Features::of("", None, true)
            ),
            0.0
        );
    }
}
