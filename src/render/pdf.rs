//! Writes laid-out pages as PDF: running heads and feet (artifacts), fonts (subset) and
//! metadata through printpdf; page contents from `content`; links, structure tree and
//! the rest in `finish`.

use super::content::{page_stream, FONT_IDS};
use super::finish::finish;
use super::fonts::{space_glyph, Style};
use super::i18n;
use super::paginate::{Frame, Item, Laid, Page, FOOTER, HEADER};
use super::structure::{Mark, Role};
use super::subset::{subset, Subset};
use super::syntax::Written;
use super::text::{Line, Typesetter};

/// PostScript names of the three faces, by `Style::index`.
pub const FONT_NAMES: [&str; 3] = ["NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic"];
use super::tree::{INK, MARKING, MUTED, RULE};
use super::xref::save;
use super::RenderError;
use crate::packet::{Packet, Section};
use printpdf::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// Adds running heads and feet, resolves contents page numbers: after this every page
/// item is final and every glyph the file needs is known.
/// Numbers the pages and adds the running head and foot; `copy` ("Copy 2 of 5 — NAME")
/// goes in the foot of every page, the cover's included.
pub fn finish_pages(
    packet: &Packet,
    laid: &mut Laid,
    frame: Frame,
    ts: &mut Typesetter,
    copy: Option<&str>,
) {
    // The cover is not numbered: "Page 1" is the first page after it, as in print.
    let first = usize::from(packet.sections.first() == Some(&Section::Cover));
    let total = laid.pages.len() - first;
    let l = i18n::labels(packet.lang);
    let numbers: Vec<Option<usize>> = laid
        .anchors
        .iter()
        .map(|a| a.map(|(p, _)| p + 1 - first))
        .collect();
    let prepared = packet
        .prepared_on
        .map(|d| format!("{}: {}", l.prepared_on, i18n::day(packet.lang, d)));
    for index in 0..laid.pages.len() {
        for item in laid.pages[index].items.iter_mut() {
            if let Item::PageRef {
                anchor,
                right,
                y,
                size,
                mark,
            } = item
            {
                let text = numbers
                    .get(*anchor)
                    .copied()
                    .flatten()
                    .map_or("–".to_string(), |n| n.to_string());
                let line = ts.line(Style::Regular, INK, &text, *size);
                *item = Item::Text {
                    x: *right - line.width,
                    y: *y,
                    line,
                    mark: *mark,
                };
            }
        }
        if index < first {
            cover_marking(packet, laid, index, frame, ts);
        } else {
            let number = index + 1 - first;
            let page = &mut laid.pages[index];
            running(packet, page, frame, ts, number, total, prepared.as_deref());
        }
        // Last, beside the other foot items (one artifact sequence).
        if let Some(copy) = copy {
            let line = ts.line(Style::Bold, INK, copy, 7.5);
            let x = (frame.width - line.width) / 2.0;
            let y = if index < first { 44.0 } else { 48.0 };
            laid.pages[index].items.push(Item::Text {
                x,
                y,
                line,
                mark: FOOTER,
            });
        }
    }
}

/// The cover carries the marking at top and bottom. The top one is the cover's first
/// paragraph for assistive technology (a reader must hear the handling caveat once);
/// the bottom one, and the marking on every later page, are page furniture.
fn cover_marking(
    packet: &Packet,
    laid: &mut Laid,
    index: usize,
    frame: Frame,
    ts: &mut Typesetter,
) {
    let Some(marking) = &packet.marking else {
        return;
    };
    let cover = (index == 0)
        .then(|| laid.structure.nodes[0].children.first().copied())
        .flatten();
    let top = cover.map_or(HEADER, |sect| {
        Mark::Node(laid.structure.insert_leaf(sect, 0, Role::P))
    });
    let page = &mut laid.pages[index];
    marking_line(marking_top(frame), top, marking, page, frame, ts);
    marking_line(MARKING_BOTTOM, FOOTER, marking, page, frame, ts);
}

/// The marking's size: a handling caveat must be read at a glance (at least 10 pt bold).
pub const MARKING_SIZE: f32 = 10.0;

/// Where the marking's baselines sit, top and bottom, outside the running head and foot.
fn marking_top(frame: Frame) -> f32 {
    frame.height - 30.0
}
const MARKING_BOTTOM: f32 = 26.0;

/// The marking, bold and centred, at baseline `y`.
fn marking_line(
    y: f32,
    mark: Mark,
    marking: &str,
    page: &mut Page,
    frame: Frame,
    ts: &mut Typesetter,
) {
    let line = ts.line(Style::Bold, MARKING, marking, MARKING_SIZE);
    let x = (frame.width - line.width) / 2.0;
    page.items.push(Item::Text { x, y, line, mark });
}

