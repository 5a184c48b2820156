//! The store as users meet it: import, export, queries, search, edits, history, undo,
//! and refusals that leave the record unchanged.

use briefbook::interchange::parse_interchange;
use briefbook::model::Filters;
use briefbook::model::{EntryDate, NoteKind, Origin, Status};
use briefbook::store::{EntryPatch, EntryQuery, NoteTarget, Store, StoreError};
use std::path::Path;

const SMALL: &str = include_str!("fixtures/small-record.json");

fn store_with_small_record() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let record = parse_interchange(SMALL).unwrap();
    store.import_record(&record, &Origin::User, false).unwrap();
    store
}

fn query(filters: Filters) -> EntryQuery {
    EntryQuery {
        filters,
        ..EntryQuery::default()
    }
}

fn entry_id_containing(store: &Store, needle: &str) -> i64 {
    store
        .list_entries(&EntryQuery::default())
        .unwrap()
        .into_iter()
        .find(|e| e.text.contains(needle))
        .unwrap_or_else(|| panic!("no entry containing {needle}"))
        .id
}

#[test]
fn export_then_import_into_an_empty_store_gives_identical_bytes() {
    let store = store_with_small_record();
    let first = store.export_json().unwrap();
    let mut fresh = Store::open_in_memory().unwrap();
    fresh
        .import_record(&parse_interchange(&first).unwrap(), &Origin::User, false)
        .unwrap();
    assert_eq!(fresh.export_json().unwrap(), first);
    assert!(first.starts_with("{\n  \"format\": \"briefbook/1\""));
}

#[test]
fn importing_the_same_record_twice_adds_nothing() {
    let mut store = store_with_small_record();
    let before = store.export_json().unwrap();
    let report = store
        .import_record(&parse_interchange(SMALL).unwrap(), &Origin::User, false)
        .unwrap();
    assert!(report.is_noop(), "{:?}", report.lines);
    assert_eq!(report.unchanged_entries, 5);
    assert_eq!(store.export_json().unwrap(), before);
}

#[test]
fn dry_run_reports_additions_and_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let report = store
        .import_record(&parse_interchange(SMALL).unwrap(), &Origin::User, true)
        .unwrap();
    assert_eq!(report.added_entries, 5);
    assert_eq!(report.added_initiatives, 2);
    assert!(store.is_empty().unwrap());
    assert!(store.history(None).unwrap().is_empty());
}

#[test]
fn a_later_document_updates_the_status_of_a_matching_entry() {
    let mut store = store_with_small_record();
    let later = SMALL.replace(
        r#""text": "Both governments intend to meet monthly.",
                  "status": "planned""#,
        r#""text": "Both governments intend to meet MONTHLY",
                  "status": "in_progress""#,
    );
    assert_ne!(later, SMALL, "fixture edit must apply");
    let origin = Origin::Import {
        source_id: None,
        title: "Later fact sheet".into(),
    };
    let report = store
        .import_record(&parse_interchange(&later).unwrap(), &origin, false)
        .unwrap();
    assert_eq!(report.updated, 1, "{:?}", report.lines);
    assert_eq!(report.added_entries, 0);
    let history = store.history(None).unwrap();
    let change = history.iter().rev().find(|h| h.field == "status").unwrap();
    assert_eq!(change.old_value.as_deref(), Some("planned"));
    assert_eq!(change.new_value.as_deref(), Some("in_progress"));
    assert_eq!(change.origin, origin);
    assert_eq!(change.pillar, Some(1));
}

#[test]
fn entries_for_one_pillar_in_a_date_range_overlap_their_intervals() {
    let store = store_with_small_record();
    let october = query(Filters {
        from: Some("2021-10-01".into()),
        to: Some("2021-10-31".into()),
        include_undated: false,
        ..Filters::default()
    });
    let rows = store.list_entries(&october).unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].text.contains("October 25, 2021"));

    // "June 2021" overlaps a range that starts on its last day.
    let from_june_30 = query(Filters {
        pillars: vec![2],
        from: Some("2021-06-30".into()),
        to: Some("2021-12".into()),
        include_undated: false,
        ..Filters::default()
    });
    let rows = store.list_entries(&from_june_30).unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].text.contains("MOU"));
    assert_eq!(rows[0].agencies, ["USAID", "AMEXCID"]);

    let with_undated = query(Filters {
        include_undated: true,
        ..from_june_30.filters
    });
    assert_eq!(store.list_entries(&with_undated).unwrap().len(), 2);
}

