//! A Word document (`.docx`) to the plain text the importer reads: heading styles
//! as Markdown headings ("Heading 1" -> `#`, "Title" -> `#`), list paragraphs as
//! bullets nested by their level, every other paragraph (table cells included) as a
//! line. A `.docx` is a zip archive; only `word/document.xml` is read, with its size
//! bounded, so a zip bomb cannot exhaust memory.

use super::ImportError;
use regex::Regex;
use std::io::Read;
use std::sync::LazyLock;

/// Most bytes `word/document.xml` may inflate to.
const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;
const DOCUMENT_XML: &str = "word/document.xml";

/// Whether bytes are a zip archive (a `.docx` is one).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Extracts a Word document's text. Errors name the file.
pub fn to_text(bytes: &[u8], name: &str) -> Result<String, ImportError> {
    let xml = document_xml(bytes).map_err(|detail| ImportError::Undecodable {
        name: name.to_string(),
        encoding: "Word (.docx)",
        detail: detail.to_string(),
    })?;
    let text = paragraphs(&xml);
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            name: name.to_string(),
        });
    }
    Ok(text)
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

/// Finds `word/document.xml` through the zip's central directory and inflates it.
fn document_xml(zip: &[u8]) -> Result<String, &'static str> {
    let corrupt = "the file is not a readable Word document (damaged zip archive)";
    // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
    let search_from = zip.len().saturating_sub(65_557);
    let eocd = (search_from..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..].starts_with(b"PK\x05\x06"))
        .ok_or(corrupt)?;
    let count = u16_at(zip, eocd + 10).ok_or(corrupt)?;
    let mut at = u32_at(zip, eocd + 16).ok_or(corrupt)?;
    for _ in 0..count {
        if !zip.get(at..).is_some_and(|b| b.starts_with(b"PK\x01\x02")) {
            return Err(corrupt);
        }
        let method = u16_at(zip, at + 10).ok_or(corrupt)?;
        let size = u32_at(zip, at + 20).ok_or(corrupt)?;
        let name_len = u16_at(zip, at + 28).ok_or(corrupt)?;
        let extra_len = u16_at(zip, at + 30).ok_or(corrupt)?;
        let comment_len = u16_at(zip, at + 32).ok_or(corrupt)?;
        let local = u32_at(zip, at + 42).ok_or(corrupt)?;
        let name = zip.get(at + 46..at + 46 + name_len).ok_or(corrupt)?;
        if name == DOCUMENT_XML.as_bytes() {
            let data_at = local
                + 30
                + u16_at(zip, local + 26).ok_or(corrupt)?
                + u16_at(zip, local + 28).ok_or(corrupt)?;
            let data = zip.get(data_at..data_at + size).ok_or(corrupt)?;
            let mut xml = Vec::new();
            match method {
                0 => xml.extend_from_slice(data),
                8 => {
                    flate2::read::DeflateDecoder::new(data)
                        .take(MAX_XML_BYTES + 1)
                        .read_to_end(&mut xml)
                        .map_err(|_| corrupt)?;
                }
                _ => return Err("the document is compressed in a way this reader does not know"),
            }
            if xml.len() as u64 > MAX_XML_BYTES {
                return Err("the document's text is too large");
            }
            return String::from_utf8(xml).map_err(|_| corrupt);
        }
        at += 46 + name_len + extra_len + comment_len;
    }
    Err("no word/document.xml: this zip archive is not a Word document")
}

static PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<w:p(?:\s[^>]*)?(?:/>|>(.*?)</w:p>)").unwrap());
static STYLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<w:pStyle\s+w:val="([^"]+)""#).unwrap());
static LEVEL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"<w:ilvl\s+w:val="(\d+)""#).unwrap());
static RUN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:(tab|br|cr)\s*/>").unwrap());

/// Heading level of a paragraph style: "Heading2"/"heading 2" -> 2, "Title" -> 1,
/// Spanish Word's "Ttulo1" ("Título 1") -> 1.
fn heading_level(style: &str) -> Option<usize> {
    let lower = style.to_ascii_lowercase().replace(' ', "");
    if lower == "title" || lower == "ttulo" || lower == "titulo" {
        return Some(1);
    }
    let digits = ["heading", "ttulo", "titulo"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))?;
    digits.parse().ok().filter(|n| (1..=6).contains(n))
}

/// Each paragraph of `document.xml` as a line of Markdown-like text.
fn paragraphs(xml: &str) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for caps in PARAGRAPH.captures_iter(xml) {
        let body = caps.get(1).map_or("", |m| m.as_str());
        let mut text = String::new();
        for run in RUN_TEXT.captures_iter(body) {
            match run.get(1) {
                Some(t) => text.push_str(&super::html::decode_entities(t.as_str())),
                None => text.push(' '),
            }
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            continue;
        }
        let style = STYLE.captures(body).map(|c| c[1].to_string());
        let heading = style.as_deref().and_then(heading_level);
        let listed = heading.is_none()
            && (body.contains("<w:numPr>")
                || style
                    .as_deref()
                    .is_some_and(|s| s.to_ascii_lowercase().contains("list")));
        if in_list && !listed {
            // A list ends: a blank line, so the next paragraph is not read as the
            // last item's continuation.
            out.push('\n');
        }
        in_list = listed;
        if let Some(level) = heading {
            out.push_str(&format!("{} {text}\n\n", "#".repeat(level)));
        } else if listed {
            let depth = LEVEL
                .captures(body)
                .and_then(|c| c[1].parse::<usize>().ok())
                .unwrap_or(0)
                .min(8);
            out.push_str(&format!("{}- {text}\n", "  ".repeat(depth)));
        } else {
            out.push_str(&format!("{text}\n\n"));
        }
    }
    out
}

#[cfg(test)]
#[path = "docx_tests.rs"]
mod tests;
