//! What a document says about itself before its pillars: title, publisher, date,
//! the dialogue it is about and when that dialogue was (re)launched.

use super::dates::{find_dates, DateContext};
use super::lines::{ends_sentence, Block, BlockKind};
use super::normalize::fold;
use super::pattern::Pattern;
use crate::model::{Edtf, EdtfDate, EntryDate, Lang, Precision};
use std::sync::LazyLock;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Preamble {
    /// Index of the title block.
    pub title: Option<usize>,
    pub publisher: Option<String>,
    /// The dateline: the document's own date, verbatim.
    pub date: Option<EntryDate>,
    /// Blocks that are the title, publisher, dateline or site navigation around them.
    pub used: Vec<usize>,
    /// A first paragraph that opens with its dateline ("WASHINGTON, D.C. - April 4,
    /// 2023 - Today, ..."): its block and the byte offset where its statement starts.
    pub opening: Option<(usize, usize)>,
    /// The block holding the dateline.
    pub date_block: Option<usize>,
    /// Why the title block was taken as the headline, for the import preview.
    pub title_rule: &'static str,
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

/// How an issuing office's line starts ("Office of the Vice President", "Ministry
/// of Foreign Affairs", "Secretaría de Economía", "Global Affairs Canada").
static OFFICE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?:the\s+)?(?:u\.s\.\s+|united states\s+)?(?:office of the|department of|ministry of|secretariat of|secretaria de|secretaria del|embassy|embajada|consulate|consulado|government of|gobierno de|gobierno del|presidencia de|white house|global affairs canada|departamento de)\b",
    )
});

/// Words of a headline: what the document is, or what it is about.
const HEADLINE_WORDS: &[&str] = &[
    "fact sheet",
    "statement",
    "readout",
    "remarks",
    "dialogue",
    "forum",
    "roadmap",
    "framework",
    "partnership",
    "committee",
    "comunicado",
    "declaracion",
    "hoja informativa",
    "dialogo",
    "concluye",
    "reunion",
];

/// Most words a dateline may hold besides its date ("WASHINGTON, D.C. -").
const DATELINE_EXTRA_WORDS: usize = 6;
/// How far into the document a masthead may reach (banners and navigation included).
const MASTHEAD_BLOCKS: usize = 30;
/// How many lines of the document are searched for a date hidden in furniture.
const MASTHEAD_LINES: usize = 60;

/// Whether a block names the issuing office rather than being the headline.
fn is_publisher(text: &str) -> bool {
    let folded = fold(text);
    // "From: Global Affairs Canada", "De: Secretaría de Economía".
    let folded = ["from:", "de:", "por:"]
        .iter()
        .find_map(|p| folded.strip_prefix(p))
        .map_or(folded.clone(), |rest| rest.trim_start().to_string());
    let key = folded.trim_end_matches('.');
    if PUBLISHERS.contains(&key) {
        return true;
    }
    text.split_whitespace().count() <= 8
        && !ends_sentence(text)
        && OFFICE.regex(&folded).is_match(&folded)
        && !HEADLINE_WORDS.iter().any(|w| folded.contains(w))
        && super::status::detect(text).is_none()
}

/// How much a candidate reads like the document's headline.
fn headline_score(text: &str) -> usize {
    let folded = fold(text);
    let words = text.split_whitespace().count();
    let kind = HEADLINE_WORDS.iter().any(|w| folded.contains(w));
    usize::from(kind) * 100 + words.min(30)
}

/// Reads the masthead: the blocks before the body that are the publisher, the
/// dateline, the headline, or the site navigation between them. The body starts at
/// a list item, a pillar heading or a paragraph. The headline is the candidate that
/// names a document kind or a dialogue, else the longest; the publisher is the
/// office named nearest the headline (a site banner comes first). Without a
/// publisher or dateline the first title-like block is the title, as before.
pub fn read(blocks: &[Block], lang: Lang) -> Preamble {
    let mut p = Preamble::default();
    let mut candidates: Vec<usize> = Vec::new();
    let mut last_anchor: Option<usize> = None;
    for (i, block) in blocks.iter().enumerate().take(MASTHEAD_BLOCKS) {
        if matches!(block.kind, BlockKind::Bullet { .. })
            || super::pillars::explicit_heading(&block.text).is_some()
        {
            break;
        }
        if let Some((date, body)) = dateline_parts(&block.text, lang) {
            if p.date.is_none() {
                p.date = Some(date);
                p.date_block = Some(i);
            }
            if let Some(at) = body {
                p.opening = Some((i, at));
                break;
            }
            last_anchor = Some(i);
            continue;
        }
        let title_like = matches!(block.kind, BlockKind::Heading { .. })
            || (!block.joined
                && block.text.split_whitespace().count() <= 30
                && !ends_sentence(&block.text));
        if title_like && is_publisher(&block.text) {
            p.publisher = Some(block.text.clone());
            last_anchor = Some(i);
        } else if title_like {
            candidates.push(i);
        } else {
            break;
        }
    }
    let Some(anchor) = last_anchor else {
        p.title = candidates.first().copied();
        p.title_rule = "headline: the first title-like line";
        p.used.extend(p.title);
        return p;
    };
    let before: Vec<usize> = candidates.iter().copied().filter(|&c| c < anchor).collect();
    p.title = before
        .iter()
        .copied()
        .max_by_key(|&c| (headline_score(&blocks[c].text), std::cmp::Reverse(c)))
        .or_else(|| candidates.iter().copied().find(|&c| c == anchor + 1));
    p.title_rule = match p.title {
        Some(t) if headline_score(&blocks[t].text) >= 100 => {
            "headline: names a document kind or a dialogue"
        }
        Some(t) if t > anchor => "headline: the title-like line after the dateline",
        _ => "headline: the longest title-like line of the masthead",
    };
    let end = p.title.map_or(anchor, |t| t.max(anchor));
    p.used = (0..=end).collect();
    p
}

