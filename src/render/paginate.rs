//! Places the layout tree on pages: headings stay with what follows, paragraphs never
//! leave a single line alone at the foot or head of a page, tables split between rows (or
//! inside a row taller than a page) and repeat their header row.

use super::fonts::Style;
use super::text::{Line, Typesetter};
use super::tree::*;

/// The text area of a page, in PDF points (origin bottom left).
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Frame {
    pub fn new((width, height): (f32, f32)) -> Frame {
        Frame {
            width,
            height,
            left: 68.0,
            right: width - 68.0,
            top: height - 74.0,
            bottom: 76.0,
        }
    }

    pub fn measure(&self) -> f32 {
        self.right - self.left
    }
}

/// Something drawn on a page.
#[derive(Debug, Clone)]
pub enum Item {
    /// A set line with its baseline at `y`.
    Text { x: f32, y: f32, line: Line },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
        dotted: bool,
    },
    /// A clickable area that jumps to an anchor.
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        anchor: usize,
    },
    /// The page number of `anchor`, right-aligned at `right`, filled in once pages are known.
    PageRef {
        anchor: usize,
        right: f32,
        y: f32,
        size: f32,
    },
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub items: Vec<Item>,
}

/// Pages plus where each anchor and bookmark landed (0-based page, y of the block top).
#[derive(Debug, Default)]
pub struct Laid {
    pub pages: Vec<Page>,
    pub anchors: Vec<Option<(usize, f32)>>,
    pub outline: Vec<(OutlineMark, usize, f32)>,
}

/// A block with its lines already set.
enum Prep {
    Lines {
        lines: Vec<Line>,
        style: ParaStyle,
        bullet: Option<Line>,
        anchor: Option<usize>,
        outline: Option<OutlineMark>,
    },
    List {
        items: Vec<Vec<Line>>,
        bullet: Line,
        style: ParaStyle,
        hang: f32,
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
    },
    Chart(BarChart),
    Space(f32),
    PageBreak,
}

const PAD_X: f32 = 4.5;
const PAD_Y: f32 = 3.5;
const CHART_ROW: f32 = 16.0;

fn contents_height(lines: usize, size: f32) -> f32 {
    lines as f32 * size * 1.3 + size * 0.6
}

fn baseline(top: f32, leading: f32, size: f32) -> f32 {
    top - (leading * 0.5 + size * 0.34)
}

/// Sets every block and places them on pages of `frame`.
pub fn paginate(blocks: &[Block], frame: Frame, ts: &mut Typesetter, anchors: usize) -> Laid {
    let preps: Vec<Prep> = blocks.iter().map(|b| prepare(b, frame, ts)).collect();
    let mut p = Paginator {
        frame,
        laid: Laid {
            pages: vec![Page::default()],
            anchors: vec![None; anchors],
            outline: Vec::new(),
        },
        y: frame.top,
    };
    for (i, prep) in preps.iter().enumerate() {
        p.place(prep, &preps[i + 1..], ts);
    }
    if p.laid.pages.last().is_some_and(|pg| pg.items.is_empty()) && p.laid.pages.len() > 1 {
        p.laid.pages.pop();
    }
    p.laid
}

fn prepare(block: &Block, frame: Frame, ts: &mut Typesetter) -> Prep {
    let measure = frame.measure();
    match block {
        Block::Para {
            spans,
            style,
            anchor,
            outline,
            ..
        } => Prep::Lines {
            lines: ts.set(spans, style, measure - style.indent),
            style: style.clone(),
            bullet: None,
            anchor: *anchor,
            outline: outline.clone(),
        },
        Block::List { items, style } => {
            let hang = style.size * 1.15;
            let width = measure - style.indent - hang;
            Prep::List {
                items: items
                    .iter()
                    .map(|item| ts.set(item, style, width))
                    .collect(),
                bullet: ts.line(Style::Bold, ACCENT, "•", style.size),
                style: style.clone(),
                hang,
            }
        }
        Block::Table(table) => {
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
            }
        }
        Block::BarChart(chart) => Prep::Chart(chart.clone()),
        Block::Space(h) => Prep::Space(*h),
        Block::PageBreak => Prep::PageBreak,
    }
}

