//! Reading and editing the record: the tree, entries by filter, one change at a time
//! (each an undoable history batch), undo, history and reading typed dates.

use super::error::{Error, Result};
use crate::model::{normalize_key, read_date_input, EntryDate, EntryKind, Status};
use crate::store::{EntryPatch, InitiativePatch, Store};

// The types this use case's requests and responses are made of; the faces take them
// from here.
pub use crate::model::{DateReading, HistoryEvent, Id, Lang, NoteKind, Record};
pub use crate::store::{EntryQuery, EntryRow, EntryView, NewEntry, NoteTarget, Outline};
use serde::Deserialize;

/// One field of an entry set to a new value; a list of these is saved as one change.
/// (A list of tagged values rather than a patch object, because a patch cannot tell
/// "remove the Spanish text" from "leave it" once it is JSON.)
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum EntryChange {
    Text(String),
    TextEs(Option<String>),
    Kind(EntryKind),
    Status(Status),
    Date(Option<EntryDate>),
    Agencies(Vec<String>),
}

/// One field of an initiative set to a new value.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum InitiativeChange {
    Title(String),
    TitleEs(Option<String>),
    Summary(Option<String>),
    SummaryEs(Option<String>),
}

/// Typed or pasted text without control characters (an escape sequence pasted from a
/// terminal, say), which would otherwise be stored and shown.
pub(crate) fn clean(text: String) -> String {
    match crate::model::sanitize::strip_controls(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(cleaned) => cleaned,
    }
}

/// Blank optional text means "none": a cleared field, not an empty string.
fn blank_is_none(value: Option<String>) -> Option<String> {
    value.map(clean).filter(|t| !t.trim().is_empty())
}

fn entry_patch(changes: Vec<EntryChange>) -> EntryPatch {
    let mut patch = EntryPatch::default();
    for change in changes {
        match change {
            EntryChange::Text(v) => patch.text = Some(clean(v)),
            EntryChange::TextEs(v) => patch.text_es = Some(blank_is_none(v)),
            EntryChange::Kind(v) => patch.kind = Some(v),
            EntryChange::Status(v) => patch.status = Some(v),
            EntryChange::Date(v) => patch.date = Some(v),
            EntryChange::Agencies(v) => patch.agencies = Some(v.into_iter().map(clean).collect()),
        }
    }
    patch
}

fn initiative_patch(changes: Vec<InitiativeChange>) -> InitiativePatch {
    let mut patch = InitiativePatch::default();
    for change in changes {
        match change {
            InitiativeChange::Title(v) => patch.title = Some(clean(v)),
            InitiativeChange::TitleEs(v) => patch.title_es = Some(blank_is_none(v)),
            InitiativeChange::Summary(v) => patch.summary = Some(blank_is_none(v)),
            InitiativeChange::SummaryEs(v) => patch.summary_es = Some(blank_is_none(v)),
        }
    }
    patch
}

/// The whole record with store ids, without the sources' full texts (which only the
/// export needs).
pub fn load(store: &Store) -> Result<Record> {
    let mut record = store.load_record()?;
    for source in &mut record.sources {
        source.text = String::new();
    }
    Ok(record)
}

/// Dialogues, pillars and initiatives without their entries: what the app shows first,
/// quick at any size of record.
pub fn outline(store: &Store) -> Result<Outline> {
    Ok(store.outline()?)
}

/// The entries of one initiative, loaded when it comes into view.
pub fn initiative_entries(store: &Store, initiative_id: Id) -> Result<Vec<EntryView>> {
    Ok(store.initiative_entries(initiative_id)?)
}

/// The statements of a dialogue that belong to no pillar (the General section).
pub fn dialogue_entries(store: &Store, dialogue_id: Id) -> Result<Vec<EntryView>> {
    Ok(store.dialogue_entries(dialogue_id)?)
}

/// Adds a statement of the dialogue as a whole (the General section); returns it.
pub fn create_dialogue_entry(
    store: &mut Store,
    dialogue_id: Id,
    new: &NewEntry,
) -> Result<EntryView> {
    let mut new = new.clone();
    new.text = clean(new.text);
    new.agencies = new.agencies.into_iter().map(clean).collect();
    let id = store.create_dialogue_entry(dialogue_id, &new)?;
    entry(store, id)
}

/// One entry as the app shows it.
pub fn entry(store: &Store, id: Id) -> Result<EntryView> {
    Ok(store.entry_view(id)?)
}

