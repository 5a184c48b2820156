use super::*;
use crate::import::builtin_record;
use crate::packet::{assemble, PacketSpec, PillarCount, TimelineRow};

fn packet(lang: &str) -> Packet {
    let spec = PacketSpec::from_json(&format!(r#"{{"lang":"{lang}"}}"#)).expect("spec");
    assemble(&spec, &builtin_record().record, &[]).expect("packet")
}

/// The built-in packet with a dialogue-level ("General") section in front.
fn with_general(lang: &str) -> Packet {
    let mut p = packet(lang);
    let mut general = p.pillars[0].clone();
    general.number = 0;
    general.title = "General".into();
    general.initiatives.truncate(1);
    let date = p.timeline[0].date.clone();
    p.pillars.insert(0, general);
    p.overview.by_pillar.insert(
        0,
        PillarCount {
            number: 0,
            title: "General".into(),
            by_status: vec![(Status::Done, 2)],
        },
    );
    p.overview.empty_pillars.push(0);
    p.timeline.insert(
        0,
        TimelineRow {
            date,
            pillar: 0,
            initiative: "Relaunch".into(),
            text: "The dialogue was relaunched.".into(),
            status: Status::Done,
            agencies: Vec::new(),
        },
    );
    p
}

/// Every text of the tree, with the role of the paragraph it is in.
fn texts(blocks: &[Block], out: &mut Vec<(Option<Role>, String)>) {
    for b in blocks {
        match b {
            Block::Para { spans, role, .. } => {
                out.push((Some(*role), spans.iter().map(|s| s.text.as_str()).collect()))
            }
            Block::ContentsRow { spans, .. } => {
                out.push((None, spans.iter().map(|s| s.text.as_str()).collect()))
            }
            Block::Table(t) => {
                for cell in t.header.iter().chain(t.rows.iter().flatten()) {
                    out.push((None, cell.spans.iter().map(|s| s.text.as_str()).collect()));
                }
            }
            Block::BarChart(c) => {
                out.extend(c.rows.iter().map(|(label, _)| (None, label.clone())));
            }
            Block::Group { blocks, .. } => texts(blocks, out),
            _ => {}
        }
    }
}

#[test]
fn general_section_prints_its_title_without_a_numeral() {
    for (lang, pillar) in [("en", "Pillar"), ("es", "Pilar")] {
        let doc = build(&with_general(lang));
        let mut all = Vec::new();
        texts(&doc.blocks, &mut all);
        let headings: Vec<&str> = all
            .iter()
            .filter(|(r, _)| *r == Some(Role::H1))
            .map(|(_, t)| t.as_str())
            .collect();
        assert!(headings.contains(&"General"), "{headings:?}");
        // Contents row, overview row, chart label and timeline cell all say "General".
        let plain: Vec<&str> = all.iter().map(|(_, t)| t.as_str()).collect();
        assert!(
            plain.iter().filter(|t| **t == "General").count() >= 4,
            "{plain:?}"
        );
        // What a numeral-less "Pillar" would look like: "Pillar . General", "Pillar 0".
        let bad = [
            format!("{pillar} ."),
            format!("{pillar} ·"),
            format!("{pillar} 0"),
            format!("{pillar}  "),
        ];
        for t in &plain {
            assert!(
                bad.iter().all(|b| !t.contains(b.as_str())) && **t != format!("{pillar} "),
                "{t:?}"
            );
        }
    }
}

#[test]
fn numbered_pillars_keep_their_numeral() {
    let doc = build(&with_general("en"));
    let mut all = Vec::new();
    texts(&doc.blocks, &mut all);
    assert!(
        all.iter().any(|(_, t)| t.starts_with("Pillar I")),
        "{all:?}"
    );
}

#[test]
fn chart_alternative_text_states_every_count() {
    let p = packet("en");
    let doc = build(&p);
    fn find(blocks: &[Block]) -> Option<&BarChart> {
        blocks.iter().find_map(|b| match b {
            Block::BarChart(c) => Some(c),
            Block::Group { blocks, .. } => find(blocks),
            _ => None,
        })
    }
    let chart = find(&doc.blocks).expect("the overview has a chart");
    for (row, values) in p.overview.by_pillar.iter().zip(&chart.rows) {
        let total: u32 = values.1.iter().sum();
        let expected = format!("Pillar {}: ", roman(row.number));
        assert!(chart.alt.contains(&expected), "{}", chart.alt);
        assert!(
            chart.alt.contains(&format!("Total {total}.")),
            "{}",
            chart.alt
        );
    }
}

#[test]
fn headings_never_skip_a_level() {
    fn walk(blocks: &[Block], last: &mut u8) {
        for b in blocks {
            match b {
                Block::Para { role, .. } => {
                    if let Some(level) = role.heading_level() {
                        assert!(level <= *last + 1, "H{level} after H{last}");
                        *last = level;
                    }
                }
                Block::Group { blocks, .. } => walk(blocks, last),
                _ => {}
            }
        }
    }
    for lang in ["en", "es"] {
        let mut last = 0;
        walk(&build(&with_general(lang)).blocks, &mut last);
    }
}

#[test]
fn sections_are_groups_in_reading_order() {
    let doc = build(&packet("en"));
    let roles: Vec<Role> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Group { role, .. } => Some(*role),
            _ => None,
        })
        .collect();
    assert_eq!(
        roles.len(),
        doc.blocks.len(),
        "every top-level block is a group"
    );
    assert_eq!(&roles[..2], &[Role::Sect, Role::Sect], "cover, contents");
    assert!(roles.contains(&Role::Part), "pillars are parts");
}
