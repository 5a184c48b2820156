//! The first SQLite connections of a process, opened by several threads at once. SQLite
//! marks itself ready before SQLCipher has finished starting, and a thread that keyed a
//! connection in that window was refused ("An error occurred with PRAGMA key or rekey"):
//! seen as a rare failure of the encryption tests under load, and reproduced here in 6
//! of 200 runs without `start_engine`. The race can happen only once per process, so the
//! test runs itself as many short child processes.

use briefbook::store::start_engine;
use std::process::Command;
use std::sync::{Arc, Barrier};

const CHILD: &str = "BRIEFBOOK_FIRST_OPEN_CHILD";
const RUNS: usize = 60;
const THREADS: usize = 16;

/// In a child: THREADS threads start the engine, then open and key a connection, all at
/// once; any refusal fails the child.
fn race_once() {
    let start = Arc::new(Barrier::new(THREADS));
    let threads: Vec<_> = (0..THREADS)
        .map(|_| {
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                start.wait();
                start_engine();
                let conn = rusqlite::Connection::open_in_memory().expect("connection");
                conn.execute_batch("PRAGMA key = 'first open'")
                    .err()
                    .map(|e| e.to_string())
            })
        })
        .collect();
    let refusals: Vec<String> = threads
        .into_iter()
        .filter_map(|t| t.join().expect("no panic"))
        .collect();
    assert!(refusals.is_empty(), "{refusals:#?}");
}

#[test]
fn threads_keying_the_first_connections_at_once_all_succeed() {
    if std::env::var_os(CHILD).is_some() {
        race_once();
        return;
    }
    let me = std::env::current_exe().expect("test binary");
    let failed: Vec<String> = (0..RUNS)
        .filter_map(|_| {
            let out = Command::new(&me)
                .args([
                    "--exact",
                    "threads_keying_the_first_connections_at_once_all_succeed",
                ])
                .env(CHILD, "1")
                .output()
                .expect("child runs");
            (!out.status.success()).then(|| String::from_utf8_lossy(&out.stdout).into_owned())
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {RUNS} runs refused a key:\n{}",
        failed.len(),
        failed[0]
    );
}
