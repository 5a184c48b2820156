//! Parse time of the seed fact sheet and of generated ~1 MB documents: a fact sheet
//! as text, a prose joint statement with pillars announced in prose, and the fact
//! sheet saved as a web page, a Word document and a PDF (read from disk and parsed,
//! as the app and the command line do).
//! Targets (issues 3 and 10): seed <= 5 ms; 1 MB (text, HTML, DOCX or PDF) <= 200 ms.
//! Run: `cargo bench --bench import`.

use briefbook::import::{parse_document, read_path, read_text, BUILTIN_NAME, BUILTIN_SOURCE};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// A fact sheet of about `target` bytes: numbered pillars, initiatives with a summary,
/// bullets and nested bullets with dates, agencies and status words.
fn generated_document(target: usize) -> String {
    let bullets = [
        "The United States and Mexico intend to meet monthly to advance the Working Group's goals on supply chains and trade facilitation across the border.",
        "USAID and the Mexican Agency for International Development Cooperation (AMEXCID) signed a MOU in June 2021 and have developed an action plan to be completed over the coming year.",
        "The Mexican sanitary agency (COFEPRIS) and the United States Patent and Trademark Office are finalizing a proposal on regulatory convergence, with a launch planned in July 2022.",
        "Both governments carried out a virtual trade mission on October 25, 2021, which provided an opportunity to exchange information and explore commercial collaboration.",
        "Se firmó un memorándum entre la Secretaría de Economía y USTR el 12 de septiembre de 2022 para fortalecer las cadenas de suministro.",
    ];
    let mut doc = String::from("U.S.-Mexico High-Level Economic Dialogue (HLED) Fact Sheet\n\nFOR IMMEDIATE RELEASE\n\nMonday, December 13, 2021\n\nThe United States and Mexico agree to work on the pillars of the [HLED](#), relaunched on September 9, 2021.\n\n");
    let mut pillar = 0;
    while doc.len() < target {
        pillar += 1;
        doc.push_str(&format!(
            "Pillar {pillar}: Building Back Together Part {pillar}\n\n"
        ));
        for initiative in 1..=10 {
            doc.push_str(&format!(
                "Strengthening Supply Chains Cooperation {pillar}.{initiative}\n\n"
            ));
            doc.push_str("- Seeks opportunities to complement supply chain needs of both countries by establishing a Working Group.\n");
            for (i, bullet) in bullets.iter().cycle().take(12).enumerate() {
                let indent = if i % 4 == 3 { " " } else { "" };
                doc.push_str(&format!(
                    "{indent}- {bullet} (item {pillar}.{initiative}.{i})\n"
                ));
            }
            doc.push('\n');
        }
    }
    doc
}

/// A prose joint statement of about `target` bytes: pillars announced in one
/// sentence, then paragraphs that discuss them, meetings and commitments.
fn prose_statement(target: usize) -> String {
    let paragraphs = [
        "To build back together, the Department of Commerce and the Secretaría de Economía signed a memorandum on semiconductor supply chains and will map critical sectors by the end of 2023.",
        "On sustainable economic and social development in southern Mexico and Central America, USAID and AMEXCID have completed three of four planned youth employment projects.",
        "To secure the tools for future prosperity, Treasury and the SHCP agreed to hold a cybersecurity exercise for the financial sector later this year.",
        "Today, the Secretaries met in Washington for the U.S.-Mexico High-Level Economic Dialogue and discussed the upcoming Free Trade Commission meeting this week.",
        "The United States and Mexico intend to hold the next HLED in Mexico City in 2024.",
    ];
    let mut doc = String::from("Joint Statement on the 2023 U.S.-Mexico High-Level Economic Dialogue\n\nWASHINGTON, D.C. - April 4, 2023 - Today, the delegations met.\n\nThe HLED's work is organized under four pillars: (1) Building Back Together; (2) Promoting Sustainable Economic and Social Development in Southern Mexico and Central America; (3) Securing the Tools for Future Prosperity; and (4) Investing in Our People.\n\n");
    let mut n = 0;
    while doc.len() < target {
        n += 1;
        doc.push_str(&format!(
            "{} (item {n})\n\n",
            paragraphs[n % paragraphs.len()]
        ));
    }
    doc
}

/// The fact sheet as a saved web page: pillar and initiative lines as headings,
/// bullets as list items, inside a page with a banner and navigation.
fn as_html(text: &str) -> String {
    let mut html = String::from("<!DOCTYPE html><html><head><title>Fact Sheet</title></head><body><section class=\"usa-banner\"><p>An official website of the United States government</p></section><nav><ul><li>Home</li></ul></nav><main>");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let escaped = line.replace('&', "&amp;").replace('<', "&lt;");
        if let Some(item) = escaped.trim_start().strip_prefix("- ") {
            html.push_str(&format!("<ul><li>{item}</li></ul>\n"));
        } else if escaped.starts_with("Pillar") {
            html.push_str(&format!("<h2>{escaped}</h2>\n"));
        } else {
            html.push_str(&format!("<p>{escaped}</p>\n"));
        }
    }
    html.push_str("</main></body></html>");
    html
}

