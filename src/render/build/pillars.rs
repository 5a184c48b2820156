//! One part per pillar, one section per initiative. An initiative with notes prints as an
//! issue paper: objective, points to make (bullets), if raised (question and answer),
//! then its background (the summary, background notes and the entries with status,
//! dates and agencies), in a block set off by its indent and headed labels. Entries are
//! a list whose items hold the entry, its status line and its own notes as lists;
//! sub-items nest under their lead-in.

use super::{fallback, list_of, para, status_color, Builder, Item};
use crate::model::NoteKind;
use crate::packet::{PacketEntry, PacketInitiative, PacketNote};
use crate::render::fonts::Style::{Bold, Italic, Regular};
use crate::render::i18n::{self, labels};
use crate::render::structure::Role;
use crate::render::tree::*;

/// The note kinds an issue paper prints before the background, in order.
const LEADING: [NoteKind; 3] = [
    NoteKind::Objective,
    NoteKind::PointsToMake,
    NoteKind::IfRaised,
];

impl Builder<'_> {
    pub(super) fn pillars(&mut self) -> Vec<Block> {
        let p = self.packet;
        let mut out = Vec::new();
        for pillar in &p.pillars {
            let title = self.pillar_title(pillar.number, &pillar.title, ". ");
            let display = if pillar.number == 0 {
                vec![Span::new(Bold, pillar.title.clone()).colored(ACCENT)]
            } else {
                let mut spans = vec![
                    Span::new(Bold, self.pillar_name(pillar.number, None)).colored(MUTED),
                    Span::new(Bold, format!("  {}", pillar.title)).colored(ACCENT),
                ];
                if pillar.title_fallback {
                    let mark = labels(self.lang).fallback_mark;
                    spans.push(Span::new(Regular, format!(" {mark}")).colored(MUTED));
                }
                spans
            };
            let heading = self.heading(1, title, display);
            let mut part = vec![Block::PageBreak, heading];
            // Statements of the dialogue as a whole (the General section) come before
            // any initiative, as a list like an initiative's entries.
            if !pillar.entries.is_empty() {
                part.push(self.entry_list(&pillar.entries, false));
            }
            for initiative in &pillar.initiatives {
                part.push(self.initiative(initiative));
            }
            out.push(Block::group(Role::Part, part));
        }
        out
    }

    fn initiative(&mut self, initiative: &PacketInitiative) -> Block {
        let l = labels(self.lang);
        let mut title = vec![Span::new(Bold, initiative.title.clone()).colored(ACCENT)];
        if initiative.title_fallback {
            title.push(Span::new(Regular, format!(" {}", l.fallback_mark)).colored(MUTED));
        }
        let heading = self.heading(2, initiative.title.clone(), title);
        let heading = fallback(heading, initiative.title_fallback);
        let mut sect = vec![heading];
        let summary = initiative.summary.as_ref().map(|summary| {
            fallback(
                para(
                    self.marked(Italic, summary, initiative.summary_fallback),
                    ParaStyle::body(10.0),
                ),
                initiative.summary_fallback,
            )
        });
        let issue_paper = initiative.notes.iter().any(|n| n.kind != NoteKind::Press);
        if !issue_paper {
            sect.extend(summary);
            sect.extend(self.entries_with_source(initiative));
            // Press notes in a record packet (a meeting's book prints them as press lines).
            sect.extend(self.note_lists(&initiative.notes, 0.0));
            return Block::group(Role::Sect, sect);
        }
        let indent = 10.0;
        let mut paper = Vec::new();
        for kind in LEADING {
            let notes: Vec<&PacketNote> =
                initiative.notes.iter().filter(|n| n.kind == kind).collect();
            if notes.is_empty() {
                continue;
            }
            paper.push(self.paper_heading(i18n::note_kind(self.lang, kind), indent));
            paper.push(self.notes_of_kind(&notes, indent));
        }
        paper.push(self.paper_heading(i18n::note_kind(self.lang, NoteKind::Background), indent));
        let mut background: Vec<Block> = summary.into_iter().collect();
        let notes: Vec<&PacketNote> = initiative
            .notes
            .iter()
            .filter(|n| n.kind == NoteKind::Background)
            .collect();
        if !notes.is_empty() {
            background.push(self.notes_of_kind(&notes, 0.0));
        }
        background.extend(self.entries_with_source(initiative));
        paper.push(Block::group(Role::Sect, background));
        let press: Vec<PacketNote> = initiative
            .notes
            .iter()
            .filter(|n| n.kind == NoteKind::Press)
            .cloned()
            .collect();
        paper.extend(self.note_lists(&press, indent));
        sect.push(Block::group(Role::Sect, paper));
        Block::group(Role::Sect, sect)
    }

    /// "Points to make", "If raised", "Background": sub-headings of an issue paper.
    fn paper_heading(&self, text: &str, indent: f32) -> Block {
        Block::Para {
            spans: vec![Span::new(Bold, text.to_uppercase()).colored(ACCENT)],
            style: ParaStyle {
                indent,
                ..ParaStyle::heading(8.5, 7.0, 3.0)
            },
            anchor: None,
            outline: None,
            role: Role::H3,
        }
    }

    /// The initiative's entries, then one source note when they all share a source.
    fn entries_with_source(&self, initiative: &PacketInitiative) -> Vec<Block> {
        let mut out = Vec::new();
        if initiative.entries.is_empty() {
            return out;
        }
        let shared = initiative.shared_source.is_some();
        out.push(self.entry_list(&initiative.entries, shared));
        if let Some(span) = &initiative.shared_source {
            let l = labels(self.lang);
            let lines = if span.first_line == span.last_line {
                format!("{} {}", l.line, span.first_line)
            } else {
                format!("{} {}–{}", l.lines, span.first_line, span.last_line)
            };
            out.push(para(
                vec![Span::new(
                    Regular,
                    format!("{}: {}, {lines}", l.source_shared, span.title),
                )
                .colored(MUTED)],
                ParaStyle {
                    align: Align::Left,
                    space_before: 2.0,
                    ..ParaStyle::body(8.0)
                },
            ));
        }
        out
    }

    /// Entries as a list, sub-items nested in their lead-in's item.
    pub(super) fn entry_list(&self, entries: &[PacketEntry], shared_source: bool) -> Block {
        let style = ParaStyle {
            space_after: 0.0,
            space_before: 3.0,
            ..ParaStyle::body(10.0)
        };
        let mut items: Vec<Item> = Vec::new();
        let mut i = 0;
        while i < entries.len() {
            let (spans, mut body) = self.entry(&entries[i], shared_source);
            let other_lang = entries[i].text_fallback;
            let mut subs = Vec::new();
            while i + 1 < entries.len() && entries[i + 1].depth > 0 {
                i += 1;
                let (spans, body) = self.entry(&entries[i], shared_source);
                subs.push(Item::new(spans, body).in_english(entries[i].text_fallback));
            }
            if !subs.is_empty() {
                let hang = style.size * 1.15;
                // The items follow their lead-in's status line, before its notes.
                body.insert(
                    1.min(body.len()),
                    list_of(
                        subs,
                        ParaStyle {
                            indent: hang,
                            ..ParaStyle::body(9.5)
                        },
                        true,
                    ),
                );
            }
            items.push(Item::new(spans, body).in_english(other_lang));
            i += 1;
        }
        list_of(items, style, true)
    }

    /// An entry as a list item: its text (date first), then in the item's body the
    /// status line (status, kind, agencies, source) and the entry's notes as lists.
    fn entry(&self, entry: &PacketEntry, shared_source: bool) -> (Vec<Span>, Vec<Block>) {
        let l = labels(self.lang);
        let mut spans = Vec::new();
        if let Some(date) = &entry.date {
            let text = match (&date.edtf, date.cadence) {
                (Some(edtf), _) => i18n::edtf(self.lang, edtf),
                (None, Some(cadence)) => i18n::cadence(self.lang, cadence).to_string(),
                (None, None) => date.text.clone(),
            };
            if !text.is_empty() {
                spans.push(Span::new(Bold, format!("{}. ", capitalize(&text))));
            }
        }
        spans.extend(self.marked(Regular, &entry.text, entry.text_fallback));
        let mut meta = vec![
            Span::new(Bold, i18n::status(self.lang, entry.status))
                .colored(status_text(entry.status)),
            Span::new(Regular, format!(" · {}", i18n::kind(self.lang, entry.kind))).colored(MUTED),
        ];
        if !entry.agencies.is_empty() {
            meta.push(
                Span::new(Regular, format!(" · {}", entry.agencies.join(", "))).colored(MUTED),
            );
        }
        if let (Some(source), false) = (&entry.source, shared_source) {
            let lines = match source.line_end {
                Some(end) if end != source.line => format!("{}–{end}", source.line),
                _ => source.line.to_string(),
            };
            let reference = match self.source_number(&source.title) {
                Some(n) => format!(" · {} [{n}], {} {lines}", l.source, l.line),
                None => format!(" · {}: {}, {} {lines}", l.source, source.title, l.line),
            };
            meta.push(Span::new(Regular, reference).colored(MUTED));
        }
        // The status line sits under the item's text: sub-items are one hang further in.
        let hang = if entry.depth > 0 {
            10.0 * 1.15 + 9.5 * 1.15
        } else {
            10.0 * 1.15
        };
        let mut body = vec![para(
            meta,
            ParaStyle {
                indent: hang,
                align: Align::Left,
                space_after: 5.0,
                leading: 11.5,
                ..ParaStyle::body(8.5)
            },
        )];
        body.extend(self.note_lists(&entry.notes, hang));
        (spans, body)
    }

    /// Notes grouped by kind, each kind a label and a list (entry-level notes, and press
    /// notes in a record packet).
    fn note_lists(&self, notes: &[PacketNote], indent: f32) -> Vec<Block> {
        let mut out = Vec::new();
        for kind in NoteKind::ALL.iter().copied() {
            let of_kind: Vec<&PacketNote> = notes.iter().filter(|n| n.kind == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            out.push(para(
                vec![Span::new(Bold, i18n::note_kind(self.lang, kind)).colored(ACCENT)],
                ParaStyle {
                    indent,
                    align: Align::Left,
                    keep_with_next: true,
                    space_after: 1.0,
                    ..ParaStyle::body(8.5)
                },
            ));
            out.push(self.notes_of_kind(&of_kind, indent));
        }
        out
    }

    /// Notes of one kind: "if raised" and press questions as question and answer, the
    /// others as bullets.
    pub(super) fn notes_of_kind(&self, notes: &[&PacketNote], indent: f32) -> Block {
        let l = labels(self.lang);
        let items = notes
            .iter()
            .map(|n| {
                let mut extra = Vec::new();
                let spans = match &n.answer {
                    Some(answer) => {
                        extra.push(para(
                            vec![
                                Span::new(Bold, format!("{}: ", l.answer)).colored(MUTED),
                                Span::new(Regular, answer.clone()),
                            ],
                            ParaStyle {
                                indent: indent + 9.5 * 1.15,
                                space_after: 3.0,
                                ..ParaStyle::body(9.5)
                            },
                        ));
                        let mut q =
                            vec![Span::new(Bold, format!("{}: ", l.question)).colored(MUTED)];
                        q.extend(self.marked(Bold, &n.text, n.fallback));
                        q
                    }
                    None => self.marked(Regular, &n.text, n.fallback),
                };
                Item::new(spans, extra).in_english(n.fallback)
            })
            .collect();
        list_of(
            items,
            ParaStyle {
                indent,
                space_after: 4.0,
                ..ParaStyle::body(9.5)
            },
            false,
        )
    }
}

/// Status names printed in a darker tone of their chart colour, readable on white.
fn status_text(status: crate::model::Status) -> Rgb {
    let (r, g, b) = status_color(status);
    (r * 0.7, g * 0.7, b * 0.7)
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
