//! Reading the whole record tree, and the JSON interchange document.

use super::{Store, StoreError};
use crate::interchange::{strip_ids, to_interchange};
use crate::model::{
    Agency, Country, Dialogue, Entry, EntryDate, Initiative, Note, Pillar, Record, Source,
    SourceRef,
};
use rusqlite::Row;
use std::collections::HashMap;

fn parse_col<T: std::str::FromStr<Err = String>>(row: &Row, index: usize) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    text.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, e.into())
    })
}

fn json_col<T: serde::de::DeserializeOwned>(row: &Row, index: usize) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, e.into())
    })
}

fn opt_json_col<T: serde::de::DeserializeOwned>(
    row: &Row,
    index: usize,
) -> rusqlite::Result<Option<T>> {
    match row.get::<_, Option<String>>(index)? {
        None => Ok(None),
        Some(_) => json_col(row, index).map(Some),
    }
}

/// Reads an entry's date from its three columns.
pub(crate) fn entry_date(row: &Row, edtf: usize) -> rusqlite::Result<Option<EntryDate>> {
    let value: Option<String> = row.get(edtf)?;
    let text: Option<String> = row.get(edtf + 1)?;
    let cadence: Option<String> = row.get(edtf + 2)?;
    if value.is_none() && text.is_none() && cadence.is_none() {
        return Ok(None);
    }
    let conversion = |e: String| {
        rusqlite::Error::FromSqlConversionFailure(edtf, rusqlite::types::Type::Text, e.into())
    };
    Ok(Some(EntryDate {
        edtf: value
            .map(|v| {
                v.parse()
                    .map_err(|e: crate::model::DateError| e.to_string())
            })
            .transpose()
            .map_err(conversion)?,
        text: text.unwrap_or_default(),
        cadence: cadence.map(|c| c.parse()).transpose().map_err(conversion)?,
    }))
}

impl Store {
    /// The whole record, with store ids filled in, in display order.
    pub fn load_record(&self) -> Result<Record, StoreError> {
        let conn = &self.conn;
        let mut notes_by_initiative: HashMap<i64, Vec<Note>> = HashMap::new();
        let mut notes_by_entry: HashMap<i64, Vec<Note>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT id, initiative_id, entry_id, kind, text, text_es FROM note ORDER BY position, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let note = Note {
                id: Some(r.get(0)?),
                kind: parse_col(r, 3)?,
                text: r.get(4)?,
                text_es: r.get(5)?,
            };
            match (r.get::<_, Option<i64>>(1)?, r.get::<_, Option<i64>>(2)?) {
                (Some(i), _) => notes_by_initiative.entry(i).or_default().push(note),
                (_, Some(e)) => notes_by_entry.entry(e).or_default().push(note),
                _ => {}
            }
        }

        let mut agencies_by_entry: HashMap<i64, Vec<String>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT ea.entry_id, a.key FROM entry_agency ea JOIN agency a ON a.id = ea.agency_id
             ORDER BY ea.entry_id, ea.position",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            agencies_by_entry
                .entry(r.get(0)?)
                .or_default()
                .push(r.get(1)?);
        }

        let mut entries_by_initiative: HashMap<i64, Vec<Entry>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT id, initiative_id, kind, text, text_es, status, status_phrase,
                    date_edtf, date_text, cadence, other_dates, source_title, line, line_end
             FROM entry ORDER BY initiative_id, position, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let source_title: Option<String> = r.get(11)?;
            let entry = Entry {
                id: Some(id),
                kind: parse_col(r, 2)?,
                text: r.get(3)?,
                text_es: r.get(4)?,
                status: parse_col(r, 5)?,
                status_phrase: r.get(6)?,
                date: entry_date(r, 7)?,
                other_dates: json_col(r, 10)?,
                agencies: agencies_by_entry.remove(&id).unwrap_or_default(),
                source: match source_title {
                    Some(title) => Some(SourceRef {
                        title,
                        line: r.get::<_, Option<u32>>(12)?.unwrap_or(0),
                        line_end: r.get(13)?,
                    }),
                    None => None,
                },
                notes: notes_by_entry.remove(&id).unwrap_or_default(),
            };
            entries_by_initiative
                .entry(r.get(1)?)
                .or_default()
                .push(entry);
        }

        let mut initiatives_by_pillar: HashMap<i64, Vec<Initiative>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT id, pillar_id, title, title_es, summary, summary_es
             FROM initiative ORDER BY pillar_id, position, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            initiatives_by_pillar
                .entry(r.get(1)?)
                .or_default()
                .push(Initiative {
                    id: Some(id),
                    title: r.get(2)?,
                    title_es: r.get(3)?,
                    summary: r.get(4)?,
                    summary_es: r.get(5)?,
                    entries: entries_by_initiative.remove(&id).unwrap_or_default(),
                    notes: notes_by_initiative.remove(&id).unwrap_or_default(),
                });
        }

        let mut pillars_by_dialogue: HashMap<i64, Vec<Pillar>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT id, dialogue_id, number, title, title_es FROM pillar ORDER BY number",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            pillars_by_dialogue
                .entry(r.get(1)?)
                .or_default()
                .push(Pillar {
                    id: Some(id),
                    number: r.get(2)?,
                    title: r.get(3)?,
                    title_es: r.get(4)?,
                    initiatives: initiatives_by_pillar.remove(&id).unwrap_or_default(),
                });
        }

        let mut dialogues = Vec::new();
        let mut stmt = conn.prepare(
            "SELECT id, name, name_es, short_name, parties, launched FROM dialogue
             ORDER BY position, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            dialogues.push(Dialogue {
                id: Some(id),
                name: r.get(1)?,
                name_es: r.get(2)?,
                short_name: r.get(3)?,
                parties: json_col(r, 4)?,
                launched: opt_json_col(r, 5)?,
                pillars: pillars_by_dialogue.remove(&id).unwrap_or_default(),
                entries: Vec::new(),
            });
        }

        Ok(Record {
            dialogues,
            agencies: self.agencies()?,
            sources: self.sources(true)?,
        })
    }

    /// Every agency, ordered by key.
    pub fn agencies(&self) -> Result<Vec<Agency>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, name_es, acronym, country FROM agency ORDER BY key COLLATE NOCASE, key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Agency {
                id: Some(r.get(0)?),
                name: r.get(1)?,
                name_es: r.get(2)?,
                acronym: r.get(3)?,
                country: parse_col::<Country>(r, 4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every imported source, oldest first; `with_text` includes the full documents.
    pub fn sources(&self, with_text: bool) -> Result<Vec<Source>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, title, date, publisher, CASE WHEN ?1 THEN text ELSE '' END, sha256
             FROM source ORDER BY id",
        )?;
        let rows = stmt.query_map([with_text], |r| {
            Ok(Source {
                id: Some(r.get(0)?),
                title: r.get(1)?,
                date: opt_json_col(r, 2)?,
                publisher: r.get(3)?,
                text: r.get(4)?,
                sha256: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The whole record as the interchange document (`briefbook/1`), without store ids.
    pub fn export_json(&self) -> Result<String, StoreError> {
        let mut record = self.load_record()?;
        strip_ids(&mut record);
        Ok(to_interchange(&record))
    }
}
