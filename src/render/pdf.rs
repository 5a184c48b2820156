//! Writes laid-out pages as PDF: printpdf builds pages, fonts, links and metadata; lopdf
//! then adds what printpdf cannot (a nested outline, /Lang, subset tags on font names, a
//! content-derived file ID) and saves with object streams.

use super::fonts::{units_per_em, Style};
use super::i18n;
use super::paginate::{Frame, Item, Laid, Page};
use super::subset::{subset, Subset};
use super::text::{Line, Typesetter};
use super::tree::{Rgb, INK, MARKING, MUTED, RULE};
use super::RenderError;
use crate::model::Lang;
use crate::packet::{Packet, Section};
use lopdf::{Dictionary, Object, ObjectId};
use printpdf::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

const FONT_IDS: [&str; 3] = ["F1", "F2", "F3"];
const FONT_NAMES: [&str; 3] = ["NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic"];

/// Adds running heads and feet, resolves contents page numbers: after this every page
/// item is final and every glyph the file needs is known.
pub fn finish_pages(packet: &Packet, laid: &mut Laid, frame: Frame, ts: &mut Typesetter) {
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
    for (index, page) in laid.pages.iter_mut().enumerate() {
        for item in page.items.iter_mut() {
            if let Item::PageRef {
                anchor,
                right,
                y,
                size,
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
                };
            }
        }
        if index < first {
            cover_marking(packet, page, frame, ts);
            continue;
        }
        let number = index + 1 - first;
        running(packet, page, frame, ts, number, total, prepared.as_deref());
    }
}

/// The cover carries the marking at top and bottom too (it already shows it in its body).
fn cover_marking(packet: &Packet, page: &mut Page, frame: Frame, ts: &mut Typesetter) {
    if let Some(marking) = &packet.marking {
        for y in [frame.height - 44.0, 30.0] {
            let line = ts.line(Style::Bold, MARKING, marking, 7.5);
            let x = (frame.width - line.width) / 2.0;
            page.items.push(Item::Text { x, y, line });
        }
    }
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
    if let Some(marking) = &packet.marking {
        let line = ts.line(Style::Bold, MARKING, marking, size);
        page.items.push(Item::Text {
            x: frame.left,
            y: head_y,
            line,
        });
    }
    let title = ts.line(Style::Regular, MUTED, &packet.title, size);
    page.items.push(Item::Text {
        x: frame.right - title.width,
        y: head_y,
        line: title,
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
    });
    if let Some(marking) = &packet.marking {
        let line = ts.line(Style::Bold, MARKING, marking, size);
        let x = (frame.width - line.width) / 2.0;
        page.items.push(Item::Text { x, y: 30.0, line });
    }
}

fn lines(page: &Page) -> impl Iterator<Item = &Line> {
    page.items.iter().filter_map(|i| match i {
        Item::Text { line, .. } => Some(line),
        _ => None,
    })
}

/// Writes the finished pages. `warnings` receives anything printpdf reports.
pub fn write(packet: &Packet, laid: &Laid, frame: Frame) -> Result<Vec<u8>, RenderError> {
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
    let mut subsets: Vec<Option<Subset>> = Vec::new();
    let mut doc = PdfDocument::new(&packet.title);
    for style in Style::ALL {
        let set = &used[style.index()];
        if set.is_empty() {
            subsets.push(None);
            continue;
        }
        let sub = subset(style, set)
            .map_err(|e| RenderError::Font(format!("{}: {e}", FONT_NAMES[style.index()])))?;
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(&sub.bytes, 0, &mut warnings).ok_or_else(|| {
            RenderError::Font(format!(
                "{}: subset does not parse",
                FONT_NAMES[style.index()]
            ))
        })?;
        doc.resources.fonts.map.insert(
            FontId(FONT_IDS[style.index()].into()),
            font::PdfFont::new(parsed),
        );
        subsets.push(Some(sub));
    }
    let pages: Vec<PdfPage> = laid
        .pages
        .iter()
        .map(|page| {
            let mut p = PdfPage::new(Mm(0.0), Mm(0.0), page_ops(page, &subsets, &laid.anchors));
            let rect = Rect::from_wh(Pt(frame.width), Pt(frame.height));
            p.media_box = rect.clone();
            p.trim_box = rect.clone();
            p.crop_box = rect;
            p
        })
        .collect();
    doc.with_pages(pages);
    let info = &mut doc.metadata.info;
    info.author = if packet.prepared_by.is_empty() {
        packet.dialogue.clone()
    } else {
        packet.prepared_by.clone()
    };
    info.subject = [packet.dialogue.as_str(), packet.meeting.name.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" — ");
    info.creator = "Briefbook".into();
    info.producer = "Briefbook (printpdf 0.12.8)".into();
    info.keywords = vec![packet.dialogue_short.clone()];
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(
        &PdfSaveOptions {
            optimize: false,
            ..Default::default()
        },
        &mut warnings,
    );
    finish_lopdf(&mut lo, packet, laid, &subsets, &texts)?;
    let mut bytes = Vec::new();
    lo.save_with_options(
        &mut bytes,
        lopdf::SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .compression_level(6)
            .build(),
    )
    .map_err(|e| RenderError::Pdf(e.to_string()))?;
    Ok(bytes)
}

