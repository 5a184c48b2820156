//! The embedded font family (Noto Sans, SIL OFL 1.1; see `assets/fonts/OFL.txt`): glyph
//! lookup, shaping with kerning (rustybuzz, GPOS), and measuring. Fonts are compiled into
//! the binary; system fonts are never read.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

pub const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
pub const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
pub const ITALIC_TTF: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Italic.ttf");

/// One of the three faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    Regular,
    Bold,
    Italic,
}

impl Style {
    pub const ALL: [Style; 3] = [Style::Regular, Style::Bold, Style::Italic];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn bytes(self) -> &'static [u8] {
        match self {
            Style::Regular => REGULAR_TTF,
            Style::Bold => BOLD_TTF,
            Style::Italic => ITALIC_TTF,
        }
    }
}

/// One shaped glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub gid: u16,
    /// Advance after shaping (kerning included), font units.
    pub advance: i32,
    /// Advance in the font's `hmtx` table, font units; what a PDF reader assumes.
    pub nominal: i32,
    /// The characters this glyph stands for (for text extraction).
    pub text: String,
}

/// A shaped piece of text in one face.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shaped {
    pub glyphs: Vec<Glyph>,
    /// Sum of advances, font units.
    pub width: i32,
}

struct Faces {
    faces: [rustybuzz::Face<'static>; 3],
    /// Compiled once: building a plan per call was a tenth of the render time.
    plans: [rustybuzz::ShapePlan; 3],
}

fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| {
        let faces = Style::ALL
            .map(|s| rustybuzz::Face::from_slice(s.bytes(), 0).expect("embedded Noto Sans parses"));
        // Ligatures off: one glyph per character keeps extracted text exact.
        let features = [rustybuzz::Feature::new(
            rustybuzz::ttf_parser::Tag::from_bytes(b"liga"),
            0,
            ..,
        )];
        let plans = Style::ALL.map(|s| {
            rustybuzz::ShapePlan::new(
                &faces[s.index()],
                rustybuzz::Direction::LeftToRight,
                Some(rustybuzz::script::LATIN),
                None,
                &features,
            )
        });
        Faces { faces, plans }
    })
}

/// Font units per em of the family (the three faces share it).
pub fn units_per_em() -> f32 {
    faces().faces[0].units_per_em() as f32
}

/// Ascender and descender (negative) of the regular face, in em.
pub fn vertical_metrics() -> (f32, f32) {
    let face = &faces().faces[0];
    let upem = face.units_per_em() as f32;
    (
        face.ascender() as f32 / upem,
        face.descender() as f32 / upem,
    )
}

/// Whether the family can draw `c` (all three faces cover the same repertoire).
pub fn has_glyph(c: char) -> bool {
    faces().faces[0].glyph_index(c).is_some()
}

/// The glyph id of the space in `style`'s face (0 if the face had none).
pub fn space_glyph(style: Style) -> u16 {
    faces().faces[style.index()]
        .glyph_index(' ')
        .map_or(0, |g| g.0)
}

/// FNV-1a: the caches here are keyed by short words from our own packet, so the SipHash
/// default (built to resist crafted keys) only cost time; it showed in profiles.
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A map hashed with [`Fnv`].
pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Shapes text once per (face, text) and remembers the result: packets repeat words a lot.
#[derive(Default)]
pub struct Shaper {
    /// One map per face, looked up by `&str` so a hit allocates nothing.
    cache: [FastMap<String, Rc<Shaped>>; 3],
}

impl Shaper {
    pub fn new() -> Self {
        Shaper::default()
    }

    /// Shapes `text` in `style`. Characters the font lacks must have been replaced before
    /// (see `text::substitute_missing`); any left come out as the font's .notdef box.
    pub fn shape(&mut self, style: Style, text: &str) -> Rc<Shaped> {
        let cache = &mut self.cache[style.index()];
        if let Some(hit) = cache.get(text) {
            return hit.clone();
        }
        let shaped = Rc::new(shape_uncached(style, text));
        cache.insert(text.to_string(), shaped.clone());
        shaped
    }

    /// Width of `text` in points at `size`.
    pub fn width(&mut self, style: Style, text: &str, size: f32) -> f32 {
        self.shape(style, text).width as f32 * size / units_per_em()
    }
}

fn shape_uncached(style: Style, text: &str) -> Shaped {
    let all = faces();
    let face = &all.faces[style.index()];
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    buffer.set_script(rustybuzz::script::LATIN);
    let output = rustybuzz::shape_with_plan(face, &all.plans[style.index()], buffer);
    let infos = output.glyph_infos();
    let positions = output.glyph_positions();
    let mut glyphs = Vec::with_capacity(infos.len());
    let mut width = 0;
    for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
        // A cluster's text runs from its byte offset to the next cluster's.
        let start = info.cluster as usize;
        let end = infos[i + 1..]
            .iter()
            .map(|g| g.cluster as usize)
            .find(|c| *c > start)
            .unwrap_or(text.len());
        let same_cluster_before = i > 0 && infos[i - 1].cluster == info.cluster;
        let gid = info.glyph_id as u16;
        let nominal = face
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid))
            .unwrap_or(0) as i32;
        glyphs.push(Glyph {
            gid,
            advance: pos.x_advance,
            nominal,
            text: if same_cluster_before {
                String::new()
            } else {
                text.get(start..end).unwrap_or("").to_string()
            },
        });
        width += pos.x_advance;
    }
    Shaped { glyphs, width }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kerning_narrows_av() {
        let mut shaper = Shaper::new();
        let pair = shaper.shape(Style::Regular, "AV").width;
        let apart =
            shaper.shape(Style::Regular, "A").width + shaper.shape(Style::Regular, "V").width;
        assert!(pair < apart, "kerned {pair} vs {apart}");
    }

    #[test]
    fn accented_letters_are_one_glyph_with_their_text() {
        let mut shaper = Shaper::new();
        let shaped = shaper.shape(Style::Regular, "Índice");
        assert_eq!(shaped.glyphs.len(), 6);
        assert_eq!(shaped.glyphs[0].text, "Í");
        assert!(!has_glyph('中'));
    }
}