/// The issuing office named in a navigation strip of the document's first lines
/// ("Secretaría de Relaciones Exteriores | 12/09/2022 | Comunicado"), for a page
/// whose masthead names none.
pub fn publisher_in_lines(text: &str) -> Option<String> {
    text.lines()
        .take(MASTHEAD_LINES)
        .filter(|line| line.contains(['|', '·']))
        .flat_map(|line| line.split(['|', '·']))
        .map(str::trim)
        .find(|part| !part.is_empty() && part.len() < 80 && is_publisher(part))
        .map(str::to_string)
}

/// The date of a line that is only a date (give or take a place name).
pub fn dateline(text: &str) -> Option<EntryDate> {
    dateline_in(text, Lang::En)
}

/// As [`dateline`], reading "05/03/2024" day first in a Spanish document.
pub fn dateline_in(text: &str, lang: Lang) -> Option<EntryDate> {
    dateline_parts(text, lang).map(|(date, _)| date)
}

/// The first date standing alone in the document's first lines, furniture lines
/// included: a web page may give its date only inside its navigation strip
/// ("Secretaría de Economía | 05 de marzo de 2024 | Comunicado").
pub fn date_in_lines(text: &str, lang: Lang) -> Option<EntryDate> {
    text.lines()
        .take(MASTHEAD_LINES)
        .filter(|line| line.contains(['|', '·']) || super::clean::is_furniture(line))
        .flat_map(|line| line.split(['|', '·']))
        .filter(|part| part.len() < 120)
        .find_map(|part| dateline_in(part.trim(), lang))
}

/// The date of a dateline, and for a paragraph that opens with one ("WASHINGTON,
/// Dec. 13, 2021 - The United States ..."), the byte offset of the statement after it.
fn dateline_parts(text: &str, lang: Lang) -> Option<(EntryDate, Option<usize>)> {
    let ctx = DateContext {
        document: None,
        lang,
    };
    let mentions = find_dates(text, &ctx);
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
    let after = &text[first.end..];
    let opens = first.start < 40 && after.trim_start().starts_with("- ");
    if extra <= DATELINE_EXTRA_WORDS && text.len() < 120 && !opens {
        return Some((first.date.clone(), None));
    }
    if !opens {
        return None;
    }
    let dash = first.end + after.find("- ").map_or(0, |i| i + 2);
    let body = text[dash..].trim_start();
    let at = text.len() - body.len();
    // "March 3, 2015 - Ottawa, Ontario - Global Affairs Canada" is all dateline; a
    // statement after it is a sentence, or a long run of words.
    let words = body.split_whitespace().count();
    let statement = words > 3 && (ends_sentence(body) || words > 12);
    Some((first.date.clone(), statement.then_some(at)))
}

static PLACE_OPENING: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^\p{Lu}[\p{L}.'-]*(?:,?\s+\p{Lu}[\p{L}.'-]*){0,4}\s+-\s+").unwrap()
});

/// A first paragraph that opens with a place-only dateline ("WASHINGTON - Today,
/// ...", "Brasília, Brazil - The United States ..."): the byte offset where its
/// statement starts.
pub fn place_opening(text: &str) -> Option<usize> {
    let m = PLACE_OPENING.find(text)?;
    let body = &text[m.end()..];
    let first = m.as_str().split_whitespace().next().unwrap_or("");
    let article = matches!(
        first,
        "The" | "A" | "An" | "El" | "La" | "Los" | "Las" | "Un" | "Una"
    );
    let place_only = m.as_str().len() <= 40
        && !article
        && body.starts_with(char::is_uppercase)
        && super::status::detect(m.as_str()).is_none();
    (place_only && ends_sentence(body) && body.split_whitespace().count() > 5).then_some(m.end())
}