/// The fact sheet as a Word document: a stored zip holding `word/document.xml`.
fn as_docx(text: &str) -> Vec<u8> {
    let mut body = String::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let escaped = line.replace('&', "&amp;").replace('<', "&lt;");
        let (props, t) = match escaped.trim_start().strip_prefix("- ") {
            Some(item) => (
                r#"<w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr>"#,
                item.to_string(),
            ),
            None => ("", escaped.clone()),
        };
        body.push_str(&format!("<w:p>{props}<w:r><w:t>{t}</w:t></w:r></w:p>"));
    }
    let xml = format!("<w:document><w:body>{body}</w:body></w:document>");
    let (name, content) = (b"word/document.xml", xml.as_bytes());
    let size = (content.len() as u32).to_le_bytes();
    let mut zip = Vec::new();
    zip.extend(b"PK\x03\x04");
    zip.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    zip.extend(size);
    zip.extend(size);
    zip.extend((name.len() as u16).to_le_bytes());
    zip.extend([0, 0]);
    zip.extend(name);
    zip.extend(content);
    let central_at = zip.len() as u32;
    let mut central = Vec::new();
    central.extend(b"PK\x01\x02");
    central.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    central.extend(size);
    central.extend(size);
    central.extend((name.len() as u16).to_le_bytes());
    central.extend([0; 12]);
    central.extend(0u32.to_le_bytes());
    central.extend(name);
    zip.extend(&central);
    zip.extend(b"PK\x05\x06");
    zip.extend([0, 0, 0, 0, 1, 0, 1, 0]);
    zip.extend((central.len() as u32).to_le_bytes());
    zip.extend(central_at.to_le_bytes());
    zip.extend([0, 0]);
    zip
}

/// The fact sheet printed to a PDF, one text object per line, 60 lines a page.
fn as_pdf(text: &str) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream, StringFormat};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let lines: Vec<&str> = text.lines().collect();
    let mut kids: Vec<Object> = Vec::new();
    for page in lines.chunks(60) {
        let mut ops = Vec::new();
        for (i, line) in page.iter().enumerate() {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(line);
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new("Tf", vec!["F1".into(), 8.into()]));
            ops.push(Operation::new(
                "Td",
                vec![40.into(), (820 - 13 * i as i64).into()],
            ));
            ops.push(Operation::new(
                "Tj",
                vec![Object::String(bytes.into_owned(), StringFormat::Literal)],
            ));
            ops.push(Operation::new("ET", vec![]));
        }
        let content = Content { operations: ops }
            .encode()
            .expect("content encodes");
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        kids.push(
            doc.add_object(
                dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content_id },
            )
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
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("PDF written");
    bytes
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Bytes(BUILTIN_SOURCE.len() as u64));
    group.bench_function("parse seed fact sheet", |b| {
        b.iter(|| parse_document(black_box(BUILTIN_SOURCE), BUILTIN_NAME))
    });
    let big = generated_document(1024 * 1024);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("parse 1 MB document", |b| {
        b.iter(|| parse_document(black_box(&big), "generated.txt"))
    });
    group.bench_function("decode 1 MB document", |b| {
        b.iter(|| read_text(black_box(big.as_bytes()), "generated.txt"))
    });
    let prose = prose_statement(1024 * 1024);
    group.throughput(Throughput::Bytes(prose.len() as u64));
    group.bench_function("parse 1 MB prose joint statement", |b| {
        b.iter(|| parse_document(black_box(&prose), "statement.txt"))
    });
    let dir = tempfile::tempdir().expect("temporary folder");
    let html = dir.path().join("fact-sheet.html");
    std::fs::write(&html, as_html(&big)).expect("page written");
    let docx = dir.path().join("fact-sheet.docx");
    std::fs::write(&docx, as_docx(&big)).expect("docx written");
    let pdf = dir.path().join("fact-sheet.pdf");
    std::fs::write(&pdf, as_pdf(&big)).expect("pdf written");
    for (label, path) in [("HTML", &html), ("DOCX", &docx), ("PDF", &pdf)] {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        group.throughput(Throughput::Bytes(size));
        group.bench_function(format!("read and parse 1 MB fact sheet as {label}"), |b| {
            b.iter(|| {
                let text = read_path(black_box(path)).expect("document reads");
                parse_document(&text, "fact-sheet")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
