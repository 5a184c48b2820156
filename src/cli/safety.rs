//! `briefbook backup | backups | restore | encrypt | decrypt | passphrase`: copies of the
//! database and its encryption at rest.

use super::{table, Ctx};
use crate::app::{self, open::NewDatabase};
use anyhow::Result;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Write the copy to this file (which must not exist) instead of the backups folder.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BackupsArgs {
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup to put in place (see `briefbook backups`).
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct PassphraseArgs {
    /// Read the new passphrase from this file (otherwise it is typed twice at a prompt).
    #[arg(long, value_name = "FILE")]
    pub new_passphrase_file: Option<PathBuf>,
}

pub fn backup(ctx: &Ctx, args: BackupArgs) -> Result<()> {
    let store = ctx.open()?;
    match args.output {
        Some(target) => {
            app::backup::backup_to(&store, &target)?;
            outln!("Copied the database to {}", target.display());
        }
        None => outln!(
            "Backed up to {}",
            app::backup::backup_now(&store)?.display()
        ),
    }
    Ok(())
}

pub fn backups(ctx: &Ctx, args: BackupsArgs) -> Result<()> {
    let rows = app::backup::list(&ctx.path()?)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&rows)?);
    } else if rows.is_empty() {
        errln!("No backups yet.");
    } else {
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vec![
                    r.written
                        .replace('T', " ")
                        .trim_end_matches('Z')
                        .to_string(),
                    r.kind.clone(),
                    format!("{} KB", r.bytes.div_ceil(1024)),
                    if r.encrypted { "encrypted" } else { "" }.to_string(),
                    r.path.clone(),
                ]
            })
            .collect();
        table::print(&["When (UTC)", "Kind", "Size", "", "File"], &cells);
    }
    Ok(())
}

pub fn restore(ctx: &Ctx, args: RestoreArgs) -> Result<()> {
    let db = ctx.path()?;
    let kept = ctx.open_with(&db, |key| app::backup::restore(&db, &args.file, key))?;
    outln!(
        "Restored {} from {}; the replaced database is kept as {}",
        db.display(),
        args.file.display(),
        kept.display()
    );
    Ok(())
}

pub fn encrypt(ctx: &Ctx) -> Result<()> {
    let db = ctx.path()?;
    // Creates the database first when it does not exist yet, so it is never plain on disk
    // for longer than this command.
    drop(app::open::open(&db, NewDatabase::Seeded, None)?);
    let key = ctx.passphrase("New passphrase: ", true)?;
    let converted = app::backup::encrypt(&db, &key)?;
    outln!(
        "Encrypted {} and {} backups. Keep the passphrase safe: without it the record cannot be read.",
        db.display(),
        converted.backups_converted
    );
    for left in &converted.backups_left {
        errln!(
            "warning: {} could not be encrypted (another passphrase, or damaged)",
            left.display()
        );
    }
    Ok(())
}

pub fn decrypt(ctx: &Ctx) -> Result<()> {
    let db = ctx.path()?;
    app::backup::require_encrypted(&db)?;
    let key = ctx.passphrase(&format!("Passphrase for {}: ", db.display()), false)?;
    app::backup::decrypt(&db, &key)?;
    outln!("Decrypted {}; its backups stay encrypted.", db.display());
    Ok(())
}

pub fn change_passphrase(ctx: &Ctx, args: PassphraseArgs) -> Result<()> {
    let db = ctx.path()?;
    let old = ctx.passphrase(&format!("Current passphrase for {}: ", db.display()), false)?;
    // The current passphrase may come from the environment; the new one is typed (or
    // read from its own file), never taken from the same place as the old one.
    let new = match &args.new_passphrase_file {
        Some(file) => crate::fsio::PassphraseSource::File(file.clone()),
        None => crate::fsio::PassphraseSource::Prompt,
    }
    .read("New passphrase: ", true)?;
    let converted = app::backup::change_passphrase(&db, &old, &new)?;
    outln!(
        "Changed the passphrase of {} and {} backups.",
        db.display(),
        converted.backups_converted
    );
    Ok(())
}
