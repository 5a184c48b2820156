//! Briefing notes (points to make, if raised, background…) on initiatives and entries:
//! finding what a note is about from a few typed words, listing notes with where they sit.

use super::error::{Error, Result};
use crate::model::{normalize_key, roman, Id, NoteKind};
use crate::store::{NoteTarget, Store};
use serde::Serialize;

/// A note and where it sits, for `note list`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteRow {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: Id,
    pub kind: NoteKind,
    pub text: String,
    /// "Pillar II › initiative" or "Pillar II › initiative › entry text…".
    pub place: String,
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
    let record = store.load_record()?;
    let mut rows = Vec::new();
    for pillar in record.dialogues.iter().flat_map(|d| &d.pillars) {
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
    Ok(rows)
}

fn row(note: &crate::model::Note, place: &str) -> NoteRow {
    NoteRow {
        id: note.id.unwrap_or_default(),
        kind: note.kind,
        text: note.text.clone(),
        place: place.to_string(),
    }
}

/// Adds a note; refuses blank text.
pub fn add(store: &mut Store, target: NoteTarget, kind: NoteKind, text: &str) -> Result<Id> {
    if text.trim().is_empty() {
        return Err(Error::invalid("a note needs some text"));
    }
    let text = super::record::clean(text.trim().to_string());
    Ok(store.add_note(target, kind, &text)?)
}

pub fn remove(store: &mut Store, id: Id) -> Result<()> {
    Ok(store.delete_note(id)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::ErrorCode;

    fn seeded() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        crate::builtin::seed(&mut store).unwrap();
        store
    }

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
