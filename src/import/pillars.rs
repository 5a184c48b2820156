//! Where the pillars are. A document shows them in one of these forms, tried in
//! this order:
//! 1. explicit headings: "Pillar I: Building Back Together", "PILLAR 2 -" (title on
//!    the next line), "Pilar III. Asegurar ...", also as Markdown headings;
//! 2. a declared list, numbered lines after "... four pillars:" or written inline
//!    ("four pillars: (1) Building Back Together; (2) ..."), whose titles then head
//!    the sections;
//! 3. numbered headings ("1. Building Back Together", "II. Promoting ...") with
//!    content between them;
//! 4. Markdown heading levels: the shallowest level under the title is pillars, the
//!    next initiatives.
//!
//! Otherwise there are no pillars; none are ever invented.

use super::lines::{ends_sentence, Block, BlockKind, Marker};
use super::normalize::{fold, fold_with_map, normalize_title};
use regex::Regex;
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

/// A block that opens a pillar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PillarMark {
    pub block: usize,
    pub number: u32,
    pub title: String,
    /// The rule that recognised it, for the import preview.
    pub rule: &'static str,
}

/// The pillar layout of a document.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub pillars: Vec<PillarMark>,
    /// Pillars a declared list names but no section heading matches.
    pub declared_only: Vec<(u32, String)>,
    /// Blocks used up as pillar titles or declaration items (not content).
    pub consumed: HashSet<usize>,
    /// Markdown level of initiative headings, when levels carry the structure.
    pub initiative_level: Option<u8>,
    /// The sentences before a declaration in the same paragraph ("The two countries
    /// held the tenth Dialogue ... . The Dialogue has four pillars: ..."): its block
    /// and text, kept as a statement of its own.
    pub declared_prefix: Option<(usize, String)>,
    /// The block that declares the pillars, and the rule that read it (inline in
    /// prose, or a list below the sentence).
    pub declared_at: Option<(usize, &'static str)>,
}

const NUMBER_WORDS: &[&str] = &[
    "one|uno|first|primer|primero",
    "two|dos|second|segundo",
    "three|tres|third|tercer|tercero",
    "four|cuatro|fourth|cuarto",
    "five|cinco|fifth|quinto",
    "six|seis|sixth|sexto",
    "seven|siete|seventh|septimo",
    "eight|ocho|eighth|octavo",
    "nine|nueve|ninth|noveno",
    "ten|diez|tenth|decimo",
];

static EXPLICIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:pillar|pilar)\s+(?P<n>[ivxlc]{1,6}|\d{1,2}|[a-zé]{3,8})(?P<sep>\s*[:.)]|\s*-|\s*$)\s*(?P<title>.*)$").unwrap()
});
static MARKERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((?:\d{1,2}|[ivx]{1,4})\)\s*|(?:^|\s)\d{1,2}[.)]\s+").unwrap());

/// Reads a number written as digits, a Roman numeral or a word ("four", "cuatro").
pub fn number_of(text: &str) -> Option<u32> {
    crate::model::parse_pillar_number(text).or_else(|| {
        let word = fold(text);
        NUMBER_WORDS
            .iter()
            .position(|alts| alts.split('|').any(|w| w == word))
            .map(|i| i as u32 + 1)
    })
}

/// "Pillar I: Title" -> (1, "Title"); the title may be empty (it is on the next line).
pub fn explicit_heading(text: &str) -> Option<(u32, String)> {
    let caps = EXPLICIT.captures(text.trim())?;
    let number = number_of(&caps["n"])?;
    let title = caps["title"]
        .trim()
        .trim_end_matches(['.', ':', ';'])
        .trim()
        .to_string();
    let has_separator = !caps["sep"].trim().is_empty();
    // "Pillar I of the dialogue covers ..." is a sentence, not a heading.
    if !has_separator && (title.split_whitespace().count() > 12 || title.ends_with('.')) {
        return None;
    }
    if title.split_whitespace().count() > 25 {
        return None;
    }
    Some((number, title))
}

/// Whether a single-line text reads as a title: no closing punctuation, short, no
/// action phrase, not a "Label: text" item.
pub fn heading_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first = text.chars().next();
    let label = super::lines::is_label_item(text);
    words > 0
        && words <= 25
        && text.len() <= 200
        && !ends_sentence(text)
        && !text.ends_with(',')
        && first.is_some_and(|c| c.is_alphanumeric() || c == '"' || c == '¿')
        && !label
        && super::status::detect(text).is_none()
}

fn is_heading_block(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Heading { .. })
        || (block.kind == BlockKind::Text && !block.joined)
}

