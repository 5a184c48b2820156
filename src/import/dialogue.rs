//! The dialogue a document is about: its name and short name as the document gives
//! them ("U.S.-Mexico High-Level Economic Dialogue (HLED)"), made canonical when it is
//! a dialogue Briefbook knows, so that English and Spanish documents about the HLED
//! ("Diálogo Económico de Alto Nivel (DEAN)") land on the same dialogue.

use super::lines::Block;
use super::normalize::{fold, fold_with_map, normalize_title};
use crate::model::{Dialogue, Pillar};
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

static EN_DIALOGUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[A-Z][\p{L}.'-]*\s+|(?:and|of|on|for|the)\s+){0,8}(?:Dialogue|DIALOGUE))(?:\s*\(([A-Z][A-Za-z]{1,9})\))?").unwrap()
});
static ES_DIALOGUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:Di[aá]logo|DI[AÁ]LOGO)(?:\s+(?:[A-ZÁÉÍÓÚÑ][\p{L}.'-]*|de|del|y|entre|la|el|sobre|para))*)(?:\s*\(([A-Z][A-Za-z]{1,9})\))?").unwrap()
});

/// Finds the dialogue's name in the given texts (title first), and its short name
/// from a "Name (ACR)" pair anywhere in them.
pub fn dialogue_name<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Option<DialogueName> {
    let mut found: Option<DialogueName> = None;
    for text in texts.clone() {
        for regex in [&*EN_DIALOGUE, &*ES_DIALOGUE] {
            for caps in regex.captures_iter(text) {
                let name = trim_name(&caps[1]);
                if name.split_whitespace().count() < 2 {
                    continue;
                }
                let short = caps.get(2).map(|m| m.as_str().to_string());
                match &mut found {
                    None => {
                        found = Some(DialogueName {
                            name,
                            short_name: short,
                        })
                    }
                    Some(f)
                        if f.short_name.is_none()
                            && short.is_some()
                            && normalize_title(&f.name) == normalize_title(&name) =>
                    {
                        f.short_name = short;
                    }
                    _ => {}
                }
                if found.as_ref().is_some_and(|f| f.short_name.is_some()) {
                    return found;
                }
            }
        }
    }
    found
}

fn trim_name(raw: &str) -> String {
    let mut words: Vec<&str> = raw.split_whitespace().collect();
    while words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "the" | "and" | "of" | "on" | "for" | "el" | "la"
        ) || w.ends_with(':')
    }) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| {
        matches!(
            *w,
            "de" | "del" | "y" | "entre" | "la" | "el" | "sobre" | "para"
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

/// Builds the dialogue: its name from the title or text (canonical for a known
/// dialogue), its short name, the parties the text names, and the (re)launch date
/// stated before the first pillar (`intro`).
pub fn build(
    title: Option<&str>,
    blocks: &[Block],
    intro: &[Block],
    text: &str,
    pillars: Vec<Pillar>,
    warnings: &mut Vec<String>,
) -> Dialogue {
    let texts = title
        .into_iter()
        .chain(blocks.iter().map(|b| b.text.as_str()));
    let found = dialogue_name(texts).map(|f| DialogueName {
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
            let name = strip_document_kind(title.unwrap_or("Untitled dialogue"));
            (name.clone(), None, name)
        }
    };
    Dialogue {
        id: None,
        name,
        name_es,
        short_name,
        parties: parties(text),
        launched: intro
            .iter()
            .find_map(|b| super::preamble::launch_date(&b.text)),
        pillars,
        entries: Vec::new(),
    }
}

/// Party codes the text names, United States first.
fn parties(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut out = Vec::new();
    if ["united states", "u.s.", "estados unidos", "ee. uu.", "eua"]
        .iter()
        .any(|w| folded.contains(w))
    {
        out.push("US".to_string());
    }
    if ["mexico", "mexican", "mexicano"]
        .iter()
        .any(|w| folded.contains(w))
    {
        out.push("MX".to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialogue_name_and_short_name_from_the_title() {
        let got = dialogue_name(
            ["U.S.-Mexico High-Level Economic Dialogue (HLED) Fact Sheet"].into_iter(),
        )
        .unwrap();
        assert_eq!(got.name, "U.S.-Mexico High-Level Economic Dialogue");
        assert_eq!(got.short_name.as_deref(), Some("HLED"));
        let got = dialogue_name(
            [
                "FACT SHEET: The U.S.-Mexico High-Level Economic Dialogue",
                "the U.S.-Mexico High-Level Economic Dialogue (HLED) met",
            ]
            .into_iter(),
        )
        .unwrap();
        assert_eq!(got.short_name.as_deref(), Some("HLED"));
    }

    #[test]
    fn spanish_dialogue_name() {
        let got = dialogue_name(
            ["Hoja informativa del Diálogo Económico de Alto Nivel (DEAN) México-Estados Unidos"]
                .into_iter(),
        )
        .unwrap();
        assert_eq!(got.name, "Diálogo Económico de Alto Nivel");
        assert_eq!(got.short_name.as_deref(), Some("DEAN"));
    }

    #[test]
    fn document_kind_words_are_not_part_of_the_name() {
        assert_eq!(
            strip_document_kind("Declaración conjunta sobre el Diálogo Fronterizo"),
            "Diálogo Fronterizo"
        );
        assert_eq!(
            strip_document_kind("Joint Statement on the Border Dialogue"),
            "Border Dialogue"
        );
        assert_eq!(strip_document_kind("HLED Fact Sheet"), "HLED");
        assert_eq!(
            strip_document_kind("FACT SHEET: Border Dialogue"),
            "Border Dialogue"
        );
    }

    #[test]
    fn spanish_and_capitalised_names_of_the_hled_are_the_hled() {
        for texts in [
            vec!["Hoja informativa del Diálogo Económico de Alto Nivel (DEAN)"],
            vec!["U.S.-MEXICO HIGH-LEVEL ECONOMIC DIALOGUE (HLED) - 2022 PROGRESS REPORT"],
            vec!["HLED Working Plan"],
        ] {
            let mut warnings = Vec::new();
            let d = build(
                texts.first().copied(),
                &[],
                &[],
                texts[0],
                Vec::new(),
                &mut warnings,
            );
            assert_eq!(
                (d.short_name.as_str(), d.name.as_str()),
                ("HLED", "U.S.-Mexico High-Level Economic Dialogue"),
                "{texts:?}"
            );
            assert_eq!(
                d.name_es.as_deref(),
                Some("Diálogo Económico de Alto Nivel")
            );
            assert!(warnings.is_empty(), "{warnings:?}");
        }
    }

    #[test]
    fn an_unknown_dialogue_keeps_its_own_name() {
        let mut warnings = Vec::new();
        let text = "Joint Statement on the U.S.-Canada Energy Dialogue (ED)";
        let d = build(Some(text), &[], &[], text, Vec::new(), &mut warnings);
        assert_eq!(
            (d.name.as_str(), d.short_name.as_str()),
            ("U.S.-Canada Energy Dialogue", "ED")
        );
        assert_eq!(d.name_es, None);
    }
}