struct Paginator {
    frame: Frame,
    laid: Laid,
    /// Top of the free space on the current page.
    y: f32,
}

impl Paginator {
    fn page(&mut self) -> &mut Page {
        self.laid.pages.last_mut().expect("always one page")
    }

    fn at_top(&self) -> bool {
        (self.y - self.frame.top).abs() < 0.01
    }

    fn room(&self) -> f32 {
        self.y - self.frame.bottom
    }

    fn new_page(&mut self) {
        self.laid.pages.push(Page::default());
        self.y = self.frame.top;
    }

    fn mark(&mut self, anchor: Option<usize>, outline: &Option<OutlineMark>) {
        let at = (self.laid.pages.len() - 1, self.y);
        if let Some(a) = anchor {
            if let Some(slot) = self.laid.anchors.get_mut(a) {
                *slot = Some(at);
            }
        }
        if let Some(mark) = outline {
            self.laid.outline.push((mark.clone(), at.0, at.1));
        }
    }

    /// The least height that must fit with the start of `prep`: headings also bring the
    /// start of what follows them.
    fn lead(prep: &Prep, rest: &[Prep]) -> f32 {
        match prep {
            Prep::Lines { lines, style, .. } => {
                if style.keep_with_next {
                    style.space_before
                        + lines.len() as f32 * style.leading
                        + style.space_after
                        + rest
                            .first()
                            .map_or(0.0, |next| Self::lead(next, &rest[1..]))
                } else {
                    style.space_before + lines.len().min(2) as f32 * style.leading
                }
            }
            Prep::List { items, style, .. } => {
                style.space_before
                    + items.first().map_or(0, |l| l.len().min(2)) as f32 * style.leading
            }
            Prep::Table {
                header,
                rows,
                leading,
                ..
            } => {
                let lines = |cells: &[Vec<Line>]| cells.iter().map(Vec::len).max().unwrap_or(1);
                let first = rows.first().map_or(1, |r| {
                    r.iter().map(|(l, _)| l.len()).max().unwrap_or(1).min(3)
                });
                (lines(header) + first) as f32 * leading + 4.0 * PAD_Y
            }
            Prep::Contents { lines, size, .. } => contents_height(lines.len(), *size),
            Prep::Chart(c) => c.rows.len() as f32 * CHART_ROW + 30.0,
            Prep::Space(_) | Prep::PageBreak => 0.0,
        }
    }

    fn place(&mut self, prep: &Prep, rest: &[Prep], ts: &mut Typesetter) {
        match prep {
            Prep::PageBreak => {
                if !self.at_top() {
                    self.new_page();
                }
            }
            Prep::Space(h) => self.y -= h.min(self.room()),
            Prep::Lines {
                lines,
                style,
                bullet,
                anchor,
                outline,
            } => {
                let lead = Self::lead(prep, rest);
                if lead > self.room() && !self.at_top() {
                    self.new_page();
                }
                if !self.at_top() {
                    self.y -= style.space_before;
                }
                self.mark(*anchor, outline);
                self.flow_lines(
                    lines,
                    style,
                    self.frame.left + style.indent,
                    bullet.as_ref(),
                );
                self.y -= style.space_after;
            }
            Prep::List {
                items,
                bullet,
                style,
                hang,
            } => {
                for (i, lines) in items.iter().enumerate() {
                    let need = lines.len().min(2) as f32 * style.leading;
                    if need > self.room() && !self.at_top() {
                        self.new_page();
                    }
                    if i == 0 && !self.at_top() {
                        self.y -= style.space_before;
                    }
                    let x = self.frame.left + style.indent + hang;
                    self.flow_lines(lines, style, x, Some(bullet));
                    self.y -= style.space_after * 0.5;
                }
                self.y -= style.space_after * 0.5;
            }
            Prep::Table { .. } => self.place_table(prep, rest),
            Prep::Contents {
                lines,
                anchor,
                indent,
                size,
            } => {
                let h = contents_height(lines.len(), *size);
                if h > self.room() {
                    self.new_page();
                }
                let leading = size * 1.3;
                let x = self.frame.left + indent;
                let right = self.frame.right;
                let top = self.y;
                let pad = (h - lines.len() as f32 * leading) / 2.0;
                let page = self.page();
                let mut base = 0.0;
                for (i, line) in lines.iter().enumerate() {
                    base = baseline(top - pad - i as f32 * leading, leading, *size);
                    page.items.push(Item::Text {
                        x,
                        y: base,
                        line: line.clone(),
                    });
                }
                let last = lines.last().map_or(0.0, |l| l.width);
                page.items.push(Item::Rule {
                    x1: x + last + 6.0,
                    y1: base + 1.0,
                    x2: right - 26.0,
                    y2: base + 1.0,
                    width: 0.7,
                    color: RULE,
                    dotted: true,
                });
                page.items.push(Item::PageRef {
                    anchor: *anchor,
                    right,
                    y: base,
                    size: *size,
                });
                page.items.push(Item::Link {
                    x,
                    y: top - h,
                    w: right - x,
                    h,
                    anchor: *anchor,
                });
                self.y -= h;
            }
            Prep::Chart(chart) => self.place_chart(chart, ts),
        }
    }

