//! Page content streams, written directly as PDF operators.
//!
//! printpdf turns every glyph into its own lopdf object (a string per glyph), which for a
//! 1000-page packet costs seconds and hundreds of MiB. We write the operators ourselves:
//! consecutive glyphs share one string and only kerning or justification adds a number.
//! printpdf still builds the document around these streams (fonts, widths, links, metadata).
//!
//! Tagged output wraps every painted item in marked content: `/P<</MCID n>>BDC … EMC`
//! for content of a structure element, `/Artifact … EMC` for page furniture. Runs of
//! items with the same mark share one sequence, so tagging adds a few bytes per block;
//! no space is written where a delimiter already separates (tagging's share of the bytes).

use super::fonts::{space_glyph, units_per_em};
use super::paginate::{Item, Page};
use super::structure::{Artifact, Mark, NodeId, StructTree};
use super::subset::Subset;
use super::syntax::uint;
use super::text::Run;
use super::tree::Rgb;
use std::collections::BTreeMap;
use std::io::Write;

/// Resource names of the three faces, by `Style::index`.
pub const FONT_IDS: [&str; 3] = ["F1", "F2", "F3"];

/// Appends `v` with at most two decimals and no trailing zeros. Written digit by digit
/// from the rounded hundredths: `format!` was a twentieth of the render.
fn num(out: &mut Vec<u8>, v: f32) {
    let hundredths = (v * 100.0).round() as i64;
    if hundredths < 0 {
        out.push(b'-');
    }
    let h = hundredths.unsigned_abs();
    uint(out, h / 100);
    let (tens, ones) = ((h / 10 % 10) as u8, (h % 10) as u8);
    if tens != 0 || ones != 0 {
        out.push(b'.');
        out.push(b'0' + tens);
        if ones != 0 {
            out.push(b'0' + ones);
        }
    }
}

fn color(out: &mut Vec<u8>, (r, g, b): Rgb, op: &str) {
    num(out, r);
    out.push(b' ');
    num(out, g);
    out.push(b' ');
    num(out, b);
    out.push(b' ');
    out.extend_from_slice(op.as_bytes());
    out.push(b'\n');
}

/// A glyph id as two bytes of a literal string: half the size of hex, and it deflates
/// better. Delimiters and CR are escaped (an unescaped CR would be read as LF).
fn gid_bytes(out: &mut Vec<u8>, gid: u16) {
    for b in gid.to_be_bytes() {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
}

/// Ends a line with a space glyph unless it ends in a hyphen: invisible on the page, it
/// keeps words apart for tools that join the text of a paragraph's lines as they are
/// (structure-tree readers such as `pdfinfo -struct-text`, some screen readers).
fn end_of_line(out: &mut Vec<u8>, run: &Run, map: Option<&BTreeMap<u16, u16>>) {
    let last = run.pieces.last().and_then(|p| p.shaped.glyphs.last());
    if last.is_none_or(|g| g.text.ends_with('-') || g.text.ends_with(' ')) {
        return;
    }
    if let Some(gid) = map.and_then(|m| m.get(&space_glyph(run.style))) {
        gid_bytes(out, *gid);
    }
}

/// Opens and closes marked-content sequences as the mark changes. Without a structure
/// tree (untagged output) it writes nothing.
struct Marker<'t> {
    tree: Option<&'t StructTree>,
    open: Option<Mark>,
    /// The element of each MCID on this page, in MCID order.
    mcids: Vec<NodeId>,
}

impl Marker<'_> {
    fn set(&mut self, out: &mut Vec<u8>, mark: Mark) {
        let Some(tree) = self.tree else { return };
        if self.open == Some(mark) {
            return;
        }
        self.end(out);
        match mark {
            Mark::Node(node) => {
                let role = tree.nodes.get(node).map_or("Span", |n| n.role.name());
                out.push(b'/');
                out.extend_from_slice(role.as_bytes());
                out.extend_from_slice(b"<</MCID ");
                uint(out, self.mcids.len() as u64);
                out.extend_from_slice(b">>BDC\n");
                self.mcids.push(node);
            }
            Mark::Artifact(Artifact::Header) => {
                out.extend_from_slice(b"/Artifact<</Type/Pagination/Subtype/Header>>BDC\n")
            }
            Mark::Artifact(Artifact::Footer) => {
                out.extend_from_slice(b"/Artifact<</Type/Pagination/Subtype/Footer>>BDC\n")
            }
            Mark::Artifact(Artifact::Layout) => out.extend_from_slice(b"/Artifact BMC\n"),
        }
        self.open = Some(mark);
    }

    /// Closes the open sequence: before a text object starts or ends, since marked
    /// content and text objects must nest.
    fn end(&mut self, out: &mut Vec<u8>) {
        if self.open.take().is_some() {
            out.extend_from_slice(b"EMC\n");
        }
    }
}

