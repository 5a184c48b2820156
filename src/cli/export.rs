//! `briefbook export`: the whole record as one JSON document.

use crate::packet::write::write_atomic;
use crate::store::Store;
use anyhow::Result;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(store: &Store, args: ExportArgs) -> Result<()> {
    let json = store.export_json()?;
    match args.output {
        None => std::io::stdout().write_all(json.as_bytes())?,
        Some(path) => {
            write_atomic(&path, json.as_bytes(), args.force)?;
            eprintln!("Exported the record to {}", path.display());
        }
    }
    Ok(())
}
