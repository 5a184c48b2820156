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
mod import_report;
mod init;
mod list;
mod meeting;
mod note;
mod packet;
mod safety;
mod search;
mod table;
mod terminal;
mod undo;

use crate::app::{
    self,
    open::{self, NewDatabase},
};
use crate::fsio::{Passphrase, PassphraseSource};
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
    /// Read the passphrase of an encrypted database from this file (otherwise from
    /// $BRIEFBOOK_PASSPHRASE, otherwise a prompt; never from the command line).
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
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
    /// Briefing notes on initiatives, entries and meetings: add, list, remove.
    Note(note::NoteArgs),
    /// A dialogue's meetings: add, list, show, import, export (JSON or iCalendar), remove.
    Meeting(meeting::MeetingArgs),
    /// Revert the latest change made in the app or on the command line.
    Undo,
    /// Copy the database now (to its backups folder, or to -o FILE).
    Backup(safety::BackupArgs),
    /// List the database's backups, newest first.
    Backups(safety::BackupsArgs),
    /// Put a backup in place of the database (the replaced file is kept).
    Restore(safety::RestoreArgs),
    /// Encrypt the database (and its backups) with a passphrase.
    Encrypt,
    /// Remove the database's encryption (its backups stay encrypted).
    Decrypt,
    /// Change the passphrase of an encrypted database.
    Passphrase(safety::PassphraseArgs),
    /// Fill the database with a synthetic record (for load tests).
    #[command(hide = true)]
    Generate(generate::GenerateArgs),
}

/// Runs one command line; errors carry the message the user sees.
pub fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx {
        db: cli.db.clone(),
        passphrase_file: cli.passphrase_file.clone(),
    };
    match cli.command {
        Command::Init(args) => init::run(&ctx, args),
        Command::List(args) => list::run(&ctx.open()?, args),
        Command::Search(args) => search::run(&ctx.open()?, args),
        Command::Export(args) => export::run(&ctx.open()?, args),
        Command::Import(args) => import::run(&mut ctx.open()?, args),
        Command::History(args) => history::run(&ctx.open()?, args),
        Command::Packet(args) => packet::run(&mut ctx.open()?, *args),
        Command::Note(args) => note::run(&mut ctx.open()?, args),
        Command::Meeting(args) => meeting::run(&mut ctx.open()?, args),
        Command::Undo => undo::run(&mut ctx.open()?),
        Command::Backup(args) => safety::backup(&ctx, args),
        Command::Backups(args) => safety::backups(&ctx, args),
        Command::Restore(args) => safety::restore(&ctx, args),
        Command::Encrypt => safety::encrypt(&ctx),
        Command::Decrypt => safety::decrypt(&ctx),
        Command::Passphrase(args) => safety::change_passphrase(&ctx, args),
        Command::Generate(args) => generate::run(&mut ctx.open()?, args),
    }
}

/// Which database the command line works on, and where its passphrase comes from.
pub(crate) struct Ctx {
    db: Option<PathBuf>,
    passphrase_file: Option<PathBuf>,
}

impl Ctx {
    /// The database named by `--db`, or the default one (its folder created on first use).
    fn path(&self) -> Result<PathBuf> {
        match &self.db {
            Some(p) => Ok(p.clone()),
            None => {
                let path = open::default_db_path()?;
                open::ensure_default_dir(&path)?;
                Ok(path)
            }
        }
    }

    /// Reads a passphrase from `--passphrase-file`, `$BRIEFBOOK_PASSPHRASE` or a prompt.
    fn passphrase(&self, prompt: &str, confirm: bool) -> Result<Passphrase> {
        let source = PassphraseSource::choose(self.passphrase_file.as_deref());
        Ok(source.read(prompt, confirm)?)
    }

    /// The passphrase when `path` turns out to be encrypted: opening without one first
    /// costs nothing, and a plain database never prompts.
    fn open_with<T>(
        &self,
        path: &Path,
        attempt: impl Fn(Option<&Passphrase>) -> app::Result<T>,
    ) -> Result<T> {
        match attempt(None) {
            Err(e) if e.code == app::ErrorCode::Encrypted => {
                let key =
                    self.passphrase(&format!("Passphrase for {}: ", path.display()), false)?;
                Ok(attempt(Some(&key))?)
            }
            other => Ok(other?),
        }
    }

    /// Opens the database, creating it (with the built-in record) on first use.
    fn open(&self) -> Result<Store> {
        let path = self.path()?;
        self.open_with(&path, |key| open::open(&path, NewDatabase::Seeded, key))
    }
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
