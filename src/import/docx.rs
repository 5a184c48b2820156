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

static STYLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<w:pStyle\s+w:val="([^"]+)""#).unwrap());
static LEVEL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"<w:ilvl\s+w:val="(\d+)""#).unwrap());

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

/// Whether `text` starts with a white-space character (`\s`).
fn starts_with_space(text: &str) -> bool {
    text.starts_with(char::is_whitespace)
}

/// The content of each paragraph (`<w:p ...>content</w:p>`, or "" for `<w:p/>`), in
/// order: what `(?s)<w:p(?:\s[^>]*)?(?:/>|>(.*?)</w:p>)` finds, read in one pass
/// instead of by a regex's capture engine (the document is megabytes long).
fn paragraph_bodies(xml: &str) -> Vec<&str> {
    const OPEN: &str = "<w:p";
    const CLOSE: &str = "</w:p>";
    let last_close = xml.rfind(CLOSE);
    // The first "</w:p>" at or after `at`.
    let close_after = |at: usize| -> Option<usize> {
        if last_close.is_none_or(|l| l < at) {
            return None;
        }
        xml[at..].find(CLOSE).map(|i| at + i)
    };
    let mut bodies = Vec::new();
    let mut from = 0;
    while let Some(i) = xml[from..].find(OPEN) {
        let start = from + i;
        let after = start + OPEN.len();
        let rest = &xml[after..];
        // Where the tag's ">" is, and whether "/>" may close it instead.
        let (gt, may_self_close) = if rest.starts_with('>') {
            (Some(after), false)
        } else if rest.starts_with("/>") {
            bodies.push("");
            from = after + 2;
            continue;
        } else if starts_with_space(rest) {
            let space = rest.chars().next().map_or(1, char::len_utf8);
            let gt = xml[after + space..].find('>').map(|g| after + space + g);
            (gt, true)
        } else {
            (None, false)
        };
        let Some(gt) = gt else {
            from = after;
            continue;
        };
        if let Some(close) = close_after(gt + 1) {
            bodies.push(&xml[gt + 1..close]);
            from = close + CLOSE.len();
        } else if may_self_close && xml[..gt].ends_with('/') && gt > after + 1 {
            bodies.push("");
            from = gt + 1;
        } else {
            from = after;
        }
    }
    bodies
}

/// The runs of a paragraph: the text of each `<w:t>` element (`Some`), and a tab or
/// break (`None`): what `<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:(tab|br|cr)\s*/>` finds.
fn runs(body: &str) -> Vec<Option<&str>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = body[from..].find("<w:") {
        let start = from + i;
        let after = start + "<w:".len();
        if let Some((text, end)) = run_text(body, after) {
            out.push(Some(text));
            from = end;
            continue;
        }
        let rest = &body[after..];
        let name = ["tab", "br", "cr"].iter().find(|n| rest.starts_with(**n));
        if let Some(name) = name {
            let tail = &rest[name.len()..];
            let spaced = tail.trim_start();
            if spaced.starts_with("/>") {
                out.push(None);
                from = after + name.len() + (tail.len() - spaced.len()) + 2;
                continue;
            }
        }
        from = after;
    }
    out
}

/// A `<w:t>` element whose name ends at `after` (just past "<w:"): its text and
/// where the element ends.
fn run_text(body: &str, after: usize) -> Option<(&str, usize)> {
    let rest = body[after..].strip_prefix('t')?;
    let open_end = after + 1;
    let gt = if rest.starts_with('>') {
        open_end
    } else if starts_with_space(rest) {
        let space = rest.chars().next().map_or(1, char::len_utf8);
        open_end + space + body[open_end + space..].find('>')?
    } else {
        return None;
    };
    let text_end = body[gt + 1..].find('<').map_or(body.len(), |i| gt + 1 + i);
    body[text_end..]
        .starts_with("</w:t>")
        .then(|| (&body[gt + 1..text_end], text_end + "</w:t>".len()))
}

/// Each paragraph of `document.xml` as a line of Markdown-like text.
fn paragraphs(xml: &str) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for body in paragraph_bodies(xml) {
        let mut text = String::new();
        for run in runs(body) {
            match run {
                Some(t) => text.push_str(&super::html::decode_entities(t)),
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
