//! Spec + record (+ history) -> resolved [`Packet`]. Pure: no clock, no store, no disk.

use super::resolved::*;
use super::spec::{PacketSpec, Section, SpecError};
use crate::model::filter::{has_all_words, DateRange, DateVerdict, Filters, GENERAL_PILLAR};
use crate::model::{
    localized, normalize_key, roman, Entry, HistoryEvent, Initiative, Origin, Record, Status,
};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Why a packet could not be assembled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PacketError {
    #[error(transparent)]
    Spec(#[from] SpecError),
    #[error("the record has no dialogue to make a packet from")]
    NoDialogue,
    #[error("filters.pillars: there is no pillar {wanted}; the record has pillars {existing}")]
    UnknownPillar { wanted: String, existing: String },
    #[error(
        "nothing to print: no entry matches the filters ({filters}); widen them and try again"
    )]
    EmptySelection { filters: String },
}

/// Resolves `spec` against `record`. Entries keep their source order; initiatives and
/// pillars that the filters leave empty are dropped and counted in the overview.
pub fn assemble(
    spec: &PacketSpec,
    record: &Record,
    history: &[HistoryEvent],
) -> Result<Packet, PacketError> {
    spec.validate()?;
    let dialogue = record.dialogues.first().ok_or(PacketError::NoDialogue)?;
    for wanted in spec
        .filters
        .pillars
        .iter()
        .filter(|p| **p != GENERAL_PILLAR)
    {
        if !dialogue.pillars.iter().any(|p| p.number == *wanted) {
            let existing: Vec<String> = dialogue
                .pillars
                .iter()
                .map(|p| format!("{} ({})", roman(p.number), p.number))
                .collect();
            return Err(PacketError::UnknownPillar {
                wanted: format!("{} ({wanted})", roman(*wanted)),
                existing: existing.join(", "),
            });
        }
    }
    let lang = spec.lang;
    let filter = Filter::new(spec)?;
    let mut run = Selection {
        spec,
        filter: &filter,
        overview: Overview::default(),
        left_out: BTreeMap::new(),
        timeline: Vec::new(),
    };
    let mut pillars = Vec::new();

    // Dialogue-level entries come first, as pillar 0 ("General").
    if !dialogue.entries.is_empty() {
        let mut counts = BTreeMap::new();
        let entries: Vec<PacketEntry> = dialogue
            .entries
            .iter()
            .filter_map(|e| run.keep(e, None, GENERAL_PILLAR, &mut counts))
            .collect();
        if !entries.is_empty() {
            run.count_pillar(GENERAL_PILLAR, GENERAL_TITLE, &counts);
            pillars.push(PacketPillar {
                number: GENERAL_PILLAR,
                // "General" is the same word in Spanish.
                title: GENERAL_TITLE.into(),
                initiatives: Vec::new(),
                entries,
            });
        }
    }

    for pillar in &dialogue.pillars {
        let mut initiatives = Vec::new();
        let mut counts: BTreeMap<Status, u32> = BTreeMap::new();
        for initiative in &pillar.initiatives {
            let entries: Vec<PacketEntry> = initiative
                .entries
                .iter()
                .filter_map(|e| run.keep(e, Some(initiative), pillar.number, &mut counts))
                .collect();
            if entries.is_empty() {
                if filter.pillar_selected(pillar.number) {
                    run.overview.empty_initiatives += 1;
                }
                continue;
            }
            initiatives.push(PacketInitiative {
                title: localized(&initiative.title, initiative.title_es.as_deref(), lang).into(),
                summary: initiative
                    .summary
                    .as_deref()
                    .map(|s| localized(s, initiative.summary_es.as_deref(), lang).to_string()),
                entries,
                notes: resolve_notes(&initiative.notes, spec),
            });
        }
        if initiatives.is_empty() {
            if filter.pillar_selected(pillar.number) {
                run.overview.empty_pillars.push(pillar.number);
            }
            continue;
        }
        let title = localized(&pillar.title, pillar.title_es.as_deref(), lang).to_string();
        run.count_pillar(pillar.number, &title, &counts);
        pillars.push(PacketPillar {
            number: pillar.number,
            title,
            initiatives,
            entries: Vec::new(),
        });
    }
    let Selection {
        mut overview,
        left_out,
        mut timeline,
        ..
    } = run;
    if pillars.is_empty() {
        return Err(PacketError::EmptySelection {
            filters: filter.describe(spec),
        });
    }
    overview.left_out = left_out.into_iter().collect();
    // Stable sort: equal dates keep source order.
    timeline.sort_by_key(|row| row.date.edtf);

    let changes = spec
        .changes_since_date()?
        .map(|since| changes_since(since, history, &spec.filters.pillars));
    let sources = cited_sources(record, &pillars);
    let sections = spec
        .sections
        .iter()
        .copied()
        .filter(|s| match s {
            Section::ChangesSince => changes.is_some(),
            Section::Timeline => !timeline.is_empty(),
            Section::Sources => !sources.is_empty(),
            _ => true,
        })
        .collect();
    Ok(Packet {
        title: spec.title.clone(),
        dialogue: localized(&dialogue.name, dialogue.name_es.as_deref(), lang).into(),
        dialogue_short: dialogue.short_name.clone(),
        meeting: spec.meeting.clone(),
        prepared_for: spec.prepared_for.clone(),
        prepared_by: spec.prepared_by.clone(),
        prepared_on: spec.prepared_on_date()?,
        marking: spec.marking.clone().filter(|m| !m.trim().is_empty()),
        lang,
        page: spec.page,
        sections,
        options: spec.options.clone(),
        pillars,
        overview,
        timeline,
        changes,
        sources,
    })
}

