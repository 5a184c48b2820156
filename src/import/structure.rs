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
use super::explain::{place, At, Explanation, Made};
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
    /// Why each pillar, initiative, summary and entry was made.
    pub explanations: Vec<Explanation>,
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
    explanations: Vec<Explanation>,
    /// Why the current top-level statement went where it did, when the pillars are
    /// announced in prose.
    placed_by: Option<String>,
    /// First line of the sentence that declares the pillars in prose: what comes
    /// before it (the meeting, the relaunch) is the dialogue's own.
    declared_line: Option<u32>,
}

impl Walker<'_> {
    fn open_pillar(&mut self, number: u32, title: &str, block: &Block, rule: &str) {
        let at = match self.pillars.iter().position(|p| p.number == number) {
            Some(at) => at,
            None => {
                self.explanations.push(Explanation::new(
                    Made::Pillar,
                    String::new(),
                    title,
                    (block.line, block.line_end),
                    rule.to_string(),
                ));
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
    /// `block` and `rule` say where it came from and why.
    fn open_initiative(&mut self, title: &str, block: &Block, rule: &str) {
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
        self.explanations.push(Explanation::new(
            Made::Initiative,
            place(Some((pillar.number, ""))),
            title,
            (block.line, block.line_end),
            rule.to_string(),
        ));
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
        if self.declared_line.is_some_and(|l| block.line < l) {
            self.pillar = None;
            self.initiative = None;
            self.placed_by = Some("stands before the list of pillars".to_string());
            return;
        }
        match pillar_for(&block.text, &self.prose) {
            Some(number) => {
                let at = self.pillars.iter().position(|p| p.number == number);
                self.pillar = at;
                self.initiative = None;
                let rule = format!("shares the words of pillar {number}'s title");
                if at.is_some() {
                    self.open_initiative(GENERAL, block, &rule);
                }
                self.placed_by = Some(rule);
            }
            None => {
                self.pillar = None;
                self.initiative = None;
                self.placed_by = Some("shares the words of no single pillar's title".to_string());
            }
        }
    }

    fn content(&mut self, block: &Block) {
        self.placed_by = None;
        self.place_in_prose(block);
        if self.pillar.is_none() {
            self.dialogue_level(block);
            return;
        }
        if self.initiative.is_none() {
            self.open_initiative(
                GENERAL,
                block,
                "statement under a pillar above any initiative heading",
            );
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
            let verb = block.text.split_whitespace().next().unwrap_or("");
            self.explanations.push(Explanation::new(
                Made::Summary,
                place(Some((
                    self.pillars[p].number,
                    &self.pillars[p].initiatives[n].title,
                ))),
                &block.text,
                (block.line, block.line_end),
                format!("first item starts with the summary verb '{verb}'"),
            ));
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
        let mut rule = shape_rule(block, depth, "an initiative");
        if inherits(&entry, parent) {
            rule.push_str("; takes its lead-in's status");
        }
        initiative.entries.push(entry);
        let index = initiative.entries.len() - 1;
        self.stack.push((depth, index));
        self.listed |= is_bullet;
        let pillar = &self.pillars[p];
        let mut x = Explanation::new(
            Made::Entry,
            place(Some((pillar.number, &pillar.initiatives[n].title))),
            &block.text,
            (block.line, block.line_end),
            rule,
        );
        if let Some(placed) = self.placed_by.take() {
            x.rules.insert(0, placed);
        }
        x.at = Some(At::Pillar(pillar.number, n, index));
        self.explanations.push(x);
    }

    /// A statement outside every pillar. A paragraph that frames the pillars ("...
    /// under each of the four pillars of the HLED, relaunched ...") describes the
    /// document's structure, not something done: it is left out, and the dialogue's
    /// (re)launch date is read from it.
    fn dialogue_level(&mut self, block: &Block) {
        // The sentences that frame the pillars go; a statement in the same paragraph
        // ("The two countries held the second HLED today. It is organized around
        // four pillars ...") stays.
        let frames = |s: &str| {
            let folded = super::normalize::fold(s);
            folded.contains("pillar") || folded.contains("pilares")
        };
        let kept;
        let block = if frames(&block.text) {
            let rest: Vec<&str> = sentences(&block.text)
                .into_iter()
                .filter(|s| !frames(s))
                .collect();
            if rest.is_empty() {
                return;
            }
            kept = Block {
                text: rest.join(" "),
                ..block.clone()
            };
            &kept
        } else {
            block
        };
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
        let mut rule = shape_rule(block, depth, "no pillar");
        rule.push_str(" -> General (dialogue level)");
        if inherits(&entry, parent) {
            rule.push_str("; takes its lead-in's status");
        }
        self.general.push(entry);
        let index = self.general.len() - 1;
        self.stack.push((depth, index));
        let mut x = Explanation::new(
            Made::Entry,
            place(None),
            &block.text,
            (block.line, block.line_end),
            rule,
        );
        if let Some(placed) = self.placed_by.take() {
            x.rules.insert(0, placed);
        }
        x.at = Some(At::General(index));
        self.explanations.push(x);
    }

    fn next_content(&self, from: usize) -> Option<usize> {
        (from + 1..self.blocks.len()).find(|j| !self.skip.contains(j))
    }
}

/// The sentences of a paragraph: split after ". " that follows a lowercase letter,
/// a digit or a bracket ("U.S. officials" stays one sentence).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices(". ") {
        let before = text[..i].chars().next_back();
        let ends = before.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == ')');
        if ends && i + 2 <= bytes.len() {
            out.push(text[start..=i].trim());
            start = i + 2;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// A short lead-in that states nothing and introduces a list ("Results of the
/// meeting:", "Key outcomes:"): a label for the list, not an entry.
fn is_list_label(block: &Block) -> bool {
    block.kind == BlockKind::Text
        && block.text.ends_with(':')
        && block.text.split_whitespace().count() <= 8
        && super::status::detect(&block.text).is_none()
}

/// How a statement is shaped: "bullet under an initiative", "nested bullet ...",
/// "paragraph ...".
fn shape_rule(block: &Block, depth: usize, under: &str) -> String {
    match block.kind {
        BlockKind::Bullet { .. } if depth > 0 => format!("nested list item under {under}"),
        BlockKind::Bullet { .. } => format!("list item under {under}"),
        _ if super::lines::is_label_item(&block.text) => {
            format!("'Label: text' line under {under}")
        }
        _ => format!("paragraph under {under}"),
    }
}

/// Whether a nested item took its lead-in's status (it states no action of its own).
fn inherits(entry: &Entry, parent: Option<&Entry>) -> bool {
    let (Some(parent), Some(phrase)) = (parent, &entry.status_phrase) else {
        return false;
    };
    parent.status_phrase.as_ref() == Some(phrase)
        && !entry.text.to_lowercase().contains(&phrase.to_lowercase())
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
    let marks: HashMap<usize, (u32, &str, &str)> = outline
        .pillars
        .iter()
        .map(|p| (p.block, (p.number, p.title.as_str(), p.rule)))
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
        explanations: Vec::new(),
        placed_by: None,
        declared_line: outline.declared_at.map(|(b, _)| blocks[b].line),
    };
    if outline.pillars.is_empty() {
        w.prose = outline
            .declared_only
            .iter()
            .map(|(n, t)| (*n, stems(t)))
            .collect();
    }
    for (number, title) in &outline.declared_only {
        if let Some((b, rule)) = outline.declared_at {
            w.explanations.push(Explanation::new(
                Made::Pillar,
                String::new(),
                title,
                (blocks[b].line, blocks[b].line_end),
                rule.to_string(),
            ));
        }
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
        if let Some((number, title, rule)) = marks.get(&i) {
            w.open_pillar(*number, title, block, rule);
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
                let rule = match block.kind {
                    BlockKind::Heading { .. } => "heading under a pillar",
                    _ => "title-like line under a pillar (no closing punctuation, content follows)",
                };
                w.open_initiative(&block.text, block, rule);
            } else {
                // A heading outside every pillar names no pillar: what follows it is
                // kept at dialogue level, and the heading is reported, not invented.
                w.stack.clear();
                w.warnings.push(format!(
                    "line {}: heading \"{}\" is outside any pillar; the statements under it are kept at dialogue level",
                    block.line, block.text
                ));
            }
        } else if is_list_label(block)
            && w.next_content(i)
                .is_some_and(|j| matches!(blocks[j].kind, BlockKind::Bullet { .. }))
        {
            continue;
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
        explanations: w.explanations,
    }
}
