//! `briefbook init`: a new database, with or without the built-in record.

use crate::store::Store;
use anyhow::{bail, Result};
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
        None => super::default_db_path()?,
    };
    if path.exists() {
        bail!(
            "{} already exists; remove it first or choose another --db",
            path.display()
        );
    }
    let mut store = Store::open(&path)?;
    if !args.empty {
        seed_builtin(&mut store)?;
    }
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

/// Imports the built-in HLED record into a new store.
pub fn seed_builtin(store: &mut Store) -> Result<()> {
    crate::builtin::seed(store)?;
    Ok(())
}
