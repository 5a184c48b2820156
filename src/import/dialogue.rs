//! The dialogue a document is about: its name and short name as the document gives
//! them ("U.S.-Mexico High-Level Economic Dialogue (HLED)"), made canonical when it is
//! a dialogue Briefbook knows, so that English and Spanish documents about the HLED
//! ("Diálogo Económico de Alto Nivel (DEAN)") land on the same dialogue.

use super::lines::Block;
use super::normalize::{fold, fold_with_map, normalize_title};
use crate::model::{Dialogue, Entry, Pillar};
use regex::Regex;
use std::sync::LazyLock;

struct KnownDialogue {
    name: &'static str,
    name_es: &'static str,
    short_name: &'static str,
    /// Short names the dialogue goes by (matched as whole words, case-sensitive).
    shorts: &'static [&'static str],
    /// Folded names the dialogue goes by.
    names: &'static [&'static str],
}

const KNOWN: &[KnownDialogue] = &[KnownDialogue {
    name: "U.S.-Mexico High-Level Economic Dialogue",
    name_es: "Diálogo Económico de Alto Nivel",
    short_name: "HLED",
    shorts: &["HLED", "DEAN"],
    names: &[
        "high-level economic dialogue",
        "high level economic dialogue",
        "dialogo economico de alto nivel",
    ],
}];

/// The dialogue a document is about: its name and short name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogueName {
    pub name: String,
    pub short_name: Option<String>,
}

/// What a dialogue's name ends with in English, by where it is looked for: the
/// headline names the document's subject, so any body kind counts there; in the body
/// a "Dialogue" comes first, then committees and forums (not commissions or councils,
/// which the text mentions as things the dialogue works with).
const HEADLINE_KINDS: &str =
    "Dialogue|DIALOGUE|Committee|COMMITTEE|Forum|FORUM|Commission|Council|Mechanism|Summit";
const BODY_KINDS: &str = "Dialogue|DIALOGUE";
const BODY_OTHER_KINDS: &str = "Committee|COMMITTEE|Forum|FORUM|Mechanism";

fn english_name(kinds: &str) -> Regex {
    Regex::new(&format!(
        r"((?:[A-Z][\p{{L}}.'-]*\s+|(?:and|of|on|for|the)\s+){{0,8}}(?:{kinds})\b(?:\s+(?:on|for)\s+[A-Z][\p{{L}}'-]*(?:\s+(?:(?:and|of|the)\s+)?[A-Z][\p{{L}}'-]*){{0,5}})?)(?:\s*\(([A-Z][A-Za-z]{{1,9}})\))?"
    ))
    .expect("valid pattern")
}

static EN_HEADLINE: LazyLock<Regex> = LazyLock::new(|| english_name(HEADLINE_KINDS));
static EN_DIALOGUE: LazyLock<Regex> = LazyLock::new(|| english_name(BODY_KINDS));
static EN_OTHER: LazyLock<Regex> = LazyLock::new(|| english_name(BODY_OTHER_KINDS));
static ES_DIALOGUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:Di[aá]logo|DI[AÁ]LOGO|Foro|Comit[eé]|Mecanismo)(?:\s+(?:[A-ZÁÉÍÓÚÑ][\p{L}.'-]*|de|del|y|entre|la|el|sobre|para))*)(?:\s*\(([A-Z][A-Za-z]{1,9})\))?").unwrap()
});
/// A headline that is itself the name of a bilateral arrangement ("Roadmap for a
/// Renewed U.S.-Canada Partnership", "Framework for ...").
static ARRANGEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Joint\s+Statement|Fact\s+Sheet|FACT\s+SHEET)\s*:?\s*(?:on|of|from)?\s*(?:the\s+)?)?(?:[A-Z][\p{L}.'-]*\s+){0,4}(?:Roadmap|Framework|Partnership|Agenda|Action\s+Plan|Hoja\s+de\s+Ruta|Marco)\b").unwrap()
});