    /// Places lines, splitting across pages with at least two lines on each side.
    fn flow_lines(&mut self, lines: &[Line], style: &ParaStyle, x: f32, bullet: Option<&Line>) {
        let mut rest = lines;
        let mut first = true;
        while !rest.is_empty() {
            let fit = (self.room() / style.leading + 0.001).floor().max(0.0) as usize;
            let n = rest.len();
            let take = if n <= fit {
                n
            } else if style.keep_with_next || n <= 3 || fit < 2 {
                0
            } else {
                fit.min(n - 2)
            };
            let take = if take == 0 && self.at_top() {
                // A block taller than a page with nothing above: fill the page.
                fit.max(1).min(n)
            } else {
                take
            };
            if take == 0 {
                self.new_page();
                continue;
            }
            for (i, line) in rest[..take].iter().enumerate() {
                let y = baseline(self.y, style.leading, style.size);
                if first && i == 0 {
                    if let Some(b) = bullet {
                        let bx = x - style.size * 1.15 + style.size * 0.1;
                        self.page().items.push(Item::Text {
                            x: bx,
                            y,
                            line: b.clone(),
                        });
                    }
                }
                self.page().items.push(Item::Text {
                    x,
                    y,
                    line: line.clone(),
                });
                self.y -= style.leading;
            }
            first = false;
            rest = &rest[take..];
            if !rest.is_empty() {
                self.new_page();
            }
        }
    }

    fn place_table(&mut self, prep: &Prep, rest: &[Prep]) {
        let Prep::Table {
            cols,
            header,
            rows,
            leading,
            size,
        } = prep
        else {
            return;
        };
        let header_h =
            header.iter().map(Vec::len).max().unwrap_or(1) as f32 * leading + 2.0 * PAD_Y;
        if Self::lead(prep, rest) > self.room() && !self.at_top() {
            self.new_page();
        }
        self.table_header(cols, header, *leading, *size, header_h);
        for row in rows {
            let mut taken = 0;
            let total = row.iter().map(|(l, _)| l.len()).max().unwrap_or(0).max(1);
            while taken < total {
                let fit = ((self.room() - 2.0 * PAD_Y) / leading + 0.001)
                    .floor()
                    .max(0.0) as usize;
                let remaining = total - taken;
                let full_page = ((self.frame.top - self.frame.bottom - header_h - 2.0 * PAD_Y)
                    / leading)
                    .floor() as usize;
                // Keep a row whole when it fits on a fresh page; split only giant rows.
                let take = if remaining <= fit {
                    remaining
                } else if remaining <= full_page || fit < 2 {
                    0
                } else {
                    fit
                };
                if take == 0 {
                    self.new_page();
                    self.table_header(cols, header, *leading, *size, header_h);
                    continue;
                }
                let h = take as f32 * leading + 2.0 * PAD_Y;
                let top = self.y;
                for ((lines, align), (x, w)) in row.iter().zip(cols) {
                    let end = (taken + take).min(lines.len());
                    for (i, line) in lines.get(taken..end).unwrap_or(&[]).iter().enumerate() {
                        let lx = match align {
                            Align::Right => x + w - PAD_X - line.width,
                            _ => x + PAD_X,
                        };
                        let y = baseline(top - PAD_Y - i as f32 * leading, *leading, *size);
                        self.page().items.push(Item::Text {
                            x: lx,
                            y,
                            line: line.clone(),
                        });
                    }
                }
                self.y -= h;
                let (left, right, y) = (self.frame.left, self.frame.right, self.y);
                self.page().items.push(Item::Rule {
                    x1: left,
                    y1: y,
                    x2: right,
                    y2: y,
                    width: 0.5,
                    color: RULE,
                    dotted: false,
                });
                taken += take;
            }
        }
        self.y -= 10.0;
    }

