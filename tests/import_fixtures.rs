//! Documents of many forms, each parsed from its file bytes, with the structure the
//! importer must recover from it.

use briefbook::import::{
    builtin_record, normalize_title, parse_document, read_text, ParsedDocument,
};
use briefbook::model::validate::validate_record;
use briefbook::model::{Dialogue, Entry, EntryKind, Status};
use std::path::Path;

fn parse(name: &str) -> ParsedDocument {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    let bytes = std::fs::read(&path).expect("fixture present");
    let text = read_text(&bytes, name).expect("fixture decodes");
    let parsed = parse_document(&text, name);
    validate_record(&parsed.record).expect("parsed record is valid");
    parsed
}

fn dialogue(parsed: &ParsedDocument) -> &Dialogue {
    &parsed.record.dialogues[0]
}

/// (pillar number, pillar title, initiative titles) for the whole dialogue.
fn outline(parsed: &ParsedDocument) -> Vec<(u32, String, Vec<String>)> {
    dialogue(parsed)
        .pillars
        .iter()
        .map(|p| {
            (
                p.number,
                p.title.clone(),
                p.initiatives.iter().map(|i| i.title.clone()).collect(),
            )
        })
        .collect()
}

fn entries(parsed: &ParsedDocument) -> Vec<&Entry> {
    dialogue(parsed)
        .pillars
        .iter()
        .flat_map(|p| &p.initiatives)
        .flat_map(|i| &i.entries)
        .collect()
}

fn date_of(entry: &Entry) -> (String, String) {
    let date = entry.date.as_ref().expect("entry has a date");
    (
        date.edtf.map(|e| e.to_string()).unwrap_or_default(),
        date.text.clone(),
    )
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn markdown_headings_links_and_emphasis() {
    let parsed = parse("markdown.md");
    assert_eq!(
        outline(&parsed),
        vec![
            (
                1,
                "Building Back Together".into(),
                strings(&[
                    "Strengthening Supply Chains",
                    "Trade Facilitation Partnership for Medical Devices"
                ])
            ),
            (
                2,
                "Promoting Sustainable Development".into(),
                strings(&["Root Causes of Irregular Migration"])
            ),
        ]
    );
    let first = &dialogue(&parsed).pillars[0].initiatives[0];
    assert_eq!(
        first.summary.as_deref(),
        Some("Seeks to complement supply chain needs of both countries.")
    );
    let all = entries(&parsed);
    assert_eq!(all[0].kind, EntryKind::Meeting);
    assert_eq!(
        date_of(all[0]),
        ("2022-02-15".into(), "February 15, 2022".into())
    );
    // Nested items inherit the lead-in's intention.
    assert_eq!(all[2].text, "publish a joint list of critical sectors;");
    assert_eq!(all[2].status_phrase.as_deref(), Some("intends to"));
    assert_eq!(
        all.last().unwrap().text,
        "USAID and AMEXCID will expand Sembrando Oportunidades to Honduras in spring 2022."
    );
    assert_eq!(date_of(all.last().unwrap()).0, "2022-21");
    assert_eq!(
        parsed.record.sources[0].date.as_ref().unwrap().text,
        "March 4, 2022"
    );
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn numbered_pillar_headings() {
    let parsed = parse("numbered-pillars.txt");
    assert_eq!(
        outline(&parsed),
        vec![
            (
                1,
                "Building Back Together".into(),
                strings(&["Strengthening Supply Chains", "Enhancing Border Conditions"])
            ),
            (
                2,
                "Securing the Tools for Future Prosperity".into(),
                strings(&["Strengthening Cybersecurity Cooperation"])
            ),
        ]
    );
    let all = entries(&parsed);
    assert_eq!(
        all[0].date.as_ref().unwrap().cadence.map(|c| c.as_str()),
        Some("quarterly")
    );
    assert_eq!(
        (all[2].status, all[2].status_phrase.as_deref()),
        (Status::Planned, Some("are planning"))
    );
    assert_eq!(date_of(all[3]).0, "2022-06-01/2022");
}

#[test]
fn pillars_listed_inline_in_a_sentence() {
    let parsed = parse("inline-pillars.txt");
    let got = outline(&parsed);
    assert_eq!(
        got.len(),
        4,
        "the four declared pillars, two of them without a section"
    );
    assert_eq!(
        got[0],
        (
            1,
            "Building Back Together".into(),
            strings(&["Semiconductor Supply Chains"])
        )
    );
    assert_eq!(
        got[3],
        (
            4,
            "Investing in Our People".into(),
            strings(&["Technical Training Programs"])
        )
    );
    assert!(got[1].2.is_empty() && got[2].2.is_empty());
    assert_eq!(parsed.warnings.len(), 2, "{:?}", parsed.warnings);
    let all = entries(&parsed);
    assert_eq!(
        date_of(all[1]),
        ("2022-09-12/2023-09~".into(), "over the coming year".into())
    );
    assert_eq!(date_of(all[2]), (String::new(), "this fall".into()));
    assert_eq!(all[2].agencies, strings(&["SE", "DOC"]));
}

#[test]
fn pillars_declared_as_a_numbered_list() {
    let parsed = parse("declared-list.txt");
    let got = outline(&parsed);
    assert_eq!(
        got.iter().map(|p| p.1.as_str()).collect::<Vec<_>>(),
        [
            "Building Back Together",
            "Securing the Tools for Future Prosperity",
            "Investing in Our People"
        ]
    );
    assert_eq!(got[0].2, strings(&["Supply Chain Working Group"]));
    let all = entries(&parsed);
    assert_eq!(all.len(), 2, "the declaration's items are not entries");
    assert_eq!(date_of(all[1]), ("../2025".into(), "by 2025".into()));
    assert_eq!(dialogue(&parsed).short_name, "HLED");
}

#[test]
fn spanish_document_parses_the_same_way() {
    let parsed = parse("spanish.txt");
    assert_eq!(
        outline(&parsed),
        vec![
            (
                1,
                "Reconstruir juntos".into(),
                strings(&["Fortalecimiento de las cadenas de suministro"])
            ),
            (
                2,
                "Desarrollo sostenible en el sur de México y Centroamérica".into(),
                strings(&["Sembrando Oportunidades"])
            ),
        ]
    );
    let d = dialogue(&parsed);
    assert_eq!(d.short_name, "HLED");
    assert_eq!(
        d.name_es.as_deref(),
        Some("Diálogo Económico de Alto Nivel")
    );
    assert_eq!(d.launched.as_ref().unwrap().text, "9 de septiembre de 2021");
    let all = entries(&parsed);
    assert_eq!(
        (all[0].status, all[0].kind, all[0].status_phrase.as_deref()),
        (Status::Done, EntryKind::Milestone, Some("Se firmó"))
    );
    assert_eq!(date_of(all[0]), ("2022-06".into(), "junio de 2022".into()));
    assert_eq!(all[0].agencies, strings(&["SE", "USTR"]));
    assert_eq!(
        (all[1].kind, all[1].status_phrase.as_deref()),
        (EntryKind::Meeting, Some("acordaron reunirse"))
    );
    assert!(all[3]
        .text
        .starts_with("¿Cuándo? Los equipos técnicos visitarán"));
    assert_eq!(date_of(all[3]).0, "2022-09-12/2023-09~");
    assert_eq!(
        parsed.record.sources[0]
            .date
            .as_ref()
            .unwrap()
            .edtf
            .unwrap()
            .to_string(),
        "2022-09-12"
    );
}

#[test]
fn crlf_document_has_the_same_lines_as_lf() {
    let parsed = parse("crlf.txt");
    assert!(!parsed.record.sources[0].text.contains('\r'));
    let all = entries(&parsed);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].source.as_ref().unwrap().line, 10);
    assert_eq!(all[0].kind, EntryKind::Meeting);
}

