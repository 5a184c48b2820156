//! Rules every record obeys, checked before anything is written.

use super::date::{Edtf, EntryDate};
use super::meeting::Meeting;
use super::record::{Agency, Entry, Record};
use chrono::NaiveDateTime;
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
    if value.contains('\0') {
        return Err(invalid(path, format!("{what} contains a NUL character")));
    }
    Ok(())
}

/// Checks one entry of an initiative or of a dialogue (General): its text, that it is not
/// a repeat of an earlier entry in the same place, its agencies and source lines, and its notes.
fn validate_entry<'a>(
    at: &str,
    entry: &'a Entry,
    seen: &mut HashSet<&'a str>,
    agency_keys: &HashSet<String>,
) -> Result<(), Invalid> {
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
    if let Some(source) = &entry.source {
        if source.line == 0 {
            return Err(invalid(
                format!("{at}.source.line"),
                "source lines start at 1",
            ));
        }
        if let Some(end) = source.line_end.filter(|end| *end < source.line) {
            return Err(invalid(
                format!("{at}.source.line_end"),
                format!("line_end {end} is before line {}", source.line),
            ));
        }
    }
    for note in &entry.notes {
        require_text(format!("{at}.notes"), &note.text, "note text")?;
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
    let mut dialogue_names = HashSet::new();
    for (d, dialogue) in record.dialogues.iter().enumerate() {
        let at = format!("dialogues[{d}]");
        require_text(format!("{at}.name"), &dialogue.name, "dialogue name")?;
        require_text(
            format!("{at}.short_name"),
            &dialogue.short_name,
            "dialogue short name",
        )?;
        if !dialogue_names.insert(super::normalize_key(&dialogue.short_name)) {
            return Err(invalid(
                at.clone(),
                format!("dialogue '{}' is listed twice", dialogue.short_name.trim()),
            ));
        }
        let mut seen = HashSet::new();
        for (e, entry) in dialogue.entries.iter().enumerate() {
            validate_entry(
                &format!("{at}.entries[{e}]"),
                entry,
                &mut seen,
                &agency_keys,
            )?;
        }
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
                    validate_entry(
                        &format!("{at}.entries[{e}]"),
                        entry,
                        &mut seen,
                        &agency_keys,
                    )?;
                }
                for note in &initiative.notes {
                    require_text(format!("{at}.notes"), &note.text, "note text")?;
                }
            }
        }
        let mut meetings = HashSet::new();
        for (m, meeting) in dialogue.meetings.iter().enumerate() {
            let at = format!("{at}.meetings[{m}]");
            validate_meeting(meeting)
                .map_err(|e| invalid(format!("{at}.{}", e.path), e.problem))?;
            let date = meeting.date.edtf.map(|e| e.to_string()).unwrap_or_default();
            if !meetings.insert((super::normalize_key(&meeting.title), date)) {
                return Err(invalid(
                    format!("{at}.title"),
                    format!(
                        "meeting '{}' on {} is listed twice",
                        ellipsis(&meeting.title, 60),
                        meeting.date.text
                    ),
                ));
            }
        }
    }
    for (s, source) in record.sources.iter().enumerate() {
        require_text(format!("sources[{s}].title"), &source.title, "source title")?;
    }
    Ok(())
}

/// Checks one meeting: a title, a date that is a calendar value, participants with names,
/// agenda items with text and an end no earlier than their start, parts with text.
/// Paths are relative to the meeting (`participants[1].name`).
pub fn validate_meeting(meeting: &Meeting) -> Result<(), Invalid> {
    require_text("title".into(), &meeting.title, "meeting title")?;
    if meeting.date.edtf.is_none() {
        return Err(invalid(
            "date".into(),
            format!(
                "'{}' is not a calendar date: give a day (2022-09-12) or a date-time \
                 (2022-09-12T09:30:00-05:00)",
                meeting.date.text
            ),
        ));
    }
    for (i, objective) in meeting.objectives.iter().enumerate() {
        require_text(
            format!("objectives[{i}].text"),
            &objective.text,
            "objective text",
        )?;
    }
    for (i, item) in meeting.agenda.iter().enumerate() {
        let at = format!("agenda[{i}]");
        require_text(format!("{at}.item"), &item.item, "agenda item")?;
        if let (Some(starts), Some(ends)) = (&item.starts, &item.ends) {
            if let (Some(start), Some(end)) = (earliest(starts), latest(ends)) {
                if end < start {
                    return Err(invalid(
                        format!("{at}.ends"),
                        format!(
                            "agenda item '{}' ends ({}) before it starts ({})",
                            ellipsis(&item.item, 60),
                            shown(ends),
                            shown(starts)
                        ),
                    ));
                }
            }
        }
    }
    for (i, participant) in meeting.participants.iter().enumerate() {
        require_text(
            format!("participants[{i}].name"),
            &participant.name,
            "participant name",
        )?;
    }
    for (i, line) in meeting.press_lines.iter().enumerate() {
        require_text(format!("press_lines[{i}].text"), &line.text, "press line")?;
    }
    for (i, note) in meeting.notes.iter().enumerate() {
        require_text(format!("notes[{i}].text"), &note.text, "note text")?;
    }
    Ok(())
}

fn shown(date: &EntryDate) -> String {
    match (&date.edtf, date.text.trim()) {
        (Some(e), "") => e.to_string(),
        (_, text) => text.to_string(),
    }
}

/// The first instant a date may mean: its UTC instant for a date-time with an offset,
/// its written time without one, the start of its first day otherwise.
fn earliest(date: &EntryDate) -> Option<NaiveDateTime> {
    let edtf = date.edtf?;
    if let Edtf::Date(d) = edtf {
        if let Some(t) = d.utc_date_time().or_else(|| d.local_date_time()) {
            return Some(t);
        }
    }
    edtf.lower().and_then(|d| d.and_hms_opt(0, 0, 0))
}

/// The last instant a date may mean (the end of its last day when it has no time).
fn latest(date: &EntryDate) -> Option<NaiveDateTime> {
    let edtf = date.edtf?;
    if let Edtf::Date(d) = edtf {
        if let Some(t) = d.utc_date_time().or_else(|| d.local_date_time()) {
            return Some(t);
        }
    }
    edtf.upper().and_then(|d| d.and_hms_opt(23, 59, 59))
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
