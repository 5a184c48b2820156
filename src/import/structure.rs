//! Blocks to pillars -> initiatives -> entries, given where the pillars are.
//!
//! Under a pillar, a title-like line (or a Markdown heading, in a document that uses
//! them) opens an initiative. Under an initiative, the first "Seeks ..."/"Advances
//! ..." item before any other list item is its summary; every other list item,
//! nested item and paragraph is an entry. Content with no initiative above it goes
//! to an untitled one, with a warning.

use super::entry::{build_entry, EntryContext};
use super::lines::{ends_sentence, Block, BlockKind};
use super::pillars::{heading_like, Outline};
use crate::model::{Initiative, Pillar};
use std::collections::{HashMap, HashSet};

/// Title given to a pillar or initiative the document does not name.
pub const UNTITLED: &str = "Untitled";

/// First words of an initiative's summary line.
const SUMMARY_VERBS: &[&str] = &[
    "Seeks",
    "Advances",
    "Promotes",
    "Develops",
    "Aims",
    "Supports",
    "Fosters",
    "Strengthens",
    "Facilitates",
    "Enhances",
    "Expands",
    "Builds",
    "Focuses",
    "Encourages",
    "Works",
    "Busca",
    "Promueve",
    "Impulsa",
    "Fomenta",
    "Desarrolla",
    "Avanza",
    "Fortalece",
    "Procura",
    "Facilita",
    "Apoya",
    "Amplía",
];

/// Whether a line states what an initiative is for ("Seeks opportunities to ...").
pub fn is_summary(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    SUMMARY_VERBS.contains(&first)
}

struct Walker<'a> {
    blocks: &'a [Block],
    skip: &'a HashSet<usize>,
    ctx: &'a EntryContext<'a>,
    pillars: Vec<Pillar>,
    warnings: Vec<String>,
    pillar: Option<usize>,
    initiative: Option<usize>,
    /// (depth, entry index) of the open list items of the current initiative.
    stack: Vec<(usize, usize)>,
    listed: bool,
    /// Texts of the current initiative's entries, to skip repeats.
    seen: HashSet<String>,
}

impl Walker<'_> {
    fn open_pillar(&mut self, number: u32, title: &str) {
        let at = match self.pillars.iter().position(|p| p.number == number) {
            Some(at) => at,
            None => {
                self.pillars.push(Pillar {
                    id: None,
                    number,
                    title: title.to_string(),
                    title_es: None,
                    initiatives: Vec::new(),
                });
                self.pillars.len() - 1
            }
        };
        self.pillar = Some(at);
        self.initiative = None;
    }

    fn open_initiative(&mut self, title: &str) {
        if self.pillar.is_none() {
            let number = self.pillars.iter().map(|p| p.number).max().unwrap_or(0) + 1;
            self.open_pillar(number, UNTITLED);
        }
        let pillar = &mut self.pillars[self.pillar.expect("opened above")];
        pillar.initiatives.push(Initiative {
            id: None,
            title: title.to_string(),
            title_es: None,
            summary: None,
            summary_es: None,
            entries: Vec::new(),
            notes: Vec::new(),
        });
        self.initiative = Some(pillar.initiatives.len() - 1);
        self.stack.clear();
        self.listed = false;
        self.seen.clear();
    }

    fn content(&mut self, block: &Block) {
        if self.initiative.is_none() {
            let pillar = self.pillar.map(|p| self.pillars[p].title.clone());
            self.open_initiative(UNTITLED);
            if let Some(pillar) = pillar.filter(|t| t != UNTITLED) {
                self.warnings.push(format!(
                    "line {}: text under pillar \"{pillar}\" before any initiative heading is kept under an untitled initiative",
                    block.line
                ));
            }
        }
        let (p, n) = (
            self.pillar.expect("opened above"),
            self.initiative.expect("opened above"),
        );
        let mut depth = match block.kind {
            BlockKind::Bullet { depth, .. } => depth,
            _ => 0,
        };
        let is_bullet = matches!(block.kind, BlockKind::Bullet { .. });
        let initiative = &mut self.pillars[p].initiatives[n];
        // A list split by a page break resumes at the outer level in lowercase.
        if depth == 0 && is_bullet && block.text.starts_with(char::is_lowercase) {
            let entries = &initiative.entries;
            if self
                .stack
                .first()
                .is_some_and(|(d, i)| *d == 0 && entries[*i].text.ends_with(':'))
            {
                depth = 1;
            }
        }
        if depth == 0 && initiative.summary.is_none() && is_summary(&block.text) && !self.listed {
            initiative.summary = Some(block.text.clone());
            return;
        }
        if !self.seen.insert(block.text.clone()) {
            self.warnings.push(format!(
                "line {}: repeats an earlier entry of the same initiative; skipped",
                block.line
            ));
            return;
        }
        while self.stack.last().is_some_and(|(d, _)| *d >= depth) {
            self.stack.pop();
        }
        let parent = self.stack.last().map(|(_, i)| &initiative.entries[*i]);
        let entry = build_entry(&block.text, (block.line, block.line_end), parent, self.ctx);
        initiative.entries.push(entry);
        self.stack.push((depth, initiative.entries.len() - 1));
        self.listed |= is_bullet;
    }

    fn next_content(&self, from: usize) -> Option<usize> {
        (from + 1..self.blocks.len()).find(|j| !self.skip.contains(j))
    }
}

