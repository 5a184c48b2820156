//! Status and kind of an entry from its wording.
//!
//! The main action of a sentence is the first action phrase outside a leading
//! subordinate clause ("Following the MOU signed in June, both will ..." -> "will").
//! Its phrase decides the status:
//! - done: "signed", "carried out", "held", "completed", "launched", "agreed on",
//!   "se firmó", "acordaron", "llevaron a cabo" ...
//! - in progress: "began", "are finalizing", "are cooperating", "have developed",
//!   "continue to", "están trabajando" ...
//! - planned: "intend to", "plan to", "seeks", "will", "proposed", "explore",
//!   "agreed to", Spanish future tense ("trabajarán") ...
//!
//! and the kind: "Seeks"/"aims to" -> objective; a meeting ("intend to meet",
//! "plan to hold a high-level dialogue", "met", "held a meeting") -> meeting; a signing,
//! launch or agreement -> milestone; other plans -> commitment; other work done or
//! under way -> activity. Text with no action phrase is an activity of unknown status.

use super::pattern::Pattern;
use crate::model::{EntryKind, Status};
use std::sync::LazyLock;

/// The action that decided an entry's status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub status: Status,
    pub kind: EntryKind,
    /// The deciding words, verbatim.
    pub phrase: String,
    /// Byte offset of the phrase in the text.
    pub at: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Objective,
    Plan,
    Progress,
    Done,
    Milestone,
    Meeting,
}

/// Action phrases by class. At one place in the text the first listed that matches
/// wins, so a longer phrase ("agreed to", "are planning") comes before a shorter one
/// of another class that it starts with ("agreed", "are ...ing").
static PATTERNS: LazyLock<(Pattern, Vec<Class>)> = LazyLock::new(|| {
    let r = |pattern: &'static str, class| (pattern, class);
    let list: Vec<(&str, Class)> = vec![
        // "will continue to work": work that goes on, before the bare "will".
        r(r"will\s+continue", Class::Progress),
        r(
            r"seeks?|seeking|aims?\s+to|is\s+aimed\s+at|tiene\s+como\s+objetivo|busca(?:n)?",
            Class::Objective,
        ),
        r(
            r"(?:intends?|intended|intending)\s+to|(?:plans?|planning|planned)\s+to|planned|will|would|shall",
            Class::Plan,
        ),
        r(
            r"(?:are|is)\s+(?:planning|preparing)|(?:are|is)\s+(?:seeking|aiming|intending|hoping)\s+to|(?:are|is)\s+(?:expected|scheduled|set|going)\s+to|expects?\s+to|hopes?\s+to|look\s+forward\s+to",
            Class::Plan,
        ),
        r(
            r"propos(?:e|es|ed)|explor(?:e|es|ing)|commit(?:s|ted)?\s+to|(?:have\s+|has\s+)?agreed\s+to|to\s+be\s+\w+ed",
            Class::Plan,
        ),
        r(
            r"acordaron\s+\p{L}+(?:ar|er|ir)(?:se|lo|la|los|las)?|pretende(?:n)?|planea(?:n)?|tiene(?:n)?\s+previsto|prevé(?:n)?|se\s+propone(?:n)?|propusieron|propuesto|explorar",
            Class::Plan,
        ),
        // "continuarán" is work that goes on, not a new plan: before the future tense.
        r(r"continuar(?:án|á)|seguir(?:án|á)", Class::Progress),
        r(r"\p{L}+(?:arán|erán|irán|ará|erá|irá)", Class::Plan),
        r(
            r"began|begun|started|(?:have|has)\s+(?:begun|started)|(?:have|has)\s+developed|(?:have|has)\s+been\s+\w+ing",
            Class::Progress,
        ),
        r(
            r"(?:are|is)\s+(?:now\s+)?\w+ing|continues?\s+to|ongoing|underway|under\s+way",
            Class::Progress,
        ),
        r(
            r"comenzaron|comenzó|iniciaron|inició|ha(?:n)?\s+desarrollado|continúa(?:n)?|sigue(?:n)?|en\s+curso|(?:están|está)\s+\p{L}+(?:ando|iendo)",
            Class::Progress,
        ),
        r(
            r"(?:have\s+|has\s+)?(?:signed|launched|relaunched|re-launched|executed|adopted|concluded|agreed(?:\s+on|\s+upon)?)|(?:se\s+)?firm(?:ó|aron)|ha(?:n)?\s+firmado|(?:se\s+)?(?:re)?lanz(?:ó|aron)|reanud(?:ó|aron)|acordaron",
            Class::Milestone,
        ),
        r(r"met|convened|se\s+reunieron|sostuvieron", Class::Meeting),
        r(
            r"(?:have\s+|has\s+)?(?:carried\s+out|held|hosted|completed|conducted|delivered|finalized|made|organized|trained|established|provided|expanded|extended|renewed|reviewed|discussed|presented|announced|published)",
            Class::Done,
        ),
        r(
            r"llev(?:ó|aron)\s+a\s+cabo|(?:se\s+)?realiz(?:ó|aron)|concluy(?:ó|eron)|complet(?:ó|aron)|(?:se\s+)?celebr(?:ó|aron)",
            Class::Done,
        ),
    ];
    // One pass over the text: each class's phrases in a capture group of their own.
    let groups: Vec<String> = list.iter().map(|(p, _)| format!("({p})")).collect();
    let pattern = Pattern::new(&format!(r"(?i)\b(?:{})\b", groups.join("|")));
    (pattern, list.into_iter().map(|(_, class)| class).collect())
});

