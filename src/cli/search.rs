//! `briefbook search`: ranked full-text search with highlighted snippets.

use super::table;
use crate::model::roman;
use crate::store::Store;
use anyhow::{bail, Result};
use clap::Args;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find, in English or Spanish; accents and case do not matter ("Mexico"
    /// finds "México") and word endings are stemmed ("chains" finds "chain").
    #[arg(required = true)]
    pub words: Vec<String>,
    /// Search only this dialogue (id, short name or name) when the record holds several.
    #[arg(long)]
    pub dialogue: Option<String>,
    /// How many results at most.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: u32,
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

pub fn run(store: &Store, args: SearchArgs) -> Result<()> {
    let text = args.words.join(" ");
    if !text.chars().any(char::is_alphanumeric) {
        bail!("nothing to search for in '{}': type a word", text.trim());
    }
    let hits = crate::app::search::search_in(
        store,
        &crate::app::search::SearchRequest {
            text: text.clone(),
            dialogue: args.dialogue.clone(),
            limit: args.limit,
        },
    )?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&hits)?);
        return Ok(());
    }
    if hits.is_empty() {
        errln!("Nothing matches '{text}'.");
        return Ok(());
    }
    let (open, close) = if super::interactive() {
        (super::terminal::BOLD, super::terminal::PLAIN)
    } else {
        ("*", "*")
    };
    let rows: Vec<Vec<String>> = hits
        .iter()
        .map(|h| {
            let snippet: String = h
                .snippet
                .iter()
                .map(|p| {
                    if p.hit {
                        format!("{open}{}{close}", p.text)
                    } else {
                        p.text.clone()
                    }
                })
                .collect();
            vec![
                roman(h.pillar_number),
                table::clip(&h.initiative_title, 34),
                h.kind.clone(),
                snippet.replace('\n', " "),
            ]
        })
        .collect();
    table::print(&["Pillar", "Initiative", "Match", "Text"], &rows);
    Ok(())
}
