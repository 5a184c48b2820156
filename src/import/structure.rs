//! Blocks to pillars -> initiatives -> entries, given where the pillars are.
//!
//! Under a pillar, a title-like line (or a Markdown heading, in a document that uses
//! them) opens an initiative. Under an initiative, the first "Seeks ..."/"Advances
//! ..." item before any other list item is its summary; every other list item,
//! nested item and paragraph is an entry. Statements under a pillar but above any
//! initiative heading go to the pillar's "General" initiative. Statements outside
//! every pillar (a meeting held, a relaunch, a commitment of the whole dialogue) are
//! dialogue-level entries. When the pillars are announced in prose and never head a
//! section, each paragraph goes under the pillar whose words it shares, else stays at
//! dialogue level. No pillar is ever invented, and nothing is "Untitled".

use super::entry::{build_entry, EntryContext};
use super::lines::{ends_sentence, Block, BlockKind};
use super::pillars::{heading_like, Outline};
use super::placement::{pillar_for, stems};
use crate::model::{Entry, Initiative, Pillar};
use std::collections::{HashMap, HashSet};

/// Title of the initiative that holds a pillar's statements made above any
/// initiative heading; the same word the app uses for dialogue-level statements.
pub const GENERAL: &str = "General";

/// What the structure step gives: pillars in number order, dialogue-level entries,
/// warnings.
pub struct Built {
    pub pillars: Vec<Pillar>,
    pub general: Vec<Entry>,
    pub warnings: Vec<String>,
}

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
    /// Dialogue-level entries, and whether the open list belongs to them.
    general: Vec<Entry>,
    general_seen: HashSet<String>,
    /// Pillars announced in prose without sections: number and title words.
    prose: Vec<(u32, HashSet<String>)>,
    /// Whether `stack` indexes `general` rather than the open initiative's entries.
    in_general: bool,
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

    /// Opens an initiative under the open pillar; callers open the pillar first.
    fn open_initiative(&mut self, title: &str) {
        let Some(p) = self.pillar else { return };
        let pillar = &mut self.pillars[p];
        let general = title == GENERAL;
        if let Some(at) = pillar
            .initiatives
            .iter()
            .position(|i| general && i.title == title)
        {
            // The pillar's "General" initiative is one, however often it is reopened.
            self.initiative = Some(at);
            self.stack.clear();
            self.listed = false;
            return;
        }
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

    /// Places a top-level statement of a document whose pillars are announced in
    /// prose: under the pillar it discusses, else at dialogue level.
    fn place_in_prose(&mut self, block: &Block) {
        let nested = matches!(block.kind, BlockKind::Bullet { depth: 1.., .. });
        if self.prose.is_empty() || nested {
            return;
        }
        match pillar_for(&block.text, &self.prose) {
            Some(number) => {
                let at = self.pillars.iter().position(|p| p.number == number);
                self.pillar = at;
                self.initiative = None;
                if at.is_some() {
                    self.open_initiative(GENERAL);
                }
            }
            None => {
                self.pillar = None;
                self.initiative = None;
            }
        }
    }

    fn content(&mut self, block: &Block) {
        self.place_in_prose(block);
        if self.pillar.is_none() {
            self.dialogue_level(block);
            return;
        }
        if self.initiative.is_none() {
            self.open_initiative(GENERAL);
        }
        if self.in_general {
            self.stack.clear();
            self.in_general = false;
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
            if self.stack.first().is_some_and(|(d, i)| {
                *d == 0 && entries.get(*i).is_some_and(|e| e.text.ends_with(':'))
            }) {
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
        let parent = self
            .stack
            .last()
            .and_then(|(_, i)| initiative.entries.get(*i));
        let entry = build_entry(&block.text, (block.line, block.line_end), parent, self.ctx);
        initiative.entries.push(entry);
        self.stack.push((depth, initiative.entries.len() - 1));
        self.listed |= is_bullet;
    }

    /// A statement outside every pillar. A paragraph that frames the pillars ("...
    /// under each of the four pillars of the HLED, relaunched ...") describes the
    /// document's structure, not something done: it is left out, and the dialogue's
    /// (re)launch date is read from it.
    fn dialogue_level(&mut self, block: &Block) {
        let folded = super::normalize::fold(&block.text);
        if folded.contains("pillars") || folded.contains("pilares") {
            return;
        }
        let depth = match block.kind {
            BlockKind::Bullet { depth, .. } => depth,
            _ => 0,
        };
        if !self.general_seen.insert(block.text.clone()) {
            return;
        }
        if !self.in_general {
            self.stack.clear();
            self.in_general = true;
        }
        while self.stack.last().is_some_and(|(d, _)| *d >= depth) {
            self.stack.pop();
        }
        let parent = self.stack.last().and_then(|(_, i)| self.general.get(*i));
        let entry = build_entry(&block.text, (block.line, block.line_end), parent, self.ctx);
        self.general.push(entry);
        self.stack.push((depth, self.general.len() - 1));
    }

    fn next_content(&self, from: usize) -> Option<usize> {
        (from + 1..self.blocks.len()).find(|j| !self.skip.contains(j))
    }
}

/// Builds the pillars and dialogue-level entries from `blocks[start..]`, skipping
/// `skip` (title, dateline, furniture dates, declaration items).
pub fn build(
    blocks: &[Block],
    start: usize,
    outline: &Outline,
    skip: &HashSet<usize>,
    ctx: &EntryContext,
) -> Built {
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
        general: Vec::new(),
        general_seen: HashSet::new(),
        prose: Vec::new(),
        in_general: false,
    };
    if outline.pillars.is_empty() {
        w.prose = outline
            .declared_only
            .iter()
            .map(|(n, t)| (*n, stems(t)))
            .collect();
    }
    for (number, title) in &outline.declared_only {
        w.pillars.push(Pillar {
            id: None,
            number: *number,
            title: title.clone(),
            title_es: None,
            initiatives: Vec::new(),
        });
        if !outline.pillars.is_empty() {
            w.warnings.push(format!(
                "pillar {number} \"{title}\" is in the document's list of pillars but has no section"
            ));
        }
    }
    for (i, block) in blocks.iter().enumerate().skip(start) {
        if let Some((_, prefix)) = outline.declared_prefix.as_ref().filter(|(b, _)| *b == i) {
            let statement = Block {
                text: prefix.clone(),
                ..block.clone()
            };
            w.content(&statement);
            continue;
        }
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
            w.place_in_prose(block);
            if w.pillar.is_some() {
                w.open_initiative(&block.text);
            } else {
                // A heading outside every pillar names no pillar: what follows it is
                // kept at dialogue level, and the heading is reported, not invented.
                w.stack.clear();
                w.warnings.push(format!(
                    "line {}: heading \"{}\" is outside any pillar; the statements under it are kept at dialogue level",
                    block.line, block.text
                ));
            }
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
    Built {
        pillars: w.pillars,
        general: w.general,
        warnings: w.warnings,
    }
}
