//! What a person typed, as an FTS5 query over words and stems, and the snippet that shows
//! a hit: the original words (never stems) with the matching ones marked.
//!
//! FTS5's `snippet()` can only mark tokens of the column that matched, so a hit found
//! through its stems ("chains" for "chain", "cooperación" for "cooperation") would show
//! no mark; and it runs an initiative's title into its summary. The few hits shown are
//! marked here instead, from the stored texts.

use super::search::SnippetPart;
use super::stems::{fold, stems, words};

/// A snippet shows at most this many words (as FTS5's snippet did).
const SNIPPET_WORDS: usize = 24;
/// Words kept before the first match when a text is cut.
const LEAD_WORDS: usize = 4;
/// A last word shorter than this is matched as a prefix only (its stem means nothing).
const MIN_STEMMED_PREFIX: usize = 3;
/// Between an initiative's title and its summary in a snippet.
pub const TITLE_SEPARATOR: &str = " — ";

/// One word of the query: the word folded, whether it is still being typed (a prefix),
/// and its English and Spanish stems.
#[derive(Debug, Clone, PartialEq)]
struct Term {
    folded: String,
    prefix: bool,
    stems: Vec<String>,
}

/// The words of a query; every one must match.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    terms: Vec<Term>,
}

impl Query {
    /// Reads what a person typed: every word must appear, the last one as a prefix (so
    /// results come while typing). `None` when there is no word.
    pub fn parse(text: &str) -> Option<Query> {
        let all: Vec<&str> = words(text).collect();
        let count = all.len();
        let terms: Vec<Term> = all
            .into_iter()
            .enumerate()
            .map(|(i, word)| {
                let prefix = i + 1 == count;
                let folded = fold(word);
                let stems = if prefix && folded.chars().count() < MIN_STEMMED_PREFIX {
                    Vec::new()
                } else {
                    let (en, es) = stems(word);
                    std::iter::once(en).chain(es).collect()
                };
                Term {
                    folded,
                    prefix,
                    stems,
                }
            })
            .collect();
        (!terms.is_empty()).then_some(Query { terms })
    }

    /// The FTS5 expression: for each word, the word in `body`, or one of its stems in
    /// `body` (a word that is its own stem) or `stems`. Words hold letters and digits
    /// only, so quoting them is safe.
    pub fn fts(&self) -> String {
        self.terms
            .iter()
            .map(|t| {
                let star = if t.prefix { "*" } else { "" };
                if t.stems.is_empty() {
                    format!("body : \"{}\"{star}", t.folded)
                } else {
                    let stems: Vec<String> = t.stems.iter().map(|s| format!("\"{s}\"")).collect();
                    format!(
                        "(body : \"{}\"{star} OR {{body stems}} : ({}))",
                        t.folded,
                        stems.join(" OR ")
                    )
                }
            })
            .collect::<Vec<_>>()
            .join(" AND ")
    }

    /// Whether the last word is shorter than `len` letters (search as you type).
    pub fn last_is_shorter_than(&self, len: usize) -> bool {
        self.terms
            .last()
            .is_some_and(|t| t.folded.chars().count() < len)
    }

    /// Which term (index) a word of a text matches, if any.
    fn term_of(&self, word: &str) -> Option<usize> {
        let folded = fold(word);
        let mut word_stems: Option<Vec<String>> = None;
        self.terms.iter().position(|t| {
            if folded == t.folded || (t.prefix && folded.starts_with(&t.folded)) {
                return true;
            }
            if t.stems.is_empty() {
                return false;
            }
            let ws = word_stems.get_or_insert_with(|| {
                let (en, es) = stems(word);
                std::iter::once(en).chain(es).collect()
            });
            ws.iter().any(|s| t.stems.contains(s))
        })
    }

    /// The snippet for the best of `texts` (the one whose words match the most query
    /// words; the first on a tie): at most [`SNIPPET_WORDS`] words around the matches
    /// (the window holding the most query words), cut ends shown as "…", matching words
    /// marked.
    pub fn snippet(&self, texts: &[String]) -> Vec<SnippetPart> {
        let mut best: Option<(usize, usize, Vec<Marked>)> = None;
        for (i, text) in texts.iter().enumerate() {
            let marked = self.mark(text);
            let mut found: Vec<usize> = marked.iter().filter_map(|m| m.term).collect();
            found.sort_unstable();
            found.dedup();
            if best.as_ref().is_none_or(|(_, n, _)| found.len() > *n) {
                best = Some((i, found.len(), marked));
            }
        }
        match best {
            Some((i, _, marked)) => cut(&texts[i], &marked),
            None => Vec::new(),
        }
    }

