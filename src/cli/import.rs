//! `briefbook import`: merge a JSON export, fact sheet or statement into the record.

use crate::app::{self, import::ImportInput, Progress};
use crate::store::{MergeAction, MergeReport, Store};
use anyhow::Result;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A briefbook JSON export, or a fact sheet or statement as text or Markdown.
    pub file: PathBuf,
    /// Show what would be added and changed, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(store: &mut Store, args: ImportArgs) -> Result<()> {
    let name = args.file.display().to_string();
    let parsed = app::import::parse(&ImportInput::File {
        path: args.file.display().to_string(),
    })?;
    for warning in &parsed.warnings {
        errln!("warning: {name}: {warning}");
    }
    super::import_report::print_explanations(&args.file, &parsed, args.dry_run)?;
    if args.dry_run && !parsed.dropped.is_empty() {
        outln!("Left out as page furniture:");
        for line in &parsed.dropped {
            outln!("  {line}");
        }
    }
    let bar = progress_bar();
    let report = app::import::merge(store, &parsed, args.dry_run, &mut |p: Progress| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
    })?;
    bar.finish_and_clear();
    print_report(&name, &report);
    Ok(())
}

/// A bar on stderr when a person watches it, nothing otherwise.
pub(super) fn progress_bar() -> indicatif::ProgressBar {
    let bar = if super::interactive() {
        indicatif::ProgressBar::new(0)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} entries")
            .expect("valid template"),
    );
    bar
}

/// Prints what an import did (or would do).
pub fn print_report(name: &str, report: &MergeReport) {
    let verb = if report.dry_run { "Would add" } else { "Added" };
    for line in &report.lines {
        let mark = match line.action {
            MergeAction::Add => "+",
            MergeAction::Update => "~",
        };
        match &line.detail {
            Some(detail) => outln!("{mark} {:<10} {} ({detail})", line.entity, line.what),
            None => outln!("{mark} {:<10} {}", line.entity, line.what),
        }
    }
    if report.more_lines > 0 {
        outln!("… and {} more changes", report.more_lines);
    }
    outln!(
        "{name}: {verb} {} entries, {} initiatives, {} pillars, {} agencies, {} notes, {} sources; {} {}; {} entries already present.",
        report.added_entries,
        report.added_initiatives,
        report.added_pillars,
        report.added_agencies,
        report.added_notes,
        report.added_sources,
        report.updated,
        if report.dry_run { "would be updated" } else { "updated" },
        report.unchanged_entries,
    );
    if report.dry_run {
        outln!("Dry run: nothing was written.");
    }
}
