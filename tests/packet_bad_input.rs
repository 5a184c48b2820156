//! Bad input is refused with a clear message, or rendered without loss.
mod common;
use briefbook::fsio::{write_file, WriteError, WriteOptions};
use briefbook::model::{Entry, EntryKind, Status};
use briefbook::packet::{assemble, PacketError};

fn write_atomic(
    path: &std::path::Path,
    bytes: &[u8],
    replace: bool,
) -> Result<std::path::PathBuf, WriteError> {
    write_file(path, bytes, WriteOptions::shared().replacing(replace))
}
use briefbook::render::render_pdf;
use common::*;

#[test]
fn empty_selection_is_refused_with_the_filters_named() {
    let err = assemble(
        &spec(r#"{"filters":{"query":"quantum teleportation"}}"#),
        &record(),
        &[],
    )
    .unwrap_err();
    assert!(matches!(err, PacketError::EmptySelection { .. }));
    let message = err.to_string();
    assert!(message.contains("quantum teleportation"), "{message}");
    assert!(message.contains("no entry matches"), "{message}");
}

#[test]
fn reversed_date_range_is_refused() {
    let spec = briefbook::packet::PacketSpec {
        filters: briefbook::packet::Filters {
            from: Some("2022-01".into()),
            to: Some("2021-06".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    let err = assemble(&spec, &record(), &[]).unwrap_err().to_string();
    assert!(
        err.contains("reversed") && err.contains("2022-01") && err.contains("2021-06"),
        "{err}"
    );
}

#[test]
fn unknown_pillar_is_named_with_the_existing_ones() {
    let err = assemble(&spec(r#"{"filters":{"pillars":[7]}}"#), &record(), &[])
        .unwrap_err()
        .to_string();
    assert!(err.contains("VII (7)"), "{err}");
    assert!(err.contains("I (1), II (2), III (3), IV (4)"), "{err}");
}

#[test]
fn missing_or_unwritable_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder").join("p.pdf");
    let err = write_atomic(&missing, b"%PDF", false).unwrap_err();
    assert!(matches!(err, WriteError::MissingDir { .. }));
    assert!(err.to_string().contains("no-such-folder"), "{err}");
    // A "folder" that is a file cannot hold the packet either.
    let file = dir.path().join("plain-file");
    std::fs::write(&file, b"x").unwrap();
    let err = write_atomic(&file.join("p.pdf"), b"%PDF", false).unwrap_err();
    assert!(err.to_string().contains("plain-file"), "{err}");
}

#[test]
fn existing_file_is_not_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("packet.pdf");
    std::fs::write(&path, b"old").unwrap();
    let err = write_atomic(&path, b"new", false).unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
    assert!(
        !err.to_string().contains("--"),
        "the core names no flag: {err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"old");
    write_atomic(&path, b"new", true).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"new");
}

fn record_with_entry(text: String) -> briefbook::model::Record {
    let mut record = record();
    let initiative = &mut record.dialogues[0].pillars[3].initiatives[0];
    initiative.entries.push(Entry {
        id: None,
        kind: EntryKind::Activity,
        text,
        text_es: None,
        status: Status::InProgress,
        status_phrase: None,
        date: None,
        other_dates: Vec::new(),
        agencies: vec!["USPTO".into()],
        source: None,
        notes: Vec::new(),
    });
    record
}

#[test]
fn a_10000_character_entry_flows_over_pages_without_loss() {
    let words: Vec<String> = (0..1200).map(|i| format!("word{i}")).collect();
    let mut text = words.join(" ");
    text.truncate(10_000);
    let last = text.split_whitespace().last().unwrap().to_string();
    let packet = assemble(
        &spec(r#"{"filters":{"pillars":[4]}}"#),
        &record_with_entry(text),
        &[],
    )
    .unwrap();
    let rendered = render_pdf(&packet).unwrap();
    assert!(rendered.pages >= 8, "{} pages", rendered.pages);
    let extracted = all_text(&load(&rendered.bytes));
    assert!(extracted.contains("word0 word1 word2"), "start kept");
    assert!(extracted.contains(&last), "end kept: {last}");
}

#[test]
fn a_300_character_word_is_broken_and_kept_whole() {
    let word = "Pneumono".repeat(38)[..300].to_string();
    let packet = assemble(
        &spec(r#"{"filters":{"pillars":[4]}}"#),
        &record_with_entry(format!("Before {word} after.")),
        &[],
    )
    .unwrap();
    let rendered = render_pdf(&packet).unwrap();
    let extracted: String = page_texts(&load(&rendered.bytes))
        .concat()
        .split_whitespace()
        .collect();
    assert!(
        extracted.contains(&word),
        "the word survives, broken over lines"
    );
}

#[test]
fn characters_the_font_lacks_are_substituted_visibly_with_a_warning() {
    let packet = assemble(
        &spec(r#"{"filters":{"pillars":[4]}}"#),
        &record_with_entry("Meeting in 東京 😀 confirmed.".into()),
        &[],
    )
    .unwrap();
    let rendered = render_pdf(&packet).unwrap();
    assert_eq!(rendered.warnings.len(), 3, "{:?}", rendered.warnings);
    assert!(
        rendered
            .warnings
            .iter()
            .any(|w| w.contains("'東' (U+6771)")),
        "{:?}",
        rendered.warnings
    );
    let text = all_text(&load(&rendered.bytes));
    assert!(
        text.contains("Meeting in [U+6771][U+4EAC] [U+1F600] confirmed."),
        "{text}"
    );
}