/// Finds the pillars. `from` is the first block after the document title.
pub fn outline(blocks: &[Block], from: usize) -> Outline {
    let mut out = Outline::default();
    let declared = declared_list(blocks, from);
    if let Some(d) = &declared {
        out.consumed.insert(d.block);
        out.consumed.extend(d.used.iter().copied());
        out.declared_prefix = d.prefix.clone().map(|p| (d.block, p));
        let rule = if d.used.is_empty() {
            "prose list of pillars (\"... pillars: (1) A, (2) B\" or \"A; B; and C\")"
        } else {
            "list of pillars after \"... pillars:\""
        };
        out.declared_at = Some((d.block, rule));
    }
    let declared_titles: BTreeMap<u32, String> = declared
        .as_ref()
        .map(|d| d.titles.clone())
        .unwrap_or_default();

    for (i, block) in blocks.iter().enumerate().skip(from) {
        if !is_heading_block(block) || out.consumed.contains(&i) {
            continue;
        }
        if let Some((number, mut title)) = explicit_heading(&block.text) {
            if super::clean::is_furniture(&title) {
                // "Pillar I: Share" names the pillar by number only.
                title.clear();
            }
            let mut rule = "heading 'Pillar N: title'";
            if title.is_empty() {
                if let Some(next) = blocks
                    .get(i + 1)
                    .filter(|b| is_heading_block(b) && heading_like(&b.text))
                {
                    title = next.text.clone();
                    out.consumed.insert(i + 1);
                    rule = "heading 'Pillar N', its title on the next line";
                } else if let Some(t) = declared_titles.get(&number) {
                    title = t.clone();
                    rule = "heading 'Pillar N', titled by the document's list of pillars";
                } else {
                    rule = "heading 'Pillar N' without a title";
                    // The heading names the pillar only by number: "PILLAR 2" (and
                    // "Pillar I: Home > News" keeps only its label, "Pillar I").
                    let label = block
                        .text
                        .split_whitespace()
                        .take(2)
                        .collect::<Vec<_>>()
                        .join(" ");
                    title = label
                        .trim_end_matches([':', '.', '-', ')', ' '])
                        .to_string();
                }
            }
            out.pillars.push(PillarMark {
                block: i,
                number,
                title,
                rule,
            });
        }
    }
    if !out.pillars.is_empty() {
        out.initiative_level = None;
        return out;
    }
    if !declared_titles.is_empty() {
        let keys: BTreeMap<String, u32> = declared_titles
            .iter()
            .map(|(n, t)| (normalize_title(t), *n))
            .collect();
        for (i, block) in blocks.iter().enumerate().skip(from) {
            if out.consumed.contains(&i)
                || matches!(block.kind, BlockKind::Bullet { depth: 1.., .. })
            {
                continue;
            }
            if let Some(&number) = keys.get(&normalize_title(&block.text)) {
                if !out.pillars.iter().any(|p| p.number == number) {
                    out.pillars.push(PillarMark {
                        block: i,
                        number,
                        title: declared_titles[&number].clone(),
                        rule: "section heading named in the document's list of pillars",
                    });
                }
            }
        }
        out.declared_only = declared_titles
            .iter()
            .filter(|(n, _)| !out.pillars.iter().any(|p| p.number == **n))
            .map(|(n, t)| (*n, t.clone()))
            .collect();
        return out;
    }
    if let Some(numbered) = numbered_headings(blocks, from) {
        out.pillars = numbered;
        return out;
    }
    markdown_levels(blocks, from, &mut out);
    out
}

/// A sentence that names the pillars and lists them.
struct Declaration {
    /// The paragraph holding the sentence.
    block: usize,
    titles: BTreeMap<u32, String>,
    /// List items below the sentence that are its titles.
    used: Vec<usize>,
    /// Whole sentences before the declaring one in the same paragraph.
    prefix: Option<String>,
}

/// A sentence naming the pillars followed by their list, inline ("four pillars:
/// (1) A, (2) B", "three pillars: a, b, and c") or as list items below it.
fn declared_list(blocks: &[Block], from: usize) -> Option<Declaration> {
    for (i, block) in blocks.iter().enumerate().skip(from) {
        if matches!(block.kind, BlockKind::Bullet { .. }) {
            continue;
        }
        if explicit_heading(&block.text).is_some() {
            return None;
        }
        let (folded, map) = fold_with_map(&block.text);
        let Some(at) = folded.find("pillars").or_else(|| folded.find("pilares")) else {
            continue;
        };
        let rest = &block.text[map[at]..];
        let after = match rest.find(':') {
            Some(colon) => &rest[colon + 1..],
            None => match MARKERS.find(rest) {
                Some(m) => &rest[m.start()..],
                None => continue,
            },
        };
        let mut items = split_items(after);
        let mut used = Vec::new();
        if items.is_empty() && block.text.trim_end().ends_with(':') {
            for (j, next) in blocks.iter().enumerate().skip(i + 1) {
                match next.kind {
                    BlockKind::Bullet { depth: 0, .. } => {
                        items.push(clean_item(&next.text));
                        used.push(j);
                    }
                    _ => break,
                }
            }
        }
        if items.len() >= 2 && items.iter().all(|t| valid_item(t)) {
            let titles = items
                .into_iter()
                .enumerate()
                .map(|(n, t)| (n as u32 + 1, capitalize(&t)))
                .collect();
            let prefix = block.text[..sentence_start(&block.text, map[at])].trim();
            return Some(Declaration {
                block: i,
                titles,
                used,
                prefix: (!prefix.is_empty()).then(|| prefix.to_string()),
            });
        }
    }
    None
}

