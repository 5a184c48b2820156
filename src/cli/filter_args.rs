//! The entry filters `list` and `packet` share, and their parsing.

use crate::model::{parse_pillar_number, EntryKind, Status};
use anyhow::{anyhow, Result};
use clap::Args;

#[derive(Debug, Args)]
pub struct FilterArgs {
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
    /// With a date range, also keep entries that have no date (left out by default).
    #[arg(long, conflicts_with = "exclude_undated")]
    pub include_undated: bool,
    /// With a date range, leave out entries that have no date (the default; overrides a
    /// saved spec that keeps them).
    #[arg(long)]
    pub exclude_undated: bool,
}

impl FilterArgs {
    /// What the flags say about undated entries; `None` when they say nothing.
    pub fn undated(&self) -> Option<bool> {
        match (self.include_undated, self.exclude_undated) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        }
    }

    /// Pillar numbers, refusing a value that is neither a number nor a Roman numeral.
    pub fn pillar_numbers(&self) -> Result<Vec<u32>> {
        self.pillars
            .iter()
            .map(|p| {
                parse_pillar_number(p).ok_or_else(|| {
                    anyhow!("--pillar {p}: give a pillar as a number (2) or a Roman numeral (II)")
                })
            })
            .collect()
    }

    pub fn status_values(&self) -> Result<Vec<Status>> {
        parse_all(&self.statuses, "--status")
    }

    pub fn kind_values(&self) -> Result<Vec<EntryKind>> {
        parse_all(&self.kinds, "--kind")
    }
}

fn parse_all<T: std::str::FromStr<Err = String>>(values: &[String], flag: &str) -> Result<Vec<T>> {
    values
        .iter()
        .map(|v| v.parse::<T>().map_err(|e| anyhow!("{flag}: {e}")))
        .collect()
}

/// `--dialogue NAME|SHORT_NAME`: which dialogue a command is about. With several
/// dialogues in the record a command that needs one refuses to guess and lists them.
#[derive(Debug, Args, Default)]
pub struct DialogueArg {
    /// The dialogue, by short name or name (case and accents ignored); needed when the
    /// record holds several.
    #[arg(long, global = true, value_name = "NAME")]
    pub dialogue: Option<String>,
}
