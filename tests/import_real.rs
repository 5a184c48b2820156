//! Real-shaped documents (web captures, prose joint statements, Spanish comunicados,
//! other bilateral dialogues) checked the way a reader would: headline and dateline,
//! the dialogue's name and parties, the pillars, and for chosen statements where they
//! land, their status, kind, date and agencies. Nothing "Untitled", no furniture.
//!
//! `recovery_score_on_real_documents` counts every check and prints the figure
//! (`cargo test --test import_real -- --nocapture recovery`).

use briefbook::import::{parse_document, read_path, require_structure, ParsedDocument};
use briefbook::model::validate::validate_record;
use briefbook::model::{Entry, EntryKind, Status};
use std::path::Path;

/// Where a statement is expected: at dialogue level ("General") or under a pillar.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    General,
    Pillar(u32),
}

/// One statement a reader would look for, found by a piece of its text.
struct Stmt {
    has: &'static str,
    place: Place,
    status: Option<Status>,
    kind: Option<EntryKind>,
    /// EDTF of the entry's own date.
    date: Option<&'static str>,
    agencies: &'static [&'static str],
    /// Words the status phrase must keep (both halves of "signed ... and will").
    phrases: &'static [&'static str],
}

const fn stmt(has: &'static str, place: Place) -> Stmt {
    Stmt {
        has,
        place,
        status: None,
        kind: None,
        date: None,
        agencies: &[],
        phrases: &[],
    }
}

struct Doc {
    file: &'static str,
    title: &'static str,
    date: &'static str,
    publisher: Option<&'static str>,
    name: &'static str,
    short_name: Option<&'static str>,
    parties: &'static [&'static str],
    pillars: &'static [&'static str],
    statements: Vec<Stmt>,
    /// Text of page furniture that must not become an entry, title or name.
    furniture: &'static [&'static str],
}

use EntryKind::*;
use Place::*;
use Status::*;