fn rgb((r, g, b): Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

fn page_ops(page: &Page, subsets: &[Option<Subset>], anchors: &[Option<(usize, f32)>]) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut fill: Option<Rgb> = None;
    // Graphics first, then one text object: rectangles never cover text.
    for item in &page.items {
        match item {
            Item::Rect {
                x,
                y,
                w,
                h,
                fill: color,
            } => {
                if fill != Some(*color) {
                    ops.push(Op::SetFillColor { col: rgb(*color) });
                    fill = Some(*color);
                }
                ops.push(Op::DrawPolygon {
                    polygon: Rect::from_xywh(Pt(*x), Pt(*y), Pt(*w), Pt(*h)).to_polygon(),
                });
            }
            Item::Rule {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
                dotted,
            } => {
                ops.push(Op::SetOutlineColor { col: rgb(*color) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                ops.push(Op::SetLineDashPattern {
                    dash: if *dotted {
                        LineDashPattern::new(0.0, &[0.8, 2.4])
                    } else {
                        LineDashPattern::solid()
                    },
                });
                ops.push(Op::DrawLine {
                    line: printpdf::Line {
                        points: vec![
                            LinePoint {
                                p: Point {
                                    x: Pt(*x1),
                                    y: Pt(*y1),
                                },
                                bezier: false,
                            },
                            LinePoint {
                                p: Point {
                                    x: Pt(*x2),
                                    y: Pt(*y2),
                                },
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
            _ => {}
        }
    }
    ops.push(Op::StartTextSection);
    let mut font: Option<(Style, f32)> = None;
    let upem = units_per_em();
    for item in &page.items {
        let Item::Text { x, y, line } = item else {
            continue;
        };
        for run in &line.runs {
            if font != Some((run.style, run.size)) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(FontId(FONT_IDS[run.style.index()].into())),
                    size: Pt(run.size),
                });
                font = Some((run.style, run.size));
            }
            if fill != Some(run.color) {
                ops.push(Op::SetFillColor {
                    col: rgb(run.color),
                });
                fill = Some(run.color);
            }
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(x + run.x), Pt(*y)),
            });
            let map = subsets[run.style.index()].as_ref().map(|s| &s.map);
            let mut glyphs = Vec::new();
            for piece in &run.pieces {
                let n = piece.shaped.glyphs.len();
                for (i, g) in piece.shaped.glyphs.iter().enumerate() {
                    // TJ numbers are in 1/1000 em and move left: cancel the difference between
                    // the shaped (kerned) advance and the font's nominal one.
                    let mut offset = (g.nominal - g.advance) as f32 * 1000.0 / upem;
                    if i + 1 == n && piece.extra != 0.0 {
                        offset -= piece.extra * 1000.0 / run.size;
                    }
                    let gid = map.and_then(|m| m.get(&g.gid)).copied().unwrap_or(0);
                    glyphs.push(Codepoint::new(gid, (offset * 100.0).round() / 100.0));
                }
            }
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(glyphs)],
            });
        }
    }
    ops.push(Op::EndTextSection);
    for item in &page.items {
        if let Item::Link { x, y, w, h, anchor } = item {
            let Some(Some((target, top))) = anchors.get(*anchor) else {
                continue;
            };
            let dest = Destination::Xyz {
                page: target + 1,
                left: Some(0.0),
                top: Some(*top + 20.0),
                zoom: None,
            };
            ops.push(Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    Rect::from_xywh(Pt(*x), Pt(*y), Pt(*w), Pt(*h)),
                    Actions::Goto(dest),
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    None,
                    None,
                ),
            });
        }
    }
    ops
}