/// The title of the dialogue-level entries' pillar, in both languages.
const GENERAL_TITLE: &str = "General";

/// What the filters keep, with the counts and timeline rows gathered on the way.
struct Selection<'a> {
    spec: &'a PacketSpec,
    filter: &'a Filter,
    overview: Overview,
    left_out: BTreeMap<LeftOut, u32>,
    timeline: Vec<TimelineRow>,
}

impl Selection<'_> {
    /// The entry as printed when the filters keep it; `initiative` is `None` for a
    /// dialogue-level entry.
    fn keep(
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

    fn count_pillar(&mut self, number: u32, title: &str, counts: &BTreeMap<Status, u32>) {
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

fn resolve_entry(entry: &Entry, spec: &PacketSpec) -> PacketEntry {
    PacketEntry {
        id: entry.id,
        kind: entry.kind,
        text: localized(&entry.text, entry.text_es.as_deref(), spec.lang).into(),
        status: entry.status,
        date: entry.date.clone(),
        agencies: entry.agencies.clone(),
        source: entry
            .source
            .clone()
            .filter(|_| spec.options.include_source_refs),
        notes: resolve_notes(&entry.notes, spec),
    }
}

fn resolve_notes(notes: &[crate::model::Note], spec: &PacketSpec) -> Vec<PacketNote> {
    if !spec.options.include_notes {
        return Vec::new();
    }
    notes
        .iter()
        .map(|n| PacketNote {
            kind: n.kind,
            text: localized(&n.text, n.text_es.as_deref(), spec.lang).into(),
        })
        .collect()
}

fn changes_since(since: NaiveDate, history: &[HistoryEvent], pillars: &[u32]) -> Changes {
    let since_text = since.format("%Y-%m-%d").to_string();
    let mut rows: Vec<(&HistoryEvent, ChangeRow)> = history
        .iter()
        // RFC 3339 UTC timestamps compare as text; the day prefix is enough for "on or after".
        .filter(|e| e.at.get(..10).unwrap_or(&e.at) >= since_text.as_str())
        .filter(|e| pillars.is_empty() || e.pillar.is_none_or(|p| pillars.contains(&p)))
        .map(|e| {
            let row = ChangeRow {
                on: e.at.get(..10).unwrap_or(&e.at).to_string(),
                context: e.context.clone(),
                field: e.field.clone(),
                old_value: e.old_value.clone(),
                new_value: e.new_value.clone(),
                origin: match &e.origin {
                    Origin::User => "user".into(),
                    Origin::Import { title, .. } => title.clone(),
                },
            };
            (e, row)
        })
        .collect();
    rows.sort_by(|a, b| a.0.at.cmp(&b.0.at).then(a.0.id.cmp(&b.0.id)));
    Changes {
        since,
        rows: rows.into_iter().map(|(_, r)| r).collect(),
    }
}

fn cited_sources(record: &Record, pillars: &[PacketPillar]) -> Vec<SourceRow> {
    let mut cited: BTreeMap<&str, u32> = BTreeMap::new();
    for entry in pillars.iter().flat_map(|p| {
        p.entries
            .iter()
            .chain(p.initiatives.iter().flat_map(|i| &i.entries))
    }) {
        if let Some(source) = &entry.source {
            *cited.entry(source.title.as_str()).or_default() += 1;
        }
    }
    record
        .sources
        .iter()
        .map(|s| SourceRow {
            title: s.title.clone(),
            date: s.date.as_ref().map(|d| d.text.clone()),
            publisher: s.publisher.clone(),
            sha256: s.sha256.clone(),
            entries_cited: cited.get(s.title.as_str()).copied().unwrap_or(0),
        })
        .collect()
}

/// The spec's filters, parsed once; the rules themselves are `model::filter`'s.
struct Filter {
    filters: Filters,
    range: DateRange,
    agencies: Vec<String>,
    words: Vec<String>,
}

impl Filter {
    fn new(spec: &PacketSpec) -> Result<Filter, PacketError> {
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

    fn pillar_selected(&self, number: u32) -> bool {
        self.filters.selects_pillar(number)
    }

    /// The first filter that refuses the entry, in [`LeftOut`] order.
    fn refuses(&self, entry: &Entry, initiative: Option<&Initiative>) -> Option<LeftOut> {
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

    fn describe(&self, spec: &PacketSpec) -> String {
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
