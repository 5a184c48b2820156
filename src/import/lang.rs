//! Which language a document is written in, from its common words.

use crate::model::Lang;

const SPANISH: &[&str] = &[
    "de", "la", "el", "los", "las", "y", "que", "en", "para", "con", "del", "se", "por", "una",
];
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "in", "for", "with", "on", "that", "is", "by", "a",
];

/// Spanish when Spanish function words outnumber English ones; English otherwise.
pub fn detect(text: &str) -> Lang {
    let (mut es, mut en) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(5000)
    {
        let lower = word.to_lowercase();
        es += usize::from(SPANISH.contains(&lower.as_str()));
        en += usize::from(ENGLISH.contains(&lower.as_str()));
    }
    if es > en {
        Lang::Es
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_and_english_are_told_apart() {
        assert_eq!(
            detect("Los gobiernos de México y Estados Unidos acordaron trabajar en la agenda."),
            Lang::Es
        );
        assert_eq!(
            detect("The United States and Mexico intend to meet monthly."),
            Lang::En
        );
    }
}
