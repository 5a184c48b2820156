//! Spec + record (+ history) -> resolved [`Packet`]. Pure: no clock, no store, no disk.

use super::resolved::*;
use super::spec::{PacketSpec, Section, SpecError};
use crate::model::{localized, roman, Entry, HistoryEvent, Initiative, Origin, Record, Status};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

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
    for wanted in &spec.filters.pillars {
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
    let mut overview = Overview::default();
    let mut left_out: BTreeMap<LeftOut, u32> = BTreeMap::new();
    let mut pillars = Vec::new();
    let mut timeline = Vec::new();

    for pillar in &dialogue.pillars {
        let mut initiatives = Vec::new();
        let mut counts: BTreeMap<Status, u32> = BTreeMap::new();
        for initiative in &pillar.initiatives {
            let mut entries = Vec::new();
            for entry in &initiative.entries {
                if !filter.pillar_selected(pillar.number) {
                    *left_out.entry(LeftOut::Pillar).or_default() += 1;
                    continue;
                }
                if let Some(reason) = filter.refuses(entry, initiative) {
                    *left_out.entry(reason).or_default() += 1;
                    continue;
                }
                if filter.has_range() && entry.date.as_ref().and_then(|d| d.edtf).is_none() {
                    overview.undated_included += 1;
                }
                *counts.entry(entry.status).or_default() += 1;
                let packet_entry = resolve_entry(entry, spec);
                if let Some(date) = entry.date.as_ref().filter(|d| d.edtf.is_some()) {
                    timeline.push(TimelineRow {
                        date: date.clone(),
                        pillar: pillar.number,
                        initiative: localized(
                            &initiative.title,
                            initiative.title_es.as_deref(),
                            lang,
                        )
                        .to_string(),
                        text: packet_entry.text.clone(),
                        status: entry.status,
                        agencies: entry.agencies.clone(),
                    });
                }
                entries.push(packet_entry);
            }
            if entries.is_empty() {
                if filter.pillar_selected(pillar.number) {
                    overview.empty_initiatives += 1;
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
                overview.empty_pillars.push(pillar.number);
            }
            continue;
        }
        let title = localized(&pillar.title, pillar.title_es.as_deref(), lang).to_string();
        let total: u32 = counts.values().sum();
        overview.total_entries += total;
        overview.by_pillar.push(PillarCount {
            number: pillar.number,
            title: title.clone(),
            by_status: Status::ALL
                .iter()
                .map(|s| (*s, counts.get(s).copied().unwrap_or(0)))
                .collect(),
        });
        pillars.push(PacketPillar {
            number: pillar.number,
            title,
            initiatives,
        });
    }
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

fn resolve_entry(entry: &Entry, spec: &PacketSpec) -> PacketEntry {
    PacketEntry {
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
    for entry in pillars
        .iter()
        .flat_map(|p| &p.initiatives)
        .flat_map(|i| &i.entries)
    {
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

/// Lowercase with accents removed, so "Mexico" finds "México".
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The spec's filters, parsed once.
struct Filter {
    pillars: Vec<u32>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    include_undated: bool,
    statuses: Vec<Status>,
    kinds: Vec<crate::model::EntryKind>,
    agencies: Vec<String>,
    words: Vec<String>,
}

impl Filter {
    fn new(spec: &PacketSpec) -> Result<Filter, PacketError> {
        let (from, to) = spec.date_range()?;
        let f = &spec.filters;
        Ok(Filter {
            pillars: f.pillars.clone(),
            from,
            to,
            include_undated: f.include_undated,
            statuses: f.statuses.clone(),
            kinds: f.kinds.clone(),
            agencies: f.agencies.iter().map(|a| fold(a.trim())).collect(),
            words: f
                .query
                .as_deref()
                .map(|q| fold(q).split_whitespace().map(String::from).collect())
                .unwrap_or_default(),
        })
    }

    fn has_range(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    fn pillar_selected(&self, number: u32) -> bool {
        self.pillars.is_empty() || self.pillars.contains(&number)
    }

    /// The first filter that refuses the entry, in [`LeftOut`] order.
    fn refuses(&self, entry: &Entry, initiative: &Initiative) -> Option<LeftOut> {
        if self.has_range() {
            match entry.date.as_ref().and_then(|d| d.edtf) {
                Some(edtf) if !edtf.overlaps(self.from, self.to) => {
                    return Some(LeftOut::DateRange)
                }
                None if !self.include_undated => return Some(LeftOut::Undated),
                _ => {}
            }
        }
        if !self.statuses.is_empty() && !self.statuses.contains(&entry.status) {
            return Some(LeftOut::Status);
        }
        if !self.kinds.is_empty() && !self.kinds.contains(&entry.kind) {
            return Some(LeftOut::Kind);
        }
        if !self.agencies.is_empty()
            && !entry
                .agencies
                .iter()
                .any(|a| self.agencies.contains(&fold(a)))
        {
            return Some(LeftOut::Agency);
        }
        if !self.words.is_empty() {
            let haystack = fold(
                &[
                    entry.text.as_str(),
                    entry.text_es.as_deref().unwrap_or(""),
                    initiative.title.as_str(),
                    initiative.title_es.as_deref().unwrap_or(""),
                    initiative.summary.as_deref().unwrap_or(""),
                    &entry.agencies.join(" "),
                ]
                .join("\n"),
            );
            if !self.words.iter().all(|w| haystack.contains(w.as_str())) {
                return Some(LeftOut::Query);
            }
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
        if self.has_range() && !self.include_undated {
            parts.push("undated entries excluded".into());
        }
        if parts.is_empty() {
            "no filters; the record has no entries".into()
        } else {
            parts.join("; ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn fold_ignores_case_and_accents() {
        assert_eq!(fold("México Cooperación"), "mexico cooperacion");
    }
}
