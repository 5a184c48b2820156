//! Listing entries with the one [`Filters`]: the same rules as `packet::assemble`, run
//! in SQL (pillar, date overlap, status, kind, agency) and in Rust (query words).

use super::load::{column, entry_date_cached};
use super::{Store, StoreError};
use crate::model::filter::{has_all_words, Filters, GENERAL_PILLAR};
use crate::model::{normalize_key, roman, EntryDate, EntryKind, Id, Status};
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

/// Which entries to list, and how: the one [`Filters`] plus order and paging.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EntryQuery {
    pub filters: Filters,
    /// Only the entries of this dialogue (`None`: of every dialogue).
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>", optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dialogue: Option<Id>,
    /// Chronological order (undated last) instead of record order (General first, then
    /// pillar by pillar).
    pub chronological: bool,
    pub limit: Option<u32>,
    pub offset: u32,
}

/// One entry with where it sits.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryRow {
    #[cfg_attr(feature = "ts", ts(as = "f64"))]
    pub id: Id,
    /// 0 for a dialogue-level entry, whose pillar title is "General".
    pub pillar_number: u32,
    pub pillar_title: String,
    /// `None` for a dialogue-level entry ("General"), which sits in no initiative.
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub initiative_id: Option<Id>,
    pub initiative_title: Option<String>,
    pub kind: EntryKind,
    pub text: String,
    pub text_es: Option<String>,
    pub status: Status,
    pub date: Option<EntryDate>,
    pub agencies: Vec<String>,
}

/// SQL conditions and their values, numbered as they are added.
#[derive(Default)]
struct Conditions {
    clauses: Vec<String>,
    values: Vec<Value>,
}

impl Conditions {
    fn bind(&mut self, value: Value) -> String {
        self.values.push(value);
        format!("?{}", self.values.len())
    }

    fn list(&mut self, values: impl Iterator<Item = Value>) -> String {
        let marks: Vec<String> = values.map(|v| self.bind(v)).collect();
        marks.join(", ")
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            "1".into()
        } else {
            self.clauses.join(" AND ")
        }
    }
}

/// The columns of an [`EntryRow`]; the initiative's Spanish title and summary only when
/// query words are matched against them.
fn row_columns(with_words: bool) -> String {
    format!(
        "e.id, e.kind, e.text, e.text_es, e.status, e.date_edtf, e.date_text, e.cadence,
         (SELECT group_concat(a.key, char(31) ORDER BY ea.position)
            FROM entry_agency ea JOIN agency a ON a.id = ea.agency_id WHERE ea.entry_id = e.id),
         coalesce(p.number, 0), p.title, i.id, i.title, {}",
        if with_words {
            "i.title_es, i.summary"
        } else {
            "NULL, NULL"
        }
    )
}

