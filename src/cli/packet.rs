//! `briefbook packet`: assemble a briefing packet from the record and write it as PDF.
//!
//! The spec comes from `--saved NAME`, `--spec FILE.json` or the defaults, and the flags
//! given on the command line override it. The edge supplies what the pure core must not
//! read itself: today's date (prepared on) and the last render's day (changes since).

use super::filter_args::FilterArgs;
use crate::model::Lang;
use crate::packet::{assemble, write_atomic, PacketSpec, PageSize, Section};
use crate::render::render_pdf;
use crate::store::{RenderRecord, Store};
use anyhow::{anyhow, bail, Context, Result};
use clap::Args;
use sha2::{Digest, Sha256};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct PacketArgs {
    /// Output PDF file.
    #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
    pub output: PathBuf,
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
    /// With a date range, leave out entries that have no date.
    #[arg(long)]
    pub exclude_undated: bool,
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
    #[arg(long, value_name = "TEXT")]
    pub meeting: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub meeting_date: Option<String>,
    #[arg(long, value_name = "TEXT")]
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
            let saved = store.saved_spec(name)?;
            PacketSpec::from_json(&saved.spec).with_context(|| format!("saved packet '{name}'"))?
        } else if let Some(path) = &self.spec {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            PacketSpec::from_json(&text).with_context(|| path.display().to_string())?
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
        if self.exclude_undated {
            f.include_undated = false;
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
        for (field, value) in [
            (&mut spec.meeting.name, &self.meeting),
            (&mut spec.meeting.date, &self.meeting_date),
            (&mut spec.meeting.place, &self.place),
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
    if args
        .output
        .extension()
        .is_none_or(|e| !e.eq_ignore_ascii_case("pdf"))
    {
        bail!(
            "-o {}: the output file name must end in .pdf",
            args.output.display()
        );
    }
    let mut spec = args.spec(store)?;
    // What the saved spec keeps is what the user chose; the edge's defaults are filled after.
    let chosen = serde_json::to_string_pretty(&spec)?;
    if spec.prepared_on.is_none() {
        spec.prepared_on = Some(
            chrono::Local::now()
                .date_naive()
                .format("%Y-%m-%d")
                .to_string(),
        );
    }
    if spec.changes_since.is_none() && spec.sections.contains(&Section::ChangesSince) {
        spec.changes_since = store.last_render_day()?;
    }
    let record = store.load_record()?;
    let since = spec
        .changes_since_date()?
        .map(|d| d.format("%Y-%m-%d").to_string());
    let history = match &since {
        Some(day) => store.history(Some(day))?,
        None => Vec::new(),
    };
    let packet = assemble(&spec, &record, &history)?;
    let rendered = render_pdf(&packet)?;
    write_atomic(&args.output, &rendered.bytes, args.force)?;
    if let Some(name) = &args.save {
        store.save_spec(name, &chosen)?;
    }
    store.record_render(&RenderRecord {
        spec_name: args.save.clone().or(args.saved.clone()),
        spec: serde_json::to_string(&spec)?,
        at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        path: args.output.display().to_string(),
        sha256: format!("{:x}", Sha256::digest(&rendered.bytes)),
        pages: rendered.pages,
    })?;
    for warning in &rendered.warnings {
        eprintln!("briefbook: warning: {warning}");
    }
    outln!(
        "Wrote {} ({} pages, {} KB)",
        args.output.display(),
        rendered.pages,
        rendered.bytes.len().div_ceil(1024)
    );
    Ok(())
}
