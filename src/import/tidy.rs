//! The last pass over a parsed record: dialogue-level meetings dated by the
//! dateline, the agencies the record names, and control characters out of every
//! text the importer produces.

use super::agencies::{builtin_agencies, recognised_agencies, AgencyIndex};
use super::lines::{ends_sentence, Block, BlockKind};
use crate::model::sanitize;
use crate::model::{Agency, Dialogue, Entry, EntryDate, EntryKind, Record, Status};
use std::collections::HashSet;

/// A statement that the dialogue met ("Today, the Secretaries met for the ...
/// Dialogue") is dated by the document's dateline when it states no date itself:
/// a joint statement is issued the day of the meeting it reports.
pub fn date_meetings(entries: &mut [Entry], document: Option<&EntryDate>) {
    let Some(document) = document else { return };
    for e in entries {
        if e.kind == EntryKind::Meeting && e.status == Status::Done && e.date.is_none() {
            e.date = Some(document.clone());
        }
    }
}

/// Most words a page footer line has ("Global Affairs Canada", "Follow Treasury on
/// Twitter").
const FOOTER_WORDS: usize = 8;

/// The page footer: the run of short lines at the end of a document that are no
/// sentence, state nothing done or planned and follow its last statement (an
/// office's name under "Contacts", "Follow ... on Twitter", site links). Left out
/// like other furniture.
pub fn footer(blocks: &[Block], skip: &HashSet<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate().rev() {
        if skip.contains(&i) {
            continue;
        }
        let short = b.text.split_whitespace().count() <= FOOTER_WORDS;
        let footer_like = b.kind == BlockKind::Text
            && !b.joined
            && short
            && !ends_sentence(&b.text)
            && super::status::detect(&b.text).is_none();
        if !footer_like {
            // Only a footer after a statement: a document of short lines is content.
            return if ends_sentence(&b.text) {
                out
            } else {
                Vec::new()
            };
        }
        out.push(i);
    }
    Vec::new()
}

/// The agencies the dialogue's entries name (pillar and dialogue level), in the
/// order of the built-in list, then those recognised beyond it, then those the
/// document introduced.
pub fn used_agencies(dialogue: &Dialogue, index: &AgencyIndex) -> Vec<Agency> {
    let keys: HashSet<&str> = dialogue
        .pillars
        .iter()
        .flat_map(|p| &p.initiatives)
        .flat_map(|i| &i.entries)
        .chain(&dialogue.entries)
        .flat_map(|e| e.agencies.iter().map(String::as_str))
        .collect();
    builtin_agencies()
        .into_iter()
        .chain(recognised_agencies())
        .chain(index.discovered.iter().cloned())
        .filter(|a| keys.contains(a.key()))
        .collect()
}

fn clean(text: &mut String) {
    if let std::borrow::Cow::Owned(clean) = sanitize::strip_controls(text) {
        *text = clean;
    }
}

fn clean_opt(text: &mut Option<String>) {
    if let Some(t) = text {
        clean(t);
    }
}

fn clean_date(date: &mut Option<EntryDate>) {
    if let Some(d) = date {
        clean(&mut d.text);
    }
}

fn clean_entry(e: &mut Entry) {
    clean(&mut e.text);
    clean_opt(&mut e.text_es);
    clean_opt(&mut e.status_phrase);
    clean_date(&mut e.date);
    e.other_dates.iter_mut().for_each(|d| clean(&mut d.text));
    e.agencies.iter_mut().for_each(clean);
    if let Some(s) = &mut e.source {
        clean(&mut s.title);
    }
}

/// Removes control characters (C0 and C1, but tab and newline) from every text of
/// the record: names, titles, entries, dates' phrases, agencies and the source.
pub fn strip_controls(record: &mut Record) {
    for d in &mut record.dialogues {
        clean(&mut d.name);
        clean_opt(&mut d.name_es);
        clean(&mut d.short_name);
        d.parties.iter_mut().for_each(clean);
        clean_date(&mut d.launched);
        d.entries.iter_mut().for_each(clean_entry);
        for p in &mut d.pillars {
            clean(&mut p.title);
            clean_opt(&mut p.title_es);
            for i in &mut p.initiatives {
                clean(&mut i.title);
                clean_opt(&mut i.title_es);
                clean_opt(&mut i.summary);
                clean_opt(&mut i.summary_es);
                i.entries.iter_mut().for_each(clean_entry);
            }
        }
    }
    for a in &mut record.agencies {
        clean(&mut a.name);
        clean_opt(&mut a.name_es);
        clean_opt(&mut a.acronym);
    }
    for s in &mut record.sources {
        clean(&mut s.title);
        clean_opt(&mut s.publisher);
        clean(&mut s.text);
        clean_date(&mut s.date);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_short_lines_after_the_last_statement_are_a_footer() {
        let b = crate::import::lines::blocks("Joint Statement\n\nThe ministers met in Ottawa and signed an agreement.\n\nGlobal Affairs Canada\n\nFollow us on social media\n");
        let footer = footer(&b, &HashSet::new());
        let texts: Vec<&str> = footer.iter().map(|&i| b[i].text.as_str()).collect();
        assert_eq!(
            texts,
            ["Follow us on social media", "Global Affairs Canada"]
        );
        // A document of short lines only has no footer: they are its content.
        let b = crate::import::lines::blocks("Trade\n\nEnergy\n");
        assert!(footer_of(&b).is_empty());
    }

    fn footer_of(b: &[crate::import::lines::Block]) -> Vec<usize> {
        footer(b, &HashSet::new())
    }

    #[test]
    fn no_text_of_a_parsed_record_keeps_a_control_character() {
        let doc = "Joint Statement on the Border\u{7} Dialogue\n\nJuly 1, 2022\n\n- The United States and Mexico signed\u{1b} a MOU\u{85} in June 2022.\n";
        let parsed = super::super::parse_document(doc, "bell\u{7}.txt");
        let json = serde_json::to_string(&parsed.record).unwrap();
        for c in ["\\u0007", "\\u001b", "\u{85}"] {
            assert!(!json.contains(c), "{c:?} in {json}");
        }
        let text = &parsed.record.dialogues[0].entries[0].text;
        assert!(text.contains("signed a MOU in June 2022"), "{text}");
    }
}