fn split_items(text: &str) -> Vec<String> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let parts: Vec<&str> = if MARKERS.is_match(text) {
        MARKERS.split(text).collect()
    } else if text.contains(';') {
        text.split(';').collect()
    } else {
        text.split(',').collect()
    };
    parts
        .into_iter()
        .map(clean_item)
        .filter(|t| !t.is_empty())
        .collect()
}

fn clean_item(text: &str) -> String {
    let mut t = text.trim().trim_end_matches(['.', ';', ',', ':']).trim();
    for lead in ["and ", "y ", "e "] {
        if let Some(rest) = t.strip_prefix(lead) {
            t = rest.trim();
        }
    }
    for tail in [" and", " y"] {
        if let Some(rest) = t.strip_suffix(tail) {
            t = rest.trim_end_matches([';', ',']).trim();
        }
    }
    t.trim_matches('"').trim().to_string()
}

/// A pillar name: one to fifteen words starting with a letter, stating no action
/// (a lowercase item written inline, "combating COVID-19", is a name too).
fn valid_item(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=15).contains(&words)
        && text.chars().next().is_some_and(char::is_alphabetic)
        && !super::clean::is_furniture(text)
        && (text.starts_with(char::is_uppercase) || super::status::detect(text).is_none())
}

/// "combating COVID-19" -> "Combating COVID-19": a pillar title starts a heading.
fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// Byte offset where the sentence holding `at` starts: after the last ". " (or
/// "! ", "? ") before it that follows a lowercase letter, a digit or a bracket, so
/// "U.S. officials" does not split a sentence.
fn sentence_start(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at.min(bytes.len());
    while i >= 2 {
        i -= 1;
        if matches!(bytes[i - 1], b'.' | b'!' | b'?')
            && bytes[i] == b' '
            && text[..i - 1]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == ')')
        {
            return i + 1;
        }
    }
    0
}

/// Top-level numbered, title-like items numbered 1, 2, 3 ... with content between.
fn numbered_headings(blocks: &[Block], from: usize) -> Option<Vec<PillarMark>> {
    let mut marks: Vec<PillarMark> = Vec::new();
    for (i, block) in blocks.iter().enumerate().skip(from) {
        let BlockKind::Bullet { marker, depth: 0 } = block.kind else {
            continue;
        };
        let number = match marker {
            Marker::Number(n) | Marker::Roman(n) => n,
            _ => continue,
        };
        // Page furniture ("2) IV. Home > Statements > …", a breadcrumb) is left out, never
        // a pillar.
        if !heading_like(&block.text) || block.joined || super::clean::is_furniture(&block.text) {
            continue;
        }
        let expected = marks.last().map_or(1, |m| m.number + 1);
        let apart = marks.last().is_none_or(|m| i > m.block + 1);
        if number == expected && apart {
            marks.push(PillarMark {
                block: i,
                number,
                title: block.text.clone(),
                rule: "numbered heading ('1. Title') with content under it",
            });
        }
    }
    (marks.len() >= 2).then_some(marks)
}

/// With two or more Markdown heading levels, the shallowest is pillars.
fn markdown_levels(blocks: &[Block], from: usize, out: &mut Outline) {
    let levels: std::collections::BTreeSet<u8> = blocks
        .iter()
        .skip(from)
        .filter_map(|b| match b.kind {
            BlockKind::Heading { level } => Some(level),
            _ => None,
        })
        .collect();
    let mut levels = levels.into_iter();
    let (Some(pillar), Some(initiative)) = (levels.next(), levels.next()) else {
        return;
    };
    out.initiative_level = Some(initiative);
    let mut number = 0;
    for (i, block) in blocks.iter().enumerate().skip(from) {
        // A heading that is page furniture (a breadcrumb left after a dateline) is not a pillar.
        if block.kind == (BlockKind::Heading { level: pillar })
            && !super::clean::is_furniture(&block.text)
        {
            number += 1;
            out.pillars.push(PillarMark {
                block: i,
                number,
                title: block.text.clone(),
                rule: "shallowest Markdown heading level",
            });
        }
    }
}

#[cfg(test)]
#[path = "pillars_tests.rs"]
mod tests;