fn documents() -> Vec<Doc> {
    vec![
        Doc {
            file: "commerce-hled-2023-capture.txt",
            title: "Joint Statement on the 2023 U.S.-Mexico High-Level Economic Dialogue",
            date: "2023-04-04",
            publisher: Some("U.S. Department of Commerce"),
            name: "U.S.-Mexico High-Level Economic Dialogue",
            short_name: Some("HLED"),
            parties: &["US", "MX"],
            pillars: &[
                "Building Back Together",
                "Promoting Sustainable Economic and Social Development in Southern Mexico and Central America",
                "Securing the Tools for Future Prosperity",
                "Investing in Our People",
            ],
            statements: vec![
                Stmt {
                    status: Some(Done),
                    kind: Some(Meeting),
                    date: Some("2023-04-04"),
                    agencies: &["DOC", "DOS", "USTR", "SRE", "SE"],
                    ..stmt("Today, Secretary of Commerce", General)
                },
                Stmt {
                    status: Some(Done),
                    date: Some("2021-09"),
                    ..stmt("was relaunched in September 2021", General)
                },
                Stmt {
                    status: Some(InProgress),
                    agencies: &["DOC", "SE"],
                    phrases: &["signed", "will"],
                    ..stmt("signed a memorandum of understanding on semiconductor", Pillar(1))
                },
                Stmt {
                    status: Some(InProgress),
                    agencies: &["USAID", "AMEXCID"],
                    ..stmt("three of four planned youth employment", Pillar(2))
                },
                Stmt {
                    status: Some(Planned),
                    date: Some("2023-04-04/2023"),
                    agencies: &["TREAS", "SHCP"],
                    ..stmt("cybersecurity exercise for the financial sector", Pillar(3))
                },
                stmt("upcoming USMCA Free Trade Commission", General),
                Stmt {
                    status: Some(Planned),
                    kind: Some(Meeting),
                    date: Some("2024"),
                    ..stmt("intend to hold the next HLED", General)
                },
            ],
            furniture: &[
                "official website",
                "Here's how you know",
                "Breadcrumb",
                "482-4883",
                "publicaffairs",
                "Share",
                "four pillars:",
                ".gov",
            ],
        },
        Doc {
            file: "state-epcc-joint-statement.txt",
            title: "Joint Statement of the U.S.-Japan Economic Policy Consultative Committee",
            date: "2022-07-29",
            publisher: Some("Office of the Spokesperson"),
            name: "U.S.-Japan Economic Policy Consultative Committee",
            short_name: Some("EPCC"),
            parties: &["US", "JP"],
            pillars: &[],
            statements: vec![
                Stmt {
                    status: Some(Done),
                    kind: Some(Meeting),
                    date: Some("2022-07-29"),
                    agencies: &["DOS", "DOC"],
                    ..stmt("for the inaugural meeting", General)
                },
                Stmt {
                    status: Some(Done),
                    date: Some("2022-01"),
                    ..stmt("launched by President Biden", General)
                },
                stmt("discussed economic coercion", General),
                Stmt {
                    status: Some(Planned),
                    date: Some("2022-07-25/2022-07-31"),
                    ..stmt("joint task force on semiconductor", General)
                },
                Stmt {
                    status: Some(Planned),
                    date: Some("2023"),
                    ..stmt("like-minded partners", General)
                },
            ],
            furniture: &[
                "DEPARTMENT of STATE",
                "MEDIA NOTE",
                "text of the following statement",
                "Begin Text",
                "End Text",
            ],
        },
        Doc {
            file: "sre-comunicado-dean-2024.txt",
            title: "Concluye la reunión del Diálogo Económico de Alto Nivel México-Estados Unidos",
            date: "2024-03-05",
            publisher: Some("Secretaría de Relaciones Exteriores"),
            name: "U.S.-Mexico High-Level Economic Dialogue",
            short_name: Some("HLED"),
            parties: &["US", "MX"],
            pillars: &[
                "Reconstruir juntos",
                "Promover el desarrollo económico y social sostenible en el sur de México y Centroamérica",
                "Asegurar las herramientas para la prosperidad futura",
                "Invertir en nuestra gente",
            ],
            statements: vec![
                Stmt {
                    status: Some(Done),
                    kind: Some(Meeting),
                    date: Some("2024-03-05"),
                    agencies: &["DOS", "SRE"],
                    ..stmt("Hoy se llevó a cabo", General)
                },
                Stmt {
                    status: Some(Done),
                    kind: Some(Milestone),
                    agencies: &["DOC", "SE"],
                    ..stmt("firmaron un memorando", Pillar(1))
                },
                Stmt {
                    status: Some(Planned),
                    agencies: &["TREAS", "SHCP"],
                    ..stmt("ciberseguridad financiera", Pillar(3))
                },
                Stmt {
                    status: Some(InProgress),
                    date: Some("2024"),
                    ..stmt("continuarán el programa de becas", Pillar(4))
                },
                Stmt {
                    status: Some(Planned),
                    kind: Some(Meeting),
                    date: Some("2024-23"),
                    ..stmt("acordaron reunirse nuevamente", General)
                },
            ],
            furniture: &["Gobierno de México", "Comunicado No", "Compartir", "3686-5100", "cuatro pilares:"],
        },
        Doc {
            file: "brazil-ceo-forum-fact-sheet.txt",
            title: "Fact Sheet: U.S.-Brazil CEO Forum Recommendations and Accomplishments",
            date: "2019-11-07",
            publisher: Some("U.S. Department of Commerce"),
            name: "U.S.-Brazil CEO Forum",
            short_name: None,
            parties: &["US", "BR"],
            pillars: &[
                "Trade and Investment Facilitation",
                "Infrastructure",
                "Innovation and the Digital Economy",
            ],
            statements: vec![
                stmt("brings together chief executives", General),
                Stmt {
                    status: Some(Done),
                    kind: Some(Milestone),
                    date: Some("2019-10"),
                    ..stmt("Executed a Customs Mutual Assistance", Pillar(1))
                },
                Stmt {
                    status: Some(InProgress),
                    ..stmt("Completed three of four", Pillar(1))
                },
                Stmt {
                    status: Some(InProgress),
                    phrases: &["Signed", "will"],
                    ..stmt("Signed a memorandum on infrastructure", Pillar(2))
                },
                Stmt {
                    status: Some(Done),
                    date: Some("2019-06"),
                    ..stmt("Launched the U.S.-Brazil Innovation Dialogue", Pillar(3))
                },
                Stmt {
                    status: Some(Done),
                    kind: Some(Meeting),
                    date: Some("2019-08"),
                    ..stmt("Held a workshop on data privacy", Pillar(3))
                },
            ],
            furniture: &["Click here", "202-482-4883", "11/07/2019", "Media contact"],
        },
        Doc {
            file: "canada-partnership-roadmap.txt",
            title: "Roadmap for a Renewed U.S.-Canada Partnership",
            date: "2021-02-23",
            publisher: None,
            name: "Roadmap for a Renewed U.S.-Canada Partnership",
            short_name: None,
            parties: &["US", "CA"],
            pillars: &[
                "Combating COVID-19",
                "Building back better",
                "Accelerating climate ambitions",
            ],
            statements: vec![
                Stmt {
                    status: Some(Done),
                    kind: Some(Meeting),
                    date: Some("2021-02-23"),
                    ..stmt("Prime Minister Justin Trudeau met today", General)
                },
                Stmt {
                    status: Some(Planned),
                    ..stmt("coordinate border measures", Pillar(1))
                },
                Stmt {
                    status: Some(Planned),
                    date: Some("2021-02-22/2021-02-28"),
                    ..stmt("critical minerals supply chains", Pillar(2))
                },
                Stmt {
                    status: Some(Planned),
                    ..stmt("High-Level Climate Ministerial", Pillar(3))
                },
                Stmt {
                    status: Some(Planned),
                    kind: Some(Meeting),
                    date: Some("2021-02-23/2021"),
                    ..stmt("will meet again later this year", General)
                },
            ],
            furniture: &["Briefing Room", "Statements and Releases", "three pillars:"],
        },
        Doc {
            file: "colombia-dialogue-numbered-prose.txt",
            title: "Joint Statement from the U.S.-Colombia High-Level Partnership Dialogue",
            date: "2022-11-14",
            publisher: Some("Office of the Spokesperson"),
            name: "U.S.-Colombia High-Level Partnership Dialogue",
            short_name: None,
            parties: &["US", "CO"],
            pillars: &[
                "Rural security and development",
                "Environmental protection and climate change",
                "Trade and investment",
                "Migration and human rights",
            ],
            statements: vec![
                Stmt {
                    status: Some(Done),
                    kind: Some(Meeting),
                    date: Some("2022-11-14"),
                    ..stmt("held the tenth High-Level Partnership Dialogue", General)
                },
                Stmt {
                    status: Some(InProgress),
                    agencies: &["DOS"],
                    phrases: &["launched", "will"],
                    ..stmt("rural security strategy", Pillar(1))
                },
                Stmt {
                    status: Some(InProgress),
                    phrases: &["signed", "intend to"],
                    ..stmt("letter of intent on deforestation", Pillar(2))
                },
                Stmt {
                    status: Some(Planned),
                    kind: Some(Meeting),
                    date: Some("2023"),
                    agencies: &["USTR"],
                    ..stmt("Free Trade Agreement Commission", Pillar(3))
                },
                Stmt {
                    status: Some(Done),
                    ..stmt("registration of Venezuelan migrants", Pillar(4))
                },
                stmt("welcomed the progress", General),
            ],
            furniture: &["11/14/2022", "four pillars:"],
        },
        Doc {
            file: "eu-strategic-dialogue-no-pillars.txt",
            title: "Joint Statement from the U.S.-EU Strategic Dialogue on Economic Security",
            date: "2023-10-12",
            publisher: Some("Office of the United States Trade Representative"),
            name: "U.S.-EU Strategic Dialogue on Economic Security",
            short_name: None,
            parties: &["US", "EU"],
            pillars: &[],
            statements: vec![
                Stmt {
                    status: Some(Done),
                    kind: Some(Meeting),
                    date: Some("2023-10-12"),
                    ..stmt("convened the Strategic Dialogue", General)
                },
                Stmt {
                    date: Some("2021/.."),
                    ..stmt("Trade and Technology Council", General)
                },
                Stmt {
                    status: Some(Planned),
                    ..stmt("outbound investment risks", General)
                },
                Stmt {
                    status: Some(Planned),
                    kind: Some(Meeting),
                    date: Some("2024-21"),
                    ..stmt("will hold the next Strategic Dialogue", General)
                },
            ],
            furniture: &["official website", "Here's how you know", "press@ustr", "395-3230"],
        },
    ]
}

