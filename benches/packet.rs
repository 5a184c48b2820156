//! Packet rendering benchmark: synthetic records of about 10, 100 and 1000 pages, rendered
//! by Briefbook (tagged, as every packet is, and untagged to show what tagging costs)
//! and, in the same run, the same content as Typst source compiled to PDF/UA-1 with the
//! PyPI `typst` package (when `python3 -c "import typst"` works; set `BENCH_PYTHON` to
//! use another interpreter, e.g. a virtual environment's).
//!
//! Run: `cargo bench --bench packet` (add `-- --quick` to skip the 1000-page size).
//! Reports wall time (best of several runs for the small sizes; tagged and untagged
//! runs alternate so machine load hits both alike), peak heap during the tagged render
//! (a counting allocator), file sizes, and the Typst figures with the ratios.

use briefbook::model::*;
use briefbook::packet::{assemble, PacketSpec};
use briefbook::render::{
    render_copies, render_pdf, render_pdf_untagged_for_benchmark, RenderError, Rendered,
};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

#[path = "packet/typst.rs"]
mod typst;
use typst::{typst, typst_source};

struct Counting;
static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const WORDS: &[&str] = &[
    "cooperation",
    "border",
    "infrastructure",
    "investment",
    "supply",
    "chains",
    "working",
    "group",
    "regional",
    "development",
    "agencies",
    "program",
    "framework",
    "technical",
    "customs",
    "trade",
    "facilitation",
    "partnership",
    "governments",
    "stakeholders",
    "innovation",
    "competitiveness",
    "resilience",
    "workforce",
    "agriculture",
    "digital",
    "privacy",
    "cybersecurity",
    "telecommunications",
    "networks",
    "sustainable",
    "economic",
    "the",
    "and",
    "of",
    "to",
    "in",
    "with",
    "for",
    "a",
    "on",
    "both",
    "joint",
    "new",
    "strengthen",
    "promote",
    "identify",
    "coordinate",
    "develop",
    "implement",
    "review",
];

/// A deterministic record with `entries` entries spread over 4 pillars.
fn synthetic(entries: usize) -> Record {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let sentence = |words: usize, next: &mut dyn FnMut() -> u64| {
        let mut s = String::new();
        for i in 0..words {
            let w = WORDS[(next() % WORDS.len() as u64) as usize];
            if i == 0 {
                let mut c = w.chars();
                s.extend(c.next().map(|c| c.to_ascii_uppercase()));
                s.push_str(c.as_str());
            } else {
                s.push(' ');
                s.push_str(w);
            }
        }
        s.push('.');
        s
    };
    let per_initiative = 8;
    let initiatives = entries.div_ceil(per_initiative);
    let mut pillars: Vec<Pillar> = (1..=4)
        .map(|n| Pillar {
            id: None,
            number: n,
            title: format!("Synthetic pillar {}", roman(n)),
            title_es: None,
            initiatives: Vec::new(),
        })
        .collect();
    let agencies = ["USAID", "AMEXCID", "DOC", "SE", "USPTO", "IMPI"];
    for i in 0..initiatives {
        let entries = (0..per_initiative)
            .map(|k| {
                let n = i * per_initiative + k;
                let month = 1 + (next() % 12) as u32;
                let year = 2021 + (next() % 3) as i32;
                let edtf: Edtf = format!("{year}-{month:02}").parse().expect("valid");
                Entry {
                    id: None,
                    kind: EntryKind::ALL[n % EntryKind::ALL.len()],
                    text: sentence(25 + (next() % 40) as usize, &mut next),
                    text_es: None,
                    status: Status::ALL[n % 4],
                    status_phrase: None,
                    date: (n % 5 != 0).then(|| EntryDate::exact(edtf, edtf.to_string())),
                    other_dates: Vec::new(),
                    agencies: vec![agencies[n % 6].into(), agencies[(n + 1) % 6].into()],
                    source: Some(SourceRef {
                        title: "Synthetic source".into(),
                        line: n as u32 + 1,
                        line_end: None,
                    }),
                    notes: Vec::new(),
                }
            })
            .collect();
        pillars[i % 4].initiatives.push(Initiative {
            id: None,
            title: format!(
                "Initiative {i}: {}",
                sentence(6, &mut next).trim_end_matches('.')
            ),
            title_es: None,
            summary: Some(sentence(30, &mut next)),
            summary_es: None,
            entries,
            notes: Vec::new(),
        });
    }
    Record {
        dialogues: vec![Dialogue {
            id: None,
            name: "Synthetic High-Level Dialogue".into(),
            name_es: None,
            short_name: "SHLD".into(),
            parties: vec!["US".into(), "MX".into()],
            launched: None,
            pillars,
            entries: Vec::new(),
            meetings: Vec::new(),
        }],
        agencies: Vec::new(),
        sources: vec![Source {
            id: None,
            title: "Synthetic source".into(),
            date: None,
            publisher: None,
            text: String::new(),
            sha256: "0".repeat(64),
        }],
    }
}

