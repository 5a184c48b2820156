//! Aligning a translation of a document with the dialogue already in the record: which
//! pillar, initiative and entry of the translation says what which one of the record
//! says. Pure: two parsed dialogues in, pairs with a confidence out.
//!
//! Structure first, then text: pillars pair by number, initiatives by where they sit and
//! what their whole block shares (numbers, dates, acronyms, names, lexicon concepts,
//! cognates; see `features.rs`), entries by what they share, helped by sitting in paired
//! initiatives at a similar place. Each side's items are paired at most once, best
//! confidence first, so paragraphs reordered in the translation still find their match.
//! What the translation holds and nothing in the record matches is listed, never dropped.

pub mod features;
pub mod lexicon;

use crate::model::{Dialogue, Entry, Id};
use features::{similarity, Features};
use serde::Serialize;

/// Pairs at or above this confidence are accepted unless the user rejects them.
pub const ACCEPT: f64 = 0.5;
/// Below this a pair is not proposed at all: the texts are listed as unmatched.
const PROPOSE: f64 = 0.25;
/// How much of a confidence the text evidence gives; the rest comes from structure.
const TEXT_SHARE: f64 = 0.6;

/// What a pair holds.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PairKind {
    Pillar,
    InitiativeTitle,
    InitiativeSummary,
    Entry,
}

impl PairKind {
    /// The name the JSON uses ("initiative_title").
    pub fn as_str(self) -> &'static str {
        match self {
            PairKind::Pillar => "pillar",
            PairKind::InitiativeTitle => "initiative_title",
            PairKind::InitiativeSummary => "initiative_summary",
            PairKind::Entry => "entry",
        }
    }
}

/// A text of the record and its translation.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedPair {
    pub kind: PairKind,
    /// The record row: a pillar, initiative or entry id.
    pub id: Id,
    pub record_text: String,
    pub translated_text: String,
    /// 0 to 1.
    pub confidence: f64,
}

/// A text of the translation that matches nothing in the record.
#[derive(Debug, Clone, PartialEq)]
pub struct Unmatched {
    pub kind: PairKind,
    pub text: String,
    /// Its first line in the translated document, when known.
    pub line: Option<u32>,
}

/// The outcome of aligning one translation with one dialogue.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alignment {
    /// In the record's order.
    pub pairs: Vec<AlignedPair>,
    pub unmatched: Vec<Unmatched>,
    /// The record's entries no text of the translation pairs with (what stays untranslated).
    pub untranslated: Vec<String>,
    /// Entries the record holds in this dialogue.
    pub record_entries: usize,
    /// Entries the translation holds.
    pub translated_entries: usize,
}

impl Alignment {
    /// The entry pairs at or above [`ACCEPT`].
    pub fn accepted_entries(&self) -> usize {
        self.pairs
            .iter()
            .filter(|p| p.kind == PairKind::Entry && p.confidence >= ACCEPT)
            .count()
    }
}

/// One side's entry with where it sits.
struct Item<'a> {
    entry: &'a Entry,
    /// Index of its initiative in the side's list, `None` for a dialogue-level entry.
    parent: Option<usize>,
    /// Relative position in its parent, 0 to 1.
    at: f64,
    features: Features,
}

/// One side's initiative with where it sits.
struct Block<'a> {
    initiative: &'a crate::model::Initiative,
    pillar: usize,
    at: f64,
    features: Features,
}

fn relative(i: usize, n: usize) -> f64 {
    if n <= 1 {
        0.0
    } else {
        i as f64 / (n - 1) as f64
    }
}

fn blocks(d: &Dialogue, spanish: bool) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    for (p, pillar) in d.pillars.iter().enumerate() {
        for (i, initiative) in pillar.initiatives.iter().enumerate() {
            let mut text = initiative.title.clone();
            for t in initiative
                .summary
                .iter()
                .chain(initiative.entries.iter().map(|e| &e.text))
            {
                text.push_str(". ");
                text.push_str(t);
            }
            out.push(Block {
                initiative,
                pillar: p,
                at: relative(i, pillar.initiatives.len()),
                features: Features::of(&text, None, spanish),
            });
        }
    }
    out
}

fn items<'a>(d: &'a Dialogue, blocks: &[Block<'a>], spanish: bool) -> Vec<Item<'a>> {
    let item = |entry: &'a Entry, parent, at| Item {
        entry,
        parent,
        at,
        features: Features::of(
            &entry.text,
            entry
                .date
                .as_ref()
                .and_then(|d| d.edtf)
                .map(|e| e.to_string())
                .as_deref(),
            spanish,
        ),
    };
    let mut out: Vec<Item> = d
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| item(e, None, relative(i, d.entries.len())))
        .collect();
    for (b, block) in blocks.iter().enumerate() {
        let n = block.initiative.entries.len();
        for (i, e) in block.initiative.entries.iter().enumerate() {
            out.push(item(e, Some(b), relative(i, n)));
        }
    }
    out
}

/// Pairs indexes of two sides best first, each at most once, keeping those at or above
/// [`PROPOSE`]. `score(a, b)` gives a confidence.
fn assign(
    left: usize,
    right: usize,
    score: impl Fn(usize, usize) -> f64,
) -> Vec<(usize, usize, f64)> {
    let mut all = Vec::new();
    for a in 0..left {
        for b in 0..right {
            let s = score(a, b);
            if s >= PROPOSE {
                all.push((a, b, s));
            }
        }
    }
    // Ties go to the earlier pair, so the outcome never depends on sort stability.
    all.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let (mut used_a, mut used_b) = (vec![false; left], vec![false; right]);
    let mut out = Vec::new();
    for (a, b, s) in all {
        if !used_a[a] && !used_b[b] {
            used_a[a] = true;
            used_b[b] = true;
            out.push((a, b, s));
        }
    }
    out.sort_by_key(|&(a, _, _)| a);
    out
}

