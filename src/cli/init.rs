//! `briefbook init`: a new database, with or without the built-in record.

use crate::app::open::{self, NewDatabase};
use anyhow::Result;
use clap::Args;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Create the database without the built-in HLED record.
    #[arg(long)]
    pub empty: bool,
    /// Encrypt the new database at rest (SQLCipher); the passphrase is asked for twice,
    /// or read from --passphrase-file or $BRIEFBOOK_PASSPHRASE.
    #[arg(long)]
    pub encrypt: bool,
}

pub fn run(ctx: &super::Ctx, args: InitArgs) -> Result<()> {
    let path = ctx.path()?;
    let new = if args.empty {
        NewDatabase::Empty
    } else {
        NewDatabase::Seeded
    };
    // Created encrypted from the first byte: no plain copy ever reaches the disk.
    let key = match args.encrypt {
        true => Some(ctx.passphrase("Passphrase for the new database: ", true)?),
        false => None,
    };
    open::init(&path, new, key.as_ref())?;
    outln!(
        "Created {}{}{}",
        path.display(),
        if args.encrypt { ", encrypted," } else { "" },
        if args.empty {
            " (empty)"
        } else {
            " with the built-in HLED record"
        }
    );
    Ok(())
}
