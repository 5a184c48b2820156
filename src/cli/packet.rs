//! `briefbook packet`: assemble a briefing packet from the record and write it as PDF.
//!
//! The spec comes from `--saved NAME`, `--spec FILE.json` or the defaults, and the flags
//! given on the command line override it. The edge supplies what the pure core must not
//! read itself: today's date (prepared on) and the last render's day (changes since).

use super::filter_args::FilterArgs;
use crate::app::{
    self,
    packets::{ExportRequest, PacketSummary},
};
use crate::model::{roman, Lang};
use crate::packet::{PacketSpec, PageSize, Section};
use crate::store::Store;
use anyhow::{anyhow, Result};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct PacketArgs {
    /// Output PDF file (not needed with --dry-run).
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE.pdf",
        required_unless_present = "dry_run"
    )]
    pub output: Option<PathBuf>,
    /// Show what the packet would hold (pillars, initiatives, entries, estimated pages)
    /// and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Write one numbered copy per recipient (repeatable): FILE-K-NAME.pdf beside -o, each
    /// marked "Copy K of N — NAME" on every page.
    #[arg(long = "copy-for", value_name = "NAME")]
    pub copy_for: Vec<String>,
    /// With --dry-run: print the summary as JSON.
    #[arg(long, requires = "dry_run")]
    pub json: bool,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Start from a spec saved with --save.
    #[arg(long, value_name = "NAME", conflicts_with = "spec")]
    pub saved: Option<String>,
    /// Start from a packet spec in a JSON file.
    #[arg(long, value_name = "FILE.json")]
    pub spec: Option<PathBuf>,
    /// Save the resulting spec under this name.
    #[arg(long, value_name = "NAME")]
    pub save: Option<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Words that must occur in the entry or its initiative (case and accents ignored).
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
    /// en or es.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Handling marking printed on every page, e.g. "SENSITIVE BUT UNCLASSIFIED".
    #[arg(long, value_name = "TEXT")]
    pub marking: Option<String>,
    /// letter or a4.
    #[arg(long, value_name = "SIZE")]
    pub page: Option<String>,
    /// The dialogue, by name or short name (needed when the record holds several).
    #[arg(long, value_name = "NAME")]
    pub dialogue: Option<String>,
    /// Make the briefing book of this meeting (its id or title): scope note, schedule,
    /// participants, issue papers, press lines, annexes.
    #[arg(long, value_name = "MEETING")]
    pub meeting: Option<String>,
    /// Without --meeting: the meeting named on the cover, as free text.
    #[arg(long, value_name = "TEXT", conflicts_with = "meeting")]
    pub cover_meeting: Option<String>,
    /// Without --meeting: the cover's meeting date, as free text.
    #[arg(long, value_name = "TEXT", conflicts_with = "meeting")]
    pub meeting_date: Option<String>,
    /// Without --meeting: the cover's meeting place.
    #[arg(long, value_name = "TEXT", conflicts_with = "meeting")]
    pub place: Option<String>,
    /// The delegation the packet is for.
    #[arg(long, value_name = "TEXT")]
    pub prepared_for: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub prepared_by: Option<String>,
    /// YYYY-MM-DD; default today.
    #[arg(long, value_name = "DATE")]
    pub prepared_on: Option<String>,
    /// List recorded changes since this date; default the day of the last packet rendered.
    #[arg(long, value_name = "DATE")]
    pub changes_since: Option<String>,
    /// Sections in order (cover, contents, overview, pillars, timeline, changes_since, sources); repeatable.
    #[arg(long = "section", value_name = "S")]
    pub sections: Vec<String>,
    /// Leave out the briefing notes.
    #[arg(long)]
    pub no_notes: bool,
    /// Leave out source references.
    #[arg(long)]
    pub no_source_refs: bool,
}

