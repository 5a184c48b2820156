//! Lines to blocks: each physical line is cleaned and classified (blank, furniture,
//! heading, bullet, text), then lines are grouped into logical blocks, joining
//! sentences that a web page copy or a page break split across lines.

use super::clean::{is_furniture, normalize_chars, strip_markup, strip_trailing_footnote};
use regex::Regex;
use std::sync::LazyLock;

/// How a list item is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// `-`, `*`, `+`, `•` and similar.
    Dash,
    /// `1.`, `2)`, `(3)`.
    Number(u32),
    /// `a.`, `(b)`, `C)`.
    Letter,
    /// `I.`, `iv)`.
    Roman(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A Markdown heading (`#` count, or 1/2 for setext underlines).
    Heading { level: u8 },
    /// A list item; `depth` 0 is the outermost level.
    Bullet { marker: Marker, depth: usize },
    /// A paragraph.
    Text,
}

/// One logical unit of the document with the 1-based lines it spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    pub line: u32,
    pub line_end: u32,
    /// Joined from more than one physical line.
    pub joined: bool,
}

enum Raw {
    Blank,
    Furniture,
    Setext(u8),
    Heading {
        level: u8,
        text: String,
    },
    Bullet {
        indent: usize,
        marker: Marker,
        text: String,
    },
    Text {
        indent: usize,
        text: String,
    },
}

static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}(#{1,6})\s+(.*?)[\s#]*$").unwrap());
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\s*)[-*+•◦▪‣·●○■□➢►✓]\s+(\S.*)$").unwrap());
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\s*)(?:\(([0-9]{1,2}|[A-Za-z]|[ivxIVX]{1,4})\)|([0-9]{1,2}|[A-Za-z]|[ivxIVX]{1,4})[.)])\s+(\S.*)$")
        .unwrap()
});
static SETEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}(={3,}|-{3,})\s*$").unwrap());

fn classify(raw_line: &str) -> Raw {
    let line = normalize_chars(raw_line);
    let line = line
        .strip_prefix('>')
        .map(str::trim_start)
        .unwrap_or(&line)
        .to_string();
    // The first visible character tells which patterns can apply.
    let Some(first) = line.trim_start().chars().next() else {
        return Raw::Blank;
    };
    let may_be_rule = matches!(first, '=' | '-');
    let may_be_heading = first == '#';
    let may_be_bullet = "-*+•◦▪‣·●○■□➢►✓".contains(first);
    let may_be_numbered = (first.is_ascii_alphanumeric() || first == '(')
        && line
            .trim_start()
            .chars()
            .take(6)
            .any(|c| c == ')' || c == '.');
    if let Some(c) = may_be_rule.then(|| SETEXT.captures(&line)).flatten() {
        let level = if c[1].starts_with('=') { 1 } else { 2 };
        return Raw::Setext(level);
    }
    if let Some(c) = may_be_heading.then(|| HEADING.captures(&line)).flatten() {
        let text = content(&c[2]);
        if text.is_empty() || is_furniture(&text) {
            return Raw::Furniture;
        }
        return Raw::Heading {
            level: c[1].len() as u8,
            text,
        };
    }
    if let Some(c) = may_be_bullet.then(|| BULLET.captures(&line)).flatten() {
        let text = content(&c[2]);
        if text.is_empty() || is_furniture(&text) {
            return Raw::Furniture;
        }
        return Raw::Bullet {
            indent: c[1].len(),
            marker: Marker::Dash,
            text,
        };
    }
    if let Some(c) = may_be_numbered.then(|| NUMBERED.captures(&line)).flatten() {
        let label = c.get(2).or(c.get(3)).map(|m| m.as_str()).unwrap_or("");
        let text = content(&c[4]);
        // "(1) Building Back Together; (2) Promoting ..." is an inline list wrapped
        // onto a new line (a PDF or a hard-wrapped capture), not a list item.
        if !text.is_empty() && !inline_list(label, &text) {
            return Raw::Bullet {
                indent: c[1].len(),
                marker: marker_of(label),
                text,
            };
        }
    }
    let text = content(&line);
    if text.is_empty() || is_furniture(&text) {
        return Raw::Furniture;
    }
    Raw::Text {
        indent: line.len() - line.trim_start().len(),
        text,
    }
}

fn marker_of(label: &str) -> Marker {
    if let Ok(n) = label.parse::<u32>() {
        return Marker::Number(n);
    }
    if label.len() > 1 || matches!(label, "I" | "V" | "X" | "i" | "v" | "x") {
        if let Some(n) = crate::model::parse_pillar_number(label) {
            return Marker::Roman(n);
        }
    }
    Marker::Letter
}

