//! "Changes since": the history of the printed entries read as a briefing reads it, one
//! row per entry ("New commitment", "Status: planned → done", "Date changed", "Text
//! revised"), never field-level rows. The caller leaves out what is not a change to
//! report (the seeding of a new database: see `app::packets::prepare`).

use crate::model::{EntryKind, HistoryEvent, Id, Origin, Status};
use crate::packet::resolved::*;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A printed entry, as the changes section names it.
pub(super) struct Printed<'a> {
    pub id: Id,
    pub kind: EntryKind,
    pub text: &'a str,
}

pub(super) fn changes_since(
    since: NaiveDate,
    history: &[HistoryEvent],
    printed: &[Printed],
) -> Changes {
    let since_text = since.format("%Y-%m-%d").to_string();
    let by_id: BTreeMap<Id, &Printed> = printed.iter().map(|p| (p.id, p)).collect();
    let mut events: Vec<&HistoryEvent> = history
        .iter()
        // RFC 3339 UTC timestamps compare as text; the day prefix is enough for "on or after".
        .filter(|e| day(e) >= since_text.as_str())
        .filter(|e| e.entity == "entry" && by_id.contains_key(&e.entity_id))
        .collect();
    events.sort_by(|a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
    let mut per_entry: BTreeMap<Id, Vec<&HistoryEvent>> = BTreeMap::new();
    for e in events {
        per_entry.entry(e.entity_id).or_default().push(e);
    }
    let mut rows: Vec<(String, Id, ChangeRow)> = per_entry
        .into_iter()
        .filter_map(|(id, events)| {
            let entry = by_id[&id];
            let changes = summarize(entry, &events);
            let last = events.last()?;
            (!changes.is_empty()).then(|| {
                let row = ChangeRow {
                    on: day(last).to_string(),
                    entry: entry.text.to_string(),
                    changes,
                    origin: match &last.origin {
                        Origin::User => "user".into(),
                        Origin::Import { title, .. } => title.clone(),
                    },
                };
                (last.at.clone(), last.id, row)
            })
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    Changes {
        since,
        rows: rows.into_iter().map(|(_, _, r)| r).collect(),
    }
}

fn day(e: &HistoryEvent) -> &str {
    e.at.get(..10).unwrap_or(&e.at)
}

/// What happened to one entry, from its events in time order. A new entry is just new;
/// a status that went back to where it was is no change.
fn summarize(entry: &Printed, events: &[&HistoryEvent]) -> Vec<Change> {
    if events
        .iter()
        .any(|e| e.field == "*" && e.old_value.is_none())
    {
        return vec![Change::New {
            entry_kind: entry.kind,
        }];
    }
    let mut out = Vec::new();
    let status: Vec<&&HistoryEvent> = events.iter().filter(|e| e.field == "status").collect();
    if let (Some(first), Some(last)) = (status.first(), status.last()) {
        let parse = |v: &Option<String>| v.as_deref().and_then(|s| s.parse::<Status>().ok());
        if let (Some(from), Some(to)) = (parse(&first.old_value), parse(&last.new_value)) {
            if from != to {
                out.push(Change::Status { from, to });
            }
        }
    }
    let dates: Vec<&&HistoryEvent> = events.iter().filter(|e| e.field == "date").collect();
    if let (Some(first), Some(last)) = (dates.first(), dates.last()) {
        if first.old_value != last.new_value {
            out.push(Change::Date {
                to: last.new_value.clone(),
            });
        }
    }
    for (field, change) in [
        ("text", Change::Text),
        ("kind", Change::Kind),
        ("agencies", Change::Agencies),
    ] {
        if events.iter().any(|e| e.field == field) {
            out.push(change);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(
        id: Id,
        at: &str,
        entity_id: Id,
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
        origin: Origin,
    ) -> HistoryEvent {
        HistoryEvent {
            id,
            at: at.into(),
            entity: "entry".into(),
            entity_id,
            field: field.into(),
            old_value: old.map(Into::into),
            new_value: new.map(Into::into),
            origin,
            context: "Pillar I › x".into(),
            pillar: Some(1),
        }
    }

    fn seed() -> Origin {
        Origin::Import {
            source_id: Some(1),
            title: "Fact sheet".into(),
        }
    }

    #[test]
    fn one_row_per_entry_read_semantically_following_the_selection() {
        let printed = [
            Printed {
                id: 1,
                kind: EntryKind::Commitment,
                text: "Sign the MOU.",
            },
            Printed {
                id: 2,
                kind: EntryKind::Commitment,
                text: "Hold the mission.",
            },
            Printed {
                id: 3,
                kind: EntryKind::Activity,
                text: "Seeded only.",
            },
        ];
        let history = vec![
            event(
                1,
                "2026-01-01T00:00:00Z",
                3,
                "*",
                None,
                Some("Seeded only."),
                seed(),
            ),
            event(
                2,
                "2026-01-01T00:00:00Z",
                1,
                "*",
                None,
                Some("Sign"),
                seed(),
            ),
            event(
                3,
                "2026-02-01T00:00:00Z",
                1,
                "status",
                Some("planned"),
                Some("in_progress"),
                Origin::User,
            ),
            event(
                4,
                "2026-02-02T00:00:00Z",
                1,
                "status",
                Some("in_progress"),
                Some("done"),
                Origin::User,
            ),
            event(
                5,
                "2026-02-03T00:00:00Z",
                1,
                "date",
                None,
                Some("2021-10"),
                Origin::User,
            ),
            event(
                6,
                "2026-02-04T00:00:00Z",
                2,
                "*",
                None,
                Some("Hold"),
                Origin::User,
            ),
            event(
                7,
                "2026-02-05T00:00:00Z",
                2,
                "text",
                Some("Hold"),
                Some("Hold the mission."),
                Origin::User,
            ),
            // An entry outside the packet's selection.
            event(
                8,
                "2026-02-05T00:00:00Z",
                9,
                "status",
                Some("planned"),
                Some("done"),
                Origin::User,
            ),
        ];
        let since = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let changes = changes_since(since, &history, &printed);
        assert_eq!(changes.rows.len(), 2, "{changes:?}");
        assert_eq!(changes.rows[0].entry, "Sign the MOU.");
        assert_eq!(
            changes.rows[0].changes,
            vec![
                Change::Status {
                    from: Status::Planned,
                    to: Status::Done
                },
                Change::Date {
                    to: Some("2021-10".into())
                }
            ]
        );
        assert_eq!(
            changes.rows[1].changes,
            vec![Change::New {
                entry_kind: EntryKind::Commitment
            }]
        );
    }

    #[test]
    fn a_status_changed_back_and_events_before_the_date_are_no_change() {
        let printed = [Printed {
            id: 1,
            kind: EntryKind::Commitment,
            text: "x",
        }];
        let history = vec![
            event(
                1,
                "2026-01-01T00:00:00Z",
                1,
                "text",
                Some("a"),
                Some("x"),
                Origin::User,
            ),
            event(
                2,
                "2026-03-01T00:00:00Z",
                1,
                "status",
                Some("planned"),
                Some("done"),
                Origin::User,
            ),
            event(
                3,
                "2026-03-02T00:00:00Z",
                1,
                "status",
                Some("done"),
                Some("planned"),
                Origin::User,
            ),
        ];
        let since = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        assert!(changes_since(since, &history, &printed).rows.is_empty());
    }
}