fn spec() -> PacketSpec {
    PacketSpec::from_json(
        r#"{"title":"Benchmark packet","marking":"SBU","prepared_on":"2021-12-10"}"#,
    )
    .expect("valid spec")
}

/// On-CPU time of this thread in ms, so a busy machine does not inflate the figure the
/// way wall time is inflated. `CLOCK_THREAD_CPUTIME_ID` is exact; the scheduler's own
/// count (`/proc/thread-self/schedstat`) only moves at scheduler ticks (4 ms here), too
/// coarse for renders of a few ms. `None` where the clock is missing.
fn cpu_ms() -> Option<f64> {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    ok.then(|| t.tv_sec as f64 * 1e3 + t.tv_nsec as f64 / 1e6)
}

struct Measure {
    ms: f64,
    cpu_ms: Option<f64>,
    peak_mib: f64,
    bytes: usize,
    pages: u32,
    /// The same packet untagged: best wall ms, best CPU ms and size.
    untagged_ms: f64,
    untagged_cpu_ms: Option<f64>,
    untagged_bytes: usize,
}

/// One timed render: (wall ms, CPU ms, peak heap bytes, output).
fn timed(
    record: &Record,
    render: fn(&briefbook::packet::Packet) -> Result<Rendered, RenderError>,
) -> (f64, Option<f64>, usize, Rendered) {
    let spec = spec();
    let base = CURRENT.load(Relaxed);
    PEAK.store(base, Relaxed);
    let start = Instant::now();
    let cpu_start = cpu_ms();
    let packet = assemble(&spec, record, &[]).expect("assembles");
    let rendered = render(&packet).expect("renders");
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let cpu = cpu_start.zip(cpu_ms()).map(|(a, b)| b - a);
    (ms, cpu, PEAK.load(Relaxed) - base, rendered)
}

fn measure(record: &Record, runs: usize) -> Measure {
    let mut best = f64::MAX;
    let mut best_cpu: Option<f64> = None;
    let mut best_untagged = f64::MAX;
    let mut best_untagged_cpu: Option<f64> = None;
    let mut out = None;
    let mut untagged_bytes = 0;
    let mut peak = 0;
    for run in 0..runs {
        // Alternate which goes first, so neither always runs on a warmer cache.
        for tagged in [run % 2 == 0, run % 2 == 1] {
            if tagged {
                let (ms, cpu, heap, rendered) = timed(record, render_pdf);
                best = best.min(ms);
                if let Some(c) = cpu {
                    best_cpu = Some(best_cpu.map_or(c, |b: f64| b.min(c)));
                }
                peak = peak.max(heap);
                out = Some(rendered);
            } else {
                let (ms, cpu, _, rendered) = timed(record, render_pdf_untagged_for_benchmark);
                best_untagged = best_untagged.min(ms);
                if let Some(c) = cpu {
                    best_untagged_cpu = Some(best_untagged_cpu.map_or(c, |b: f64| b.min(c)));
                }
                untagged_bytes = rendered.bytes.len();
            }
        }
    }
    let rendered = out.expect("at least one run");
    Measure {
        ms: best,
        cpu_ms: best_cpu,
        peak_mib: peak as f64 / 1048576.0,
        bytes: rendered.bytes.len(),
        pages: rendered.pages,
        untagged_ms: best_untagged,
        untagged_cpu_ms: best_untagged_cpu,
        untagged_bytes,
    }
}

fn cpu(m: &Measure) -> String {
    m.cpu_ms
        .map_or("CPU time unknown".into(), |c| format!("{c:.1} ms CPU"))
}

/// "+12.3%": how much larger `tagged` is than `untagged`.
fn cost(tagged: f64, untagged: f64) -> String {
    format!("{:+.1}%", (tagged / untagged - 1.0) * 100.0)
}