/// Reads a fixture as the app and the command line do (`read_path`: text, saved
/// web page or PDF) and parses it.
fn parse(file: &str) -> ParsedDocument {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(file);
    let text = read_path(&path).expect("fixture reads");
    parse_document(&text, file)
}

/// The same documents in other formats, with the same expectations: the saved web
/// page of the Commerce capture (its site header, and so its publisher line, is
/// furniture), and every text document printed to a PDF.
fn other_formats() -> Vec<Doc> {
    let mut docs = Vec::new();
    for doc in documents() {
        if doc.file == "commerce-hled-2023-capture.txt" {
            docs.push(Doc {
                file: "commerce-hled-2023-capture.html",
                publisher: None,
                ..documents().remove(0)
            });
        }
        let pdf: &'static str = Box::leak(print_to_pdf(doc.file).into_boxed_str());
        docs.push(Doc { file: pdf, ..doc });
    }
    docs
}

/// Prints a text fixture to a PDF (Helvetica, 46 lines a page, one text object per
/// line, as word processors and browsers do), in a temporary folder; gives its path.
fn print_to_pdf(file: &str) -> String {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/real")
            .join(file),
    )
    .expect("fixture present");
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let lines: Vec<&str> = text.lines().collect();
    let mut kids: Vec<Object> = Vec::new();
    for page in lines.chunks(46) {
        let mut ops = Vec::new();
        for (i, line) in page.iter().enumerate() {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(line);
            let y = 800 - 16 * i as i64;
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
    let dir = std::env::temp_dir().join(format!("briefbook-import-real-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let path = dir.join(file.replace(".txt", ".pdf"));
    doc.save(&path).expect("PDF written");
    path.display().to_string()
}

/// Every entry with where it sits.
fn placed(parsed: &ParsedDocument) -> Vec<(Place, &Entry)> {
    let d = &parsed.record.dialogues[0];
    let general = d.entries.iter().map(|e| (General, e));
    let pillars = d.pillars.iter().flat_map(|p| {
        p.initiatives
            .iter()
            .flat_map(move |i| i.entries.iter().map(move |e| (Pillar(p.number), e)))
    });
    general.chain(pillars).collect()
}

/// Runs every check on one document: (description, passed).
fn checks(doc: &Doc) -> Vec<(String, bool)> {
    let parsed = parse(doc.file);
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut check = |what: String, ok: bool| out.push((format!("{}: {what}", doc.file), ok));
    let source = &parsed.record.sources[0];
    let d = &parsed.record.dialogues[0];
    check(
        format!("title {:?} (got {:?})", doc.title, source.title),
        source.title == doc.title,
    );
    let date = source
        .date
        .as_ref()
        .and_then(|d| d.edtf)
        .map(|e| e.to_string());
    check(
        format!("date {} (got {date:?})", doc.date),
        date.as_deref() == Some(doc.date),
    );
    if let Some(p) = doc.publisher {
        check(
            format!("publisher {p:?} (got {:?})", source.publisher),
            source.publisher.as_deref() == Some(p),
        );
    }
    check(
        format!("dialogue {:?} (got {:?})", doc.name, d.name),
        d.name == doc.name,
    );
    if let Some(s) = doc.short_name {
        check(
            format!("short name {s:?} (got {:?})", d.short_name),
            d.short_name == s,
        );
    }
    check(
        format!("parties {:?} (got {:?})", doc.parties, d.parties),
        d.parties == doc.parties,
    );
    let titles: Vec<&str> = d.pillars.iter().map(|p| p.title.as_str()).collect();
    check(
        format!("{} pillars (got {titles:?})", doc.pillars.len()),
        titles.len() == doc.pillars.len(),
    );
    for (n, want) in doc.pillars.iter().enumerate() {
        let got = d
            .pillars
            .iter()
            .find(|p| p.number == n as u32 + 1)
            .map(|p| p.title.as_str());
        check(
            format!("pillar {} {want:?} (got {got:?})", n + 1),
            got == Some(*want),
        );
    }
    let entries = placed(&parsed);
    for s in &doc.statements {
        let found = entries.iter().find(|(_, e)| e.text.contains(s.has));
        let Some((place, e)) = found else {
            check(
                format!("statement {:?} is an entry (missing)", s.has),
                false,
            );
            continue;
        };
        check(
            format!("{:?} under {:?} (got {place:?})", s.has, s.place),
            *place == s.place,
        );
        if let Some(status) = s.status {
            check(
                format!(
                    "{:?} is {status} (got {} {:?})",
                    s.has, e.status, e.status_phrase
                ),
                e.status == status,
            );
        }
        if let Some(kind) = s.kind {
            check(
                format!("{:?} is a {kind} (got {})", s.has, e.kind),
                e.kind == kind,
            );
        }
        if let Some(date) = s.date {
            let got = e.date.as_ref().and_then(|d| d.edtf).map(|v| v.to_string());
            check(
                format!("{:?} dated {date} (got {got:?})", s.has),
                got.as_deref() == Some(date),
            );
        }
        for a in s.agencies {
            check(
                format!("{:?} names {a} (got {:?})", s.has, e.agencies),
                e.agencies.iter().any(|g| g == a),
            );
        }
        for p in s.phrases {
            let phrase = e.status_phrase.as_deref().unwrap_or("");
            check(
                format!("{:?} keeps phrase {p:?} (got {phrase:?})", s.has),
                phrase.contains(p),
            );
        }
    }
    let all_titles: Vec<&str> = d
        .pillars
        .iter()
        .flat_map(|p| {
            std::iter::once(p.title.as_str()).chain(p.initiatives.iter().map(|i| i.title.as_str()))
        })
        .collect();
    check(
        format!("nothing Untitled (got {all_titles:?}, {:?})", d.name),
        !all_titles.iter().any(|t| t.contains("Untitled")) && !d.name.contains("Untitled"),
    );
    for f in doc.furniture {
        let leaked = entries.iter().any(|(_, e)| e.text.contains(f))
            || all_titles.iter().any(|t| t.contains(f))
            || source.title.contains(f)
            || d.name.contains(f);
        check(format!("furniture {f:?} is not content"), !leaked);
    }
    out
}

#[test]
fn recovery_score_on_real_documents() {
    let mut passed = 0;
    let mut total = 0;
    let mut failures = Vec::new();
    for doc in documents().into_iter().chain(other_formats()) {
        for (what, ok) in checks(&doc) {
            total += 1;
            if ok {
                passed += 1;
            } else {
                failures.push(what);
            }
        }
    }
    println!("recovery: {passed}/{total} checks pass");
    for f in &failures {
        println!("  FAILED {f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {total} checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_real_document_gives_a_valid_record() {
    for doc in documents() {
        let parsed = parse(doc.file);
        validate_record(&parsed.record).unwrap_or_else(|e| panic!("{}: {e:?}", doc.file));
        require_structure(&parsed, doc.file).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn text_that_is_not_a_dialogue_document_is_refused() {
    for (name, text) in [
        ("hello.txt", "hello"),
        ("list.txt", "milk\neggs\nbread\n2 apples\n"),
        ("data.json", "{\"a\": [1, 2, 3], \"b\": {\"c\": null}}"),
    ] {
        let parsed = parse_document(text, name);
        let err = require_structure(&parsed, name).expect_err(name);
        assert!(
            err.to_string().contains("no dialogue structure found"),
            "{err}"
        );
        assert!(err.to_string().contains(name), "{err}");
    }
}