/// Words after "are"/"is" that do not make a progressive action.
const NOT_PROGRESSIVE: &[&str] = &[
    "going",
    "seeking",
    "being",
    "aiming",
    "planning",
    "intending",
    "expecting",
    "hoping",
    "nothing",
    "something",
    "bring",
    "during",
    "king",
    "thing",
    "everything",
];

static SUBORDINATE_OPENER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)^(?:as|following|after|building\s+on|under|with|since|tras|después\s+de|con\s+base\s+en|en\s+seguimiento\s+a)\b",
    )
});

const MEETING_NOUNS: &[&str] = &[
    "meeting",
    "meetings",
    "dialogue",
    "forum",
    "summit",
    "roundtable",
    "conference",
    "workshop",
    "session",
    "talks",
    "reunión",
    "reuniones",
    "diálogo",
    "foro",
    "cumbre",
    "mesa",
];
const MEETING_VERBS: &[&str] = &["meet", "meets", "convene", "reunirse", "reunir"];
const HOLDING_VERBS: &[&str] = &[
    "hold",
    "host",
    "holding",
    "hosting",
    "organize",
    "convene",
    "celebrar",
    "sostener",
    "realizar",
    "organizar",
    "held",
    "hosted",
    "celebraron",
    "celebró",
    "sostuvieron",
    "a cabo",
    "realizarán",
    "realizará",
    "celebrarán",
    "celebrará",
    "sostendrán",
    "organizarán",
];

/// The main action of `text`, or `None` when no action phrase is found. A done
/// action that is only partly done ("completed three of four") or is followed by a
/// plan in the same statement ("signed ... and will launch") is in progress, and
/// its phrase keeps both parts ("signed; will").
pub fn detect(text: &str) -> Option<Action> {
    let mut action = main_action(text)?;
    if action.status == Status::Done {
        let after = action.at + action.phrase.len();
        if let Some(part) = PARTIAL.regex(text).find(text) {
            let (start, end) = Pattern::span(text, &part);
            if start < end && is_partial(&text[start..end]) {
                action.status = Status::InProgress;
                action.phrase = format!("{}; {}", action.phrase, &text[start..end]);
            }
        }
        if action.status == Status::Done {
            let rest = &text[after..];
            if let Some(caps) = THEN_PLAN.regex(rest).captures(rest) {
                if let Some(plan) = caps.get(1) {
                    let (start, end) = Pattern::span(rest, &plan);
                    action.status = Status::InProgress;
                    action.phrase = format!("{}; {}", action.phrase, &rest[start..end]);
                }
            }
        }
    }
    Some(action)
}

/// "three of four", "2 of 5", "tres de cuatro": a count of a whole.
static PARTIAL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|\d{1,3})\s+(?:of|out\s+of|de)\s+(?:the\s+|los\s+|las\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|\d{1,3})\b",
    )
});

/// A plan coordinated with a done action: "... and will launch", "... and intend
/// to", "...; the fourth is expected in 2020", "... y trabajarán".
static THEN_PLAN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)(?:\band\b|;|\by\b)\s+(?:[\p{L}-]+\s+){0,3}?((?:will|intends?\s+to|plans?\s+to|(?:is|are)\s+expected\s+to|is\s+expected|\p{L}+(?:arán|erán|irán))\b)",
    )
});

