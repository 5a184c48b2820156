//! A prose statement with no pillars goes into the record as dialogue-level ("General")
//! entries, and its packet prints them under "General", with no invented pillar.

use briefbook::app::{self, import::ImportInput, open::NewDatabase, packets::ExportRequest};
use briefbook::packet::PacketSpec;

#[test]
fn a_prose_statement_prints_under_general() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let mut store = app::open::init(&db, NewDatabase::Empty, None).unwrap();
    let statement = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/real/state-epcc-joint-statement.txt"
    );
    let parsed = app::import::parse(&ImportInput::File {
        path: statement.into(),
    })
    .unwrap();
    assert!(parsed.record.dialogues[0].pillars.is_empty());
    let general = parsed.record.dialogues[0].entries.len();
    assert!(general >= 2);
    app::import::merge(&mut store, &parsed, false, &mut |_| {}).unwrap();
    let pdf = dir.path().join("general.pdf");
    let request = ExportRequest {
        spec: PacketSpec::default(),
        path: pdf.display().to_string(),
        spec_name: None,
        overwrite: false,
        copies_for: Vec::new(),
    };
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    app::packets::export(
        &mut store,
        &request,
        day,
        "2026-11-30T00:00:00Z",
        &mut |_| {},
    )
    .unwrap();
    let doc = lopdf::Document::load(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc
        .extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("General"), "{text}");
    assert!(text.contains("semiconductor supply chain"), "{text}");
    assert!(
        !text.contains("Untitled") && !text.contains("Pillar 0") && !text.contains("Pillar I "),
        "{text}"
    );
}
