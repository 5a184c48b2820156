//! The entry queries packets and views need: by pillar, date overlap, status, kind and
//! agency, combined.

use super::load::entry_date;
use super::{Store, StoreError};
use crate::model::date::parse_filter_bound;
use crate::model::{roman, EntryDate, EntryKind, Id, Status};
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

/// Which entries to list. Empty lists mean "any".
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EntryFilter {
    /// Pillar numbers (1-based).
    pub pillars: Vec<u32>,
    /// Range start, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (from its first day).
    pub from: Option<String>,
    /// Range end, same forms (to its last day). An entry is in range when its date's
    /// interval overlaps the range.
    pub to: Option<String>,
    pub statuses: Vec<Status>,
    pub kinds: Vec<EntryKind>,
    /// Agency keys (acronyms), matched without regard to case.
    pub agencies: Vec<String>,
    /// Whether entries without a date are listed when a date range is given (they always
    /// are when no range is given).
    pub include_undated: bool,
    /// Chronological order (undated last) instead of record order.
    pub chronological: bool,
    pub limit: Option<u32>,
    pub offset: u32,
}

/// One entry with where it sits.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryRow {
    pub id: Id,
    pub pillar_number: u32,
    pub pillar_title: String,
    pub initiative_id: Id,
    pub initiative_title: String,
    pub kind: EntryKind,
    pub text: String,
    pub text_es: Option<String>,
    pub status: Status,
    pub date: Option<EntryDate>,
    pub agencies: Vec<String>,
}

impl Store {
    /// Entries matching `filter`. Refuses an unknown pillar, a bad date and a reversed range.
    pub fn list_entries(&self, filter: &EntryFilter) -> Result<Vec<EntryRow>, StoreError> {
        let mut clauses: Vec<String> = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        let bind = |v: Value, values: &mut Vec<Value>| {
            values.push(v);
            format!("?{}", values.len())
        };

        if !filter.pillars.is_empty() {
            self.check_pillars(&filter.pillars)?;
            let marks: Vec<String> = filter
                .pillars
                .iter()
                .map(|p| bind(Value::Integer(*p as i64), &mut values))
                .collect();
            clauses.push(format!("p.number IN ({})", marks.join(", ")));
        }
        let bound = |text: &Option<String>, name: &str| -> Result<_, StoreError> {
            text.as_deref()
                .map(|t| {
                    parse_filter_bound(t)
                        .map_err(|e| StoreError::Validation(format!("{name}: {e}")))
                })
                .transpose()
        };
        let from = bound(&filter.from, "from")?.map(|(lower, _)| lower);
        let to = bound(&filter.to, "to")?.map(|(_, upper)| upper);
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                return Err(StoreError::Validation(format!(
                    "the date range ends ({}) before it starts ({})",
                    filter.to.as_deref().unwrap_or_default(),
                    filter.from.as_deref().unwrap_or_default()
                )));
            }
        }
        if from.is_some() || to.is_some() {
            let mut overlap = Vec::new();
            if let Some(f) = from {
                overlap.push(format!(
                    "e.date_upper >= {}",
                    bind(Value::Text(f.to_string()), &mut values)
                ));
            }
            if let Some(t) = to {
                overlap.push(format!(
                    "e.date_lower <= {}",
                    bind(Value::Text(t.to_string()), &mut values)
                ));
            }
            let dated = format!("(e.date_lower IS NOT NULL AND {})", overlap.join(" AND "));
            clauses.push(if filter.include_undated {
                format!("({dated} OR e.date_lower IS NULL)")
            } else {
                dated
            });
        }
        if !filter.statuses.is_empty() {
            let marks: Vec<String> = filter
                .statuses
                .iter()
                .map(|s| bind(Value::Text(s.as_str().into()), &mut values))
                .collect();
            clauses.push(format!("e.status IN ({})", marks.join(", ")));
        }
        if !filter.kinds.is_empty() {
            let marks: Vec<String> = filter
                .kinds
                .iter()
                .map(|k| bind(Value::Text(k.as_str().into()), &mut values))
                .collect();
            clauses.push(format!("e.kind IN ({})", marks.join(", ")));
        }
        if !filter.agencies.is_empty() {
            let marks: Vec<String> = filter
                .agencies
                .iter()
                .map(|a| bind(Value::Text(a.clone()), &mut values))
                .collect();
            clauses.push(format!(
                "EXISTS (SELECT 1 FROM entry_agency ea JOIN agency a ON a.id = ea.agency_id
                         WHERE ea.entry_id = e.id AND a.key COLLATE NOCASE IN ({}))",
                marks.join(", ")
            ));
        }
        let where_sql = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        // In record order, walking pillar -> initiative -> entry along their position
        // indexes yields rows already sorted, so LIMIT stops early; CROSS JOIN fixes that
        // loop order for SQLite's planner. Chronological order is left to the planner
        // (it walks the date index).
        let (from_sql, order) = if filter.chronological {
            (
                "entry e JOIN initiative i ON i.id = e.initiative_id JOIN pillar p ON p.id = i.pillar_id",
                "e.date_lower IS NULL, e.date_lower, e.date_upper, p.number, i.position, e.position",
            )
        } else {
            (
                "pillar p CROSS JOIN initiative i ON i.pillar_id = p.id CROSS JOIN entry e ON e.initiative_id = i.id",
                // Row ids break ties so the order matches the indexes exactly.
                "p.number, p.id, i.position, i.id, e.position, e.id",
            )
        };
        let limit = bind(
            Value::Integer(filter.limit.map(i64::from).unwrap_or(-1)),
            &mut values,
        );
        let offset = bind(Value::Integer(filter.offset as i64), &mut values);
        let sql = format!(
            "SELECT e.id, p.number, p.title, i.id, i.title, e.kind, e.text, e.text_es, e.status,
                    e.date_edtf, e.date_text, e.cadence,
                    (SELECT group_concat(a.key, char(31) ORDER BY ea.position)
                       FROM entry_agency ea JOIN agency a ON a.id = ea.agency_id
                      WHERE ea.entry_id = e.id)
             FROM {from_sql}
             {where_sql}
             ORDER BY {order}
             LIMIT {limit} OFFSET {offset}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
            let kind: String = r.get(5)?;
            let status: String = r.get(8)?;
            let agencies: Option<String> = r.get(12)?;
            Ok(EntryRow {
                id: r.get(0)?,
                pillar_number: r.get(1)?,
                pillar_title: r.get(2)?,
                initiative_id: r.get(3)?,
                initiative_title: r.get(4)?,
                kind: kind.parse().unwrap_or(EntryKind::Activity),
                text: r.get(6)?,
                text_es: r.get(7)?,
                status: status.parse().unwrap_or(Status::Unknown),
                date: entry_date(r, 9)?,
                agencies: agencies
                    .map(|a| a.split('\u{1f}').map(str::to_string).collect())
                    .unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Refuses pillar numbers the record does not have, naming the ones it has.
    pub fn check_pillars(&self, wanted: &[u32]) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT number FROM pillar ORDER BY number")?;
        let known: Vec<u32> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if let Some(missing) = wanted.iter().find(|p| !known.contains(p)) {
            let names: Vec<String> = known.iter().map(|n| roman(*n)).collect();
            return Err(StoreError::Validation(format!(
                "there is no pillar {} (the record has {})",
                roman(*missing),
                if names.is_empty() {
                    "no pillars".to_string()
                } else {
                    names.join(", ")
                }
            )));
        }
        Ok(())
    }
}
