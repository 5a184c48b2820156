//! Spec + record (+ history) -> resolved [`Packet`]. Pure: no clock, no store, no disk.

mod select;

use super::resolved::*;
use super::spec::{PacketSpec, Section, SpecError};
use crate::model::filter::GENERAL_PILLAR;
use crate::model::{localized, roman, Entry, HistoryEvent, Origin, Record, Status};
use chrono::NaiveDate;
use select::{Filter, Selection, GENERAL_TITLE};
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
