//! Spec + record (+ history) -> resolved [`Packet`]. Pure: no clock, no store, no disk.

mod book;
mod changes;
mod layout;
mod pick;
mod select;

use super::resolved::*;
use super::spec::{default_title, PacketSpec, Section, SpecError};
use crate::model::filter::GENERAL_PILLAR;
use crate::model::{roman, Entry, HistoryEvent, Lang, NoteKind, Record, Status};
use select::{Filter, Selection, GENERAL_TITLE};
use std::collections::BTreeMap;

/// Why a packet could not be assembled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PacketError {
    #[error(transparent)]
    Spec(#[from] SpecError),
    #[error("the record has no dialogue to make a packet from")]
    NoDialogue,
    #[error("the record holds several dialogues; name one: {existing}")]
    SeveralDialogues { existing: String },
    #[error("there is no dialogue '{wanted}'; the record holds {existing}")]
    UnknownDialogue { wanted: String, existing: String },
    #[error("there is no meeting '{wanted}' in {dialogue}: {existing}")]
    UnknownMeeting {
        wanted: String,
        dialogue: String,
        existing: String,
    },
    #[error("meeting '{wanted}' matches several meetings: {matches}; name it by id")]
    AmbiguousMeeting { wanted: String, matches: String },
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
    let dialogue = pick::dialogue(record, spec.dialogue.as_deref())?;
    let meeting = match spec.meeting.as_deref() {
        Some(wanted) => Some(pick::meeting(dialogue, wanted)?),
        None => None,
    };
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
        let entries = keep_all(
            &mut run,
            &dialogue.entries,
            None,
            GENERAL_PILLAR,
            &mut counts,
        );
        if !entries.is_empty() {
            run.count_pillar(GENERAL_PILLAR, GENERAL_TITLE, &counts);
            pillars.push(PacketPillar {
                number: GENERAL_PILLAR,
                // "General" is the same word in Spanish.
                title: GENERAL_TITLE.into(),
                title_fallback: false,
                initiatives: Vec::new(),
                entries,
            });
        }
    }

    for pillar in &dialogue.pillars {
        let mut initiatives = Vec::new();
        let mut counts: BTreeMap<Status, u32> = BTreeMap::new();
        for initiative in &pillar.initiatives {
            let entries = keep_all(
                &mut run,
                &initiative.entries,
                Some(initiative),
                pillar.number,
                &mut counts,
            );
            if entries.is_empty() {
                if filter.pillar_selected(pillar.number) {
                    run.overview.empty_initiatives += 1;
                }
                continue;
            }
            let title = text(&initiative.title, initiative.title_es.as_deref(), lang);
            let summary = initiative
                .summary
                .as_deref()
                .map(|s| text(s, initiative.summary_es.as_deref(), lang));
            initiatives.push(PacketInitiative {
                title: title.text,
                title_fallback: title.fallback,
                summary_fallback: summary.as_ref().is_some_and(|s| s.fallback),
                summary: summary.map(|s| s.text),
                shared_source: layout::shared_source(&entries),
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
        let title = text(&pillar.title, pillar.title_es.as_deref(), lang);
        run.count_pillar(pillar.number, &title.text, &counts);
        pillars.push(PacketPillar {
            number: pillar.number,
            title: title.text,
            title_fallback: title.fallback,
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

    let mut book = meeting.map(|m| book::book(m, spec));
    if let Some(book) = &mut book {
        // In a meeting's book, press notes are press lines, not part of an issue paper.
        for entry in pillars.iter_mut().flat_map(|p| {
            p.entries
                .iter_mut()
                .chain(p.initiatives.iter_mut().flat_map(|i| i.entries.iter_mut()))
        }) {
            take_press(&mut entry.notes, &mut book.press);
        }
        for initiative in pillars.iter_mut().flat_map(|p| p.initiatives.iter_mut()) {
            take_press(&mut initiative.notes, &mut book.press);
        }
    }
    let printed: Vec<changes::Printed> = all_entries(&pillars)
        .filter_map(|e| {
            e.id.map(|id| changes::Printed {
                id,
                kind: e.kind,
                text: &e.text,
            })
        })
        .collect();
    let changes = spec
        .changes_since_date()?
        .map(|since| changes::changes_since(since, history, &printed));
    let sources = cited_sources(record, &pillars);
    let translation = count_translation(lang, &pillars, book.as_ref());
    let cover = match (meeting, &book) {
        (Some(m), Some(b)) => super::spec::Meeting {
            name: b.title.text.clone(),
            date: m.date.text.clone(),
            place: m.place.clone().unwrap_or_default(),
        },
        _ => spec.cover.clone(),
    };
    let title = if spec.title.trim().is_empty() {
        default_title(lang, book.is_some()).to_string()
    } else {
        spec.title.clone()
    };
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
        title,
        dialogue: text(&dialogue.name, dialogue.name_es.as_deref(), lang).text,
        dialogue_short: match (lang, dialogue.name_es.as_deref().and_then(spanish_initials)) {
            (Lang::Es, Some(short)) => short,
            _ => dialogue.short_name.clone(),
        },
        meeting: cover,
        book,
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
        translation,
    })
}

/// The entries of one list (an initiative's, or the dialogue's own) that the filters
/// keep, with sub-items marked (see [`layout::sub_item_depths`]).
fn keep_all(
    run: &mut Selection,
    entries: &[Entry],
    initiative: Option<&crate::model::Initiative>,
    pillar: u32,
    counts: &mut BTreeMap<Status, u32>,
) -> Vec<PacketEntry> {
    let depths = layout::sub_item_depths(entries);
    let kept: Vec<PacketEntry> = entries
        .iter()
        .zip(depths)
        .filter_map(|(e, depth)| {
            run.keep(e, initiative, pillar, counts)
                .map(|kept| PacketEntry { depth, ..kept })
        })
        .collect();
    layout::lift_orphans(kept)
}

fn all_entries(pillars: &[PacketPillar]) -> impl Iterator<Item = &PacketEntry> {
    pillars.iter().flat_map(|p| {
        p.entries
            .iter()
            .chain(p.initiatives.iter().flat_map(|i| &i.entries))
    })
}

fn take_press(notes: &mut Vec<PacketNote>, press: &mut Vec<PacketNote>) {
    let (taken, kept): (Vec<_>, Vec<_>) = std::mem::take(notes)
        .into_iter()
        .partition(|n| n.kind == NoteKind::Press);
    *notes = kept;
    press.extend(taken);
}

/// The Spanish short name a Spanish name makes ("Diálogo Económico de Alto Nivel" ->
/// "DEAN"): the initials of its words without the articles and prepositions, when the
/// name is a plain run of two to six such words (no hyphenated or parenthesised
/// parts, which would make an acronym nobody uses); `None` otherwise.
fn spanish_initials(name: &str) -> Option<String> {
    const SMALL: [&str; 9] = ["de", "del", "la", "las", "los", "el", "y", "para", "en"];
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !SMALL.contains(w))
        .collect();
    let plain = words.iter().all(|w| {
        w.chars().all(char::is_alphabetic) && w.chars().next().is_some_and(char::is_uppercase)
    });
    (plain && (2..=6).contains(&words.len()))
        .then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

/// A text in the packet's language: the Spanish version in a Spanish packet when the
/// record has one, else the original, marked as a fallback.
pub(crate) fn text(original: &str, spanish: Option<&str>, lang: Lang) -> Text {
    match (lang, spanish) {
        (Lang::En, _) => Text {
            text: original.to_string(),
            fallback: false,
        },
        (Lang::Es, Some(es)) if !es.trim().is_empty() => Text {
            text: es.to_string(),
            fallback: false,
        },
        (Lang::Es, _) => Text {
            text: original.to_string(),
            fallback: !original.trim().is_empty(),
        },
    }
}

/// How many printed record texts a Spanish packet has in Spanish and in English.
fn count_translation(lang: Lang, pillars: &[PacketPillar], book: Option<&Book>) -> Translation {
    let mut t = Translation::default();
    if lang == Lang::En {
        return t;
    }
    let mut add = |fallback: bool| {
        if fallback {
            t.fallback += 1;
        } else {
            t.translated += 1;
        }
    };
    for pillar in pillars.iter().filter(|p| p.number != GENERAL_PILLAR) {
        add(pillar.title_fallback);
    }
    for initiative in pillars.iter().flat_map(|p| &p.initiatives) {
        add(initiative.title_fallback);
        if initiative.summary.is_some() {
            add(initiative.summary_fallback);
        }
        initiative.notes.iter().for_each(|n| add(n.fallback));
    }
    for entry in all_entries(pillars) {
        add(entry.text_fallback);
        entry.notes.iter().for_each(|n| add(n.fallback));
    }
    if let Some(b) = book {
        add(b.title.fallback);
        b.scope_note.iter().for_each(|p| add(p.fallback));
        b.objectives.iter().for_each(|o| add(o.fallback));
        b.agenda.iter().for_each(|a| add(a.item.fallback));
        b.participants
            .iter()
            .filter_map(|p| p.bio.as_ref())
            .for_each(|bio| add(bio.fallback));
        b.press.iter().chain(&b.notes).for_each(|n| add(n.fallback));
    }
    t
}

fn resolve_entry(entry: &Entry, spec: &PacketSpec) -> PacketEntry {
    let printed = text(&entry.text, entry.text_es.as_deref(), spec.lang);
    PacketEntry {
        id: entry.id,
        kind: entry.kind,
        text: printed.text,
        text_fallback: printed.fallback,
        depth: 0,
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
        .map(|n| {
            let note = text(&n.text, n.text_es.as_deref(), spec.lang);
            let answer = n
                .answer
                .as_deref()
                .map(|a| text(a, n.answer_es.as_deref(), spec.lang));
            PacketNote {
                kind: n.kind,
                fallback: note.fallback || answer.as_ref().is_some_and(|a| a.fallback),
                text: note.text,
                answer: answer.map(|a| a.text),
            }
        })
        .collect()
}

fn cited_sources(record: &Record, pillars: &[PacketPillar]) -> Vec<SourceRow> {
    let mut cited: BTreeMap<&str, u32> = BTreeMap::new();
    for entry in all_entries(pillars) {
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
            date_value: s.date.as_ref().and_then(|d| d.edtf),
            publisher: s.publisher.clone(),
            sha256: s.sha256.clone(),
            entries_cited: cited.get(s.title.as_str()).copied().unwrap_or(0),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::spanish_initials;

    #[test]
    fn a_plain_spanish_name_makes_its_short_name() {
        assert_eq!(
            spanish_initials("Diálogo Económico de Alto Nivel").as_deref(),
            Some("DEAN")
        );
        assert_eq!(
            spanish_initials("Diálogo Económico de Alto Nivel México-Estados Unidos"),
            None
        );
        assert_eq!(spanish_initials("Diálogo"), None);
    }
}
