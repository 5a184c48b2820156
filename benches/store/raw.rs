//! The baselines: the same work done straight through rusqlite, with no history, no
//! validation and no merging, on the same schema and the same connection settings.

use briefbook::model::Record;
use rusqlite::{params, Connection};
use std::path::Path;

/// Opens a connection the way the store does (WAL, NORMAL sync, foreign keys, cache),
/// with the same `briefbook_stems` function: the index's `stems` column is part of the
/// schema's work (search in both languages), not of the store's overhead.
pub fn open(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.create_scalar_function(
        "briefbook_stems",
        1,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8
            | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(text.map(|t| briefbook::store::stems::stems_of(&t)))
        },
    )
    .unwrap();
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .unwrap();
    let _: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .unwrap();
    conn.execute_batch(
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -65536;",
    )
    .unwrap();
    conn
}

/// Inserts every row of `record` into an empty database with the store's schema, in one
/// transaction, then fills the full-text index in one statement per table.
pub fn bulk_insert(conn: &mut Connection, record: &Record) {
    let tx = conn.transaction().unwrap();
    {
        let mut agency = tx
            .prepare(
                "INSERT INTO agency (key, name, name_es, acronym, country)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .unwrap();
        for a in &record.agencies {
            agency
                .execute(params![
                    a.key(),
                    a.name,
                    a.name_es,
                    a.acronym,
                    a.country.as_str()
                ])
                .unwrap();
        }
        let mut pillar = tx
            .prepare(
                "INSERT INTO pillar (dialogue_id, number, title, title_es) VALUES (?1, ?2, ?3, ?4)",
            )
            .unwrap();
        let mut initiative = tx
            .prepare(
                "INSERT INTO initiative (pillar_id, position, title, title_es, summary, summary_es)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .unwrap();
        let mut entry = tx
            .prepare(
                "INSERT INTO entry (initiative_id, position, kind, text, text_es, status,
                    status_phrase, date_edtf, date_text, cadence, date_lower, date_upper,
                    other_dates, source_title, line, line_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )
            .unwrap();
        let mut link = tx
            .prepare(
                "INSERT OR IGNORE INTO entry_agency (entry_id, agency_id, position)
                 SELECT ?1, id, ?3 FROM agency WHERE key = ?2",
            )
            .unwrap();
        let mut note = tx
            .prepare(
                "INSERT INTO note (initiative_id, entry_id, position, kind, text, text_es)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .unwrap();
        for (d, dialogue) in record.dialogues.iter().enumerate() {
            tx.execute(
                "INSERT INTO dialogue (name, short_name, parties, position) VALUES (?1, ?2, '[]', ?3)",
                params![dialogue.name, dialogue.short_name, d as i64],
            )
            .unwrap();
            let dialogue_id = tx.last_insert_rowid();
            for p in &dialogue.pillars {
                pillar
                    .execute(params![dialogue_id, p.number, p.title, p.title_es])
                    .unwrap();
                let pillar_id = tx.last_insert_rowid();
                for (i, ini) in p.initiatives.iter().enumerate() {
                    initiative
                        .execute(params![
                            pillar_id,
                            i as i64,
                            ini.title,
                            ini.title_es,
                            ini.summary,
                            ini.summary_es
                        ])
                        .unwrap();
                    let initiative_id = tx.last_insert_rowid();
                    for (n, x) in ini.notes.iter().enumerate() {
                        note.execute(params![
                            initiative_id,
                            None::<i64>,
                            n as i64,
                            x.kind.as_str(),
                            x.text,
                            x.text_es
                        ])
                        .unwrap();
                    }
                    for (position, e) in ini.entries.iter().enumerate() {
                        let edtf = e.date.as_ref().and_then(|d| d.edtf);
                        let bounds = edtf.map(|x| x.sortable_bounds());
                        entry
                            .execute(params![
                                initiative_id,
                                position as i64,
                                e.kind.as_str(),
                                e.text,
                                e.text_es,
                                e.status.as_str(),
                                e.status_phrase,
                                edtf.map(|x| x.to_string()),
                                e.date.as_ref().map(|d| d.text.as_str()),
                                e.date.as_ref().and_then(|d| d.cadence).map(|c| c.as_str()),
                                bounds.as_ref().map(|b| b.0.as_str()),
                                bounds.as_ref().map(|b| b.1.as_str()),
                                serde_json::to_string(&e.other_dates).unwrap(),
                                e.source.as_ref().map(|s| s.title.as_str()),
                                e.source.as_ref().map(|s| s.line),
                                e.source.as_ref().and_then(|s| s.line_end),
                            ])
                            .unwrap();
                        let entry_id = tx.last_insert_rowid();
                        for (k, key) in e.agencies.iter().enumerate() {
                            link.execute(params![entry_id, key, k as i64]).unwrap();
                        }
                        for (n, x) in e.notes.iter().enumerate() {
                            note.execute(params![
                                None::<i64>,
                                entry_id,
                                n as i64,
                                x.kind.as_str(),
                                x.text,
                                x.text_es
                            ])
                            .unwrap();
                        }
                    }
                }
            }
        }
    }
    tx.execute_batch(
        "INSERT INTO search_index (rowid, body, stems)
             SELECT id * 4, text || ' ' || coalesce(text_es, ''),
                    briefbook_stems(text || ' ' || coalesce(text_es, '')) FROM entry;
         INSERT INTO search_index (rowid, body, stems)
             SELECT id * 4 + 1, title || ' ' || coalesce(summary, '') || ' '
                    || coalesce(title_es, '') || ' ' || coalesce(summary_es, ''),
                    briefbook_stems(title || ' ' || coalesce(summary, '') || ' '
                    || coalesce(title_es, '') || ' ' || coalesce(summary_es, ''))
             FROM initiative;
         INSERT INTO search_index (rowid, body, stems)
             SELECT id * 4 + 2, text || ' ' || coalesce(text_es, ''),
                    briefbook_stems(text || ' ' || coalesce(text_es, '')) FROM note;",
    )
    .unwrap();
    tx.commit().unwrap();
}

/// The FTS5 query the store's search runs (`fts_expression`), with bm25 order and
/// snippets, and nothing else.
pub fn search(conn: &Connection, query: &str, limit: u32) -> Vec<(i64, String)> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT rowid, snippet(search_index, 0, char(2), char(3), '…', 24) FROM search_index
             WHERE search_index MATCH ?1 ORDER BY rank LIMIT ?2",
        )
        .unwrap();
    stmt.query_map(params![query, limit], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The SQL `list_entries` runs for pillar II in 2020 (first 200), written out by hand.
const PILLAR_RANGE: &str = "
    SELECT e.id, e.kind, e.text, e.text_es, e.status, e.date_edtf, e.date_text, e.cadence,
           (SELECT group_concat(a.key, char(31) ORDER BY ea.position)
              FROM entry_agency ea JOIN agency a ON a.id = ea.agency_id WHERE ea.entry_id = e.id),
           coalesce(p.number, 0), p.title, i.id, i.title, NULL, NULL
    FROM pillar p CROSS JOIN initiative i ON i.pillar_id = p.id
         CROSS JOIN entry e ON e.initiative_id = i.id
    WHERE (e.date_lower IS NOT NULL AND e.date_upper >= '2020-01-01'
           AND e.date_lower <= '2020-12-31') AND p.number IN (2)
    ORDER BY p.number, p.id, i.position, i.id, e.position, e.id LIMIT 200 OFFSET 0";

type Row = (i64, String, String, Option<String>, String, Option<String>);

pub fn pillar_range(conn: &Connection) -> Vec<Row> {
    let mut stmt = conn.prepare_cached(PILLAR_RANGE).unwrap();
    // Every column the query returns is read, as `list_entries` reads them.
    stmt.query_map([], |r| {
        let _: (Option<String>, Option<String>) = (r.get(6)?, r.get(7)?);
        let _: Option<String> = r.get(8)?;
        let _: (u32, Option<String>, Option<i64>) = (r.get(9)?, r.get(10)?, r.get(11)?);
        let _: (Option<String>, Option<String>, Option<String>) =
            (r.get(12)?, r.get(13)?, r.get(14)?);
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}
