//! Measure: sets the text of each block of the layout tree into lines, and flattens
//! structure groups into open/close markers, so placement is one pass over a list.

use super::{Frame, PAD_X};
use crate::model::Lang;
use crate::render::fonts::Style;
use crate::render::structure::Role;
use crate::render::text::{Line, Typesetter};
use crate::render::tree::*;

/// A block with its lines already set.
pub(super) enum Prep {
    Lines {
        lines: Vec<Line>,
        style: ParaStyle,
        anchor: Option<usize>,
        outline: Option<OutlineMark>,
        role: Role,
    },
    Open {
        role: Role,
        lang: Option<Lang>,
    },
    Close,
    Label {
        line: Line,
    },
    Table {
        cols: Vec<(f32, f32)>,
        header: Vec<Vec<Line>>,
        rows: Vec<Vec<(Vec<Line>, Align)>>,
        leading: f32,
        size: f32,
    },
    Contents {
        /// A long title wraps; the leader and page number sit on its last line.
        lines: Vec<Line>,
        anchor: usize,
        indent: f32,
        size: f32,
        /// The title as plain text, for the link's description.
        contents: String,
    },
    Chart(BarChart),
    Space(f32),
    PageBreak,
}

/// Sets `block` (and the blocks inside it) and appends the result to `out`.
pub(super) fn prepare(block: &Block, frame: Frame, ts: &mut Typesetter, out: &mut Vec<Prep>) {
    let measure = frame.measure();
    let prep = match block {
        Block::Para {
            spans,
            style,
            anchor,
            outline,
            role,
        } => Prep::Lines {
            lines: ts.set(spans, style, measure - style.indent),
            style: style.clone(),
            anchor: *anchor,
            outline: outline.clone(),
            role: *role,
        },
        Block::Group { role, lang, blocks } => {
            out.push(Prep::Open {
                role: *role,
                lang: *lang,
            });
            for b in blocks {
                prepare(b, frame, ts, out);
            }
            Prep::Close
        }
        Block::Label { span, size } => Prep::Label {
            line: ts.line(span.style, span.color, &span.text, *size),
        },
        Block::Table(table) => table_prep(table, frame, ts),
        Block::ContentsRow {
            spans,
            anchor,
            indent,
            size,
        } => {
            let style = ParaStyle {
                align: Align::Left,
                hyphenate: false,
                ..ParaStyle::body(*size)
            };
            let mut lines = ts.set(spans, &style, measure - indent - 60.0);
            if lines.is_empty() {
                lines.push(ts.line(Style::Regular, INK, "", *size));
            }
            Prep::Contents {
                lines,
                anchor: *anchor,
                indent: *indent,
                size: *size,
                contents: spans.iter().map(|s| s.text.as_str()).collect(),
            }
        }
        Block::BarChart(chart) => Prep::Chart(chart.clone()),
        Block::Space(h) => Prep::Space(*h),
        Block::PageBreak => Prep::PageBreak,
    };
    out.push(prep);
}

fn table_prep(table: &Table, frame: Frame, ts: &mut Typesetter) -> Prep {
    let measure = frame.measure();
    let leading = table.size * 1.32;
    let mut x = frame.left;
    let cols: Vec<(f32, f32)> = table
        .widths
        .iter()
        .map(|w| {
            let col = (x, w * measure);
            x += w * measure;
            col
        })
        .collect();
    // Narrow columns (dates, names) read better ragged than hyphenated.
    let cell_style = |align: Align, width: f32| ParaStyle {
        align,
        leading,
        hyphenate: width > 150.0,
        ..ParaStyle::body(table.size)
    };
    let header = table
        .header
        .iter()
        .zip(&cols)
        .map(|(c, (_, w))| ts.set(&c.spans, &cell_style(c.align, *w), w - 2.0 * PAD_X))
        .collect();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .zip(&cols)
                .map(|(c, (_, w))| {
                    (
                        ts.set(&c.spans, &cell_style(Align::Left, *w), w - 2.0 * PAD_X),
                        c.align,
                    )
                })
                .collect()
        })
        .collect();
    Prep::Table {
        cols,
        header,
        rows,
        leading,
        size: table.size,
    }
}
