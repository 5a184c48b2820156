//! Fact sheets and joint statements to record: decoding, structure, dates,
//! agencies and status. Pure: no database, no clock, no network.
//!
//! [`read_text`] turns a file's bytes into text; [`parse_document`] turns text into
//! a [`Record`] holding one dialogue, the agencies its entries name, and one
//! [`Source`] with the full text and its SHA-256. Parsing never fails: what it cannot
//! recognise is kept as plainly as possible and reported in the warnings.

pub mod agencies;
pub mod agencies_known;
pub mod align;
pub mod clean;
pub mod date_values;
pub mod dates;
pub mod decode;
pub mod dialogue;
pub mod docx;
pub mod dropped;
pub mod entities;
pub mod entry;
pub mod error;
pub mod explain;
pub mod html;
pub mod lang;
pub mod lines;
pub mod normalize;
pub mod parties;
pub mod pattern;
pub mod pdf;
pub mod pillars;
pub mod placement;
pub mod preamble;
pub mod read;
pub mod status;
pub mod structure;
pub mod tidy;

pub use agencies::builtin_agencies;
pub use decode::{read_path, read_text, MAX_DOCUMENT_BYTES};
pub use dropped::{dropped_lines, DroppedLine};
pub use error::ImportError;
pub use explain::{Explanation, Made};
pub use normalize::normalize_title;
pub use placement::place_in;
pub use read::{read_limited, ReadError};

use crate::model::{Record, Source, Status};
use sha2::{Digest, Sha256};
use std::collections::HashSet;

/// A parsed document: the record it states and what the parser could not place.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedDocument {
    /// One dialogue, the agencies its entries name, and the document as one source.
    pub record: Record,
    /// Human-readable notes on what could not be placed, naming lines where they
    /// apply ("line 10: the last line seems cut off ..."). They do not repeat the
    /// document's name: the caller shows it.
    pub warnings: Vec<String>,
    /// For the source's headline, date and publisher and for every pillar,
    /// initiative, summary and entry: its lines and the rules that fired.
    pub explanations: Vec<Explanation>,
}

/// Paragraphs after the headline that may tell when the dialogue was (re)launched,
/// in a statement without pillar sections.
const INTRO_PARAGRAPHS: usize = 4;

/// The seed fact sheet, shipped inside the binary.
pub const BUILTIN_SOURCE: &str = include_str!("../../assets/seed/hled-fact-sheet-2021-12-13.txt");
/// The name the built-in fact sheet is imported under.
pub const BUILTIN_NAME: &str = "hled-fact-sheet-2021-12-13.txt";

/// The HLED record a new database starts with: the seed fact sheet parsed by
/// [`parse_document`], with the full built-in agency list (co-chairs included, even
/// those the fact sheet does not name) so a new user can pick from them.
pub fn builtin_record() -> ParsedDocument {
    let mut parsed = parse_document(BUILTIN_SOURCE, BUILTIN_NAME);
    let mut agencies = builtin_agencies();
    for agency in std::mem::take(&mut parsed.record.agencies) {
        if !agencies.iter().any(|a| a.key() == agency.key()) {
            agencies.push(agency);
        }
    }
    parsed.record.agencies = agencies;
    parsed
}

