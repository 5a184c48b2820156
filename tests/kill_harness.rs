//! SIGKILL at random moments during an import, an export, a packet write and first-use
//! seeding. After every kill: `PRAGMA integrity_check` is ok, the record is as it was before
//! the command or as it is after it (never in between), the target file is absent, old or
//! complete, and the next write in that folder leaves no staged `.briefbook-*.tmp` file.
//!
//! Kills that land while the process runs are counted until each kind reaches its target
//! (`BRIEFBOOK_KILLS` overrides every target; defaults 12 imports, 10 exports, 10 packets,
//! 20 seedings). Delays are random up to the length of an uninterrupted run; the seed is
//! printed and `BRIEFBOOK_KILL_SEED` replays it.

use rusqlite::Connection;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn command(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_briefbook"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BRIEFBOOK_DB")
        .env_remove("BRIEFBOOK_PASSPHRASE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

fn run_ok(db: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let out = command(db, args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    start.elapsed()
}

/// xorshift64*: enough randomness for kill delays, replayable from its seed.
struct Delays(u64, bool);

impl Delays {
    fn new() -> Delays {
        let seed = std::env::var("BRIEFBOOK_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        println!("kill harness seed: {seed} (BRIEFBOOK_KILL_SEED={seed} replays it)");
        Delays(seed, false)
    }

    /// A delay in [0, `up_to`): uniform on even calls, in the last third on odd ones, where
    /// a write puts its file in place.
    fn below(&mut self, up_to: Duration) -> Duration {
        self.1 = !self.1;
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let unit = (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64;
        up_to.mul_f64(if self.1 { unit } else { 2.0 / 3.0 + unit / 3.0 })
    }
}

fn target(default: usize) -> usize {
    std::env::var("BRIEFBOOK_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Starts `child`, sleeps `delay`, kills it; true when the kill found it still running.
fn kill_after(mut child: Child, delay: Duration) -> bool {
    std::thread::sleep(delay);
    let running = child.try_wait().unwrap().is_none();
    child.kill().unwrap();
    child.wait().unwrap();
    running
}

/// What the record holds, in numbers that change with every kind of write tested here.
fn state(db: &Path) -> [i64; 4] {
    let conn = Connection::open(db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "integrity_check of {}", db.display());
    ["entry", "note", "history", "packet_render"].map(|table| {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    })
}

fn staged_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".briefbook-"))
        .collect()
}

/// Copies a closed database (no WAL to carry).
fn copy_db(from: &Path, to: &Path) {
    for side in ["-wal", "-shm"] {
        let mut stale = to.as_os_str().to_owned();
        stale.push(side);
        let _ = std::fs::remove_file(stale);
    }
    std::fs::copy(from, to).unwrap();
}

/// An import document adding `n` entries in new initiatives of the record's first pillar.
fn big_import(export: &serde_json::Value, n: usize) -> String {
    let mut dialogue = export["dialogues"][0].clone();
    let mut pillar = dialogue["pillars"][0].clone();
    let initiatives: Vec<serde_json::Value> = (0..n / 50)
        .map(|i| {
            let entries: Vec<serde_json::Value> = (0..50)
                .map(|e| {
                    serde_json::json!({
                        "kind": "activity",
                        "text": format!("Kill probe entry {e} of initiative {i}, long enough to be a real sentence."),
                        "status": "in_progress",
                        "date": { "edtf": "2024-05", "text": "May 2024", "cadence": null },
                        "agencies": [],
                    })
                })
                .collect();
            serde_json::json!({
                "title": format!("Kill probe initiative {i}"),
                "summary": null,
                "entries": entries,
                "notes": [],
            })
        })
        .collect();
    pillar["initiatives"] = serde_json::Value::Array(initiatives);
    dialogue["pillars"] = serde_json::json!([pillar]);
    for list in ["entries", "meetings"] {
        if dialogue.get(list).is_some() {
            dialogue[list] = serde_json::json!([]);
        }
    }
    serde_json::to_string(&serde_json::json!({
        "format": "briefbook/1",
        "agencies": [],
        "sources": [],
        "dialogues": [dialogue],
    }))
    .unwrap()
}

struct Tally {
    what: &'static str,
    landed: usize,
    sent: usize,
    staged_left: usize,
}

impl Tally {
    fn new(what: &'static str) -> Tally {
        Tally {
            what,
            landed: 0,
            sent: 0,
            staged_left: 0,
        }
    }

    fn report(&self, wanted: usize) {
        println!(
            "kills during {}: {} landed mid-run of {} sent; staged files a kill left, swept by the next write: {}",
            self.what, self.landed, self.sent, self.staged_left
        );
        assert!(
            self.landed >= wanted,
            "{}: only {} of {wanted} kills landed while the process ran",
            self.what,
            self.landed
        );
    }
}

/// Kills one kind of write on a fresh copy of `base` until `wanted` kills land. `check`
/// judges the target after each kill; `complete` after the write that follows.
#[allow(clippy::too_many_arguments)]
fn kill_writes(
    tally: &mut Tally,
    wanted: usize,
    delays: &mut Delays,
    dir: &Path,
    base: &Path,
    args: &[&str],
    target: Option<&Path>,
    old_target: &[u8],
    check_target: &dyn Fn(&[u8]) -> bool,
) {
    let db = dir.join("r.db");
    copy_db(base, &db);
    if let Some(t) = target {
        std::fs::write(t, old_target).unwrap();
    }
    let before = state(&db);
    let full = run_ok(&db, args);
    let after = state(&db);
    while tally.landed < wanted && tally.sent < wanted * 4 {
        copy_db(base, &db);
        if let Some(t) = target {
            std::fs::write(t, old_target).unwrap();
        }
        let child = command(&db, args).spawn().unwrap();
        tally.sent += 1;
        if kill_after(child, delays.below(full.mul_f64(0.95))) {
            tally.landed += 1;
        }
        let now = state(&db);
        assert!(
            now == before || now == after,
            "{}: a kill left the record in between: {now:?} (before {before:?}, after {after:?})",
            tally.what
        );
        if let Some(t) = target {
            let bytes = std::fs::read(t).expect("the target is never removed");
            assert!(
                bytes == old_target || check_target(&bytes),
                "{}: the target is neither the old file nor complete ({} bytes)",
                tally.what,
                bytes.len()
            );
        }
        tally.staged_left += staged_files(dir).len();
        // The next write in the folder finishes, and sweeps what the killed one left.
        run_ok(&db, args);
        // A packet adds a render row each time; the record itself is as after one run.
        let next = state(&db);
        assert_eq!(
            next[..3],
            after[..3],
            "{}: the write after a kill",
            tally.what
        );
        if let Some(t) = target {
            assert!(check_target(&std::fs::read(t).unwrap()));
        }
        let left = staged_files(dir);
        assert!(left.is_empty(), "{}: left behind {left:?}", tally.what);
    }
}

fn entry_count_of_seeded_record(dir: &Path) -> [i64; 4] {
    let db = dir.join("reference.db");
    run_ok(&db, &["list"]);
    state(&db)
}

#[test]
fn sigkill_at_random_moments_leaves_before_or_after_and_nothing_stray() {
    let started = Instant::now();
    let mut delays = Delays::new();
    let work = tempfile::tempdir().unwrap();
    let base = work.path().join("base.db");
    run_ok(&base, &["init"]);
    let out = command(&base, &["export"])
        .stdout(Stdio::piped())
        .output()
        .unwrap();
    let export: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let import_file = work.path().join("big.json");
    std::fs::write(&import_file, big_import(&export, 2000)).unwrap();
    let import_file = import_file.to_str().unwrap().to_string();

    // Imports: 2,000 entries in one transaction.
    let dir = tempfile::tempdir().unwrap();
    let mut imports = Tally::new("import (2,000 entries)");
    let wanted = target(12);
    kill_writes(
        &mut imports,
        wanted,
        &mut delays,
        dir.path(),
        &base,
        &["import", &import_file],
        None,
        b"",
        &|_| true,
    );
    imports.report(wanted);

    // A record with those entries, for exports and packets of some size.
    let large = work.path().join("large.db");
    copy_db(&base, &large);
    run_ok(&large, &["import", &import_file]);
    let reference = command(&large, &["export"])
        .stdout(Stdio::piped())
        .output()
        .unwrap()
        .stdout;
    let reference: serde_json::Value = serde_json::from_slice(&reference).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let out_json = dir.path().join("record.json");
    let mut exports = Tally::new("export --force over an older export");
    let wanted = target(10);
    kill_writes(
        &mut exports,
        wanted,
        &mut delays,
        dir.path(),
        &large,
        &["export", "--force", "-o", out_json.to_str().unwrap()],
        Some(&out_json),
        b"{\"format\": \"briefbook/1\", \"old\": true}\n",
        &|bytes| serde_json::from_slice::<serde_json::Value>(bytes).ok() == Some(reference.clone()),
    );
    exports.report(wanted);

    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("packet.pdf");
    let mut packets = Tally::new("packet --force over an older PDF");
    let wanted = target(10);
    kill_writes(
        &mut packets,
        wanted,
        &mut delays,
        dir.path(),
        &large,
        &[
            "packet",
            "--pillar",
            "2",
            "--force",
            "-o",
            pdf.to_str().unwrap(),
        ],
        Some(&pdf),
        b"%PDF-1.7 an older packet",
        &|bytes| lopdf::Document::load_mem(bytes).is_ok_and(|d| !d.get_pages().is_empty()),
    );
    packets.report(wanted);

    // First use: `list` on a missing database creates and seeds it.
    let seeded = entry_count_of_seeded_record(work.path());
    let mut seeding = Tally::new("first-use seeding");
    let wanted = target(20);
    let full = {
        let dir = tempfile::tempdir().unwrap();
        run_ok(&dir.path().join("r.db"), &["list"])
    };
    while seeding.landed < wanted && seeding.sent < wanted * 4 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("r.db");
        let child = command(&db, &["list"]).spawn().unwrap();
        seeding.sent += 1;
        if kill_after(child, delays.below(full.mul_f64(0.95))) {
            seeding.landed += 1;
        }
        if db.exists() {
            assert_eq!(
                state(&db),
                seeded,
                "a killed first use left a half-made record"
            );
        }
        seeding.staged_left += staged_files(dir.path()).len();
        run_ok(&db, &["list"]);
        assert_eq!(state(&db), seeded, "the next use has the whole record");
        let left = staged_files(dir.path());
        assert!(left.is_empty(), "first use left behind {left:?}");
    }
    seeding.report(wanted);
    println!(
        "kill harness: {} kills landed in {:.0} s",
        imports.landed + exports.landed + packets.landed + seeding.landed,
        started.elapsed().as_secs_f64()
    );
}
