//! Dialogue-level entries ("General"): statements that belong to no pillar travel through
//! import, export, list, search, history, edits, undo and the packet.

use briefbook::interchange::parse_interchange;
use briefbook::model::{Entry, EntryDate, EntryKind, Filters, Note, NoteKind, Origin, Status};
use briefbook::packet::{assemble, PacketSpec};
use briefbook::store::{EntryPatch, EntryQuery, Store};

const SMALL: &str = include_str!("fixtures/small-record.json");

fn general_entry(text: &str, edtf: &str, agencies: &[&str]) -> Entry {
    Entry {
        id: None,
        kind: EntryKind::Meeting,
        text: text.into(),
        text_es: None,
        status: Status::Done,
        status_phrase: Some("met".into()),
        date: Some(EntryDate::exact(edtf.parse().unwrap(), edtf)),
        other_dates: vec![],
        agencies: agencies.iter().map(|a| a.to_string()).collect(),
        source: None,
        notes: vec![],
    }
}

fn store_with_general_entries() -> Store {
    let mut record = parse_interchange(SMALL).unwrap();
    let mut relaunch = general_entry(
        "The United States and Mexico relaunched the dialogue in Mexico City.",
        "2021-09-09",
        &["USAID"],
    );
    relaunch.notes.push(Note::new(
        NoteKind::Background,
        "Relaunch after a four-year pause.",
    ));
    record.dialogues[0].entries = vec![
        relaunch,
        general_entry("Cabinet members met again in Washington.", "2022-09", &[]),
    ];
    let mut store = Store::open_in_memory().unwrap();
    store.import_record(&record, &Origin::User, false).unwrap();
    store
}

fn query(filters: Filters) -> EntryQuery {
    EntryQuery {
        filters,
        ..EntryQuery::default()
    }
}

#[test]
fn general_entries_survive_export_and_import_byte_for_byte() {
    let store = store_with_general_entries();
    let first = store.export_json().unwrap();
    let record = parse_interchange(&first).unwrap();
    assert_eq!(record.dialogues[0].entries.len(), 2);
    assert_eq!(record.dialogues[0].entries[0].notes.len(), 1);
    let mut fresh = Store::open_in_memory().unwrap();
    fresh.import_record(&record, &Origin::User, false).unwrap();
    assert_eq!(fresh.export_json().unwrap(), first);
    // A second import of the same document adds nothing.
    let report = fresh.import_record(&record, &Origin::User, false).unwrap();
    assert_eq!(report.added_entries, 0);
}

#[test]
fn lists_show_general_first_and_a_pillar_filter_without_0_leaves_it_out() {
    let store = store_with_general_entries();
    let all = store.list_entries(&EntryQuery::default()).unwrap();
    assert_eq!(all.len(), 7);
    assert_eq!(all[0].pillar_number, 0);
    assert_eq!(all[0].pillar_title, "General");
    assert_eq!(all[0].initiative_id, None);
    assert_eq!(all[1].pillar_number, 0);
    assert_eq!(all[2].pillar_number, 1);

    let pillar_two = store
        .list_entries(&query(Filters {
            pillars: vec![2],
            ..Filters::default()
        }))
        .unwrap();
    assert!(pillar_two.iter().all(|r| r.pillar_number == 2));
    let general = store
        .list_entries(&query(Filters {
            pillars: vec![0],
            ..Filters::default()
        }))
        .unwrap();
    assert_eq!(general.len(), 2);

    // Paging runs across General and the pillars.
    let page = store
        .list_entries(&EntryQuery {
            limit: Some(2),
            offset: 1,
            ..EntryQuery::default()
        })
        .unwrap();
    assert_eq!(
        page.iter().map(|r| r.id).collect::<Vec<_>>(),
        [all[1].id, all[2].id]
    );

    let by_date = store
        .list_entries(&EntryQuery {
            chronological: true,
            filters: Filters {
                from: Some("2022".into()),
                include_undated: false,
                ..Filters::default()
            },
            ..EntryQuery::default()
        })
        .unwrap();
    assert!(by_date.iter().any(|r| r.text.contains("Washington")));
}

