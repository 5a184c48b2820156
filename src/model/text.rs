//! Text keys for matching titles and texts across documents.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds case, accents, punctuation and runs of whitespace so that "U.S.-Mexico
/// Cooperation" and "u.s. mexico cooperación" match: the key used to recognise the same
/// pillar, initiative or entry in two documents.
pub fn normalize_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' || c == '/' {
            pending_space = true;
        }
        // Other punctuation vanishes: "U.S." and "US" give the same key.
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize_key;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(
            normalize_key("  Cooperación  México "),
            "cooperacion mexico"
        );
        assert_eq!(
            normalize_key("U.S.-Mexico Cooperation"),
            normalize_key("us mexico cooperation")
        );
        assert_eq!(normalize_key("Pilar III."), "pilar iii");
        assert_eq!(normalize_key("¿Señal?"), "senal");
    }
}
