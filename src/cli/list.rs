//! `briefbook list`: entries by pillar, date range, status, kind and agency.

use super::table;
use crate::model::{parse_pillar_number, roman, EntryKind, Status};
use crate::store::{EntryFilter, Store};
use anyhow::{anyhow, Result};
use clap::Args;

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Pillar, as 2 or II; repeat for several.
    #[arg(long = "pillar", value_name = "N")]
    pub pillars: Vec<String>,
    /// Entries whose date overlaps from this day/month/year (YYYY, YYYY-MM, YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// ... up to this day/month/year.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// planned, in_progress, done, stalled, dropped, unknown; repeatable.
    #[arg(long = "status", value_name = "S")]
    pub statuses: Vec<String>,
    /// objective, commitment, activity, milestone, meeting; repeatable.
    #[arg(long = "kind", value_name = "K")]
    pub kinds: Vec<String>,
    /// Agency acronym, e.g. USAID; repeatable.
    #[arg(long = "agency", value_name = "A")]
    pub agencies: Vec<String>,
    /// With a date range, also list entries that have no date.
    #[arg(long)]
    pub include_undated: bool,
    /// Sort by date instead of by pillar and initiative.
    #[arg(long)]
    pub by_date: bool,
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

impl ListArgs {
    pub fn filter(&self) -> Result<EntryFilter> {
        Ok(EntryFilter {
            pillars: self
                .pillars
                .iter()
                .map(|p| {
                    parse_pillar_number(p).ok_or_else(|| {
                        anyhow!(
                            "--pillar {p}: give a pillar as a number (2) or a Roman numeral (II)"
                        )
                    })
                })
                .collect::<Result<_>>()?,
            from: self.from.clone(),
            to: self.to.clone(),
            statuses: self
                .statuses
                .iter()
                .map(|s| s.parse::<Status>().map_err(|e| anyhow!("--status: {e}")))
                .collect::<Result<_>>()?,
            kinds: self
                .kinds
                .iter()
                .map(|s| s.parse::<EntryKind>().map_err(|e| anyhow!("--kind: {e}")))
                .collect::<Result<_>>()?,
            agencies: self.agencies.clone(),
            include_undated: self.include_undated,
            chronological: self.by_date,
            limit: None,
            offset: 0,
        })
    }
}

pub fn run(store: &Store, args: ListArgs) -> Result<()> {
    let rows = store.list_entries(&args.filter()?)?;
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
                roman(r.pillar_number),
                table::clip(&r.initiative_title, 34),
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