/// Entries matching `filter`, each with its pillar and initiative.
pub fn list_entries(store: &Store, filter: &EntryQuery) -> Result<Vec<EntryRow>> {
    Ok(store.list_entries(filter)?)
}

/// Applies `changes` to entry `id` as one undoable change; returns the entry as it now
/// is, so a view can update that one row.
pub fn update_entry(store: &mut Store, id: Id, changes: Vec<EntryChange>) -> Result<EntryView> {
    store.update_entry(id, &entry_patch(changes))?;
    entry(store, id)
}

/// Adds an entry at the end of an initiative; returns it as the app shows it.
pub fn create_entry(store: &mut Store, initiative_id: Id, new: &NewEntry) -> Result<EntryView> {
    let mut new = new.clone();
    new.text = clean(new.text);
    new.agencies = new.agencies.into_iter().map(clean).collect();
    let id = store.create_entry(initiative_id, &new)?;
    entry(store, id)
}

pub fn delete_entry(store: &mut Store, id: Id) -> Result<()> {
    Ok(store.delete_entry(id)?)
}

/// Applies `changes` to initiative `id` as one undoable change.
pub fn update_initiative(store: &mut Store, id: Id, changes: Vec<InitiativeChange>) -> Result<()> {
    Ok(store.update_initiative(id, &initiative_patch(changes))?)
}

/// Adds a briefing note to an initiative or an entry; returns its id.
pub fn add_note(store: &mut Store, target: NoteTarget, kind: NoteKind, text: &str) -> Result<Id> {
    Ok(store.add_note(target, kind, &clean(text.to_string()))?)
}

pub fn delete_note(store: &mut Store, id: Id) -> Result<()> {
    Ok(store.delete_note(id)?)
}

/// Reverts the latest change a person made; says what it was, or `None` when there is
/// nothing to undo.
pub fn undo(store: &mut Store) -> Result<Option<String>> {
    Ok(store.undo_last()?)
}

/// Changes since `since` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or all of them.
pub fn history(store: &Store, since: Option<&str>) -> Result<Vec<HistoryEvent>> {
    Ok(store.history(since)?)
}

/// As [`history`], for the dialogue `dialogue` names (see [`resolve_dialogue`]): its
/// changes, those to agencies and sources, and those to rows since deleted.
pub fn history_of(store: &Store, since: Option<&str>, dialogue: &str) -> Result<Vec<HistoryEvent>> {
    let id = resolve_dialogue(store, Some(dialogue))?;
    Ok(store.history_of(since, id)?)
}

