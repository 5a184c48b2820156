//! Words and their stems for search across English and Spanish.
//!
//! FTS5's own tokenizer folds case and accents but knows nothing of word endings, and a
//! custom FTS5 tokenizer cannot be written through rusqlite. So the index keeps a second
//! column, `stems`, filled from each text by [`stems_of`] (English and Spanish Snowball
//! stems of every word, where they differ from the word), and a query word matches either
//! the word itself in `body` or one of its stems in `body` or `stems`. The function is registered on every connection as
//! `briefbook_stems(text)` because the index's update triggers call it.

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// The SQL name of [`stems_of`].
pub(crate) const SQL_FUNCTION: &str = "briefbook_stems";

fn english() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

fn spanish() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::Spanish))
}

/// Lower case without accents: "Cooperación" -> "cooperacion", as FTS5's
/// `remove_diacritics 2` sees it.
pub fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `text` as the index splits them (letters and digits).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The English and the Spanish stem of one word, folded; the same stem once.
///
/// Both sides stem the folded word, so "cooperacion" typed without its accent stems
/// as "cooperación" does. The Spanish rules strip "-ación" only with its accent, so a
/// folded "-cion"/"-sion" ending gets it back first.
pub fn stems(word: &str) -> (String, Option<String>) {
    let folded = fold(word);
    let en = fold(&english().stem(&folded));
    let accented = if let Some(head) = folded.strip_suffix("cion") {
        format!("{head}ción")
    } else if let Some(head) = folded.strip_suffix("sion") {
        format!("{head}sión")
    } else {
        folded.clone()
    };
    let es = fold(&spanish().stem(&accented));
    if es == en {
        (en, None)
    } else {
        (en, Some(es))
    }
}

/// The stems of every word of `text` that differ from the word, space-separated: what
/// the index's `stems` column holds. Words of one letter or digits only are left to the
/// `body` column.
pub fn stems_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in words(text) {
        if word.chars().count() < 2 || word.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let folded = fold(word);
        let (en, es) = stems(word);
        // A stem that is the word itself is in `body` already: the query looks for
        // stems in both columns, so the index need not hold it twice.
        for stem in std::iter::once(en).chain(es).filter(|s| *s != folded) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&stem);
        }
    }
    out
}

/// Registers `briefbook_stems(text)` on `conn`. Every connection that may write the
/// record needs it: the search index's triggers call it. NULL gives NULL.
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        SQL_FUNCTION,
        1,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(text.map(|t| stems_of(&t)))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_and_singular_share_a_stem() {
        assert_eq!(stems("chains").0, stems("chain").0);
        assert_eq!(stems("Investments").0, stems("investment").0);
    }

    #[test]
    fn spanish_noun_and_verb_meet_with_or_without_accents() {
        let (_, noun) = stems("cooperación");
        let (_, verb) = stems("cooperar");
        let (_, bare) = stems("cooperacion");
        assert_eq!(noun, verb);
        assert_eq!(noun, bare);
        // English "cooperation" lands on the same stem: a Spanish query finds English text.
        assert_eq!(noun.as_deref(), Some(stems("cooperation").0.as_str()));
    }

    #[test]
    fn stems_of_a_text_skip_single_letters_and_numbers() {
        assert_eq!(stems_of("a 2021 chains"), "chain");
        assert_eq!(fold("MÉXICO"), "mexico");
    }

    #[test]
    fn the_sql_function_stems_and_passes_null() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let (a, b): (String, Option<String>) = conn
            .query_row(
                "SELECT briefbook_stems('Chains'), briefbook_stems(NULL)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((a.as_str(), b), ("chain", None));
    }
}
