use super::*;

fn parts(title: Option<&str>) -> Parts<'_> {
    Parts {
        title,
        fallback: "doc.txt",
        pillars: Vec::new(),
        entries: Vec::new(),
    }
}

#[test]
fn names_of_other_dialogues_are_read_from_the_headline() {
    for (title, want, short) in [
        (
            "Joint Statement of the U.S.-Japan Economic Policy Consultative Committee",
            "U.S.-Japan Economic Policy Consultative Committee",
            None,
        ),
        (
            "Fact Sheet: U.S.-Brazil CEO Forum Recommendations and Accomplishments",
            "U.S.-Brazil CEO Forum",
            None,
        ),
        (
            "Joint Statement from the U.S.-EU Strategic Dialogue on Economic Security",
            "U.S.-EU Strategic Dialogue on Economic Security",
            None,
        ),
        (
            "Roadmap for a Renewed U.S.-Canada Partnership",
            "Roadmap for a Renewed U.S.-Canada Partnership",
            None,
        ),
        ("Readout", "U.S.-India Strategic Dialogue", Some("USISD")),
    ] {
        let body = ["The U.S.-India Strategic Dialogue (USISD) met on Monday."];
        let got = find_name(Some(title), body.into_iter()).unwrap();
        assert_eq!(strip_document_kind(&got.name), want, "{title}");
        if short.is_some() {
            assert_eq!(got.short_name.as_deref(), short);
        }
    }
}

#[test]
fn without_any_name_the_file_name_stands_for_it_never_untitled() {
    let mut warnings = Vec::new();
    let d = build(parts(None), &[], &[], "hello", &mut warnings);
    assert_eq!(d.name, "doc");
    assert!(!warnings.is_empty());
}

#[test]
fn dialogue_name_and_short_name_from_the_title() {
    let got =
        dialogue_name(["U.S.-Mexico High-Level Economic Dialogue (HLED) Fact Sheet"].into_iter())
            .unwrap();
    assert_eq!(got.name, "U.S.-Mexico High-Level Economic Dialogue");
    assert_eq!(got.short_name.as_deref(), Some("HLED"));
    let got = dialogue_name(
        [
            "FACT SHEET: The U.S.-Mexico High-Level Economic Dialogue",
            "the U.S.-Mexico High-Level Economic Dialogue (HLED) met",
        ]
        .into_iter(),
    )
    .unwrap();
    assert_eq!(got.short_name.as_deref(), Some("HLED"));
}

#[test]
fn spanish_dialogue_name() {
    let got = dialogue_name(
        ["Hoja informativa del Diálogo Económico de Alto Nivel (DEAN) México-Estados Unidos"]
            .into_iter(),
    )
    .unwrap();
    assert_eq!(got.name, "Diálogo Económico de Alto Nivel");
    assert_eq!(got.short_name.as_deref(), Some("DEAN"));
}

#[test]
fn document_kind_words_are_not_part_of_the_name() {
    assert_eq!(
        strip_document_kind("Declaración conjunta sobre el Diálogo Fronterizo"),
        "Diálogo Fronterizo"
    );
    assert_eq!(
        strip_document_kind("Joint Statement on the Border Dialogue"),
        "Border Dialogue"
    );
    assert_eq!(strip_document_kind("HLED Fact Sheet"), "HLED");
    assert_eq!(
        strip_document_kind("FACT SHEET: Border Dialogue"),
        "Border Dialogue"
    );
}

#[test]
fn spanish_and_capitalised_names_of_the_hled_are_the_hled() {
    for texts in [
        vec!["Hoja informativa del Diálogo Económico de Alto Nivel (DEAN)"],
        vec!["U.S.-MEXICO HIGH-LEVEL ECONOMIC DIALOGUE (HLED) - 2022 PROGRESS REPORT"],
        vec!["HLED Working Plan"],
    ] {
        let mut warnings = Vec::new();
        let d = build(
            parts(texts.first().copied()),
            &[],
            &[],
            texts[0],
            &mut warnings,
        );
        assert_eq!(
            (d.short_name.as_str(), d.name.as_str()),
            ("HLED", "U.S.-Mexico High-Level Economic Dialogue"),
            "{texts:?}"
        );
        assert_eq!(
            d.name_es.as_deref(),
            Some("Diálogo Económico de Alto Nivel")
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }
}

#[test]
fn an_unknown_dialogue_keeps_its_own_name() {
    let mut warnings = Vec::new();
    let text = "Joint Statement on the U.S.-Canada Energy Dialogue (ED)";
    let d = build(parts(Some(text)), &[], &[], text, &mut warnings);
    assert_eq!(
        (d.name.as_str(), d.short_name.as_str()),
        ("U.S.-Canada Energy Dialogue", "ED")
    );
    assert_eq!(d.name_es, None);
}

#[test]
fn what_the_document_reports_is_not_part_of_the_name() {
    for (headline, name) in [
        ("Joint Statement of the Second U.S.-Japan Economic Policy Consultative Committee", "U.S.-Japan Economic Policy Consultative Committee"),
        ("Joint Statement from the 19th Meeting of the U.S.-Brazil Commercial Dialogue", "U.S.-Brazil Commercial Dialogue"),
        ("Joint Statement on the 14th Ministerial-Level Meeting of the U.S.-India Trade Policy Forum", "U.S.-India Trade Policy Forum"),
        ("FACT SHEET: Outcomes of the U.S.-Brazil CEO Forum", "U.S.-Brazil CEO Forum"),
        ("Joint Statement by Canada and Mexico on the Canada-Mexico Action Plan", "Canada-Mexico Action Plan"),
        ("México y Canadá fortalecen la Alianza México-Canadá", "Alianza México-Canadá"),
    ] {
        let found = find_name(Some(headline), std::iter::empty()).expect(headline);
        assert_eq!(strip_document_kind(&found.name), name, "{headline}");
    }
    // A multi-byte word is no ordinal, and does not panic.
    assert!(!is_lead_word("a𑊈"));
    assert!(is_lead_word("19th") && !is_lead_word("th"));
}

#[test]
fn the_short_name_of_the_united_states_spelled_out_is_found() {
    let found = find_name(
        Some("Joint Statement on the U.S.-India Trade Policy Forum"),
        ["the United States-India Trade Policy Forum (TPF) met."].into_iter(),
    )
    .unwrap();
    assert_eq!(found.short_name.as_deref(), Some("TPF"));
}
