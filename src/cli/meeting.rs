//! `briefbook meeting add|list|show|import|export|remove`: a dialogue's meetings. The
//! rich parts (agenda, participants, press lines…) travel as a JSON document
//! (`meeting export` writes it, `meeting import` reads it back).

use super::export::with_force_hint;
use super::filter_args::DialogueArg;
use super::table;
use crate::app::meetings::{self, MeetingRow, NewMeeting};
use crate::model::{EntryDate, Meeting, MeetingKind, Side};
use crate::store::Store;
use anyhow::Result;
use clap::{Args, Subcommand};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct MeetingArgs {
    #[command(flatten)]
    pub dialogue: DialogueArg,
    #[command(subcommand)]
    pub command: MeetingCommand,
}

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Add a meeting to the dialogue.
    Add {
        #[arg(long, value_name = "T")]
        title: String,
        /// A day or a date and time: 2022-09-12, "12 September 2022 09:30 -05:00",
        /// 2022-09-12T09:30:00-05:00.
        #[arg(long, value_name = "D")]
        date: String,
        #[arg(long, value_name = "P")]
        place: Option<String>,
        /// leaders, ministerial (the default), senior_officials, working_level, technical,
        /// other.
        #[arg(long, value_name = "K")]
        kind: Option<String>,
        /// Our delegation as the cover names it ("Secretary of Commerce and delegation").
        #[arg(long, value_name = "TEXT")]
        ours: Option<String>,
        /// Their delegation as the cover names it.
        #[arg(long, value_name = "TEXT")]
        theirs: Option<String>,
    },
    /// List the dialogue's meetings, earliest first.
    List {
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Show a meeting with all its parts (by id or title).
    Show {
        #[arg(value_name = "M")]
        meeting: String,
        /// The meeting as JSON (the document `meeting import` reads).
        #[arg(long)]
        json: bool,
    },
    /// Add a meeting from a JSON document, or replace an existing one's fields and parts
    /// (the one named by --meeting, else the dialogue's meeting with the same title).
    Import {
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
        /// The meeting to replace (id or title).
        #[arg(long, value_name = "M")]
        meeting: Option<String>,
    },
    /// Write a meeting as JSON, or its agenda as an iCalendar file (--ics).
    Export {
        #[arg(value_name = "M")]
        meeting: String,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// iCalendar (RFC 5545): one event per agenda item.
        #[arg(long)]
        ics: bool,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Remove a meeting with all its parts (`undo` puts it back).
    Remove {
        #[arg(value_name = "M")]
        meeting: String,
    },
}

pub fn run(store: &mut Store, args: MeetingArgs) -> Result<()> {
    let dialogue = args.dialogue.dialogue.as_deref();
    match args.command {
        MeetingCommand::Add {
            title,
            date,
            place,
            kind,
            ours,
            theirs,
        } => {
            let kind = kind
                .map(|k| k.parse::<MeetingKind>())
                .transpose()
                .map_err(|e| anyhow::anyhow!("--kind: {e}"))?;
            let new = NewMeeting {
                title,
                date,
                place,
                kind,
                our_delegation: ours,
                their_delegation: theirs,
            };
            let id = meetings::add(store, dialogue, &new)?;
            outln!("Added meeting {id}");
        }
        MeetingCommand::List { json } => {
            let rows = meetings::list(store, dialogue)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&rows)?);
            } else if rows.is_empty() {
                errln!("No meetings yet.");
            } else {
                print_list(&rows);
            }
        }
        MeetingCommand::Show { meeting, json } => {
            let id = meetings::find(store, dialogue, &meeting)?;
            if json {
                std::io::stdout().write_all(meetings::export_json(store, id)?.as_bytes())?;
            } else {
                print_meeting(&meetings::show(store, id)?);
            }
        }
        MeetingCommand::Import { file, meeting } => {
            let target = meeting
                .map(|m| meetings::find(store, dialogue, &m))
                .transpose()?;
            let outcome = meetings::import_file(store, &file, dialogue, target)?;
            match (outcome.created, outcome.changed) {
                (true, _) => outln!("Added meeting {}", outcome.id),
                (false, true) => outln!("Replaced meeting {}", outcome.id),
                (false, false) => {
                    outln!("Meeting {} already says this; nothing changed", outcome.id)
                }
            }
        }
        MeetingCommand::Export {
            meeting,
            output,
            ics,
            force,
        } => {
            let id = meetings::find(store, dialogue, &meeting)?;
            let text = if ics {
                meetings::export_ics(store, id, chrono::Utc::now())?
            } else {
                meetings::export_json(store, id)?
            };
            match output {
                None => std::io::stdout().write_all(text.as_bytes())?,
                Some(path) => {
                    meetings::write_export(&path, &text, force).map_err(with_force_hint)?;
                    errln!("Wrote {}", path.display());
                }
            }
        }
        MeetingCommand::Remove { meeting } => {
            let id = meetings::find(store, dialogue, &meeting)?;
            meetings::remove(store, id)?;
            outln!("Removed meeting {id} (undo puts it back)");
        }
    }
    Ok(())
}