/// Markup removed and inner whitespace collapsed.
fn content(text: &str) -> String {
    let stripped = strip_markup(text);
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a text ends a sentence or list item (closing quotes and brackets skipped).
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', ')', ']', '*'])
        .ends_with(['.', '!', '?', ':', ';'])
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Lu}[^:.;]{0,40}:\s+\S").unwrap());

/// "Status: signed in June." - a short label, a colon, then the item's text.
pub fn is_label_item(text: &str) -> bool {
    LABEL.find(text).is_some_and(|m| {
        text[..m.end()]
            .split(':')
            .next()
            .is_some_and(|label| label.split_whitespace().count() <= 5)
    })
}

/// Whether an item numbered `label` holds the next number inline: "(1) A; (2) B".
fn inline_list(label: &str, text: &str) -> bool {
    label
        .parse::<u32>()
        .is_ok_and(|n| text.contains(&format!("({})", n + 1)))
}

static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(])(?:(?:\p{Lu}\.){1,3}|Mr\.|Mrs\.|Ms\.|Dr\.|No\.|St\.|Sen\.|Rep\.|Gov\.|Gen\.|Amb\.|Sr\.|Sra\.|Lic\.)$").unwrap()
});

/// Whether a line ends in an abbreviation ("U.S.", "D.C.", "Dr."), so that a
/// hard-wrapped sentence goes on after it.
fn ends_abbreviation(text: &str) -> bool {
    let end = text.trim_end();
    end.ends_with('.') && ABBREVIATION.is_match(end)
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// Largest number of blank or furniture lines a sentence may be split across.
const MAX_BREAK_LINES: usize = 4;
/// A paragraph line at least this long that stops mid-sentence is hard-wrapped.
const WRAP_WIDTH: usize = 50;

struct Builder {
    blocks: Vec<Block>,
    open: Option<usize>,
    last_line_len: usize,
    list_indents: Vec<usize>,
}

impl Builder {
    fn close(&mut self) {
        if let Some(i) = self.open.take() {
            let block = &mut self.blocks[i];
            block.text = strip_trailing_footnote(&block.text);
        }
    }

    fn push(&mut self, kind: BlockKind, text: String, line: u32, stays_open: bool) {
        self.close();
        self.blocks.push(Block {
            kind,
            text,
            line,
            line_end: line,
            joined: false,
        });
        self.open = stays_open.then_some(self.blocks.len() - 1);
    }

    fn joins(&self, text: &str, indent: usize, blanks: usize) -> bool {
        let Some(i) = self.open else { return false };
        let open = &self.blocks[i];
        let long = self.last_line_len >= WRAP_WIDTH;
        // A hard-wrapped sentence goes on after "U.S." and a declaration ends in ":"
        // before its inline list ("four pillars:" / "(1) A; (2) B").
        let wrapped = blanks == 0
            && long
            && !matches!(open.kind, BlockKind::Heading { .. })
            && (ends_abbreviation(&open.text)
                || (open.kind == BlockKind::Text
                    && open.text.ends_with(';')
                    && starts_lowercase(text))
                || (open.text.ends_with(':') && text.starts_with("(1) ") && text.contains("(2)")));
        if wrapped {
            return true;
        }
        if ends_sentence(&open.text) {
            return false;
        }
        if is_label_item(text) {
            return false;
        }
        let is_bullet = matches!(open.kind, BlockKind::Bullet { .. });
        // Across blank lines only a list item or a full-width line continues: a short
        // line before a lowercase one is a title ("Building back together").
        (starts_lowercase(text)
            && (blanks == 0 || (blanks <= MAX_BREAK_LINES && (is_bullet || long))))
            || (blanks == 0 && is_bullet)
            || (blanks == 0 && indent > 0)
            || (blanks == 0 && long)
    }

    fn append(&mut self, text: &str, line: u32) {
        let Some(i) = self.open else { return };
        let block = &mut self.blocks[i];
        let hyphen_break = block.text.ends_with('-')
            && block.text[..block.text.len() - 1].ends_with(char::is_alphabetic)
            && starts_lowercase(text);
        if hyphen_break {
            // "coopera-" / "ción": a word hyphenated at the margin is one word.
            block.text.pop();
        } else {
            block.text.push(' ');
        }
        block.text.push_str(text);
        block.line_end = line;
        block.joined = true;
    }

    fn list_depth(&mut self, indent: usize) -> usize {
        while self.list_indents.last().is_some_and(|&top| top > indent) {
            self.list_indents.pop();
        }
        if self.list_indents.last() != Some(&indent) {
            self.list_indents.push(indent);
        }
        self.list_indents.len() - 1
    }
}

/// Most words a running header has.
const HEADER_WORDS: usize = 16;

/// Removes running headers a printed page repeats ("FACT SHEET: ... | The White
/// House" atop every page of a PDF capture): a short line that is no sentence and
/// stands two or more times apart in the document is page furniture, every copy of
/// it; a line printed twice in a row is kept once.
pub fn drop_running_headers(blocks: &mut Vec<Block>) {
    let candidate = |b: &Block| {
        (b.kind == BlockKind::Text
            || (b.text.contains(" | ") && matches!(b.kind, BlockKind::Heading { .. })))
            && !b.joined
            && b.text.split_whitespace().count() <= HEADER_WORDS
            && !ends_sentence(&b.text)
    };
    let mut seen: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, b) in blocks.iter().enumerate().filter(|(_, b)| candidate(b)) {
        seen.entry(b.text.as_str()).or_default().push(i);
    }
    let mut drop = std::collections::HashSet::new();
    // A name printed twice (a publisher atop the page and under "Contacts") is not
    // a running header: that takes a title joined to a site ("... | The White
    // House"); a PDF's own page headers are removed when its pages are read.
    let running = |text: &str, _copies: usize| text.contains(" | ");
    for (text, at) in seen.iter().filter(|(_, at)| at.len() >= 2) {
        if at.windows(2).any(|w| w[1] > w[0] + 1) {
            if !running(text, at.len()) {
                continue;
            }
            drop.extend(at.iter().copied());
        } else {
            drop.extend(at.iter().skip(1).copied());
        }
    }
    if drop.is_empty() {
        return;
    }
    // A printer cuts a long header short ("FACT SHEET: ... | The W"): a line that
    // begins a dropped header is one too.
    let headers: Vec<String> = drop.iter().map(|&i| blocks[i].text.clone()).collect();
    for (i, b) in blocks.iter().enumerate() {
        let cut = b.text.len() >= 20
            && headers
                .iter()
                .any(|h| h.len() > b.text.len() && h.starts_with(b.text.as_str()));
        if cut && candidate(b) {
            drop.insert(i);
        }
    }
    let mut i = 0;
    blocks.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
}

