//! Packet -> PDF bytes. Pure and deterministic: the same packet gives the same bytes.
//!
//! Steps: `build` turns the packet into the layout tree (`tree`), `text` sets paragraphs
//! into lines, `paginate` places blocks on pages and records the logical structure
//! (`structure`), `pdf` writes them with printpdf (page contents from `content`, with
//! marked content) and `finish` completes the file with lopdf: outline tree, subset font
//! names, link annotations, the structure tree of a tagged PDF (`tags`, `metadata`),
//! compression (`xref` deflates the cross-reference stream). Every packet is a tagged (accessible) PDF.

pub mod breaking;
pub mod build;
pub mod content;
pub mod finish;
pub mod fontnames;
pub mod fonts;
pub mod i18n;
pub mod links;
pub mod metadata;
pub mod outline;
pub mod paginate;
pub mod pdf;
pub mod structure;
pub mod subset;
pub mod syntax;
pub mod tags;
pub mod text;
pub mod tree;
pub mod xref;

use crate::packet::Packet;
use paginate::{paginate, Frame};
use text::Typesetter;

/// A rendered packet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: u32,
    /// Things a reader should know, e.g. characters the font lacks (shown as `[U+XXXX]`).
    pub warnings: Vec<String>,
}

/// Why a packet could not be rendered (an internal failure: every packet is renderable).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    #[error("font {0}")]
    Font(String),
    #[error("PDF writing failed: {0}")]
    Pdf(String),
}

/// Renders `packet` to a tagged PDF (PDF/UA-1). Deterministic: no clock, no randomness,
/// no system fonts.
pub fn render_pdf(packet: &Packet) -> Result<Rendered, RenderError> {
    render(packet, true)
}

/// The same render without structure tree and marked content. Only for the benchmark,
/// which reports what tagging costs; packets are always tagged.
#[doc(hidden)]
pub fn render_pdf_untagged_for_benchmark(packet: &Packet) -> Result<Rendered, RenderError> {
    render(packet, false)
}

fn render(packet: &Packet, tagged: bool) -> Result<Rendered, RenderError> {
    let frame = Frame::new(packet.page.points());
    let mut ts = Typesetter::new(packet.lang);
    let doc = build::build(packet);
    let mut laid = paginate(&doc.blocks, frame, &mut ts, doc.anchors);
    pdf::finish_pages(packet, &mut laid, frame, &mut ts, None);
    let bytes = pdf::write(packet, &laid, frame, tagged)?;
    Ok(Rendered {
        bytes,
        pages: laid.pages.len() as u32,
        warnings: warnings(&ts),
    })
}

/// One PDF per recipient, "Copy K of N — NAME" in the foot of every page. The packet is
/// laid out and its document built once; each copy only gets its own page contents
/// (`pdf::write_copies`).
pub fn render_copies(packet: &Packet, recipients: &[String]) -> Result<Vec<Rendered>, RenderError> {
    let frame = Frame::new(packet.page.points());
    let mut ts = Typesetter::new(packet.lang);
    let doc = build::build(packet);
    let laid = paginate(&doc.blocks, frame, &mut ts, doc.anchors);
    let total = recipients.len();
    let labels: Vec<String> = recipients
        .iter()
        .enumerate()
        .map(|(k, name)| i18n::copy_of(packet.lang, k + 1, total, name))
        .collect();
    let finished = |label: &str, ts: &mut Typesetter| {
        let mut copy = laid.clone();
        pdf::finish_pages(packet, &mut copy, frame, ts, Some(label));
        copy
    };
    // Every stamp's glyphs in one line, so the fonts are subset once for all copies.
    let union = finished(&labels.join(" "), &mut ts);
    let copies: Vec<_> = labels.iter().map(|l| finished(l, &mut ts)).collect();
    let files = pdf::write_copies(packet, &union, &copies, frame)?;
    let warnings = warnings(&ts);
    Ok(files
        .into_iter()
        .map(|bytes| Rendered {
            bytes,
            pages: union.pages.len() as u32,
            warnings: warnings.clone(),
        })
        .collect())
}

fn warnings(ts: &Typesetter) -> Vec<String> {
    ts.missing
        .iter()
        .map(|(c, n)| {
            format!(
                "the font has no glyph for '{c}' (U+{:04X}); shown as [U+{:04X}] {n} time(s)",
                *c as u32, *c as u32
            )
        })
        .collect()
}

/// A PDF text string: ASCII as a literal, anything else UTF-16BE with a byte-order mark
/// (so accented titles survive in bookmarks, link descriptions and alternative text).
pub(crate) fn text_string(text: &str) -> lopdf::Object {
    if text.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return lopdf::Object::string_literal(text);
    }
    let mut out = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        out.extend(unit.to_be_bytes());
    }
    lopdf::Object::String(out, lopdf::StringFormat::Literal)
}

/// A quick page count for live previews: counts characters against average line lengths
/// instead of setting type (microseconds, not milliseconds). Each section and pillar starts
/// a page, as in the real layout. Within a third of the real count on the packets tested.
pub fn estimate_pages(packet: &Packet) -> u32 {
    use crate::packet::Section;
    let (w, h) = packet.page.points();
    let measure = w - 136.0;
    let chars_per_line = (measure / (10.0 * 0.5)).max(20.0);
    let lines_per_page = ((h - 150.0) / 13.8).max(10.0);
    let lines = |t: &str, per_line: f32| (t.chars().count() as f32 / per_line).ceil().max(1.0);
    let mut pages = 0.0f32;
    for section in &packet.sections {
        pages += match section {
            Section::Pillars => packet
                .pillars
                .iter()
                .map(|pillar| {
                    let mut n = 3.0;
                    for i in &pillar.initiatives {
                        n += 3.0
                            + i.summary
                                .as_deref()
                                .map_or(0.0, |s| lines(s, chars_per_line));
                        for e in &i.entries {
                            n += lines(&e.text, chars_per_line) + 1.6;
                            n += e
                                .notes
                                .iter()
                                .map(|x| lines(&x.text, chars_per_line))
                                .sum::<f32>();
                        }
                    }
                    (n / lines_per_page).ceil()
                })
                .sum(),
            Section::Timeline => {
                // Smaller type in a column about half the measure.
                let per_line = chars_per_line * 0.95;
                let rows: f32 = packet
                    .timeline
                    .iter()
                    .map(|r| {
                        (lines(&r.initiative, per_line) + lines(&r.text, per_line)) * 0.6 + 0.5
                    })
                    .sum();
                ((rows + 3.0) / lines_per_page).ceil()
            }
            _ => 1.0,
        };
    }
    pages.max(1.0) as u32
}
