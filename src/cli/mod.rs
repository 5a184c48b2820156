//! The `briefbook` command line: one file per subcommand, each a thin layer over the core.

/// `println!` that ends the process quietly when the reader has gone (`briefbook list | head`).
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::write_line(&format!($($arg)*))
    };
}

/// `eprintln!` with control characters escaped (messages may quote stored text).
macro_rules! errln {
    ($($arg:tt)*) => {
        eprintln!("{}", $crate::cli::terminal::escape_controls(&format!($($arg)*)))
    };
}

mod export;
mod filter_args;
mod generate;
mod history;
mod import;
mod init;
mod list;
mod note;
mod packet;
mod search;
mod table;
mod terminal;
mod undo;

use crate::app::open::{self, NewDatabase};
use crate::store::Store;
use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "briefbook",
    version,
    about = "Keep a dialogue's record and brief a delegation."
)]
pub struct Cli {
    /// Database file (default: the desktop app's database in the platform data directory,
    /// or $BRIEFBOOK_DB when set).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new database, with the built-in HLED record unless --empty.
    Init(init::InitArgs),
    /// List entries, filtered by pillar, date range, status, kind and agency.
    List(list::ListArgs),
    /// Full-text search over entries, initiatives and notes.
    Search(search::SearchArgs),
    /// Write the whole record as JSON (briefbook/1).
    Export(export::ExportArgs),
    /// Import a briefbook JSON export (or a fact sheet) into the record.
    Import(import::ImportArgs),
    /// Show the changes made to the record.
    History(history::HistoryArgs),
    /// Write a briefing packet (PDF) for some pillars, dates, statuses or agencies.
    Packet(Box<packet::PacketArgs>),
    /// Briefing notes on initiatives and entries: add, list, remove.
    Note(note::NoteArgs),
    /// Revert the latest change made in the app or on the command line.
    Undo,
    /// Fill the database with a synthetic record (for load tests).
    #[command(hide = true)]
    Generate(generate::GenerateArgs),
}

/// Runs one command line; errors carry the message the user sees.
pub fn run(cli: Cli) -> Result<()> {
    let db = cli.db.clone();
    match cli.command {
        Command::Init(args) => init::run(db.as_deref(), args),
        Command::List(args) => list::run(&open(db.as_deref())?, args),
        Command::Search(args) => search::run(&open(db.as_deref())?, args),
        Command::Export(args) => export::run(&open(db.as_deref())?, args),
        Command::Import(args) => import::run(&mut open(db.as_deref())?, args),
        Command::History(args) => history::run(&open(db.as_deref())?, args),
        Command::Packet(args) => packet::run(&mut open(db.as_deref())?, *args),
        Command::Note(args) => note::run(&mut open(db.as_deref())?, args),
        Command::Undo => undo::run(&mut open(db.as_deref())?),
        Command::Generate(args) => generate::run(&mut open(db.as_deref())?, args),
    }
}

/// Opens the database named by `--db`, or the default one, creating it (with the
/// built-in record) on first use.
fn open(db: Option<&Path>) -> Result<Store> {
    let path = match db {
        Some(p) => p.to_path_buf(),
        None => {
            let path = open::default_db_path()?;
            open::ensure_default_dir(&path)?;
            path
        }
    };
    Ok(open::open(&path, NewDatabase::Seeded)?)
}

/// Prints a failure to stderr, control characters escaped. `{:#}` prints the whole
/// chain: "FILE: at dialogues[0]...: unknown agency".
pub fn print_error(error: &anyhow::Error) {
    errln!("briefbook: error: {error:#}");
}

#[doc(hidden)]
pub fn write_line(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(error) = writeln!(out, "{}", terminal::escape_controls(line)) {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("briefbook: error: cannot write output: {error}");
        std::process::exit(1);
    }
}

/// Whether progress bars and colours make sense (a person is watching stderr).
fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
}
