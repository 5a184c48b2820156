//! Shared helpers for packet tests: the fixture record and reading PDFs back with lopdf.
#![allow(dead_code)]

use briefbook::model::Record;
use briefbook::packet::{assemble, PacketSpec};
use briefbook::render::{render_pdf, Rendered};
use lopdf::{Document, Object};

/// A small record with the HLED fact sheet's structure (four pillars, their initiatives).
pub fn record() -> Record {
    let text = include_str!("../fixtures/hled-mini.json");
    serde_json::from_str(text).expect("fixture parses")
}

pub fn spec(json: &str) -> PacketSpec {
    PacketSpec::from_json(json).expect("valid spec")
}

pub fn render(json: &str) -> Rendered {
    let packet = assemble(&spec(json), &record(), &[]).expect("assembles");
    render_pdf(&packet).expect("renders")
}

pub fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("the PDF parses")
}

/// Text of each page, in reading order, as lopdf extracts it through the ToUnicode maps.
pub fn page_texts(doc: &Document) -> Vec<String> {
    let pages = doc.get_pages();
    pages
        .keys()
        .map(|n| doc.extract_text(&[*n]).expect("text extracts"))
        .collect()
}

/// Whitespace-normalized text of the whole document (line breaks and hyphenation undone
/// well enough for phrase checks: a hyphen at a line end joins the halves).
pub fn all_text(doc: &Document) -> String {
    normalize(&page_texts(doc).join("\n"))
}

pub fn normalize(text: &str) -> String {
    let joined = text.replace("-\n", "");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The outline as (title, children titles), top level in order.
pub fn outline(doc: &Document) -> Vec<(String, Vec<String>)> {
    let catalog = doc.catalog().expect("catalog");
    let outlines = catalog
        .get(b"Outlines")
        .and_then(Object::as_reference)
        .expect("an outline");
    let root = doc.get_dictionary(outlines).expect("outline root");
    let mut out = Vec::new();
    let mut next = root.get(b"First").and_then(Object::as_reference).ok();
    while let Some(id) = next {
        let item = doc.get_dictionary(id).expect("outline item");
        let mut children = Vec::new();
        let mut child = item.get(b"First").and_then(Object::as_reference).ok();
        while let Some(cid) = child {
            let c = doc.get_dictionary(cid).expect("child item");
            children.push(title(c));
            child = c.get(b"Next").and_then(Object::as_reference).ok();
        }
        out.push((title(item), children));
        next = item.get(b"Next").and_then(Object::as_reference).ok();
    }
    out
}

fn title(item: &lopdf::Dictionary) -> String {
    let bytes = item
        .get(b"Title")
        .and_then(Object::as_str)
        .expect("a title");
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

/// (BaseFont name, has an embedded font program) for every Type0 font.
pub fn fonts(doc: &Document) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for object in doc.objects.values() {
        let Ok(d) = object.as_dict() else { continue };
        if d.get(b"Type").and_then(Object::as_name).ok() != Some(b"FontDescriptor".as_slice()) {
            continue;
        }
        let name = d
            .get(b"FontName")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let embedded = d.get(b"FontFile2").is_ok() || d.get(b"FontFile3").is_ok();
        out.push((name, embedded));
    }
    out.sort();
    out
}
