//! A corpus of documents the importer was not tuned on (web captures, prose joint
//! statements, pillars announced in prose, other bilateral dialogues, Spanish
//! comunicados, PDF-to-text captures), each with a golden reader's view reviewed
//! line by line: the source's headline, date and publisher, the dialogue's name,
//! short name and parties, the pillars and initiatives, and every entry's place,
//! status, kind, date and agencies.
//!
//! Every `.txt`/`.html` document in `tests/fixtures/import/corpus/` is checked
//! against `<stem>.json`; every `.txt` is also printed to a PDF and saved as a Word
//! document at test time (`tests/corpus_formats/mod.rs`) and checked against the same
//! golden. `BRIEFBOOK_BLESS=1 cargo test --test import_corpus` rewrites the goldens
//! from the `.txt` (else `.html`) documents; review the diff before committing.
//! `cargo test --test import_corpus -- --nocapture` prints the score per document.

mod corpus_formats;
mod doc_formats;

use briefbook::import::{parse_document, read_path, ParsedDocument};
use briefbook::model::validate::validate_record;
use briefbook::model::{Entry, EntryDate};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/corpus")
}

fn date_view(date: &Option<EntryDate>) -> Value {
    match date {
        None => Value::Null,
        Some(d) => match d.edtf {
            Some(e) => json!(format!("{e} ({})", d.text)),
            None => json!(format!("({})", d.text)),
        },
    }
}

fn entry_view(e: &Entry) -> Value {
    let mut text: String = e.text.chars().take(72).collect();
    if text.len() < e.text.len() {
        text.push('…');
    }
    json!({
        "text": text,
        "status": e.status.as_str(),
        "kind": e.kind.as_str(),
        "date": date_view(&e.date),
        "agencies": e.agencies.join(", "),
    })
}

