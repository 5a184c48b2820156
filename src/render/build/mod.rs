//! Packet -> layout tree: what each section says, as headings, paragraphs, lists and
//! tables inside structure groups, in reading order (cover, contents, sections).
//!
//! This file holds the frame (sections, headings, cover, contents); `overview`,
//! `pillars` and `annex` (timeline, changes, sources) build their sections.

mod annex;
mod book;
mod overview;
mod pillars;

use super::fonts::Style::{self, Bold, Regular};
use super::i18n::{self, labels};
use super::structure::Role;
use super::tree::*;
use crate::model::{roman, Lang, Status};
use crate::packet::{Packet, Section};

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

/// Builds the layout tree for `packet`, sections in the packet's order. Each section is
/// a `Sect`, each pillar a `Part` (pillars are top-level sections of their own).
pub fn build(packet: &Packet) -> Document {
    let mut b = Builder {
        packet,
        lang: packet.lang,
        anchors: 0,
        toc: Vec::new(),
    };
    let mut parts: Vec<(Part, Vec<Block>)> = Vec::new();
    for part in order(packet) {
        let blocks = match part {
            Part::Record(Section::Cover) => b.cover(),
            Part::Record(Section::Contents) => Vec::new(),
            Part::Record(Section::Overview) => b.overview(),
            Part::Record(Section::Pillars) => b.pillars(),
            Part::Record(Section::Timeline) => b.timeline(),
            Part::Record(Section::ChangesSince) => b.changes(),
            Part::Record(Section::Sources) => b.sources(),
            Part::Scope => b.scope(),
            Part::Schedule => b.schedule(),
            Part::Participants => b.participants(),
            Part::Press => b.press(),
            Part::Clearance => b.clearance(),
        };
        parts.push((part, blocks));
    }
    let mut contents = Some(b.contents());
    let mut blocks = Vec::new();
    for (part, content) in parts {
        match part {
            Part::Record(Section::Contents) => blocks.push(Block::group(
                Role::Sect,
                contents.take().unwrap_or_default(),
            )),
            Part::Record(Section::Pillars) => blocks.extend(content),
            _ if content.is_empty() => {}
            _ => blocks.push(Block::group(Role::Sect, content)),
        }
    }
    Document {
        blocks,
        anchors: b.anchors,
    }
}

/// A printed part of the packet: a section of the spec, or a part of a meeting's book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Record(Section),
    Scope,
    Schedule,
    Participants,
    Press,
    Clearance,
}

/// The print order. A record packet follows its spec's sections. A meeting's book:
/// cover, scope note and objectives, contents, schedule, participants, issue papers,
/// press lines, the annexes (overview, timeline, changes, sources), drafted/cleared;
/// the spec's sections still say which record sections appear.
fn order(packet: &Packet) -> Vec<Part> {
    if packet.book.is_none() {
        return packet.sections.iter().copied().map(Part::Record).collect();
    }
    let has = |s: Section| packet.sections.contains(&s);
    let mut out = Vec::new();
    let record = |out: &mut Vec<Part>, s: Section| {
        if has(s) {
            out.push(Part::Record(s));
        }
    };
    record(&mut out, Section::Cover);
    out.push(Part::Scope);
    record(&mut out, Section::Contents);
    out.extend([Part::Schedule, Part::Participants]);
    record(&mut out, Section::Pillars);
    out.push(Part::Press);
    for s in [
        Section::Overview,
        Section::Timeline,
        Section::ChangesSince,
        Section::Sources,
    ] {
        record(&mut out, s);
    }
    out.push(Part::Clearance);
    out
}

fn para(spans: Vec<Span>, style: ParaStyle) -> Block {
    Block::Para {
        spans,
        style,
        anchor: None,
        outline: None,
        role: Role::P,
    }
}

/// A heading that is neither in the contents nor in the outline (sub-headings).
fn subheading(spans: Vec<Span>, style: ParaStyle, role: Role) -> Block {
    Block::Para {
        spans,
        style,
        anchor: None,
        outline: None,
        role,
    }
}

fn plain(style: Style, text: impl Into<String>, size: f32) -> Block {
    para(vec![Span::new(style, text)], ParaStyle::body(size))
}

/// One item of a bulleted list: its first paragraph, more blocks for its body (meta
/// line, notes, a nested list), and whether the paragraph is English standing in for a
/// missing Spanish text (it then gets its own structure group with `/Lang`).
pub(super) struct Item {
    spans: Vec<Span>,
    extra: Vec<Block>,
    in_english: bool,
}

impl Item {
    pub(super) fn new(spans: Vec<Span>, extra: Vec<Block>) -> Item {
        Item {
            spans,
            extra,
            in_english: false,
        }
    }

    pub(super) fn in_english(mut self, yes: bool) -> Item {
        self.in_english = yes;
        self
    }
}

/// A bulleted list of plain items; see [`list_of`].
fn list(items: Vec<(Vec<Span>, Vec<Block>)>, style: ParaStyle, space_each: bool) -> Block {
    let items = items
        .into_iter()
        .map(|(spans, extra)| Item::new(spans, extra))
        .collect();
    list_of(items, style, space_each)
}

