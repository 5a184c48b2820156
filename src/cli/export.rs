//! `briefbook export`: the whole record as one JSON document.

use crate::store::Store;
use anyhow::{Context, Result};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(store: &Store, args: ExportArgs) -> Result<()> {
    let json = store.export_json()?;
    match args.output {
        None => std::io::stdout().write_all(json.as_bytes())?,
        Some(path) => {
            write_atomic(&path, json.as_bytes())?;
            eprintln!("Exported the record to {}", path.display());
        }
    }
    Ok(())
}

/// Writes through a temporary file in the same directory, so a failure never leaves half
/// a file where a good one was.
fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut temp = tempfile::NamedTempFile::new_in(&dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    temp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    temp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
