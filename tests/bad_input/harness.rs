//! Runs one bad-input case against a fresh copy of a seeded record and judges the result.

use std::collections::HashMap;
use std::ffi::OsString;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The passphrase of the encrypted fixture.
pub const PASSPHRASE: &str = "correct horse battery staple";

/// A case that has not ended by then is a hang (an unbounded read, a prompt).
const TIMEOUT: Duration = Duration::from_secs(60);

/// Words SQLite (or the OS) says that a person should never see raw.
const RAW_WORDING: &[&str] = &[
    "attempt to write a readonly database",
    "table entry already exists",
    "sql logic error",
    "no such table",
    "unique constraint failed",
    "foreign key constraint failed",
    "check constraint failed",
    "not null constraint failed",
    "database disk image is malformed",
    "unable to open database file",
    "sqlite_",
    "sqlitefailure",
    "error code",
    "panicked",
    "rust_backtrace",
];

/// Which database a case runs against.
pub enum Db {
    /// A copy of the seeded plain record; checked unchanged through `export`.
    Plain,
    /// A copy of the seeded record encrypted with [`PASSPHRASE`]; checked through `export`.
    Encrypted,
    /// Whatever the case puts at the database path (or nothing); checked byte for byte.
    Made(fn(&Path)),
    /// A database at this path inside the case's folder, which does not exist and must
    /// not appear.
    Missing(&'static str),
}

pub struct Case {
    pub name: &'static str,
    pub db: Db,
    /// Makes the case's files in its folder and returns the arguments after `--db PATH`.
    pub setup: Box<dyn Fn(&Path) -> Vec<OsString>>,
    pub env: Vec<(&'static str, String)>,
    /// What the one error line must name (case ignored; the case folder reads as `DIR`).
    pub expect: Vec<&'static str>,
    /// Run as the unprivileged user `nobody` (root can write anywhere).
    pub as_nobody: bool,
    /// Why this case fails today, when its fix lies outside the tests.
    pub known: Option<&'static str>,
}

/// The seeded records every case starts from, made once.
pub struct Fixture {
    _dir: tempfile::TempDir,
    plain: PathBuf,
    encrypted: PathBuf,
    plain_export: Vec<u8>,
    encrypted_export: Vec<u8>,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.db");
        let encrypted = dir.path().join("encrypted.db");
        let out = briefbook(&plain, &["init"], &[]);
        assert!(out.success, "init: {}", out.stderr);
        let env = [("BRIEFBOOK_PASSPHRASE", PASSPHRASE.to_string())];
        let out = briefbook(&encrypted, &["init", "--encrypt"], &env);
        assert!(out.success, "init --encrypt: {}", out.stderr);
        let plain_export = export(&plain, &[]);
        let encrypted_export = export(&encrypted, &env);
        assert!(plain_export.len() > 1000, "the seeded record exports");
        Fixture {
            _dir: dir,
            plain,
            encrypted,
            plain_export,
            encrypted_export,
        }
    }
}

pub struct Outcome {
    pub success: bool,
    pub stderr: String,
}

/// Runs `briefbook --db DB ARGS` with no passphrase unless `env` gives one, stdin closed.
pub fn briefbook(db: &Path, args: &[&str], env: &[(&str, String)]) -> Outcome {
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    run(db, &args, env, false)
}

fn run(db: &Path, args: &[OsString], env: &[(&str, String)], as_nobody: bool) -> Outcome {
    let mut command = Command::new(env!("CARGO_BIN_EXE_briefbook"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BRIEFBOOK_DB")
        .env_remove("BRIEFBOOK_PASSPHRASE")
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    if as_nobody {
        command.uid(65534).gid(65534);
    }
    let mut child = command.spawn().expect("briefbook starts");
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).ok();
        text
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > TIMEOUT {
            child.kill().ok();
            child.wait().ok();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stderr = reader.join().unwrap();
    match status {
        Some(status) => Outcome {
            success: status.success(),
            stderr,
        },
        None => Outcome {
            success: true,
            stderr: format!("HUNG for {TIMEOUT:?} and was killed; stderr: {stderr}"),
        },
    }
}

fn export(db: &Path, env: &[(&str, String)]) -> Vec<u8> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_briefbook"));
    command
        .arg("--db")
        .arg(db)
        .arg("export")
        .env_remove("BRIEFBOOK_DB")
        .env_remove("BRIEFBOOK_PASSPHRASE")
        .stdin(Stdio::null());
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "export of {}: {}",
        db.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Copies a database file (the fixtures are closed, so there is no WAL to carry).
fn copy_db(from: &Path, to: &Path) {
    std::fs::copy(from, to).unwrap();
    for side in ["-wal", "-shm"] {
        let mut name = from.as_os_str().to_owned();
        name.push(side);
        if Path::new(&name).exists() {
            let mut target = to.as_os_str().to_owned();
            target.push(side);
            std::fs::copy(&name, &target).unwrap();
        }
    }
}

/// Runs one case in a fresh folder; `Err` says what was wrong.
pub fn check_case(fixture: &Fixture, case: &Case) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let db = match case.db {
        Db::Missing(relative) => dir.path().join(relative),
        _ => dir.path().join("r.db"),
    };
    let mut env = case.env.clone();
    match case.db {
        Db::Plain => copy_db(&fixture.plain, &db),
        Db::Encrypted => copy_db(&fixture.encrypted, &db),
        Db::Made(make) => make(&db),
        Db::Missing(_) => {}
    }
    let args = (case.setup)(dir.path());
    let before = match case.db {
        Db::Made(_) => std::fs::read(&db).ok(),
        _ => None,
    };
    if case.as_nobody {
        use std::os::unix::fs::PermissionsExt;
        let open = std::fs::Permissions::from_mode(0o777);
        std::fs::set_permissions(dir.path(), open).unwrap();
    }
    let outcome = run(&db, &args, &env, case.as_nobody);
    if outcome.success {
        return Err(format!("exit 0; stderr: {:?}", outcome.stderr));
    }
    let folder = dir.path().to_string_lossy().into_owned();
    judge_message(&outcome.stderr.replace(&folder, "DIR"), &case.expect)?;
    match case.db {
        Db::Plain => {
            if export(&db, &[]) != fixture.plain_export {
                return Err("the record changed".into());
            }
        }
        Db::Encrypted => {
            env.retain(|(k, _)| *k != "BRIEFBOOK_PASSPHRASE");
            env.push(("BRIEFBOOK_PASSPHRASE", PASSPHRASE.into()));
            if export(&db, &env) != fixture.encrypted_export {
                return Err("the record changed".into());
            }
        }
        Db::Made(_) => {
            if std::fs::read(&db).ok() != before {
                return Err("the database file changed (or appeared)".into());
            }
        }
        Db::Missing(_) => {
            if db.exists() {
                return Err("the database appeared".into());
            }
        }
    }
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".briefbook-"))
        .collect();
    if !leftovers.is_empty() {
        return Err(format!("temporary files left behind: {leftovers:?}"));
    }
    Ok(())
}

