use super::*;

/// A zip archive of stored (uncompressed) files; CRCs are left zero, which this
/// reader does not check.
pub(crate) fn zip(files: &[(&str, &str)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, content) in files {
        let offset = out.len() as u32;
        let (n, c) = (name.as_bytes(), content.as_bytes());
        out.extend(b"PK\x03\x04");
        out.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        out.extend(0u32.to_le_bytes());
        out.extend((c.len() as u32).to_le_bytes());
        out.extend((c.len() as u32).to_le_bytes());
        out.extend((n.len() as u16).to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out.extend(n);
        out.extend(c);
        central.extend(b"PK\x01\x02");
        central.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        central.extend(0u32.to_le_bytes());
        central.extend((c.len() as u32).to_le_bytes());
        central.extend((c.len() as u32).to_le_bytes());
        central.extend((n.len() as u16).to_le_bytes());
        central.extend([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        central.extend(offset.to_le_bytes());
        central.extend(n);
    }
    let central_at = out.len() as u32;
    out.extend(&central);
    out.extend(b"PK\x05\x06");
    out.extend([0, 0, 0, 0]);
    out.extend((files.len() as u16).to_le_bytes());
    out.extend((files.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(central_at.to_le_bytes());
    out.extend([0, 0]);
    out
}

fn para(style: Option<&str>, list_level: Option<u8>, text: &str) -> String {
    let mut props = String::new();
    if let Some(s) = style {
        props.push_str(&format!(r#"<w:pStyle w:val="{s}"/>"#));
    }
    if let Some(l) = list_level {
        props.push_str(&format!(
            r#"<w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="1"/></w:numPr>"#
        ));
    }
    format!(r#"<w:p><w:pPr>{props}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

#[test]
fn headings_lists_and_paragraphs_come_out_as_structure() {
    let body = [
        para(Some("Title"), None, "HLED Progress Report"),
        para(None, None, "December 13, 2021"),
        para(Some("Heading1"), None, "Pillar I: Building Back Together"),
        para(Some("Heading2"), None, "Supply Chains"),
        para(
            None,
            Some(0),
            "The United States and Mexico signed a MOU in June 2021.",
        ),
        para(None, Some(1), "Both intend to meet monthly &amp; report."),
        "<w:p/>".to_string(),
    ]
    .concat();
    let xml = format!(
        r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body>{body}</w:body></w:document>"#
    );
    let bytes = zip(&[
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", &xml),
    ]);
    assert!(is_zip(&bytes));
    let text = to_text(&bytes, "report.docx").unwrap();
    assert_eq!(
        text,
        "# HLED Progress Report\n\nDecember 13, 2021\n\n# Pillar I: Building Back Together\n\n## Supply Chains\n\n- The United States and Mexico signed a MOU in June 2021.\n  - Both intend to meet monthly & report.\n"
    );
}

#[test]
fn a_zip_that_is_not_a_word_document_is_refused() {
    let bytes = zip(&[("readme.txt", "hello")]);
    let err = to_text(&bytes, "notes.docx").unwrap_err();
    assert!(err.to_string().contains("notes.docx"), "{err}");
    assert!(err.to_string().contains("not a Word document"), "{err}");
    assert!(to_text(b"PK\x03\x04 broken", "b.docx").is_err());
}

#[test]
fn heading_styles_in_english_and_spanish_word() {
    assert_eq!(heading_level("Heading3"), Some(3));
    assert_eq!(heading_level("Ttulo1"), Some(1));
    assert_eq!(heading_level("Normal"), None);
}

/// The paragraph and run scanners find what the regexes they replace found: the
/// same bodies and runs, in order, for any mix of the tags' pieces.
#[test]
fn scanners_read_paragraphs_and_runs_as_the_regexes_did() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let paragraph = Regex::new(r"(?s)<w:p(?:\s[^>]*)?(?:/>|>(.*?)</w:p>)").expect("valid pattern");
    let run =
        Regex::new(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:(tab|br|cr)\s*/>").expect("valid pattern");
    let pieces = prop::sample::select(vec![
        "<w:p",
        "<w:p>",
        "</w:p>",
        "/>",
        ">",
        "<",
        "/",
        " ",
        "\u{2003}",
        "\n",
        "x",
        "é",
        "<w:t",
        "<w:t>",
        "</w:t>",
        "<w:tab",
        "<w:br",
        "<w:cr",
        "<w:pPr>",
        "w:val=\"1\"",
        "<w:",
        "t",
        "p",
    ]);
    let mut runner = TestRunner::new(Config {
        cases: 4000,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&prop::collection::vec(pieces, 0..24), |parts| {
            let xml = parts.concat();
            let want: Vec<&str> = paragraph
                .captures_iter(&xml)
                .map(|c| c.get(1).map_or("", |m| m.as_str()))
                .collect();
            prop_assert_eq!(paragraph_bodies(&xml), want);
            let want: Vec<Option<&str>> = run
                .captures_iter(&xml)
                .map(|c| c.get(1).map(|m| m.as_str()))
                .collect();
            prop_assert_eq!(runs(&xml), want);
            Ok(())
        })
        .expect("scanners agree with the regexes");
}
