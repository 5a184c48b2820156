use super::*;
use crate::app::ErrorCode;
use crate::model::{AgendaItem, Participant, Side};

use crate::builtin::seeded_store as seeded;

fn new(title: &str, date: &str) -> NewMeeting {
    NewMeeting {
        title: title.into(),
        date: date.into(),
        place: Some("Washington, D.C.".into()),
        ..NewMeeting::default()
    }
}

fn rich(store: &mut Store) -> Id {
    let id = add(store, None, &new("HLED ministerial", "2022-09-12")).unwrap();
    let (_, mut meeting) = store.meeting(id).unwrap();
    meeting.scope_note = Some("Second year of the relaunched dialogue.".into());
    meeting.agenda.push(AgendaItem {
        id: None,
        starts: Some(read_date_input("2022-09-12T09:30:00-05:00").unwrap().date),
        ends: Some(read_date_input("2022-09-12T10:00:00-05:00").unwrap().date),
        item: "Opening remarks".into(),
        item_es: Some("Palabras de apertura".into()),
        place: None,
        lead: Some("Secretary Raimondo".into()),
        pillars: vec![1, 2],
        initiatives: vec![],
    });
    meeting.participants.push(Participant {
        id: None,
        name: "Gina Raimondo".into(),
        title: Some("Secretary of Commerce".into()),
        organisation: Some("DOC".into()),
        side: Side::Ours,
        role: Some("Head of delegation".into()),
        bio: None,
        bio_es: None,
    });
    import_meeting(store, meeting, None, Some(id)).unwrap();
    id
}

#[test]
fn a_meeting_is_added_listed_shown_and_removed_then_undone() {
    let mut store = seeded();
    let id = rich(&mut store);
    let rows = list(&store, None).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].agenda_items, 1);
    assert_eq!(rows[0].dialogue, "HLED");
    let shown = show(&store, id).unwrap();
    assert_eq!(shown.participants[0].name, "Gina Raimondo");
    assert_eq!(find(&store, None, "hled MINISTERIAL").unwrap(), id);
    assert_eq!(find(&store, None, &id.to_string()).unwrap(), id);
    remove(&mut store, id).unwrap();
    assert!(list(&store, None).unwrap().is_empty());
    store.undo_last().unwrap();
    assert_eq!(
        show(&store, id).unwrap(),
        shown,
        "undo puts the meeting back whole"
    );
}

#[test]
fn replacing_the_parts_is_undone_to_the_parts_before() {
    let mut store = seeded();
    let id = rich(&mut store);
    let before = show(&store, id).unwrap();
    let mut changed = before.clone();
    changed.agenda.clear();
    changed.place = Some("Mexico City".into());
    let outcome = import_meeting(&mut store, changed, None, Some(id)).unwrap();
    assert!(outcome.changed && !outcome.created);
    assert!(show(&store, id).unwrap().agenda.is_empty());
    store.undo_last().unwrap();
    assert_eq!(show(&store, id).unwrap(), before);
}

#[test]
fn a_title_that_matches_two_meetings_lists_both_with_ids_and_dates() {
    let mut store = seeded();
    let first = add(&mut store, None, &new("HLED ministerial", "2022-09-12")).unwrap();
    let second = add(&mut store, None, &new("HLED ministerial", "2023-09-28")).unwrap();
    let err = find(&store, None, "hled ministerial").unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    for expected in [
        format!("id {first}"),
        format!("id {second}"),
        "2022-09-12".to_string(),
        "2023-09-28".to_string(),
    ] {
        assert!(err.message.contains(&expected), "{}", err.message);
    }
    let unknown = find(&store, None, "trade mission").unwrap_err();
    assert_eq!(unknown.code, ErrorCode::NotFound);
}

#[test]
fn bad_meetings_are_refused_and_nothing_is_stored() {
    let mut store = seeded();
    let err = add(&mut store, None, &new("  ", "2022-09-12")).unwrap_err();
    assert!(err.message.contains("title"), "{}", err.message);
    let err = add(&mut store, None, &new("Ministerial", "someday")).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let err = add(&mut store, Some("Nowhere"), &new("M", "2022-09-12")).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);

    let id = add(&mut store, None, &new("Ministerial", "2022-09-12")).unwrap();
    let before = show(&store, id).unwrap();
    let nameless = r#"{"title":"Ministerial","date":{"edtf":"2022-09-12","text":"2022-09-12","cadence":null},
        "participants":[{"name":" ","side":"ours"}]}"#;
    let err = parse_document(nameless, "m.json").unwrap_err();
    assert!(
        err.message.contains("participants[0].name") && err.message.contains("m.json"),
        "{}",
        err.message
    );
    let reversed = r#"{"title":"Ministerial","date":{"edtf":"2022-09-12","text":"2022-09-12","cadence":null},
        "agenda":[{"item":"Lunch","starts":{"edtf":"2022-09-12T13:00:00-05:00","text":"13:00","cadence":null},
                   "ends":{"edtf":"2022-09-12T12:00:00-05:00","text":"12:00","cadence":null}}]}"#;
    let err = parse_document(reversed, "m.json").unwrap_err();
    assert!(
        err.message
            .contains("ends (12:00) before it starts (13:00)"),
        "{}",
        err.message
    );
    // The store refuses the same meeting even when the app's check is skipped.
    let meeting: Meeting = serde_json::from_str(reversed).unwrap();
    assert!(store.replace_meeting(id, &meeting).is_err());
    assert_eq!(show(&store, id).unwrap(), before);
}

#[test]
fn notes_for_a_meeting_become_objectives_press_lines_and_notes() {
    let mut store = seeded();
    let id = add(&mut store, None, &new("Ministerial", "2022-09-12")).unwrap();
    let objective = add_note(
        &mut store,
        id,
        NoteKind::Objective,
        "Agree a work plan",
        None,
    )
    .unwrap();
    assert_eq!(objective.part, MeetingPart::Objective);
    add_note(
        &mut store,
        id,
        NoteKind::Press,
        "Will tariffs rise?",
        Some("No."),
    )
    .unwrap();
    add_note(
        &mut store,
        id,
        NoteKind::PointsToMake,
        "Thank the hosts",
        None,
    )
    .unwrap();
    let m = show(&store, id).unwrap();
    assert_eq!(m.objectives[0].text, "Agree a work plan");
    assert_eq!(m.press_lines[0].answer.as_deref(), Some("No."));
    assert_eq!(m.notes[0].kind, NoteKind::PointsToMake);
    assert!(add_note(&mut store, id, NoteKind::Objective, "x", Some("y")).is_err());
    assert_eq!(
        add_note(&mut store, 999_999, NoteKind::Background, "x", None)
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    remove_part(&mut store, MeetingPart::Objective, objective.id).unwrap();
    assert!(show(&store, id).unwrap().objectives.is_empty());
    store.undo_last().unwrap();
    assert_eq!(show(&store, id).unwrap().objectives.len(), 1);
}

#[test]
fn exported_json_imports_back_as_the_same_meeting() {
    let mut store = seeded();
    let id = rich(&mut store);
    let json = export_json(&store, id).unwrap();
    let parsed = parse_document(&json, "m.json").unwrap();
    assert_eq!(
        parsed,
        crate::store::meeting_without_ids(&show(&store, id).unwrap())
    );
    let again = import_meeting(&mut store, parsed, None, None).unwrap();
    assert_eq!(again.id, id, "the same title rewrites the same meeting");
    assert!(!again.changed);
}
