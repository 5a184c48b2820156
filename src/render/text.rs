//! Setting paragraphs: words shaped with kerning, hyphenated (English, Spanish), broken
//! into lines with the optimal-fit algorithm (textwrap), then justified with extra space
//! after word spaces. Words wider than the line (URLs, a 300-letter word) are cut where
//! they must be so that nothing ever overflows the measure.

use super::breaking::{optimal_fit, Measured};
use super::fonts::{has_glyph, units_per_em, FastMap, Shaped, Shaper, Style};
use super::tree::{Align, ParaStyle, Rgb, Span};
use crate::model::Lang;
use hyphenation::{Hyphenator, Language, Load, Standard};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::OnceLock;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;

/// A shaped piece placed in a run; `extra` points are added after it (justification).
#[derive(Debug, Clone)]
pub struct Piece {
    pub shaped: Rc<Shaped>,
    pub extra: f32,
}

/// Consecutive pieces in one face, size and colour, starting at `x` (relative to the line).
#[derive(Debug, Clone)]
pub struct Run {
    pub style: Style,
    pub color: Rgb,
    pub size: f32,
    pub x: f32,
    pub pieces: Vec<Piece>,
}

/// One set line. `width` is the natural width (before justification).
#[derive(Debug, Clone)]
pub struct Line {
    pub runs: Vec<Run>,
    pub width: f32,
}

/// Shaping, hyphenation and the record of substituted characters, for one render.
pub struct Typesetter {
    pub shaper: Shaper,
    pub lang: Lang,
    /// Characters the font lacks, with how often each was replaced.
    pub missing: BTreeMap<char, usize>,
    /// Hyphenation points by lowercase word, a map per language (`Lang as usize`): words
    /// repeat, patterns are not free, and a hit allocates nothing.
    breaks: [FastMap<String, Vec<usize>>; 2],
}

#[derive(Debug, Clone)]
struct Frag {
    style: Style,
    color: Rgb,
    shaped: Rc<Shaped>,
    width: f32,
    /// Width of the space that follows, 0 when the next fragment continues the word.
    space: f32,
    /// Width of the hyphen shown when the line breaks here (0: no hyphen).
    hyphen: f32,
}

impl Measured for Frag {
    fn width(&self) -> f32 {
        self.width
    }
    fn space(&self) -> f32 {
        self.space
    }
    fn hyphen(&self) -> f32 {
        self.hyphen
    }
}

impl Fragment for Frag {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        self.hyphen as f64
    }
}

fn dictionary(lang: Lang) -> &'static Standard {
    static EN: OnceLock<Standard> = OnceLock::new();
    static ES: OnceLock<Standard> = OnceLock::new();
    let load = |language, bytes: &[u8]| {
        Standard::from_reader(language, &mut &bytes[..]).expect("embedded patterns load")
    };
    match lang {
        Lang::En => EN.get_or_init(|| {
            load(
                Language::EnglishUS,
                include_bytes!("../../assets/hyphenation/en-us.standard.bincode"),
            )
        }),
        Lang::Es => ES.get_or_init(|| {
            load(
                Language::Spanish,
                include_bytes!("../../assets/hyphenation/es.standard.bincode"),
            )
        }),
    }
}

/// The most a justified line may add to each word space, in ems (a space is about a
/// quarter em, so a stretched space stays under about twice its width). Looser than
/// this, the paragraph is set ragged-right.
pub const MAX_STRETCH: f32 = 0.3;

/// Spaces where a line may break: every white space except the no-break ones (U+00A0,
/// U+2007, U+202F), which hold dates and numbers together.
fn breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Points added to each word space to justify the fragments of one line to `width`.
fn stretch(frags: &[Frag], width: f32) -> f32 {
    let n = frags.len();
    let natural: f32 = frags
        .iter()
        .enumerate()
        .map(|(i, f)| f.width + if i + 1 < n { f.space } else { f.hyphen })
        .sum();
    let gaps = frags[..n.saturating_sub(1)]
        .iter()
        .filter(|f| f.space > 0.0)
        .count();
    if gaps == 0 {
        0.0
    } else {
        (width - natural) / gaps as f32
    }
}

