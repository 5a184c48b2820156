//! Real-shaped documents (web captures, prose joint statements, Spanish comunicados,
//! other bilateral dialogues) checked the way a reader would: headline and dateline,
//! the dialogue's name and parties, the pillars, and for chosen statements where they
//! land, their status, kind, date and agencies. Nothing "Untitled", no furniture.
//!
//! `recovery_score_on_real_documents` counts every check and prints the figure
//! (`cargo test --test import_real -- --nocapture recovery`).

use briefbook::import::{parse_document, read_path, require_structure, ParsedDocument};
use briefbook::model::validate::validate_record;
use briefbook::model::Entry;
use std::path::Path;

mod doc_formats;
#[path = "fixtures/real/expectations.rs"]
mod expectations;
#[path = "fixtures/real/formats.rs"]
mod formats;

use expectations::{documents, Doc, Place};
use formats::other_formats;
use Place::*;

/// Reads a fixture as the app and the command line do (`read_path`: text, saved
/// web page or PDF) and parses it.
fn parse(file: &str) -> ParsedDocument {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(file);
    let text = read_path(&path).expect("fixture reads");
    parse_document(&text, file)
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
