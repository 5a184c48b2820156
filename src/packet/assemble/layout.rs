//! How an initiative's entries are laid out: sub-items nested under their lead-in, and
//! one source note when every entry comes from the same source.
//!
//! Sub-item rule (decided from the record's structure, not from wording alone): an entry
//! whose text ends with ":" is a lead-in ("The Working Group specifically intends to:");
//! the entries right after it are its items while each starts with a lower-case letter
//! and, when both carry a source reference, comes from the same source on the line
//! directly after the previous one or after one blank line (the importer records every
//! list item's line; the fact sheet splits one list with a blank line). The
//! first entry that breaks the rule ends the nested list. An item whose lead-in the
//! filters left out prints as an ordinary entry.

use crate::model::Entry;
use crate::packet::resolved::{PacketEntry, SourceSpan};

/// 1 for the items of a lead-in, 0 for every other entry, in `entries`' order.
pub(super) fn sub_item_depths(entries: &[Entry]) -> Vec<u8> {
    let mut depths = vec![0u8; entries.len()];
    let mut in_list = false;
    for i in 0..entries.len() {
        let entry = &entries[i];
        if i > 0 && in_list && continues(&entries[i - 1], entry) {
            depths[i] = 1;
            continue;
        }
        in_list = is_lead_in(entry);
    }
    depths
}

fn is_lead_in(entry: &Entry) -> bool {
    entry.text.trim_end().ends_with(':')
}

/// Whether `next` continues the nested list that `previous` (the lead-in or an item)
/// belongs to.
fn continues(previous: &Entry, next: &Entry) -> bool {
    let lower = next
        .text
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    let adjacent = match (&previous.source, &next.source) {
        (Some(a), Some(b)) => {
            let end = a.line_end.unwrap_or(a.line);
            a.title == b.title && b.line > end && b.line <= end + 2
        }
        _ => true,
    };
    lower && adjacent
}

/// Items whose lead-in was not kept print at the top level.
pub(super) fn lift_orphans(mut kept: Vec<PacketEntry>) -> Vec<PacketEntry> {
    for i in 0..kept.len() {
        if kept[i].depth > 0 {
            let parent_kept = i > 0
                && (kept[i - 1].depth > 0
                    || kept[i - 1].text.trim_end().ends_with(':')
                    || kept[i - 1].text.trim_end().ends_with('：'));
            if !parent_kept {
                kept[i].depth = 0;
            }
        }
    }
    kept
}

/// The source and line span all `entries` share, when every one has the same source.
pub(super) fn shared_source(entries: &[PacketEntry]) -> Option<SourceSpan> {
    let first = entries.first()?.source.as_ref()?;
    let mut span = SourceSpan {
        title: first.title.clone(),
        first_line: first.line,
        last_line: first.line_end.unwrap_or(first.line),
    };
    for entry in entries {
        let source = entry.source.as_ref()?;
        if source.title != span.title {
            return None;
        }
        span.first_line = span.first_line.min(source.line);
        span.last_line = span.last_line.max(source.line_end.unwrap_or(source.line));
    }
    Some(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntryKind, SourceRef, Status};

    fn entry(text: &str, line: u32) -> Entry {
        Entry {
            id: None,
            kind: EntryKind::Commitment,
            text: text.into(),
            text_es: None,
            status: Status::Planned,
            status_phrase: None,
            date: None,
            other_dates: Vec::new(),
            agencies: Vec::new(),
            source: Some(SourceRef {
                title: "Fact sheet".into(),
                line,
                line_end: None,
            }),
            notes: Vec::new(),
        }
    }

    #[test]
    fn items_after_a_lead_in_nest_until_the_structure_breaks() {
        let entries = [
            entry("The Working Group specifically intends to:", 16),
            entry("identify two areas of cooperation;", 17),
            entry("establish steps; and", 18),
            entry("conduct outreach.", 19),
            entry("The United States and Mexico intend to meet monthly.", 20),
            entry("lower case but not after a lead-in", 21),
        ];
        assert_eq!(sub_item_depths(&entries), vec![0, 1, 1, 1, 0, 0]);
    }

    #[test]
    fn a_gap_in_the_source_lines_ends_the_nested_list() {
        let entries = [
            entry("We intend to:", 10),
            entry("do one thing;", 11),
            entry("do another, far below.", 30),
        ];
        assert_eq!(sub_item_depths(&entries), vec![0, 1, 0]);
    }

    #[test]
    fn one_source_span_when_all_entries_share_the_source() {
        let kept = |e: &Entry| PacketEntry {
            id: None,
            kind: e.kind,
            text: e.text.clone(),
            text_fallback: false,
            depth: 0,
            status: e.status,
            date: None,
            agencies: Vec::new(),
            source: e.source.clone(),
            notes: Vec::new(),
        };
        let mut entries: Vec<PacketEntry> =
            [entry("a", 16), entry("b", 19)].iter().map(kept).collect();
        let span = shared_source(&entries).unwrap();
        assert_eq!((span.first_line, span.last_line), (16, 19));
        entries[1].source.as_mut().unwrap().title = "Other".into();
        assert_eq!(shared_source(&entries), None);
        // An orphaned item (its lead-in filtered out) prints at the top level.
        entries[1].depth = 1;
        entries[0].depth = 0;
        let lifted = lift_orphans(entries);
        assert_eq!(lifted[1].depth, 0);
    }
}
