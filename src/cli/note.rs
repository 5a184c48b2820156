//! `briefbook note add|list|remove`: the briefing notes printed in packets.

use super::table;
use crate::app::{self, notes};
use crate::model::{Id, NoteKind};
use crate::store::{NoteTarget, Store};
use anyhow::{anyhow, Result};
use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct NoteArgs {
    #[command(subcommand)]
    pub command: NoteCommand,
}

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Add a note to an initiative (a few words of its title) or an entry (its id).
    Add {
        /// Words of the initiative's title (case and accents ignored).
        #[arg(
            long,
            value_name = "TEXT",
            conflicts_with = "entry",
            required_unless_present = "entry"
        )]
        initiative: Option<String>,
        /// The entry's id (see `list --json`).
        #[arg(long, value_name = "ID")]
        entry: Option<Id>,
        /// points, if-raised or background.
        #[arg(long, value_name = "KIND")]
        kind: String,
        /// The note's text.
        text: String,
    },
    /// List every note with where it sits.
    List {
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Remove a note by its id (see `note list`).
    Remove { id: Id },
}

/// Reads a note kind as people type it: points, if-raised, background.
fn note_kind(text: &str) -> Result<NoteKind> {
    match text.trim().to_ascii_lowercase().replace('_', "-").as_str() {
        "points" | "points-to-make" => Ok(NoteKind::PointsToMake),
        "if-raised" => Ok(NoteKind::IfRaised),
        "background" => Ok(NoteKind::Background),
        other => Err(anyhow!(
            "--kind {other}: expected points, if-raised or background"
        )),
    }
}

pub fn run(store: &mut Store, args: NoteArgs) -> Result<()> {
    match args.command {
        NoteCommand::Add {
            initiative,
            entry,
            kind,
            text,
        } => {
            let kind = note_kind(&kind)?;
            let target = match (initiative, entry) {
                (Some(words), _) => NoteTarget::Initiative(notes::find_initiative(store, &words)?),
                (None, Some(id)) => NoteTarget::Entry(id),
                (None, None) => unreachable!("clap requires --initiative or --entry"),
            };
            let id = notes::add(store, target, kind, &text)?;
            outln!("Added note {id}");
        }
        NoteCommand::List { json } => {
            let rows = notes::list(store)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&rows)?);
            } else if rows.is_empty() {
                errln!("No notes yet.");
            } else {
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.to_string(),
                            r.kind.as_str().replace('_', " "),
                            table::clip(&r.place, 50),
                            table::clip(&r.text, 80),
                        ]
                    })
                    .collect();
                table::print(&["Id", "Kind", "Where", "Note"], &cells);
            }
        }
        NoteCommand::Remove { id } => {
            app::notes::remove(store, id)?;
            outln!("Removed note {id}");
        }
    }
    Ok(())
}
