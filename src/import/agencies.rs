//! Agencies: a built-in list with country, and recognition of agency names,
//! acronyms and "Name (ACR)" pairs in text. Entries refer to agencies by key
//! (the acronym).

use super::agencies_known::{Known, KNOWN, RECOGNISED};
use super::normalize::fold_with_map;
use crate::model::{Agency, Country};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The built-in agencies: the HLED co-chairs (State, Commerce, USTR; SRE, SHCP,
/// Secretaría de Economía) and every agency the seed fact sheet names. Their keys
/// are their acronyms. Users may edit them; the store upserts agencies by key.
pub fn builtin_agencies() -> Vec<Agency> {
    KNOWN
        .iter()
        .map(|k| agency(k.name, Some(k.name_es), k.acronym, k.country))
        .collect()
}

/// Agencies recognised by name beyond the built-in list (the U.S. Treasury ...):
/// added to a record only when its entries name them, so a new database still
/// starts with exactly the built-in list.
pub fn recognised_agencies() -> Vec<Agency> {
    RECOGNISED
        .iter()
        .map(|k| agency(k.name, Some(k.name_es), k.acronym, k.country))
        .collect()
}

/// Every agency the importer knows by name: built in, then recognised.
fn all_known() -> impl Iterator<Item = &'static Known> {
    KNOWN.iter().chain(RECOGNISED)
}

fn agency(name: &str, name_es: Option<&str>, acronym: &str, country: Country) -> Agency {
    Agency {
        id: None,
        name: name.to_string(),
        name_es: name_es.map(str::to_string),
        acronym: Some(acronym.to_string()),
        country,
    }
}

/// Words that make a capitalised name followed by "(ACR)" an agency rather than a
/// programme or a term ("Micro, Small and Medium Enterprises (MSMEs)").
const AGENCY_WORDS: &[&str] = &[
    "agency",
    "department",
    "office",
    "institute",
    "commission",
    "administration",
    "secretariat",
    "ministry",
    "bureau",
    "service",
    "council",
    "corporation",
    "bank",
    "authority",
    "board",
    "secretaria",
    "agencia",
    "instituto",
    "comision",
    "administracion",
    "servicio",
    "banco",
    "consejo",
    "oficina",
    "procuraduria",
    "departamento",
    "ministerio",
    "autoridad",
];
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "on", "de", "del", "la", "las", "los", "y", "para", "en", "contra",
    "el",
];

/// Every folded alias of the built-in agencies, longest first so that at one place
/// the longest name wins, with the acronym each one names.
/// (The same alternation case-insensitively, for ASCII text.)
#[allow(clippy::type_complexity)]
static NAMES: LazyLock<(Regex, HashMap<&'static str, &'static str>, Regex)> = LazyLock::new(|| {
    let mut aliases: Vec<(&str, &str)> = all_known()
        .flat_map(|k| k.aliases.iter().map(move |a| (*a, k.acronym)))
        .collect();
    aliases.sort_by_key(|(alias, _)| std::cmp::Reverse(alias.len()));
    let pattern = aliases
        .iter()
        .map(|(a, _)| regex::escape(a))
        .collect::<Vec<_>>()
        .join("|");
    (
        Regex::new(&pattern).expect("escaped literals"),
        aliases.into_iter().collect(),
        Regex::new(&format!("(?i){pattern}")).expect("escaped literals"),
    )
});

/// The built-in acronyms, as written (case matters: "SE" is not "se").
static ACRONYMS: LazyLock<Regex> = LazyLock::new(|| {
    let mut acronyms: Vec<&str> = all_known().map(|k| k.acronym).collect();
    acronyms.sort_by_key(|a| std::cmp::Reverse(a.len()));
    Regex::new(&acronyms.join("|")).expect("plain acronyms")
});

static PAIR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\(([A-Z][A-Za-z&]{1,11})\)").unwrap());

/// Recognises agencies in text: the built-in ones, plus those a document introduces
/// with a "Name (ACR)" pair.
#[derive(Debug, Clone, Default)]
pub struct AgencyIndex {
    /// Agencies the document introduced that are not built in.
    pub discovered: Vec<Agency>,
}

impl AgencyIndex {
    /// Learns the "Name (ACR)" pairs of a whole document, so that a later bare
    /// acronym is recognised too.
    pub fn learn(&mut self, document: &str) {
        for caps in PAIR.captures_iter(document) {
            let acronym = &caps[1];
            let whole = caps.get(0).expect("group 0");
            if all_known().any(|k| k.acronym == acronym)
                || self
                    .discovered
                    .iter()
                    .any(|a| a.acronym.as_deref() == Some(acronym))
            {
                continue;
            }
            if let Some(name) = name_before(&document[..whole.start()]) {
                let country = guess_country(&name);
                self.discovered.push(agency(&name, None, acronym, country));
            }
        }
    }