/// Parses a fact sheet, joint statement or press release (plain text or Markdown).
///
/// `source_name` (usually the file name) names the document in warnings and is the
/// source title when the document has none. Line endings are normalised and control
/// characters removed first; the Source keeps that text, and every entry's `source`
/// gives its 1-based lines in it. Page furniture (banners, navigation, contact
/// lines, bare dates) stays in the Source only. Statements outside every pillar are
/// the dialogue's own entries (`Dialogue.entries`, "General"). `record.agencies`
/// holds only the agencies the document's entries name.
pub fn parse_document(text: &str, source_name: &str) -> ParsedDocument {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // A pasted or dropped web page is read by its markup, as a saved .html file is.
    let text = if html::looks_like_html(text) {
        html::to_text(text)
    } else {
        decode::normalize_line_endings(text)
    };
    let text = crate::model::sanitize::strip_controls(&text).into_owned();
    let mut blocks = lines::blocks(&text);
    lines::drop_running_headers(&mut blocks);
    let lang = lang::detect(&text);
    let masthead = preamble::read(&blocks, lang);
    if let Some((block, at)) = masthead.opening {
        // "WASHINGTON, D.C. - April 4, 2023 - Today, ...": the dateline is the
        // document's date; the statement after it is content.
        blocks[block].text = blocks[block].text[at..].to_string();
    }
    let after_title = masthead.used.last().map_or(0, |i| i + 1);
    if let Some(first) = blocks
        .get_mut(after_title)
        .filter(|_| masthead.opening.is_none())
    {
        if let Some(at) = preamble::place_opening(&first.text) {
            first.text = first.text[at..].to_string();
        }
    }
    let outline = pillars::outline(&blocks, after_title);
    let first_pillar = outline.pillars.iter().map(|p| p.block).min();
    let content_start = first_pillar.unwrap_or(after_title);
    let mut warnings = Vec::new();

    // A headline that is page furniture once its contact tail is cut (an office and
    // its phone number) names nothing: the file's name stands in.
    let title = masthead
        .title
        .map(|i| clean::without_contact_tail(&blocks[i].text).to_string())
        .filter(|t| !clean::is_furniture(t));
    let source_title = title.clone().unwrap_or_else(|| source_name.to_string());
    let mut date = masthead.date.clone();
    if date.is_none() {
        date = blocks[..content_start]
            .iter()
            .find_map(|b| preamble::dateline_in(&b.text, lang));
    }
    if date.is_none() {
        date = preamble::date_in_lines(&text, lang);
    }
    if date.is_none() {
        warnings.push(
            "no document date found; relative dates such as \"next year\" are kept without a value"
                .to_string(),
        );
    }

    let mut index = agencies::AgencyIndex::default();
    index.learn(&text);
    let ctx = entry::EntryContext {
        dates: dates::DateContext {
            document: date.as_ref().and_then(preamble::date_value),
            lang,
        },
        agencies: &index,
        source_title: &source_title,
    };
    let mut skip: HashSet<usize> = masthead.used.iter().copied().collect();
    skip.extend(outline.consumed.iter().copied());
    // A date alone on its line ("11/07/2019", "Updated: ...") is page furniture.
    skip.extend(
        blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| preamble::is_bare_date(&b.text))
            .map(|(i, _)| i),
    );
    let footer = tidy::footer(&blocks, &skip);
    let footer_notes: Vec<Explanation> = footer
        .iter()
        .rev()
        .map(|&i| {
            let b = &blocks[i];
            Explanation::new(
                Made::Dropped,
                String::new(),
                &b.text,
                (b.line, b.line_end),
                "page footer: short lines after the last statement".to_string(),
            )
        })
        .collect();
    skip.extend(footer);
    let built = structure::build(&blocks, after_title, &outline, &skip, &ctx);
    let mut explanations = explain::masthead(&blocks, &masthead, &source_title, date.as_ref());
    if outline.pillars.is_empty() && outline.declared_only.is_empty() {
        warnings.push(
            "no pillars recognised; the statements are kept at dialogue level (General)"
                .to_string(),
        );
    }
    warnings.extend(built.warnings);
    explanations.extend(built.explanations);
    explanations.extend(footer_notes);

    // The dialogue's (re)launch is told before the first pillar, or in the first
    // paragraphs of a statement without pillar sections.
    let intro_end = first_pillar
        .unwrap_or(after_title + INTRO_PARAGRAPHS)
        .clamp(blocks.len().min(5), blocks.len());
    let mut general = built.general;
    tidy::date_meetings(&mut general, date.as_ref());
    let parts = dialogue::Parts {
        title: title.as_deref(),
        fallback: source_name,
        pillars: built.pillars,
        entries: general,
    };
    let dialogue = dialogue::build(parts, &blocks, &blocks[..intro_end], &text, &mut warnings);
    let used = tidy::used_agencies(&dialogue, &index);
    let source = Source {
        id: None,
        title: source_title,
        date,
        publisher: masthead
            .publisher
            .or_else(|| preamble::publisher_in_lines(&text)),
        sha256: hex(&Sha256::digest(text.as_bytes())),
        text,
    };
    let mut record = Record {
        dialogues: vec![dialogue],
        agencies: used,
        sources: vec![source],
    };
    tidy::strip_controls(&mut record);
    explain::finish(&mut explanations, &record);
    ParsedDocument {
        record,
        warnings,
        explanations,
    }
}

/// Refuses a parsed text that states no dialogue: no pillars, and no statement of
/// something done or planned (a greeting, a shopping list, data). The CLI and the
/// app call this before importing, so both refuse with the same message ("...: no
/// dialogue structure found: ..."), unless the user asks to keep the text as notes.
pub fn require_structure(parsed: &ParsedDocument, name: &str) -> Result<(), ImportError> {
    let Some(dialogue) = parsed.record.dialogues.first() else {
        return Err(ImportError::NoStructure {
            name: name.to_string(),
            reason: "the text holds no dialogue".into(),
        });
    };
    let has_pillars = !dialogue.pillars.is_empty();
    let states_action = dialogue
        .entries
        .iter()
        .chain(
            dialogue
                .pillars
                .iter()
                .flat_map(|p| &p.initiatives)
                .flat_map(|i| &i.entries),
        )
        .any(|e| e.status != Status::Unknown);
    if has_pillars || states_action {
        return Ok(());
    }
    Err(ImportError::NoStructure {
        name: name.to_string(),
        reason: "no pillars and no statement of something done or planned (signed, held, will, intend to ...)".into(),
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
