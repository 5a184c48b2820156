//! `briefbook note add|list|remove`: the briefing notes printed in packets, on an
//! initiative, an entry or a meeting.

use super::filter_args::DialogueArg;
use super::table;
use crate::app::notes::{self, NotePart};
use crate::app::{meetings, record};
use crate::model::{Id, NoteKind};
use crate::store::{MeetingPart, NoteTarget, Store};
use anyhow::{anyhow, Result};
use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct NoteArgs {
    #[command(flatten)]
    pub dialogue: DialogueArg,
    #[command(subcommand)]
    pub command: NoteCommand,
}

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Add a note to an initiative (a few words of its title), an entry (its id) or a
    /// meeting (its id or title). On a meeting, an objective becomes one of its
    /// objectives and a press note one of its press lines.
    Add {
        /// Words of the initiative's title (case and accents ignored).
        #[arg(
            long,
            value_name = "TEXT",
            conflicts_with_all = ["entry", "meeting"],
            required_unless_present_any = ["entry", "meeting"]
        )]
        initiative: Option<String>,
        /// The entry's id (see `list --json`).
        #[arg(long, value_name = "ID", conflicts_with = "meeting")]
        entry: Option<Id>,
        /// The meeting's id or title.
        #[arg(long, value_name = "M")]
        meeting: Option<String>,
        /// objective, points, if-raised, background or press.
        #[arg(long, value_name = "KIND")]
        kind: String,
        /// The answer to give (an if-raised or press question and its answer).
        #[arg(long, value_name = "A")]
        answer: Option<String>,
        /// The note's text (the question, when an answer is given).
        text: String,
    },
    /// List the dialogue's notes, meeting objectives and press lines with where they sit.
    List {
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Remove a note by its id (see `note list`); a meeting's objective, press line or
    /// note with --meeting and its --kind.
    Remove {
        id: Id,
        /// The meeting the objective, press line or note belongs to.
        #[arg(long, value_name = "M", requires = "kind")]
        meeting: Option<String>,
        /// With --meeting: objective, press, or points/if-raised/background.
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
    },
}

/// Reads a note kind as people type it.
fn note_kind(text: &str) -> Result<NoteKind> {
    match text.trim().to_ascii_lowercase().replace('_', "-").as_str() {
        "objective" => Ok(NoteKind::Objective),
        "points" | "points-to-make" => Ok(NoteKind::PointsToMake),
        "if-raised" => Ok(NoteKind::IfRaised),
        "background" => Ok(NoteKind::Background),
        "press" => Ok(NoteKind::Press),
        other => Err(anyhow!(
            "--kind {other}: expected objective, points, if-raised, background or press"
        )),
    }
}

fn part_label(part: NotePart) -> &'static str {
    match part {
        NotePart::Record => "note",
        NotePart::MeetingObjective => "objective",
        NotePart::PressLine => "press line",
        NotePart::MeetingNote => "meeting note",
    }
}

pub fn run(store: &mut Store, args: NoteArgs) -> Result<()> {
    let dialogue = args.dialogue.dialogue.as_deref();
    match args.command {
        NoteCommand::Add {
            initiative,
            entry,
            meeting,
            kind,
            answer,
            text,
        } => {
            let kind = note_kind(&kind)?;
            if let Some(meeting) = meeting {
                let id = meetings::find(store, dialogue, &meeting)?;
                let added = meetings::add_note(store, id, kind, &text, answer.as_deref())?;
                outln!("Added {} {}", added.part.label(), added.id);
                return Ok(());
            }
            let target = match (initiative, entry) {
                (Some(words), _) => NoteTarget::Initiative(notes::find_initiative(store, &words)?),
                (None, Some(id)) => NoteTarget::Entry(id),
                (None, None) => unreachable!("clap requires --initiative, --entry or --meeting"),
            };
            let id = notes::add_with_answer(store, target, kind, &text, answer.as_deref())?;
            outln!("Added note {id}");
        }
        NoteCommand::List { json } => {
            let dialogue_id = record::resolve_dialogue(store, dialogue)?;
            let rows = notes::list_in(store, Some(dialogue_id))?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&rows)?);
            } else if rows.is_empty() {
                errln!("No notes yet.");
            } else {
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        let text = match &r.answer {
                            Some(answer) => format!("{} → {answer}", r.text),
                            None => r.text.clone(),
                        };
                        vec![
                            r.id.to_string(),
                            part_label(r.part).to_string(),
                            r.kind.as_str().replace('_', " "),
                            table::clip(&r.place, 50),
                            table::clip(&text, 80),
                        ]
                    })
                    .collect();
                table::print(&["Id", "What", "Kind", "Where", "Note"], &cells);
            }
        }
        NoteCommand::Remove { id, meeting, kind } => match (meeting, kind) {
            (Some(meeting), Some(kind)) => {
                let meeting_id = meetings::find(store, dialogue, &meeting)?;
                let part = match note_kind(&kind)? {
                    NoteKind::Objective => MeetingPart::Objective,
                    NoteKind::Press => MeetingPart::PressLine,
                    _ => MeetingPart::Note,
                };
                let shown = meetings::show(store, meeting_id)?;
                let belongs = match part {
                    MeetingPart::Objective => shown.objectives.iter().any(|o| o.id == Some(id)),
                    MeetingPart::PressLine => shown.press_lines.iter().any(|l| l.id == Some(id)),
                    MeetingPart::Note => shown.notes.iter().any(|n| n.id == Some(id)),
                };
                if !belongs {
                    return Err(anyhow!(
                        "meeting '{}' has no {} with id {id}",
                        shown.title,
                        part.label()
                    ));
                }
                meetings::remove_part(store, part, id)?;
                outln!("Removed {} {id}", part.label());
            }
            (None, Some(_)) => {
                return Err(anyhow!(
                    "--kind with note remove names a meeting's part; give --meeting too"
                ))
            }
            _ => {
                notes::remove(store, id)?;
                outln!("Removed note {id}");
            }
        },
    }
    Ok(())
}
