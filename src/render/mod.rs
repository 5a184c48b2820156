//! Packet -> PDF bytes. Pure and deterministic: the same packet gives the same bytes.
//!
//! Steps: `build` turns the packet into the layout tree (`tree`), `text` sets paragraphs
//! into lines, `paginate` places blocks on pages, `pdf` writes them with printpdf and
//! finishes the file with lopdf (outline tree, subset font names, compression).

pub mod build;
pub mod content;
pub mod finish;
pub mod fonts;
pub mod i18n;
pub mod paginate;
pub mod pdf;
pub mod subset;
pub mod text;
pub mod tree;

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

/// Renders `packet` to PDF bytes. Deterministic: no clock, no randomness, no system fonts.
pub fn render_pdf(packet: &Packet) -> Result<Rendered, RenderError> {
    let frame = Frame::new(packet.page.points());
    let mut ts = Typesetter::new(packet.lang);
    let doc = build::build(packet);
    let mut laid = paginate(&doc.blocks, frame, &mut ts, doc.anchors);
    pdf::finish_pages(packet, &mut laid, frame, &mut ts);
    let bytes = pdf::write(packet, &laid, frame)?;
    let warnings = ts
        .missing
        .iter()
        .map(|(c, n)| {
            format!(
                "the font has no glyph for '{c}' (U+{:04X}); shown as [U+{:04X}] {n} time(s)",
                *c as u32, *c as u32
            )
        })
        .collect();
    Ok(Rendered {
        bytes,
        pages: laid.pages.len() as u32,
        warnings,
    })
}

/// A quick page count for live previews: counts characters against an average line
/// instead of setting type. Typically within 15% of the real count.
pub fn estimate_pages(packet: &Packet) -> u32 {
    let (w, h) = packet.page.points();
    let chars_per_line = ((w - 136.0) / (10.0 * 0.52)).max(20.0);
    let lines_per_page = ((h - 150.0) / 13.8).max(10.0);
    let mut lines = 0.0f32;
    let text_lines = |t: &str| (t.chars().count() as f32 / chars_per_line).ceil().max(1.0);
    let mut pages = 0.0f32;
    for pillar in &packet.pillars {
        pages += 1.0; // each pillar starts a page
        for i in &pillar.initiatives {
            lines += 3.0 + i.summary.as_deref().map_or(0.0, text_lines);
            for e in &i.entries {
                lines += text_lines(&e.text)
                    + 1.5
                    + e.notes.iter().map(|n| text_lines(&n.text)).sum::<f32>();
            }
        }
    }
    // Timeline rows are narrower (about half the measure) and smaller type.
    let timeline: f32 = packet
        .timeline
        .iter()
        .map(|r| (r.text.chars().count() as f32 / (chars_per_line * 0.55)).ceil() + 0.2)
        .sum();
    lines += timeline * 0.85;
    let fixed = packet.sections.len() as f32;
    (pages + lines / lines_per_page + fixed).ceil() as u32
}
