//! How packets are set and written, read back from the PDF (lopdf) or from the laid-out
//! pages: document metadata (dates, no PDF/X claim, one Subject, page labels), the
//! marking (10 pt bold, centred, top and bottom of every page), /Lang on text in the
//! other language, headings never last on a page, dates never broken in table cells,
//! and numbered copies that differ only in their stamped line.

#[path = "pdf_pages/read.rs"]
mod read;

use briefbook::import::builtin_record;
use briefbook::model::Lang;
use briefbook::packet::{assemble, Packet, PacketSpec};
use briefbook::render::fonts::Style;
use briefbook::render::paginate::{paginate, Frame, Item, Laid};
use briefbook::render::structure::{Mark, Role};
use briefbook::render::text::Typesetter;
use briefbook::render::tree::{Block, Cell, ParaStyle, Span, Table};
use briefbook::render::{pdf, render_copies, render_pdf};
use lopdf::Document;
use read::{info, page_texts, text_string};

const MARKING: &str = "SENSITIVE BUT UNCLASSIFIED";

fn packet(lang: &str) -> Packet {
    let spec = format!(
        r#"{{"lang":"{lang}","marking":"{MARKING}","prepared_on":"2021-12-10","page":"letter"}}"#
    );
    let spec = PacketSpec::from_json(&spec).expect("valid spec");
    assemble(&spec, &builtin_record().record, &[]).expect("assembles")
}

#[test]
fn dates_are_the_prepared_on_day_and_nothing_claims_pdf_x() {
    for lang in ["en", "es"] {
        let bytes = render_pdf(&packet(lang)).expect("renders").bytes;
        let raw = String::from_utf8_lossy(&bytes);
        let doc = Document::load_mem(&bytes).expect("loads");
        let info = info(&doc);
        assert_eq!(
            text_string(info.get(b"CreationDate").expect("CreationDate")),
            "D:20211210000000Z"
        );
        assert_eq!(
            text_string(info.get(b"ModDate").expect("ModDate")),
            "D:20211210000000Z"
        );
        assert!(
            info.get(b"GTS_PDFXVersion").is_err(),
            "{lang}: claims PDF/X"
        );
        assert!(
            !raw.contains("GTS_PDFX"),
            "{lang}: GTS_PDFX left in the file"
        );
        let subjects = info.iter().filter(|(k, _)| k.as_slice() == b"Subject");
        assert_eq!(subjects.count(), 1);
        let subject = text_string(info.get(b"Subject").unwrap());
        assert!(
            !subject.contains(" — ") || {
                let parts: Vec<&str> = subject.split(" — ").collect();
                parts[0] != parts[1]
            },
            "subject repeats itself: {subject}"
        );
        // The XMP agrees with /Info.
        let xmp = read::xmp(&doc);
        assert!(xmp.contains("<xmp:CreateDate>2021-12-10T00:00:00Z</xmp:CreateDate>"));
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"));
        let title = text_string(info.get(b"Title").unwrap());
        assert!(xmp.contains(&format!("x-default\">{title}<")), "{xmp}");
    }
}