#[test]
fn filters_by_status_kind_and_agency_combine() {
    let store = store_with_small_record();
    let filter = query(Filters {
        statuses: vec![Status::Done],
        agencies: vec!["usaid".into()],
        ..Filters::default()
    });
    let rows = store.list_entries(&filter).unwrap();
    assert_eq!(rows.len(), 2);
    let planned = query(Filters {
        statuses: vec![Status::Planned],
        agencies: vec!["USAID".into()],
        ..Filters::default()
    });
    assert!(store.list_entries(&planned).unwrap().is_empty());
}

#[test]
fn unknown_pillar_and_reversed_range_are_refused_by_name() {
    let store = store_with_small_record();
    let err = store
        .list_entries(&query(Filters {
            pillars: vec![9],
            ..Filters::default()
        }))
        .unwrap_err();
    assert_eq!(err.code(), "validation");
    assert!(err.to_string().contains("no pillar IX"), "{err}");
    assert!(err.to_string().contains("I, II"), "{err}");
    let err = store
        .list_entries(&query(Filters {
            from: Some("2022".into()),
            to: Some("2021".into()),
            ..Filters::default()
        }))
        .unwrap_err();
    assert!(err.to_string().contains("ends"), "{err}");
    let err = store
        .list_entries(&query(Filters {
            from: Some("2021-02-30".into()),
            ..Filters::default()
        }))
        .unwrap_err();
    assert!(err.to_string().contains("2021-02-30"), "{err}");
}

#[test]
fn search_folds_diacritics_and_highlights_the_match() {
    let store = store_with_small_record();
    let hits = store.search("cooperacion mexico", 10).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].kind, "note");
    assert!(hits[0].snippet.iter().any(|p| p.hit && p.text == "México"));

    let hits = store.search("COFEPRIS", 10).unwrap();
    assert!(!hits.is_empty());
    assert!(hits[0].initiative_title.contains("Medical Devices"));
    assert!(hits[0].entry_id.is_some());

    assert!(store.search("Sembrando Oport", 10).unwrap().len() == 1);
    assert!(store.search("   ", 10).unwrap().is_empty());
    assert!(store.search("\"unbalanced", 10).is_ok());
}

#[test]
fn edits_are_traced_and_undo_reverts_the_last_one() {
    let mut store = store_with_small_record();
    let id = entry_id_containing(&store, "meet monthly");
    store
        .update_entry(
            id,
            &EntryPatch {
                status: Some(Status::Done),
                date: Some(Some(EntryDate::exact(
                    "2022-01".parse().unwrap(),
                    "January 2022",
                ))),
                ..EntryPatch::default()
            },
        )
        .unwrap();
    let row = store
        .list_entries(&EntryQuery::default())
        .unwrap()
        .into_iter()
        .find(|e| e.id == id)
        .unwrap();
    assert_eq!(row.status, Status::Done);
    let last_two: Vec<String> = store
        .history(None)
        .unwrap()
        .iter()
        .rev()
        .take(2)
        .map(|h| h.field.clone())
        .collect();
    assert_eq!(last_two, ["date", "status"]);

    let undone = store.undo_last().unwrap().unwrap();
    assert!(undone.contains("status"), "{undone}");
    let row = store
        .list_entries(&EntryQuery::default())
        .unwrap()
        .into_iter()
        .find(|e| e.id == id)
        .unwrap();
    assert_eq!(row.status, Status::Planned);
    assert_eq!(row.date.unwrap().cadence.unwrap().as_str(), "monthly");
    assert!(store
        .history(None)
        .unwrap()
        .iter()
        .all(|h| h.field != "date"));
}

#[test]
fn a_deleted_entry_comes_back_with_undo() {
    let mut store = store_with_small_record();
    let before = store.export_json().unwrap();
    let id = entry_id_containing(&store, "letter of intent");
    store.delete_entry(id).unwrap();
    assert!(!store.export_json().unwrap().contains("letter of intent"));
    store.undo_last().unwrap();
    let after = store.export_json().unwrap();
    // The restored entry keeps text, agencies, date and notes, in its old place.
    assert!(after.contains("letter of intent"));
    assert!(after.contains("Welcome the letter of intent."));
    assert_eq!(
        after.find("letter of intent").unwrap() < after.find("virtual trade mission").unwrap(),
        before.find("letter of intent").unwrap() < before.find("virtual trade mission").unwrap()
    );
}

