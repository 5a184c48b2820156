//! Packet -> layout tree: what each section says, as headings, paragraphs, lists and tables.

use super::fonts::Style::{self, Bold, Italic, Regular};
use super::i18n::{self, labels};
use super::tree::*;
use crate::model::{roman, Lang, Status};
use crate::packet::{Packet, PacketEntry, PacketNote, Section};

/// The layout tree and how many anchors it uses.
pub struct Document {
    pub blocks: Vec<Block>,
    pub anchors: usize,
}

struct Builder<'p> {
    packet: &'p Packet,
    lang: Lang,
    anchors: usize,
    /// Contents rows: level, title, anchor.
    toc: Vec<(u8, String, usize)>,
}

pub fn status_color(status: Status) -> Rgb {
    match status {
        Status::Planned => (0.33, 0.55, 0.80),
        Status::InProgress => (0.93, 0.66, 0.20),
        Status::Done => (0.22, 0.60, 0.38),
        Status::Stalled => (0.84, 0.37, 0.27),
        Status::Dropped => (0.45, 0.45, 0.48),
        Status::Unknown => (0.75, 0.76, 0.78),
    }
}

/// Builds the layout tree for `packet`, sections in the packet's order.
pub fn build(packet: &Packet) -> Document {
    let mut b = Builder {
        packet,
        lang: packet.lang,
        anchors: 0,
        toc: Vec::new(),
    };
    let mut parts: Vec<(Section, Vec<Block>)> = Vec::new();
    for section in &packet.sections {
        let blocks = match section {
            Section::Cover => b.cover(),
            Section::Contents => Vec::new(),
            Section::Overview => b.overview(),
            Section::Pillars => b.pillars(),
            Section::Timeline => b.timeline(),
            Section::ChangesSince => b.changes(),
            Section::Sources => b.sources(),
        };
        parts.push((*section, blocks));
    }
    let contents = b.contents();
    let mut blocks = Vec::new();
    for (section, part) in parts {
        if section == Section::Contents {
            blocks.extend(contents.iter().cloned());
        } else {
            blocks.extend(part);
        }
    }
    Document {
        blocks,
        anchors: b.anchors,
    }
}

fn para(spans: Vec<Span>, style: ParaStyle) -> Block {
    Block::Para {
        spans,
        style,
        anchor: None,
        outline: None,
        heading: false,
    }
}

fn plain(style: Style, text: impl Into<String>, size: f32) -> Block {
    para(vec![Span::new(style, text)], ParaStyle::body(size))
}

