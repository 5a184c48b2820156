//! Full-text search over entries, initiatives and notes, diacritics folded, ranked,
//! with highlighted snippets.

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

/// A last word this short is ranked over a bounded candidate set (search as you type).
const SHORT_PREFIX: usize = 2;
/// How many matches of a short prefix are ranked.
const CANDIDATES: u32 = 2_000;

const HIT_START: char = '\u{2}';
const HIT_END: char = '\u{3}';

/// Turns what a person typed into an FTS5 query: every word must appear, the last one
/// as a prefix (so results come while typing). Returns `None` when there is no word.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let (last, rest) = words.split_last()?;
    let mut terms: Vec<String> = rest.iter().map(|w| format!("\"{w}\"")).collect();
    terms.push(format!("\"{last}\"*"));
    Some(terms.join(" "))
}

/// FTS5 syntax errors name what was searched for; anything else stays a database error.
fn fts_error(text: &str, e: rusqlite::Error) -> StoreError {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(m)) if m.contains("fts5") => {
            StoreError::Validation(format!("cannot search for '{text}': {m}"))
        }
        other => StoreError::from(other),
    }
}

fn split_snippet(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut hit = false;
    for c in marked.chars() {
        if c == HIT_START || c == HIT_END {
            if !current.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut current),
                    hit,
                });
            }
            hit = c == HIT_START;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        parts.push(SnippetPart { text: current, hit });
    }
    parts
}

impl Store {
    /// The best `limit` matches for `text`, best first. "Mexico" finds "México".
    pub fn search(&self, text: &str, limit: u32) -> Result<Vec<SearchHit>, StoreError> {
        let Some(query) = fts_query(text) else {
            return Ok(Vec::new());
        };
        // A one- or two-letter last word matches a large part of the record; ranking every
        // match took 130-280 ms on 100,000 entries. While a person types, the best of a
        // bounded set of candidates is ranked instead (the set grows as letters come).
        let short = text
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .is_some_and(|w| w.chars().count() <= SHORT_PREFIX);
        let ranked: Vec<(i64, String)> = if short {
            let mut candidates = self.conn.prepare_cached(
                "SELECT rowid, bm25(search_index) FROM search_index WHERE search_index MATCH ?1
                 LIMIT ?2",
            )?;
            let mut scored: Vec<(i64, f64)> = candidates
                .query_map(rusqlite::params![query, CANDIDATES], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect::<Result<_, _>>()
                .map_err(|e| fts_error(text, e))?;
            scored.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            scored.truncate(limit as usize);
            // Snippets for the chosen few only, each found by rowid.
            let mut snippet = self.conn.prepare_cached(
                "SELECT snippet(search_index, 0, char(2), char(3), '…', 24) FROM search_index
                 WHERE search_index MATCH ?1 AND rowid = ?2",
            )?;
            let mut ranked = Vec::with_capacity(scored.len());
            for (rid, _) in scored {
                let snip: String = snippet
                    .query_row(rusqlite::params![query, rid], |r| r.get(0))
                    .map_err(|e| fts_error(text, e))?;
                ranked.push((rid, snip));
            }
            ranked
        } else {
            let mut stmt = self.conn.prepare_cached(
                "SELECT rowid, snippet(search_index, 0, char(2), char(3), '…', 24)
                 FROM search_index WHERE search_index MATCH ?1 ORDER BY rank LIMIT ?2",
            )?;
            let rows = stmt
                .query_map(rusqlite::params![query, limit], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect::<Result<_, _>>()
                .map_err(|e| fts_error(text, e))?;
            rows
        };
        // Where each hit sits: the entry (itself, or the one a note is on) and initiative.
        let mut place = self.conn.prepare_cached(
            "SELECT coalesce(e.id, ne.id), coalesce(i.id, ei.id, ni.id, nei.id)
             FROM (SELECT ?1 AS rid) h
             LEFT JOIN entry e ON h.rid % 4 = 0 AND e.id = h.rid / 4
             LEFT JOIN initiative ei ON ei.id = e.initiative_id
             LEFT JOIN initiative i ON h.rid % 4 = 1 AND i.id = h.rid / 4
             LEFT JOIN note n ON h.rid % 4 = 2 AND n.id = h.rid / 4
             LEFT JOIN initiative ni ON ni.id = n.initiative_id
             LEFT JOIN entry ne ON ne.id = n.entry_id
             LEFT JOIN initiative nei ON nei.id = ne.initiative_id",
        )?;
        let mut raw: Vec<(i64, String, Option<Id>, Option<Id>)> = Vec::new();
        for (rid, snip) in ranked {
            let (entry_id, initiative_id) =
                place.query_row([rid], |r| Ok((r.get(0)?, r.get(1)?)))?;
            raw.push((rid, snip, entry_id, initiative_id));
        }
        let mut context = self.conn.prepare_cached(
            "SELECT i.title, p.number FROM initiative i JOIN pillar p ON p.id = i.pillar_id
             WHERE i.id = ?1",
        )?;
        let mut hits = Vec::with_capacity(raw.len());
        for (rid, snip, entry_id, initiative_id) in raw {
            let (initiative_title, pillar_number) = match (initiative_id, entry_id) {
                (Some(i), _) => context.query_row([i], |r| Ok((r.get(0)?, r.get(1)?)))?,
                (None, Some(_)) => ("General".to_string(), GENERAL_PILLAR),
                // A row the index still names but that is gone: nothing to show.
                (None, None) => continue,
            };
            hits.push(SearchHit {
                kind: ["entry", "initiative", "note"][(rid % 4) as usize].to_string(),
                id: rid / 4,
                entry_id,
                initiative_id,
                initiative_title,
                pillar_number,
                snippet: split_snippet(&snip),
            });
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_requires_every_word_and_prefixes_the_last() {
        assert_eq!(
            fts_query("trade miss").as_deref(),
            Some("\"trade\" \"miss\"*")
        );
        assert_eq!(fts_query("  \"; DROP --").as_deref(), Some("\"DROP\"*"));
        assert_eq!(fts_query("?!"), None);
    }

    #[test]
    fn snippet_markers_become_parts() {
        let parts = split_snippet("a \u{2}México\u{3} b");
        assert_eq!(parts.len(), 3);
        assert!(parts[1].hit && parts[1].text == "México");
    }
}
