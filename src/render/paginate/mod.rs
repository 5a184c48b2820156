//! Places the layout tree on pages: headings stay with what follows, paragraphs never
//! leave a single line alone at the foot or head of a page, tables split between rows (or
//! inside a row taller than a page) and repeat their header row. While placing, it
//! records the structure tree and marks every painted item with its element or as an
//! artifact, so the PDF can be tagged without a second pass.
//!
//! `prepare` sets the text of each block; `table` and `chart` place those blocks.

mod chart;
mod prepare;
mod table;

use super::structure::{Artifact, Mark, NodeId, Role, StructTree};
use super::text::{Line, Typesetter};
use super::tree::*;
use prepare::{prepare, Prep};

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
    Text {
        x: f32,
        y: f32,
        line: Line,
        mark: Mark,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
        mark: Mark,
    },
    /// A line; rules are always layout artifacts.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
        dotted: bool,
    },
    /// A clickable area that jumps to an anchor; `node` is its `Link` element and
    /// `contents` describes where it goes (the annotation's /Contents).
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        anchor: usize,
        node: NodeId,
        contents: String,
    },
    /// The page number of `anchor`, right-aligned at `right`, filled in once pages are known.
    PageRef {
        anchor: usize,
        right: f32,
        y: f32,
        size: f32,
        mark: Mark,
    },
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub items: Vec<Item>,
}

/// Pages plus where each anchor and bookmark landed (0-based page, y of the block top),
/// and the structure tree of everything placed.
#[derive(Debug, Clone, Default)]
pub struct Laid {
    pub pages: Vec<Page>,
    pub anchors: Vec<Option<(usize, f32)>>,
    pub outline: Vec<(OutlineMark, usize, f32)>,
    pub structure: StructTree,
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
    let mut preps: Vec<Prep> = Vec::with_capacity(blocks.len() * 2);
    for block in blocks {
        prepare(block, frame, ts, &mut preps);
    }
    let mut p = Paginator {
        frame,
        laid: Laid {
            pages: vec![Page::default()],
            anchors: vec![None; anchors],
            outline: Vec::new(),
            structure: StructTree::new(),
        },
        y: frame.top,
        label: None,
    };
    for (i, prep) in preps.iter().enumerate() {
        p.place(prep, &preps[i + 1..], ts);
    }
    if p.laid.pages.last().is_some_and(|pg| pg.items.is_empty()) && p.laid.pages.len() > 1 {
        p.laid.pages.pop();
    }
    p.laid
}

struct Paginator {
    frame: Frame,
    laid: Laid,
    /// Top of the free space on the current page.
    y: f32,
    /// A list label waiting for the first line of the paragraph it labels.
    label: Option<(Line, NodeId)>,
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

