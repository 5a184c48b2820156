//! The overview section: what the packet covers, counts by pillar and status (table and
//! chart, the chart described in words for readers who cannot see it), and what the
//! filters left out.

use super::{count, list, plain, status_color, subheading, Builder};
use crate::model::{Lang, Status};
use crate::packet::{LeftOut, PillarCount};
use crate::render::fonts::Style::{Bold, Regular};
use crate::render::i18n::{self, labels};
use crate::render::structure::Role;
use crate::render::tree::*;

impl Builder<'_> {
    pub(super) fn overview(&mut self) -> Vec<Block> {
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
        out.push(self.counts_table(&used));
        out.push(subheading(
            vec![Span::new(Bold, l.entries_by_status).colored(MUTED)],
            ParaStyle::heading(10.0, 6.0, 4.0),
            Role::H2,
        ));
        out.push(Block::BarChart(self.chart(&used)));
        out.push(Block::Space(14.0));
        out.push(subheading(
            vec![Span::new(Bold, l.left_out_title).colored(ACCENT)],
            ParaStyle::heading(12.0, 8.0, 5.0),
            Role::H2,
        ));
        out.push(self.left_out());
        if ov
            .left_out
            .iter()
            .any(|(r, n)| *r == LeftOut::Undated && *n > 0)
        {
            out.push(plain(Regular, l.undated_how, 9.5));
        }
        let t = p.translation;
        if t.fallback > 0 {
            out.push(plain(
                Regular,
                format!(
                    "{} / {} {}",
                    t.fallback,
                    t.fallback + t.translated,
                    l.fallback_note
                ),
                9.5,
            ));
        }
        out
    }

    fn counts_table(&self, used: &[Status]) -> Block {
        let ov = &self.packet.overview;
        let l = labels(self.lang);
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
            let name = self.pillar_title(row.number, &row.title, " · ");
            let mut cells = vec![Cell::text(Regular, name)];
            let mut sum = 0;
            for (i, count) in counts(row, used).into_iter().enumerate() {
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
        Block::Table(Table {
            widths,
            header,
            rows,
            size: 9.0,
        })
    }

    fn chart(&self, used: &[Status]) -> BarChart {
        let l = labels(self.lang);
        let rows: Vec<(String, Vec<u32>)> = self
            .packet
            .overview
            .by_pillar
            .iter()
            .map(|r| (self.pillar_name(r.number, Some(&r.title)), counts(r, used)))
            .collect();
        // "Entries by status. Pillar I: Done 3, In progress 2; Total 5. ..."
        let mut alt = format!("{}.", l.entries_by_status);
        for (label, values) in &rows {
            let parts: Vec<String> = used
                .iter()
                .zip(values)
                .filter(|(_, n)| **n > 0)
                .map(|(s, n)| format!("{} {n}", i18n::status(self.lang, *s)))
                .collect();
            let total: u32 = values.iter().sum();
            alt.push_str(&format!(
                " {label}: {}; {} {total}.",
                parts.join(", "),
                l.total
            ));
        }
        BarChart {
            alt,
            rows,
            series: used
                .iter()
                .map(|s| (i18n::status(self.lang, *s).to_string(), status_color(*s)))
                .collect(),
        }
    }

    fn left_out(&self) -> Block {
        let ov = &self.packet.overview;
        let l = labels(self.lang);
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
            let names: Vec<String> = ov
                .empty_pillars
                .iter()
                .map(|n| match n {
                    0 => l.general.to_string(),
                    n => crate::model::roman(*n),
                })
                .collect();
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
            return plain(Regular, l.nothing_left_out, 10.0);
        }
        list(
            items.into_iter().map(|spans| (spans, Vec::new())).collect(),
            ParaStyle {
                align: Align::Left,
                ..ParaStyle::body(10.0)
            },
            false,
        )
    }
}

/// A pillar's counts for the statuses shown, in that order.
fn counts(row: &PillarCount, used: &[Status]) -> Vec<u32> {
    used.iter()
        .map(|s| {
            row.by_status
                .iter()
                .find(|(x, _)| x == s)
                .map_or(0, |(_, c)| *c)
        })
        .collect()
}