/// The dialogue a request is about. `named` is its short name or name (case, accents and
/// punctuation ignored; the Spanish name too) or its id. With no name, the record's only
/// dialogue; with several dialogues and no name, an error that lists them, so that no
/// command silently takes the first. An unknown name is `not_found`, listing those there are.
pub fn resolve_dialogue(store: &Store, named: Option<&str>) -> Result<Id> {
    let outline = store.outline()?;
    let dialogues = &outline.dialogues;
    let known = || {
        dialogues
            .iter()
            .map(|d| format!("{} ({})", d.short_name, d.name))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let Some(named) = named.map(str::trim) else {
        return match dialogues.as_slice() {
            [only] => Ok(only.id),
            [] => Err(Error::not_found("the record holds no dialogue yet")),
            several => Err(Error::invalid(format!(
                "the record holds {} dialogues; name one: {}",
                several.len(),
                known()
            ))),
        };
    };
    let key = normalize_key(named);
    let found: Vec<Id> = dialogues
        .iter()
        .filter(|d| {
            named.parse::<Id>().ok() == Some(d.id)
                || (!key.is_empty()
                    && (normalize_key(&d.short_name) == key
                        || normalize_key(&d.name) == key
                        || d.name_es.as_deref().map(normalize_key).as_deref() == Some(&key)))
        })
        .map(|d| d.id)
        .collect();
    match found.as_slice() {
        [id] => Ok(*id),
        [] => Err(Error::not_found(format!(
            "no dialogue is called '{named}'; the record holds: {}",
            if dialogues.is_empty() {
                "none".to_string()
            } else {
                known()
            }
        ))),
        _ => Err(Error::invalid(format!(
            "'{named}' names more than one dialogue: {}",
            known()
        ))),
    }
}

/// As [`resolve_dialogue`], for listings: `None` (nothing to list from) when the record
/// holds no dialogue and none is named, instead of an error.
pub fn dialogue_scope(store: &Store, named: Option<&str>) -> Result<Option<Id>> {
    if named.is_none() && store.is_empty()? {
        return Ok(None);
    }
    resolve_dialogue(store, named).map(Some)
}

/// How typed date text reads ("June 2021" -> `2021-06`), or why it is not a date.
pub fn read_date(text: &str, lang: Lang) -> Result<DateReading> {
    Ok(super::dates::in_language(read_date_input(text)?, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::ErrorCode;

    use crate::builtin::seeded_store as seeded;

    fn first_entry(store: &Store) -> crate::model::Entry {
        load(store).unwrap().dialogues[0].pillars[0].initiatives[0].entries[0].clone()
    }

    #[test]
    fn clearing_spanish_text_becomes_an_explicit_removal() {
        let patch = entry_patch(vec![
            EntryChange::TextEs(Some("  ".into())),
            EntryChange::Status(Status::Done),
        ]);
        assert_eq!(patch.text_es, Some(None));
        assert_eq!(patch.status, Some(Status::Done));
        assert_eq!(patch.text, None);
    }

    #[test]
    fn control_characters_typed_into_an_edit_are_not_stored() {
        let mut store = seeded();
        let id = first_entry(&store).id.unwrap();
        let shown = update_entry(
            &mut store,
            id,
            vec![EntryChange::Text("A\u{1b}[2J B\u{7}".into())],
        )
        .unwrap();
        assert_eq!(shown.text, "A[2J B");
    }

    #[test]
    fn the_loaded_record_carries_no_source_texts() {
        let record = load(&seeded()).unwrap();
        assert!(!record.sources.is_empty());
        assert!(record.sources.iter().all(|s| s.text.is_empty()));
    }

    #[test]
    fn an_edit_is_undone() {
        let mut store = seeded();
        let entry = first_entry(&store);
        let id = entry.id.unwrap();
        let new_status = if entry.status == Status::Done {
            Status::Planned
        } else {
            Status::Done
        };
        let shown = update_entry(&mut store, id, vec![EntryChange::Status(new_status)]).unwrap();
        assert_eq!(shown.status, new_status);
        assert_eq!(first_entry(&store).status, new_status);
        assert!(undo(&mut store).unwrap().is_some());
        assert_eq!(first_entry(&store).status, entry.status);
    }

    #[test]
    fn editing_a_missing_entry_is_not_found() {
        let mut store = seeded();
        let error =
            update_entry(&mut store, 999_999, vec![EntryChange::Text("x".into())]).unwrap_err();
        assert_eq!(error.code, ErrorCode::NotFound);
    }

    #[test]
    fn the_only_dialogue_is_taken_and_two_must_be_named() {
        let mut store = seeded();
        let hled = resolve_dialogue(&store, None).unwrap();
        assert_eq!(resolve_dialogue(&store, Some("hled")).unwrap(), hled);
        let unknown = resolve_dialogue(&store, Some("Nowhere")).unwrap_err();
        assert_eq!(unknown.code, ErrorCode::NotFound);
        assert!(unknown.message.contains("HLED"), "{}", unknown.message);
        let second = crate::interchange::parse_interchange(
            r#"{"format":"briefbook/1","agencies":[],"sources":[],
                "dialogues":[{"name":"U.S.-Canada Dialogue","short_name":"USCD","pillars":[]}]}"#,
        )
        .unwrap();
        store
            .import_record(&second, &crate::model::Origin::User, false)
            .unwrap();
        let both = resolve_dialogue(&store, None).unwrap_err();
        assert_eq!(both.code, ErrorCode::InvalidInput);
        assert!(
            both.message.contains("HLED") && both.message.contains("USCD"),
            "{}",
            both.message
        );
        let canada = resolve_dialogue(&store, Some("u.s. canada dialogue")).unwrap();
        assert_ne!(canada, hled);
    }

    #[test]
    fn an_impossible_typed_date_is_invalid_input() {
        assert_eq!(
            read_date("31 February 2022", Lang::En).unwrap_err().code,
            ErrorCode::InvalidInput
        );
        assert_eq!(read_date("June 2021", Lang::En).unwrap().edtf, "2021-06");
        let spanish = read_date("junio de 2021", Lang::Es).unwrap();
        assert_eq!(spanish.explanation, "2021-06: junio de 2021 (mes)");
    }
}
