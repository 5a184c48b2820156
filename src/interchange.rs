//! The JSON interchange document (`briefbook/1`): the whole record, losslessly.

use crate::model::validate::{validate_record, Invalid};
use crate::model::Record;

/// The `format` value this build reads and writes.
pub const FORMAT: &str = "briefbook/1";

/// Why an interchange document was refused. Messages name the line and column, or the
/// path of the offending value (`dialogues[0].pillars[2].number`).
#[derive(Debug, thiserror::Error)]
pub enum InterchangeError {
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("missing \"format\": expected \"{FORMAT}\"")]
    MissingFormat,
    #[error("unknown format {0:?}: this version reads \"{FORMAT}\"")]
    UnknownFormat(String),
    #[error("at {path}: {message}")]
    Shape { path: String, message: String },
    #[error("{0}")]
    Invalid(#[from] Invalid),
}

/// Serializes a record as the interchange document, with a trailing newline.
pub fn to_interchange(record: &Record) -> String {
    #[derive(serde::Serialize)]
    struct Document<'a> {
        format: &'static str,
        #[serde(flatten)]
        record: &'a Record,
    }
    let mut text = serde_json::to_string_pretty(&Document {
        format: FORMAT,
        record,
    })
    .expect("records serialize");
    text.push('\n');
    text
}

/// Clears every store id, as the interchange document has none.
pub fn strip_ids(record: &mut Record) {
    for agency in &mut record.agencies {
        agency.id = None;
    }
    for source in &mut record.sources {
        source.id = None;
    }
    for dialogue in &mut record.dialogues {
        dialogue.id = None;
        for meeting in &mut dialogue.meetings {
            meeting.id = None;
            meeting.objectives.iter_mut().for_each(|o| o.id = None);
            meeting.agenda.iter_mut().for_each(|a| a.id = None);
            meeting.participants.iter_mut().for_each(|p| p.id = None);
            meeting.press_lines.iter_mut().for_each(|p| p.id = None);
            meeting.notes.iter_mut().for_each(|n| n.id = None);
        }
        for entry in &mut dialogue.entries {
            entry.id = None;
            entry.notes.iter_mut().for_each(|n| n.id = None);
        }
        for pillar in &mut dialogue.pillars {
            pillar.id = None;
            for initiative in &mut pillar.initiatives {
                initiative.id = None;
                initiative.notes.iter_mut().for_each(|n| n.id = None);
                for entry in &mut initiative.entries {
                    entry.id = None;
                    entry.notes.iter_mut().for_each(|n| n.id = None);
                }
            }
        }
    }
}

/// Reads an interchange document and checks the record's rules; nothing is written.
pub fn parse_interchange(text: &str) -> Result<Record, InterchangeError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| InterchangeError::Syntax {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
    match value.get("format") {
        None => return Err(InterchangeError::MissingFormat),
        Some(serde_json::Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            let shown = other
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| other.to_string());
            return Err(InterchangeError::UnknownFormat(shown));
        }
    }
    let record: Record =
        serde_path_to_error::deserialize(value).map_err(|e| InterchangeError::Shape {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        })?;
    validate_record(&record)?;
    Ok(record)
}

/// Whether a text looks like an interchange document rather than a fact sheet.
pub fn looks_like_interchange(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_unknown_and_missing_format() {
        let err = parse_interchange(r#"{"format": "briefbook/9", "dialogues": []}"#).unwrap_err();
        assert!(err.to_string().contains("briefbook/9"), "{err}");
        let err = parse_interchange(r#"{"dialogues": []}"#).unwrap_err();
        assert!(matches!(err, InterchangeError::MissingFormat));
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let err = parse_interchange("{\n  \"format\": \"briefbook/1\",\n  oops\n}").unwrap_err();
        assert!(err.to_string().contains("line 3"), "{err}");
    }

    #[test]
    fn wrong_shape_names_the_path() {
        let text = r#"{"format":"briefbook/1","agencies":[],"sources":[],
            "dialogues":[{"name":"D","short_name":"D","pillars":[{"number":"two","title":"T","initiatives":[]}]}]}"#;
        let err = parse_interchange(text).unwrap_err();
        assert!(
            err.to_string().contains("dialogues[0].pillars[0].number"),
            "{err}"
        );
    }

    #[test]
    fn impossible_date_is_refused_with_its_path() {
        let text = r#"{"format":"briefbook/1","agencies":[],"sources":[],
            "dialogues":[{"name":"D","short_name":"D","pillars":[{"number":1,"title":"T","initiatives":[
              {"title":"I","entries":[{"kind":"activity","text":"x","status":"done",
                "date":{"edtf":"2021-02-30","text":"30 Feb","cadence":null}}]}]}]}]}"#;
        let err = parse_interchange(text).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("entries[0].date"), "{message}");
        assert!(message.contains("2021-02-30"), "{message}");
    }
}
