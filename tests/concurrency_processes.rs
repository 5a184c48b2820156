//! Three writer processes and two readers on one database for a bounded time: no command
//! fails and every write a writer saw succeed is in the record afterwards.
//!
//! Each command is a separate `briefbook` process, as when the app and a script (or two
//! terminals) use one record. Writers: two import JSON documents that each add one entry,
//! one adds notes. Readers: `list --json` and `search`. The run lasts
//! `BRIEFBOOK_CONCURRENCY_SECS` seconds (default 15).

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn briefbook(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefbook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BRIEFBOOK_DB")
        .env_remove("BRIEFBOOK_PASSPHRASE")
        .stdin(Stdio::null())
        .output()
        .expect("briefbook runs")
}

fn run_seconds() -> u64 {
    std::env::var("BRIEFBOOK_CONCURRENCY_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(15)
}

/// An interchange document holding the record's first dialogue and pillar with one new
/// initiative of one entry: importing it adds exactly that entry.
fn probe_document(export: &Value, initiative: &str, entry: &str) -> String {
    let mut dialogue = export["dialogues"][0].clone();
    let mut pillar = dialogue["pillars"][0].clone();
    pillar["initiatives"] = json!([{
        "title": initiative,
        "summary": null,
        "entries": [{
            "kind": "activity",
            "text": entry,
            "status": "done",
            "date": null,
            "agencies": [],
        }],
        "notes": [],
    }]);
    dialogue["pillars"] = json!([pillar]);
    for list in ["entries", "meetings"] {
        if dialogue.get(list).is_some() {
            dialogue[list] = json!([]);
        }
    }
    serde_json::to_string(&json!({
        "format": "briefbook/1",
        "agencies": [],
        "sources": [],
        "dialogues": [dialogue],
    }))
    .unwrap()
}

/// What one process did: how many commands succeeded, and the failures' messages.
#[derive(Default)]
struct Tally {
    done: usize,
    failures: Vec<String>,
}

impl Tally {
    fn record(&mut self, what: &str, out: &Output) -> bool {
        if out.status.success() {
            self.done += 1;
            true
        } else {
            self.failures.push(format!(
                "{what}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
            false
        }
    }
}

fn importer(db: PathBuf, export: Arc<Value>, name: String, stop: Arc<AtomicBool>) -> Tally {
    let mut tally = Tally::default();
    let dir = tempfile::tempdir().unwrap();
    let mut round = 0;
    while !stop.load(Ordering::Relaxed) {
        round += 1;
        let file = dir.path().join(format!("{round}.json"));
        let text = probe_document(
            &export,
            &format!("Concurrency probe {name}"),
            &format!("Probe entry {name} number {round}"),
        );
        std::fs::write(&file, text).unwrap();
        let out = briefbook(&db, &["import", file.to_str().unwrap()]);
        tally.record(&format!("import {round}"), &out);
    }
    tally
}

fn note_writer(db: PathBuf, stop: Arc<AtomicBool>) -> Tally {
    let mut tally = Tally::default();
    let mut round = 0;
    while !stop.load(Ordering::Relaxed) {
        round += 1;
        let text = format!("Probe note number {round}");
        let args = [
            "note",
            "add",
            "--initiative",
            "medical devices",
            "--kind",
            "points",
            &text,
        ];
        let out = briefbook(&db, &args);
        tally.record(&format!("note {round}"), &out);
    }
    tally
}

fn reader(db: PathBuf, args: Vec<&'static str>, stop: Arc<AtomicBool>) -> Tally {
    let mut tally = Tally::default();
    while !stop.load(Ordering::Relaxed) {
        let out = briefbook(&db, &args);
        if tally.record(&args.join(" "), &out) && args.contains(&"--json") {
            let parsed: Result<Value, _> = serde_json::from_slice(&out.stdout);
            if parsed.is_err() {
                tally.failures.push(format!("{args:?}: output is not JSON"));
            }
        }
    }
    tally
}

fn entry_texts(record: &Value) -> Vec<String> {
    let mut texts = Vec::new();
    for dialogue in record["dialogues"].as_array().unwrap() {
        for pillar in dialogue["pillars"].as_array().unwrap() {
            for initiative in pillar["initiatives"].as_array().unwrap() {
                for entry in initiative["entries"].as_array().unwrap() {
                    texts.push(entry["text"].as_str().unwrap().to_string());
                }
            }
        }
    }
    texts
}

#[test]
fn three_writers_and_two_readers_lose_nothing_and_never_fail() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    let out = briefbook(&db, &["init"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let export: Value = serde_json::from_slice(&briefbook(&db, &["export"]).stdout).unwrap();
    let entries_before = entry_texts(&export).len();
    let export = Arc::new(export);
    let stop = Arc::new(AtomicBool::new(false));

    let start = Instant::now();
    let writers = ["A", "B"].map(|name| {
        let (db, export, stop) = (db.clone(), export.clone(), stop.clone());
        std::thread::spawn(move || importer(db, export, name.to_string(), stop))
    });
    let notes = {
        let (db, stop) = (db.clone(), stop.clone());
        std::thread::spawn(move || note_writer(db, stop))
    };
    let readers = [vec!["list", "--json"], vec!["search", "trade", "--json"]].map(|args| {
        let (db, stop) = (db.clone(), stop.clone());
        std::thread::spawn(move || reader(db, args, stop))
    });
    std::thread::sleep(Duration::from_secs(run_seconds()));
    stop.store(true, Ordering::Relaxed);
    let [a, b] = writers.map(|w| w.join().unwrap());
    let notes = notes.join().unwrap();
    let readers = readers.map(|r| r.join().unwrap());
    let elapsed = start.elapsed();

    let failures: Vec<&String> = [&a, &b, &notes]
        .into_iter()
        .chain(&readers)
        .flat_map(|t| &t.failures)
        .collect();
    println!(
        "concurrency: {:.1} s, imports {} + {}, notes {}, reads {} + {}, failures {}",
        elapsed.as_secs_f64(),
        a.done,
        b.done,
        notes.done,
        readers[0].done,
        readers[1].done,
        failures.len()
    );
    assert!(failures.is_empty(), "failures: {failures:#?}");
    assert!(
        a.done > 0 && b.done > 0 && notes.done > 0 && readers.iter().all(|r| r.done > 0),
        "every process got work done"
    );

    let after: Value = serde_json::from_slice(&briefbook(&db, &["export"]).stdout).unwrap();
    let texts = entry_texts(&after);
    for (name, tally) in [("A", &a), ("B", &b)] {
        let prefix = format!("Probe entry {name} number ");
        let mut rounds: Vec<usize> = texts
            .iter()
            .filter_map(|t| t.strip_prefix(&prefix)?.parse().ok())
            .collect();
        rounds.sort_unstable();
        assert_eq!(
            rounds,
            (1..=tally.done).collect::<Vec<_>>(),
            "writer {name}: every import it saw succeed is in the record, once"
        );
    }
    assert_eq!(texts.len(), entries_before + a.done + b.done);
    let listed: Value =
        serde_json::from_slice(&briefbook(&db, &["note", "list", "--json"]).stdout).unwrap();
    let mut note_rounds: Vec<usize> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| {
            n["text"]
                .as_str()?
                .strip_prefix("Probe note number ")?
                .parse()
                .ok()
        })
        .collect();
    note_rounds.sort_unstable();
    assert_eq!(
        note_rounds,
        (1..=notes.done).collect::<Vec<_>>(),
        "every note the writer saw added is in the record, once"
    );
}