/// What a reader checks of an imported document, as JSON.
fn reader_view(parsed: &ParsedDocument) -> Value {
    let source = &parsed.record.sources[0];
    let d = &parsed.record.dialogues[0];
    let pillars: Vec<Value> = d
        .pillars
        .iter()
        .map(|p| {
            json!({
                "number": p.number,
                "title": p.title,
                "initiatives": p.initiatives.iter().map(|i| json!({
                    "title": i.title,
                    "summary": i.summary,
                    "entries": i.entries.iter().map(entry_view).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "source": {
            "title": source.title,
            "date": date_view(&source.date),
            "publisher": source.publisher,
        },
        "dialogue": {
            "name": d.name,
            "short_name": d.short_name,
            "parties": d.parties.join(", "),
            "launched": date_view(&d.launched),
        },
        "pillars": pillars,
        "general": d.entries.iter().map(entry_view).collect::<Vec<_>>(),
        "agencies": parsed.record.agencies.iter().map(|a| a.key()).collect::<Vec<_>>().join(", "),
    })
}

/// Every leaf of a JSON value by its path; arrays and objects count by their leaves,
/// an empty one counts as one field.
fn leaves(value: &Value, path: String, out: &mut BTreeMap<String, Value>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                leaves(v, format!("{path}.{k}"), out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            // Items are matched by their title or text, so one missing or invented
            // entry counts once, not for every entry after it.
            for (i, v) in items.iter().enumerate() {
                let key = v
                    .get("title")
                    .or_else(|| v.get("text"))
                    .and_then(Value::as_str)
                    .map_or_else(|| i.to_string(), |t| t.chars().take(40).collect());
                leaves(v, format!("{path}[{key}]"), out);
            }
        }
        Value::Array(_) => {
            out.insert(path, json!([]));
        }
        Value::Object(_) => {
            out.insert(path, Value::Object(Map::new()));
        }
        _ => {
            out.insert(path, value.clone());
        }
    }
}

/// (fields right, fields checked, the first wrong ones) of `got` against `golden`.
/// A field the golden lacks but the import has (an invented entry) counts as wrong.
fn score(golden: &Value, got: &Value) -> (usize, usize, Vec<String>) {
    let (mut want, mut have) = (BTreeMap::new(), BTreeMap::new());
    leaves(golden, String::new(), &mut want);
    leaves(got, String::new(), &mut have);
    let mut wrong = Vec::new();
    let mut right = 0;
    for (path, value) in &want {
        match have.get(path) {
            Some(v) if v == value => right += 1,
            other => wrong.push(format!(
                "{path}: want {value}, got {}",
                other.map_or("nothing".into(), |v| v.to_string())
            )),
        }
    }
    let extra: Vec<&String> = have.keys().filter(|k| !want.contains_key(*k)).collect();
    for path in &extra {
        wrong.push(format!("{path}: not in the golden, got {}", have[*path]));
    }
    (right, want.len() + extra.len(), wrong)
}

fn parse(path: &Path) -> ParsedDocument {
    let text = read_path(path).unwrap_or_else(|e| panic!("{} reads: {e}", path.display()));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let parsed = parse_document(&text, &name);
    validate_record(&parsed.record).expect("parsed record is valid");
    parsed
}

/// (document, golden) pairs: each document and its other formats.
fn documents() -> Vec<(PathBuf, PathBuf)> {
    let mut docs = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
        .collect();
    files.sort();
    for file in files {
        let golden = file.with_extension("json");
        if file.extension().is_some_and(|x| x == "txt") {
            let text = std::fs::read_to_string(&file).expect("text fixture");
            docs.push((corpus_formats::save_as_docx(&file, &text), golden.clone()));
            docs.push((corpus_formats::print_to_pdf(&file, &text), golden.clone()));
        }
        docs.push((file, golden));
    }
    docs
}

/// (document stem, field path) pairs the importer is known to get wrong.
fn known_gaps() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(corpus_dir().join("known-gaps.list")).expect("known gaps");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
        .map(|(stem, path)| (stem.to_string(), path.trim().to_string()))
        .collect()
}

#[test]
fn corpus_matches_the_reviewed_goldens() {
    let gaps = known_gaps();
    let bless = std::env::var_os("BRIEFBOOK_BLESS").is_some();
    let (mut total_right, mut total) = (0, 0);
    let mut failures = Vec::new();
    for (doc, golden_path) in documents() {
        let got = reader_view(&parse(&doc));
        let is_primary = doc.starts_with(corpus_dir())
            && (doc.extension().is_some_and(|x| x == "txt") || !doc.with_extension("txt").exists());
        if bless {
            if is_primary {
                let text = serde_json::to_string_pretty(&got).unwrap() + "\n";
                std::fs::write(&golden_path, text).expect("golden written");
            }
            continue;
        }
        let golden: Value = serde_json::from_str(
            &std::fs::read_to_string(&golden_path)
                .unwrap_or_else(|_| panic!("{} present", golden_path.display())),
        )
        .expect("golden is JSON");
        let (right, checked, wrong) = score(&golden, &got);
        let name = doc.file_name().unwrap().to_string_lossy().into_owned();
        let stem = doc.file_stem().unwrap().to_string_lossy().into_owned();
        let known: Vec<&String> = gaps
            .iter()
            .filter(|(s, _)| *s == stem)
            .map(|(_, p)| p)
            .collect();
        let path_of = |w: &String| w.split(": ").next().unwrap_or("").to_string();
        let unexpected: Vec<&String> = wrong
            .iter()
            .filter(|w| !known.contains(&&path_of(w)))
            .collect();
        for gap in &known {
            if !wrong.iter().any(|w| path_of(w) == **gap) {
                failures.push(format!(
                    "{name}: known gap {gap} is now right; remove it from known-gaps.list"
                ));
            }
        }
        println!("{name:<48} {right:>4} / {checked:<4} fields right");
        for w in wrong.iter().take(20) {
            println!("    {w}");
        }
        total_right += right;
        total += checked;
        if !unexpected.is_empty() {
            failures.push(format!("{name}: {} fields wrong", unexpected.len()));
        }
    }
    if !bless {
        println!("corpus: {total_right} / {total} fields right");
        assert!(failures.is_empty(), "{failures:#?}");
    }
}

#[test]
fn scoring_counts_wrong_and_invented_fields() {
    let golden = json!({"a": 1, "list": [{"x": "y"}]});
    let got = json!({"a": 2, "list": [{"x": "y"}, {"x": "z"}]});
    let (right, checked, wrong) = score(&golden, &got);
    assert_eq!((right, checked), (1, 3));
    assert_eq!(wrong.len(), 2);
    assert_eq!(score(&golden, &golden).0, 2);
}
