//! `briefbook generate` (hidden): fills a database with a synthetic record, for load tests
//! and benchmarks of the app.

use crate::model::Origin;
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
    let origin = Origin::Import {
        source_id: None,
        title: "synthetic record".into(),
    };
    let report = super::import::import_with_progress(store, &record, &origin, false)?;
    eprintln!("Added {} synthetic entries.", report.added_entries);
    Ok(())
}