/// Whether a block is only a date ("11/07/2019", "Tuesday, March 3, 2015"): page
/// furniture wherever it stands, kept in the source text only.
pub fn is_bare_date(text: &str) -> bool {
    text.len() < 60
        && super::status::detect(text).is_none()
        && dateline_parts(text, Lang::En).is_some_and(|(_, body)| body.is_none())
        && text.split_whitespace().count() <= 9
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
        r"(?i)\b(?:re)?launch(?:ed)?\b|\b(?:re)?lanz(?:ado|ó|aron|amiento)\b|\brelanzamiento\b|\breanud|\bestablished\b|\bestablecid[oa]\b",
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
    fn a_place_dateline_opening_the_first_paragraph_is_cut() {
        let text = "WASHINGTON - Today, the Secretaries met for the Dialogue in Washington.";
        assert_eq!(
            &text[place_opening(text).unwrap()..],
            "Today, the Secretaries met for the Dialogue in Washington."
        );
        let text =
            "Brasília, Brazil - The Department of Commerce held the meeting of the Dialogue today.";
        assert!(text[place_opening(text).unwrap()..].starts_with("The Department"));
        // A statement that merely contains a dash is no dateline.
        assert_eq!(
            place_opening("The Parties - all of them - agreed to meet again in 2024 in Ottawa."),
            None
        );
        assert_eq!(place_opening("U.S.-Mexico Dialogue - Fact Sheet"), None);
    }

    #[test]
    fn the_publisher_is_read_from_a_navigation_strip() {
        let text = "Gobierno de México\nSecretaría de Relaciones Exteriores | 12/09/2022 | Comunicado\n\nMéxico y Estados Unidos celebran el Diálogo\n";
        assert_eq!(
            publisher_in_lines(text).as_deref(),
            Some("Secretaría de Relaciones Exteriores")
        );
        assert_eq!(publisher_in_lines("Home | News | Press Releases\n"), None);
    }

    #[test]
    fn title_publisher_and_dateline_are_told_apart() {
        let b = blocks("THE WHITE HOUSE\n\nFACT SHEET: U.S.-Mexico High-Level Economic Dialogue\n\nWASHINGTON, December 13, 2021\n");
        let p = read(&b, Lang::En);
        assert_eq!(p.publisher.as_deref(), Some("THE WHITE HOUSE"));
        assert_eq!(
            b[p.title.unwrap()].text,
            "FACT SHEET: U.S.-Mexico High-Level Economic Dialogue"
        );
        assert_eq!(p.date.unwrap().text, "December 13, 2021");
    }

    #[test]
    fn the_headline_is_found_among_banners_and_offices() {
        let b = blocks("U.S. DEPARTMENT of STATE\n\nJoint Statement of the U.S.-Japan Economic Policy Consultative Committee\n\nOffice of the Spokesperson\nJuly 29, 2022\n\nToday, the Ministers met.");
        let p = read(&b, Lang::En);
        assert_eq!(
            b[p.title.unwrap()].text,
            "Joint Statement of the U.S.-Japan Economic Policy Consultative Committee"
        );
        assert_eq!(p.publisher.as_deref(), Some("Office of the Spokesperson"));
        assert_eq!(p.date.unwrap().edtf.unwrap().to_string(), "2022-07-29");
        assert_eq!(p.used, vec![0, 1, 2, 3]);
    }

    #[test]
    fn a_paragraph_opening_with_its_dateline_keeps_its_statement() {
        let text = "Joint Statement on the Dialogue\n\nWASHINGTON, D.C. - April 4, 2023 - Today, the Secretaries met in Washington.";
        let b = blocks(text);
        let p = read(&b, Lang::En);
        assert_eq!(p.date.unwrap().edtf.unwrap().to_string(), "2023-04-04");
        let (block, at) = p.opening.unwrap();
        assert_eq!(
            &b[block].text[at..],
            "Today, the Secretaries met in Washington."
        );
    }

    #[test]
    fn a_date_inside_a_navigation_strip_is_found() {
        let text = "Inicio | Prensa\nSecretaría de Economía | 05/03/2024 | Comunicado\n";
        let d = date_in_lines(text, Lang::Es).unwrap();
        assert_eq!(d.edtf.unwrap().to_string(), "2024-03-05");
    }

    #[test]
    fn bare_dates_are_recognised() {
        for line in [
            "11/07/2019",
            "Tuesday, March 3, 2015",
            "Ciudad de México, 5 de marzo de 2024",
        ] {
            assert!(is_bare_date(line), "{line}");
        }
        assert!(!is_bare_date("The Forum met on March 3, 2015."));
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
