//! Store benchmarks on a 100,000-entry synthetic record (4 pillars, 200 initiatives),
//! each figure beside the same work done straight through rusqlite in the same run
//! (`store/raw.rs`), since absolute times drift with the machine's load. Ours and raw
//! runs alternate so that load changes hit both. Run with `cargo bench --bench store`.

#[path = "store/raw.rs"]
mod raw;

use briefbook::model::{Filters, Origin};
use briefbook::store::{EntryQuery, Store};
use briefbook::synthetic::{self, Size};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const SIZE: Size = Size {
    pillars: 4,
    initiatives: 200,
    entries: 100_000,
};

/// The ratio targets of issue 8 (ours / raw).
const IMPORT_TARGET: f64 = 2.0;
const SEARCH_TARGET: f64 = 1.3;
const RANGE_TARGET: f64 = 1.2;
/// Search as you type: per keystroke, at any prefix length.
const KEYSTROKE_TARGET: Duration = Duration::from_millis(50);

fn origin() -> Origin {
    Origin::Import {
        source_id: None,
        title: "benchmark".into(),
    }
}

fn pillar_range_query() -> EntryQuery {
    EntryQuery {
        filters: Filters {
            pillars: vec![2],
            from: Some("2020".into()),
            to: Some("2020".into()),
            include_undated: false,
            ..Filters::default()
        },
        limit: Some(200),
        ..EntryQuery::default()
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Median time of `f` over `runs`, each run timing `batch` calls (divided back).
fn time(runs: usize, batch: u32, mut f: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                for _ in 0..batch {
                    f();
                }
                start.elapsed() / batch
            })
            .collect(),
    )
}

/// Times ours and raw alternately, `rounds` times each; returns their medians.
fn paired(
    rounds: usize,
    mut ours: impl FnMut() -> Duration,
    mut raw: impl FnMut() -> Duration,
) -> (Duration, Duration) {
    let mut a = Vec::new();
    let mut b = Vec::new();
    for _ in 0..rounds {
        a.push(ours());
        b.push(raw());
    }
    (median(a), median(b))
}

fn report(name: &str, ours: Duration, raw: Duration, target: f64) {
    let ratio = ours.as_secs_f64() / raw.as_secs_f64();
    println!(
        "{name:<44} ours {:>10.3} ms   raw {:>10.3} ms   ratio {ratio:>5.2}x (target {target}x) {}",
        ours.as_secs_f64() * 1e3,
        raw.as_secs_f64() * 1e3,
        if ratio <= target { "met" } else { "NOT MET" }
    );
}

fn remove_db(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

fn uptime() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| {
            format!(
                "load average {}",
                l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
            )
        })
        .unwrap_or_else(|_| "load average unknown".into())
}

fn main() {
    println!(
        "store benchmark, 100,000 entries; {} at the start",
        uptime()
    );
    let dir = tempfile::tempdir().unwrap();
    let record = synthetic::record(SIZE, 1);
    let mut n = 0;
    let mut fresh = |dir: &Path| -> PathBuf {
        n += 1;
        dir.join(format!("import-{n}.db"))
    };

    let (ours, raw_import) = paired(
        3,
        || {
            let path = fresh(dir.path());
            let mut store = Store::open(&path).unwrap();
            let start = Instant::now();
            store.import_record(&record, &origin(), false).unwrap();
            let took = start.elapsed();
            drop(store);
            remove_db(&path);
            took
        },
        || {
            let path = dir.path().join("raw-import.db");
            drop(Store::open(&path).unwrap()); // the same schema
            let mut conn = raw::open(&path);
            let start = Instant::now();
            raw::bulk_insert(&mut conn, &record);
            let took = start.elapsed();
            drop(conn);
            remove_db(&path);
            took
        },
    );
    report(
        "import 100k entries (raw: bulk insert + FTS)",
        ours,
        raw_import,
        IMPORT_TARGET,
    );

    let db = dir.path().join("bench.db");
    let mut store = Store::open(&db).unwrap();
    store.import_record(&record, &origin(), false).unwrap();
    let conn = raw::open(&db);

    let query = pillar_range_query();
    assert_eq!(store.list_entries(&query).unwrap().len(), 200);
    assert_eq!(raw::pillar_range(&conn).len(), 200);
    let (ours, raw_range) = paired(
        15,
        || {
            time(1, 20, || {
                drop(black_box(store.list_entries(&query).unwrap()))
            })
        },
        || time(1, 20, || drop(black_box(raw::pillar_range(&conn)))),
    );
    report(
        "pillar II + one year, first 200",
        ours,
        raw_range,
        RANGE_TARGET,
    );

    assert!(!store.search("supply chains", 50).unwrap().is_empty());
    let two_words = briefbook::store::fts_expression("supply chains").unwrap();
    assert!(!raw::search(&conn, &two_words, 50).is_empty());
    let (ours, raw_search) = paired(
        15,
        || {
            time(1, 5, || {
                drop(black_box(store.search("supply chains", 50).unwrap()))
            })
        },
        || time(1, 5, || drop(black_box(raw::search(&conn, &two_words, 50)))),
    );
    report(
        "search two words, top 50 with snippets",
        ours,
        raw_search,
        SEARCH_TARGET,
    );

    let phrase = "supply chains";
    let mut worst = (Duration::ZERO, String::new());
    for end in 1..=phrase.len() {
        let prefix = &phrase[..end];
        let took = time(5, 1, || drop(black_box(store.search(prefix, 50).unwrap())));
        if took > worst.0 {
            worst = (took, prefix.to_string());
        }
    }
    println!(
        "{:<44} worst {:>9.3} ms at '{}' (target at most {} ms) {}",
        "search as you type, every prefix of 'supply chains'",
        worst.0.as_secs_f64() * 1e3,
        worst.1,
        KEYSTROKE_TARGET.as_millis(),
        if worst.0 <= KEYSTROKE_TARGET {
            "met"
        } else {
            "NOT MET"
        }
    );

    let export = time(3, 1, || drop(black_box(store.export_json().unwrap())));
    println!(
        "{:<44} ours {:>10.3} ms",
        "export JSON (100k)",
        export.as_secs_f64() * 1e3
    );
    let open = time(11, 10, || drop(black_box(Store::open(&db).unwrap())));
    println!(
        "{:<44} ours {:>10.3} ms",
        "open store",
        open.as_secs_f64() * 1e3
    );
    println!("{} at the end", uptime());
}
