//! Packets from the built-in HLED record (the seed fact sheet, parsed by the importer).
mod common;
use briefbook::import::builtin_record;
use briefbook::packet::{assemble, PacketSpec};
use briefbook::render::render_pdf;
use common::{all_text, load, outline};

fn render(json: &str) -> String {
    let record = builtin_record().record;
    let packet = assemble(&PacketSpec::from_json(json).unwrap(), &record, &[]).unwrap();
    let rendered = render_pdf(&packet).unwrap();
    assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    all_text(&load(&rendered.bytes))
}

#[test]
fn builtin_pillar_ii_packet_has_sembrando_oportunidades_and_no_pillar_iii() {
    let text = render(r#"{"filters":{"pillars":[2]}}"#);
    assert!(text.contains("Sembrando Oportunidades"), "{text}");
    assert!(!text.contains("Cybersecurity"), "{text}");
    assert!(!text.contains("Telecommunications"), "{text}");
}

#[test]
fn builtin_october_2021_packet_has_the_trade_mission_not_the_june_mou() {
    let text =
        render(r#"{"filters":{"from":"2021-10-01","to":"2021-10-31","include_undated":false}}"#);
    assert!(text.contains("October 25, 2021"), "{text}");
    assert!(text.contains("trade mission"), "{text}");
    assert!(!text.contains("June 2021"), "{text}");
}

#[test]
fn builtin_full_packet_outlines_four_pillars() {
    let record = builtin_record().record;
    let packet = assemble(&PacketSpec::default(), &record, &[]).unwrap();
    let outline = outline(&load(&render_pdf(&packet).unwrap().bytes));
    let pillars: Vec<_> = outline
        .iter()
        .filter(|(t, _)| t.starts_with("Pillar "))
        .collect();
    assert_eq!(pillars.len(), 4, "{outline:?}");
    assert!(pillars.iter().all(|(_, children)| !children.is_empty()));
}
