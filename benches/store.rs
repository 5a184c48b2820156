//! Store benchmarks on a 100,000-entry synthetic record (4 pillars, 200 initiatives).
//! Run with `cargo bench --bench store`; figures are in the README.

use briefbook::model::{Filters, Origin};
use briefbook::store::{EntryQuery, Store};
use briefbook::synthetic::{self, Size};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const SIZE: Size = Size {
    pillars: 4,
    initiatives: 200,
    entries: 100_000,
};

fn origin() -> Origin {
    Origin::Import {
        source_id: None,
        title: "benchmark".into(),
    }
}

fn pillar_range_filter() -> EntryQuery {
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

/// The SQL `list_entries` runs for `pillar_range_filter`, written out by hand.
const RAW_PILLAR_RANGE: &str = "
    SELECT e.id, p.number, p.title, i.id, i.title, e.kind, e.text, e.text_es, e.status,
           e.date_edtf, e.date_text, e.cadence,
           (SELECT group_concat(a.key, char(31) ORDER BY ea.position)
              FROM entry_agency ea JOIN agency a ON a.id = ea.agency_id
             WHERE ea.entry_id = e.id)
    FROM pillar p CROSS JOIN initiative i ON i.pillar_id = p.id CROSS JOIN entry e ON e.initiative_id = i.id
    WHERE p.number IN (2)
      AND (e.date_lower IS NOT NULL AND e.date_upper >= '2020-01-01' AND e.date_lower <= '2020-12-31')
    ORDER BY p.number, p.id, i.position, i.id, e.position, e.id LIMIT 200 OFFSET 0";

type RawRow = (
    i64,
    u32,
    String,
    i64,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn raw_pillar_range(conn: &rusqlite::Connection) -> Vec<RawRow> {
    let mut stmt = conn.prepare_cached(RAW_PILLAR_RANGE).unwrap();
    stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
            r.get(9)?,
            r.get(10)?,
            r.get(11)?,
            r.get(12)?,
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// Peak resident memory of a child `briefbook generate` of the same size, in MiB.
fn import_peak_memory_mib(dir: &Path) -> f64 {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_briefbook"))
        .arg("--db")
        .arg(dir.join("memory.db"))
        .args(["generate", "--entries", "100000", "--initiatives", "200"])
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr());
        usage.assume_init()
    };
    usage.ru_maxrss as f64 / 1024.0
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let record = synthetic::record(SIZE, 1);
    let db = dir.path().join("bench.db");
    {
        let mut store = Store::open(&db).unwrap();
        store.import_record(&record, &origin(), false).unwrap();
    }
    println!(
        "peak memory of a 100,000-entry import (child process): {:.0} MiB",
        import_peak_memory_mib(dir.path())
    );

    let mut group = c.benchmark_group("store");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("import 100k entries", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for n in 0..iterations {
                let path = dir.path().join(format!("import-{n}.db"));
                let mut store = Store::open(&path).unwrap();
                let start = Instant::now();
                store.import_record(&record, &origin(), false).unwrap();
                total += start.elapsed();
                drop(store);
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            total
        })
    });
    let store = Store::open(&db).unwrap();
    group.bench_function("export JSON (100k)", |b| {
        b.iter(|| black_box(store.export_json().unwrap().len()))
    });
    group.finish();

    let mut group = c.benchmark_group("queries");
    group.bench_function("open store", |b| {
        b.iter(|| black_box(Store::open(&db).unwrap()))
    });
    let filter = pillar_range_filter();
    assert_eq!(store.list_entries(&filter).unwrap().len(), 200);
    group.bench_function("pillar + one-year range, first 200", |b| {
        b.iter(|| black_box(store.list_entries(&filter).unwrap()))
    });
    let raw = rusqlite::Connection::open(&db).unwrap();
    assert_eq!(raw_pillar_range(&raw).len(), 200);
    group.bench_function("same query, raw rusqlite", |b| {
        b.iter(|| black_box(raw_pillar_range(&raw)))
    });
    assert!(!store.search("supply chains", 50).unwrap().is_empty());
    group.bench_function("search two words, top 50 with snippets", |b| {
        b.iter(|| black_box(store.search("supply chains", 50).unwrap()))
    });
    group.finish();
}

criterion_group!(store_benches, benches);
criterion_main!(store_benches);
