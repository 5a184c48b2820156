//! The explicit layout tree: what the packet says, as typographic blocks (heading,
//! paragraph, list label, table, contents row, chart) inside structure groups (section,
//! list item, ...). Pagination reads it and records, for every mark it paints, the
//! structure element it belongs to (`structure`), from which the tagged PDF is written.

use super::fonts::Style;
use super::structure::Role;
use crate::model::Lang;

/// An RGB colour, components 0..=1.
pub type Rgb = (f32, f32, f32);

pub const INK: Rgb = (0.11, 0.12, 0.14);
pub const MUTED: Rgb = (0.36, 0.39, 0.43);
pub const ACCENT: Rgb = (0.06, 0.25, 0.45);
pub const RULE: Rgb = (0.78, 0.80, 0.83);
pub const HEADER_FILL: Rgb = (0.90, 0.93, 0.96);
pub const MARKING: Rgb = (0.62, 0.07, 0.07);

/// A run of text in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub style: Style,
    pub text: String,
    pub color: Rgb,
}

impl Span {
    pub fn new(style: Style, text: impl Into<String>) -> Span {
        Span {
            style,
            text: text.into(),
            color: INK,
        }
    }

    pub fn colored(mut self, color: Rgb) -> Span {
        self.color = color;
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    Left,
    Justify,
    Center,
    Right,
}

/// How a paragraph is set. Lengths in points.
#[derive(Debug, Clone, PartialEq)]
pub struct ParaStyle {
    pub size: f32,
    pub leading: f32,
    pub align: Align,
    pub indent: f32,
    pub space_before: f32,
    pub space_after: f32,
    /// Never end a page right after this block (headings).
    pub keep_with_next: bool,
    /// Hyphenate words (body text); titles and labels are not hyphenated.
    pub hyphenate: bool,
}

impl ParaStyle {
    pub fn body(size: f32) -> ParaStyle {
        ParaStyle {
            size,
            leading: size * 1.38,
            align: Align::Justify,
            indent: 0.0,
            space_before: 0.0,
            space_after: size * 0.5,
            keep_with_next: false,
            hyphenate: true,
        }
    }

    pub fn heading(size: f32, before: f32, after: f32) -> ParaStyle {
        ParaStyle {
            size,
            leading: size * 1.22,
            align: Align::Left,
            indent: 0.0,
            space_before: before,
            space_after: after,
            keep_with_next: true,
            hyphenate: false,
        }
    }
}

/// A bookmark in the PDF outline: level 1 (section, pillar) or 2 (initiative).
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineMark {
    pub level: u8,
    pub title: String,
}

/// One block of the layout tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading or paragraph (`role` is `P` or `H1`..`H3`). Headings carry an anchor
    /// (link target) and a bookmark.
    Para {
        spans: Vec<Span>,
        style: ParaStyle,
        anchor: Option<usize>,
        outline: Option<OutlineMark>,
        role: Role,
    },
    /// A structure element around blocks (section, list, list item, contents entry);
    /// it draws nothing. `lang` is set when its text is not in the packet's language.
    Group {
        role: Role,
        lang: Option<Lang>,
        blocks: Vec<Block>,
    },
    /// A list label (bullet), drawn in the hanging indent beside the first line of the
    /// paragraph that follows it.
    Label {
        span: Span,
        size: f32,
    },
    /// A table that may split across pages, repeating its header row.
    Table(Table),
    /// A contents row: title, dotted leader, and the page number of `anchor`; links to it.
    ContentsRow {
        spans: Vec<Span>,
        anchor: usize,
        indent: f32,
        size: f32,
    },
    /// Horizontal stacked bars, one per label, segments by series.
    BarChart(BarChart),
    Space(f32),
    PageBreak,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column widths as fractions of the text width (sum to 1).
    pub widths: Vec<f32>,
    pub header: Vec<Cell>,
    pub rows: Vec<Vec<Cell>>,
    pub size: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub spans: Vec<Span>,
    pub align: Align,
}

impl Cell {
    pub fn text(style: Style, text: impl Into<String>) -> Cell {
        Cell {
            spans: vec![Span::new(style, text)],
            align: Align::Left,
        }
    }

    pub fn right(mut self) -> Cell {
        self.align = Align::Right;
        self
    }

    /// Holds the cell's words together (dates: "12 September 2021" never breaks inside):
    /// its spaces become no-break spaces, except after a range's dash, where a line may
    /// still break between the two dates. A cell too narrow for the result is set
    /// smaller rather than broken (see `paginate::prepare`).
    pub fn nobreak(mut self) -> Cell {
        for span in &mut self.spans {
            span.text = nobreak(&span.text);
        }
        self
    }
}

/// `text` with its spaces made no-break, except the one after a dash (– or —).
pub fn nobreak(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut after_dash = false;
    for c in text.chars() {
        if c == ' ' && !after_dash {
            out.push('\u{a0}');
        } else {
            out.push(c);
        }
        after_dash = matches!(c, '–' | '—');
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// What the chart shows, in words (every count), for readers who cannot see it.
    pub alt: String,
    pub rows: Vec<(String, Vec<u32>)>,
    /// Series names and colours, in segment order.
    pub series: Vec<(String, Rgb)>,
}

impl Block {
    /// A structure group in the packet's language.
    pub fn group(role: Role, blocks: Vec<Block>) -> Block {
        Block::Group {
            role,
            lang: None,
            blocks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_held_together_but_ranges_may_break_after_the_dash() {
        assert_eq!(nobreak("12 September 2021"), "12\u{a0}September\u{a0}2021");
        assert_eq!(
            nobreak("June 2021 – May 2022"),
            "June\u{a0}2021\u{a0}– May\u{a0}2022"
        );
        let cell = Cell::text(Style::Regular, "1 de junio de 2021").nobreak();
        assert!(!cell.spans[0].text.contains(' '));
    }
}