fn running(
    packet: &Packet,
    page: &mut Page,
    frame: Frame,
    ts: &mut Typesetter,
    n: usize,
    total: usize,
    prepared: Option<&str>,
) {
    let size = 7.5;
    let head_y = frame.height - 44.0;
    // Head items, then foot items: each group is one artifact sequence in the content.
    if let Some(marking) = &packet.marking {
        marking_line(marking_top(frame), HEADER, marking, page, frame, ts);
    }
    let title = ts.line(Style::Regular, MUTED, &packet.title, size);
    page.items.push(Item::Text {
        x: frame.right - title.width,
        y: head_y,
        line: title,
        mark: HEADER,
    });
    page.items.push(Item::Rule {
        x1: frame.left,
        y1: head_y - 7.0,
        x2: frame.right,
        y2: head_y - 7.0,
        width: 0.5,
        color: RULE,
        dotted: false,
    });
    if let Some(marking) = &packet.marking {
        marking_line(MARKING_BOTTOM, FOOTER, marking, page, frame, ts);
    }
    let foot_y = 48.0;
    page.items.push(Item::Rule {
        x1: frame.left,
        y1: foot_y + 11.0,
        x2: frame.right,
        y2: foot_y + 11.0,
        width: 0.5,
        color: RULE,
        dotted: false,
    });
    if let Some(prepared) = prepared {
        let line = ts.line(Style::Regular, MUTED, prepared, size);
        page.items.push(Item::Text {
            x: frame.left,
            y: foot_y,
            line,
            mark: FOOTER,
        });
    }
    let number = ts.line(
        Style::Regular,
        INK,
        &i18n::page_of(packet.lang, n, total),
        size,
    );
    page.items.push(Item::Text {
        x: frame.right - number.width,
        y: foot_y,
        line: number,
        mark: FOOTER,
    });
}

fn lines(page: &Page) -> impl Iterator<Item = &Line> {
    page.items.iter().filter_map(|i| match i {
        Item::Text { line, .. } => Some(line),
        _ => None,
    })
}

/// Writes the finished pages as PDF bytes; `tagged` adds the structure tree and marked
/// content (always, except to measure what tagging costs).
pub fn write(
    packet: &Packet,
    laid: &Laid,
    frame: Frame,
    tagged: bool,
) -> Result<Vec<u8>, RenderError> {
    let (doc, written, _) = document(packet, laid, frame, tagged)?;
    save(&doc, &written, 6).map_err(|e| RenderError::Pdf(e.to_string()))
}

/// Numbered copies, stamped: the document (fonts, structure tree, outline, links) is
/// built once from `union`, the pages with every copy's stamp line among their glyphs;
/// each copy then only replaces the page contents with its own (`copies`, laid out as
/// `union` but each with its own stamp, an artifact, so the marked content is the same)
/// and gets its own file ID.
pub fn write_copies(
    packet: &Packet,
    union: &Laid,
    copies: &[Laid],
    frame: Frame,
) -> Result<Vec<Vec<u8>>, RenderError> {
    let (mut doc, written, subsets) = document(packet, union, frame, true)?;
    let contents: Vec<lopdf::ObjectId> = doc
        .get_pages()
        .into_values()
        .map(|page| {
            doc.get_dictionary(page)
                .and_then(|d| d.get(b"Contents"))
                .and_then(lopdf::Object::as_reference)
                .map_err(|e| RenderError::Pdf(format!("page contents: {e}")))
        })
        .collect::<Result<_, _>>()?;
    copies
        .iter()
        .enumerate()
        .map(|(k, laid)| {
            for (page, id) in laid.pages.iter().zip(&contents) {
                let (stream, _) = page_stream(page, &subsets, Some(&laid.structure));
                doc.objects.insert(*id, packed_stream(&stream)?);
            }
            let digest = Sha256::digest(format!("{:?} copy {k}", doc.trailer.get(b"ID").ok()));
            let id = lopdf::Object::String(digest[..16].to_vec(), lopdf::StringFormat::Hexadecimal);
            let mut copy_id = doc.trailer.clone();
            copy_id.set("ID", vec![id.clone(), id]);
            let trailer = std::mem::replace(&mut doc.trailer, copy_id);
            let bytes = save(&doc, &written, 6).map_err(|e| RenderError::Pdf(e.to_string()));
            doc.trailer = trailer;
            bytes
        })
        .collect()
}