/// One error line (clap's usage and tip lines aside), naming every `expect` word, with no
/// raw SQLite wording and nothing said twice.
pub fn judge_message(stderr: &str, expect: &[&str]) -> Result<(), String> {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    let errors: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("briefbook: error:") || l.starts_with("error:"))
        .collect();
    let [error] = errors.as_slice() else {
        return Err(format!(
            "expected one error line, got {}: {stderr:?}",
            errors.len()
        ));
    };
    let from_clap = error.starts_with("error:");
    let stray: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l != error)
        .filter(|l| {
            !(from_clap
                && (l.starts_with("Usage:")
                    || l.starts_with("For more information")
                    || l.starts_with("  ")))
        })
        .collect();
    if !stray.is_empty() {
        return Err(format!("more than one message: {stderr:?}"));
    }
    // clap names the argument on the lines after its one error line.
    let named = if from_clap { stderr } else { error }.to_lowercase();
    let lower = error.to_lowercase();
    if let Some(raw) = RAW_WORDING.iter().find(|w| lower.contains(*w)) {
        return Err(format!("raw wording {raw:?}: {error:?}"));
    }
    if lower.matches("os error").count() > 1 {
        return Err(format!("the OS error twice: {error:?}"));
    }
    if let Some(twice) = repeated(error.trim_start_matches("briefbook: error: "), 24) {
        return Err(format!("{twice:?} said twice: {error:?}"));
    }
    let missing: Vec<&&str> = expect
        .iter()
        .filter(|w| !named.contains(&w.to_lowercase()))
        .collect();
    if !missing.is_empty() {
        return Err(format!("does not name {missing:?}: {error:?}"));
    }
    Ok(())
}

/// A run of `len` characters that occurs twice without overlapping, if any.
fn repeated(text: &str, len: usize) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut seen: HashMap<&[char], usize> = HashMap::new();
    for start in 0..chars.len().saturating_sub(len - 1) {
        let window = &chars[start..start + len];
        match seen.get(window) {
            Some(&first) if start >= first + len => return Some(window.iter().collect()),
            Some(_) => {}
            None => {
                seen.insert(window, start);
            }
        }
    }
    None
}