impl Typesetter {
    pub fn new(lang: Lang) -> Typesetter {
        Typesetter {
            shaper: Shaper::new(),
            lang,
            missing: BTreeMap::new(),
            breaks: Default::default(),
        }
    }

    /// Replaces characters the font cannot draw with a visible `[U+XXXX]` and counts them.
    pub fn substitute_missing<'a>(&mut self, text: &'a str) -> Cow<'a, str> {
        // Printable ASCII is always in the font; only look the rest up.
        if text.bytes().all(|b| (0x20..0x7F).contains(&b))
            || text.chars().all(|c| c == ' ' || has_glyph(c))
        {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() + 8);
        for c in text.chars() {
            if c == ' ' || has_glyph(c) {
                out.push(c);
            } else {
                *self.missing.entry(c).or_default() += 1;
                out.push_str(&format!("[U+{:04X}]", c as u32));
            }
        }
        Cow::Owned(out)
    }

    /// Width in points of `text` set in one face.
    pub fn measure(&mut self, style: Style, text: &str, size: f32) -> f32 {
        let text = self.substitute_missing(text).into_owned();
        self.shaper.width(style, &text, size)
    }

    /// A single unbroken line (labels, numbers, headers).
    pub fn line(&mut self, style: Style, color: Rgb, text: &str, size: f32) -> Line {
        let text = self.substitute_missing(text).into_owned();
        let shaped = self.shaper.shape(style, &text);
        let width = shaped.width as f32 * size / units_per_em();
        Line {
            runs: vec![Run {
                style,
                color,
                size,
                x: 0.0,
                pieces: vec![Piece { shaped, extra: 0.0 }],
            }],
            width,
        }
    }

    /// Breaks `spans` into lines no wider than `width` points.
    pub fn set(&mut self, spans: &[Span], style: &ParaStyle, width: f32) -> Vec<Line> {
        let width = width.max(style.size * 2.0);
        let frags = self.fragments(spans, style, width);
        if frags.is_empty() {
            return Vec::new();
        }
        let lines: Vec<&[Frag]> = match optimal_fit(&frags, width) {
            Some(ends) => {
                let mut start = 0;
                ends.into_iter()
                    .map(|end| {
                        let line = &frags[start..end];
                        start = end;
                        line
                    })
                    .collect()
            }
            // Only when the cost would overflow (absurdly long paragraphs): greedy is still correct.
            None => wrap_first_fit(&frags, &[width as f64]),
        };
        let count = lines.len();
        // A justified paragraph with one visibly loose line is set ragged-right whole:
        // an even ragged edge reads better than rivers of space.
        let ragged;
        let style = if style.align == Align::Justify
            && lines[..count - 1]
                .iter()
                .any(|l| stretch(l, width) > style.size * MAX_STRETCH)
        {
            ragged = ParaStyle {
                align: Align::Left,
                ..style.clone()
            };
            &ragged
        } else {
            style
        };
        lines
            .into_iter()
            .enumerate()
            .map(|(i, frags)| self.build_line(frags, style, width, i + 1 == count))
            .collect()
    }

    fn fragments(&mut self, spans: &[Span], style: &ParaStyle, width: f32) -> Vec<Frag> {
        let size = style.size;
        let scale = size / units_per_em();
        let mut frags: Vec<Frag> = Vec::new();
        for span in spans {
            let text = self.substitute_missing(&span.text);
            let space = self.shaper.shape(span.style, " ").width as f32 * scale;
            let hyphen = self.shaper.shape(span.style, "-").width as f32 * scale;
            if text.starts_with(breaking_space) {
                if let Some(last) = frags.last_mut() {
                    last.space = space;
                }
            }
            let mut words = text
                .split(breaking_space)
                .filter(|w| !w.is_empty())
                .peekable();
            while let Some(word) = words.next() {
                let spaced = words.peek().is_some() || text.ends_with(breaking_space);
                let pieces = self.split_word(word, style.hyphenate);
                let n = pieces.len();
                for (i, (piece, needs_hyphen)) in pieces.into_iter().enumerate() {
                    let shaped = self.shaper.shape(span.style, piece);
                    let w = shaped.width as f32 * scale;
                    let last = i + 1 == n;
                    let frag = Frag {
                        style: span.style,
                        color: span.color,
                        shaped,
                        width: w,
                        space: if last && spaced { space } else { 0.0 },
                        hyphen: if needs_hyphen { hyphen } else { 0.0 },
                    };
                    if w > width {
                        self.cut_to_fit(frag, width, scale, &mut frags);
                    } else {
                        frags.push(frag);
                    }
                }
            }
        }
        frags
    }

    /// Break points inside a word: after explicit hyphens and slashes (no hyphen added), and
    /// the dictionary's hyphenation points (a hyphen is shown).
    fn split_word<'w>(&mut self, word: &'w str, hyphenate: bool) -> Vec<(&'w str, bool)> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in word.char_indices() {
            let end = i + c.len_utf8();
            if matches!(c, '-' | '/' | '–' | '—') && end < word.len() && i > 0 {
                out.push((&word[start..end], false));
                start = end;
            }
        }
        out.push((&word[start..], false));
        if !hyphenate {
            return out;
        }
        let mut hyphenated = Vec::with_capacity(out.len());
        for (part, _) in out {
            hyphenated.extend(self.hyphenate(part));
        }
        hyphenated
    }

    fn hyphenate<'w>(&mut self, part: &'w str) -> Vec<(&'w str, bool)> {
        // Only plain words: leave numbers, acronyms and URLs alone.
        let letters = part.trim_matches(|c: char| !c.is_alphabetic());
        let lower = letters.to_lowercase();
        if letters.chars().count() < 6
            || lower.len() != letters.len()
            || !letters.chars().all(char::is_alphabetic)
            || letters.chars().filter(|c| c.is_uppercase()).count() > 1
        {
            return vec![(part, false)];
        }
        let offset = part.len() - part.trim_start_matches(|c: char| !c.is_alphabetic()).len();
        let lang = self.lang;
        let known = &mut self.breaks[lang as usize];
        if !known.contains_key(&lower) {
            let found = dictionary(lang).hyphenate(&lower).breaks;
            known.insert(lower.clone(), found);
        }
        let breaks = &known[&lower];
        let mut out = Vec::with_capacity(breaks.len() + 1);
        let mut start = 0;
        for &b in breaks {
            let at = offset + b;
            if at > start && at < part.len() && part.is_char_boundary(at) {
                out.push((&part[start..at], true));
                start = at;
            }
        }
        out.push((&part[start..], false));
        out
    }

    /// Cuts a fragment wider than the line into pieces that fit, glyph by glyph.
    fn cut_to_fit(&mut self, frag: Frag, width: f32, scale: f32, out: &mut Vec<Frag>) {
        let text: String = frag.shaped.glyphs.iter().map(|g| g.text.as_str()).collect();
        let mut piece = String::new();
        let mut piece_width = 0.0;
        for c in text.chars() {
            let w = self
                .shaper
                .width(frag.style, c.encode_utf8(&mut [0; 4]), 1.0)
                * scale
                * units_per_em();
            if piece_width + w > width && !piece.is_empty() {
                let shaped = self.shaper.shape(frag.style, &piece);
                out.push(Frag {
                    width: shaped.width as f32 * scale,
                    shaped,
                    space: 0.0,
                    hyphen: 0.0,
                    ..frag.clone()
                });
                piece.clear();
                piece_width = 0.0;
            }
            piece.push(c);
            piece_width += w;
        }
        let shaped = self.shaper.shape(frag.style, &piece);
        out.push(Frag {
            width: shaped.width as f32 * scale,
            shaped,
            ..frag
        });
    }

    fn build_line(&mut self, frags: &[Frag], style: &ParaStyle, width: f32, last: bool) -> Line {
        let size = style.size;
        let n = frags.len();
        let natural: f32 = frags
            .iter()
            .enumerate()
            .map(|(i, f)| {
                f.width
                    + if i + 1 < n { f.space } else { 0.0 }
                    + if i + 1 == n { f.hyphen } else { 0.0 }
            })
            .sum();
        let gaps = frags[..n.saturating_sub(1)]
            .iter()
            .filter(|f| f.space > 0.0)
            .count();
        let slack = width - natural;
        let extra = if style.align == Align::Justify && !last && gaps > 0 {
            (slack / gaps as f32).max(0.0)
        } else {
            0.0
        };
        let start = match style.align {
            Align::Center => slack.max(0.0) / 2.0,
            Align::Right => slack.max(0.0),
            _ => 0.0,
        };
        let mut runs: Vec<Run> = Vec::new();
        let mut x = start;
        for (i, f) in frags.iter().enumerate() {
            let same = runs
                .last()
                .is_some_and(|r| r.style == f.style && r.color == f.color);
            if !same {
                runs.push(Run {
                    style: f.style,
                    color: f.color,
                    size,
                    x,
                    pieces: Vec::new(),
                });
            }
            let run = runs.last_mut().expect("pushed above");
            run.pieces.push(Piece {
                shaped: f.shaped.clone(),
                extra: 0.0,
            });
            x += f.width;
            if i + 1 < n && f.space > 0.0 {
                let space = self.shaper.shape(f.style, " ");
                run.pieces.push(Piece {
                    shaped: space,
                    extra,
                });
                x += f.space + extra;
            }
            if i + 1 == n && f.hyphen > 0.0 {
                let hyphen = self.shaper.shape(f.style, "-");
                run.pieces.push(Piece {
                    shaped: hyphen,
                    extra: 0.0,
                });
            }
        }
        Line {
            runs,
            width: natural,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(line: &Line) -> String {
        line.runs
            .iter()
            .flat_map(|r| &r.pieces)
            .flat_map(|p| &p.shaped.glyphs)
            .map(|g| g.text.as_str())
            .collect()
    }

    #[test]
    fn lines_never_exceed_the_measure_even_for_a_300_letter_word() {
        let mut ts = Typesetter::new(Lang::En);
        let word = "z".repeat(300);
        let spans = [Span::new(
            Style::Regular,
            format!("Start {word} https://example.org/a/very/long/path/that/goes/on end"),
        )];
        let lines = ts.set(&spans, &ParaStyle::body(10.0), 200.0);
        assert!(lines.len() > 3);
        for line in &lines {
            assert!(
                line.width <= 200.5,
                "{} wide: {}",
                line.width,
                text_of(line)
            );
        }
        let all: String = lines.iter().map(text_of).collect::<Vec<_>>().join("");
        assert_eq!(all.matches('z').count(), 300, "no letter lost");
    }

    #[test]
    fn long_words_are_hyphenated_in_spanish() {
        let mut ts = Typesetter::new(Lang::Es);
        let spans = [Span::new(Style::Regular, "La cooperación internacional fortalece extraordinariamente las instituciones regionales y la infraestructura compartida.".repeat(3))];
        let lines = ts.set(&spans, &ParaStyle::body(10.0), 150.0);
        assert!(lines.iter().any(|l| text_of(l).ends_with('-')));
    }

    #[test]
    fn missing_characters_are_substituted_visibly_and_counted() {
        let mut ts = Typesetter::new(Lang::En);
        let out = ts.substitute_missing("Tokyo 東京 😀");
        assert_eq!(out, "Tokyo [U+6771][U+4EAC] [U+1F600]");
        assert_eq!(ts.missing.len(), 3);
    }
}