#[test]
fn without_a_prepared_on_date_no_date_is_invented() {
    let spec = PacketSpec::from_json(r#"{"lang":"en"}"#).expect("valid spec");
    let p = assemble(&spec, &builtin_record().record, &[]).expect("assembles");
    assert!(p.prepared_on.is_none());
    let doc = Document::load_mem(&render_pdf(&p).unwrap().bytes).unwrap();
    assert!(info(&doc).get(b"CreationDate").is_err());
    assert!(!read::xmp(&doc).contains("1970"));
}

#[test]
fn page_labels_match_the_printed_numbers() {
    let p = packet("en");
    let bytes = render_pdf(&p).unwrap().bytes;
    let doc = Document::load_mem(&bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    let labels = read::deref(&doc, catalog.get(b"PageLabels").expect("/PageLabels"));
    let nums = read::deref(&doc, labels.as_dict().unwrap().get(b"Nums").unwrap())
        .as_array()
        .unwrap();
    assert_eq!(nums[0].as_i64().unwrap(), 0);
    let cover = read::deref(&doc, &nums[1]).as_dict().unwrap();
    assert_eq!(text_string(cover.get(b"P").unwrap()), "Cover");
    assert_eq!(
        nums[2].as_i64().unwrap(),
        1,
        "numbering starts after the cover"
    );
    let decimal = read::deref(&doc, &nums[3]).as_dict().unwrap();
    assert_eq!(decimal.get(b"S").unwrap().as_name().unwrap(), b"D");
    // The page labelled 1 prints "Page 1 of N".
    let texts = page_texts(&doc);
    assert!(
        texts[1].iter().any(|t| t.text.starts_with("Page 1 of")),
        "{:?}",
        texts[1]
    );
}

#[test]
fn the_marking_is_10_pt_bold_centred_at_top_and_bottom_of_every_page() {
    for lang in ["en", "es"] {
        let p = packet(lang);
        let bytes = render_pdf(&p).unwrap().bytes;
        let doc = Document::load_mem(&bytes).unwrap();
        let width = p.page.points().0;
        let height = p.page.points().1;
        for (i, page) in page_texts(&doc).iter().enumerate() {
            let marks: Vec<_> = page.iter().filter(|t| t.text == MARKING).collect();
            assert_eq!(marks.len(), 2, "{lang} page {}: {marks:?}", i + 1);
            for m in &marks {
                assert!(m.size >= 10.0, "{lang} page {}: {} pt", i + 1, m.size);
                assert!(m.font.contains("Bold"), "{lang}: set in {}", m.font);
                let centre = m.x + m.width / 2.0;
                assert!((centre - width / 2.0).abs() < 2.0, "not centred: {centre}");
            }
            assert!(marks.iter().any(|m| m.y > height - 40.0), "none at the top");
            assert!(marks.iter().any(|m| m.y < 40.0), "none at the bottom");
        }
    }
}

/// A constructed tree: filler paragraphs, then a heading, a short summary and a list,
/// with the filler sized so the heading would otherwise fall at the foot of page 1.
fn crowded(filler_lines: usize) -> Vec<Block> {
    let words = "The working group reviewed supply chain resilience and agreed on next steps ";
    let para = |text: String, style: ParaStyle| Block::Para {
        spans: vec![Span::new(Style::Regular, text)],
        style,
        anchor: None,
        outline: None,
        role: Role::P,
    };
    let mut blocks = Vec::new();
    for _ in 0..filler_lines {
        blocks.push(para("Filler line.".into(), ParaStyle::body(10.0)));
    }
    let heading = Block::Para {
        spans: vec![Span::new(Style::Bold, "Semiconductor supply chains")],
        style: ParaStyle::heading(13.0, 14.0, 6.0),
        anchor: None,
        outline: None,
        role: Role::H2,
    };
    let summary = para(words.repeat(3), ParaStyle::body(10.0));
    let item = para(words.repeat(6), ParaStyle::body(10.0));
    blocks.push(Block::group(
        Role::Sect,
        vec![
            heading,
            summary,
            Block::group(
                Role::L,
                vec![Block::group(
                    Role::LI,
                    vec![
                        Block::Label {
                            span: Span::new(Style::Regular, "•"),
                            size: 10.0,
                        },
                        Block::group(Role::LBody, vec![item]),
                    ],
                )],
            ),
        ],
    ));
    blocks
}

fn role_of(laid: &Laid, item: &Item) -> Option<Role> {
    match item {
        Item::Text {
            mark: Mark::Node(n),
            ..
        } => Some(laid.structure.nodes[*n].role),
        _ => None,
    }
}

#[test]
fn a_heading_and_its_summary_never_end_a_page() {
    let frame = Frame::new((612.0, 792.0));
    let mut seen_break = false;
    // Every filler count that puts the heading near the foot of page 1.
    for filler in 30..50 {
        let mut ts = Typesetter::new(Lang::En);
        let laid = paginate(&crowded(filler), frame, &mut ts, 0);
        seen_break |= laid.pages.len() > 1 && {
            let first = &laid.pages[0];
            first
                .items
                .iter()
                .all(|i| role_of(&laid, i) != Some(Role::H2))
        };
        for (p, page) in laid.pages.iter().enumerate() {
            let roles: Vec<Role> = page
                .items
                .iter()
                .filter_map(|i| role_of(&laid, i))
                .collect();
            let last = roles.last().copied();
            assert_ne!(
                last,
                Some(Role::H2),
                "filler {filler}: heading last on page {p}"
            );
            // The summary (the P right after the heading) never ends the page that
            // holds its heading: at least the start of the list follows it there.
            if let Some(h) = roles.iter().position(|r| *r == Role::H2) {
                assert!(
                    roles[h..].contains(&Role::Lbl),
                    "filler {filler}: heading and summary alone at the foot of page {p}: {roles:?}"
                );
            }
        }
    }
    assert!(seen_break, "no filler count pushed the heading to page 2");
}

fn line_text(item: &Item) -> Option<String> {
    match item {
        Item::Text { line, .. } => Some(
            line.runs
                .iter()
                .flat_map(|r| &r.pieces)
                .flat_map(|p| &p.shaped.glyphs)
                .map(|g| g.text.as_str())
                .collect(),
        ),
        _ => None,
    }
}

#[test]
fn dates_in_a_no_break_cell_stay_on_one_line() {
    let frame = Frame::new((595.0, 842.0));
    let dates = [
        "12 de septiembre de 2021",
        "septiembre de 2021",
        "1 de junio de 2021 – 30 de noviembre de 2022",
    ];
    let rows = dates
        .iter()
        .map(|d| {
            vec![
                Cell::text(Style::Regular, *d).nobreak(),
                Cell::text(Style::Regular, "Una entrada de la cronología."),
            ]
        })
        .collect();
    let table = Block::Table(Table {
        widths: vec![0.17, 0.83],
        header: vec![
            Cell::text(Style::Bold, "Fecha"),
            Cell::text(Style::Bold, "Entrada"),
        ],
        rows,
        size: 8.5,
    });
    let mut ts = Typesetter::new(Lang::Es);
    let laid = paginate(&[table], frame, &mut ts, 0);
    let lines: Vec<String> = laid.pages[0].items.iter().filter_map(line_text).collect();
    for date in &dates[..2] {
        assert!(
            lines.iter().any(|l| l.replace('\u{a0}', " ") == *date),
            "{date} broken: {lines:?}"
        );
    }
    // A range may break after its dash, never inside either date.
    assert!(lines
        .iter()
        .any(|l| l.replace('\u{a0}', " ") == "1 de junio de 2021 –"));
    assert!(lines
        .iter()
        .any(|l| l.replace('\u{a0}', " ") == "30 de noviembre de 2022"));
    // Without the mark the same cell breaks: the test can fail.
    let plain = Block::Table(Table {
        widths: vec![0.17, 0.83],
        header: vec![
            Cell::text(Style::Bold, "Fecha"),
            Cell::text(Style::Bold, ""),
        ],
        rows: vec![vec![
            Cell::text(Style::Regular, dates[0]),
            Cell::text(Style::Regular, ""),
        ]],
        size: 8.5,
    });
    let laid = paginate(&[plain], frame, &mut Typesetter::new(Lang::Es), 0);
    let lines: Vec<String> = laid.pages[0].items.iter().filter_map(line_text).collect();
    assert!(!lines.iter().any(|l| l == dates[0]), "{lines:?}");
}

#[test]
fn english_text_in_a_spanish_packet_carries_lang_and_english_hyphenation() {
    let p = packet("es");
    let english = "Notwithstanding internationalization, telecommunications infrastructure \
                   characteristically necessitates extraordinarily comprehensive coordination."
        .repeat(4);
    let body = |text: &str| Block::Para {
        spans: vec![Span::new(Style::Regular, text)],
        style: ParaStyle::body(10.0),
        anchor: None,
        outline: None,
        role: Role::P,
    };
    let blocks = vec![Block::group(
        Role::Sect,
        vec![
            body("La cooperación internacional fortalece las instituciones regionales."),
            Block::Group {
                role: Role::Sect,
                lang: Some(Lang::En),
                blocks: vec![body(&english)],
            },
        ],
    )];
    let frame = Frame::new(p.page.points());
    let mut ts = Typesetter::new(Lang::Es);
    let mut laid = paginate(&blocks, frame, &mut ts, 0);
    // Hyphenated by the English patterns: every hyphenated break is an English one.
    let lines: Vec<String> = laid.pages[0].items.iter().filter_map(line_text).collect();
    let english_breaks: Vec<&String> = lines.iter().filter(|l| l.ends_with('-')).collect();
    let mut es = Typesetter::new(Lang::Es);
    let spanish = es.set(
        &[Span::new(Style::Regular, english.as_str())],
        &ParaStyle::body(10.0),
        frame.measure(),
    );
    let spanish_breaks: Vec<String> = spanish
        .iter()
        .map(|l| Item::Text {
            x: 0.0,
            y: 0.0,
            line: l.clone(),
            mark: Mark::Artifact(briefbook::render::structure::Artifact::Layout),
        })
        .filter_map(|i| line_text(&i))
        .filter(|l| l.ends_with('-'))
        .collect();
    assert!(!english_breaks.is_empty(), "{lines:?}");
    assert_ne!(
        english_breaks
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>(),
        spanish_breaks
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>(),
        "English text hyphenated as Spanish"
    );
    pdf::finish_pages(&p, &mut laid, frame, &mut ts, None);
    let bytes = pdf::write(&p, &laid, frame, true).expect("writes");
    let doc = Document::load_mem(&bytes).unwrap();
    assert_eq!(
        text_string(doc.catalog().unwrap().get(b"Lang").unwrap()),
        "es-MX"
    );
    let langs: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        // Structure elements (written without the optional /Type): a role and a parent.
        .filter(|d| d.get(b"S").is_ok() && d.get(b"P").is_ok())
        .filter_map(|d| d.get(b"Lang").ok().map(text_string))
        .collect();
    assert_eq!(langs, vec!["en-US".to_string()]);
}

#[test]
fn numbered_copies_differ_only_in_their_stamped_line() {
    let p = packet("en");
    let names = ["Ambassador".to_string(), "Deputy Secretary".to_string()];
    let copies = render_copies(&p, &names).expect("renders");
    assert_eq!(copies.len(), 2);
    let read = |bytes: &[u8]| page_texts(&Document::load_mem(bytes).unwrap());
    let (a, b) = (read(&copies[0].bytes), read(&copies[1].bytes));
    assert_eq!(a.len(), b.len());
    for (page, (pa, pb)) in a.iter().zip(&b).enumerate() {
        let only = |texts: &[read::Placed], other: &[read::Placed]| -> Vec<String> {
            texts
                .iter()
                .filter(|t| !other.iter().any(|o| o.text == t.text && o.y == t.y))
                .map(|t| t.text.clone())
                .collect()
        };
        assert_eq!(
            only(pa, pb),
            vec!["Copy 1 of 2 — Ambassador".to_string()],
            "page {page}"
        );
        assert_eq!(
            only(pb, pa),
            vec!["Copy 2 of 2 — Deputy Secretary".to_string()],
            "page {page}"
        );
    }
    // Each copy is a whole tagged file with its own ID.
    let ids: Vec<Vec<u8>> = copies
        .iter()
        .map(|c| {
            let doc = Document::load_mem(&c.bytes).unwrap();
            assert!(doc.catalog().unwrap().get(b"StructTreeRoot").is_ok());
            assert_eq!(
                info(&doc).get(b"CreationDate").map(text_string).unwrap(),
                "D:20211210000000Z"
            );
            doc.trailer.get(b"ID").unwrap().as_array().unwrap()[0]
                .as_str()
                .unwrap()
                .to_vec()
        })
        .collect();
    assert_ne!(ids[0], ids[1]);
    // A copy is the plain render plus its stamp.
    let plain = read(&render_pdf(&p).unwrap().bytes);
    assert_eq!(plain.len(), a.len());
    assert_eq!(plain[1].len() + 1, a[1].len());
}
