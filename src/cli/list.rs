//! `briefbook list`: entries by pillar, date range, status, kind and agency.

use super::export::with_force_hint;
use super::filter_args::{DialogueArg, FilterArgs};
use super::table;
use crate::model::roman;
use crate::model::Filters;
use crate::store::{EntryQuery, Store};
use anyhow::Result;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub dialogue: DialogueArg,
    /// Sort by date instead of by pillar and initiative.
    #[arg(long)]
    pub by_date: bool,
    /// Machine-readable output.
    #[arg(long, conflicts_with = "ics")]
    pub json: bool,
    /// The dated entries as an iCalendar file: a day as an all-day event, a month or a
    /// year as an event that long, a date-time at its time (add --kind commitment for the
    /// commitments alone).
    #[arg(long)]
    pub ics: bool,
    /// With --ics: write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE", requires = "ics")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

impl ListArgs {
    pub fn filter(&self) -> Result<EntryQuery> {
        Ok(EntryQuery {
            dialogue: None,
            filters: Filters {
                pillars: self.filter.pillar_numbers()?,
                from: self.filter.from.clone(),
                to: self.filter.to.clone(),
                statuses: self.filter.status_values()?,
                kinds: self.filter.kind_values()?,
                agencies: self.filter.agencies.clone(),
                query: None,
                include_undated: self.filter.undated().unwrap_or(false),
            },
            chronological: self.by_date,
            limit: None,
            offset: 0,
        })
    }
}

pub fn run(store: &Store, args: ListArgs) -> Result<()> {
    let mut query = args.filter()?;
    let dialogue = crate::app::record::dialogue_scope(store, args.dialogue.dialogue.as_deref())?;
    let Some(dialogue) = dialogue else {
        errln!("No entries match (the record holds no dialogue yet).");
        return Ok(());
    };
    query.dialogue = Some(dialogue);
    crate::app::view::check_agency_filter(store, &query.filters.agencies)?;
    let rows = crate::app::record::list_entries(store, &query)?;
    if args.ics {
        let text = crate::app::meetings::entries_ics(store, dialogue, &rows, chrono::Utc::now())?;
        match &args.output {
            None => std::io::stdout().write_all(text.as_bytes())?,
            Some(path) => {
                crate::app::meetings::write_export(path, &text, args.force)
                    .map_err(with_force_hint)?;
                errln!("Wrote {}", path.display());
            }
        }
        return Ok(());
    }
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    if rows.is_empty() {
        eprintln!("No entries match.");
        return Ok(());
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                pillar_cell(r.pillar_number),
                table::clip(r.initiative_title.as_deref().unwrap_or("General"), 34),
                r.date
                    .as_ref()
                    .map(|d| table::clip(&d.text, 20))
                    .unwrap_or_else(|| "—".into()),
                r.status.as_str().replace('_', " "),
                r.agencies.join(", "),
                table::clip(&r.text, 90),
            ]
        })
        .collect();
    table::print(
        &[
            "Pillar",
            "Initiative",
            "Date",
            "Status",
            "Agencies",
            "Entry",
        ],
        &cells,
    );
    eprintln!("{} entries", rows.len());
    Ok(())
}

/// A pillar as the table shows it; the General section has no numeral.
fn pillar_cell(number: u32) -> String {
    if number == 0 {
        "—".into()
    } else {
        roman(number)
    }
}
