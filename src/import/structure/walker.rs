//! The walk over a document's blocks: opening pillars and initiatives, and placing
//! each statement under the open initiative, the pillar it discusses, or at
//! dialogue level, with the explanation of why.

use super::wording::{inherits, is_summary, sentences, shape_rule};
use super::GENERAL;
use crate::import::entry::{build_entry, EntryContext};
use crate::import::explain::{place, At, Explanation, Made};
use crate::import::lines::{Block, BlockKind};
use crate::import::placement::pillar_for;
use crate::model::{Entry, Initiative, Pillar};
use std::collections::HashSet;

/// The walk over the blocks: what is open (pillar, initiative, list items) and what
/// has been made.
pub(super) struct Walker<'a> {
    pub(super) blocks: &'a [Block],
    pub(super) skip: &'a HashSet<usize>,
    pub(super) ctx: &'a EntryContext<'a>,
    pub(super) pillars: Vec<Pillar>,
    pub(super) warnings: Vec<String>,
    pub(super) pillar: Option<usize>,
    pub(super) initiative: Option<usize>,
    /// (depth, entry index) of the open list items of the current initiative.
    pub(super) stack: Vec<(usize, usize)>,
    pub(super) listed: bool,
    /// Texts of the current initiative's entries, to skip repeats.
    pub(super) seen: HashSet<String>,
    /// Dialogue-level entries, and whether the open list belongs to them.
    pub(super) general: Vec<Entry>,
    pub(super) general_seen: HashSet<String>,
    /// Pillars announced in prose without sections: number and title words.
    pub(super) prose: Vec<(u32, HashSet<String>)>,
    /// Whether `stack` indexes `general` rather than the open initiative's entries.
    pub(super) in_general: bool,
    pub(super) explanations: Vec<Explanation>,
    /// Why the current top-level statement went where it did, when the pillars are
    /// announced in prose.
    pub(super) placed_by: Option<String>,
    /// First line of the sentence that declares the pillars in prose: what comes
    /// before it (the meeting, the relaunch) is the dialogue's own.
    pub(super) declared_line: Option<u32>,
}

impl<'a> Walker<'a> {
    pub(super) fn new(
        blocks: &'a [Block],
        skip: &'a HashSet<usize>,
        ctx: &'a EntryContext<'a>,
        declared_line: Option<u32>,
    ) -> Self {
        Walker {
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
            declared_line,
        }
    }

    pub(super) fn open_pillar(&mut self, number: u32, title: &str, block: &Block, rule: &str) {
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
    pub(super) fn open_initiative(&mut self, title: &str, block: &Block, rule: &str) {
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
    pub(super) fn place_in_prose(&mut self, block: &Block) {
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

    pub(super) fn content(&mut self, block: &Block) {
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
    pub(super) fn dialogue_level(&mut self, block: &Block) {
        // The sentences that frame the pillars go; a statement in the same paragraph
        // ("The two countries held the second HLED today. It is organized around
        // four pillars ...") stays.
        let frames = |s: &str| {
            let folded = crate::import::normalize::fold(s);
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

    pub(super) fn next_content(&self, from: usize) -> Option<usize> {
        (from + 1..self.blocks.len()).find(|j| !self.skip.contains(j))
    }
}