#[test]
fn search_and_history_name_general_entries_as_general() {
    let store = store_with_general_entries();
    let hits = store.search("relaunched", 5).unwrap();
    assert_eq!(hits[0].pillar_number, 0);
    assert_eq!(hits[0].initiative_title, "General");
    assert_eq!(hits[0].initiative_id, None);
    let note = store.search("pause", 5).unwrap();
    assert_eq!(note[0].kind, "note");
    assert_eq!(note[0].initiative_title, "General");
    let history = store.history(None).unwrap();
    let created = history
        .iter()
        .find(|e| e.entity == "entry" && e.context.contains("Washington"))
        .unwrap();
    assert!(
        created.context.starts_with("General › "),
        "{}",
        created.context
    );
    assert_eq!(created.pillar, Some(0));
}

#[test]
fn general_entries_can_be_edited_deleted_and_restored() {
    let mut store = store_with_general_entries();
    let before = store.export_json().unwrap();
    let id = store.list_entries(&EntryQuery::default()).unwrap()[0].id;
    store
        .update_entry(
            id,
            &EntryPatch {
                status: Some(Status::InProgress),
                text: Some("The dialogue was relaunched.".into()),
                ..EntryPatch::default()
            },
        )
        .unwrap();
    assert!(store
        .export_json()
        .unwrap()
        .contains("The dialogue was relaunched."));
    store.undo_last().unwrap();
    assert_eq!(store.export_json().unwrap(), before);
    store.delete_entry(id).unwrap();
    assert_eq!(store.load_record().unwrap().dialogues[0].entries.len(), 1);
    store.undo_last().unwrap();
    assert_eq!(store.export_json().unwrap(), before);
}

#[test]
fn the_packet_puts_general_first_as_pillar_0_unless_the_pillars_leave_it_out() {
    let store = store_with_general_entries();
    let record = store.load_record().unwrap();
    let packet = assemble(&PacketSpec::default(), &record, &[]).unwrap();
    assert_eq!(packet.pillars[0].number, 0);
    assert_eq!(packet.pillars[0].title, "General");
    assert_eq!(packet.pillars[0].entries.len(), 2);
    assert!(packet.pillars[0].initiatives.is_empty());
    assert_eq!(packet.pillars[1].number, 1);
    assert_eq!(packet.overview.by_pillar[0].number, 0);

    let spanish: PacketSpec = PacketSpec::from_json(r#"{"lang":"es"}"#).unwrap();
    let packet = assemble(&spanish, &record, &[]).unwrap();
    assert_eq!(packet.pillars[0].title, "General");

    let only_one = PacketSpec::from_json(r#"{"filters":{"pillars":[1]}}"#).unwrap();
    let packet = assemble(&only_one, &record, &[]).unwrap();
    assert!(packet.pillars.iter().all(|p| p.number == 1));
    let general_only = PacketSpec::from_json(r#"{"filters":{"pillars":[0]}}"#).unwrap();
    let packet = assemble(&general_only, &record, &[]).unwrap();
    assert_eq!(packet.pillars.len(), 1);
    assert_eq!(packet.pillars[0].number, 0);
}

#[test]
fn an_interchange_document_with_capitalised_values_imports_and_exports_canonically() {
    let shouted = SMALL
        .replace("\"country\": \"us\"", "\"country\": \"US\"")
        .replace("\"status\": \"done\"", "\"status\": \"Done\"")
        .replace("\"kind\": \"milestone\"", "\"kind\": \"MILESTONE\"");
    assert_ne!(shouted, SMALL);
    let mut quiet = Store::open_in_memory().unwrap();
    quiet
        .import_record(&parse_interchange(SMALL).unwrap(), &Origin::User, false)
        .unwrap();
    let mut loud = Store::open_in_memory().unwrap();
    loud.import_record(&parse_interchange(&shouted).unwrap(), &Origin::User, false)
        .unwrap();
    assert_eq!(loud.export_json().unwrap(), quiet.export_json().unwrap());
}
