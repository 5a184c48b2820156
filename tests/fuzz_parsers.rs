//! Property-based fuzzing of the four parsers that read what a person or a file hands
//! Briefbook: the fact-sheet importer, the JSON interchange reader, the EDTF date parser and
//! the search query. None may panic; what they accept must be sound (a valid record that
//! survives a round trip and a merge into a store; a date that reads back as itself; a
//! search that answers or names the problem).
//!
//! `BRIEFBOOK_FUZZ_CASES` sets the cases per property (default 256, the short run of the
//! test command); `scripts/fuzz` runs a fixed large budget. A failure prints the input
//! proptest shrank it to.

use briefbook::import::{parse_document, read_text};
use briefbook::interchange::{parse_interchange, to_interchange};
use briefbook::model::validate::validate_record;
use briefbook::model::{read_date_input, Edtf, Origin};
use briefbook::store::{Store, StoreError};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;
use std::cell::{Cell, RefCell};

const FIXTURE: &str = include_str!("fixtures/small-record.json");

fn cases() -> u32 {
    std::env::var("BRIEFBOOK_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256)
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: cases(),
        // Regressions are kept beside the test only when someone opts in; a test run
        // never writes to the tree.
        failure_persistence: None,
        ..Config::default()
    })
}

/// Fails with the shrunk input, or prints the figures: cases run, how many the parser
/// accepted (the rest it refused with a message), crashes.
fn report(
    name: &str,
    accepted: usize,
    result: Result<(), proptest::test_runner::TestError<impl std::fmt::Debug>>,
) {
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    println!(
        "fuzz {name}: {} cases, {accepted} accepted, 0 crashes",
        cases()
    );
}

// ---------------------------------------------------------------- the fact-sheet importer

const SHEET_PIECES: &[&str] = &[
    "Pillar I: ",
    "PILLAR 2 -",
    "Pilar III. ",
    "# ",
    "## ",
    "- ",
    "* ",
    "1. ",
    "(a) ",
    "signed ",
    "will ",
    "intend to ",
    "June 2021",
    "October 25, 2021",
    "12 de septiembre de 2022",
    "13/45/2013",
    "2021-2022",
    "(COFEPRIS)",
    "USAID",
    "Secretaría de Economía",
    "<b>",
    "</p>",
    "<html><body>",
    "<script>alert(1)</script>",
    "&amp;",
    "\u{1b}]0;title\u{7}",
    "\u{0}",
    "\u{2}",
    "\u{3}",
    "\u{85}",
    "\u{feff}",
    "\r",
    "\t",
    "\n",
    "\n\n",
    "—",
    "ñ",
    "Page 2 of 3",
    ".",
    ":",
];

fn sheet() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => prop::collection::vec(prop::sample::select(SHEET_PIECES), 0..120)
            .prop_map(|p| p.concat().into_bytes()),
        1 => prop::collection::vec(any::<u8>(), 0..4096),
        1 => "\\PC{0,600}".prop_map(String::into_bytes),
    ]
}

#[test]
fn the_fact_sheet_importer_never_panics_and_yields_valid_records() {
    let accepted = Cell::new(0);
    let result = runner().run(&sheet(), |bytes| {
        if let Ok(text) = read_text(&bytes, "fuzz.txt") {
            accepted.set(accepted.get() + 1);
            let parsed = parse_document(&text, "fuzz.txt");
            prop_assert!(
                validate_record(&parsed.record).is_ok(),
                "an invalid record from {text:?}"
            );
        }
        Ok(())
    });
    report("fact-sheet importer", accepted.get(), result);
}

// ---------------------------------------------------------------- the interchange reader

/// Every JSON pointer in `value`, so a mutation can pick any node.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// Replacement values a hostile or careless export might hold.
fn odd_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "\\PC{0,40}".prop_map(Value::String),
        prop::sample::select(vec![
            "",
            " ",
            "0",
            "-1",
            "4294967296",
            "2021-02-30",
            "2021-13",
            "2021-XX",
            "2021~/..",
            "../..",
            "briefbook/1",
            "done",
            "DONE",
            "in progress",
            "monthly",
            "us",
            "mx",
            "points_to_make",
            "\u{0}",
            "\u{1b}[31m",
            "<img src=x onerror=alert(1)>",
        ])
        .prop_map(|s| Value::String(s.to_string())),
        Just(Value::Array(vec![])),
        Just(serde_json::json!({})),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, Value),
    Remove(usize),
    Duplicate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<usize>(), odd_value()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        1 => any::<usize>().prop_map(Mutation::Remove),
        1 => any::<usize>().prop_map(Mutation::Duplicate),
    ]
}

