//! Which dialogue and which meeting a spec is about. A packet never silently takes the
//! first of several dialogues: with several and none named, the error lists them.

use super::PacketError;
use crate::model::{normalize_key, Dialogue, Meeting, Record};

/// The dialogue `wanted` names (full name, Spanish name or short name, case and accents
/// ignored), or the only one when none is named.
pub(super) fn dialogue<'r>(
    record: &'r Record,
    wanted: Option<&str>,
) -> Result<&'r Dialogue, PacketError> {
    let existing = || {
        record
            .dialogues
            .iter()
            .map(|d| format!("{} ({})", d.name, d.short_name))
            .collect::<Vec<_>>()
            .join("; ")
    };
    match wanted.map(str::trim).filter(|w| !w.is_empty()) {
        None => match record.dialogues.as_slice() {
            [] => Err(PacketError::NoDialogue),
            [only] => Ok(only),
            _ => Err(PacketError::SeveralDialogues {
                existing: existing(),
            }),
        },
        Some(name) => {
            let key = normalize_key(name);
            record
                .dialogues
                .iter()
                .find(|d| {
                    normalize_key(&d.short_name) == key
                        || normalize_key(&d.name) == key
                        || d.name_es
                            .as_deref()
                            .is_some_and(|n| normalize_key(n) == key)
                })
                .ok_or_else(|| PacketError::UnknownDialogue {
                    wanted: name.to_string(),
                    existing: existing(),
                })
        }
    }
}

/// The meeting of `dialogue` that `wanted` names: its store id, or its title (English or
/// Spanish, case and accents ignored). Two meetings of the same title are refused.
pub(super) fn meeting<'d>(
    dialogue: &'d Dialogue,
    wanted: &str,
) -> Result<&'d Meeting, PacketError> {
    let wanted = wanted.trim();
    let describe = |m: &Meeting| format!("'{}' ({})", m.title, m.date.text);
    if let Ok(id) = wanted.parse::<i64>() {
        if let Some(m) = dialogue.meetings.iter().find(|m| m.id == Some(id)) {
            return Ok(m);
        }
    }
    let key = normalize_key(wanted);
    let found: Vec<&Meeting> = dialogue
        .meetings
        .iter()
        .filter(|m| {
            normalize_key(&m.title) == key
                || m.title_es
                    .as_deref()
                    .is_some_and(|t| normalize_key(t) == key)
        })
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(PacketError::UnknownMeeting {
            wanted: wanted.to_string(),
            dialogue: dialogue.short_name.clone(),
            existing: if dialogue.meetings.is_empty() {
                "it has no meetings".into()
            } else {
                let all: Vec<String> = dialogue.meetings.iter().map(describe).collect();
                format!("its meetings are {}", all.join(", "))
            },
        }),
        several => Err(PacketError::AmbiguousMeeting {
            wanted: wanted.to_string(),
            matches: several
                .iter()
                .map(|m| match m.id {
                    Some(id) => format!("{} [id {id}]", describe(m)),
                    None => describe(m),
                })
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}
