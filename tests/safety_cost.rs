//! What encryption at rest costs, measured side by side with a plain record of the same
//! 100,000 entries: unlock (open), import, warm search and a warm range query, in CPU time
//! of the measuring thread (wall time on a shared machine measures the neighbours). Ignored by
//! default (it takes a while); run it in release:
//! `cargo test --release --test safety_cost -- --ignored --nocapture`.

use briefbook::model::Origin;
use briefbook::store::{EntryQuery, Passphrase, Store};
use briefbook::synthetic::{self, Size};
use std::path::Path;
use std::time::Duration;

const SIZE: Size = Size {
    pillars: 4,
    initiatives: 200,
    entries: 100_000,
};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// CPU time of this thread: on a shared machine, wall time mostly measures the neighbours.
fn cpu_now() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime fills the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Median CPU time of `runs` calls of `f`.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = cpu_now();
                std::hint::black_box(f());
                cpu_now() - start
            })
            .collect(),
    )
}

struct Figures {
    import: Duration,
    open: Duration,
    search: Duration,
    range: Duration,
    size: u64,
}

fn measure(dir: &Path, name: &str, key: Option<&Passphrase>) -> Figures {
    let record = synthetic::record(SIZE, 1);
    let origin = Origin::Import {
        source_id: None,
        title: "cost".into(),
    };
    let path = dir.join(name);
    let mut store = Store::open_with(&path, key).unwrap();
    let start = cpu_now();
    store.import_record(&record, &origin, false).unwrap();
    let import = cpu_now() - start;
    drop(store);
    let size = std::fs::metadata(&path).unwrap().len();
    // The first open of the day makes the daily backup; measure the opens after it.
    drop(Store::open_with(&path, key).unwrap());
    // Opening includes the key derivation, which SQLCipher runs on the first read.
    let open = time(7, || Store::open_with(&path, key).unwrap());
    let store = Store::open_with(&path, key).unwrap();
    assert!(!store.search("supply chains", 50).unwrap().is_empty());
    let search = time(21, || store.search("supply chains", 50).unwrap());
    let mut filter = EntryQuery {
        limit: Some(200),
        ..EntryQuery::default()
    };
    filter.filters.pillars = vec![2];
    filter.filters.from = Some("2020".into());
    filter.filters.to = Some("2020".into());
    let range = time(21, || store.list_entries(&filter).unwrap());
    Figures {
        import,
        open,
        search,
        range,
        size,
    }
}

#[test]
#[ignore = "a measurement, not a check: run in release with --ignored --nocapture"]
fn encryption_cost_beside_plain() {
    let dir = tempfile::tempdir().unwrap();
    let key = Passphrase::new("cost of encryption".into()).unwrap();
    let plain = measure(dir.path(), "plain.db", None);
    let encrypted = measure(dir.path(), "encrypted.db", Some(&key));
    let ratio = |e: Duration, p: Duration| e.as_secs_f64() / p.as_secs_f64();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("| 100,000 entries (CPU time, medians) | plain | encrypted | ratio |");
    println!("| --- | --- | --- | --- |");
    for (what, p, e) in [
        ("import", plain.import, encrypted.import),
        ("open (unlock)", plain.open, encrypted.open),
        ("warm search, top 50", plain.search, encrypted.search),
        (
            "warm pillar + year range, 200",
            plain.range,
            encrypted.range,
        ),
    ] {
        println!(
            "| {what} | {:.1} ms | {:.1} ms | {:.2}x |",
            ms(p),
            ms(e),
            ratio(e, p)
        );
    }
    println!(
        "| file size | {:.1} MB | {:.1} MB | {:.2}x |",
        plain.size as f64 / 1e6,
        encrypted.size as f64 / 1e6,
        encrypted.size as f64 / plain.size as f64
    );
}