    /// The least height that must fit with the start of `prep`: a kept block (heading)
    /// also brings the start of what follows it. Structure markers take no room and are
    /// looked through.
    fn lead(prep: &Prep, rest: &[Prep]) -> f32 {
        match prep {
            Prep::Lines { lines, style, .. } => {
                if style.keep_with_next {
                    style.space_before
                        + lines.len() as f32 * style.leading
                        + style.space_after
                        + Self::follow(rest)
                } else {
                    style.space_before + unsplit(lines.len()) as f32 * style.leading
                }
            }
            Prep::Open { .. } | Prep::Close | Prep::Label { .. } => rest
                .first()
                .map_or(0.0, |next| Self::lead(next, &rest[1..])),
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

    /// What a kept block needs below it: the lead of the next block, through spaces and
    /// structure markers. A paragraph that cannot be split (three lines or fewer, such
    /// as an initiative's summary) is taken whole and brings the start of the block
    /// after it, so a heading and its lead-in never end a page alone.
    fn follow(rest: &[Prep]) -> f32 {
        let mut above = 0.0;
        for (i, prep) in rest.iter().enumerate() {
            match prep {
                Prep::Open { .. } | Prep::Close | Prep::Label { .. } => {}
                Prep::Space(h) => above += h,
                Prep::Lines { lines, style, .. } if !style.keep_with_next && lines.len() <= 3 => {
                    return above
                        + style.space_before
                        + lines.len() as f32 * style.leading
                        + style.space_after
                        + Self::start(&rest[i + 1..]);
                }
                _ => return above + Self::lead(prep, &rest[i + 1..]),
            }
        }
        above
    }

    /// The first lines of the next body block (not a heading, which starts anew).
    fn start(rest: &[Prep]) -> f32 {
        for (i, prep) in rest.iter().enumerate() {
            match prep {
                Prep::Open { .. } | Prep::Label { .. } | Prep::Space(_) => {}
                Prep::Lines { style, .. } if style.keep_with_next => return 0.0,
                Prep::Close | Prep::PageBreak => return 0.0,
                _ => return Self::lead(prep, &rest[i + 1..]),
            }
        }
        0.0
    }

    fn place(&mut self, prep: &Prep, rest: &[Prep], ts: &mut Typesetter) {
        match prep {
            Prep::PageBreak => {
                if !self.at_top() {
                    self.new_page();
                }
            }
            Prep::Space(h) => self.y -= h.min(self.room()),
            Prep::Open { role, lang } => {
                self.laid.structure.open(*role, *lang);
            }
            Prep::Close => self.laid.structure.close(),
            Prep::Label { line } => {
                let node = self.laid.structure.leaf(Role::Lbl);
                self.label = Some((line.clone(), node));
            }
            Prep::Lines {
                lines,
                style,
                anchor,
                outline,
                role,
            } => {
                let lead = Self::lead(prep, rest);
                if lead > self.room() && !self.at_top() {
                    self.new_page();
                }
                if !self.at_top() {
                    self.y -= style.space_before;
                }
                self.mark(*anchor, outline);
                let node = self.laid.structure.leaf(*role);
                self.flow_lines(lines, style, self.frame.left + style.indent, node);
                self.y -= style.space_after;
            }
            Prep::Table { .. } => self.place_table(prep, rest),
            Prep::Contents {
                lines,
                anchor,
                indent,
                size,
                contents,
            } => self.place_contents_row(lines, *anchor, *indent, *size, contents),
            Prep::Chart(chart) => self.place_chart(chart, ts),
        }
    }

    /// A contents row: its title and page number are one `Link` element, which also owns
    /// the link annotation; the dotted leader is an artifact.
    fn place_contents_row(
        &mut self,
        lines: &[Line],
        anchor: usize,
        indent: f32,
        size: f32,
        contents: &str,
    ) {
        let h = contents_height(lines.len(), size);
        if h > self.room() {
            self.new_page();
        }
        let node = self.laid.structure.leaf(Role::Link);
        let mark = Mark::Node(node);
        let leading = size * 1.3;
        let x = self.frame.left + indent;
        let right = self.frame.right;
        let top = self.y;
        let pad = (h - lines.len() as f32 * leading) / 2.0;
        let page = self.page();
        let mut base = 0.0;
        for (i, line) in lines.iter().enumerate() {
            base = baseline(top - pad - i as f32 * leading, leading, size);
            page.items.push(Item::Text {
                x,
                y: base,
                line: line.clone(),
                mark,
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
            anchor,
            right,
            y: base,
            size,
            mark,
        });
        page.items.push(Item::Link {
            x,
            y: top - h,
            w: right - x,
            h,
            anchor,
            node,
            contents: contents.to_string(),
        });
        self.y -= h;
    }

    /// Places lines as content of `node`, splitting across pages with at least two lines
    /// on each side. A waiting list label is drawn beside the first line.
    fn flow_lines(&mut self, lines: &[Line], style: &ParaStyle, x: f32, node: NodeId) {
        let mark = Mark::Node(node);
        let mut label = self.label.take();
        let mut rest = lines;
        while !rest.is_empty() {
            let fit = (self.room() / style.leading + 0.001).floor().max(0.0) as usize;
            let n = rest.len();
            let take = if n <= fit {
                n
            } else if style.keep_with_next || n <= 3 || fit < 2 {
                // Agrees with `unsplit`: what `lead` promised is what is placed.
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
            for line in &rest[..take] {
                let y = baseline(self.y, style.leading, style.size);
                if let Some((b, node)) = label.take() {
                    // The label hangs in the indent: the bullet's old offset from the text.
                    let bx = x - style.size * 1.15 + style.size * 0.1;
                    self.page().items.push(Item::Text {
                        x: bx,
                        y,
                        line: b,
                        mark: Mark::Node(node),
                    });
                }
                self.page().items.push(Item::Text {
                    x,
                    y,
                    line: line.clone(),
                    mark,
                });
                self.y -= style.leading;
            }
            rest = &rest[take..];
            if !rest.is_empty() {
                self.new_page();
            }
        }
    }

    /// A rule across the text width (table row separators).
    fn rule_across(&mut self, y: f32) {
        let (left, right) = (self.frame.left, self.frame.right);
        self.page().items.push(Item::Rule {
            x1: left,
            y1: y,
            x2: right,
            y2: y,
            width: 0.5,
            color: RULE,
            dotted: false,
        });
    }
}

/// Lines of a paragraph that must stay together at the foot of a page: a paragraph of
/// three lines or fewer is never split (a split would leave a widow or an orphan).
fn unsplit(lines: usize) -> usize {
    if lines <= 3 {
        lines
    } else {
        2
    }
}

/// Marks for running heads and feet.
pub const HEADER: Mark = Mark::Artifact(Artifact::Header);
pub const FOOTER: Mark = Mark::Artifact(Artifact::Footer);
pub const LAYOUT: Mark = Mark::Artifact(Artifact::Layout);
