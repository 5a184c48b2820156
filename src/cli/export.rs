//! `briefbook export`: the whole record as one JSON document.

use crate::app;
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
    match args.output {
        None => std::io::stdout().write_all(app::backup::export_json(store)?.as_bytes())?,
        Some(path) => {
            app::backup::export_json_to(store, &path, args.force).map_err(with_force_hint)?;
            errln!("Exported the record to {}", path.display());
        }
    }
    Ok(())
}

/// The core names the problem ("already exists"); the command line adds its own way out.
pub(super) fn with_force_hint(error: app::Error) -> anyhow::Error {
    if error.code == app::ErrorCode::Conflict {
        anyhow::anyhow!("{error} (--force replaces it)")
    } else {
        error.into()
    }
}