    /// Keys of the agencies `text` names, in order of first mention.
    pub fn find(&self, text: &str) -> Vec<String> {
        let mut hits: Vec<(usize, usize, &str)> = Vec::new();
        if text.is_ascii() {
            // Folding ASCII only lowercases it: match case-insensitively in place.
            for m in NAMES.2.find_iter(text) {
                if word_bounded(text, m.start(), m.end()) {
                    let key = NAMES.1[m.as_str().to_ascii_lowercase().as_str()];
                    hits.push((m.start(), m.end(), key));
                }
            }
        } else {
            let (folded, map) = fold_with_map(text);
            for m in NAMES.0.find_iter(&folded) {
                if word_bounded(&folded, m.start(), m.end()) {
                    hits.push((map[m.start()], map[m.end()], NAMES.1[m.as_str()]));
                }
            }
        }
        for m in ACRONYMS.find_iter(text) {
            let Some(k) = all_known().find(|k| k.acronym == m.as_str()) else {
                continue;
            };
            let paired = text[..m.start()].ends_with('(') && text[m.end()..].starts_with(')');
            if word_bounded(text, m.start(), m.end()) && (k.bare || paired) {
                hits.push((m.start(), m.end(), k.acronym));
            }
        }
        hits.extend(departments_in_a_list(text));
        for a in &self.discovered {
            let names = a
                .acronym
                .iter()
                .map(String::as_str)
                .chain([a.name.as_str()]);
            for name in names {
                for (at, _) in text.match_indices(name) {
                    if word_bounded(text, at, at + name.len()) {
                        hits.push((at, at + name.len(), a.key()));
                    }
                }
            }
        }
        // Longest names first, so "Mexican Agency for International Development
        // Cooperation" is AMEXCID and not USAID's shorter "agency for ...".
        hits.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut taken: Vec<(usize, usize, &str)> = Vec::new();
        for hit in hits {
            if taken.iter().all(|t| hit.1 <= t.0 || hit.0 >= t.1) {
                taken.push(hit);
            }
        }
        taken.sort_by_key(|t| t.0);
        let mut keys: Vec<String> = Vec::new();
        for (_, _, key) in taken {
            if !keys.iter().any(|k| k == key) {
                keys.push(key.to_string());
            }
        }
        keys
    }

    /// The agency a key names, built in or discovered.
    pub fn get(&self, key: &str) -> Option<Agency> {
        all_known()
            .find(|k| k.acronym == key)
            .map(|k| agency(k.name, Some(k.name_es), k.acronym, k.country))
            .or_else(|| self.discovered.iter().find(|a| a.key() == key).cloned())
    }
}

/// "State, Commerce, and USTR", "the Departments of State and Commerce": a bare
/// department name counts when it stands in a list with another agency (alone,
/// "State" or "Commerce" is an ordinary word).
static DEPARTMENT_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(State|Commerce|Treasury)\b(?:,?\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?(State|Commerce|Treasury|USTR|USAID)\b").unwrap()
});

fn departments_in_a_list(text: &str) -> Vec<(usize, usize, &'static str)> {
    let key = |name: &str| match name {
        "State" => Some("DOS"),
        "Commerce" => Some("DOC"),
        "Treasury" => Some("TREAS"),
        _ => None,
    };
    let mut hits = Vec::new();
    let mut at = 0;
    while let Some(caps) = DEPARTMENT_LIST.captures_at(text, at) {
        for group in [caps.get(1), caps.get(2)].into_iter().flatten() {
            if let Some(k) = key(group.as_str()) {
                hits.push((group.start(), group.end(), k));
            }
        }
        // The second name may start the next pair: "State, Commerce, and Treasury".
        at = caps.get(2).map_or(text.len(), |m| m.start());
    }
    hits
}

fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The capitalised name just before "(ACR)": words walked back while capitalised or
/// connectors, leading connectors dropped; kept only if it names an agency.
fn name_before(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().rev().take(14).collect();
    let mut name: Vec<&str> = Vec::new();
    // Whether the walk has reached the agency word ("Ministry"): before it, a comma
    // separates the name's own list ("Ministry of Development, Industry, Trade and
    // Services of Brazil"); after it, "and" or a comma starts another name.
    let mut named = false;
    for word in words {
        let clean = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        let capital = clean.chars().next().is_some_and(char::is_uppercase);
        let comma_in_list = word.ends_with(',') && !named && capital;
        if word.ends_with([',', ';', ':', '.'])
            && !name.is_empty()
            && !clean.ends_with('.')
            && !comma_in_list
        {
            break;
        }
        if named && matches!(clean, "and" | "y") {
            break;
        }
        named |= AGENCY_WORDS.contains(&super::normalize::fold(clean).as_str());
        if capital || CONNECTORS.contains(&clean) {
            name.push(clean);
        } else {
            break;
        }
    }
    name.reverse();
    while name
        .first()
        .is_some_and(|w| CONNECTORS.contains(&w.to_lowercase().as_str()))
    {
        name.remove(0);
    }
    while name.last().is_some_and(|w| CONNECTORS.contains(w)) {
        name.pop();
    }
    let name = name.join(" ");
    let folded = super::normalize::fold(&name);
    let is_agency = folded.split_whitespace().any(|w| AGENCY_WORDS.contains(&w));
    (is_agency && name.split_whitespace().count() >= 2).then_some(name)
}

fn guess_country(name: &str) -> Country {
    let folded = super::normalize::fold(name);
    let has = |words: &[&str]| words.iter().any(|w| folded.contains(w));
    if has(&["united states", "u.s.", "american", "estados unidos"]) {
        Country::Us
    } else if has(&[
        "mexic",
        "secretaria",
        "instituto",
        "comision",
        "agencia",
        "procuraduria",
        "banco",
    ]) {
        Country::Mx
    } else {
        Country::Other
    }
}

#[cfg(test)]
#[path = "agencies_tests.rs"]
mod tests;