#[test]
fn notes_are_added_searched_and_refused_when_empty() {
    let mut store = store_with_small_record();
    let id = entry_id_containing(&store, "MOU");
    store
        .add_note(
            NoteTarget::Entry(id),
            NoteKind::IfRaised,
            "Say the MOU is on track.",
        )
        .unwrap();
    assert_eq!(store.search("on track", 5).unwrap()[0].entry_id, Some(id));
    let err = store
        .add_note(NoteTarget::Entry(id), NoteKind::IfRaised, "   ")
        .unwrap_err();
    assert_eq!(err.code(), "validation");
    let err = store
        .update_entry(
            id,
            &EntryPatch {
                text: Some("".into()),
                ..EntryPatch::default()
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("empty"));
}

#[test]
fn a_refused_import_leaves_the_record_unchanged() {
    let mut store = store_with_small_record();
    let before = store.export_json().unwrap();
    let mut record = parse_interchange(SMALL).unwrap();
    record.dialogues[0].pillars[0].initiatives[0].entries[0]
        .agencies
        .push("NOPE".into());
    let err = store
        .import_record(&record, &Origin::User, false)
        .unwrap_err();
    assert!(err.to_string().contains("unknown agency 'NOPE'"), "{err}");
    assert_eq!(store.export_json().unwrap(), before);
}

#[test]
fn duplicate_entries_in_one_initiative_are_refused() {
    let doubled = SMALL.replace(
        "\"text\": \"The United States carried out a virtual trade mission on October 25, 2021.\"",
        "\"text\": \"COFEPRIS and USAID have signed a letter of intent in August 2021.\"",
    );
    let err = parse_interchange(&doubled).unwrap_err();
    assert!(err.to_string().contains("duplicate entry"), "{err}");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "this is a text file, not SQLite ".repeat(200)).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert_eq!(err.code(), "incompatible_database");
    assert!(err.to_string().contains("notes.db"), "{err}");
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .starts_with("this is a text file"));
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    match Store::open(&path) {
        Err(StoreError::TooNew { found: 99, .. }) => {}
        Err(other) => panic!("unexpected {other}"),
        Ok(_) => panic!("a newer database was opened"),
    }
}

#[test]
fn a_missing_directory_is_named() {
    let err = Store::open(Path::new("/nonexistent-briefbook-dir/record.db"))
        .err()
        .unwrap();
    assert_eq!(err.code(), "io");
    assert!(
        err.to_string().contains("/nonexistent-briefbook-dir"),
        "{err}"
    );
}

#[test]
fn backup_copies_the_database_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    let mut store = Store::open(&path).unwrap();
    store
        .import_record(&parse_interchange(SMALL).unwrap(), &Origin::User, false)
        .unwrap();
    let copy = dir.path().join("copy.db");
    store.backup_to(&copy).unwrap();
    let reopened = Store::open(&copy).unwrap();
    assert_eq!(
        reopened.export_json().unwrap(),
        store.export_json().unwrap()
    );
    assert_eq!(store.backup_to(&copy).unwrap_err().code(), "conflict");
}

#[test]
fn structure_edits_are_traced_and_undone() {
    use briefbook::model::{Agency, Country};
    let mut store = store_with_small_record();
    let before = store.export_json().unwrap();
    let record = store.load_record().unwrap();
    let pillar = &record.dialogues[0].pillars[1];
    let pillar_id = pillar.id.unwrap();
    let initiative_id = pillar.initiatives[0].id.unwrap();

    store
        .update_pillar(
            pillar_id,
            Some("Southern Mexico and Central America"),
            Some(Some("Sur de México")),
        )
        .unwrap();
    let new_id = store
        .create_initiative(pillar_id, "Energy Transition", Some("Seeks clean energy."))
        .unwrap();
    assert!(store
        .search("energy transition", 5)
        .unwrap()
        .iter()
        .any(|h| h.id == new_id));
    store.delete_initiative(initiative_id).unwrap();
    assert!(!store.export_json().unwrap().contains("Root Causes"));
    let err = store.create_initiative(pillar_id, "  ", None).unwrap_err();
    assert_eq!(err.code(), "validation");

    store
        .save_agency(&Agency {
            id: None,
            name: "Secretaría de Energía".into(),
            name_es: None,
            acronym: Some("SENER".into()),
            country: Country::Mx,
        })
        .unwrap();
    let err = store.delete_agency("USAID").unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert!(err.to_string().contains("named by"), "{err}");
    store.delete_agency("SENER").unwrap();

    // Undo, newest first: agency delete, agency add, initiative delete, add, pillar rename.
    for _ in 0..5 {
        store.undo_last().unwrap().unwrap();
    }
    let after = store.export_json().unwrap();
    assert!(after.contains("Root Causes of Irregular Migration"));
    assert!(after.contains("Sembrando Oportunidades"));
    assert!(!after.contains("Energy Transition"));
    assert!(!after.contains("SENER"));
    assert!(after.contains("Promoting Sustainable Economic and Social Development"));
    assert_eq!(after.len(), before.len());
}