impl Builder<'_> {
    fn anchor(&mut self) -> usize {
        self.anchors += 1;
        self.anchors - 1
    }

    /// A section heading (level 1) or initiative heading (level 2), in contents and outline.
    fn heading(&mut self, level: u8, title: String, display: Vec<Span>) -> Block {
        let anchor = self.anchor();
        self.toc.push((level, title.clone(), anchor));
        let style = match level {
            1 => ParaStyle::heading(19.0, 0.0, 12.0),
            _ => ParaStyle::heading(12.5, 16.0, 5.0),
        };
        Block::Para {
            spans: display,
            style,
            anchor: Some(anchor),
            outline: Some(OutlineMark { level, title }),
            heading: true,
        }
    }

    fn section_heading(&mut self, title: &str) -> Vec<Block> {
        let h = self.heading(
            1,
            title.to_string(),
            vec![Span::new(Bold, title).colored(ACCENT)],
        );
        vec![Block::PageBreak, h]
    }

    fn cover(&mut self) -> Vec<Block> {
        let p = self.packet;
        let l = labels(self.lang);
        let center = |size: f32, after: f32| ParaStyle {
            align: Align::Center,
            space_after: after,
            hyphenate: false,
            ..ParaStyle::body(size)
        };
        let mut out = vec![Block::Space(90.0)];
        out.push(Block::Space(50.0));
        out.push(para(
            vec![
                Span::new(Regular, format!("{} ({})", p.dialogue, p.dialogue_short)).colored(MUTED),
            ],
            center(12.0, 14.0),
        ));
        out.push(para(
            vec![Span::new(Bold, p.title.clone()).colored(ACCENT)],
            ParaStyle {
                leading: 33.0,
                ..center(27.0, 18.0)
            },
        ));
        if !p.meeting.name.is_empty() {
            out.push(para(
                vec![Span::new(Regular, p.meeting.name.clone())],
                center(14.0, 4.0),
            ));
        }
        let when_where: Vec<&str> = [p.meeting.date.as_str(), p.meeting.place.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !when_where.is_empty() {
            out.push(para(
                vec![Span::new(Regular, when_where.join(" · ")).colored(MUTED)],
                center(12.0, 4.0),
            ));
        }
        out.push(Block::Space(120.0));
        let mut rows = Vec::new();
        if !p.prepared_for.is_empty() {
            rows.push((l.prepared_for, p.prepared_for.clone()));
        }
        if !p.prepared_by.is_empty() {
            rows.push((l.prepared_by, p.prepared_by.clone()));
        }
        if let Some(day) = p.prepared_on {
            rows.push((l.prepared_on, i18n::day(self.lang, day)));
        }
        for (label, value) in rows {
            out.push(para(
                vec![
                    Span::new(Bold, format!("{label}: ")).colored(MUTED),
                    Span::new(Regular, value),
                ],
                center(11.0, 5.0),
            ));
        }
        out
    }

    fn contents(&mut self) -> Vec<Block> {
        let title = labels(self.lang).contents;
        let heading = Block::Para {
            spans: vec![Span::new(Bold, title).colored(ACCENT)],
            style: ParaStyle::heading(19.0, 0.0, 12.0),
            anchor: None,
            outline: Some(OutlineMark {
                level: 1,
                title: title.into(),
            }),
            heading: true,
        };
        let mut out = vec![Block::PageBreak, heading];
        for (level, title, anchor) in &self.toc {
            let (style, indent, size) = if *level == 1 {
                (Bold, 0.0, 10.5)
            } else {
                (Regular, 14.0, 9.5)
            };
            if *level == 1 {
                out.push(Block::Space(4.0));
            }
            out.push(Block::ContentsRow {
                spans: vec![Span::new(style, title.clone())],
                anchor: *anchor,
                indent,
                size,
            });
        }
        out
    }

    fn overview(&mut self) -> Vec<Block> {
        let p = self.packet;
        let l = labels(self.lang);
        let mut out = self.section_heading(l.overview);
        let ov = &p.overview;
        let initiatives: usize = p.pillars.iter().map(|x| x.initiatives.len()).sum();
        let (e, i, n) = (ov.total_entries as usize, initiatives, p.pillars.len());
        let summary = match self.lang {
            Lang::En => format!(
                "This packet covers {} in {} under {} of the dialogue.",
                count(e, "entry", "entries"),
                count(i, "initiative", "initiatives"),
                count(n, "pillar", "pillars"),
            ),
            Lang::Es => format!(
                "Este documento abarca {} en {} de {} del diálogo.",
                count(e, "asunto", "asuntos"),
                count(i, "iniciativa", "iniciativas"),
                count(n, "pilar", "pilares"),
            ),
        };
        out.push(plain(Regular, summary, 10.0));
        // Only statuses that occur get a column, so the table stays readable.
        let used: Vec<Status> = Status::ALL
            .iter()
            .copied()
            .filter(|s| {
                ov.by_pillar
                    .iter()
                    .any(|r| r.by_status.iter().any(|(x, n)| x == s && *n > 0))
            })
            .collect();
        let n = used.len() as f32;
        let mut widths = vec![0.40];
        widths.extend(std::iter::repeat_n(0.48 / n.max(1.0), used.len()));
        widths.push(0.12);
        let mut header = vec![Cell::text(Bold, l.pillar)];
        header.extend(
            used.iter()
                .map(|s| Cell::text(Bold, i18n::status(self.lang, *s)).right()),
        );
        header.push(Cell::text(Bold, l.total).right());
        let mut rows = Vec::new();
        let mut totals = vec![0u32; used.len()];
        for row in &ov.by_pillar {
            let mut cells = vec![Cell::text(
                Regular,
                format!("{} {} · {}", l.pillar, roman(row.number), row.title),
            )];
            let mut sum = 0;
            for (i, s) in used.iter().enumerate() {
                let count = row
                    .by_status
                    .iter()
                    .find(|(x, _)| x == s)
                    .map_or(0, |(_, c)| *c);
                totals[i] += count;
                sum += count;
                cells.push(Cell::text(Regular, count.to_string()).right());
            }
            cells.push(Cell::text(Bold, sum.to_string()).right());
            rows.push(cells);
        }
        let mut total_row = vec![Cell::text(Bold, l.total)];
        total_row.extend(
            totals
                .iter()
                .map(|t| Cell::text(Bold, t.to_string()).right()),
        );
        total_row.push(Cell::text(Bold, ov.total_entries.to_string()).right());
        rows.push(total_row);
        out.push(Block::Table(Table {
            widths,
            header,
            rows,
            size: 9.0,
        }));
        out.push(para(
            vec![Span::new(Bold, l.entries_by_status).colored(MUTED)],
            ParaStyle::heading(10.0, 6.0, 4.0),
        ));
        out.push(Block::BarChart(BarChart {
            rows: ov
                .by_pillar
                .iter()
                .map(|r| {
                    let values = used
                        .iter()
                        .map(|s| {
                            r.by_status
                                .iter()
                                .find(|(x, _)| x == s)
                                .map_or(0, |(_, c)| *c)
                        })
                        .collect();
                    (format!("{} {}", l.pillar, roman(r.number)), values)
                })
                .collect(),
            series: used
                .iter()
                .map(|s| (i18n::status(self.lang, *s).to_string(), status_color(*s)))
                .collect(),
        }));
        out.push(Block::Space(14.0));
        out.push(para(
            vec![Span::new(Bold, l.left_out_title).colored(ACCENT)],
            ParaStyle::heading(12.0, 8.0, 5.0),
        ));
        let mut items: Vec<Vec<Span>> = ov
            .left_out
            .iter()
            .map(|(reason, count)| {
                vec![
                    Span::new(Bold, count.to_string()),
                    Span::new(Regular, format!(" {}", i18n::left_out(self.lang, *reason))),
                ]
            })
            .collect();
        if ov.empty_initiatives > 0 {
            items.push(vec![
                Span::new(Bold, ov.empty_initiatives.to_string()),
                Span::new(Regular, format!(" {}", l.empty_initiatives)),
            ]);
        }
        if !ov.empty_pillars.is_empty() {
            let names: Vec<String> = ov.empty_pillars.iter().map(|n| roman(*n)).collect();
            items.push(vec![
                Span::new(Bold, names.join(", ")),
                Span::new(Regular, format!(": {}", l.empty_pillars)),
            ]);
        }
        if ov.undated_included > 0 {
            items.push(vec![
                Span::new(Bold, ov.undated_included.to_string()),
                Span::new(Regular, format!(" {}", l.undated_included)),
            ]);
        }
        if items.is_empty() {
            out.push(plain(Regular, l.nothing_left_out, 10.0));
        } else {
            out.push(Block::List {
                items,
                style: ParaStyle {
                    align: Align::Left,
                    ..ParaStyle::body(10.0)
                },
            });
        }
        out
    }

    fn pillars(&mut self) -> Vec<Block> {
        let p = self.packet;
        let l = labels(self.lang);
        let mut out = Vec::new();
        for pillar in &p.pillars {
            let title = format!("{} {}. {}", l.pillar, roman(pillar.number), pillar.title);
            let display = vec![
                Span::new(Bold, format!("{} {}", l.pillar, roman(pillar.number))).colored(MUTED),
                Span::new(Bold, format!("  {}", pillar.title)).colored(ACCENT),
            ];
            out.push(Block::PageBreak);
            out.push(self.heading(1, title, display));
            for initiative in &pillar.initiatives {
                let display = vec![Span::new(Bold, initiative.title.clone()).colored(ACCENT)];
                out.push(self.heading(2, initiative.title.clone(), display));
                if let Some(summary) = &initiative.summary {
                    out.push(para(
                        vec![Span::new(Italic, summary.clone())],
                        ParaStyle::body(10.0),
                    ));
                }
                out.extend(self.notes(&initiative.notes, 0.0));
                for entry in &initiative.entries {
                    out.extend(self.entry(entry));
                }
            }
        }
        out
    }

    fn entry(&self, entry: &PacketEntry) -> Vec<Block> {
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
        let mut out = vec![
            Block::List {
                items: vec![spans],
                style: ParaStyle {
                    space_after: 0.0,
                    space_before: 3.0,
                    ..ParaStyle::body(10.0)
                },
            },
            para(
                meta,
                ParaStyle {
                    indent: hang,
                    align: Align::Left,
                    space_after: 5.0,
                    leading: 11.5,
                    ..ParaStyle::body(8.5)
                },
            ),
        ];
        out.extend(self.notes(&entry.notes, hang));
        out
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

    fn timeline(&mut self) -> Vec<Block> {
        let l = labels(self.lang);
        let mut out = self.section_heading(l.timeline);
        let rows = self
            .packet
            .timeline
            .iter()
            .map(|r| {
                let date = r
                    .date
                    .edtf
                    .as_ref()
                    .map(|e| i18n::edtf(self.lang, e))
                    .unwrap_or_else(|| r.date.text.clone());
                vec![
                    Cell::text(Regular, date),
                    Cell::text(Regular, roman(r.pillar)),
                    Cell {
                        spans: vec![
                            Span::new(Bold, format!("{}. ", r.initiative)),
                            Span::new(Regular, r.text.clone()),
                        ],
                        align: Align::Left,
                    },
                    Cell::text(Regular, i18n::status(self.lang, r.status)),
                    Cell::text(Regular, r.agencies.join(", ")),
                ]
            })
            .collect();
        out.push(Block::Table(Table {
            widths: vec![0.17, 0.07, 0.48, 0.12, 0.16],
            header: [l.date, l.pillar, l.entry, l.status, l.agencies]
                .map(|h| Cell::text(Bold, h))
                .to_vec(),
            rows,
            size: 8.5,
        }));
        out
    }

    fn changes(&mut self) -> Vec<Block> {
        let l = labels(self.lang);
        let Some(changes) = &self.packet.changes else {
            return Vec::new();
        };
        let title = format!(
            "{} {}",
            l.changes_since,
            i18n::day(self.lang, changes.since)
        );
        let mut out = self.section_heading(&title);
        if changes.rows.is_empty() {
            out.push(plain(Regular, l.no_changes, 10.0));
            return out;
        }
        let rows = changes
            .rows
            .iter()
            .map(|c| {
                let change = match (&c.old_value, &c.new_value) {
                    (Some(old), Some(new)) => format!("{}: {old} → {new}", c.field),
                    (None, Some(new)) => format!("{}: {new}", c.field),
                    (Some(old), None) => format!("{}: {old} → —", c.field),
                    (None, None) => c.field.clone(),
                };
                vec![
                    Cell::text(Regular, c.on.clone()),
                    Cell::text(Regular, c.context.clone()),
                    Cell::text(Regular, change),
                    Cell::text(Regular, c.origin.clone()),
                ]
            })
            .collect();
        out.push(Block::Table(Table {
            widths: vec![0.14, 0.36, 0.34, 0.16],
            header: [l.date, l.entry, l.change, l.origin]
                .map(|h| Cell::text(Bold, h))
                .to_vec(),
            rows,
            size: 8.5,
        }));
        out
    }

    fn sources(&mut self) -> Vec<Block> {
        let l = labels(self.lang);
        let mut out = self.section_heading(l.sources);
        for s in &self.packet.sources {
            out.push(para(
                vec![Span::new(Bold, s.title.clone())],
                ParaStyle::heading(10.5, 6.0, 2.0),
            ));
            let mut facts = Vec::new();
            if let Some(date) = &s.date {
                facts.push(date.clone());
            }
            if let Some(publisher) = &s.publisher {
                facts.push(format!("{}: {publisher}", l.publisher));
            }
            facts.push(format!("{} {}", s.entries_cited, l.cited));
            out.push(para(
                vec![Span::new(Regular, facts.join(" · ")).colored(MUTED)],
                ParaStyle {
                    space_after: 1.0,
                    align: Align::Left,
                    ..ParaStyle::body(9.0)
                },
            ));
            out.push(para(
                vec![Span::new(Regular, format!("SHA-256 {}", s.sha256)).colored(MUTED)],
                ParaStyle {
                    align: Align::Left,
                    hyphenate: false,
                    ..ParaStyle::body(7.5)
                },
            ));
        }
        out
    }
}

/// Status names printed in a darker tone of their chart colour, readable on white.
fn status_text(status: Status) -> Rgb {
    let (r, g, b) = status_color(status);
    (r * 0.7, g * 0.7, b * 0.7)
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
