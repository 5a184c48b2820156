//! Undo restores exactly: for every kind of change a person can make, the full JSON
//! export after the undo is byte-identical to the export before the change, and a
//! restored row keeps its id.

use briefbook::interchange::parse_interchange;
use briefbook::model::{
    Agency, Country, EntryDate, EntryKind, Filters, NoteKind, Origin, Record, Status,
};
use briefbook::store::{EntryPatch, EntryQuery, InitiativePatch, NewEntry, NoteTarget, Store};

const SMALL: &str = include_str!("fixtures/small-record.json");

/// The small record with what a deletion must not lose: other dates, a Spanish text,
/// notes on entries and initiatives, source references, and a General entry.
fn record() -> Record {
    let mut record = parse_interchange(SMALL).unwrap();
    let dialogue = &mut record.dialogues[0];
    let entry = &mut dialogue.pillars[0].initiatives[0].entries[0];
    assert!(
        entry.status_phrase.is_some(),
        "the fixture's first entry has a status phrase"
    );
    entry.other_dates = vec![EntryDate::exact("2021-12".parse().unwrap(), "December")];
    entry.text_es = Some("Texto en español.".into());
    let mut general = dialogue.pillars[1].initiatives[0].entries[0].clone();
    general.text = "The dialogue met at cabinet level.".into();
    dialogue.entries.push(general);
    record
}

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_record(&record(), &Origin::User, false)
        .unwrap();
    store
}

fn ids(store: &Store) -> Vec<i64> {
    store
        .list_entries(&EntryQuery {
            filters: Filters::default(),
            ..EntryQuery::default()
        })
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect()
}

/// Runs `change`, checks it changed the export, undoes it and checks the export is back.
fn undo_restores(name: &str, change: impl FnOnce(&mut Store)) {
    let mut store = store();
    let before = store.export_json().unwrap();
    let ids_before = ids(&store);
    change(&mut store);
    assert_ne!(
        store.export_json().unwrap(),
        before,
        "{name}: changed nothing"
    );
    assert!(
        store.undo_last().unwrap().is_some(),
        "{name}: nothing to undo"
    );
    assert_eq!(
        store.export_json().unwrap(),
        before,
        "{name}: not restored exactly"
    );
    assert_eq!(ids(&store), ids_before, "{name}: ids changed");
}

fn entry_id(store: &Store, n: usize) -> i64 {
    ids(store)[n]
}

fn initiative_id(store: &Store) -> i64 {
    store.load_record().unwrap().dialogues[0].pillars[0].initiatives[0]
        .id
        .unwrap()
}

fn patch_entry(patch: EntryPatch) -> impl FnOnce(&mut Store) {
    move |s| {
        let id = entry_id(s, 1);
        s.update_entry(id, &patch).unwrap()
    }
}

#[test]
fn undo_of_each_entry_field_restores_the_export() {
    undo_restores(
        "text",
        patch_entry(EntryPatch {
            text: Some("Rewritten.".into()),
            ..EntryPatch::default()
        }),
    );
    undo_restores(
        "text_es",
        patch_entry(EntryPatch {
            text_es: Some(None),
            ..EntryPatch::default()
        }),
    );
    undo_restores(
        "kind",
        patch_entry(EntryPatch {
            kind: Some(EntryKind::Objective),
            ..EntryPatch::default()
        }),
    );
    // A person's status replaces the importer's phrase; undo gives the phrase back.
    undo_restores(
        "status",
        patch_entry(EntryPatch {
            status: Some(Status::Stalled),
            ..EntryPatch::default()
        }),
    );
    undo_restores(
        "date",
        patch_entry(EntryPatch {
            date: Some(None),
            ..EntryPatch::default()
        }),
    );
    undo_restores(
        "agencies",
        patch_entry(EntryPatch {
            agencies: Some(vec!["AMEXCID".into()]),
            ..EntryPatch::default()
        }),
    );
}

#[test]
fn undo_of_creating_and_deleting_entries_restores_the_export() {
    let new = NewEntry {
        kind: EntryKind::Activity,
        text: "A new activity.".into(),
        status: Status::Planned,
        date: None,
        agencies: vec!["USAID".into()],
    };
    let for_initiative = new.clone();
    undo_restores("create entry", move |s| {
        let i = initiative_id(s);
        s.create_entry(i, &for_initiative).unwrap();
    });
    undo_restores("create General entry", move |s| {
        let d = s.load_record().unwrap().dialogues[0].id.unwrap();
        s.create_dialogue_entry(d, &new).unwrap();
    });
    // Each entry in turn: General, first, middle (other dates, Spanish) and last ones.
    for n in 0..4 {
        undo_restores(&format!("delete entry {n}"), move |s| {
            let id = entry_id(s, n);
            s.delete_entry(id).unwrap()
        });
    }
}

