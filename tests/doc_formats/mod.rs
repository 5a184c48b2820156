//! Writers for the formats officials receive documents in, so a text fixture can be
//! turned into a PDF or a Word document at test time with no tool outside the test.
//! How the text is laid out (wrapping, running headers, which lines are headings) is
//! the caller's choice; this module only writes the files. Shared by
//! `tests/import_corpus.rs` and `tests/import_real.rs`.

// Each test binary that includes this module uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// One line of printed text: what it says and its baseline, in points from the foot of
/// an A4 page.
pub struct PrintedLine {
    pub text: String,
    pub y: i64,
}

/// How a Word paragraph is marked up.
pub enum Paragraph<'a> {
    Plain(&'a str),
    /// A paragraph in a named style ("Title", "Heading1").
    Styled(&'a str, &'a str),
    /// A numbered or bulleted list item at a depth (0 = top level).
    ListItem(usize, &'a str),
}

/// A path for `file`'s copy with another extension, in a folder of this test process.
pub fn temp_copy_path(folder: &str, file: &Path, extension: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("briefbook-{folder}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    dir.join(
        file.with_extension(extension)
            .file_name()
            .expect("file name"),
    )
}

/// Writes pages of text as a PDF: Helvetica 10 at a 56 pt margin, one text object per
/// line (as word processors and browsers print).
pub fn write_pdf(path: &Path, pages: &[Vec<PrintedLine>]) {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids: Vec<Object> = Vec::new();
    for page in pages {
        let mut ops = Vec::new();
        for line in page {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&line.text);
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new("Tf", vec!["F1".into(), 10.into()]));
            ops.push(Operation::new("Td", vec![56.into(), line.y.into()]));
            ops.push(Operation::new(
                "Tj",
                vec![Object::String(
                    bytes.into_owned(),
                    lopdf::StringFormat::Literal,
                )],
            ));
            ops.push(Operation::new("ET", vec![]));
        }
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
    doc.save(path).expect("PDF written");
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Writes paragraphs as a Word document (only the parts the importer reads).
pub fn write_docx(path: &Path, paragraphs: &[Paragraph]) {
    let mut body = String::new();
    for paragraph in paragraphs {
        let (props, text) = match paragraph {
            Paragraph::Plain(text) => (String::new(), text),
            Paragraph::Styled(style, text) => (
                format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#),
                text,
            ),
            Paragraph::ListItem(depth, text) => (
                format!(
                    r#"<w:pPr><w:numPr><w:ilvl w:val="{depth}"/><w:numId w:val="1"/></w:numPr></w:pPr>"#
                ),
                text,
            ),
        };
        body.push_str(&format!(
            r#"<w:p>{props}<w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            xml_escape(text)
        ));
    }
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    std::fs::write(
        path,
        stored_zip(&[
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", &xml),
        ]),
    )
    .expect("docx written");
}

/// The item text of a list line ("- x", "• x", "1. x"), if it is one.
pub fn list_item(line: &str) -> Option<&str> {
    line.strip_prefix("- ")
        .or_else(|| line.strip_prefix("• "))
        .or_else(|| {
            line.split_once(". ")
                .filter(|(n, _)| n.parse::<u32>().is_ok())
                .map(|(_, t)| t)
        })
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
