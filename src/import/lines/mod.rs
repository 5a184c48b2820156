//! Lines to blocks: each physical line is cleaned and classified (blank, furniture,
//! heading, bullet, text), then lines are grouped into logical blocks, joining
//! sentences that a web page copy or a page break split across lines.
//!
//! `classify` reads one line, `join` decides whether a line goes on the open
//! block, `headers` removes a printed page's running headers, and `sentence`
//! holds the checks on how a text ends that the rest of the importer shares.

mod classify;
mod headers;
mod join;
mod sentence;

pub use headers::drop_running_headers;
pub use sentence::{ends_sentence, is_label_item};

use classify::{classify, Raw};
use join::{Builder, WRAP_WIDTH};
use sentence::starts_lowercase;

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

/// Splits a document into blocks. Line numbers count `\n`-separated lines from 1.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut b = Builder::new();
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
mod tests;
