//! The corpus's text documents in the formats officials receive them in, made at
//! test time (no tool outside the test): printed to a PDF as a word processor would
//! (lines wrapped at 90 characters, long words hyphenated at the margin, a running
//! header and "Page N of M" on every page) and saved as a Word document (the first
//! line as the Title style, "Pillar" lines as Heading 1, list items as list
//! paragraphs). Used by `tests/import_corpus.rs`.

use std::path::{Path, PathBuf};

const WIDTH: usize = 90;
const LINES_PER_PAGE: usize = 44;

fn temp_path(file: &Path, extension: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("briefbook-import-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    dir.join(
        file.with_extension(extension)
            .file_name()
            .expect("file name"),
    )
}

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

/// Prints `text` to a PDF (Helvetica 10, one text object per line); gives its path.
pub fn print_to_pdf(file: &Path, text: &str) -> PathBuf {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let header: String = header.chars().take(60).collect();
    let lines: Vec<String> = text.lines().flat_map(wrap).collect();
    let pages: Vec<&[String]> = lines.chunks(LINES_PER_PAGE).collect();
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids: Vec<Object> = Vec::new();
    let total = pages.len();
    for (n, page) in pages.iter().enumerate() {
        let mut ops = Vec::new();
        let mut show = |line: &str, y: i64| {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(line);
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new("Tf", vec!["F1".into(), 10.into()]));
            ops.push(Operation::new("Td", vec![56.into(), y.into()]));
            ops.push(Operation::new(
                "Tj",
                vec![Object::String(
                    bytes.into_owned(),
                    lopdf::StringFormat::Literal,
                )],
            ));
            ops.push(Operation::new("ET", vec![]));
        };
        show(&header, 812);
        for (i, line) in page.iter().enumerate() {
            show(line, 780 - 16 * i as i64);
        }
        show(&format!("Page {} of {total}", n + 1), 40);
        let content = Content { operations: ops };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        kids.push(
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            })
            .into(),
        );
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let path = temp_path(file, "pdf");
    doc.save(&path).expect("PDF written");
    path
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Saves `text` as a Word document; gives its path.
pub fn save_as_docx(file: &Path, text: &str) -> PathBuf {
    let mut body = String::new();
    let mut first = true;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let trimmed = line.trim_start();
        let depth = (line.len() - trimmed.len()) / 2;
        let item = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("• "))
            .or_else(|| {
                trimmed
                    .split_once(". ")
                    .filter(|(n, _)| n.parse::<u32>().is_ok())
                    .map(|(_, t)| t)
            });
        let style = |name: &str| format!(r#"<w:pPr><w:pStyle w:val="{name}"/></w:pPr>"#);
        let (props, text) = if first {
            (style("Title"), trimmed)
        } else if let Some(t) = item {
            (
                format!(
                    r#"<w:pPr><w:numPr><w:ilvl w:val="{depth}"/><w:numId w:val="1"/></w:numPr></w:pPr>"#
                ),
                t,
            )
        } else if trimmed.to_lowercase().starts_with("pillar ")
            || trimmed.to_lowercase().starts_with("pilar ")
        {
            (style("Heading1"), trimmed)
        } else {
            (String::new(), trimmed)
        };
        first = false;
        body.push_str(&format!(
            r#"<w:p>{props}<w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            xml_escape(text)
        ));
    }
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let path = temp_path(file, "docx");
    std::fs::write(
        &path,
        stored_zip(&[
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", &xml),
        ]),
    )
    .expect("docx written");
    path
}

/// A zip archive of stored (uncompressed) files; the importer does not check CRCs.
fn stored_zip(files: &[(&str, &str)]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, content) in files {
        let offset = out.len() as u32;
        let (n, c) = (name.as_bytes(), content.as_bytes());
        let sizes = [
            (c.len() as u32).to_le_bytes(),
            (c.len() as u32).to_le_bytes(),
        ]
        .concat();
        out.extend(b"PK\x03\x04");
        out.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        out.extend(&sizes);
        out.extend((n.len() as u16).to_le_bytes());
        out.extend([0, 0]);
        out.extend(n);
        out.extend(c);
        central.extend(b"PK\x01\x02");
        central.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        central.extend(&sizes);
        central.extend((n.len() as u16).to_le_bytes());
        central.extend([0; 12]);
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

#[test]
fn wrapping_hyphenates_long_words_at_the_margin() {
    let line = format!("{} cooperation", "a".repeat(84));
    let wrapped = wrap(&line);
    assert_eq!(wrapped.len(), 2, "{wrapped:?}");
    assert!(wrapped[0].ends_with(" coop-"), "{wrapped:?}");
    assert_eq!(wrapped[1], "eration");
}