/// What printpdf cannot write: outline tree, /Lang, subset tags, file ID; then compression.
fn finish_lopdf(
    doc: &mut lopdf::Document,
    packet: &Packet,
    laid: &Laid,
    subsets: &[Option<Subset>],
    texts: &[BTreeMap<u16, String>; 3],
) -> Result<(), RenderError> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| RenderError::Pdf(format!("no catalog: {e}")))?;

    // Outline: level-1 marks at the top, level-2 marks under the level-1 mark before them.
    let outlines_id = doc.new_object_id();
    let mut tree: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, (mark, _, _)) in laid.outline.iter().enumerate() {
        match (mark.level, tree.last_mut()) {
            (2, Some((_, children))) => children.push(i),
            _ => tree.push((i, Vec::new())),
        }
    }
    let ids: Vec<ObjectId> = laid.outline.iter().map(|_| doc.new_object_id()).collect();
    let item = |i: usize, parent: ObjectId, prev: Option<ObjectId>, next: Option<ObjectId>| {
        let (mark, page, y) = &laid.outline[i];
        let mut d = Dictionary::new();
        d.set("Title", Object::string_literal(utf16(&mark.title)));
        d.set("Parent", parent);
        let page_ref = pages.get(*page).copied().unwrap_or(pages[0]);
        d.set(
            "Dest",
            vec![
                page_ref.into(),
                "XYZ".into(),
                0.into(),
                Object::Real(*y + 20.0),
                Object::Null,
            ],
        );
        if let Some(p) = prev {
            d.set("Prev", p);
        }
        if let Some(n) = next {
            d.set("Next", n);
        }
        d
    };
    for (k, (top, children)) in tree.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| ids[tree[j].0]);
        let next = tree.get(k + 1).map(|t| ids[t.0]);
        let mut d = item(*top, outlines_id, prev, next);
        if let (Some(first), Some(last)) = (children.first(), children.last()) {
            d.set("First", ids[*first]);
            d.set("Last", ids[*last]);
            // Negative count: pillars start closed, so the outline reads as a table of pillars.
            d.set("Count", -(children.len() as i64));
        }
        doc.objects.insert(ids[*top], Object::Dictionary(d));
        for (c, child) in children.iter().enumerate() {
            let prev = c.checked_sub(1).map(|j| ids[children[j]]);
            let next = children.get(c + 1).map(|j| ids[*j]);
            doc.objects.insert(
                ids[*child],
                Object::Dictionary(item(*child, ids[*top], prev, next)),
            );
        }
    }
    if let (Some(first), Some(last)) = (tree.first(), tree.last()) {
        let mut d = Dictionary::new();
        d.set("Type", "Outlines");
        d.set("First", ids[first.0]);
        d.set("Last", ids[last.0]);
        d.set("Count", tree.len() as i64);
        doc.objects.insert(outlines_id, Object::Dictionary(d));
    }
    let catalog = doc
        .get_object_mut(catalog_id)
        .and_then(Object::as_dict_mut)
        .map_err(|e| RenderError::Pdf(format!("catalog: {e}")))?;
    if !tree.is_empty() {
        catalog.set("Outlines", outlines_id);
        catalog.set("PageMode", "UseOutlines");
    }
    catalog.set(
        "Lang",
        Object::string_literal(match packet.lang {
            Lang::En => "en-US",
            Lang::Es => "es-MX",
        }),
    );

    // Subset tag (ISO 32000-1 9.6.4): six capitals derived from the glyph set, so equal
    // packets give equal names.
    let mut fonts: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (i, sub) in subsets.iter().enumerate() {
        if let Some(sub) = sub {
            let digest = Sha256::digest(
                sub.map
                    .keys()
                    .flat_map(|g| g.to_be_bytes())
                    .collect::<Vec<u8>>(),
            );
            let tag: String = digest
                .iter()
                .take(6)
                .map(|b| (b'A' + b % 26) as char)
                .collect();
            let by_new: BTreeMap<u16, String> = texts[i]
                .iter()
                .filter_map(|(old, text)| sub.map.get(old).map(|new| (*new, text.clone())))
                .collect();
            fonts.insert(
                FONT_IDS[i].to_string(),
                (format!("{tag}+{}", FONT_NAMES[i]), to_unicode_cmap(&by_new)),
            );
        }
    }
    fix_fonts(doc, &fonts);

    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object {
            if stream.dict.get(b"Filter").is_err() && stream.content.len() > 64 {
                let mut enc =
                    flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
                std::io::Write::write_all(&mut enc, &stream.content)
                    .map_err(|e| RenderError::Pdf(e.to_string()))?;
                let packed = enc.finish().map_err(|e| RenderError::Pdf(e.to_string()))?;
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(packed);
            }
        }
    }
    // File ID from the content, not printpdf's process-global counter: same packet, same bytes.
    let digest = Sha256::digest(serde_json::to_vec(packet).unwrap_or_default());
    let id = Object::String(digest[..16].to_vec(), lopdf::StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    Ok(())
}