/// Whether "x of y" counts fewer than the whole.
fn is_partial(phrase: &str) -> bool {
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(super::normalize::fold)
        .collect();
    let value =
        |w: &str| -> Option<u32> { w.parse().ok().or_else(|| super::pillars::number_of(w)) };
    match (words.first(), words.last()) {
        (Some(a), Some(b)) => matches!((value(a), value(b)), (Some(x), Some(y)) if x < y),
        _ => false,
    }
}

fn main_action(text: &str) -> Option<Action> {
    let skip_before = if SUBORDINATE_OPENER.regex(text).is_match(text) {
        text.find(", ").map(|i| i + 1).unwrap_or(0)
    } else {
        0
    };
    let (pattern, classes) = &*PATTERNS;
    let mut found = pattern.regex(text).captures_iter(text).filter_map(|caps| {
        let whole = caps.get(0)?;
        let class = (1..caps.len())
            .find(|i| caps.get(*i).is_some())
            .map(|i| classes[i - 1])?;
        let (start, end) = Pattern::span(text, &whole);
        (start >= skip_before
            && start < end
            && is_action(&text[start..end], class)
            && !in_time_clause(text, start))
        .then_some((start, end, class))
    });
    let first = found.next()?;
    // "Officials reviewed ... and agreed to share ...": reviewing is what a meeting
    // does; the action that follows it is the statement's.
    let weak = WEAK_DONE.contains(&text[first.0..first.1].to_lowercase().as_str());
    let (start, end, class) = if weak {
        found.next().unwrap_or(first)
    } else {
        first
    };
    let phrase = &text[start..end];
    Some(Action {
        status: match class {
            Class::Objective | Class::Plan => Status::Planned,
            Class::Progress => Status::InProgress,
            Class::Done | Class::Milestone | Class::Meeting => Status::Done,
        },
        kind: kind(text, class, phrase, end),
        phrase: phrase.to_string(),
        at: start,
    })
}

/// Done verbs that report a meeting's talk rather than an outcome.
const WEAK_DONE: &[&str] = &["reviewed", "discussed"];

/// "since the Dialogue last met", "when they first met": a time clause, not the
/// statement's action.
fn in_time_clause(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let word = before.rsplit(' ').next().unwrap_or("").to_lowercase();
    matches!(word.as_str(), "last" | "first" | "previously")
}

fn is_action(phrase: &str, class: Class) -> bool {
    if class != Class::Progress {
        return true;
    }
    let last = phrase
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    !(phrase.len() > 3 && NOT_PROGRESSIVE.contains(&last.as_str()))
}

fn kind(text: &str, class: Class, phrase: &str, end: usize) -> EntryKind {
    let folded_phrase = phrase.to_lowercase();
    let after: Vec<String> = text[end..]
        .split_whitespace()
        .take(8)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let noun_within = |n: usize| {
        after
            .iter()
            .take(n)
            .any(|w| MEETING_NOUNS.contains(&w.as_str()))
    };
    let first = after.first().map(String::as_str).unwrap_or("");
    let holds = HOLDING_VERBS.iter().any(|v| folded_phrase.ends_with(v));
    // "hold the next HLED", "host the next round": the next session of the dialogue.
    let is_next = |w: &String| {
        matches!(
            w.as_str(),
            "next" | "proxima" | "próxima" | "proximo" | "próximo" | "siguiente"
        )
    };
    let next = after.iter().take(3).any(is_next);
    // "La próxima reunión del DEAN se llevará a cabo ...", "The next meeting will be
    // held ...": the next meeting is the subject.
    let before: Vec<String> = text[..end.saturating_sub(phrase.len())]
        .split_whitespace()
        .rev()
        .take(6)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let next_meeting_subject = before
        .windows(2)
        .any(|w| MEETING_NOUNS.contains(&w[0].as_str()) && is_next(&w[1]));
    let next_after_first = after.iter().skip(1).take(2).any(is_next);
    let is_meeting = class == Class::Meeting
        || (next_meeting_subject && matches!(class, Class::Plan | Class::Done))
        || folded_phrase.contains("reunir")
        || MEETING_VERBS.contains(&first)
        || (HOLDING_VERBS.contains(&first) && (noun_within(6) || next_after_first))
        || (holds
            && (noun_within(5) || next || (folded_phrase.ends_with("a cabo") && noun_within(8))));
    match class {
        Class::Objective => EntryKind::Objective,
        _ if is_meeting => EntryKind::Meeting,
        Class::Milestone => EntryKind::Milestone,
        Class::Plan => EntryKind::Commitment,
        Class::Progress | Class::Done | Class::Meeting => EntryKind::Activity,
    }
}

#[cfg(test)]
#[path = "status_tests.rs"]
mod tests;