/// A page content stream, deflated.
fn packed_stream(content: &[u8]) -> Result<lopdf::Object, RenderError> {
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    std::io::Write::write_all(&mut enc, content).map_err(|e| RenderError::Pdf(e.to_string()))?;
    let packed = enc.finish().map_err(|e| RenderError::Pdf(e.to_string()))?;
    let dict = lopdf::dictionary! { "Filter" => "FlateDecode" };
    Ok(lopdf::Object::Stream(
        lopdf::Stream::new(dict, packed).with_compression(false),
    ))
}

/// The finished lopdf document of `laid`, the objects written beside it (the structure
/// tree) and the font subsets its pages use.
fn document(
    packet: &Packet,
    laid: &Laid,
    frame: Frame,
    tagged: bool,
) -> Result<(lopdf::Document, Written, Vec<Option<Subset>>), RenderError> {
    let mut used: [BTreeSet<u16>; 3] = Default::default();
    // The text each glyph stands for (first seen wins; ligatures are off, so it is unique).
    let mut texts: [BTreeMap<u16, String>; 3] = Default::default();
    let mut seen_pieces = std::collections::HashSet::new();
    for page in &laid.pages {
        for line in lines(page) {
            for run in &line.runs {
                let i = run.style.index();
                for piece in &run.pieces {
                    if !seen_pieces.insert(std::rc::Rc::as_ptr(&piece.shaped)) {
                        continue;
                    }
                    for g in &piece.shaped.glyphs {
                        used[i].insert(g.gid);
                        if !g.text.is_empty() {
                            texts[i].entry(g.gid).or_insert_with(|| g.text.clone());
                        }
                    }
                }
            }
        }
    }
    // Lines end with an invisible space (see `content`): every face in use needs it.
    for style in Style::ALL {
        if !used[style.index()].is_empty() {
            let space = space_glyph(style);
            used[style.index()].insert(space);
            texts[style.index()].insert(space, " ".into());
        }
    }
    let mut subsets: Vec<Option<Subset>> = Vec::new();
    let mut doc = PdfDocument::new(&packet.title);
    // printpdf writes a font's widths and descriptor from the glyphs its ops show; one
    // invisible showing of every used glyph on page 1 gives it the full set. The real page
    // contents replace these ops afterwards (see `content`).
    let mut driver = vec![
        Op::StartTextSection,
        Op::SetTextRenderingMode {
            mode: TextRenderingMode::Invisible,
        },
    ];
    for style in Style::ALL {
        let set = &used[style.index()];
        if set.is_empty() {
            subsets.push(None);
            continue;
        }
        let name = FONT_NAMES[style.index()];
        let sub = subset(style, set).map_err(|e| RenderError::Font(format!("{name}: {e}")))?;
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(&sub.bytes, 0, &mut warnings)
            .ok_or_else(|| RenderError::Font(format!("{name}: the subset does not parse")))?;
        let id = FontId(FONT_IDS[style.index()].into());
        doc.resources
            .fonts
            .map
            .insert(id.clone(), font::PdfFont::new(parsed));
        driver.push(Op::SetFont {
            font: PdfFontHandle::External(id),
            size: Pt(1.0),
        });
        let glyphs = sub
            .map
            .values()
            .filter(|g| **g != 0)
            .map(|g| Codepoint::new(*g, 0.0))
            .collect();
        driver.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(glyphs)],
        });
        subsets.push(Some(sub));
    }
    driver.push(Op::EndTextSection);
    let pages: Vec<PdfPage> = laid
        .pages
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let ops = if i == 0 {
                std::mem::take(&mut driver)
            } else {
                Vec::new()
            };
            let mut p = PdfPage::new(Mm(0.0), Mm(0.0), ops);
            let rect = Rect::from_wh(Pt(frame.width), Pt(frame.height));
            p.media_box = rect.clone();
            p.trim_box = rect.clone();
            p.crop_box = rect;
            p
        })
        .collect();
    doc.with_pages(pages);
    // `/Info` is written by `finish` (`metadata::info`), not by printpdf.
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(
        &PdfSaveOptions {
            optimize: false,
            ..Default::default()
        },
        &mut warnings,
    );
    let tree = tagged.then_some(&laid.structure);
    let (streams, mcids): (Vec<Vec<u8>>, Vec<Vec<usize>>) = laid
        .pages
        .iter()
        .map(|p| page_stream(p, &subsets, tree))
        .unzip();
    let tagging = tagged.then_some(mcids.as_slice());
    let mut written = Written::default();
    finish(
        &mut lo,
        &mut written,
        packet,
        laid,
        &subsets,
        &texts,
        streams,
        tagging,
    )?;
    Ok((lo, written, subsets))
}