/// Gives each font its tagged subset name (`/BaseFont`, `/FontName`) and a ToUnicode map
/// built from the shaped text, so extraction yields exactly the characters typed.
fn fix_fonts(doc: &mut lopdf::Document, fonts: &BTreeMap<String, (String, String)>) {
    let tagged_name = |d: &Dictionary, key: &[u8]| {
        let name = d.get(key).and_then(Object::as_name).ok()?;
        fonts.get(String::from_utf8_lossy(name).as_ref())
    };
    let mut type0 = Vec::new();
    for (id, object) in doc.objects.iter_mut() {
        let Object::Dictionary(d) = object else {
            continue;
        };
        if let Some((tagged, cmap)) = tagged_name(d, b"BaseFont").cloned() {
            let is_type0 = d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0");
            d.set("BaseFont", Object::Name(tagged.clone().into_bytes()));
            // Descendant fonts may be written inline.
            if let Ok(Object::Array(descendants)) = d.get_mut(b"DescendantFonts") {
                for desc in descendants.iter_mut() {
                    if let Object::Dictionary(dd) = desc {
                        dd.set("BaseFont", Object::Name(tagged.clone().into_bytes()));
                    }
                }
            }
            if is_type0 {
                type0.push((*id, cmap));
            }
        }
        if let Some((tagged, _)) = tagged_name(d, b"FontName").cloned() {
            d.set("FontName", Object::Name(tagged.into_bytes()));
        }
    }
    for (font_id, cmap) in type0 {
        let stream = lopdf::Stream::new(Dictionary::new(), cmap.into_bytes());
        let existing = doc
            .get_dictionary(font_id)
            .and_then(|d| d.get(b"ToUnicode"))
            .and_then(Object::as_reference)
            .ok();
        match existing {
            Some(id) => {
                doc.objects.insert(id, Object::Stream(stream));
            }
            None => {
                let id = doc.add_object(stream);
                if let Ok(Object::Dictionary(d)) = doc.get_object_mut(font_id) {
                    d.set("ToUnicode", id);
                }
            }
        }
    }
}

/// A ToUnicode CMap for Identity-H codes (the subset glyph ids).
fn to_unicode_cmap(map: &BTreeMap<u16, String>) -> String {
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &String)> = map.iter().filter(|(_, t)| !t.is_empty()).collect();
    for chunk in entries.chunks(100) {
        out.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (gid, text) in chunk {
            let hex: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
            out.push_str(&format!("<{gid:04X}> <{hex}>\n"));
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

/// PDF text string in UTF-16BE with BOM, so accented titles survive in bookmarks.
fn utf16(text: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        out.extend(unit.to_be_bytes());
    }
    out
}