#[test]
fn undo_of_initiative_and_pillar_changes_restores_the_export() {
    for (field, patch) in [
        (
            "title",
            InitiativePatch {
                title: Some("Renamed".into()),
                ..InitiativePatch::default()
            },
        ),
        (
            "title_es",
            InitiativePatch {
                title_es: Some(Some("Renombrada".into())),
                ..InitiativePatch::default()
            },
        ),
        (
            "summary",
            InitiativePatch {
                summary: Some(None),
                ..InitiativePatch::default()
            },
        ),
        (
            "summary_es",
            InitiativePatch {
                summary_es: Some(Some("Busca".into())),
                ..InitiativePatch::default()
            },
        ),
    ] {
        undo_restores(&format!("initiative {field}"), move |s| {
            let i = initiative_id(s);
            s.update_initiative(i, &patch).unwrap()
        });
    }
    undo_restores("create initiative", |s| {
        let p = s.load_record().unwrap().dialogues[0].pillars[1].id.unwrap();
        s.create_initiative(p, "A new initiative", Some("Seeks more."))
            .unwrap();
    });
    undo_restores("delete initiative", |s| {
        let i = initiative_id(s);
        s.delete_initiative(i).unwrap()
    });
    undo_restores("pillar title", |s| {
        let p = s.load_record().unwrap().dialogues[0].pillars[0].id.unwrap();
        s.update_pillar(p, Some("Renamed pillar"), Some(Some("Pilar")))
            .unwrap()
    });
}

#[test]
fn undo_of_note_and_agency_changes_restores_the_export() {
    undo_restores("add note to entry", |s| {
        let e = entry_id(s, 1);
        s.add_note(NoteTarget::Entry(e), NoteKind::IfRaised, "Say no more.")
            .unwrap();
    });
    undo_restores("add note to initiative", |s| {
        let i = initiative_id(s);
        s.add_note(NoteTarget::Initiative(i), NoteKind::Background, "Context.")
            .unwrap();
    });
    undo_restores("delete note", |s| {
        let note = s.load_record().unwrap().dialogues[0].pillars[0].initiatives[0].entries[0].notes
            [0]
        .id
        .unwrap();
        s.delete_note(note).unwrap()
    });
    let agency = Agency {
        id: None,
        name: "Department of State".into(),
        name_es: Some("Departamento de Estado".into()),
        acronym: Some("DOS".into()),
        country: Country::Us,
    };
    let added = agency.clone();
    undo_restores("add agency", move |s| {
        s.save_agency(&added).unwrap();
    });
    undo_restores("update agency", |s| {
        s.save_agency(&Agency {
            name: "U.S. Agency for International Development".into(),
            country: Country::Joint,
            acronym: Some("USAID".into()),
            ..agency
        })
        .unwrap();
    });
    // An agency no entry names can be deleted, and comes back with its id.
    let mut store = store();
    let spare = store
        .save_agency(&Agency {
            id: None,
            name: "Spare".into(),
            name_es: None,
            acronym: Some("SPR".into()),
            country: Country::Other,
        })
        .unwrap();
    let before = store.export_json().unwrap();
    store.delete_agency("SPR").unwrap();
    store.undo_last().unwrap();
    assert_eq!(store.export_json().unwrap(), before);
    let back = store.agencies().unwrap();
    assert_eq!(
        back.iter().find(|a| a.key() == "SPR").unwrap().id,
        Some(spare)
    );
}

#[test]
fn a_restored_entry_is_found_by_search_again() {
    let mut store = store();
    let id = entry_id(&store, 2);
    let text = store.list_entries(&EntryQuery::default()).unwrap()[2]
        .text
        .clone();
    let word = text.split_whitespace().last().unwrap().trim_matches('.');
    store.delete_entry(id).unwrap();
    store.undo_last().unwrap();
    assert!(store
        .search(word, 20)
        .unwrap()
        .iter()
        .any(|h| h.id == id && h.kind == "entry"));
}
