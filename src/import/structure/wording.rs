//! What a block's wording says about its place: an initiative's summary line, a
//! list's label, the sentences of a paragraph, and the rule text the preview shows.

use crate::import::lines::{Block, BlockKind};
use crate::model::Entry;

/// First words of an initiative's summary line.
const SUMMARY_VERBS: &[&str] = &[
    "Seeks",
    "Advances",
    "Promotes",
    "Develops",
    "Aims",
    "Supports",
    "Fosters",
    "Strengthens",
    "Facilitates",
    "Enhances",
    "Expands",
    "Builds",
    "Focuses",
    "Encourages",
    "Works",
    "Busca",
    "Promueve",
    "Impulsa",
    "Fomenta",
    "Desarrolla",
    "Avanza",
    "Fortalece",
    "Procura",
    "Facilita",
    "Apoya",
    "Amplía",
];

/// Whether a line states what an initiative is for ("Seeks opportunities to ...").
pub fn is_summary(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    SUMMARY_VERBS.contains(&first)
}

/// The sentences of a paragraph: split after ". " that follows a lowercase letter,
/// a digit or a bracket ("U.S. officials" stays one sentence).
pub(super) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices(". ") {
        let before = text[..i].chars().next_back();
        let ends = before.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == ')');
        if ends && i + 2 <= bytes.len() {
            out.push(text[start..=i].trim());
            start = i + 2;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// A short lead-in that states nothing and introduces a list ("Results of the
/// meeting:", "Key outcomes:"): a label for the list, not an entry.
pub(super) fn is_list_label(block: &Block) -> bool {
    block.kind == BlockKind::Text
        && block.text.ends_with(':')
        && block.text.split_whitespace().count() <= 8
        && crate::import::status::detect(&block.text).is_none()
}

/// How a statement is shaped: "bullet under an initiative", "nested bullet ...",
/// "paragraph ...".
pub(super) fn shape_rule(block: &Block, depth: usize, under: &str) -> String {
    match block.kind {
        BlockKind::Bullet { .. } if depth > 0 => format!("nested list item under {under}"),
        BlockKind::Bullet { .. } => format!("list item under {under}"),
        _ if crate::import::lines::is_label_item(&block.text) => {
            format!("'Label: text' line under {under}")
        }
        _ => format!("paragraph under {under}"),
    }
}

/// Whether a nested item took its lead-in's status (it states no action of its own).
pub(super) fn inherits(entry: &Entry, parent: Option<&Entry>) -> bool {
    let (Some(parent), Some(phrase)) = (parent, &entry.status_phrase) else {
        return false;
    };
    parent.status_phrase.as_ref() == Some(phrase)
        && !entry.text.to_lowercase().contains(&phrase.to_lowercase())
}
