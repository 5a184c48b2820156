//! What a document says about itself before its pillars: title, publisher, date,
//! the dialogue it is about and when that dialogue was (re)launched.

use super::dates::{find_dates, DateContext};
use super::lines::{ends_sentence, Block, BlockKind};
use super::normalize::fold;
use super::pattern::Pattern;
use crate::model::{Edtf, EdtfDate, EntryDate, Precision};
use std::sync::LazyLock;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Preamble {
    /// Index of the title block.
    pub title: Option<usize>,
    pub publisher: Option<String>,
    /// The dateline: the document's own date, verbatim.
    pub date: Option<EntryDate>,
    /// Blocks that are the title, publisher or dateline.
    pub used: Vec<usize>,
}

/// Lines that name who issued the document (not its title).
const PUBLISHERS: &[&str] = &[
    "office of the spokesperson",
    "the white house",
    "u.s. department of state",
    "u.s. department of commerce",
    "office of the united states trade representative",
    "secretaria de relaciones exteriores",
    "secretaria de economia",
    "secretaria de hacienda y credito publico",
    "u.s. embassy & consulates in mexico",
    "u.s. embassy and consulates in mexico",
    "embajada y consulados de estados unidos en mexico",
    "gobierno de mexico",
];

/// Most words a dateline may hold besides its date ("WASHINGTON, D.C. -").
const DATELINE_EXTRA_WORDS: usize = 6;

/// Reads the masthead: the leading run of blocks that are the publisher, the
/// dateline or the title, stopping at the first block that is none of them. A title
/// is a heading or a short line that does not end a sentence.
pub fn read(blocks: &[Block]) -> Preamble {
    let mut p = Preamble::default();
    for (i, block) in blocks.iter().enumerate() {
        if matches!(block.kind, BlockKind::Bullet { .. })
            || super::pillars::explicit_heading(&block.text).is_some()
        {
            break;
        }
        let folded = fold(&block.text);
        let title_like = matches!(block.kind, BlockKind::Heading { .. })
            || (!block.joined
                && block.text.split_whitespace().count() <= 30
                && !ends_sentence(&block.text));
        if p.publisher.is_none() && PUBLISHERS.contains(&folded.trim_end_matches('.')) {
            p.publisher = Some(block.text.clone());
        } else if p.date.is_none() && dateline(&block.text).is_some() {
            p.date = dateline(&block.text);
        } else if p.title.is_none() && title_like {
            p.title = Some(i);
        } else {
            break;
        }
        p.used.push(i);
    }
    p
}

/// The date of a line that is only a date (give or take a place name).
pub fn dateline(text: &str) -> Option<EntryDate> {
    let mentions = find_dates(text, &DateContext::default());
    let first = mentions.first()?;
    let Some(Edtf::Date(d)) = first.date.edtf else {
        return None;
    };
    if d.precision() < Precision::Month {
        return None;
    }
    let rest = format!("{}{}", &text[..first.start], &text[first.end..]);
    let extra = rest
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    // "WASHINGTON, Dec. 13, 2021 - The United States ..." opens with its dateline.
    let opens = first.start < 40 && text[first.end..].trim_start().starts_with("- ");
    ((extra <= DATELINE_EXTRA_WORDS && text.len() < 120) || opens).then(|| first.date.clone())
}

/// The document date as a calendar value, for resolving relative phrases.
pub fn date_value(date: &EntryDate) -> Option<EdtfDate> {
    match date.edtf {
        Some(Edtf::Date(d)) => Some(d),
        _ => None,
    }
}

static LAUNCH: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)\b(?:re)?launch(?:ed)?\b|\b(?:re)?lanz(?:ado|ó|aron|amiento)\b|\brelanzamiento\b|\breanud",
    )
});

/// The date a sentence gives for the dialogue's (re)launch ("relaunched on
/// September 9, 2021").
pub fn launch_date(text: &str) -> Option<EntryDate> {
    let found = LAUNCH.regex(text).find(text)?;
    let at = Pattern::span(text, &found).0;
    find_dates(&text[at..], &DateContext::default())
        .into_iter()
        .find(|m| m.date.edtf.is_some())
        .map(|m| m.date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::blocks;

    #[test]
    fn title_publisher_and_dateline_are_told_apart() {
        let b = blocks("THE WHITE HOUSE\n\nFACT SHEET: U.S.-Mexico High-Level Economic Dialogue\n\nWASHINGTON, December 13, 2021\n");
        let p = read(&b);
        assert_eq!(p.publisher.as_deref(), Some("THE WHITE HOUSE"));
        assert_eq!(
            b[p.title.unwrap()].text,
            "FACT SHEET: U.S.-Mexico High-Level Economic Dialogue"
        );
        assert_eq!(p.date.unwrap().text, "December 13, 2021");
    }

    #[test]
    fn relaunch_date_is_read() {
        let d = launch_date("four pillars of the HLED, relaunched on September 9, 2021.").unwrap();
        assert_eq!(
            (d.edtf.unwrap().to_string(), d.text.as_str()),
            ("2021-09-09".into(), "September 9, 2021")
        );
        assert!(launch_date("the campaign will be set up in 2022").is_none());
    }
}