/// An arrangement named inside a headline ("Joint Statement by Canada and Mexico on
/// the Canada-Mexico Action Plan", "México y Canadá fortalecen la Alianza
/// México-Canadá").
static ARRANGEMENT_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[A-Z][\p{L}.'-]*\s+){1,4}(?:Roadmap|Framework|Partnership|Alliance|Action\s+Plan)\b|(?:Alianza|Asociaci[oó]n|Plan\s+de\s+Acci[oó]n|Hoja\s+de\s+Ruta)(?:\s+(?:[A-ZÁÉÍÓÚÑ][\p{L}.'-]*|de|del|y|para))+)").unwrap()
});

/// Finds the dialogue's name: in the headline first (any kind of body, or the
/// headline itself when it names a roadmap or framework), then in the text (a
/// "Dialogue" before a committee or forum); its short name from a "Name (ACR)" pair
/// anywhere.
pub fn find_name<'a>(
    title: Option<&'a str>,
    texts: impl Iterator<Item = &'a str> + Clone,
) -> Option<DialogueName> {
    let all = title.into_iter().chain(texts.clone());
    if let Some(t) = title {
        if let Some(found) = first_name(std::iter::once(t), &[&EN_HEADLINE, &ES_DIALOGUE]) {
            return Some(with_short(found, all));
        }
        if ARRANGEMENT.is_match(t) {
            let found = DialogueName {
                name: strip_document_kind(t),
                short_name: None,
            };
            return Some(with_short(found, all));
        }
        if let Some(m) = ARRANGEMENT_IN.find(t) {
            let name = trim_name(m.as_str());
            if name.split_whitespace().count() >= 2 {
                let found = DialogueName {
                    name,
                    short_name: None,
                };
                return Some(with_short(found, all));
            }
        }
    }
    let found = first_name(texts.clone(), &[&EN_DIALOGUE, &ES_DIALOGUE])
        .or_else(|| first_name(texts, &[&EN_OTHER]))?;
    Some(with_short(found, all))
}

/// The first name any of `regexes` finds in `texts`.
fn first_name<'a>(
    texts: impl Iterator<Item = &'a str>,
    regexes: &[&Regex],
) -> Option<DialogueName> {
    for text in texts {
        for regex in regexes {
            for caps in regex.captures_iter(text) {
                let name = trim_name(&caps[1]);
                if name.split_whitespace().count() < 2 {
                    continue;
                }
                return Some(DialogueName {
                    name,
                    short_name: caps.get(2).map(|m| m.as_str().to_string()),
                });
            }
        }
    }
    None
}

/// Completes a name with the short name a "Name (ACR)" pair gives it anywhere.
fn with_short<'a>(mut found: DialogueName, texts: impl Iterator<Item = &'a str>) -> DialogueName {
    if found.short_name.is_some() {
        return found;
    }
    // "United States-India Trade Policy Forum (TPF)" names the "U.S.-India" one.
    let us = |s: &str| s.replace("United States", "U.S.");
    let key = normalize_title(&us(&strip_document_kind(&found.name)));
    for text in texts {
        for regex in [&*EN_HEADLINE, &*ES_DIALOGUE] {
            for caps in regex.captures_iter(text) {
                let (Some(short), name) = (caps.get(2), strip_document_kind(&trim_name(&caps[1])))
                else {
                    continue;
                };
                let name = normalize_title(&us(&name));
                if name == key || key.ends_with(&name) {
                    found.short_name = Some(short.as_str().to_string());
                    return found;
                }
            }
        }
    }
    found
}

/// Finds the dialogue's name in the given texts (title first), and its short name
/// from a "Name (ACR)" pair anywhere in them.
pub fn dialogue_name<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Option<DialogueName> {
    let mut rest = texts.clone();
    let title = rest.next();
    find_name(title, rest)
}

