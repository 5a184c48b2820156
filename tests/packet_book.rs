//! A meeting's briefing book, read back from the PDF: the book's order (scope note
//! before the contents, schedule, both delegations, issue papers that lead with the
//! points to make, press lines, clearance last), dialogues chosen by name, the Spanish
//! book's content and its English fallbacks (marked "[EN]" and tagged `/Lang`).

mod common;
#[path = "pdf_tagged/reader.rs"]
#[allow(dead_code)]
mod reader;
#[path = "packet_book/support.rs"]
mod support;

use briefbook::model::{Dialogue, Record};
use briefbook::packet::{assemble, PacketError, PacketSpec};
use briefbook::render::render_pdf;
use common::{all_text, load};
use support::{book, record_with_meeting};

fn text_of(packet: &briefbook::packet::Packet) -> String {
    all_text(&load(&render_pdf(packet).expect("renders").bytes))
}

fn at(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("'{needle}' not in the book: {text}"))
}

#[test]
fn meeting_book_has_scope_before_contents_then_schedule_participants_papers_press_annexes() {
    let text = text_of(&book(""));
    let scope = at(&text, "takes stock of the first year");
    let contents = at(&text, "Contents");
    assert!(scope < contents, "the scope note comes before the contents");
    let schedule = at(&text, "Schedule Time (UTC–04:00) Item Place / lead");
    // The agenda is in time order: arrival (09:30) before the plenary (10:15).
    let arrival = at(&text, "09:30–10:00 Arrival and welcome");
    let plenary = at(&text, "10:15–11:30 Plenary: supply chains");
    assert!(contents < schedule && schedule < arrival && arrival < plenary);
    let ours = at(&text, "Participants Our delegation");
    let smith = at(&text, "Secretary of Commerce, DOC — Head of delegation");
    let theirs = text.rfind("Counterpart delegation").unwrap();
    let ruiz = at(&text, "Ana Ruiz");
    assert!(plenary < ours && ours < smith && smith < theirs && theirs < ruiz);
    let points = at(&text, "POINTS TO MAKE");
    let background = at(&text, "BACKGROUND");
    let entry = at(&text, "The Working Group intends to");
    assert!(ruiz < points && points < background && background < entry);
    assert!(at(&text, "OBJECTIVE") < points && points < at(&text, "IF RAISED"));
    assert!(text.contains("Q: Why no list of sectors yet?"), "{text}");
    assert!(text.contains("A: We are consulting stakeholders first."));
    let press = at(&text, "Press lines Lines to take");
    assert!(entry < press);
    // The initiative's press note moved to the press lines, after the meeting's own.
    assert!(at(&text, "Supply chains are stronger together.") > press);
    let answer = at(&text, "A: The dialogue covers the four pillars");
    let overview = text.rfind("Overview").unwrap();
    let cleared = text.rfind("Drafted and cleared").unwrap();
    assert!(press < answer && answer < overview && overview < cleared);
    assert!(text.contains("Cleared by: Deputy Assistant Secretary; Legal Adviser"));
    // The cover: meeting, kind, date in its local time, place, both delegations.
    assert!(text.contains(
        "Ministerial meeting · September 12, 2022, 09:30 (UTC–04:00) · Washington, D.C."
    ));
    assert!(text.contains("Counterpart delegation: Secretary of Economy and delegation"));
    assert!(text.contains("SENSITIVE BUT UNCLASSIFIED"));
}

#[test]
fn issue_paper_is_proper_lists_and_entry_notes_print_under_their_entry() {
    let reader = reader::Tagged::read(&render_pdf(&book("")).unwrap().bytes);
    let items: Vec<String> = reader.with_role("LI").map(|i| reader.text_of(i)).collect();
    assert!(
        items
            .iter()
            .any(|t| t == "• Welcome the progress of the working group."),
        "{items:?}"
    );
    let entry = items
        .iter()
        .find(|t| t.contains("The Working Group intends to"))
        .expect("the entry is a list item");
    assert!(
        entry.contains("Background • Set up at the 2021 relaunch."),
        "{entry}"
    );
    let h3: Vec<String> = reader
        .headings()
        .into_iter()
        .filter(|(l, _)| *l == 3)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        h3,
        ["OBJECTIVE", "POINTS TO MAKE", "IF RAISED", "BACKGROUND"]
    );
}

