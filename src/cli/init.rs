//! `briefbook init`: a new database, with or without the built-in record.

use crate::app::open::{self, NewDatabase};
use anyhow::Result;
use clap::Args;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Create the database without the built-in HLED record.
    #[arg(long)]
    pub empty: bool,
}

pub fn run(ctx: &super::Ctx, args: InitArgs) -> Result<()> {
    let path = ctx.path()?;
    let new = if args.empty {
        NewDatabase::Empty
    } else {
        NewDatabase::Seeded
    };
    open::init(&path, new, None)?;
    outln!(
        "Created {}{}",
        path.display(),
        if args.empty {
            " (empty)"
        } else {
            " with the built-in HLED record"
        }
    );
    Ok(())
}