/// Words that open a document's account of a meeting rather than the dialogue's
/// name: "Statement of the Second ...", "19th Meeting of the ...".
fn is_lead_word(word: &str) -> bool {
    const LEADS: &[&str] = &[
        "joint",
        "statement",
        "meeting",
        "session",
        "round",
        "inaugural",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "ministerial",
    ];
    let lower = word.to_lowercase();
    let ordinal = ["st", "nd", "rd", "th"].iter().any(|e| {
        lower
            .strip_suffix(e)
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    });
    ordinal || LEADS.contains(&lower.as_str())
}

/// Nouns that name what a document reports rather than the dialogue ("14th
/// Ministerial-Level Meeting of the ...", "Outcomes of the ...").
fn is_lead_noun(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "meeting"
            | "meetings"
            | "session"
            | "round"
            | "statement"
            | "outcomes"
            | "results"
            | "readout"
            | "summary"
            | "report"
    )
}

fn trim_name(raw: &str) -> String {
    let mut words: Vec<&str> = raw.split_whitespace().collect();
    // "Statement of the Second U.S.-Japan ... Committee": what stands before the last
    // "of"/"from"/"by" that follows lead words is the document's, not the name's.
    if let Some(at) = words
        .iter()
        .rposition(|w| matches!(*w, "of" | "from" | "by"))
    {
        let before_leads = words[..at].iter().all(|w| is_lead_word(w))
            || words[..at].iter().any(|w| is_lead_noun(w));
        if before_leads && words.len() - at > 2 {
            words.drain(..=at);
        }
    }
    while words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "the" | "and" | "of" | "on" | "for" | "el" | "la"
        ) || w.ends_with(':')
            || (is_lead_word(w) && !w.eq_ignore_ascii_case("ministerial"))
    }) {
        words.remove(0);
    }
    // "Dialogue on Monday" is a date, not part of the name.
    if let Some(at) = words.iter().position(|w| matches!(*w, "on" | "for")) {
        let next = words.get(at + 1).map(|w| fold(w)).unwrap_or_default();
        if super::date_values::month_number(&next).is_some()
            || next.ends_with("day")
            || next.chars().count() < 3
        {
            words.truncate(at);
        }
    }
    while words.last().is_some_and(|w| {
        matches!(
            *w,
            "de" | "del" | "y" | "entre" | "la" | "el" | "sobre" | "para" | "on" | "for" | "and"
        )
    }) {
        words.pop();
    }
    words.join(" ")
}

fn known_by_name(name: &DialogueName) -> Option<&'static KnownDialogue> {
    let folded = fold(&name.name);
    KNOWN.iter().find(|k| {
        k.names.iter().any(|n| folded.contains(n))
            || name
                .short_name
                .as_deref()
                .is_some_and(|s| k.shorts.contains(&s))
    })
}

