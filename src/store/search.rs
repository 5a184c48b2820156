//! Full-text search over entries, initiatives and notes, diacritics folded, ranked,
//! with highlighted snippets.

use super::snippet::{Query, TITLE_SEPARATOR};
use super::{Store, StoreError};
use crate::model::{Id, GENERAL_PILLAR};
use serde::{Deserialize, Serialize};

/// A piece of a snippet; `hit` marks the words that matched.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// One search result, with enough context to show it and jump to it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// entry, initiative or note.
    pub kind: String,
    #[cfg_attr(feature = "ts", ts(as = "f64"))]
    pub id: Id,
    /// The entry to jump to (the entry itself, or the entry a note is on).
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub entry_id: Option<Id>,
    /// `None` for a dialogue-level entry ("General") or a note on one.
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub initiative_id: Option<Id>,
    /// "General" for a dialogue-level entry.
    pub initiative_title: String,
    /// 0 for a dialogue-level entry.
    pub pillar_number: u32,
    pub snippet: Vec<SnippetPart>,
}

/// A last word shorter than this is ranked over a bounded candidate set (search as you type).
const SHORT_PREFIX: usize = 3;
/// How many matches of a short prefix are ranked.
const CANDIDATES: u32 = 2_000;

/// FTS5 syntax errors name what was searched for; anything else stays a database error.
fn fts_error(text: &str, e: rusqlite::Error) -> StoreError {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(m)) if m.contains("fts5") => {
            StoreError::Validation(format!("cannot search for '{text}': {m}"))
        }
        other => StoreError::from(other),
    }
}

/// Where a hit sits, resolved from its index rowid.
struct Place {
    entry_id: Option<Id>,
    initiative_id: Option<Id>,
    /// The dialogue of a dialogue-level entry (or of a note on one).
    general_dialogue: Option<Id>,
}

/// The FTS5 expression a search for `text` runs (`None` when it has no word): the word
/// or one of its stems for every word, the last as a prefix. Public for benchmarks'
/// baselines, which run the same query straight through rusqlite.
pub fn fts_expression(text: &str) -> Option<String> {
    Query::parse(text).map(|q| q.fts())
}

impl Store {
    /// The best `limit` matches for `text`, best first. "Mexico" finds "México",
    /// "chains" finds "chain", "cooperacion" finds "cooperation" and "cooperar".
    pub fn search(&self, text: &str, limit: u32) -> Result<Vec<SearchHit>, StoreError> {
        self.search_in(text, None, limit)
    }

