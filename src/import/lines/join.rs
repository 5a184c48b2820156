//! The open block and whether the next line goes on it: a hard-wrapped sentence,
//! a list item split by a page break, a word hyphenated at the margin.

use super::sentence::{ends_abbreviation, ends_sentence, is_label_item, starts_lowercase};
use super::{Block, BlockKind};
use crate::import::clean::strip_trailing_footnote;

/// Largest number of blank or furniture lines a sentence may be split across.
const MAX_BREAK_LINES: usize = 4;
/// A paragraph line at least this long that stops mid-sentence is hard-wrapped.
pub(super) const WRAP_WIDTH: usize = 50;

/// The blocks made so far and the one a next line may go on.
pub(super) struct Builder {
    pub(super) blocks: Vec<Block>,
    pub(super) open: Option<usize>,
    pub(super) last_line_len: usize,
    pub(super) list_indents: Vec<usize>,
}

impl Builder {
    pub(super) fn new() -> Self {
        Builder {
            blocks: Vec::new(),
            open: None,
            last_line_len: 0,
            list_indents: Vec::new(),
        }
    }

    pub(super) fn close(&mut self) {
        if let Some(i) = self.open.take() {
            let block = &mut self.blocks[i];
            block.text = strip_trailing_footnote(&block.text);
        }
    }

    pub(super) fn push(&mut self, kind: BlockKind, text: String, line: u32, stays_open: bool) {
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

    pub(super) fn joins(&self, text: &str, indent: usize, blanks: usize) -> bool {
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

    pub(super) fn append(&mut self, text: &str, line: u32) {
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

    pub(super) fn list_depth(&mut self, indent: usize) -> usize {
        while self.list_indents.last().is_some_and(|&top| top > indent) {
            self.list_indents.pop();
        }
        if self.list_indents.last() != Some(&indent) {
            self.list_indents.push(indent);
        }
        self.list_indents.len() - 1
    }
}
