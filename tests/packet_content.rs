//! What a packet contains, read back from the PDF with lopdf.
mod common;
use common::*;

#[test]
fn pillar_ii_packet_lists_sembrando_oportunidades_and_no_pillar_iii_initiative() {
    let rendered = render(r#"{"filters":{"pillars":[2]}}"#);
    let text = all_text(&load(&rendered.bytes));
    assert!(text.contains("Sembrando Oportunidades"), "{text}");
    assert!(
        text.contains("Root Causes of Irregular Migration"),
        "{text}"
    );
    for pillar_iii in [
        "Next-Generation Telecommunications",
        "Strengthening Cybersecurity Cooperation",
        "Securing the Tools",
    ] {
        assert!(
            !text.contains(pillar_iii),
            "{pillar_iii} leaked into a Pillar II packet"
        );
    }
}

#[test]
fn october_2021_packet_has_the_trade_mission_and_not_the_june_memorandum() {
    let rendered =
        render(r#"{"filters":{"from":"2021-10-01","to":"2021-10-31","include_undated":false}}"#);
    let text = all_text(&load(&rendered.bytes));
    assert!(text.contains("October 25, 2021"), "{text}");
    assert!(
        text.contains("virtual environmental technologies trade mission"),
        "{text}"
    );
    assert!(!text.contains("signed a MOU in June 2021"), "{text}");
    assert!(!text.contains("June 2021"), "{text}");
}

#[test]
fn outline_has_one_top_level_bookmark_per_pillar_with_its_initiatives_under_it() {
    let rendered = render(r#"{"filters":{"pillars":[1,3]}}"#);
    let outline = outline(&load(&rendered.bytes));
    let pillars: Vec<&(String, Vec<String>)> = outline
        .iter()
        .filter(|(t, _)| t.starts_with("Pillar "))
        .collect();
    assert_eq!(pillars.len(), 2, "{outline:?}");
    assert!(pillars[0].0.starts_with("Pillar I. Building Back Together"));
    assert_eq!(
        pillars[0].1,
        vec![
            "Strengthening Supply Chains and Coordinating Supply Chain Management in a Crisis",
            "United States-Mexico Cooperation on Environmental Technologies",
            "Trade Facilitation Partnership for Medical Devices",
        ]
    );
    assert!(pillars[1].0.starts_with("Pillar III."));
    assert_eq!(pillars[1].1.len(), 2);
    // Sections other than pillars have no children.
    assert!(outline.iter().any(|(t, c)| t == "Timeline" && c.is_empty()));
}

#[test]
fn every_page_after_the_cover_says_page_n_of_m_and_carries_the_marking() {
    let rendered = render(r#"{"marking":"SENSITIVE BUT UNCLASSIFIED","prepared_on":"2021-12-10"}"#);
    let doc = load(&rendered.bytes);
    let pages = page_texts(&doc);
    assert_eq!(pages.len() as u32, rendered.pages);
    let numbered = pages.len() - 1;
    assert!(!pages[0].contains("Page "), "the cover is not numbered");
    for (i, text) in pages.iter().enumerate().skip(1) {
        let want = format!("Page {i} of {numbered}");
        assert!(
            normalize(text).contains(&want),
            "page {}: no '{want}' in {text}",
            i + 1
        );
        assert!(
            text.contains("December 10, 2021"),
            "prepared date on page {}",
            i + 1
        );
    }
    for (i, text) in pages.iter().enumerate() {
        assert!(
            text.matches("SENSITIVE BUT UNCLASSIFIED").count() >= 2,
            "marking at top and bottom of page {}",
            i + 1
        );
    }
}

#[test]
fn spanish_packet_uses_spanish_labels_dates_and_texts() {
    let rendered = render(r#"{"lang":"es"}"#);
    let text = all_text(&load(&rendered.bytes));
    for expected in [
        "Página 1 de",
        "Índice",
        "25 de octubre de 2021",
        "junio de 2021",
        "Realizado",
        "Cronología",
        "Cooperación México-Estados Unidos en tecnologías ambientales",
        "Estados Unidos realizó con éxito una misión comercial virtual",
    ] {
        assert!(text.contains(expected), "missing '{expected}' in {text}");
    }
}

#[test]
fn fonts_are_embedded_and_subset() {
    let rendered = render("{}");
    let fonts = fonts(&load(&rendered.bytes));
    assert_eq!(fonts.len(), 3, "{fonts:?}");
    for (name, embedded) in &fonts {
        assert!(*embedded, "{name} is not embedded");
        let (tag, base) = name.split_once('+').expect("a subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        assert!(base.starts_with("NotoSans-"), "{name}");
    }
    // A subset of three faces is far smaller than one whole face (about 500 KB).
    assert!(
        rendered.bytes.len() < 150_000,
        "{} bytes",
        rendered.bytes.len()
    );
}

#[test]
fn the_same_spec_and_record_give_the_same_bytes() {
    let spec = r#"{"title":"Twice","marking":"SBU","prepared_on":"2021-12-10"}"#;
    assert_eq!(render(spec).bytes, render(spec).bytes);
}

#[test]
fn contents_rows_link_to_their_pages() {
    let rendered = render(r#"{"filters":{"pillars":[2]}}"#);
    let doc = load(&rendered.bytes);
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    let contents = pages[1];
    let page = doc.get_dictionary(contents).unwrap();
    let annots = page
        .get(b"Annots")
        .and_then(|a| a.as_array())
        .expect("annotations");
    // Overview, the pillar, its initiative, timeline, sources.
    assert_eq!(annots.len(), 5, "one link per contents row");
    for annot in annots {
        let annot = match annot {
            lopdf::Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
            other => other.as_dict().unwrap(),
        };
        let action = annot
            .get(b"A")
            .and_then(|a| a.as_dict())
            .expect("an action");
        assert_eq!(
            action.get(b"S").and_then(|s| s.as_name()).ok(),
            Some(b"GoTo".as_slice())
        );
    }
}

#[test]
fn metadata_names_title_author_subject_and_language() {
    let rendered = render(
        r#"{"title":"Pillar II briefing","prepared_by":"Office of the Under Secretary","meeting":{"name":"HLED ministerial"},"lang":"es"}"#,
    );
    let doc = load(&rendered.bytes);
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| i.as_reference())
        .and_then(|id| doc.get_dictionary(id))
        .expect("an info dictionary");
    for key in [b"Title".as_slice(), b"Author", b"Subject"] {
        assert!(info.get(key).is_ok(), "{}", String::from_utf8_lossy(key));
    }
    let lang = doc
        .catalog()
        .unwrap()
        .get(b"Lang")
        .and_then(|l| l.as_str())
        .unwrap();
    assert_eq!(lang, b"es-MX");
}
