//! Tests of packets: summaries, export, numbered copies, saved specs.
use super::*;
use crate::app::ErrorCode;

use crate::builtin::seeded_store as seeded;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn pillar_ii() -> PacketSpec {
    let mut spec = PacketSpec::default();
    spec.filters.pillars = vec![2];
    spec
}

#[test]
fn summary_for_pillar_ii_counts_only_its_initiatives() {
    let store = seeded();
    let summary = summary(&store, &pillar_ii(), day()).unwrap();
    assert_eq!(summary.pillars.len(), 1);
    assert_eq!(summary.pillars[0].number, 2);
    assert!(summary.entries > 0 && summary.left_out > 0);
    assert!(summary.pages >= 1);
}

#[test]
fn a_blank_prepared_date_becomes_today() {
    let store = seeded();
    let mut spec = pillar_ii();
    spec.prepared_on = Some("  ".into());
    let spec = complete_spec(&store, &spec, day()).unwrap();
    assert_eq!(spec.prepared_on.as_deref(), Some("2026-11-28"));
}

#[test]
fn export_writes_the_pdf_records_the_render_and_keeps_a_file_unless_told() {
    let mut store = seeded();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pillar-ii.pdf");
    let mut request = ExportRequest {
        spec: pillar_ii(),
        path: path.display().to_string(),
        spec_name: Some("ii".into()),
        overwrite: false,
        copies_for: Vec::new(),
    };
    let mut steps = Vec::new();
    let result = export(
        &mut store,
        &request,
        day(),
        "2026-11-28T02:00:00Z",
        &mut |p| steps.push(p.done),
    )
    .unwrap();
    assert!(result.pages >= 1);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), result.bytes as u64);
    assert_eq!(steps.last(), Some(&3));
    assert_eq!(
        last_packet_day(&store).unwrap().as_deref(),
        Some("2026-11-28")
    );
    let again = export(&mut store, &request, day(), "x", &mut |_| {}).unwrap_err();
    assert_eq!(again.code, ErrorCode::Conflict);
    assert!(!again.message.contains("--"), "{}", again.message);
    request.overwrite = true;
    export(&mut store, &request, day(), "x", &mut |_| {}).unwrap();
}

#[test]
fn export_refuses_a_name_without_pdf() {
    let mut store = seeded();
    let request = ExportRequest {
        spec: PacketSpec::default(),
        path: "/tmp/packet.txt".into(),
        spec_name: None,
        overwrite: true,
        copies_for: Vec::new(),
    };
    let err = export(&mut store, &request, day(), "x", &mut |_| {}).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("packet.txt"));
}

#[test]
fn numbered_copies_are_one_file_per_recipient_marked_on_every_page() {
    let mut store = seeded();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.pdf");
    let request = ExportRequest {
        spec: pillar_ii(),
        path: path.display().to_string(),
        spec_name: None,
        overwrite: false,
        copies_for: vec!["Ambassador Ruiz".into(), "../../etc/Deputy Chief".into()],
    };
    let result = export(&mut store, &request, day(), "x", &mut |_| {}).unwrap();
    assert_eq!(result.copies.len(), 2);
    assert!(
        result.copies[0].ends_with("book-1-ambassador-ruiz.pdf"),
        "{:?}",
        result.copies
    );
    assert!(
        result.copies[1].ends_with("book-2-etc-deputy-chief.pdf"),
        "{:?}",
        result.copies
    );
    for (k, copy) in result.copies.iter().enumerate() {
        let doc = lopdf::Document::load(copy).unwrap();
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        for page in &pages {
            let text = doc.extract_text(&[*page]).unwrap();
            assert!(
                text.contains(&format!("Copy {} of 2", k + 1)),
                "page {page}: {text}"
            );
        }
    }
    assert!(!path.exists(), "only the numbered copies are written");
}

#[test]
fn bad_recipients_are_refused_before_anything_is_written() {
    assert!(check_recipients(&["  ".into()])
        .unwrap_err()
        .message
        .contains("empty"));
    assert!(check_recipients(&["/..//".into()]).is_err());
    let crowd: Vec<String> = (0..500).map(|i| format!("R{i}")).collect();
    assert!(check_recipients(&crowd)
        .unwrap_err()
        .message
        .contains("at most 100"));
}

#[test]
fn a_saved_spec_comes_back_and_a_nameless_one_is_refused() {
    let mut store = seeded();
    save_spec(&mut store, "ii", &pillar_ii()).unwrap();
    assert_eq!(saved_spec(&store, "ii").unwrap(), pillar_ii());
    assert_eq!(
        save_spec(&mut store, " ", &pillar_ii()).unwrap_err().code,
        ErrorCode::InvalidInput
    );
}

#[test]
fn spanish_summary_counts_translated_and_fallback_texts() {
    let store = seeded();
    let english = summary(&store, &pillar_ii(), day()).unwrap();
    assert_eq!(english.translation, None);
    let mut spec = pillar_ii();
    spec.lang = crate::model::Lang::Es;
    let spanish = summary(&store, &spec, day()).unwrap();
    let t = spanish
        .translation
        .expect("a Spanish packet reports its translation");
    // Every printed entry text counts once, translated or not.
    assert!(t.translated + t.fallback >= spanish.entries);
    assert_eq!(spanish.entry_ids, english.entry_ids);
    assert_eq!(spanish.entry_ids.len() as u32, spanish.entries);
}

#[test]
fn the_seeding_is_no_change_and_an_unknown_meeting_is_refused() {
    let store = seeded();
    let mut spec = PacketSpec {
        changes_since: Some("2000".into()),
        ..PacketSpec::default()
    };
    let prepared = prepare(&store, &spec, day()).unwrap();
    assert!(prepared.packet.changes.unwrap().rows.is_empty());
    spec.meeting = Some("No such meeting".into());
    let Err(err) = prepare(&store, &spec, day()) else {
        panic!("an unknown meeting is refused")
    };
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("'No such meeting'"), "{}", err.message);
}
