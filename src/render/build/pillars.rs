//! One part per pillar, one section per initiative: heading, summary, notes, and the
//! entries as a list whose items hold the entry, its status line and its notes.

use super::{list, para, status_color, Builder};
use crate::packet::{PacketEntry, PacketNote};
use crate::render::fonts::Style::{Bold, Italic, Regular};
use crate::render::i18n::{self, labels};
use crate::render::structure::Role;
use crate::render::tree::*;

impl Builder<'_> {
    pub(super) fn pillars(&mut self) -> Vec<Block> {
        let p = self.packet;
        let mut out = Vec::new();
        for pillar in &p.pillars {
            let title = self.pillar_title(pillar.number, &pillar.title, ". ");
            let display = if pillar.number == 0 {
                vec![Span::new(Bold, pillar.title.clone()).colored(ACCENT)]
            } else {
                vec![
                    Span::new(Bold, self.pillar_name(pillar.number, None)).colored(MUTED),
                    Span::new(Bold, format!("  {}", pillar.title)).colored(ACCENT),
                ]
            };
            let mut part = vec![Block::PageBreak, self.heading(1, title, display)];
            // Statements of the dialogue as a whole (the General section) come before
            // any initiative, as a list like an initiative's entries.
            if !pillar.entries.is_empty() {
                let items = pillar.entries.iter().map(|e| self.entry(e)).collect();
                part.push(list(
                    items,
                    ParaStyle {
                        space_after: 0.0,
                        space_before: 3.0,
                        ..ParaStyle::body(10.0)
                    },
                    true,
                ));
            }
            for initiative in &pillar.initiatives {
                let display = vec![Span::new(Bold, initiative.title.clone()).colored(ACCENT)];
                let mut sect = vec![self.heading(2, initiative.title.clone(), display)];
                if let Some(summary) = &initiative.summary {
                    sect.push(para(
                        vec![Span::new(Italic, summary.clone())],
                        ParaStyle::body(10.0),
                    ));
                }
                sect.extend(self.notes(&initiative.notes, 0.0));
                if !initiative.entries.is_empty() {
                    let items = initiative.entries.iter().map(|e| self.entry(e)).collect();
                    sect.push(list(
                        items,
                        ParaStyle {
                            space_after: 0.0,
                            space_before: 3.0,
                            ..ParaStyle::body(10.0)
                        },
                        true,
                    ));
                }
                part.push(Block::group(Role::Sect, sect));
            }
            out.push(Block::group(Role::Part, part));
        }
        out
    }

    /// An entry as a list item: its text (date first), then in the item's body the
    /// status line (status, kind, agencies, source) and the entry's notes.
    fn entry(&self, entry: &PacketEntry) -> (Vec<Span>, Vec<Block>) {
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
        spans.push(Span::new(Regular, entry.text.clone()));
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
        if let Some(source) = &entry.source {
            let lines = match source.line_end {
                Some(end) if end != source.line => format!("{}–{end}", source.line),
                _ => source.line.to_string(),
            };
            meta.push(
                Span::new(
                    Regular,
                    format!(" · {}: {}, {} {lines}", l.source, source.title, l.line),
                )
                .colored(MUTED),
            );
        }
        let hang = 10.0 * 1.15;
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
        body.extend(self.notes(&entry.notes, hang));
        (spans, body)
    }

    fn notes(&self, notes: &[PacketNote], indent: f32) -> Vec<Block> {
        notes
            .iter()
            .map(|n| {
                para(
                    vec![
                        Span::new(Bold, format!("{}: ", i18n::note_kind(self.lang, n.kind)))
                            .colored(ACCENT),
                        Span::new(Italic, n.text.clone()),
                    ],
                    ParaStyle {
                        indent,
                        ..ParaStyle::body(9.5)
                    },
                )
            })
            .collect()
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
