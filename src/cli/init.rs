//! `briefbook init`: a new database, with or without the built-in record.

use crate::app::open::{self, NewDatabase};
use anyhow::Result;
use clap::Args;
use std::path::Path;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Create the database without the built-in HLED record.
    #[arg(long)]
    pub empty: bool,
}

pub fn run(db: Option<&Path>, args: InitArgs) -> Result<()> {
    let path = match db {
        Some(p) => p.to_path_buf(),
        None => {
            let path = open::default_db_path()?;
            open::ensure_default_dir(&path)?;
            path
        }
    };
    let new = if args.empty {
        NewDatabase::Empty
    } else {
        NewDatabase::Seeded
    };
    open::init(&path, new)?;
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
