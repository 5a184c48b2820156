//! The annex sections: timeline and changes-since tables, and the sources list.

use super::{para, plain, subheading, Builder};
use crate::render::fonts::Style::{Bold, Regular};
use crate::render::i18n::{self, labels};
use crate::render::structure::Role;
use crate::render::tree::*;

impl Builder<'_> {
    pub(super) fn timeline(&mut self) -> Vec<Block> {
        let l = labels(self.lang);
        let mut out = self.section_heading(l.timeline);
        let general = self.packet.timeline.iter().any(|r| r.pillar == 0);
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
                let pillar = match r.pillar {
                    0 => {
                        let title = self.packet.pillars.iter().find(|p| p.number == 0);
                        self.pillar_name(0, title.map(|p| p.title.as_str()))
                    }
                    n => crate::model::roman(n),
                };
                vec![
                    Cell::text(Regular, date),
                    Cell::text(Regular, pillar),
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
        // A numeral fits a narrow column; the General section's name needs a wider one.
        let widths = if general {
            vec![0.16, 0.11, 0.45, 0.12, 0.16]
        } else {
            vec![0.17, 0.07, 0.48, 0.12, 0.16]
        };
        out.push(Block::Table(Table {
            widths,
            header: [l.date, l.pillar, l.entry, l.status, l.agencies]
                .map(|h| Cell::text(Bold, h))
                .to_vec(),
            rows,
            size: 8.5,
        }));
        out
    }

    pub(super) fn changes(&mut self) -> Vec<Block> {
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
                let what: Vec<String> = c
                    .changes
                    .iter()
                    .map(|x| i18n::change(self.lang, x))
                    .collect();
                let on = chrono::NaiveDate::parse_from_str(&c.on, "%Y-%m-%d")
                    .map(|d| i18n::day(self.lang, d))
                    .unwrap_or_else(|_| c.on.clone());
                let origin = if c.origin == "user" {
                    l.by_user.to_string()
                } else {
                    c.origin.clone()
                };
                vec![
                    Cell::text(Regular, on),
                    Cell::text(Regular, c.entry.clone()),
                    Cell::text(Bold, what.join("; ")),
                    Cell::text(Regular, origin),
                ]
            })
            .collect();
        out.push(Block::Table(Table {
            widths: vec![0.17, 0.45, 0.24, 0.14],
            header: [l.date, l.entry, l.change, l.origin]
                .map(|h| Cell::text(Bold, h))
                .to_vec(),
            rows,
            size: 8.5,
        }));
        out
    }

    pub(super) fn sources(&mut self) -> Vec<Block> {
        let l = labels(self.lang);
        let mut out = self.section_heading(l.sources);
        for (n, s) in self.packet.sources.iter().enumerate() {
            out.push(subheading(
                vec![Span::new(Bold, format!("[{}] {}", n + 1, s.title))],
                ParaStyle::heading(10.5, 6.0, 2.0),
                Role::H2,
            ));
            let mut facts = Vec::new();
            // The source's date in the packet's language when the record has its value.
            match (&s.date_value, &s.date) {
                (Some(edtf), _) => facts.push(i18n::edtf(self.lang, edtf)),
                (None, Some(date)) => facts.push(date.clone()),
                (None, None) => {}
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
