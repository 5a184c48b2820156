//! The parts of a meeting's briefing book that come from the meeting rather than the
//! record: cover lines, scope note and objectives, schedule, participants, press lines
//! and the drafted / cleared block.

use super::{fallback, list_of, para, subheading, Builder, Item};
use crate::model::{Edtf, EntryDate, NoteKind, Side};
use crate::packet::{Book, PacketNote, Text};
use crate::render::fonts::Style::{Bold, Italic, Regular};
use crate::render::i18n::{self, labels};
use crate::render::structure::Role;
use crate::render::tree::*;

impl Builder<'_> {
    /// The cover's meeting lines: title, kind, date and place, both delegations.
    pub(super) fn book_cover(&self, book: &Book) -> Vec<Block> {
        let l = labels(self.lang);
        let center = |size: f32, after: f32| ParaStyle {
            align: Align::Center,
            space_after: after,
            hyphenate: false,
            ..ParaStyle::body(size)
        };
        let mut out = vec![fallback(
            para(
                self.marked(Bold, &book.title.text, book.title.fallback),
                center(15.0, 6.0),
            ),
            book.title.fallback,
        )];
        let mut facts = vec![i18n::meeting_kind(self.lang, book.kind).to_string()];
        facts.push(self.when(&book.date));
        if let Some(place) = &book.place {
            facts.push(place.clone());
        }
        out.push(para(
            vec![Span::new(Regular, facts.join(" · ")).colored(MUTED)],
            center(11.5, 18.0),
        ));
        for (label, value) in [
            (l.our_delegation, &book.our_delegation),
            (l.their_delegation, &book.their_delegation),
        ] {
            if let Some(value) = value {
                out.push(para(
                    vec![
                        Span::new(Bold, format!("{label}: ")).colored(MUTED),
                        Span::new(Regular, value.clone()),
                    ],
                    center(10.5, 4.0),
                ));
            }
        }
        out
    }

    /// A meeting's date (or date-time) in the meeting's local time.
    fn when(&self, date: &EntryDate) -> String {
        match &date.edtf {
            Some(edtf) => i18n::edtf(self.lang, edtf),
            None => date.text.clone(),
        }
    }

    /// Scope note, objectives, and the notes that belong to the meeting as a whole.
    pub(super) fn scope(&mut self) -> Vec<Block> {
        let Some(book) = &self.packet.book else {
            return Vec::new();
        };
        if book.scope_note.is_empty() && book.objectives.is_empty() && book.notes.is_empty() {
            return Vec::new();
        }
        let l = labels(self.lang);
        let mut out = self.section_heading(l.scope);
        for p in &book.scope_note {
            out.push(self.text_para(p, ParaStyle::body(10.5)));
        }
        if !book.objectives.is_empty() {
            out.push(self.subsection(l.objectives));
            let items = book
                .objectives
                .iter()
                .map(|o| {
                    Item::new(self.marked(Regular, &o.text, o.fallback), Vec::new())
                        .in_english(o.fallback)
                })
                .collect();
            out.push(list_of(items, ParaStyle::body(10.5), false));
        }
        for kind in [
            NoteKind::PointsToMake,
            NoteKind::IfRaised,
            NoteKind::Background,
            NoteKind::Objective,
        ] {
            let notes: Vec<&PacketNote> = book.notes.iter().filter(|n| n.kind == kind).collect();
            if notes.is_empty() {
                continue;
            }
            out.push(self.subsection(i18n::note_kind(self.lang, kind)));
            out.push(self.notes_of_kind(&notes, 0.0));
        }
        out
    }

    fn subsection(&self, title: &str) -> Block {
        subheading(
            vec![Span::new(Bold, title).colored(ACCENT)],
            ParaStyle::heading(12.0, 10.0, 4.0),
            Role::H2,
        )
    }

    fn text_para(&self, text: &Text, style: ParaStyle) -> Block {
        fallback(
            para(self.marked(Regular, &text.text, text.fallback), style),
            text.fallback,
        )
    }

    /// The agenda as a table: time, item, place and lead.
    pub(super) fn schedule(&mut self) -> Vec<Block> {
        let Some(book) = &self.packet.book else {
            return Vec::new();
        };
        if book.agenda.is_empty() {
            return Vec::new();
        }
        let l = labels(self.lang);
        let mut out = self.section_heading(l.schedule);
        let times: Vec<&Edtf> = book
            .agenda
            .iter()
            .filter_map(|a| a.starts.as_ref().and_then(|d| d.edtf.as_ref()))
            .collect();
        // The zone once in the header when every time shares it; days when they differ.
        let zones: Vec<Option<String>> = times
            .iter()
            .filter_map(|e| e.time())
            .map(|t| t.offset().label().map(|z| i18n::printable(&z)))
            .collect();
        let one_zone = zones
            .first()
            .filter(|z| zones.iter().all(|x| x == *z))
            .cloned()
            .flatten();
        let mut days: Vec<_> = times.iter().filter_map(|e| e.lower()).collect();
        days.dedup();
        let several_days = days.len() > 1;
        let clock = |d: &Option<EntryDate>, with_day: bool| -> Option<String> {
            let edtf = d.as_ref()?.edtf.as_ref()?;
            match edtf.time() {
                Some(t) => {
                    let c = match (&one_zone, t.offset().label()) {
                        (Some(_), _) | (None, None) => t.clock(),
                        (None, Some(z)) => format!("{} ({})", t.clock(), i18n::printable(&z)),
                    };
                    Some(match (with_day, edtf.lower()) {
                        (true, Some(day)) => format!("{}, {c}", i18n::day(self.lang, day)),
                        _ => c,
                    })
                }
                None => Some(i18n::edtf(self.lang, edtf)),
            }
        };
        let rows = book
            .agenda
            .iter()
            .map(|a| {
                let mut when = clock(&a.starts, several_days).unwrap_or_default();
                if let Some(end) = clock(&a.ends, false) {
                    when = format!("{when}–{end}");
                }
                let mut item = vec![Span::new(Bold, a.item.text.clone())];
                if a.item.fallback {
                    item.push(Span::new(Regular, format!(" {}", l.fallback_mark)).colored(MUTED));
                }
                let place_lead: Vec<&str> = [a.place.as_deref(), a.lead.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                vec![
                    Cell::text(Regular, when),
                    Cell {
                        spans: item,
                        align: Align::Left,
                    },
                    Cell::text(Regular, place_lead.join(" · ")),
                ]
            })
            .collect();
        let time_header = match &one_zone {
            Some(zone) => format!("{} ({zone})", l.time),
            None => l.time.to_string(),
        };
        out.push(Block::Table(Table {
            widths: if several_days {
                vec![0.27, 0.45, 0.28]
            } else {
                vec![0.22, 0.48, 0.30]
            },
            header: vec![
                Cell::text(Bold, time_header),
                Cell::text(Bold, l.item),
                Cell::text(Bold, l.place_lead),
            ],
            rows,
            size: 9.0,
        }));
        out
    }

    /// Participants, ours then theirs: name, title and organisation, role, short bio.
    pub(super) fn participants(&mut self) -> Vec<Block> {
        let Some(book) = &self.packet.book else {
            return Vec::new();
        };
        if book.participants.is_empty() {
            return Vec::new();
        }
        let l = labels(self.lang);
        let mut out = self.section_heading(l.participants);
        for (side, title, delegation) in [
            (Side::Ours, l.our_delegation, &book.our_delegation),
            (Side::Theirs, l.their_delegation, &book.their_delegation),
        ] {
            let people: Vec<_> = book
                .participants
                .iter()
                .filter(|p| p.side == side)
                .collect();
            if people.is_empty() {
                continue;
            }
            out.push(self.subsection(title));
            if let Some(d) = delegation {
                out.push(para(
                    vec![Span::new(Italic, d.clone()).colored(MUTED)],
                    ParaStyle::body(9.5),
                ));
            }
            let items = people
                .into_iter()
                .map(|p| {
                    let mut spans = vec![Span::new(Bold, p.name.clone())];
                    let post: Vec<&str> = [p.title.as_deref(), p.organisation.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect();
                    if !post.is_empty() {
                        spans.push(Span::new(Regular, format!(", {}", post.join(", "))));
                    }
                    if let Some(role) = &p.role {
                        spans.push(Span::new(Italic, format!(" — {role}")).colored(MUTED));
                    }
                    let indent = 10.0 * 1.15;
                    let extra = p
                        .bio
                        .iter()
                        .map(|bio| {
                            self.text_para(
                                bio,
                                ParaStyle {
                                    indent,
                                    space_after: 6.0,
                                    ..ParaStyle::body(9.0)
                                },
                            )
                        })
                        .collect();
                    Item::new(spans, extra)
                })
                .collect();
            out.push(list_of(
                items,
                ParaStyle {
                    space_before: 2.0,
                    align: Align::Left,
                    ..ParaStyle::body(10.0)
                },
                true,
            ));
        }
        out
    }

    /// Lines to take, then anticipated questions with their answers.
    pub(super) fn press(&mut self) -> Vec<Block> {
        let Some(book) = &self.packet.book else {
            return Vec::new();
        };
        if book.press.is_empty() {
            return Vec::new();
        }
        let l = labels(self.lang);
        let mut out = self.section_heading(l.press);
        let (questions, lines): (Vec<&PacketNote>, Vec<&PacketNote>) =
            book.press.iter().partition(|n| n.answer.is_some());
        for (title, notes) in [(l.lines_to_take, lines), (l.anticipated, questions)] {
            if notes.is_empty() {
                continue;
            }
            out.push(self.subsection(title));
            out.push(self.notes_of_kind(&notes, 0.0));
        }
        out
    }

    /// Who drafted the book and who cleared it, after the annexes.
    pub(super) fn clearance(&mut self) -> Vec<Block> {
        let Some(c) = self.packet.book.as_ref().and_then(|b| b.clearance.as_ref()) else {
            return Vec::new();
        };
        let l = labels(self.lang);
        let title = l.clearance;
        let heading = self.heading(
            1,
            title.to_string(),
            vec![Span::new(Bold, title).colored(ACCENT)],
        );
        let mut out = vec![Block::Space(24.0), heading];
        let drafted: Vec<String> = [
            c.drafted_by.clone(),
            c.office.clone(),
            c.drafted_on
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .map(|d| i18n::day(self.lang, d)),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut rows = Vec::new();
        if !drafted.is_empty() {
            rows.push((l.drafted_by, drafted.join(", ")));
        }
        if !c.cleared_by.is_empty() {
            rows.push((l.cleared_by, c.cleared_by.join("; ")));
        }
        for (label, value) in rows {
            out.push(para(
                vec![
                    Span::new(Bold, format!("{label}: ")).colored(MUTED),
                    Span::new(Regular, value),
                ],
                ParaStyle {
                    align: Align::Left,
                    ..ParaStyle::body(10.0)
                },
            ));
        }
        out
    }
}