#[test]
fn utf16_document_with_bom_keeps_its_accents() {
    let parsed = parse("utf16le.txt");
    assert_eq!(
        outline(&parsed),
        vec![(
            3,
            "Asegurar las herramientas para la prosperidad futura".into(),
            strings(&["Cooperación en ciberseguridad"])
        )]
    );
    let all = entries(&parsed);
    assert_eq!(
        (all[0].kind, all[0].status),
        (EntryKind::Meeting, Status::Done)
    );
    assert_eq!(
        date_of(all[0]),
        ("2021-09-09".into(), "9 de septiembre de 2021".into())
    );
}

#[test]
fn windows_1252_document_is_decoded_and_typography_normalised() {
    let parsed = parse("windows-1252.txt");
    assert!(
        parsed.record.sources[0].text.contains("“café de olla”"),
        "the source keeps the original characters"
    );
    let all = entries(&parsed);
    assert_eq!(
        all[0].text,
        "The Secretaría de Economía signed a \"café de olla\" agreement - a pilot - in June 2021."
    );
    assert_eq!(all[0].agencies, strings(&["SE"]));
    assert_eq!(
        dialogue(&parsed).name,
        "U.S.-Mexico High-Level Economic Dialogue"
    );
}

#[test]
fn truncated_last_line_is_kept_with_a_warning() {
    let parsed = parse("truncated.txt");
    let all = entries(&parsed);
    assert_eq!(
        all.last().unwrap().text,
        "The Working Group intends to publish a joint list of critical sectors and to consult with"
    );
    assert_eq!(
        parsed.warnings,
        vec!["line 10: the last line seems cut off (it ends mid-sentence)".to_string()]
    );
}