fn apply(doc: &mut Value, mutation: &Mutation) {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    let pick = |i: usize| all[i % all.len()].clone();
    match mutation {
        Mutation::Replace(i, v) => {
            if let Some(node) = doc.pointer_mut(&pick(*i)) {
                *node = v.clone();
            }
        }
        Mutation::Remove(i) | Mutation::Duplicate(i) => {
            let at = pick(*i);
            let Some((parent, key)) = at.rsplit_once('/') else {
                return;
            };
            let key = key.replace("~1", "/").replace("~0", "~");
            match doc.pointer_mut(parent) {
                Some(Value::Object(map)) if matches!(mutation, Mutation::Remove(_)) => {
                    map.remove(&key);
                }
                Some(Value::Array(items)) => {
                    let Ok(n) = key.parse::<usize>() else { return };
                    if matches!(mutation, Mutation::Remove(_)) {
                        items.remove(n);
                    } else {
                        let copy = items[n].clone();
                        items.push(copy);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The fixture with some mutations, then perhaps cut short or with a byte changed.
fn interchange_text() -> impl Strategy<Value = String> {
    let base: Value = serde_json::from_str(FIXTURE).unwrap();
    (
        prop::collection::vec(mutation(), 0..6),
        prop_oneof![3 => Just(None), 1 => any::<(usize, u8)>().prop_map(Some)],
        any::<bool>(),
    )
        .prop_map(move |(mutations, byte, cut)| {
            let mut doc = base.clone();
            mutations.iter().for_each(|m| apply(&mut doc, m));
            let mut bytes = serde_json::to_vec_pretty(&doc).unwrap();
            if let Some((at, b)) = byte {
                let at = at % bytes.len();
                if cut {
                    bytes.truncate(at);
                } else {
                    bytes[at] = b;
                }
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
}

#[test]
fn the_interchange_reader_never_panics_and_what_it_accepts_round_trips_and_merges() {
    let store = RefCell::new(Store::open_in_memory().unwrap());
    let accepted = Cell::new(0);
    let result = runner().run(&interchange_text(), |text| {
        let Ok(record) = parse_interchange(&text) else {
            return Ok(());
        };
        accepted.set(accepted.get() + 1);
        prop_assert!(validate_record(&record).is_ok());
        let again = parse_interchange(&to_interchange(&record));
        prop_assert!(
            again.is_ok(),
            "an accepted record does not read back: {again:?}"
        );
        prop_assert_eq!(again.unwrap(), record.clone());
        // A dry run exercises the whole merge and keeps nothing.
        let origin = Origin::Import {
            source_id: None,
            title: "fuzz.json".into(),
        };
        let merged = store.borrow_mut().import_record(&record, &origin, true);
        prop_assert!(
            !matches!(merged, Err(StoreError::Sqlite(_))),
            "a raw database error on an accepted record: {merged:?}"
        );
        Ok(())
    });
    report("interchange reader", accepted.get(), result);
}

// ---------------------------------------------------------------- the EDTF date parser

const DATE_PIECES: &[&str] = &[
    "2021",
    "1999",
    "0000",
    "9999",
    "-",
    "-01",
    "-02",
    "-12",
    "-13",
    "-00",
    "-29",
    "-30",
    "-31",
    "-21",
    "-24",
    "-33",
    "-41",
    "X",
    "XX",
    "XXXX",
    "19XX",
    "?",
    "~",
    "%",
    "/",
    "..",
    "T",
    "12",
    ":00",
    ":60",
    "Z",
    "+05:30",
    "-08",
    "Y",
    "Y17000000002",
    "E",
    "S",
    "[",
    "]",
    "{",
    "}",
    ",",
    "..2020",
    " ",
    "u",
    "-1",
    "+",
    "September 2021",
    "de",
    "Q3",
    "spring",
    "",
];

fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(DATE_PIECES), 0..8).prop_map(|p| p.concat()),
        1 => "[0-9X?~%/.T:Z+-]{0,30}",
        1 => "\\PC{0,30}",
    ]
}

#[test]
fn the_edtf_parser_never_panics_and_what_it_accepts_reads_back_as_itself() {
    let accepted = Cell::new(0);
    let result = runner().run(&date_text(), |text| {
        if let Ok(date) = text.parse::<Edtf>() {
            accepted.set(accepted.get() + 1);
            let written = date.to_string();
            let again = written.parse::<Edtf>();
            prop_assert!(
                again.is_ok(),
                "{text:?} wrote {written:?}, which does not read"
            );
            prop_assert_eq!(again.unwrap(), date.clone());
            let (lower, upper) = date.sortable_bounds();
            prop_assert!(lower <= upper, "{text:?}: bounds {lower}..{upper}");
        }
        // What a person types in a date field goes through the same parser and more.
        let _ = read_date_input(&text);
        let _ = briefbook::model::date::parse_filter_bound(&text);
        Ok(())
    });
    report("EDTF date parser", accepted.get(), result);
}

// ---------------------------------------------------------------- the search query

fn query_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "trade",
        "México",
        "MEXICO",
        "\"",
        "*",
        "^",
        "NEAR(",
        ")",
        "(",
        "AND",
        "OR",
        "NOT",
        "-",
        "+",
        ":",
        "col:",
        "{",
        "}",
        "'",
        "\u{0}",
        "\u{2}",
        "\u{3}",
        "ñ",
        "ß",
        "İ",
        "🙂",
        " ",
        "  ",
        "a",
        "1",
        "COFEPRIS",
        "supply chains",
    ]);
    prop_oneof![
        2 => prop::collection::vec(pieces, 0..10).prop_map(|p| p.concat()),
        1 => "\\PC{0,60}",
        1 => any::<String>(),
    ]
}

#[test]
fn the_search_query_never_panics_and_answers_or_names_the_problem() {
    let mut store = Store::open_in_memory().unwrap();
    briefbook::builtin::seed(&mut store).unwrap();
    let accepted = Cell::new(0);
    let result = runner().run(&(query_text(), 0u32..50), |(text, limit)| {
        match store.search(&text, limit) {
            Ok(hits) => {
                accepted.set(accepted.get() + usize::from(!hits.is_empty()));
                prop_assert!(hits.len() <= limit as usize)
            }
            Err(StoreError::Validation(message)) => {
                prop_assert!(!message.is_empty(), "an empty message for {text:?}")
            }
            Err(other) => prop_assert!(false, "{text:?}: {other:?}"),
        }
        Ok(())
    });
    // For the search, "accepted" counts the queries that found something.
    report("search query", accepted.get(), result);
}