    fn mark(&self, text: &str) -> Vec<Marked> {
        let mut out = Vec::new();
        let mut start = None;
        for (at, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(at),
                (false, Some(s)) => {
                    out.push(Marked {
                        start: s,
                        end: at,
                        term: self.term_of(&text[s..at]),
                    });
                    start = None;
                }
                _ => {}
            }
        }
        out
    }
}

/// A word of a text by byte range, and the query term it matches.
struct Marked {
    start: usize,
    end: usize,
    term: Option<usize>,
}

/// The first word of the window of [`SNIPPET_WORDS`] that holds the most distinct
/// query words (the earliest on a tie), starting a few words before its first match.
fn window_start(words: &[Marked]) -> usize {
    let last_start = words.len() - SNIPPET_WORDS;
    let mut best = (0usize, 0usize);
    for (at, word) in words.iter().enumerate() {
        if word.term.is_none() {
            continue;
        }
        let from = at.saturating_sub(LEAD_WORDS).min(last_start);
        let mut seen: Vec<usize> = words[from..from + SNIPPET_WORDS]
            .iter()
            .filter_map(|w| w.term)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        if seen.len() > best.0 {
            best = (seen.len(), from);
        }
    }
    best.1
}

fn cut(text: &str, words: &[Marked]) -> Vec<SnippetPart> {
    let (from, to) = if words.len() <= SNIPPET_WORDS {
        (0, words.len())
    } else {
        let from = window_start(words);
        (from, from + SNIPPET_WORDS)
    };
    let begin = if from == 0 { 0 } else { words[from].start };
    let end = if to == words.len() {
        text.len()
    } else {
        words[to - 1].end
    };
    let mut parts = Vec::new();
    let mut push = |text: &str, hit: bool| {
        if text.is_empty() {
            return;
        }
        match parts.last_mut() {
            Some(SnippetPart { text: t, hit: h }) if *h == hit => t.push_str(text),
            _ => parts.push(SnippetPart {
                text: text.to_string(),
                hit,
            }),
        }
    };
    if from > 0 {
        push("…", false);
    }
    let mut at = begin;
    for w in &words[from..to] {
        if w.term.is_some() {
            push(&text[at..w.start], false);
            push(&text[w.start..w.end], true);
            at = w.end;
        }
    }
    push(&text[at..end], false);
    if to < words.len() {
        push("…", false);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(parts: &[SnippetPart]) -> String {
        parts
            .iter()
            .map(|p| {
                if p.hit {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn every_word_must_match_the_last_as_a_prefix() {
        let q = Query::parse("supply chains").unwrap();
        assert_eq!(
            q.fts(),
            "(body : \"supply\" OR {body stems} : (\"suppli\" OR \"supply\")) AND \
             (body : \"chains\"* OR {body stems} : (\"chain\" OR \"chains\"))"
        );
        assert_eq!(
            Query::parse("  \"; DROP t").unwrap().fts(),
            "(body : \"drop\" OR {body stems} : (\"drop\")) AND body : \"t\"*"
        );
        assert!(Query::parse("?!").is_none());
    }

    #[test]
    fn stemmed_matches_show_the_original_words() {
        let q = Query::parse("cooperacion mexico").unwrap();
        let parts = q.snippet(&["Expand cooperation with México on supply chains.".into()]);
        assert_eq!(
            shown(&parts),
            "Expand [cooperation] with [México] on supply chains."
        );
    }

    #[test]
    fn the_text_matching_more_words_is_shown() {
        let q = Query::parse("cadenas suministro").unwrap();
        let parts = q.snippet(&[
            "Supply chains".to_string(),
            "Cadenas de suministro".to_string(),
        ]);
        assert_eq!(shown(&parts), "[Cadenas] de [suministro]");
    }

    #[test]
    fn a_long_text_is_cut_around_the_first_match() {
        let text = (1..=40)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let q = Query::parse("w30").unwrap();
        let parts = q.snippet(&[text]);
        let s = shown(&parts);
        assert!(s.starts_with("…w17 "), "{s}");
        assert!(s.contains("[w30]"), "{s}");
        assert_eq!(s.matches(' ').count(), SNIPPET_WORDS - 1);
    }
}
