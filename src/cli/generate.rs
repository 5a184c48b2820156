//! `briefbook generate` (hidden): fills a database with a synthetic record, for load tests
//! and benchmarks of the app.

use crate::app::{self, import::DocumentFormat, import::ParsedImport};
use crate::store::Store;
use crate::synthetic::{self, Size};
use anyhow::Result;
use clap::Args;

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[arg(long, default_value_t = 100_000)]
    pub entries: u32,
    #[arg(long, default_value_t = 200)]
    pub initiatives: u32,
    #[arg(long, default_value_t = 4)]
    pub pillars: u32,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

pub fn run(store: &mut Store, args: GenerateArgs) -> Result<()> {
    let record = synthetic::record(
        Size {
            pillars: args.pillars,
            initiatives: args.initiatives,
            entries: args.entries,
        },
        args.seed,
    );
    let parsed = ParsedImport {
        format: DocumentFormat::Json,
        title: "synthetic record".into(),
        record,
        warnings: Vec::new(),
        dropped: Vec::new(),
        explanations: Vec::new(),
    };
    let bar = super::import::progress_bar();
    let report = app::import::merge(store, &parsed, false, &mut |p| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
    })?;
    bar.finish_and_clear();
    eprintln!("Added {} synthetic entries.", report.added_entries);
    Ok(())
}
