//! A record meeting -> the [`Book`] parts of its briefing book, in the packet's language.

use super::{resolve_notes, text};
use crate::model::{Meeting, NoteKind, Side};
use crate::packet::resolved::*;
use crate::packet::spec::PacketSpec;

pub(super) fn book(meeting: &Meeting, spec: &PacketSpec) -> Book {
    let lang = spec.lang;
    let scope_note = match &meeting.scope_note {
        None => Vec::new(),
        Some(en) => {
            let whole = text(en, meeting.scope_note_es.as_deref(), lang);
            paragraphs(&whole.text)
                .map(|p| Text {
                    text: p,
                    fallback: whole.fallback,
                })
                .collect()
        }
    };
    let mut participants: Vec<ParticipantRow> = Vec::new();
    for side in [Side::Ours, Side::Theirs] {
        participants.extend(
            meeting
                .participants
                .iter()
                .filter(|p| p.side == side)
                .map(|p| ParticipantRow {
                    name: p.name.clone(),
                    title: p.title.clone(),
                    organisation: p.organisation.clone(),
                    side: p.side,
                    role: p.role.clone(),
                    bio: p.bio.as_deref().map(|b| text(b, p.bio_es.as_deref(), lang)),
                }),
        );
    }
    let mut agenda: Vec<AgendaRow> = meeting
        .agenda
        .iter()
        .map(|a| AgendaRow {
            starts: a.starts.clone(),
            ends: a.ends.clone(),
            item: text(&a.item, a.item_es.as_deref(), lang),
            place: a.place.clone(),
            lead: a.lead.clone(),
        })
        .collect();
    // The schedule reads in time order; items without a time keep their place after.
    agenda.sort_by_key(|a| {
        let edtf = a.starts.as_ref().and_then(|d| d.edtf.as_ref());
        (
            edtf.is_none(),
            edtf.and_then(|e| e.lower()),
            edtf.and_then(|e| e.time_sort_key()),
        )
    });
    let notes = resolve_notes(&meeting.notes, spec);
    let (press_notes, notes): (Vec<_>, Vec<_>) =
        notes.into_iter().partition(|n| n.kind == NoteKind::Press);
    let mut press: Vec<PacketNote> = meeting
        .press_lines
        .iter()
        .map(|line| {
            let q = text(&line.text, line.text_es.as_deref(), lang);
            let a = line
                .answer
                .as_deref()
                .map(|a| text(a, line.answer_es.as_deref(), lang));
            PacketNote {
                kind: NoteKind::Press,
                fallback: q.fallback || a.as_ref().is_some_and(|a| a.fallback),
                text: q.text,
                answer: a.map(|a| a.text),
            }
        })
        .collect();
    press.extend(press_notes);
    Book {
        title: text(&meeting.title, meeting.title_es.as_deref(), lang),
        date: meeting.date.clone(),
        place: meeting.place.clone(),
        kind: meeting.kind,
        our_delegation: meeting.our_delegation.clone(),
        their_delegation: meeting.their_delegation.clone(),
        scope_note,
        objectives: meeting
            .objectives
            .iter()
            .map(|o| text(&o.text, o.text_es.as_deref(), lang))
            .collect(),
        agenda,
        participants,
        press,
        notes,
        clearance: meeting.clearance.clone(),
    }
}

/// Paragraphs separated by blank lines, each with its line breaks folded to spaces.
fn paragraphs(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
}
