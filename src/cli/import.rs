//! `briefbook import`: merge a JSON export (or a fact sheet) into the record.

use crate::interchange::{looks_like_interchange, parse_interchange};
use crate::model::Origin;
use crate::store::{MergeAction, MergeReport, Store};
use anyhow::{Context, Result};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A briefbook JSON export, or a fact sheet as text or Markdown.
    pub file: PathBuf,
    /// Show what would be added and changed, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(store: &mut Store, args: ImportArgs) -> Result<()> {
    let name = args.file.display().to_string();
    let text = crate::import::read_path(&args.file)?;
    let (record, title) = if looks_like_interchange(&text) {
        (
            parse_interchange(&text).with_context(|| name.clone())?,
            name.clone(),
        )
    } else {
        let parsed = crate::import::parse_document(&text, &file_name(&args.file));
        for warning in &parsed.warnings {
            eprintln!("warning: {name}: {warning}");
        }
        let title = parsed
            .record
            .sources
            .first()
            .map(|s| s.title.clone())
            .unwrap_or_else(|| name.clone());
        (parsed.record, title)
    };
    let origin = Origin::Import {
        source_id: None,
        title,
    };
    let report = import_with_progress(store, &record, &origin, args.dry_run)?;
    print_report(&name, &report);
    Ok(())
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

pub(super) fn import_with_progress(
    store: &mut Store,
    record: &crate::model::Record,
    origin: &Origin,
    dry_run: bool,
) -> Result<MergeReport> {
    let bar = if super::interactive() {
        indicatif::ProgressBar::new(0)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} entries")
            .expect("valid template"),
    );
    let report =
        store.import_record_with_progress(record, origin, dry_run, &mut |done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        })?;
    bar.finish_and_clear();
    Ok(report)
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
