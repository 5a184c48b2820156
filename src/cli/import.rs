//! `briefbook import`: merge a JSON export, fact sheet or statement into the record, or
//! (`--as-translation`) fill the other language of the texts a translation matches.

use super::table;
use crate::app::import::translation::{self, PairChoice};
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
    /// The file translates a document already in the record (Spanish of an English
    /// statement, or English of a Spanish one): fill the other language of the texts it
    /// matches instead of adding them. Prints the numbered pairs with their confidence.
    #[arg(long)]
    pub as_translation: bool,
    /// With --as-translation: pairs (by number in the report) not to apply.
    #[arg(long, value_delimiter = ',', requires = "as_translation")]
    pub reject: Vec<u32>,
    /// With --as-translation: pairs below the threshold to apply all the same.
    #[arg(long, value_delimiter = ',', requires = "as_translation")]
    pub accept: Vec<u32>,
    /// With --as-translation: the dialogue it translates (id, short name or name), when
    /// the record holds several.
    #[arg(long, requires = "as_translation")]
    pub dialogue: Option<String>,
}

pub fn run(store: &mut Store, args: ImportArgs) -> Result<()> {
    if args.as_translation {
        return run_translation(store, args);
    }
    let name = args.file.display().to_string();
    let parsed = app::import::parse(&ImportInput::File {
        path: args.file.display().to_string(),
    })?;
    for warning in &parsed.warnings {
        errln!("warning: {name}: {warning}");
    }
    super::import_report::print_explanations(&parsed, args.dry_run);
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

/// `--as-translation`: align the file with the record, print the numbered pairs side by
/// side with their confidence and the paragraphs nothing matched, then fill the accepted
/// pairs (all but `--reject`, plus `--accept`).
fn run_translation(store: &mut Store, args: ImportArgs) -> Result<()> {
    let name = args.file.display().to_string();
    let parsed = translation::align(
        store,
        &ImportInput::File {
            path: args.file.display().to_string(),
        },
        args.dialogue.as_deref(),
    )?;
    let choice = PairChoice {
        reject: args.reject.clone(),
        accept: args.accept.clone(),
    };
    outln!(
        "{name}: a {} translation of '{}'.",
        match parsed.language {
            crate::model::Lang::En => "English",
            crate::model::Lang::Es => "Spanish",
        },
        parsed.dialogue
    );
    let rows: Vec<Vec<String>> = parsed
        .pairs
        .iter()
        .map(|p| {
            let applied = (p.accepted || choice.accept.contains(&p.number))
                && !choice.reject.contains(&p.number);
            vec![
                p.number.to_string(),
                if applied { "yes" } else { "no" }.to_string(),
                format!("{:.2}", p.confidence),
                p.kind.as_str().to_string(),
                table::clip(&p.record_text, 38),
                table::clip(&p.translated_text, 38),
            ]
        })
        .collect();
    table::print(
        &["Pair", "Apply", "Conf.", "Kind", "Record", "Translation"],
        &rows,
    );
    if parsed.unmatched.is_empty() {
        outln!("Every paragraph of the translation matched a text of the record.");
    } else {
        outln!("Not matched (nothing is stored for these):");
        for u in &parsed.unmatched {
            match u.line {
                Some(line) => outln!("  line {line}: {}", u.text),
                None => outln!("  {}", u.text),
            }
        }
    }
    if !parsed.untranslated.is_empty() {
        outln!("Entries of the record the translation does not cover:");
        for text in &parsed.untranslated {
            outln!("  {}", table::clip(text, 100));
        }
    }
    let report = translation::fill(store, &parsed, &choice, args.dry_run)?;
    let paired = parsed
        .pairs
        .iter()
        .filter(|p| p.kind == crate::import::align::PairKind::Entry && p.accepted)
        .count();
    outln!(
        "{name}: {} of {} entries of the record paired; {} pairs applied, {} texts {}.",
        paired,
        parsed.record_entries,
        report.applied,
        report.filled,
        if args.dry_run {
            "would be filled"
        } else {
            "filled"
        }
    );
    if args.dry_run {
        outln!("Dry run: nothing was written. Reject pairs with --reject N,M when applying.");
    }
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
