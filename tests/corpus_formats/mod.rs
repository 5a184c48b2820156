//! The corpus's text documents in the formats officials receive them in, made at
//! test time (no tool outside the test): printed to a PDF as a word processor would
//! (lines wrapped at 90 characters, long words hyphenated at the margin, a running
//! header and "Page N of M" on every page) and saved as a Word document (the first
//! line as the Title style, "Pillar" lines as Heading 1, list items as list
//! paragraphs). Used by `tests/import_corpus.rs`.

use crate::doc_formats::{
    list_item, temp_copy_path, write_docx, write_pdf, Paragraph, PrintedLine,
};
use std::path::{Path, PathBuf};

const WIDTH: usize = 90;
const LINES_PER_PAGE: usize = 44;

/// Wraps one line at `WIDTH`, hyphenating a word of 9+ letters that straddles the
/// margin ("cooper-" / "ation"), as PDF printers of justified text do.
fn wrap(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for word in line.split(' ') {
        let len = current.chars().count();
        if len + 1 + word.chars().count() <= WIDTH || current.is_empty() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            continue;
        }
        let room = WIDTH.saturating_sub(len + 2);
        let letters = word.chars().all(char::is_alphabetic);
        if letters && word.chars().count() >= 9 && room >= 4 && word.chars().count() - room >= 4 {
            let head: String = word.chars().take(room).collect();
            let tail: String = word.chars().skip(room).collect();
            out.push(format!("{current} {head}-"));
            current = tail;
        } else {
            out.push(std::mem::take(&mut current));
            current.push_str(word);
        }
    }
    out.push(current);
    out
}

/// Prints `text` to a PDF with a running header (its first line) and "Page N of M";
/// gives its path.
pub fn print_to_pdf(file: &Path, text: &str) -> PathBuf {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let header: String = header.chars().take(60).collect();
    let lines: Vec<String> = text.lines().flat_map(wrap).collect();
    let chunks: Vec<&[String]> = lines.chunks(LINES_PER_PAGE).collect();
    let total = chunks.len();
    let pages: Vec<Vec<PrintedLine>> = chunks
        .iter()
        .enumerate()
        .map(|(n, page)| {
            let mut printed = vec![PrintedLine {
                text: header.clone(),
                y: 812,
            }];
            printed.extend(page.iter().enumerate().map(|(i, line)| PrintedLine {
                text: line.clone(),
                y: 780 - 16 * i as i64,
            }));
            printed.push(PrintedLine {
                text: format!("Page {} of {total}", n + 1),
                y: 40,
            });
            printed
        })
        .collect();
    let path = temp_copy_path("import-corpus", file, "pdf");
    write_pdf(&path, &pages);
    path
}

/// Saves `text` as a Word document: the first line as the Title style, "Pillar" lines
/// as Heading 1, list items as list paragraphs at their indent; gives its path.
pub fn save_as_docx(file: &Path, text: &str) -> PathBuf {
    let mut paragraphs = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let trimmed = line.trim_start();
        let depth = (line.len() - trimmed.len()) / 2;
        let lower = trimmed.to_lowercase();
        paragraphs.push(if paragraphs.is_empty() {
            Paragraph::Styled("Title", trimmed)
        } else if let Some(item) = list_item(trimmed) {
            Paragraph::ListItem(depth, item)
        } else if lower.starts_with("pillar ") || lower.starts_with("pilar ") {
            Paragraph::Styled("Heading1", trimmed)
        } else {
            Paragraph::Plain(trimmed)
        });
    }
    let path = temp_copy_path("import-corpus", file, "docx");
    write_docx(&path, &paragraphs);
    path
}

#[test]
fn wrapping_hyphenates_long_words_at_the_margin() {
    let line = format!("{} cooperation", "a".repeat(84));
    let wrapped = wrap(&line);
    assert_eq!(wrapped.len(), 2, "{wrapped:?}");
    assert!(wrapped[0].ends_with(" coop-"), "{wrapped:?}");
    assert_eq!(wrapped[1], "eration");
}