fn main() {
    if let Ok(which) = std::env::var("BENCH_PROFILE") {
        return profile(&which);
    }
    let quick = std::env::args().any(|a| a == "--quick");
    let builtin = briefbook::import::builtin_record().record;
    let m = measure(&builtin, 20);
    println!(
        "Built-in HLED record, whole packet (tagged): {:.1} ms wall ({}), {} pages, {} KB, peak heap {:.1} MiB; untagged {:.1} ms wall, {} KB (tagging {} CPU time, {} bytes)",
        m.ms,
        cpu(&m),
        m.pages,
        m.bytes / 1024,
        m.peak_mib,
        m.untagged_ms,
        m.untagged_bytes / 1024,
        m.cpu_ms
            .zip(m.untagged_cpu_ms)
            .map_or_else(|| cost(m.ms, m.untagged_ms), |(t, u)| cost(t, u)),
        cost(m.bytes as f64, m.untagged_bytes as f64),
    );
    copies();
    let dir = tempfile::tempdir().expect("temp dir");
    println!("\n| entries | pages | tagged ms (wall) | tagged ms (CPU) | untagged ms (wall) | untagged ms (CPU) | tagging time (CPU) | peak heap MiB | tagged KB | untagged KB | tagging bytes | typst PDF/UA-1 ms | typst max RSS MiB | typst KB | speed-up | size ratio |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    let sizes: &[(usize, usize)] = if quick {
        &[(30, 9), (330, 7)]
    } else {
        &[(30, 9), (330, 7), (3300, 2)]
    };
    for (entries, runs) in sizes {
        let record = synthetic(*entries);
        let m = measure(&record, *runs);
        let t = typst(&typst_source(&record), dir.path());
        let (tm, trss, tsize) = t.map_or(
            ("–".into(), "–".into(), "–".into()),
            |(ms, rss, size)| {
                (
                    format!("{ms:.0}"),
                    format!("{rss:.0}"),
                    format!("{}", size / 1024),
                )
            },
        );
        let ratio = t.map_or("– | –".into(), |(ms, _, size)| {
            format!(
                "{:.1}x faster | {:.2}x",
                ms / m.ms,
                m.bytes as f64 / size as f64
            )
        });
        println!(
            "| {entries} | {} | {:.0} | {} | {:.0} | {} | {} | {:.1} | {} | {} | {} | {tm} | {trss} | {tsize} | {ratio} |",
            m.pages,
            m.ms,
            m.cpu_ms.map_or("–".into(), |c| format!("{c:.0}")),
            m.untagged_ms,
            m.untagged_cpu_ms.map_or("–".into(), |c| format!("{c:.0}")),
            m.cpu_ms
                .zip(m.untagged_cpu_ms)
                .map_or_else(|| cost(m.ms, m.untagged_ms), |(t, u)| cost(t, u)),
            m.peak_mib,
            m.bytes / 1024,
            m.untagged_bytes / 1024,
            cost(m.bytes as f64, m.untagged_bytes as f64),
        );
    }
}

/// For a profiler (`perf record`, `valgrind --tool=callgrind`): `BENCH_PROFILE=tagged`
/// or `untagged` renders the 100-page packet 20 times and nothing else, so the two
/// profiles differ only by tagging; `BENCH_PROFILE_OUT=FILE` keeps the last PDF.
fn profile(which: &str) {
    let render = match which {
        "tagged" => render_pdf,
        "untagged" => render_pdf_untagged_for_benchmark,
        other => panic!("BENCH_PROFILE is tagged or untagged, not {other:?}"),
    };
    let record = synthetic(330);
    let runs = std::env::var("BENCH_PROFILE_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let mut pdf = Vec::new();
    for _ in 0..runs {
        let packet = assemble(&spec(), &record, &[]).expect("assembles");
        pdf = render(&packet).expect("renders").bytes;
    }
    println!("{which}: {runs} renders of {} KB", pdf.len() / 1024);
    if let Ok(path) = std::env::var("BENCH_PROFILE_OUT") {
        std::fs::write(&path, &pdf).expect("writes BENCH_PROFILE_OUT");
    }
}

/// Numbered copies: 20 recipients of a book of about 30 pages, laid out once and stamped
/// per copy, against one plain render of the same book in the same run.
fn copies() {
    let record = synthetic(90);
    let packet = assemble(&spec(), &record, &[]).expect("assembles");
    let names: Vec<String> = (1..=20).map(|k| format!("Recipient number {k}")).collect();
    let (mut best_one, mut best_all, mut pages) = (f64::MAX, f64::MAX, 0);
    for _ in 0..3 {
        let start = Instant::now();
        let one = render_pdf(&packet).expect("renders");
        best_one = best_one.min(start.elapsed().as_secs_f64() * 1000.0);
        pages = one.pages;
        let start = Instant::now();
        let all = render_copies(&packet, &names).expect("renders");
        best_all = best_all.min(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(all.len(), names.len());
    }
    println!(
        "Numbered copies: 20 copies of {pages} pages in {best_all:.0} ms wall ({:.1} ms a copy; one plain render {best_one:.1} ms, so 20 copies cost {:.1} plain renders)",
        best_all / 20.0,
        best_all / best_one
    );
}