impl PacketArgs {
    /// The spec: the saved or file spec, with the command line's flags applied over it.
    pub fn spec(&self, store: &Store) -> Result<PacketSpec> {
        let mut spec = if let Some(name) = &self.saved {
            app::packets::saved_spec(store, name)?
        } else if let Some(path) = &self.spec {
            app::packets::read_spec_file(path)?
        } else {
            PacketSpec::default()
        };
        let f = &mut spec.filters;
        let filter = &self.filter;
        if !filter.pillars.is_empty() {
            f.pillars = filter.pillar_numbers()?;
        }
        set(&mut f.from, &filter.from);
        set(&mut f.to, &filter.to);
        if !filter.statuses.is_empty() {
            f.statuses = filter.status_values()?;
        }
        if !filter.kinds.is_empty() {
            f.kinds = filter.kind_values()?;
        }
        if !filter.agencies.is_empty() {
            f.agencies = filter.agencies.clone();
        }
        set(&mut f.query, &self.query);
        if let Some(keep) = filter.undated() {
            f.include_undated = keep;
        }
        if let Some(lang) = &self.lang {
            spec.lang = lang.parse::<Lang>().map_err(|e| anyhow!("--lang: {e}"))?;
        }
        if let Some(page) = &self.page {
            spec.page = page
                .parse::<PageSize>()
                .map_err(|e| anyhow!("--page: {e}"))?;
        }
        if let Some(title) = &self.title {
            spec.title = title.clone();
        }
        set(&mut spec.marking, &self.marking);
        set(&mut spec.dialogue, &self.dialogue);
        set(&mut spec.meeting, &self.meeting);
        for (field, value) in [
            (&mut spec.cover.name, &self.cover_meeting),
            (&mut spec.cover.date, &self.meeting_date),
            (&mut spec.cover.place, &self.place),
            (&mut spec.prepared_for, &self.prepared_for),
            (&mut spec.prepared_by, &self.prepared_by),
        ] {
            if let Some(v) = value {
                *field = v.clone();
            }
        }
        set(&mut spec.prepared_on, &self.prepared_on);
        set(&mut spec.changes_since, &self.changes_since);
        if !self.sections.is_empty() {
            spec.sections = self
                .sections
                .iter()
                .map(|s| s.parse::<Section>().map_err(|e| anyhow!("--section: {e}")))
                .collect::<Result<_>>()?;
        }
        if self.no_notes {
            spec.options.include_notes = false;
        }
        if self.no_source_refs {
            spec.options.include_source_refs = false;
        }
        spec.validate()?;
        Ok(spec)
    }
}

fn set(field: &mut Option<String>, value: &Option<String>) {
    if value.is_some() {
        *field = value.clone();
    }
}

pub fn run(store: &mut Store, args: PacketArgs) -> Result<()> {
    if let Some(output) = &args.output {
        app::packets::check_pdf_path(output)?;
    }
    let spec = args.spec(store)?;
    let today = chrono::Local::now().date_naive();
    if args.dry_run {
        return print_summary(&app::packets::summary(store, &spec, today)?, args.json);
    }
    let output = args
        .output
        .clone()
        .expect("clap requires -o without --dry-run");
    if let Some(name) = &args.save {
        // What the saved spec keeps is what the person chose; defaults are filled at render.
        app::packets::save_spec(store, name, &spec)?;
    }
    let request = ExportRequest {
        spec,
        path: output.display().to_string(),
        spec_name: args.save.clone().or(args.saved.clone()),
        overwrite: args.force,
        copies_for: args.copy_for.clone(),
    };
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let result = app::packets::export(store, &request, today, &at, &mut |_| {})
        .map_err(super::export::with_force_hint)?;
    for warning in &result.warnings {
        errln!("briefbook: warning: {warning}");
    }
    if !result.copies.is_empty() {
        for copy in &result.copies {
            outln!("Wrote {copy}");
        }
        outln!(
            "{} numbered copies of {} pages",
            result.copies.len(),
            result.pages
        );
        return Ok(());
    }
    outln!(
        "Wrote {} ({} pages, {} KB)",
        result.path,
        result.pages,
        (result.bytes as usize).div_ceil(1024)
    );
    Ok(())
}

fn print_summary(summary: &PacketSummary, json: bool) -> Result<()> {
    if json {
        outln!("{}", serde_json::to_string_pretty(summary)?);
        return Ok(());
    }
    outln!("Dialogue: {}", summary.dialogue);
    if let Some(meeting) = &summary.meeting {
        outln!("Meeting: {meeting}");
    }
    for pillar in &summary.pillars {
        let label = if pillar.number == 0 {
            pillar.title.clone()
        } else {
            format!("Pillar {}: {}", roman(pillar.number), pillar.title)
        };
        outln!(
            "{label} — {} initiatives, {} entries",
            pillar.initiatives,
            pillar.entries
        );
    }
    outln!(
        "{} initiatives, {} entries ({} left out by the filters, {} undated kept); about {} pages. Dry run: nothing was written.",
        summary.initiatives,
        summary.entries,
        summary.left_out,
        summary.undated_included,
        summary.pages
    );
    if let Some(t) = &summary.translation {
        outln!(
            "Spanish: {} of {} texts translated, {} printed in English (marked [EN]).",
            t.translated,
            t.translated + t.fallback,
            t.fallback
        );
    }
    Ok(())
}
