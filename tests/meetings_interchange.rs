//! Meetings travel in the JSON interchange without loss, are merged by title and date on
//! a second import, and a database of the previous schema takes them after migrating.

use briefbook::interchange::parse_interchange;
use briefbook::model::{Meeting, NoteKind, Origin, Record};
use briefbook::store::{NoteTarget, Store};

const RICH: &str = include_str!("fixtures/meetings/rich-meeting.json");
const SMALL: &str = include_str!("fixtures/small-record.json");

fn record_with_meetings() -> Record {
    let mut record = parse_interchange(SMALL).unwrap();
    let rich: Meeting = serde_json::from_str(RICH).unwrap();
    let mut bare = rich.clone();
    bare.title = "Working group call".into();
    bare.date = briefbook::model::read_date_input("2022-06").unwrap().date;
    bare.objectives.clear();
    bare.agenda.clear();
    bare.participants.clear();
    bare.press_lines.clear();
    bare.notes.clear();
    bare.clearance = None;
    // Stored earliest first, whatever the document's order.
    record.dialogues[0].meetings = vec![rich, bare];
    let entry = &mut record.dialogues[0].pillars[0].initiatives[0].entries[0];
    let mut note = briefbook::model::Note::new(NoteKind::IfRaised, "Is it stalled?");
    note.answer = Some("No: on track.".into());
    note.answer_es = Some("No: avanza.".into());
    entry.notes.push(note);
    record
}

fn export_of(record: &Record) -> String {
    let mut store = Store::open_in_memory().unwrap();
    store.import_record(record, &Origin::User, false).unwrap();
    store.export_json().unwrap()
}

#[test]
fn a_rich_meeting_round_trips_through_export_and_import_byte_for_byte() {
    let first = export_of(&record_with_meetings());
    let second = export_of(&parse_interchange(&first).unwrap());
    assert_eq!(first, second);
    let back = parse_interchange(&first).unwrap();
    let meetings = &back.dialogues[0].meetings;
    assert_eq!(
        meetings
            .iter()
            .map(|m| m.title.as_str())
            .collect::<Vec<_>>(),
        ["Working group call", "HLED ministerial, Washington"],
        "earliest first"
    );
    let rich: Meeting = serde_json::from_str(RICH).unwrap();
    assert_eq!(meetings[1], rich, "every part, as it went in");
    let note = back.dialogues[0].pillars[0].initiatives[0].entries[0]
        .notes
        .iter()
        .find(|n| n.text == "Is it stalled?")
        .expect("the answered note");
    assert_eq!(note.answer.as_deref(), Some("No: on track."));
    assert_eq!(note.answer_es.as_deref(), Some("No: avanza."));
}

#[test]
fn a_second_import_updates_a_meeting_by_title_and_date_instead_of_adding_one() {
    let mut store = Store::open_in_memory().unwrap();
    let mut record = record_with_meetings();
    store.import_record(&record, &Origin::User, false).unwrap();
    let report = store.import_record(&record, &Origin::User, false).unwrap();
    assert!(report.is_noop(), "{:?}", report.lines);
    record.dialogues[0].meetings[0].press_lines.pop();
    let report = store.import_record(&record, &Origin::User, false).unwrap();
    assert_eq!(report.lines.len(), 1, "{:?}", report.lines);
    let loaded = store.load_record().unwrap();
    assert_eq!(loaded.dialogues[0].meetings.len(), 2);
    assert_eq!(loaded.dialogues[0].meetings[1].press_lines.len(), 1);
}

#[test]
fn a_document_with_a_bad_meeting_is_refused_with_its_path() {
    let mut doc: serde_json::Value = serde_json::from_str(SMALL).unwrap();
    let mut meeting: serde_json::Value = serde_json::from_str(RICH).unwrap();
    meeting["participants"][0]["name"] = "".into();
    doc["dialogues"][0]["meetings"] = serde_json::json!([meeting]);
    let err = parse_interchange(&doc.to_string()).unwrap_err().to_string();
    assert!(
        err.contains("dialogues[0].meetings[0].participants[0].name"),
        "{err}"
    );
}

const V1: &str = include_str!("../src/store/migrations/0001_record.sql");
const V2: &str = include_str!("../src/store/migrations/0002_dialogue_entries.sql");

#[test]
fn a_version_2_database_migrates_and_takes_meetings_and_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
        conn.execute_batch(V1).unwrap();
        conn.execute_batch(V2).unwrap();
        conn.execute_batch(
            "INSERT INTO dialogue (id, name, short_name, position) VALUES (1, 'Dialogue', 'D', 0);
             INSERT INTO pillar (id, dialogue_id, number, title) VALUES (1, 1, 1, 'Trade');
             INSERT INTO initiative (id, pillar_id, position, title) VALUES (1, 1, 0, 'Ports');
             INSERT INTO note (id, initiative_id, position, kind, text)
                 VALUES (3, 1, 0, 'background', 'Asked by the minister');
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let record = store.load_record().unwrap();
    let note = &record.dialogues[0].pillars[0].initiatives[0].notes[0];
    assert_eq!(
        (note.text.as_str(), note.answer.as_deref()),
        ("Asked by the minister", None)
    );
    let rich: Meeting = serde_json::from_str(RICH).unwrap();
    let id = store.add_meeting(1, &rich).unwrap();
    let mut answered = briefbook::model::Note::new(NoteKind::IfRaised, "Delays?");
    answered.answer = Some("None expected.".into());
    store
        .add_full_note(NoteTarget::Initiative(1), &answered)
        .unwrap();
    let record = store.load_record().unwrap();
    assert_eq!(record.dialogues[0].meetings[0].id, Some(id));
    assert_eq!(
        record.dialogues[0].pillars[0].initiatives[0].notes[1]
            .answer
            .as_deref(),
        Some("None expected.")
    );
    // Removing the dialogue's meeting takes every part with it.
    store.remove_meeting(id).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    for table in [
        "meeting_objective",
        "agenda_item",
        "participant",
        "press_line",
        "meeting_note",
        "clearance",
    ] {
        let left: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0, "{table}");
    }
}