/// A known dialogue whose short name the text uses as a word ("HLED Fact Sheet").
fn known_by_mention(text: &str) -> Option<&'static KnownDialogue> {
    KNOWN.iter().find(|k| {
        k.shorts.iter().any(|s| {
            text.match_indices(s).any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let after = text[at + s.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
    })
}

/// "FACT SHEET: X", "X Fact Sheet", "Joint Statement on the X" -> "X".
pub fn strip_document_kind(title: &str) -> String {
    const KINDS: &[&str] = &[
        "fact sheet",
        "joint statement",
        "press release",
        "readout",
        "hoja informativa",
        "comunicado conjunto",
        "declaracion conjunta",
    ];
    let mut t = title.trim();
    for kind in KINDS {
        // Cut through the folding map: "Declaración" is longer than "declaracion".
        let (folded, map) = fold_with_map(t);
        if folded.starts_with(kind) {
            t = t[map[kind.len()]..]
                .trim_start_matches([':', ' ', '-'])
                .trim();
        } else if folded.ends_with(kind) {
            t = t[..map[folded.len() - kind.len()]]
                .trim_end_matches([':', ' ', '-'])
                .trim();
        }
    }
    for lead in [
        "on the ",
        "of the ",
        "on ",
        "of ",
        "the ",
        "sobre el ",
        "del ",
        "de ",
    ] {
        if fold(t).starts_with(lead) && t.is_char_boundary(lead.len()) {
            t = &t[lead.len()..];
        }
    }
    if t.is_empty() {
        title.trim().to_string()
    } else {
        t.to_string()
    }
}

/// What the dialogue is built from besides the text.
pub struct Parts<'a> {
    /// The headline.
    pub title: Option<&'a str>,
    /// Names the dialogue when neither the headline nor the text does (the file name).
    pub fallback: &'a str,
    pub pillars: Vec<Pillar>,
    /// Dialogue-level statements.
    pub entries: Vec<Entry>,
}

/// The (re)launch date of a sentence about the dialogue itself ("The HLED was
/// relaunched in September 2021", "the EPCC, established in 2022, ..."): one that
/// names it by its short name or the kind of body its name ends with, not a program
/// launched under it.
fn launch_of(text: &str, name: &str, short_name: &str) -> Option<crate::model::EntryDate> {
    let kind = name.split_whitespace().last().unwrap_or(name);
    let names = [short_name, kind, "Dialogue", "Diálogo", "HLED", "DEAN"];
    text.split_inclusive(". ")
        .filter(|sentence| {
            names.iter().any(|n| {
                !n.is_empty()
                    && sentence.match_indices(n).any(|(at, _)| {
                        let after = sentence[at + n.len()..].chars().next();
                        !after.is_some_and(char::is_alphanumeric)
                    })
            })
        })
        .find_map(super::preamble::launch_date)
}

/// Builds the dialogue: its name from the title or text (canonical for a known
/// dialogue), its short name, the parties its name joins, and the (re)launch date
/// stated before the first pillar (`intro`). Never "Untitled": without a name, the
/// headline or else the file name stands for it, with a warning.
pub fn build(
    parts: Parts,
    blocks: &[Block],
    intro: &[Block],
    text: &str,
    warnings: &mut Vec<String>,
) -> Dialogue {
    let title = parts.title;
    let found = find_name(title, blocks.iter().map(|b| b.text.as_str())).map(|f| DialogueName {
        name: strip_document_kind(&f.name),
        ..f
    });
    let known = match &found {
        Some(f) => known_by_name(f),
        None => title
            .and_then(known_by_mention)
            .or_else(|| known_by_mention(text)),
    };
    let (name, name_es, short_name) = match (known, found) {
        (Some(k), _) => (
            k.name.to_string(),
            Some(k.name_es.to_string()),
            k.short_name.to_string(),
        ),
        (None, Some(f)) => {
            let short = f.short_name.unwrap_or_else(|| {
                warnings.push(
                    "the dialogue's short name was not found; its full name stands for it".into(),
                );
                f.name.clone()
            });
            (f.name, None, short)
        }
        (None, None) => {
            warnings
                .push("the dialogue's name was not found; the document title stands for it".into());
            let fallback = parts
                .fallback
                .rsplit_once('.')
                .map_or(parts.fallback, |(stem, _)| stem);
            let name = strip_document_kind(title.unwrap_or(fallback));
            (name.clone(), None, name)
        }
    };
    let names = title.into_iter().chain(std::iter::once(name.as_str()));
    let parties = super::parties::parties(names, text);
    let launched = intro
        .iter()
        .find_map(|b| launch_of(&b.text, &name, &short_name));
    Dialogue {
        id: None,
        name,
        name_es,
        short_name,
        parties,
        launched,
        pillars: parts.pillars,
        entries: parts.entries,
        meetings: Vec::new(),
    }
}

#[cfg(test)]
#[path = "dialogue_tests.rs"]
mod tests;
