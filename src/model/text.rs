//! The one folding function: titles and texts are matched across documents (merge keys),
//! and filter words against entries (list and packet), through [`normalize_key`].

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds case, accents, punctuation and runs of whitespace so that "U.S.-Mexico
/// Cooperation" and "u.s. mexico cooperación" match: the key used to recognise the same
/// pillar, initiative or entry in two documents.
pub fn normalize_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
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
    };
    for c in text.chars() {
        if c.is_ascii() {
            push(c, &mut out);
        } else {
            // Only non-ASCII letters can carry accents; decomposing just those keeps
            // matching fast on large imports.
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    push(d, &mut out);
                }
            });
        }
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
