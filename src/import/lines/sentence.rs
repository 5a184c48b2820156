//! How a text ends or starts: a full sentence, an abbreviation, a "Label: text"
//! item. Shared by the line joiner and the steps that read blocks.

use regex::Regex;
use std::sync::LazyLock;

/// Whether a text ends a sentence or list item (closing quotes and brackets skipped).
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', ')', ']', '*'])
        .ends_with(['.', '!', '?', ':', ';'])
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Lu}[^:.;]{0,40}:\s+\S").unwrap());

/// "Status: signed in June." - a short label, a colon, then the item's text.
pub fn is_label_item(text: &str) -> bool {
    LABEL.find(text).is_some_and(|m| {
        text[..m.end()]
            .split(':')
            .next()
            .is_some_and(|label| label.split_whitespace().count() <= 5)
    })
}

static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(])(?:(?:\p{Lu}\.){1,3}|Mr\.|Mrs\.|Ms\.|Dr\.|No\.|St\.|Sen\.|Rep\.|Gov\.|Gen\.|Amb\.|Sr\.|Sra\.|Lic\.)$").unwrap()
});

/// Whether a line ends in an abbreviation ("U.S.", "D.C.", "Dr."), so that a
/// hard-wrapped sentence goes on after it.
pub(super) fn ends_abbreviation(text: &str) -> bool {
    let end = text.trim_end();
    end.ends_with('.') && ABBREVIATION.is_match(end)
}

pub(super) fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}
