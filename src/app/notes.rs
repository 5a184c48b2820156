//! Briefing notes (objective, points to make, if raised, background, press) on
//! initiatives, entries and meetings: finding what a note is about from a few typed words,
//! listing notes with where they sit, adding and removing them.
//!
//! On an initiative or an entry every kind is a note, with an optional answer (an "if
//! raised" question and the answer to give). On a meeting (`app::meetings::add_note`) an
//! objective becomes one of the meeting's objectives, a press note a press line, and the
//! other kinds notes on the meeting as a whole.

use super::error::{Error, Result};
use crate::model::{normalize_key, roman, Id, Note, NoteKind};
use crate::store::{MeetingPart, NoteTarget, Store};
use serde::Serialize;

/// A note and where it sits, for `note list`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteRow {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: Id,
    pub kind: NoteKind,
    pub text: String,
    /// The answer to an "if raised" or press question.
    pub answer: Option<String>,
    /// "Pillar II › initiative", "Pillar II › initiative › entry text…" or
    /// "Meeting › title".
    pub place: String,
    /// What the row is: a note on the record, or a meeting's objective, press line or note
    /// (each numbered on its own, so removing one names which).
    pub part: NotePart,
}

/// Which list a note row belongs to.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotePart {
    /// A note on an initiative or an entry.
    Record,
    MeetingObjective,
    PressLine,
    MeetingNote,
}