impl Store {
    /// Entries `query.filters` selects, with the same rules as `packet::assemble`.
    /// Refuses an unknown pillar, a bad date and a reversed range.
    pub fn list_entries(&self, query: &EntryQuery) -> Result<Vec<EntryRow>, StoreError> {
        let f = &query.filters;
        let mut c = Conditions::default();
        let pillars: Vec<u32> = f
            .pillars
            .iter()
            .copied()
            .filter(|p| *p != GENERAL_PILLAR)
            .collect();
        let range = f
            .date_range()
            .map_err(|e| StoreError::Validation(e.to_string()))?;
        if range.is_set() {
            // DateRange::judge, in SQL over the sortable bounds.
            let (from, to) = range.sql_bounds();
            let mut overlap = vec!["e.date_lower IS NOT NULL".to_string()];
            if let Some(from) = from {
                overlap.push(format!("e.date_upper >= {}", c.bind(Value::Text(from))));
            }
            if let Some(to) = to {
                overlap.push(format!("e.date_lower <= {}", c.bind(Value::Text(to))));
            }
            let dated = format!("({})", overlap.join(" AND "));
            c.clauses.push(if range.include_undated {
                format!("({dated} OR e.date_lower IS NULL)")
            } else {
                dated
            });
        }
        if let Some(dialogue) = query.dialogue {
            // Every query shape below names the entry `e` and its pillar `p` (NULL for
            // a General entry, which carries its dialogue itself).
            let mark = c.bind(Value::Integer(dialogue));
            c.clauses
                .push(format!("coalesce(e.dialogue_id, p.dialogue_id) = {mark}"));
        }
        if !f.statuses.is_empty() {
            let marks = c.list(f.statuses.iter().map(|s| Value::Text(s.as_str().into())));
            c.clauses.push(format!("e.status IN ({marks})"));
        }
        if !f.kinds.is_empty() {
            let marks = c.list(f.kinds.iter().map(|k| Value::Text(k.as_str().into())));
            c.clauses.push(format!("e.kind IN ({marks})"));
        }
        if !f.agencies.is_empty() {
            // Agency keys compare folded, as in the packet: resolved to ids here.
            let ids = self.agency_ids_folded(&f.folded_agencies())?;
            let marks = c.list(ids.into_iter().map(Value::Integer));
            c.clauses.push(format!(
                "EXISTS (SELECT 1 FROM entry_agency ea WHERE ea.entry_id = e.id
                         AND ea.agency_id IN ({marks}))"
            ));
        }
        let words = f.words();
        let columns = row_columns(!words.is_empty());
        // Query words are matched in Rust (has_all_words), so paging happens after them.
        let (limit, offset) = if words.is_empty() {
            (
                query.limit.map(i64::from).unwrap_or(-1),
                query.offset as i64,
            )
        } else {
            (-1, 0)
        };
        let want_general = f.selects_pillar(GENERAL_PILLAR);
        let want_pillars = f.pillars.is_empty() || !pillars.is_empty();
        let mut rows = Vec::new();
        if query.chronological {
            let mut scope = Vec::new();
            if !want_general {
                scope.push("e.dialogue_id IS NULL".to_string());
            }
            if !pillars.is_empty() {
                let marks = c.list(pillars.iter().map(|p| Value::Integer(*p as i64)));
                scope.push(if want_general {
                    format!("(e.dialogue_id IS NOT NULL OR p.number IN ({marks}))")
                } else {
                    format!("p.number IN ({marks})")
                });
            }
            c.clauses.extend(scope);
            let sql = format!(
                "SELECT {columns} FROM entry e
                 LEFT JOIN initiative i ON i.id = e.initiative_id
                 LEFT JOIN pillar p ON p.id = i.pillar_id
                 WHERE {} ORDER BY e.date_lower IS NULL, e.date_lower, e.date_upper,
                       coalesce(p.number, 0), i.position, e.position, e.id
                 LIMIT {limit} OFFSET {offset}",
                c.sql()
            );
            self.collect_rows(&sql, &c.values, &mut rows)?;
        } else {
            let mut skip = offset;
            let mut left = limit;
            if want_general {
                // Few rows: read whole, then paged together with the pillar rows.
                let sql = format!(
                    "SELECT {columns} FROM entry e JOIN dialogue d ON d.id = e.dialogue_id
                     LEFT JOIN initiative i ON 0 LEFT JOIN pillar p ON 0
                     WHERE {} ORDER BY d.position, e.position, e.id",
                    c.sql()
                );
                let mut general = Vec::new();
                self.collect_rows(&sql, &c.values, &mut general)?;
                let skipped = (skip as usize).min(general.len());
                skip -= skipped as i64;
                let mut taken: Vec<_> = general.into_iter().skip(skipped).collect();
                if left >= 0 {
                    taken.truncate(left as usize);
                    left -= taken.len() as i64;
                }
                rows.extend(taken);
            }
            if want_pillars && left != 0 {
                if !pillars.is_empty() {
                    let marks = c.list(pillars.iter().map(|p| Value::Integer(*p as i64)));
                    c.clauses.push(format!("p.number IN ({marks})"));
                }
                // Walking pillar -> initiative -> entry along their position indexes yields
                // rows already sorted, so LIMIT stops early; CROSS JOIN fixes that loop
                // order for SQLite's planner. Row ids break ties as the indexes do.
                let sql = format!(
                    "SELECT {columns} FROM pillar p
                     CROSS JOIN initiative i ON i.pillar_id = p.id
                     CROSS JOIN entry e ON e.initiative_id = i.id
                     WHERE {} ORDER BY p.number, p.id, i.position, i.id, e.position, e.id
                     LIMIT {left} OFFSET {skip}",
                    c.sql()
                );
                self.collect_rows(&sql, &c.values, &mut rows)?;
            }
        }
        // A pillar the rows show exists; only the others are looked up, so that an
        // unknown pillar is refused by name without a query on every listing.
        let unseen: Vec<u32> = pillars
            .iter()
            .copied()
            .filter(|p| !rows.iter().any(|(r, _)| r.pillar_number == *p))
            .collect();
        self.check_pillars(&unseen)?;
        if words.is_empty() {
            return Ok(rows.into_iter().map(|(row, _)| row).collect());
        }
        let kept = rows
            .into_iter()
            .filter(|(row, initiative)| {
                let agencies = row.agencies.join(" ");
                has_all_words(
                    &words,
                    &[
                        row.text.as_str(),
                        row.text_es.as_deref().unwrap_or(""),
                        row.initiative_title.as_deref().unwrap_or(""),
                        initiative.title_es.as_deref().unwrap_or(""),
                        initiative.summary.as_deref().unwrap_or(""),
                        &agencies,
                    ],
                )
            })
            .map(|(row, _)| row)
            .skip(query.offset as usize)
            .take(query.limit.map_or(usize::MAX, |l| l as usize));
        Ok(kept.collect())
    }

    fn collect_rows(
        &self,
        sql: &str,
        values: &[Value],
        out: &mut Vec<(EntryRow, InitiativeText)>,
    ) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut parsed = std::collections::HashMap::new();
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
            let agencies: Option<String> = r.get(8)?;
            let pillar_number: u32 = r.get(9)?;
            Ok((
                EntryRow {
                    id: r.get(0)?,
                    pillar_number,
                    pillar_title: match r.get::<_, Option<String>>(10)? {
                        Some(title) => title,
                        None => "General".into(),
                    },
                    initiative_id: r.get(11)?,
                    initiative_title: r.get(12)?,
                    kind: column(r, 1, "entry")?,
                    text: r.get(2)?,
                    text_es: r.get(3)?,
                    status: column(r, 4, "entry")?,
                    date: entry_date_cached(r, 5, &mut parsed)?,
                    agencies: agencies
                        .map(|a| a.split('\u{1f}').map(str::to_string).collect())
                        .unwrap_or_default(),
                },
                InitiativeText {
                    title_es: r.get(13)?,
                    summary: r.get(14)?,
                },
            ))
        })?;
        for row in rows {
            out.push(row?);
        }
        Ok(())
    }

    /// Ids of the agencies whose key folds to one of `folded`; a key that names no agency
    /// matches nothing (as in the packet).
    fn agency_ids_folded(&self, folded: &[String]) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT id, key FROM agency")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut ids = Vec::new();
        for row in rows {
            let (id, key) = row?;
            if folded.contains(&normalize_key(&key)) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// Refuses pillar numbers the record does not have, naming the ones it has.
    pub fn check_pillars(&self, wanted: &[u32]) -> Result<(), StoreError> {
        if wanted.is_empty() {
            return Ok(());
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT number FROM pillar ORDER BY number")?;
        let known: Vec<u32> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if let Some(missing) = wanted
            .iter()
            .find(|p| **p != GENERAL_PILLAR && !known.contains(p))
        {
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

/// The initiative texts the query words are matched against besides the row's own.
struct InitiativeText {
    title_es: Option<String>,
    summary: Option<String>,
}
