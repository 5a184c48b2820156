//! What the importer left out of a document as page furniture, line by line, so a
//! preview can show it and the user can trust or correct the import: banners,
//! navigation, share and print links, contact lines, release notices, page
//! numbers, bare dates. The lines stay in the Source text; only the record omits
//! them.

use super::clean::{is_furniture, normalize_chars, strip_markup};

/// One line left out as furniture: its 1-based number in the Source text, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedLine {
    pub line: u32,
    pub text: String,
}

/// The lines of `source_text` (a parsed Source's text) that are page furniture.
pub fn dropped_lines(source_text: &str) -> Vec<DroppedLine> {
    source_text
        .split('\n')
        .enumerate()
        .filter_map(|(i, raw)| {
            let line = strip_markup(&normalize_chars(raw));
            let line = line.trim().trim_start_matches(['-', '*', '#', ' ']);
            let dropped =
                !line.is_empty() && (is_furniture(line) || super::preamble::is_bare_date(line));
            dropped.then(|| DroppedLine {
                line: i as u32 + 1,
                text: raw.trim().to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banners_contacts_and_bare_dates_are_listed_with_their_lines() {
        let text = "An official website of the United States government\nJoint Statement on the Dialogue\n11/07/2019\nShare\nThe delegations met.\n(202) 482-4883";
        let got: Vec<u32> = dropped_lines(text).iter().map(|d| d.line).collect();
        assert_eq!(got, vec![1, 3, 4, 6]);
    }
}