#[test]
fn furniture_lines_are_not_content() {
    let parsed = parse("furniture.txt");
    assert_eq!(
        outline(&parsed),
        vec![(
            1,
            "Building Back Together".into(),
            strings(&[
                "Strengthening Supply Chains",
                "Technical Training Programs in Priority Sectors"
            ])
        )]
    );
    let source = &parsed.record.sources[0];
    assert_eq!(
        source.title,
        "U.S.-Mexico High-Level Economic Dialogue (HLED) Fact Sheet"
    );
    assert_eq!(
        source.publisher.as_deref(),
        Some("Office of the Spokesperson")
    );
    let all = entries(&parsed);
    assert_eq!(all.len(), 2);
    assert!(
        all[0]
            .text
            .ends_with("opportunity to exchange information on environmental technologies."),
        "{}",
        all[0].text
    );
    assert_eq!(
        (
            all[0].source.as_ref().unwrap().line,
            all[0].source.as_ref().unwrap().line_end
        ),
        (24, Some(28))
    );
    assert!(
        all[1].text.ends_with("related to supply chains."),
        "footnote marker removed: {}",
        all[1].text
    );
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn document_without_pillars_keeps_its_statements_at_dialogue_level() {
    let parsed = parse("no-structure.txt");
    assert_eq!(outline(&parsed), vec![], "no pillar is invented");
    let all: Vec<&Entry> = dialogue(&parsed).entries.iter().collect();
    assert_eq!(all.len(), 3);
    assert!(
        all[2].date.is_none(),
        "2,000 miles and $500 billion are not dates"
    );
    assert_eq!(
        date_of(all[1]),
        (String::new(), "next month".into()),
        "no document date to resolve against"
    );
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.contains("no pillars recognised")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn label_items_numeric_dates_and_vague_phrases() {
    let parsed = parse("labels.txt");
    let all = entries(&parsed);
    assert_eq!(all.len(), 3, "the contact line is furniture");
    assert_eq!(all[0].agencies, strings(&["USTR", "SE"]));
    assert_eq!(date_of(all[1]), ("2013-05-02".into(), "05/02/2013".into()));
    assert_eq!(all[1].other_dates[0].edtf.unwrap().to_string(), "2020");
    assert_eq!(date_of(all[2]), (String::new(), "this fall".into()));
    assert_eq!(all[2].kind, EntryKind::Meeting);
}

#[test]
fn markdown_heading_levels_without_the_word_pillar() {
    let parsed = parse("markdown-levels.md");
    assert_eq!(
        outline(&parsed),
        vec![
            (
                1,
                "Building Back Together".into(),
                strings(&["Strengthening Supply Chains"])
            ),
            (
                2,
                "Investing in Our People".into(),
                strings(&["Technical Training"])
            ),
        ]
    );
    assert_eq!(entries(&parsed).len(), 3);
}

#[test]
fn a_later_document_about_the_hled_matches_the_builtin_titles() {
    let later = parse("later-update.txt");
    let builtin = builtin_record();
    let d = dialogue(&later);
    assert_eq!(d.short_name, builtin.record.dialogues[0].short_name);
    let seed = &builtin.record.dialogues[0];
    for pillar in &d.pillars {
        let same = seed
            .pillars
            .iter()
            .find(|p| p.number == pillar.number)
            .expect("pillar in the seed");
        assert_eq!(normalize_title(&same.title), normalize_title(&pillar.title));
        for initiative in &pillar.initiatives {
            let key = normalize_title(&initiative.title);
            assert!(
                seed.pillars
                    .iter()
                    .flat_map(|p| &p.initiatives)
                    .any(|i| normalize_title(&i.title) == key),
                "{} has no match in the seed",
                initiative.title
            );
        }
    }
    let all = entries(&later);
    let meeting = all
        .iter()
        .find(|e| e.text.contains("meet monthly"))
        .unwrap();
    let seed_meeting = seed.pillars[0].initiatives[0]
        .entries
        .iter()
        .find(|e| e.text.contains("meet monthly"))
        .unwrap();
    assert_eq!(
        normalize_title(&meeting.text),
        normalize_title(&seed_meeting.text),
        "the same entry again"
    );
    assert!(later.warnings.is_empty(), "{:?}", later.warnings);
}

#[test]
fn parsing_the_same_text_twice_gives_the_same_record_and_hash() {
    let a = parse("furniture.txt");
    let b = parse("furniture.txt");
    assert_eq!(a, b);
    assert_eq!(a.record.sources[0].sha256.len(), 64);
}