/// The uncompressed content stream of one page, and (when `tree` is given, for tagged
/// output) the structure element of each MCID it uses.
pub fn page_stream(
    page: &Page,
    subsets: &[Option<Subset>],
    tree: Option<&StructTree>,
) -> (Vec<u8>, Vec<NodeId>) {
    let mut out = Vec::with_capacity(8192);
    let mut marker = Marker {
        tree,
        open: None,
        mcids: Vec::new(),
    };
    let mut fill: Option<Rgb> = None;
    // Graphics first, then one text object, so fills never cover text.
    for item in &page.items {
        match item {
            Item::Rect {
                x,
                y,
                w,
                h,
                fill: c,
                mark,
            } => {
                marker.set(&mut out, *mark);
                if fill != Some(*c) {
                    color(&mut out, *c, "rg");
                    fill = Some(*c);
                }
                for v in [x, y, w, h] {
                    num(&mut out, *v);
                    out.push(b' ');
                }
                out.extend_from_slice(b"re f\n");
            }
            Item::Rule {
                x1,
                y1,
                x2,
                y2,
                width,
                color: c,
                dotted,
            } => {
                marker.set(&mut out, Mark::Artifact(Artifact::Layout));
                color(&mut out, *c, "RG");
                num(&mut out, *width);
                out.extend_from_slice(if *dotted {
                    b" w 1 J [0.1 2.6] 0 d\n"
                } else {
                    b" w 0 J [] 0 d\n"
                });
                for (v, op) in [(x1, ""), (y1, " m "), (x2, ""), (y2, " l S\n")] {
                    num(&mut out, *v);
                    out.extend_from_slice(if op.is_empty() { b" " } else { op.as_bytes() });
                }
            }
            _ => {}
        }
    }
    marker.end(&mut out);
    out.extend_from_slice(b"BT\n");
    let upem = units_per_em();
    let mut font: Option<(usize, f32)> = None;
    for item in &page.items {
        let Item::Text { x, y, line, mark } = item else {
            continue;
        };
        if line.runs.is_empty() {
            continue;
        }
        marker.set(&mut out, *mark);
        let last_run = line.runs.len() - 1;
        for (r, run) in line.runs.iter().enumerate() {
            let style = run.style.index();
            if font != Some((style, run.size)) {
                let _ = write!(out, "/{} ", FONT_IDS[style]);
                num(&mut out, run.size);
                out.extend_from_slice(b" Tf\n");
                font = Some((style, run.size));
            }
            if fill != Some(run.color) {
                color(&mut out, run.color, "rg");
                fill = Some(run.color);
            }
            out.extend_from_slice(b"1 0 0 1 ");
            num(&mut out, x + run.x);
            out.push(b' ');
            num(&mut out, *y);
            out.extend_from_slice(b" Tm\n[(");
            let subset = subsets[style].as_ref();
            let map = subset.map(|s| &s.map);
            for piece in &run.pieces {
                let n = piece.shaped.glyphs.len();
                for (i, g) in piece.shaped.glyphs.iter().enumerate() {
                    gid_bytes(&mut out, subset.map_or(0, |s| s.new_id(g.gid)));
                    // TJ numbers are 1/1000 em and move left: they cancel the difference
                    // between the kerned advance and the font's nominal one, and add the
                    // justification space after word spaces.
                    let mut offset = (g.nominal - g.advance) as f32 * 1000.0 / upem;
                    if i + 1 == n && piece.extra != 0.0 {
                        offset -= piece.extra * 1000.0 / run.size;
                    }
                    if offset.abs() >= 0.005 {
                        out.extend_from_slice(b")");
                        num(&mut out, offset);
                        out.push(b'(');
                    }
                }
            }
            if r == last_run {
                end_of_line(&mut out, run, map);
            }
            out.extend_from_slice(b")] TJ\n");
        }
    }
    marker.end(&mut out);
    out.extend_from_slice(b"ET\n");
    (out, marker.mcids)
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_are_short() {
        let mut out = Vec::new();
        for v in [12.0, 0.5, -12.345, 100.999] {
            num(&mut out, v);
            out.push(b' ');
        }
        assert_eq!(String::from_utf8(out).unwrap(), "12 0.5 -12.35 101 ");
    }

    /// The digit-by-digit writer agrees with the `format!` it replaced.
    #[test]
    fn numbers_match_the_formatted_rounding() {
        let formatted = |v: f32| {
            let r = (v * 100.0).round() / 100.0;
            if r == r.trunc() {
                format!("{}", r as i64)
            } else {
                format!("{r:.2}").trim_end_matches('0').to_string()
            }
        };
        let mut v = -1200.0f32;
        while v < 1200.0 {
            for x in [v, v + 0.005, v - 0.004, v * 0.37] {
                let mut out = Vec::new();
                num(&mut out, x);
                assert_eq!(String::from_utf8(out).unwrap(), formatted(x), "{x}");
            }
            v += 0.173;
        }
    }
}

#[cfg(test)]
mod string_tests {
    use super::gid_bytes;

    #[test]
    fn delimiters_and_carriage_returns_are_escaped() {
        let mut out = Vec::new();
        for gid in [0x2829, 0x5C0D, 0x0041] {
            gid_bytes(&mut out, gid);
        }
        assert_eq!(out, b"\\(\\)\\\\\\r\x00A");
    }
}
