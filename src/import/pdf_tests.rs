use super::*;
use lopdf::content::Operation;
use lopdf::{dictionary, Stream};

/// A PDF whose pages hold the given lines, one text object per line, top down.
fn pdf(pages: &[&[&str]]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids = Vec::new();
    for lines in pages {
        let mut ops = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let y = 800 - 14 * i as i64;
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new("Tf", vec!["F1".into(), 11.into()]));
            ops.push(Operation::new("Td", vec![72.into(), y.into()]));
            ops.push(Operation::new("Tj", vec![Object::string_literal(*line)]));
            ops.push(Operation::new("ET", vec![]));
        }
        let content = Content { operations: ops };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count,
            "Resources" => resources_id, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn text_comes_out_in_lines_without_running_headers() {
    let bytes = pdf(&[
        &[
            "HLED Progress Report",
            "Pillar I: Building Back Together",
            "- The United States and Mexico signed a memoran-",
            "dum in June 2021.",
            "Page 1 of 2",
        ],
        &[
            "HLED Progress Report",
            "Pillar II: Investing in Our People",
            "- Both will meet monthly.",
            "Page 2 of 2",
        ],
    ]);
    assert!(is_pdf(&bytes));
    let text = to_text(&bytes, "report.pdf").unwrap();
    assert!(!text.contains("HLED Progress Report"), "{text}");
    assert!(
        text.contains("Pillar I: Building Back Together\n"),
        "{text}"
    );
    assert!(
        text.contains("signed a memorandum in June 2021.\n"),
        "{text}"
    );
    let parsed = crate::import::parse_document(&text, "report.pdf");
    let pillars = &parsed.record.dialogues[0].pillars;
    assert_eq!(pillars.len(), 2, "{text}");
    let entry = &pillars[0].initiatives[0].entries[0];
    assert!(
        entry.text.contains("signed a memorandum in June 2021"),
        "{}",
        entry.text
    );
}

#[test]
fn a_pdf_without_text_is_refused_as_a_scan() {
    let bytes = pdf(&[&[]]);
    let err = to_text(&bytes, "scan.pdf").unwrap_err();
    assert!(err.to_string().contains("no text"), "{err}");
    assert!(err.to_string().contains("scan.pdf"), "{err}");
}

#[test]
fn a_damaged_pdf_is_refused_not_panicked_on() {
    let err = to_text(b"%PDF-1.5\n garbage", "bad.pdf").unwrap_err();
    assert!(err.to_string().contains("bad.pdf"), "{err}");
}