    fn table_header(
        &mut self,
        cols: &[(f32, f32)],
        header: &[Vec<Line>],
        leading: f32,
        size: f32,
        h: f32,
    ) {
        let (left, right, top) = (self.frame.left, self.frame.right, self.y);
        let page = self.page();
        page.items.push(Item::Rect {
            x: left,
            y: top - h,
            w: right - left,
            h,
            fill: HEADER_FILL,
        });
        for (lines, (x, _)) in header.iter().zip(cols) {
            for (i, line) in lines.iter().enumerate() {
                let y = baseline(top - PAD_Y - i as f32 * leading, leading, size);
                page.items.push(Item::Text {
                    x: x + PAD_X,
                    y,
                    line: line.clone(),
                });
            }
        }
        self.y -= h;
    }

    fn place_chart(&mut self, chart: &BarChart, ts: &mut Typesetter) {
        let size = 8.5;
        let label_w = 70.0;
        let height = chart.rows.len() as f32 * CHART_ROW + 30.0;
        if height > self.room() && !self.at_top() {
            self.new_page();
        }
        let left = self.frame.left;
        let bar_left = left + label_w;
        let bar_w = self.frame.measure() - label_w - 30.0;
        let max = chart
            .rows
            .iter()
            .map(|(_, v)| v.iter().sum::<u32>())
            .max()
            .unwrap_or(1)
            .max(1) as f32;
        let mut items = Vec::new();
        let mut y = self.y - 4.0;
        for (label, values) in &chart.rows {
            let base = y - CHART_ROW + 4.0;
            items.push(Item::Text {
                x: left,
                y: base + 3.0,
                line: ts.line(Style::Regular, INK, label, size),
            });
            let mut x = bar_left;
            for (v, (_, color)) in values.iter().zip(&chart.series) {
                let w = *v as f32 / max * bar_w;
                if w > 0.0 {
                    items.push(Item::Rect {
                        x,
                        y: base,
                        w,
                        h: CHART_ROW - 5.0,
                        fill: *color,
                    });
                }
                x += w;
            }
            let total: u32 = values.iter().sum();
            items.push(Item::Text {
                x: x + 4.0,
                y: base + 3.0,
                line: ts.line(Style::Regular, MUTED, &total.to_string(), size),
            });
            y -= CHART_ROW;
        }
        // Legend: a swatch and name per series, left to right.
        let mut x = bar_left;
        let ly = y - 12.0;
        for (name, color) in &chart.series {
            items.push(Item::Rect {
                x,
                y: ly,
                w: 7.0,
                h: 7.0,
                fill: *color,
            });
            let line = ts.line(Style::Regular, MUTED, name, size - 0.5);
            let w = line.width;
            items.push(Item::Text {
                x: x + 10.0,
                y: ly + 0.5,
                line,
            });
            x += w + 22.0;
        }
        self.page().items.extend(items);
        self.y -= height;
    }
}
