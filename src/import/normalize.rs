//! Folding text for comparison: the store matches pillars, initiatives and entries
//! across documents by these keys, and the importer matches agency names with them.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The key two titles share when they name the same thing: the record's one folding
/// function, [`crate::model::normalize_key`] (accents removed, case folded, punctuation
/// dropped or made a space), so the importer and the store agree on "U.S." = "US".
pub fn normalize_title(s: &str) -> String {
    crate::model::normalize_key(s)
}

/// Lowercases and removes accents, keeping punctuation and spacing, and gives for
/// every byte of the folded text the byte offset of the original character it came
/// from (one extra element maps the end). Used to find names whatever their accents
/// and report where they were in the original.
pub fn fold_with_map(s: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    let mut buf = [0u8; 4];
    for (offset, original) in s.char_indices() {
        if original.is_ascii() {
            folded.push(original.to_ascii_lowercase());
            map.push(offset);
            continue;
        }
        for c in std::iter::once(original)
            .nfd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
        {
            let encoded = c.encode_utf8(&mut buf);
            folded.push_str(encoded);
            map.extend(std::iter::repeat_n(offset, encoded.len()));
        }
    }
    map.push(s.len());
    (folded, map)
}

/// Lowercase, accent-free form of a text (punctuation kept).
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    fold_with_map(s).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_differing_in_case_accents_and_punctuation_share_a_key() {
        assert_eq!(
            normalize_title("Cooperación en Tecnologías Ambientales"),
            normalize_title("cooperacion en tecnologias ambientales")
        );
        assert_eq!(
            normalize_title("  U.S.-Mexico   Cooperation: ICT!  "),
            "us mexico cooperation ict"
        );
        assert_eq!(normalize_title("Año ¿Qué? ¡Sí!"), "ano que si");
    }

    #[test]
    fn empty_and_punctuation_only_titles_give_an_empty_key() {
        assert_eq!(normalize_title(""), "");
        assert_eq!(normalize_title(" -- ... "), "");
    }

    #[test]
    fn folding_maps_back_to_original_offsets() {
        let text = "La Secretaría de Economía";
        let (folded, map) = fold_with_map(text);
        assert_eq!(folded, "la secretaria de economia");
        let at = folded.find("economia").unwrap();
        assert_eq!(&text[map[at]..], "Economía");
        assert_eq!(map[folded.len()], text.len());
    }
}