fn print_list(rows: &[MeetingRow]) {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.id.to_string(),
                table::clip(&date_label(&r.date), 30),
                table::clip(&r.title, 50),
                table::clip(r.place.as_deref().unwrap_or("—"), 30),
                r.kind.as_str().replace('_', " "),
                format!("{} agenda, {} participants", r.agenda_items, r.participants),
            ]
        })
        .collect();
    table::print(&["Id", "Date", "Meeting", "Place", "Kind", "Parts"], &cells);
}

/// The date as the record states it, with the time in its own offset.
fn date_label(date: &EntryDate) -> String {
    match date.edtf {
        Some(edtf) => match edtf.time() {
            Some(time) => format!(
                "{} {}",
                edtf.lower().map(|d| d.to_string()).unwrap_or_default(),
                time.label()
            ),
            None if date.text.trim().is_empty() => edtf.to_string(),
            None => date.text.clone(),
        },
        None => date.text.clone(),
    }
}

/// A time of day when the value has one, else the date.
fn clock(date: &EntryDate) -> String {
    match date.edtf.and_then(|e| e.time()) {
        Some(time) => time.clock(),
        None => date_label(date),
    }
}

fn print_meeting(m: &Meeting) {
    outln!("{} (id {})", m.title, m.id.unwrap_or_default());
    outln!("Date: {}", date_label(&m.date));
    let fields = [
        ("Place", m.place.as_deref()),
        ("Our delegation", m.our_delegation.as_deref()),
        ("Their delegation", m.their_delegation.as_deref()),
    ];
    for (label, value) in fields {
        if let Some(value) = value {
            outln!("{label}: {value}");
        }
    }
    outln!("Kind: {}", m.kind.as_str().replace('_', " "));
    if let Some(scope) = &m.scope_note {
        outln!("\nScope note");
        for paragraph in scope.split("\n\n") {
            outln!("  {}", paragraph.trim());
        }
    }
    if !m.objectives.is_empty() {
        outln!("\nObjectives");
        for (i, o) in m.objectives.iter().enumerate() {
            outln!("  {}. {} [id {}]", i + 1, o.text, o.id.unwrap_or_default());
        }
    }
    if !m.agenda.is_empty() {
        outln!("\nAgenda");
        for item in &m.agenda {
            let when = match (&item.starts, &item.ends) {
                (Some(s), Some(e)) => format!("{}–{}", clock(s), clock(e)),
                (Some(s), None) => clock(s),
                _ => String::new(),
            };
            let mut line = format!("  {when:<13} {}", item.item);
            if let Some(lead) = &item.lead {
                line.push_str(&format!(" — lead: {lead}"));
            }
            if let Some(place) = &item.place {
                line.push_str(&format!(" — {place}"));
            }
            outln!("{line}");
        }
    }
    for (side, heading) in [
        (Side::Ours, "Our delegation"),
        (Side::Theirs, "Their delegation"),
    ] {
        let people: Vec<_> = m.participants.iter().filter(|p| p.side == side).collect();
        if people.is_empty() {
            continue;
        }
        outln!("\nParticipants: {heading}");
        for p in people {
            let about: Vec<&str> = [
                p.title.as_deref(),
                p.organisation.as_deref(),
                p.role.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            if about.is_empty() {
                outln!("  {}", p.name);
            } else {
                outln!("  {} — {}", p.name, about.join(", "));
            }
            if let Some(bio) = &p.bio {
                outln!("      {bio}");
            }
        }
    }
    if !m.notes.is_empty() {
        outln!("\nNotes");
        for n in &m.notes {
            outln!(
                "  {}: {} [id {}]",
                n.kind.as_str().replace('_', " "),
                n.text,
                n.id.unwrap_or_default()
            );
            if let Some(answer) = &n.answer {
                outln!("      → {answer}");
            }
        }
    }
    if !m.press_lines.is_empty() {
        outln!("\nPress lines");
        for l in &m.press_lines {
            match &l.answer {
                Some(answer) => {
                    outln!("  Q: {} [id {}]", l.text, l.id.unwrap_or_default());
                    outln!("  A: {answer}");
                }
                None => outln!("  {} [id {}]", l.text, l.id.unwrap_or_default()),
            }
        }
    }
    if let Some(c) = &m.clearance {
        outln!("\nDrafted and cleared");
        let drafted: Vec<&str> = [
            c.drafted_by.as_deref(),
            c.office.as_deref(),
            c.drafted_on.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !drafted.is_empty() {
            outln!("  Drafted: {}", drafted.join(", "));
        }
        if !c.cleared_by.is_empty() {
            outln!("  Cleared: {}", c.cleared_by.join("; "));
        }
    }
}