#[test]
fn without_a_meeting_the_record_packet_stays() {
    let spec = PacketSpec::from_json(r#"{"prepared_on":"2022-09-05"}"#).unwrap();
    let packet = assemble(&spec, &record_with_meeting(), &[]).unwrap();
    assert!(packet.book.is_none());
    let text = text_of(&packet);
    assert!(text.contains("Briefing packet"));
    assert!(!text.contains("Schedule") && !text.contains("Participants"));
    assert!(text.find("Contents").unwrap() < text.find("Overview").unwrap());
}

#[test]
fn unknown_and_ambiguous_meetings_are_refused_naming_them() {
    let record = record_with_meeting();
    let spec = PacketSpec::from_json(r#"{"meeting":"HLED 2099"}"#).unwrap();
    let err = assemble(&spec, &record, &[]).unwrap_err().to_string();
    assert!(
        err.contains("'HLED 2099'") && err.contains("HLED Ministerial 2022"),
        "{err}"
    );
    let mut twice = record.clone();
    let mut copy = twice.dialogues[0].meetings[0].clone();
    copy.date.text = "September 13, 2022".into();
    twice.dialogues[0].meetings.push(copy);
    let spec = PacketSpec::from_json(r#"{"meeting":"hled ministerial 2022"}"#).unwrap();
    let err = assemble(&spec, &twice, &[]).unwrap_err();
    assert!(matches!(err, PacketError::AmbiguousMeeting { .. }));
    let err = err.to_string();
    assert!(
        err.contains("September 12, 2022") && err.contains("September 13, 2022"),
        "{err}"
    );
}

fn two_dialogues() -> Record {
    let mut record = record_with_meeting();
    let mut other: Dialogue = record.dialogues[0].clone();
    other.name = "U.S.-Canada Trade Dialogue".into();
    other.name_es = None;
    other.short_name = "USCTD".into();
    other.meetings.clear();
    other.pillars.truncate(1);
    other.pillars[0].initiatives.truncate(1);
    other.pillars[0].initiatives[0].title = "Critical Minerals Partnership".into();
    other.pillars[0].initiatives[0].entries.truncate(1);
    other.pillars[0].initiatives[0].entries[0].text =
        "Both governments intend to map critical mineral deposits.".into();
    record.dialogues.push(other);
    record
}

#[test]
fn with_several_dialogues_a_packet_names_one_and_holds_only_its_entries() {
    let record = two_dialogues();
    let err = assemble(&PacketSpec::default(), &record, &[])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("several dialogues") && err.contains("HLED") && err.contains("USCTD"),
        "{err}"
    );
    let spec = PacketSpec::from_json(r#"{"dialogue":"usctd"}"#).unwrap();
    let text = text_of(&assemble(&spec, &record, &[]).unwrap());
    assert!(text.contains("map critical mineral deposits"), "{text}");
    assert!(text.contains("U.S.-Canada Trade Dialogue"));
    assert!(!text.contains("Medical Devices") && !text.contains("Sembrando"));
    let spec = PacketSpec::from_json(r#"{"dialogue":"Nowhere"}"#).unwrap();
    let err = assemble(&spec, &record, &[]).unwrap_err().to_string();
    assert!(err.contains("'Nowhere'") && err.contains("USCTD"), "{err}");
}

#[test]
fn spanish_book_uses_spanish_content_and_marks_and_tags_english_fallbacks() {
    let packet = book(r#","lang":"es""#);
    assert!(packet.translation.fallback > 0 && packet.translation.translated > 0);
    let rendered = render_pdf(&packet).unwrap();
    let text = all_text(&load(&rendered.bytes));
    for spanish in [
        "Libro de información",
        "Reunión ministerial del DEAN 2022",
        "Diálogo Económico de Alto Nivel México-Estados Unidos",
        "hace balance del primer año",
        "Plenaria: cadenas de suministro",
        "Economista; secretaria desde 2022.",
        "Programa",
        "Participantes",
        "PUNTOS A DESTACAR",
        "12 de septiembre de 2022",
    ] {
        assert!(text.contains(spanish), "'{spanish}' missing: {text}");
    }
    // A text with no Spanish version: printed in English, marked.
    assert!(
        text.contains("Arrival and welcome [EN]"),
        "an untranslated agenda item is marked: {text}"
    );
    assert!(text.contains("Welcome the progress of the working group. [EN]"));
    assert!(text.contains("aparecen en inglés, marcados [EN]"));
    // The tagged PDF says which elements are English.
    let tagged = reader::Tagged::read(&rendered.bytes);
    let english: Vec<String> = (0..tagged.elems.len())
        .filter(|i| {
            tagged.elems[*i].id.is_some_and(|id| {
                tagged
                    .doc
                    .get_dictionary(id)
                    .ok()
                    .and_then(|d| d.get(b"Lang").ok())
                    .and_then(|l| l.as_str().ok())
                    == Some(b"en-US".as_slice())
            })
        })
        .map(|i| tagged.text_of(i))
        .collect();
    assert!(
        english
            .iter()
            .any(|t| t.contains("Welcome the progress of the working group.")),
        "{english:?}"
    );
    assert!(
        !english.iter().any(|t| t.contains("Plenaria")),
        "translated texts are not tagged English"
    );
}

#[test]
fn english_book_has_no_fallback_marks_and_draws_every_character() {
    let packet = book("");
    assert_eq!(packet.translation.fallback, 0);
    let rendered = render_pdf(&packet).unwrap();
    assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    assert!(!all_text(&load(&rendered.bytes)).contains("[EN]"));
}

/// Writes the built-in record's book for a meeting, in English and Spanish, to the
/// folder `BOOK_OUT` names, for looking at the pages (`pdftoppm -png -r 60`).
#[test]
#[ignore = "writes files for review; run with BOOK_OUT=dir"]
fn write_books_for_review() {
    let Ok(out) = std::env::var("BOOK_OUT") else {
        return;
    };
    for lang in ["en", "es"] {
        let spec = PacketSpec::from_json(&format!(
            r#"{{"meeting":"HLED Ministerial 2022","prepared_on":"2022-09-05","lang":"{lang}",
                "marking":"SENSITIVE BUT UNCLASSIFIED","changes_since":"2022-01-01"}}"#
        ))
        .unwrap();
        let packet = assemble(&spec, &support::builtin_with_meeting(), &[]).unwrap();
        let rendered = render_pdf(&packet).unwrap();
        std::fs::write(format!("{out}/book-{lang}.pdf"), &rendered.bytes).unwrap();
    }
}
