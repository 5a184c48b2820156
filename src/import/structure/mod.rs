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
//!
//! `walker` places each block; `wording` reads what a block's words say about
//! its place.

mod walker;
mod wording;

pub use wording::is_summary;

use super::entry::EntryContext;
use super::explain::{Explanation, Made};
use super::lines::{ends_sentence, Block, BlockKind};
use super::pillars::{heading_like, Outline};
use super::placement::stems;
use crate::model::{Entry, Pillar};
use std::collections::{HashMap, HashSet};
use walker::Walker;
use wording::is_list_label;

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
    let declared_line = outline.declared_at.map(|(b, _)| blocks[b].line);
    let mut w = Walker::new(blocks, skip, ctx, declared_line);
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