/// A bulleted list: `L` > `LI` > (`Lbl`, `LBody` > `P`), each item a paragraph with a
/// hanging indent, then the item's other blocks.
/// `space_each`: every item gets the space before, not only the first.
fn list_of(items: Vec<Item>, style: ParaStyle, space_each: bool) -> Block {
    let hang = style.size * 1.15;
    let n = items.len();
    let items = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            // Space before the list, half the space after between items, all of it after.
            let item_style = ParaStyle {
                indent: style.indent + hang,
                space_before: if i == 0 || space_each {
                    style.space_before
                } else {
                    0.0
                },
                space_after: if i + 1 == n {
                    style.space_after
                } else {
                    style.space_after * 0.5
                },
                ..style.clone()
            };
            let mut body = vec![fallback(para(item.spans, item_style), item.in_english)];
            body.extend(item.extra);
            Block::group(
                Role::LI,
                vec![
                    Block::Label {
                        span: Span::new(Bold, "•").colored(ACCENT),
                        size: style.size,
                    },
                    Block::group(Role::LBody, body),
                ],
            )
        })
        .collect();
    Block::group(Role::L, items)
}

/// `block` in a structure group marked English (`/Lang (en-US)`) when `in_english`: a
/// text of a Spanish packet that has no Spanish version.
fn fallback(block: Block, in_english: bool) -> Block {
    if in_english {
        Block::Group {
            role: Role::Sect,
            lang: Some(Lang::En),
            blocks: vec![block],
        }
    } else {
        block
    }
}

impl Builder<'_> {
    /// `text` in `style`, followed by a small "[EN]" when it is English standing in for
    /// a missing Spanish version.
    fn marked(&self, style: Style, text: &str, fallback: bool) -> Vec<Span> {
        let mut spans = vec![Span::new(style, text)];
        if fallback {
            let mark = labels(self.lang).fallback_mark;
            spans.push(Span::new(Regular, format!(" {mark}")).colored(MUTED));
        }
        spans
    }

    /// The number a source has in the sources annex ("[1]"), for compact references.
    fn source_number(&self, title: &str) -> Option<usize> {
        self.packet
            .sources
            .iter()
            .position(|s| s.title == title)
            .map(|i| i + 1)
    }

    fn anchor(&mut self) -> usize {
        self.anchors += 1;
        self.anchors - 1
    }

    /// How a pillar is named: "Pillar II" / "Pilar II"; the dialogue-level section
    /// (number 0) by its title alone, never "Pillar 0".
    fn pillar_name(&self, number: u32, title: Option<&str>) -> String {
        let l = labels(self.lang);
        if number == 0 {
            title.unwrap_or(l.general).to_string()
        } else {
            format!("{} {}", l.pillar, roman(number))
        }
    }

    /// A pillar's full name: "Pillar II. Title", or the title alone for number 0.
    fn pillar_title(&self, number: u32, title: &str, sep: &str) -> String {
        if number == 0 {
            title.to_string()
        } else {
            format!("{}{sep}{title}", self.pillar_name(number, None))
        }
    }

    /// A section heading (level 1) or initiative heading (level 2), in contents and outline.
    fn heading(&mut self, level: u8, title: String, display: Vec<Span>) -> Block {
        let anchor = self.anchor();
        self.toc.push((level, title.clone(), anchor));
        let (style, role) = match level {
            1 => (ParaStyle::heading(19.0, 0.0, 12.0), Role::H1),
            _ => (ParaStyle::heading(12.5, 16.0, 5.0), Role::H2),
        };
        Block::Para {
            spans: display,
            style,
            anchor: Some(anchor),
            outline: Some(OutlineMark { level, title }),
            role,
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
        let top = if p.book.is_some() { 90.0 } else { 140.0 };
        let mut out = vec![Block::Space(top)];
        out.push(para(
            vec![
                Span::new(Regular, format!("{} ({})", p.dialogue, p.dialogue_short)).colored(MUTED),
            ],
            center(12.0, 14.0),
        ));
        // The packet's title is the document's first heading.
        out.push(subheading(
            vec![Span::new(Bold, p.title.clone()).colored(ACCENT)],
            ParaStyle {
                leading: 33.0,
                ..center(27.0, 18.0)
            },
            Role::H1,
        ));
        if let Some(book) = &p.book {
            out.extend(self.book_cover(book));
        } else {
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
        }
        out.push(Block::Space(if p.book.is_some() { 70.0 } else { 120.0 }));
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

    /// The contents: a `TOC` of `TOCI` rows, each a `Link`; initiatives in a nested `TOC`
    /// under their pillar.
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
            role: Role::H1,
        };
        // (blocks of the row, rows nested under it)
        let mut rows: Vec<(Vec<Block>, Vec<Block>)> = Vec::new();
        for (level, title, anchor) in &self.toc {
            let (style, indent, size) = if *level == 1 {
                (Bold, 0.0, 10.5)
            } else {
                (Regular, 14.0, 9.5)
            };
            let row = Block::ContentsRow {
                spans: vec![Span::new(style, title.clone())],
                anchor: *anchor,
                indent,
                size,
            };
            match rows.last_mut() {
                Some((_, children)) if *level > 1 => {
                    children.push(Block::group(Role::TOCI, vec![row]));
                }
                _ => rows.push((vec![Block::Space(4.0), row], Vec::new())),
            }
        }
        let items = rows
            .into_iter()
            .map(|(mut blocks, children)| {
                if !children.is_empty() {
                    blocks.push(Block::group(Role::TOC, children));
                }
                Block::group(Role::TOCI, blocks)
            })
            .collect();
        vec![Block::PageBreak, heading, Block::group(Role::TOC, items)]
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests;
