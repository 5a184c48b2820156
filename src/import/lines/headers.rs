//! Running headers a printed page repeats, removed from the blocks.

use super::sentence::ends_sentence;
use super::{Block, BlockKind};

/// Most words a running header has.
const HEADER_WORDS: usize = 16;

/// Removes running headers a printed page repeats ("FACT SHEET: ... | The White
/// House" atop every page of a PDF capture): a short line that is no sentence and
/// stands two or more times apart in the document is page furniture, every copy of
/// it; a line printed twice in a row is kept once.
pub fn drop_running_headers(blocks: &mut Vec<Block>) {
    let candidate = |b: &Block| {
        (b.kind == BlockKind::Text
            || (b.text.contains(" | ") && matches!(b.kind, BlockKind::Heading { .. })))
            && !b.joined
            && b.text.split_whitespace().count() <= HEADER_WORDS
            && !ends_sentence(&b.text)
    };
    let mut seen: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, b) in blocks.iter().enumerate().filter(|(_, b)| candidate(b)) {
        seen.entry(b.text.as_str()).or_default().push(i);
    }
    let mut drop = std::collections::HashSet::new();
    // A name printed twice (a publisher atop the page and under "Contacts") is not
    // a running header: that takes a title joined to a site ("... | The White
    // House"); a PDF's own page headers are removed when its pages are read.
    let running = |text: &str, _copies: usize| text.contains(" | ");
    for (text, at) in seen.iter().filter(|(_, at)| at.len() >= 2) {
        if at.windows(2).any(|w| w[1] > w[0] + 1) {
            if !running(text, at.len()) {
                continue;
            }
            drop.extend(at.iter().copied());
        } else {
            drop.extend(at.iter().skip(1).copied());
        }
    }
    if drop.is_empty() {
        return;
    }
    // A printer cuts a long header short ("FACT SHEET: ... | The W"): a line that
    // begins a dropped header is one too.
    let headers: Vec<String> = drop.iter().map(|&i| blocks[i].text.clone()).collect();
    for (i, b) in blocks.iter().enumerate() {
        let cut = b.text.len() >= 20
            && headers
                .iter()
                .any(|h| h.len() > b.text.len() && h.starts_with(b.text.as_str()));
        if cut && candidate(b) {
            drop.insert(i);
        }
    }
    let mut i = 0;
    blocks.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
}
