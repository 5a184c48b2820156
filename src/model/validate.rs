//! Rules every record obeys, checked before anything is written.

use super::record::{Agency, Record};
use std::collections::HashSet;

/// A rule the record breaks, with the path of the offending value
/// (e.g. `dialogues[0].pillars[1].initiatives[2].title`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct Invalid {
    pub path: String,
    pub problem: String,
}

fn invalid(path: String, problem: impl Into<String>) -> Invalid {
    Invalid {
        path,
        problem: problem.into(),
    }
}

fn require_text(path: String, value: &str, what: &str) -> Result<(), Invalid> {
    if value.trim().is_empty() {
        return Err(invalid(path, format!("{what} is empty")));
    }
    Ok(())
}

/// Checks titles, pillar numbers, duplicate entries and agency references.
pub fn validate_record(record: &Record) -> Result<(), Invalid> {
    let mut agency_keys = HashSet::new();
    for (i, agency) in record.agencies.iter().enumerate() {
        validate_agency(agency)
            .map_err(|e| invalid(format!("agencies[{i}].{}", e.path), e.problem))?;
        if !agency_keys.insert(agency.key().to_string()) {
            return Err(invalid(
                format!("agencies[{i}]"),
                format!("agency '{}' is listed twice", agency.key()),
            ));
        }
    }
    for (d, dialogue) in record.dialogues.iter().enumerate() {
        let at = format!("dialogues[{d}]");
        require_text(format!("{at}.name"), &dialogue.name, "dialogue name")?;
        let mut numbers = HashSet::new();
        for (p, pillar) in dialogue.pillars.iter().enumerate() {
            let at = format!("{at}.pillars[{p}]");
            if pillar.number == 0 {
                return Err(invalid(format!("{at}.number"), "pillar numbers start at 1"));
            }
            if !numbers.insert(pillar.number) {
                return Err(invalid(
                    format!("{at}.number"),
                    format!("pillar {} appears twice", pillar.number),
                ));
            }
            require_text(format!("{at}.title"), &pillar.title, "pillar title")?;
            for (n, initiative) in pillar.initiatives.iter().enumerate() {
                let at = format!("{at}.initiatives[{n}]");
                require_text(format!("{at}.title"), &initiative.title, "initiative title")?;
                let mut seen = HashSet::new();
                for (e, entry) in initiative.entries.iter().enumerate() {
                    let at = format!("{at}.entries[{e}]");
                    require_text(format!("{at}.text"), &entry.text, "entry text")?;
                    if !seen.insert(entry.text.trim()) {
                        return Err(invalid(
                            format!("{at}.text"),
                            format!("duplicate entry '{}'", ellipsis(&entry.text, 60)),
                        ));
                    }
                    for agency in &entry.agencies {
                        if !agency_keys.contains(agency.as_str()) {
                            return Err(invalid(
                                format!("{at}.agencies"),
                                format!("unknown agency '{agency}'"),
                            ));
                        }
                    }
                    for note in &entry.notes {
                        require_text(format!("{at}.notes"), &note.text, "note text")?;
                    }
                }
                for note in &initiative.notes {
                    require_text(format!("{at}.notes"), &note.text, "note text")?;
                }
            }
        }
    }
    for (s, source) in record.sources.iter().enumerate() {
        require_text(format!("sources[{s}].title"), &source.title, "source title")?;
    }
    Ok(())
}

/// Checks one agency: a name, and an acronym that is not blank when given.
pub fn validate_agency(agency: &Agency) -> Result<(), Invalid> {
    require_text("name".into(), &agency.name, "agency name")?;
    if let Some(acronym) = &agency.acronym {
        require_text("acronym".into(), acronym, "agency acronym")?;
    }
    Ok(())
}

/// Shortens a text for an error message, on a character boundary.
pub fn ellipsis(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    // A text of at most `max_chars` bytes has at most that many characters.
    if text.len() <= max_chars {
        return text.to_string();
    }
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max_chars).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
