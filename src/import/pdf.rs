//! A PDF with a text layer to the plain text the importer reads: text in reading
//! order, a line break where the text moves down, a blank line where it moves down
//! by more than a line (a paragraph) and between pages, and the running headers and
//! footers that repeat on most pages removed. Page numbers are page furniture for the
//! line clean-up, and words hyphenated across lines are joined when lines are read.
//! A PDF without text (a scan) is refused with a message that says so.

use super::ImportError;
use lopdf::content::Content;
use lopdf::{Document, Encoding, Object};
use std::collections::{BTreeMap, HashMap};

/// Most bytes one page's content may decompress to: bounds a decompression bomb.
const MAX_PAGE_CONTENT: usize = 32 * 1024 * 1024;

/// Whether bytes are a PDF file.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// Extracts a PDF's text. Errors name the file: not a readable PDF (damaged or
/// encrypted), or no text layer (a scan: it needs OCR first).
pub fn to_text(bytes: &[u8], name: &str) -> Result<String, ImportError> {
    // lopdf is not known to panic on hostile files, but the importer never may.
    let pages = std::panic::catch_unwind(|| pages_text(bytes))
        .map_err(|_| unreadable(name, "the file could not be parsed"))?
        .map_err(|e| unreadable(name, &e.to_string()))?;
    if pages.iter().all(|p| p.iter().all(|l| l.trim().is_empty())) {
        return Err(ImportError::NoText {
            name: name.to_string(),
        });
    }
    Ok(join_pages(pages))
}

fn unreadable(name: &str, detail: &str) -> ImportError {
    ImportError::Undecodable {
        name: name.to_string(),
        encoding: "PDF",
        detail: detail.to_string(),
    }
}

/// Each page's lines.
fn pages_text(bytes: &[u8]) -> lopdf::Result<Vec<Vec<String>>> {
    let doc = Document::load_mem(bytes)?;
    let mut pages = Vec::new();
    for page_id in doc.get_pages().values() {
        let fonts = doc.get_page_fonts(*page_id).unwrap_or_default();
        let encodings: BTreeMap<Vec<u8>, Encoding> = fonts
            .into_iter()
            .filter_map(|(name, font)| {
                font.get_font_encoding_with_limit(&doc, MAX_PAGE_CONTENT)
                    .ok()
                    .map(|e| (name, e))
            })
            .collect();
        let data = doc.get_page_content_with_limit(*page_id, MAX_PAGE_CONTENT)?;
        let content = Content::decode(&data)?;
        pages.push(page_lines(&content, &encodings));
    }
    Ok(pages)
}

fn number(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

/// Walks a page's text operators, breaking lines where the text moves down.
fn page_lines(content: &Content, encodings: &BTreeMap<Vec<u8>, Encoding>) -> Vec<String> {
    let mut text = String::new();
    let mut encoding: Option<&Encoding> = None;
    let mut size = 12.0f32;
    let (mut line_x, mut line_y) = (0.0f32, 0.0f32);
    let mut last_y: Option<f32> = None;
    let mut moved = |text: &mut String, x: f32, y: f32, size: f32| {
        if let Some(prev) = last_y {
            let drop = (prev - y).abs();
            if drop > 1.6 * size {
                text.push_str("\n\n");
            } else if drop > 0.5 {
                text.push('\n');
            } else if x > 0.0 && !text.ends_with([' ', '\n']) {
                text.push(' ');
            }
        }
        last_y = Some(y);
    };
    for op in &content.operations {
        let args = &op.operands;
        match op.operator.as_str() {
            "BT" => (line_x, line_y) = (0.0, 0.0),
            "Tf" => {
                encoding = args
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| encodings.get(n));
                size = args.get(1).map_or(size, number).abs().max(1.0);
            }
            "Td" | "TD" => {
                line_x += args.first().map_or(0.0, number);
                line_y += args.get(1).map_or(0.0, number);
                moved(&mut text, line_x, line_y, size);
            }
            "Tm" => {
                line_x = args.get(4).map_or(0.0, number);
                line_y = args.get(5).map_or(0.0, number);
                moved(&mut text, line_x, line_y, size);
            }
            "T*" | "'" | "\"" => {
                line_y -= size * 1.2;
                moved(&mut text, line_x, line_y, size);
                if let (Some(enc), Some(s)) = (encoding, args.last()) {
                    if op.operator != "T*" {
                        show(&mut text, enc, s);
                    }
                }
            }
            "Tj" => {
                if let (Some(enc), Some(s)) = (encoding, args.first()) {
                    show(&mut text, enc, s);
                }
            }
            "TJ" => {
                if let (Some(enc), Some(Object::Array(items))) = (encoding, args.first()) {
                    for item in items {
                        match item {
                            // A wide negative kern is a word space.
                            Object::Integer(_) | Object::Real(_) if number(item) < -200.0 => {
                                if !text.ends_with(' ') {
                                    text.push(' ');
                                }
                            }
                            _ => show(&mut text, enc, item),
                        }
                    }
                }
            }
            _ => {}
        }
    }
    text.split('\n').map(|l| l.trim_end().to_string()).collect()
}

fn show(text: &mut String, encoding: &Encoding, s: &Object) {
    if let Object::String(bytes, _) = s {
        if let Ok(decoded) = Document::decode_text(encoding, bytes) {
            text.push_str(&decoded);
        }
    }
}

/// Joins pages, dropping running headers and footers: a line among the first or
/// last two of a page that recurs (digits aside) on at least half the pages.
fn join_pages(pages: Vec<Vec<String>>) -> String {
    let key = |l: &str| -> String {
        l.trim()
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let edges = |page: &Vec<String>| -> Vec<String> {
        let lines: Vec<&String> = page.iter().filter(|l| !l.trim().is_empty()).collect();
        let n = lines.len();
        lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < 2 || *i + 2 >= n)
            .map(|(_, l)| key(l))
            .collect()
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in &pages {
        let mut seen = edges(page);
        seen.sort();
        seen.dedup();
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let running = |l: &str| {
        pages.len() >= 2
            && counts
                .get(&key(l))
                .is_some_and(|c| c * 2 >= pages.len() && *c >= 2)
    };
    let mut lines: Vec<String> = Vec::new();
    for page in &pages {
        let edge_keys = edges(page);
        for line in page {
            if !line.trim().is_empty() && edge_keys.contains(&key(line)) && running(line) {
                continue;
            }
            lines.push(line.clone());
        }
        lines.push(String::new());
    }
    dehyphenate(lines).join("\n")
}

/// "memoran-" + "dum in June" -> "memorandum in June": a word the typesetter broke
/// at the line's end (a letter, a hyphen, and a lowercase continuation).
fn dehyphenate(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        let breaks = out.last().is_some_and(|prev| {
            let mut tail = prev.chars().rev();
            tail.next() == Some('-') && tail.next().is_some_and(char::is_lowercase)
        });
        if breaks && line.trim_start().starts_with(char::is_lowercase) {
            let prev = out.last_mut().expect("checked above");
            prev.pop();
            prev.push_str(line.trim_start());
        } else {
            out.push(line);
        }
    }
    out
}

#[cfg(test)]
#[path = "pdf_tests.rs"]
mod tests;
