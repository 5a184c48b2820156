//! Which entries a spec keeps: the spec's filters applied with `model::filter`'s rules,
//! gathering the overview counts and timeline rows on the way.

use super::{resolve_entry, PacketError};
use crate::model::filter::{has_all_words, DateRange, DateVerdict, Filters};
use crate::model::{localized, normalize_key, roman, Entry, Initiative, Status};
use crate::packet::resolved::*;
use crate::packet::spec::{PacketSpec, SpecError};
use std::collections::BTreeMap;

/// The title of the dialogue-level entries' pillar, in both languages.
pub(super) const GENERAL_TITLE: &str = "General";

/// What the filters keep, with the counts and timeline rows gathered on the way.
pub(super) struct Selection<'a> {
    pub spec: &'a PacketSpec,
    pub filter: &'a Filter,
    pub overview: Overview,
    pub left_out: BTreeMap<LeftOut, u32>,
    pub timeline: Vec<TimelineRow>,
}

impl Selection<'_> {
    /// The entry as printed when the filters keep it; `initiative` is `None` for a
    /// dialogue-level entry.
    pub fn keep(
        &mut self,
        entry: &Entry,
        initiative: Option<&Initiative>,
        pillar: u32,
        counts: &mut BTreeMap<Status, u32>,
    ) -> Option<PacketEntry> {
        if !self.filter.pillar_selected(pillar) {
            *self.left_out.entry(LeftOut::Pillar).or_default() += 1;
            return None;
        }
        if let Some(reason) = self.filter.refuses(entry, initiative) {
            *self.left_out.entry(reason).or_default() += 1;
            return None;
        }
        if self.filter.range.is_set() && entry.date.as_ref().and_then(|d| d.edtf).is_none() {
            self.overview.undated_included += 1;
        }
        *counts.entry(entry.status).or_default() += 1;
        let packet_entry = resolve_entry(entry, self.spec);
        if let Some(date) = entry.date.as_ref().filter(|d| d.edtf.is_some()) {
            let lang = self.spec.lang;
            self.timeline.push(TimelineRow {
                date: date.clone(),
                pillar,
                initiative: match initiative {
                    Some(i) => localized(&i.title, i.title_es.as_deref(), lang).to_string(),
                    None => GENERAL_TITLE.to_string(),
                },
                text: packet_entry.text.clone(),
                status: entry.status,
                agencies: entry.agencies.clone(),
            });
        }
        Some(packet_entry)
    }

    pub fn count_pillar(&mut self, number: u32, title: &str, counts: &BTreeMap<Status, u32>) {
        self.overview.total_entries += counts.values().sum::<u32>();
        self.overview.by_pillar.push(PillarCount {
            number,
            title: title.to_string(),
            by_status: Status::ALL
                .iter()
                .map(|s| (*s, counts.get(s).copied().unwrap_or(0)))
                .collect(),
        });
    }
}

/// The spec's filters, parsed once; the rules themselves are `model::filter`'s.
pub(super) struct Filter {
    filters: Filters,
    pub range: DateRange,
    agencies: Vec<String>,
    words: Vec<String>,
}

impl Filter {
    pub fn new(spec: &PacketSpec) -> Result<Filter, PacketError> {
        spec.date_range()?;
        let f = &spec.filters;
        Ok(Filter {
            range: f
                .date_range()
                .map_err(|e| PacketError::Spec(date_error(e)))?,
            agencies: f.folded_agencies(),
            words: f.words(),
            filters: f.clone(),
        })
    }

    pub fn pillar_selected(&self, number: u32) -> bool {
        self.filters.selects_pillar(number)
    }

    /// The first filter that refuses the entry, in [`LeftOut`] order.
    pub fn refuses(&self, entry: &Entry, initiative: Option<&Initiative>) -> Option<LeftOut> {
        match self
            .range
            .judge(entry.date.as_ref().and_then(|d| d.edtf.as_ref()))
        {
            DateVerdict::Kept => {}
            DateVerdict::OutOfRange => return Some(LeftOut::DateRange),
            DateVerdict::Undated => return Some(LeftOut::Undated),
        }
        let f = &self.filters;
        if !f.statuses.is_empty() && !f.statuses.contains(&entry.status) {
            return Some(LeftOut::Status);
        }
        if !f.kinds.is_empty() && !f.kinds.contains(&entry.kind) {
            return Some(LeftOut::Kind);
        }
        if !self.agencies.is_empty()
            && !entry
                .agencies
                .iter()
                .any(|a| self.agencies.contains(&normalize_key(a)))
        {
            return Some(LeftOut::Agency);
        }
        let agencies = entry.agencies.join(" ");
        let parts = [
            entry.text.as_str(),
            entry.text_es.as_deref().unwrap_or(""),
            initiative.map_or("", |i| i.title.as_str()),
            initiative.and_then(|i| i.title_es.as_deref()).unwrap_or(""),
            initiative.and_then(|i| i.summary.as_deref()).unwrap_or(""),
            &agencies,
        ];
        if !has_all_words(&self.words, &parts) {
            return Some(LeftOut::Query);
        }
        None
    }

    pub fn describe(&self, spec: &PacketSpec) -> String {
        let f = &spec.filters;
        let mut parts = Vec::new();
        if !f.pillars.is_empty() {
            let names: Vec<String> = f.pillars.iter().map(|p| roman(*p)).collect();
            parts.push(format!("pillars {}", names.join(", ")));
        }
        if let Some(from) = &f.from {
            parts.push(format!("from {from}"));
        }
        if let Some(to) = &f.to {
            parts.push(format!("to {to}"));
        }
        if !f.statuses.is_empty() {
            let s: Vec<&str> = f.statuses.iter().map(|s| s.as_str()).collect();
            parts.push(format!("status {}", s.join(", ")));
        }
        if !f.kinds.is_empty() {
            let s: Vec<&str> = f.kinds.iter().map(|s| s.as_str()).collect();
            parts.push(format!("kind {}", s.join(", ")));
        }
        if !f.agencies.is_empty() {
            parts.push(format!("agency {}", f.agencies.join(", ")));
        }
        if let Some(q) = &f.query {
            parts.push(format!("query '{q}'"));
        }
        if self.range.is_set() && !self.range.include_undated {
            parts.push("undated entries excluded".into());
        }
        if parts.is_empty() {
            "no filters; the record has no entries".into()
        } else {
            parts.join("; ")
        }
    }
}

fn date_error(e: crate::model::FilterError) -> SpecError {
    match e {
        crate::model::FilterError::Date { field, value, .. } => SpecError::Value {
            field: format!("filters.{field}"),
            value,
            expected: "a date as YYYY, YYYY-MM or YYYY-MM-DD".into(),
        },
        crate::model::FilterError::Reversed { from, to } => SpecError::ReversedRange { from, to },
    }
}