/// Builds the pillars from `blocks[start..]`, skipping `skip` (title, dateline,
/// declaration items). Gives the pillars in number order and the warnings.
pub fn build(
    blocks: &[Block],
    start: usize,
    outline: &Outline,
    skip: &HashSet<usize>,
    ctx: &EntryContext,
) -> (Vec<Pillar>, Vec<String>) {
    let marks: HashMap<usize, (u32, &str)> = outline
        .pillars
        .iter()
        .map(|p| (p.block, (p.number, p.title.as_str())))
        .collect();
    let uses_headings = blocks.iter().enumerate().skip(start).any(|(i, b)| {
        matches!(b.kind, BlockKind::Heading { .. }) && !marks.contains_key(&i) && !skip.contains(&i)
    });
    let mut w = Walker {
        blocks,
        skip,
        ctx,
        pillars: Vec::new(),
        warnings: Vec::new(),
        pillar: None,
        initiative: None,
        stack: Vec::new(),
        listed: false,
        seen: HashSet::new(),
    };
    for (number, title) in &outline.declared_only {
        w.pillars.push(Pillar {
            id: None,
            number: *number,
            title: title.clone(),
            title_es: None,
            initiatives: Vec::new(),
        });
        w.warnings.push(format!(
            "pillar {number} \"{title}\" is in the document's list of pillars but has no section"
        ));
    }
    for (i, block) in blocks.iter().enumerate().skip(start) {
        if skip.contains(&i) {
            continue;
        }
        if let Some((number, title)) = marks.get(&i) {
            w.open_pillar(*number, title);
            continue;
        }
        let opens_initiative = match block.kind {
            BlockKind::Heading { level } => outline.initiative_level.is_none_or(|l| level <= l),
            BlockKind::Text => {
                !uses_headings
                    && !block.joined
                    && heading_like(&block.text)
                    && w.next_content(i).is_some()
            }
            BlockKind::Bullet { .. } => false,
        };
        if opens_initiative {
            w.open_initiative(&block.text);
        } else {
            w.content(block);
        }
    }
    if let Some(last) = blocks
        .iter()
        .enumerate()
        .rev()
        .find(|(i, _)| !skip.contains(i))
        .map(|(_, b)| b)
    {
        if !matches!(last.kind, BlockKind::Heading { .. })
            && !ends_sentence(&last.text)
            && !heading_like(&last.text)
            && !super::lines::is_label_item(&last.text)
        {
            w.warnings.push(format!(
                "line {}: the last line seems cut off (it ends mid-sentence)",
                last.line_end
            ));
        }
    }
    w.pillars.sort_by_key(|p| p.number);
    (w.pillars, w.warnings)
}
