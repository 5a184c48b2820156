//! Meeting documents: the JSON of one `Meeting` that `meeting export` writes and
//! `meeting import` reads, checked, cleaned of control characters and stored as a new
//! meeting or over an existing one.

use super::error::{Error, Result};
use super::meetings::describe;
use super::record::{clean, resolve_dialogue};
use crate::model::{normalize_key, Id, Meeting};
use crate::store::Store;
use serde::Serialize;
use std::path::Path;

/// A meeting document (`meeting import`) is read whole; more than this is not a meeting.
pub const MAX_MEETING_BYTES: u64 = 2 * 1024 * 1024;

/// What `meeting import` did.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MeetingImport {
    #[cfg_attr(feature = "ts", ts(as = "f64"))]
    pub id: Id,
    /// A new meeting was added (rather than an existing one rewritten).
    pub created: bool,
    /// Something was stored (false when the document said what the record already held).
    pub changed: bool,
}

/// Reads a meeting document (the JSON `meeting export` writes); `name` (the file) starts
/// every message, which names the line or the path of the value at fault.
pub fn parse_document(text: &str, name: &str) -> Result<Meeting> {
    let mut deserializer = serde_json::Deserializer::from_str(text.trim_start_matches('\u{feff}'));
    let meeting: Meeting = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let inner = e.inner();
        let at = if inner.is_syntax() || inner.is_eof() {
            format!("line {}, column {}", inner.line(), inner.column())
        } else {
            e.path().to_string()
        };
        Error::invalid(format!("{name}: not a meeting document at {at}: {inner}"))
    })?;
    crate::model::validate::validate_meeting(&meeting)
        .map_err(|e| Error::invalid(format!("{name}: {e}")))?;
    Ok(meeting)
}

/// Every text of a meeting without control characters, and no store ids.
fn cleaned(meeting: Meeting) -> Meeting {
    let text = |t: String| clean(t);
    let opt = |t: Option<String>| t.map(clean);
    let mut m = crate::store::meeting_without_ids(&meeting);
    m.title = text(m.title);
    m.title_es = opt(m.title_es);
    m.place = opt(m.place);
    m.our_delegation = opt(m.our_delegation);
    m.their_delegation = opt(m.their_delegation);
    m.scope_note = opt(m.scope_note);
    m.scope_note_es = opt(m.scope_note_es);
    for o in &mut m.objectives {
        o.text = clean(std::mem::take(&mut o.text));
        o.text_es = opt(o.text_es.take());
        o.initiatives = std::mem::take(&mut o.initiatives)
            .into_iter()
            .map(clean)
            .collect();
    }
    for a in &mut m.agenda {
        a.item = clean(std::mem::take(&mut a.item));
        a.item_es = opt(a.item_es.take());
        a.place = opt(a.place.take());
        a.lead = opt(a.lead.take());
        a.initiatives = std::mem::take(&mut a.initiatives)
            .into_iter()
            .map(clean)
            .collect();
    }
    for p in &mut m.participants {
        p.name = clean(std::mem::take(&mut p.name));
        p.title = opt(p.title.take());
        p.organisation = opt(p.organisation.take());
        p.role = opt(p.role.take());
        p.bio = opt(p.bio.take());
        p.bio_es = opt(p.bio_es.take());
    }
    for l in &mut m.press_lines {
        l.text = clean(std::mem::take(&mut l.text));
        l.text_es = opt(l.text_es.take());
        l.answer = opt(l.answer.take());
        l.answer_es = opt(l.answer_es.take());
    }
    for n in &mut m.notes {
        n.text = clean(std::mem::take(&mut n.text));
        n.text_es = opt(n.text_es.take());
        n.answer = opt(n.answer.take());
        n.answer_es = opt(n.answer_es.take());
    }
    if let Some(c) = &mut m.clearance {
        c.drafted_by = opt(c.drafted_by.take());
        c.office = opt(c.office.take());
        c.drafted_on = opt(c.drafted_on.take());
        c.cleared_by = std::mem::take(&mut c.cleared_by)
            .into_iter()
            .map(clean)
            .collect();
    }
    m
}

/// Stores a meeting document: it rewrites meeting `target` when one is given, else the
/// dialogue's meeting of the same title (folded), else it is added to the dialogue.
pub fn import_meeting(
    store: &mut Store,
    meeting: Meeting,
    dialogue: Option<&str>,
    target: Option<Id>,
) -> Result<MeetingImport> {
    let meeting = cleaned(meeting);
    let target = match target {
        Some(id) => Some(id),
        None => {
            let dialogue_id = resolve_dialogue(store, dialogue)?;
            let key = normalize_key(&meeting.title);
            let same: Vec<Meeting> = store
                .meetings(Some(dialogue_id))?
                .into_iter()
                .map(|(_, m)| m)
                .filter(|m| normalize_key(&m.title) == key)
                .collect();
            match same.as_slice() {
                [] => {
                    let id = store.add_meeting(dialogue_id, &meeting)?;
                    return Ok(MeetingImport {
                        id,
                        created: true,
                        changed: true,
                    });
                }
                [one] => one.id,
                several => {
                    return Err(Error::invalid(format!(
                        "the document's title '{}' matches {} meetings; name the one to \
                         replace: {}",
                        meeting.title,
                        several.len(),
                        several.iter().map(describe).collect::<Vec<_>>().join("; ")
                    )))
                }
            }
        }
    };
    let id = target.expect("a target was found or the meeting was added");
    let changed = store.replace_meeting(id, &meeting)?;
    Ok(MeetingImport {
        id,
        created: false,
        changed,
    })
}

/// Reads a meeting document from `path` (at most [`MAX_MEETING_BYTES`]) and stores it
/// as [`import_meeting`] does.
pub fn import_file(
    store: &mut Store,
    path: &Path,
    dialogue: Option<&str>,
    target: Option<Id>,
) -> Result<MeetingImport> {
    let bytes = crate::import::read_limited(path, MAX_MEETING_BYTES)?;
    let name = path.display().to_string();
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::invalid(format!("{name}: a meeting document must be UTF-8 JSON")))?;
    let meeting = parse_document(&text, &name)?;
    import_meeting(store, meeting, dialogue, target)
}
