//! One entry from one block of text: status and kind from the wording, dates,
//! agencies, and where in the source it came from.

use super::agencies::AgencyIndex;
use super::dates::{find_dates, split_main_for, DateContext};
use super::status::detect;
use crate::model::{Entry, EntryKind, SourceRef, Status};

/// What every entry of a document shares.
pub struct EntryContext<'a> {
    pub dates: DateContext,
    pub agencies: &'a AgencyIndex,
    pub source_title: &'a str,
}

/// Builds an entry. A nested item ("- identify two areas ...") that states no action
/// of its own takes its parent's status, phrase and kind ("The Working Group intends
/// to:"), and its parent's agencies when it names none; dates are never inherited.
pub fn build_entry(
    text: &str,
    lines: (u32, u32),
    parent: Option<&Entry>,
    ctx: &EntryContext,
) -> Entry {
    let action = detect(text);
    let (status, kind, phrase, at) = match (&action, parent) {
        (Some(a), _) => (a.status, a.kind, Some(a.phrase.clone()), Some(a.at)),
        (None, Some(p)) => (p.status, p.kind, p.status_phrase.clone(), None),
        (None, None) => (Status::Unknown, EntryKind::Activity, None, None),
    };
    let done = status == Status::Done;
    let (date, other_dates) = split_main_for(text, find_dates(text, &ctx.dates), at, done);
    let mut agencies = ctx.agencies.find(text);
    if agencies.is_empty() {
        if let Some(p) = parent {
            agencies = p.agencies.clone();
        }
    }
    Entry {
        id: None,
        kind,
        text: text.to_string(),
        text_es: None,
        status,
        status_phrase: phrase,
        date,
        other_dates,
        agencies,
        source: Some(SourceRef {
            title: ctx.source_title.to_string(),
            line: lines.0,
            line_end: (lines.1 > lines.0).then_some(lines.1),
        }),
        notes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EdtfDate, Lang};

    fn ctx(index: &AgencyIndex) -> EntryContext<'_> {
        EntryContext {
            dates: DateContext {
                document: Some(EdtfDate::day(2021, 12, 13).unwrap()),
                lang: Lang::En,
            },
            agencies: index,
            source_title: "Fact Sheet",
        }
    }

    #[test]
    fn an_entry_carries_status_date_agencies_and_lines() {
        let index = AgencyIndex::default();
        let e = build_entry(
            "USAID and the Mexican Agency for International Development Cooperation (AMEXCID) signed a MOU in June 2021 and have developed an action plan to be completed over the coming year.",
            (50, 50),
            None,
            &ctx(&index),
        );
        assert_eq!((e.status, e.kind), (Status::Done, EntryKind::Milestone));
        assert_eq!(e.status_phrase.as_deref(), Some("signed"));
        assert_eq!(e.date.unwrap().edtf.unwrap().to_string(), "2021-06");
        assert_eq!(
            e.other_dates[0].edtf.unwrap().to_string(),
            "2021-12-13/2022-12~"
        );
        assert_eq!(e.agencies, vec!["USAID", "AMEXCID"]);
        let source = e.source.unwrap();
        assert_eq!(
            (source.title.as_str(), source.line, source.line_end),
            ("Fact Sheet", 50, None)
        );
    }

    #[test]
    fn a_nested_item_without_its_own_action_inherits_its_parent() {
        let index = AgencyIndex::default();
        let parent = build_entry("USAID intends to:", (16, 16), None, &ctx(&index));
        let child = build_entry(
            "identify two areas of cooperation;",
            (17, 17),
            Some(&parent),
            &ctx(&index),
        );
        assert_eq!(
            (child.status, child.kind),
            (Status::Planned, EntryKind::Commitment)
        );
        assert_eq!(child.status_phrase.as_deref(), Some("intends to"));
        assert_eq!(child.agencies, vec!["USAID"]);
        let own = build_entry(
            "explore ways to support centers;",
            (18, 19),
            Some(&parent),
            &ctx(&index),
        );
        assert_eq!(own.status_phrase.as_deref(), Some("explore"));
        assert_eq!(own.source.unwrap().line_end, Some(19));
    }

    #[test]
    fn text_without_an_action_has_unknown_status() {
        let index = AgencyIndex::default();
        let e = build_entry("Budget: 5 million pesos", (3, 3), None, &ctx(&index));
        assert_eq!((e.status, e.status_phrase), (Status::Unknown, None));
    }
}