/// The initiative whose title holds `words` (case, accents and punctuation ignored); an
/// exact title wins over partial matches. Refuses none and several, naming candidates.
pub fn find_initiative(store: &Store, words: &str) -> Result<Id> {
    let wanted = normalize_key(words);
    if wanted.is_empty() {
        return Err(Error::invalid(
            "name the initiative by a few words of its title",
        ));
    }
    let outline = store.outline()?;
    let initiatives: Vec<(Id, String)> = outline
        .dialogues
        .iter()
        .flat_map(|d| &d.pillars)
        .flat_map(|p| {
            p.initiatives
                .iter()
                .map(move |i| (i.id, format!("Pillar {} › {}", roman(p.number), i.title)))
        })
        .collect();
    let title_key = |place: &str| normalize_key(place.rsplit(" › ").next().unwrap_or(place));
    if let Some((id, _)) = initiatives.iter().find(|(_, p)| title_key(p) == wanted) {
        return Ok(*id);
    }
    let matches: Vec<&(Id, String)> = initiatives
        .iter()
        .filter(|(_, p)| title_key(p).contains(&wanted))
        .collect();
    match matches.as_slice() {
        [(id, _)] => Ok(*id),
        [] => Err(Error::not_found(format!(
            "no initiative's title contains '{words}'"
        ))),
        several => Err(Error::invalid(format!(
            "'{words}' matches {} initiatives; use more of the title: {}",
            several.len(),
            several
                .iter()
                .map(|(_, p)| p.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ))),
    }
}

/// Every note in the record, in record order, with where it sits.
pub fn list(store: &Store) -> Result<Vec<NoteRow>> {
    list_in(store, None)
}

/// The notes of one dialogue (`None`: of every dialogue): on initiatives and entries in
/// record order, then each meeting's objectives, notes and press lines.
pub fn list_in(store: &Store, dialogue: Option<Id>) -> Result<Vec<NoteRow>> {
    let record = store.load_record()?;
    let mut rows = Vec::new();
    let dialogues = record
        .dialogues
        .iter()
        .filter(|d| dialogue.is_none() || d.id == dialogue);
    for d in dialogues {
        for entry in &d.entries {
            let clipped: String = entry.text.chars().take(60).collect();
            let place = format!("General › {clipped}…");
            for note in &entry.notes {
                rows.push(row(note, &place));
            }
        }
        for pillar in &d.pillars {
            for initiative in &pillar.initiatives {
                let place = format!("Pillar {} › {}", roman(pillar.number), initiative.title);
                for note in &initiative.notes {
                    rows.push(row(note, &place));
                }
                for entry in &initiative.entries {
                    let clipped: String = entry.text.chars().take(60).collect();
                    let place = format!("{place} › {clipped}…");
                    for note in &entry.notes {
                        rows.push(row(note, &place));
                    }
                }
            }
        }
        for meeting in &d.meetings {
            let place = format!("Meeting › {}", meeting.title);
            for o in &meeting.objectives {
                rows.push(NoteRow {
                    id: o.id.unwrap_or_default(),
                    kind: NoteKind::Objective,
                    text: o.text.clone(),
                    answer: None,
                    place: place.clone(),
                    part: NotePart::MeetingObjective,
                });
            }
            for note in &meeting.notes {
                rows.push(NoteRow {
                    part: NotePart::MeetingNote,
                    ..row(note, &place)
                });
            }
            for line in &meeting.press_lines {
                rows.push(NoteRow {
                    id: line.id.unwrap_or_default(),
                    kind: NoteKind::Press,
                    text: line.text.clone(),
                    answer: line.answer.clone(),
                    place: place.clone(),
                    part: NotePart::PressLine,
                });
            }
        }
    }
    Ok(rows)
}

fn row(note: &Note, place: &str) -> NoteRow {
    NoteRow {
        id: note.id.unwrap_or_default(),
        kind: note.kind,
        text: note.text.clone(),
        answer: note.answer.clone(),
        place: place.to_string(),
        part: NotePart::Record,
    }
}

/// Adds a note; refuses blank text.
pub fn add(store: &mut Store, target: NoteTarget, kind: NoteKind, text: &str) -> Result<Id> {
    add_with_answer(store, target, kind, text, None)
}

/// Adds a note with an optional answer (an "if raised" question and the answer to give);
/// refuses blank text and a blank answer. A note on an entry that does not exist is
/// `not_found`.
pub fn add_with_answer(
    store: &mut Store,
    target: NoteTarget,
    kind: NoteKind,
    text: &str,
    answer: Option<&str>,
) -> Result<Id> {
    if text.trim().is_empty() {
        return Err(Error::invalid("a note needs some text"));
    }
    let mut note = Note::new(kind, super::record::clean(text.trim().to_string()));
    if let Some(answer) = answer {
        if answer.trim().is_empty() {
            return Err(Error::invalid("an answer, when given, needs some text"));
        }
        note.answer = Some(super::record::clean(answer.trim().to_string()));
    }
    Ok(store.add_full_note(target, &note)?)
}

pub fn remove(store: &mut Store, id: Id) -> Result<()> {
    Ok(store.delete_note(id)?)
}

/// Removes a row of [`list_in`] by its part and id.
pub fn remove_part(store: &mut Store, part: NotePart, id: Id) -> Result<()> {
    let meeting_part = match part {
        NotePart::Record => return remove(store, id),
        NotePart::MeetingObjective => MeetingPart::Objective,
        NotePart::PressLine => MeetingPart::PressLine,
        NotePart::MeetingNote => MeetingPart::Note,
    };
    super::meetings::remove_part(store, meeting_part, id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::ErrorCode;

    use crate::builtin::seeded_store as seeded;

    #[test]
    fn a_few_words_find_the_initiative_and_the_note_is_listed_there() {
        let mut store = seeded();
        let id = find_initiative(&store, "medical devices").unwrap();
        let note = add(
            &mut store,
            NoteTarget::Initiative(id),
            NoteKind::PointsToMake,
            " Welcome COFEPRIS progress ",
        )
        .unwrap();
        let rows = list(&store).unwrap();
        let row = rows.iter().find(|r| r.id == note).unwrap();
        assert_eq!(row.text, "Welcome COFEPRIS progress");
        assert!(row.place.contains("Medical Devices"), "{}", row.place);
        remove(&mut store, note).unwrap();
        assert!(list(&store).unwrap().iter().all(|r| r.id != note));
    }

    #[test]
    fn unknown_ambiguous_and_blank_are_refused_in_words() {
        let mut store = seeded();
        assert_eq!(
            find_initiative(&store, "zebra crossing").unwrap_err().code,
            ErrorCode::NotFound
        );
        let several = find_initiative(&store, "a").unwrap_err();
        assert_eq!(several.code, ErrorCode::InvalidInput);
        assert!(several.message.contains("matches"), "{}", several.message);
        let id = find_initiative(&store, "medical devices").unwrap();
        assert_eq!(
            add(
                &mut store,
                NoteTarget::Initiative(id),
                NoteKind::Background,
                "  "
            )
            .unwrap_err()
            .code,
            ErrorCode::InvalidInput
        );
        assert_eq!(
            remove(&mut store, 999_999).unwrap_err().code,
            ErrorCode::NotFound
        );
    }
}
