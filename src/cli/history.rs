//! `briefbook history`: what changed, when, and by whom.

use super::filter_args::DialogueArg;
use super::table;
use crate::model::Origin;
use crate::store::Store;
use anyhow::Result;
use clap::Args;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only changes on or after this day/month/year (YYYY, YYYY-MM, YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    #[command(flatten)]
    pub dialogue: DialogueArg,
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

pub fn run(store: &Store, args: HistoryArgs) -> Result<()> {
    let since = args.since.as_deref();
    let events = match args.dialogue.dialogue.as_deref() {
        Some(dialogue) => crate::app::record::history_of(store, since, dialogue)?,
        None => crate::app::record::history(store, since)?,
    };
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&events)?);
        return Ok(());
    }
    if events.is_empty() {
        eprintln!("No changes.");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            let change = match (e.field.as_str(), &e.old_value, &e.new_value) {
                ("*", None, _) => "added".to_string(),
                ("*", Some(_), None) => "deleted".to_string(),
                (field, old, new) => format!(
                    "{field}: {} → {}",
                    table::clip(old.as_deref().unwrap_or("—"), 24),
                    table::clip(new.as_deref().unwrap_or("—"), 24)
                ),
            };
            let origin = match &e.origin {
                Origin::User => "user".to_string(),
                Origin::Import { title, .. } => format!("import: {}", table::clip(title, 30)),
            };
            vec![
                e.at.replace('T', " ").trim_end_matches('Z').to_string(),
                e.entity.clone(),
                change,
                origin,
                table::clip(&e.context, 80),
            ]
        })
        .collect();
    table::print(&["When (UTC)", "What", "Change", "By", "Where"], &rows);
    Ok(())
}
