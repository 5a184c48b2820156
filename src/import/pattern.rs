//! Regular expressions whose word boundaries keep the regex engine on its fast
//! automaton for any text.
//!
//! A Unicode `\b` makes the engine give up its automaton as soon as the text holds a
//! non-ASCII character (most Spanish sentences), which costs up to a hundredfold. So
//! each `\b` of a pattern is compiled as "an ASCII word boundary, or one non-word
//! character, or either end of the text": the same places as a Unicode boundary next
//! to ASCII letters, and next to accented letters ("se firmó ") the match may take in
//! the neighbouring space or punctuation, which [`Pattern::span`] trims away.
//! ASCII text, the common case, gets plain ASCII boundaries, which also keep the
//! engine's literal prefilters.

use regex::{Match, Regex};

const BOUNDARY: &str = r"(?:(?-u:\b)|[^\p{L}\p{N}_]|^|$)";

pub struct Pattern {
    /// For ASCII text: plain ASCII boundaries, which keep literal prefilters.
    ascii: Regex,
    /// For any other text.
    any: Regex,
}

/// The pattern for ASCII text: ASCII word boundaries, and the Unicode classes it
/// uses (`\p{L}`, `\w`, `\s`, `\d`) written as their ASCII members, the only ones
/// an ASCII text holds. The automaton is then a fraction of the size, and so is the
/// work of reading a match's capture groups.
fn ascii_classes(pattern: &str) -> String {
    pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\p{L}", "[A-Za-z]")
        .replace(r"\w", "[0-9A-Za-z_]")
        .replace(r"\s", r"[\t-\r ]")
        .replace(r"\d", "[0-9]")
}

impl Pattern {
    /// Compiles `pattern`; panics on an invalid pattern, which is a bug in this crate.
    pub fn new(pattern: &str) -> Self {
        Pattern {
            ascii: Regex::new(&ascii_classes(pattern)).expect("valid pattern"),
            any: Regex::new(&pattern.replace(r"\b", BOUNDARY)).expect("valid pattern"),
        }
    }

    /// The compiled regex to run on `text`. Spans of its matches may carry one
    /// boundary character at either end: use [`Pattern::span`].
    pub fn regex(&self, text: &str) -> &Regex {
        if text.is_ascii() {
            &self.ascii
        } else {
            &self.any
        }
    }

    /// The byte range of a match without the boundary characters it may have taken.
    pub fn span(text: &str, m: &Match) -> (usize, usize) {
        let s = m.as_str();
        let start =
            m.start() + (s.len() - s.trim_start_matches(|c: char| !c.is_alphanumeric()).len());
        let end = m.end() - (s.len() - s.trim_end_matches(|c: char| !c.is_alphanumeric()).len());
        debug_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        (start, end.max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(p: &Pattern, text: &'a str) -> Option<&'a str> {
        p.regex(text).find(text).map(|m| {
            let (s, e) = Pattern::span(text, &m);
            &text[s..e]
        })
    }

    #[test]
    fn boundaries_hold_next_to_ascii_and_accented_letters() {
        let p = Pattern::new(r"(?i)\bse firmó\b|\bwill\b");
        assert_eq!(find(&p, "it will be"), Some("will"));
        assert_eq!(find(&p, "goodwill"), None);
        assert_eq!(find(&p, "willing"), None);
        assert_eq!(find(&p, "Se firmó el acuerdo"), Some("Se firmó"));
        assert_eq!(find(&p, "ya se firmó"), Some("se firmó"));
        assert_eq!(find(&p, "(se firmó)."), Some("se firmó"));
    }
}
