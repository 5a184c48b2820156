//! The fixture record with a meeting and briefing notes, and helpers to render it.

use briefbook::model::{Meeting, Note, NoteKind, Record};
use briefbook::packet::{assemble, Packet, PacketSpec};

pub fn record_with_meeting() -> Record {
    let record: Record =
        serde_json::from_str(include_str!("../fixtures/hled-mini.json")).expect("fixture");
    with_meeting(record)
}

/// The built-in record (the whole fact sheet) with the same meeting and notes.
pub fn builtin_with_meeting() -> Record {
    with_meeting(briefbook::import::builtin_record().record)
}

fn with_meeting(mut record: Record) -> Record {
    let meeting: Meeting =
        serde_json::from_str(include_str!("../fixtures/meeting-2022.json")).expect("meeting");
    let dialogue = &mut record.dialogues[0];
    dialogue.meetings.push(meeting);
    let initiative = &mut dialogue.pillars[0].initiatives[0];
    initiative.notes = vec![
        Note::new(NoteKind::Objective, "A work plan with dates."),
        Note::new(
            NoteKind::PointsToMake,
            "Welcome the progress of the working group.",
        ),
        Note::new(
            NoteKind::PointsToMake,
            "Propose a first list of critical sectors.",
        ),
        Note {
            answer: Some("We are consulting stakeholders first.".into()),
            ..Note::new(NoteKind::IfRaised, "Why no list of sectors yet?")
        },
        Note::new(NoteKind::Background, "The working group met twice in 2022."),
        Note::new(NoteKind::Press, "Supply chains are stronger together."),
    ];
    initiative.entries[0].notes.push(Note::new(
        NoteKind::Background,
        "Set up at the 2021 relaunch.",
    ));
    record
}

pub fn book(extra: &str) -> Packet {
    let spec = PacketSpec::from_json(&format!(
        r#"{{"meeting":"HLED Ministerial 2022","prepared_on":"2022-09-05",
            "marking":"SENSITIVE BUT UNCLASSIFIED"{extra}}}"#
    ))
    .expect("spec");
    assemble(&spec, &record_with_meeting(), &[]).expect("assembles")
}