/// Splits a document into blocks. Line numbers count `\n`-separated lines from 1.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut b = Builder {
        blocks: Vec::new(),
        open: None,
        last_line_len: 0,
        list_indents: Vec::new(),
    };
    let mut blanks = 0usize;
    // A long furniture line cut mid-sentence ("The text of the following statement
    // was released by the United States" / "of America and Japan.") goes on in the
    // lowercase line under it, which is furniture too.
    let mut furniture_goes_on = false;
    for (index, raw_line) in text.split('\n').enumerate() {
        let number = index as u32 + 1;
        let raw = classify(raw_line);
        let wrapped_furniture =
            furniture_goes_on && matches!(&raw, Raw::Text { text, .. } if starts_lowercase(text));
        furniture_goes_on = matches!(raw, Raw::Furniture) || wrapped_furniture;
        furniture_goes_on &= raw_line.trim().len() >= WRAP_WIDTH && !ends_sentence(raw_line);
        if wrapped_furniture {
            blanks += 1;
            continue;
        }
        match raw {
            Raw::Blank | Raw::Furniture => blanks += 1,
            Raw::Setext(level) => {
                let single_text = b
                    .open
                    .and_then(|i| b.blocks.get_mut(i))
                    .filter(|blk| blk.kind == BlockKind::Text && !blk.joined && blanks == 0);
                if let Some(block) = single_text {
                    block.kind = BlockKind::Heading { level };
                    b.close();
                }
                blanks += 1;
            }
            Raw::Heading { level, text } => {
                b.list_indents.clear();
                b.push(BlockKind::Heading { level }, text, number, false);
                blanks = 0;
            }
            Raw::Bullet {
                indent,
                marker,
                text,
            } => {
                let depth = b.list_depth(indent);
                b.push(BlockKind::Bullet { marker, depth }, text, number, true);
                b.last_line_len = raw_line.trim().len();
                blanks = 0;
            }
            Raw::Text { indent, text } => {
                if b.joins(&text, indent, blanks) {
                    b.append(&text, number);
                } else {
                    b.list_indents.clear();
                    b.push(BlockKind::Text, text, number, true);
                }
                b.last_line_len = raw_line.trim().len();
                blanks = 0;
            }
        }
    }
    b.close();
    b.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_wrapped_prose_is_joined_after_abbreviations_semicolons_and_hyphens() {
        let text = "Secretary Raimondo, Secretary Blinken and the U.S.\nTrade Representative met with Mexican officials in Washington today.\n\nThe plan has five pillars: a greener economy; inclusion and diversity;\na secure and resilient region; and health.\n\nThe delegations signed an agreement on coopera-\ntion in critical minerals in Mexico City.\n";
        let b = blocks(text);
        assert_eq!(b.len(), 3, "{b:?}");
        assert!(b[0].text.contains("U.S. Trade Representative"));
        assert!(b[1]
            .text
            .ends_with("inclusion and diversity; a secure and resilient region; and health."));
        assert!(b[2].text.contains("cooperation in"));
    }

    #[test]
    fn an_inline_list_wrapped_onto_its_own_line_is_not_a_list_item() {
        let text = "The Dialogue is organized around four pillars, named in the joint statement as follows:\n(1) Building Back Together; (2) Promoting Development; and (3) Investing in People.\n";
        let b = blocks(text);
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].kind, BlockKind::Text);
    }

    #[test]
    fn running_headers_go_and_a_name_printed_twice_stays() {
        let text = "FACT SHEET: The Dialogue | The White House\n\nFACT SHEET: Second Dialogue\n\nThe delegations met today.\n\nFACT SHEET: The Dialogue | The White House\n\nThe delegations will meet again.\n\nFACT SHEET: The Dialogue | The Wh\n\nGlobal Affairs Canada\n\nThe ministers met.\n\nGlobal Affairs Canada\n";
        let mut b = blocks(text);
        drop_running_headers(&mut b);
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "FACT SHEET: Second Dialogue",
                "The delegations met today.",
                "The delegations will meet again.",
                "Global Affairs Canada",
                "The ministers met.",
                "Global Affairs Canada"
            ]
        );
    }

    #[test]
    fn a_wrapped_furniture_line_goes_with_its_continuation() {
        let text = "The text of the following statement was released by the Governments of the United States\nof America and Japan.\n\nThe Ministers met today.\n";
        let b = blocks(text);
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].text, "The Ministers met today.");
    }

    #[test]
    fn sentence_split_across_a_page_break_is_joined() {
        let text = "- provided an opportunity to exchange\n\ninformation on technologies.\n";
        let got = blocks(text);
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].text,
            "provided an opportunity to exchange information on technologies."
        );
        assert_eq!((got[0].line, got[0].line_end), (1, 3));
    }

    #[test]
    fn nested_bullets_get_depth_and_numbered_items_their_number() {
        let text = "- parent:\n - child one;\n   - grandchild\n - child two\n- next\n1. first\n(b) lettered\nIV. fourth";
        let kinds: Vec<BlockKind> = blocks(text).into_iter().map(|b| b.kind).collect();
        let depth = |k: &BlockKind| match k {
            BlockKind::Bullet { depth, .. } => *depth,
            _ => 99,
        };
        let depths: Vec<usize> = kinds.iter().map(depth).collect();
        assert_eq!(&depths[..5], &[0, 1, 2, 1, 0]);
        assert!(matches!(
            kinds[5],
            BlockKind::Bullet {
                marker: Marker::Number(1),
                ..
            }
        ));
        assert!(matches!(
            kinds[6],
            BlockKind::Bullet {
                marker: Marker::Letter,
                ..
            }
        ));
        assert!(matches!(
            kinds[7],
            BlockKind::Bullet {
                marker: Marker::Roman(4),
                ..
            }
        ));
    }

    #[test]
    fn headings_and_paragraphs_stay_apart() {
        let text = "## Pillar I: Building\n\nStrengthening Supply Chains\n\nMexico and the United States are finalizing:\n\n- Promotes trade.";
        let got = blocks(text);
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].kind, BlockKind::Heading { level: 2 });
        assert_eq!(got[1].text, "Strengthening Supply Chains");
        assert_eq!(got[2].kind, BlockKind::Text);
    }

    #[test]
    fn furniture_between_halves_of_a_sentence_is_skipped() {
        let text = "- cooperation in tackling\nPage 2 of 3\nFOR IMMEDIATE RELEASE\ncybersecurity challenges.";
        let got = blocks(text);
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].text,
            "cooperation in tackling cybersecurity challenges."
        );
    }

    #[test]
    fn setext_underline_makes_a_heading() {
        let got = blocks("Investing in Our People\n-----------------------\n\n- item");
        assert_eq!(got[0].kind, BlockKind::Heading { level: 2 });
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn hard_wrapped_paragraph_lines_are_joined() {
        let text = "The United States and Mexico agree to work on specific activities under\nMexico's four pillars of the dialogue.";
        let got = blocks(text);
        assert_eq!(got.len(), 1);
        assert!(got[0].joined);
    }
}