    /// As [`Store::search`], only in the dialogue with id `dialogue` when one is given.
    pub fn search_in(
        &self,
        text: &str,
        dialogue: Option<Id>,
        limit: u32,
    ) -> Result<Vec<SearchHit>, StoreError> {
        let Some(query) = Query::parse(text) else {
            return Ok(Vec::new());
        };
        let fts = query.fts();
        let mut hits = Vec::new();
        if let Some(dialogue) = dialogue {
            // Which dialogue a row belongs to is known only after a lookup, so matches
            // are read best first until enough of them are in the dialogue.
            let mut stmt = self.conn.prepare_cached(
                "SELECT rowid FROM search_index WHERE search_index MATCH ?1 ORDER BY rank",
            )?;
            let mut rows = stmt.query([&fts]).map_err(|e| fts_error(text, e))?;
            while let Some(row) = rows.next().map_err(|e| fts_error(text, e))? {
                if hits.len() >= limit as usize {
                    break;
                }
                if let Some(hit) = self.hit(row.get(0)?, &query, Some(dialogue))? {
                    hits.push(hit);
                }
            }
            return Ok(hits);
        }
        // A one- or two-letter last word matches a large part of the record; ranking every
        // match took 130-280 ms on 100,000 entries. While a person types, the best of a
        // bounded set of candidates is ranked instead (the set grows as letters come).
        let ranked: Vec<i64> = if query.last_is_shorter_than(SHORT_PREFIX) {
            let mut candidates = self.conn.prepare_cached(
                "SELECT rowid, bm25(search_index, 2.0, 1.0) FROM search_index
                 WHERE search_index MATCH ?1 LIMIT ?2",
            )?;
            let mut scored: Vec<(i64, f64)> = candidates
                .query_map(rusqlite::params![fts, CANDIDATES], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect::<Result<_, _>>()
                .map_err(|e| fts_error(text, e))?;
            scored.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            scored.truncate(limit as usize);
            scored.into_iter().map(|(rid, _)| rid).collect()
        } else {
            let mut stmt = self.conn.prepare_cached(
                "SELECT rowid FROM search_index WHERE search_index MATCH ?1 ORDER BY rank
                 LIMIT ?2",
            )?;
            let rows = stmt
                .query_map(rusqlite::params![fts, limit], |r| r.get(0))?
                .collect::<Result<_, _>>()
                .map_err(|e| fts_error(text, e))?;
            rows
        };
        for rid in ranked {
            if let Some(hit) = self.hit(rid, &query, None)? {
                hits.push(hit);
            }
        }
        Ok(hits)
    }

    /// The hit for index row `rid`, or `None` when the row is gone or lies outside
    /// `dialogue`.
    fn hit(
        &self,
        rid: i64,
        query: &Query,
        dialogue: Option<Id>,
    ) -> Result<Option<SearchHit>, StoreError> {
        let Some(place) = self.place(rid)? else {
            return Ok(None);
        };
        let (initiative_title, pillar_number, in_dialogue) =
            match (place.initiative_id, place.general_dialogue) {
                (Some(i), _) => self
                    .conn
                    .prepare_cached(
                        "SELECT i.title, p.number, p.dialogue_id FROM initiative i
                         JOIN pillar p ON p.id = i.pillar_id WHERE i.id = ?1",
                    )?
                    .query_row([i], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, Id>(2)?)))?,
                (None, Some(d)) => ("General".to_string(), GENERAL_PILLAR, d),
                (None, None) => return Ok(None),
            };
        if dialogue.is_some_and(|d| d != in_dialogue) {
            return Ok(None);
        }
        let kind = rid % 4;
        let texts = self.texts(kind, rid / 4)?;
        Ok(Some(SearchHit {
            kind: ["entry", "initiative", "note"][kind as usize].to_string(),
            id: rid / 4,
            entry_id: place.entry_id,
            initiative_id: place.initiative_id,
            initiative_title,
            pillar_number,
            snippet: query.snippet(&texts),
        }))
    }

    /// Where index row `rid` sits: the entry (itself, or the one a note is on), its
    /// initiative, or its dialogue for a dialogue-level entry. `None` for a row the
    /// index still names but that is gone.
    fn place(&self, rid: i64) -> Result<Option<Place>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT coalesce(e.id, ne.id), coalesce(i.id, ei.id, ni.id, nei.id),
                    coalesce(e.dialogue_id, ne.dialogue_id)
             FROM (SELECT ?1 AS rid) h
             LEFT JOIN entry e ON h.rid % 4 = 0 AND e.id = h.rid / 4
             LEFT JOIN initiative ei ON ei.id = e.initiative_id
             LEFT JOIN initiative i ON h.rid % 4 = 1 AND i.id = h.rid / 4
             LEFT JOIN note n ON h.rid % 4 = 2 AND n.id = h.rid / 4
             LEFT JOIN initiative ni ON ni.id = n.initiative_id
             LEFT JOIN entry ne ON ne.id = n.entry_id
             LEFT JOIN initiative nei ON nei.id = ne.initiative_id",
        )?;
        let place = stmt.query_row([rid], |r| {
            Ok(Place {
                entry_id: r.get(0)?,
                initiative_id: r.get(1)?,
                general_dialogue: r.get(2)?,
            })
        })?;
        Ok((place.entry_id.is_some() || place.initiative_id.is_some()).then_some(place))
    }

    /// The texts a hit is shown from, English first: an entry's or note's text and its
    /// Spanish version; an initiative's title and summary, separated, in each language.
    fn texts(&self, kind: i64, id: Id) -> Result<Vec<String>, StoreError> {
        let join = |title: String, summary: Option<String>| match summary {
            Some(s) if !s.trim().is_empty() => format!("{title}{TITLE_SEPARATOR}{s}"),
            _ => title,
        };
        let texts = match kind {
            1 => {
                let (title, summary, title_es, summary_es): (
                    String,
                    Option<String>,
                    Option<String>,
                    Option<String>,
                ) = self
                    .conn
                    .prepare_cached(
                        "SELECT title, summary, title_es, summary_es FROM initiative
                         WHERE id = ?1",
                    )?
                    .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
                let mut texts = vec![join(title, summary)];
                if let Some(t) = title_es.filter(|t| !t.trim().is_empty()) {
                    texts.push(join(t, summary_es));
                } else if let Some(s) = summary_es {
                    texts.push(s);
                }
                texts
            }
            _ => {
                let table = if kind == 0 { "entry" } else { "note" };
                let (text, text_es): (String, Option<String>) = self
                    .conn
                    .prepare_cached(&format!("SELECT text, text_es FROM {table} WHERE id = ?1"))?
                    .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
                std::iter::once(text).chain(text_es).collect()
            }
        };
        Ok(texts)
    }
}
