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
            // Text in another language is hyphenated by that language's patterns.
            let outer = ts.lang;
            ts.lang = lang.unwrap_or(outer);
            for b in blocks {
                prepare(b, frame, ts, out);
            }
            ts.lang = outer;
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

/// The widest unbreakable word of a no-break cell (one holding no-break spaces, see
/// `Cell::nobreak`), at the table's size; 0 for other cells.
fn held_width(cell: &Cell, size: f32, ts: &mut Typesetter) -> f32 {
    if !cell.spans.iter().any(|s| s.text.contains('\u{a0}')) {
        return 0.0;
    }
    let mut widest = 0.0f32;
    for span in &cell.spans {
        for word in span.text.split(' ') {
            widest = widest.max(ts.measure(span.style, word, size));
        }
    }
    widest
}

/// Column widths in points: as the table asks, except that a column whose no-break cells
/// (dates) would not fit grows, up to 30% of the measure, taking the room from the
/// widest column.
fn column_widths(table: &Table, measure: f32, ts: &mut Typesetter) -> Vec<f32> {
    let mut widths: Vec<f32> = table.widths.iter().map(|w| w * measure).collect();
    for c in 0..widths.len() {
        let needed = table
            .header
            .iter()
            .skip(c)
            .take(1)
            .chain(table.rows.iter().filter_map(|r| r.get(c)))
            .map(|cell| held_width(cell, table.size, ts))
            .fold(0.0f32, f32::max)
            + 2.0 * PAD_X
            + 0.5;
        let grow = (needed.min(measure * 0.3) - widths[c]).max(0.0);
        let donor = (0..widths.len())
            .filter(|d| *d != c)
            .max_by(|a, b| widths[*a].total_cmp(&widths[*b]));
        if let Some(d) = donor.filter(|d| grow > 0.0 && widths[*d] - grow > measure * 0.25) {
            widths[c] += grow;
            widths[d] -= grow;
        }
    }
    widths
}

fn table_prep(table: &Table, frame: Frame, ts: &mut Typesetter) -> Prep {
    let measure = frame.measure();
    let leading = table.size * 1.32;
    let mut x = frame.left;
    let cols: Vec<(f32, f32)> = column_widths(table, measure, ts)
        .into_iter()
        .map(|w| {
            let col = (x, w);
            x += w;
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
    // A no-break cell still too wide for its column is set smaller, down to four fifths
    // of the table's size; if even that is too wide, it breaks at its spaces (never
    // inside a word).
    let set_cell = |cell: &Cell, align: Align, w: f32, ts: &mut Typesetter| {
        let room = w - 2.0 * PAD_X;
        let mut style = cell_style(align, w);
        let held = held_width(cell, table.size, ts);
        if held > room {
            style.size = (table.size * room / held).max(table.size * 0.8);
            if held * style.size / table.size > room {
                let spans: Vec<Span> = cell
                    .spans
                    .iter()
                    .map(|s| Span {
                        text: s.text.replace('\u{a0}', " "),
                        ..s.clone()
                    })
                    .collect();
                return ts.set(&spans, &cell_style(align, w), room);
            }
        }
        ts.set(&cell.spans, &style, room)
    };
    let header = table
        .header
        .iter()
        .zip(&cols)
        .map(|(c, (_, w))| set_cell(c, c.align, *w, ts))
        .collect();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .zip(&cols)
                .map(|(c, (_, w))| (set_cell(c, Align::Left, *w, ts), c.align))
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