/// Text evidence counts whole; structure counts only as far as the text gives some
/// reason, so two unrelated documents with the same outline do not pair up.
fn confidence(text: f64, structure: f64) -> f64 {
    TEXT_SHARE * text + (1.0 - TEXT_SHARE) * structure * (text * 3.0).min(1.0)
}

/// Aligns `translated` (a parsed translation, Spanish when `spanish`) with `record`
/// (the dialogue as stored, with ids, in the other language).
pub fn align(record: &Dialogue, translated: &Dialogue, spanish: bool) -> Alignment {
    let mut out = Alignment::default();
    // Pillars: by number, their titles as a tie-breaker.
    let pillar_pairs = assign(record.pillars.len(), translated.pillars.len(), |a, b| {
        let (r, t) = (&record.pillars[a], &translated.pillars[b]);
        let text = similarity(
            &Features::of(&r.title, None, !spanish),
            &Features::of(&t.title, None, spanish),
        );
        if r.number == t.number {
            0.7 + 0.3 * text
        } else {
            TEXT_SHARE * text
        }
    });
    let pillar_of = |b: usize| pillar_pairs.iter().find(|p| p.1 == b).map(|p| p.0);
    for &(a, b, s) in &pillar_pairs {
        if let Some(id) = record.pillars[a].id {
            out.pairs.push(AlignedPair {
                kind: PairKind::Pillar,
                id,
                record_text: record.pillars[a].title.clone(),
                translated_text: translated.pillars[b].title.clone(),
                confidence: s,
            });
        }
    }
    for (b, pillar) in translated.pillars.iter().enumerate() {
        if pillar_of(b).is_none() {
            out.unmatched.push(Unmatched {
                kind: PairKind::Pillar,
                text: pillar.title.clone(),
                line: None,
            });
        }
    }

    // Initiatives: the whole block's evidence, and their place under paired pillars.
    let (rb, tb) = (blocks(record, !spanish), blocks(translated, spanish));
    let block_pairs = assign(rb.len(), tb.len(), |a, b| {
        let text = similarity(&rb[a].features, &tb[b].features);
        let same_pillar = pillar_of(tb[b].pillar) == Some(rb[a].pillar);
        let structure = if same_pillar {
            0.5 + 0.5 * (1.0 - (rb[a].at - tb[b].at).abs())
        } else {
            0.0
        };
        confidence(text, structure)
    });
    for &(a, b, s) in &block_pairs {
        let (r, t) = (rb[a].initiative, tb[b].initiative);
        let Some(id) = r.id else { continue };
        out.pairs.push(AlignedPair {
            kind: PairKind::InitiativeTitle,
            id,
            record_text: r.title.clone(),
            translated_text: t.title.clone(),
            confidence: s,
        });
        match (&r.summary, &t.summary) {
            (Some(rs), Some(ts)) => out.pairs.push(AlignedPair {
                kind: PairKind::InitiativeSummary,
                id,
                record_text: rs.clone(),
                translated_text: ts.clone(),
                confidence: s,
            }),
            (None, Some(ts)) => out.unmatched.push(Unmatched {
                kind: PairKind::InitiativeSummary,
                text: ts.clone(),
                line: None,
            }),
            _ => {}
        }
    }
    for (b, block) in tb.iter().enumerate() {
        if !block_pairs.iter().any(|p| p.1 == b) {
            out.unmatched.push(Unmatched {
                kind: PairKind::InitiativeTitle,
                text: block.initiative.title.clone(),
                line: None,
            });
        }
    }

    // Entries: anywhere in the dialogue, helped by sitting in paired initiatives.
    let (ri, ti) = (
        items(record, &rb, !spanish),
        items(translated, &tb, spanish),
    );
    out.record_entries = ri.len();
    out.translated_entries = ti.len();
    let parents_paired = |a: Option<usize>, b: Option<usize>| match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => block_pairs.iter().any(|p| p.0 == a && p.1 == b),
        _ => false,
    };
    let entry_pairs = assign(ri.len(), ti.len(), |a, b| {
        let text = similarity(&ri[a].features, &ti[b].features);
        let structure = if parents_paired(ri[a].parent, ti[b].parent) {
            0.5 + 0.5 * (1.0 - (ri[a].at - ti[b].at).abs())
        } else {
            0.0
        };
        confidence(text, structure)
    });
    for &(a, b, s) in &entry_pairs {
        let Some(id) = ri[a].entry.id else { continue };
        out.pairs.push(AlignedPair {
            kind: PairKind::Entry,
            id,
            record_text: ri[a].entry.text.clone(),
            translated_text: ti[b].entry.text.clone(),
            confidence: s,
        });
    }
    for (a, item) in ri.iter().enumerate() {
        if !entry_pairs.iter().any(|p| p.0 == a) {
            out.untranslated.push(item.entry.text.clone());
        }
    }
    for (b, item) in ti.iter().enumerate() {
        if !entry_pairs.iter().any(|p| p.1 == b) {
            out.unmatched.push(Unmatched {
                kind: PairKind::Entry,
                text: item.entry.text.clone(),
                line: item.entry.source.as_ref().map(|s| s.line),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
