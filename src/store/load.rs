//! Reading the whole record tree, and the JSON interchange document.

use super::{Store, StoreError};
use crate::interchange::{strip_ids, to_interchange};
use crate::model::{
    Agency, Country, Dialogue, Entry, EntryDate, Initiative, Note, Pillar, Record, Source,
    SourceRef,
};
use rusqlite::types::FromSql;
use rusqlite::Row;
use std::collections::HashMap;

/// Reads column `index` of a row whose column 0 is its id; a value that does not convert
/// is an error naming the table, the row id and the column ("entry 12, column status:
/// unknown status 'finished' ..."), never a quiet default.
pub(crate) fn column<T: FromSql>(row: &Row, index: usize, table: &str) -> rusqlite::Result<T> {
    row.get::<_, T>(index).map_err(|e| match e {
        rusqlite::Error::InvalidColumnType(i, _, ty) => {
            let id: Option<i64> = row.get(0).ok();
            let name = row.as_ref().column_name(index).unwrap_or("?").to_string();
            let at = id.map(|id| format!(" {id}")).unwrap_or_default();
            rusqlite::Error::FromSqlConversionFailure(
                i,
                ty,
                format!("{table}{at}, column {name}: unexpected {ty} value").into(),
            )
        }
        rusqlite::Error::FromSqlConversionFailure(i, ty, inner) => {
            let id: Option<i64> = row.get(0).ok();
            let name = row.as_ref().column_name(index).unwrap_or("?").to_string();
            let at = id.map(|id| format!(" {id}")).unwrap_or_default();
            rusqlite::Error::FromSqlConversionFailure(
                i,
                ty,
                format!("{table}{at}, column {name}: {inner}").into(),
            )
        }
        other => other,
    })
}

/// A JSON column, read through [`column`] so that a bad value names its row.
struct Json<T>(T);

impl<T: serde::de::DeserializeOwned> FromSql for Json<T> {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        serde_json::from_str(value.as_str()?)
            .map(Json)
            .map_err(|e| rusqlite::types::FromSqlError::Other(e.into()))
    }
}

fn json_col<T: serde::de::DeserializeOwned>(row: &Row, index: usize) -> rusqlite::Result<T> {
    // Column 0 of every query here is the row id; the table is named by the caller's
    // query, which the message gives through the column name.
    column::<Json<T>>(row, index, "row").map(|j| j.0)
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
    entry_date_cached(row, edtf, &mut HashMap::new())
}

/// As [`entry_date`], remembering parsed EDTF values: a listing meets the same few
/// months and days again and again, and parsing was a third of its time.
pub(crate) fn entry_date_cached(
    row: &Row,
    edtf: usize,
    parsed: &mut HashMap<String, crate::model::Edtf>,
) -> rusqlite::Result<Option<EntryDate>> {
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
            .map(|v| match parsed.get(&v) {
                Some(known) => Ok(*known),
                None => {
                    let e = v
                        .parse()
                        .map_err(|e: crate::model::DateError| e.to_string())?;
                    parsed.insert(v, e);
                    Ok(e)
                }
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
            "SELECT id, initiative_id, entry_id, kind, text, text_es, answer, answer_es FROM note
             ORDER BY position, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let note = Note {
                id: Some(r.get(0)?),
                kind: column(r, 3, "note")?,
                text: r.get(4)?,
                text_es: r.get(5)?,
                answer: r.get(6)?,
                answer_es: r.get(7)?,
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
        let mut entries_by_dialogue: HashMap<i64, Vec<Entry>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT id, initiative_id, kind, text, text_es, status, status_phrase,
                    date_edtf, date_text, cadence, other_dates, source_title, line, line_end,
                    dialogue_id
             FROM entry ORDER BY initiative_id, dialogue_id, position, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let source_title: Option<String> = r.get(11)?;
            let entry = Entry {
                id: Some(id),
                kind: column(r, 2, "entry")?,
                text: r.get(3)?,
                text_es: r.get(4)?,
                status: column(r, 5, "entry")?,
                status_phrase: r.get(6)?,
                date: entry_date(r, 7)?,
                other_dates: json_col(r, 10)?,
                agencies: agencies_by_entry.remove(&id).unwrap_or_default(),
                source: match source_title {
                    Some(title) => Some(SourceRef {
                        title,
                        line: column(r, 12, "entry")?,
                        line_end: r.get(13)?,
                    }),
                    None => None,
                },
                notes: notes_by_entry.remove(&id).unwrap_or_default(),
            };
            match (r.get::<_, Option<i64>>(1)?, r.get::<_, Option<i64>>(14)?) {
                (Some(i), _) => entries_by_initiative.entry(i).or_default().push(entry),
                (None, Some(d)) => entries_by_dialogue.entry(d).or_default().push(entry),
                (None, None) => {
                    return Err(StoreError::Validation(format!(
                        "entry {id}: stored with neither an initiative nor a dialogue"
                    )))
                }
            }
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

        let mut meetings_by_dialogue: HashMap<i64, Vec<crate::model::Meeting>> = HashMap::new();
        for (dialogue_id, meeting) in super::meeting_rows::read_meetings(conn, None)? {
            meetings_by_dialogue
                .entry(dialogue_id)
                .or_default()
                .push(meeting);
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
                entries: entries_by_dialogue.remove(&id).unwrap_or_default(),
                meetings: meetings_by_dialogue.remove(&id).unwrap_or_default(),
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
                country: column::<Country>(r, 4, "agency")?,
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

#[cfg(test)]
mod tests {
    use crate::interchange::parse_interchange;
    use crate::model::Origin;
    use crate::store::{EntryQuery, Store};

    #[test]
    fn a_stored_status_that_does_not_read_names_its_row_and_column() {
        let mut store = Store::open_in_memory().unwrap();
        let record =
            parse_interchange(include_str!("../../tests/fixtures/small-record.json")).unwrap();
        store.import_record(&record, &Origin::User, false).unwrap();
        store
            .conn
            .execute("UPDATE entry SET status = 'finished' WHERE id = 2", [])
            .unwrap();
        for err in [
            store.load_record().unwrap_err(),
            store.list_entries(&EntryQuery::default()).unwrap_err(),
        ] {
            let message = err.to_string();
            assert!(message.contains("entry 2, column status"), "{message}");
            assert!(message.contains("unknown status 'finished'"), "{message}");
        }
    }
}
