//! Importing a document: read it once, detect its format (a Briefbook JSON export or a
//! fact sheet / statement in text), parse it, preview what it would add or change, and
//! apply exactly what was previewed. A preview hands back a token; applying the token
//! merges the record parsed for that preview, so a file changed on disk in between cannot
//! slip different content in, and the file is not read twice.

pub mod translation;

use super::error::{Error, ErrorCode, Result};
use super::Progress;
use crate::interchange::{looks_like_interchange, parse_interchange};
use crate::model::{Origin, Record};
use crate::store::Store;

/// What an import did, or in a preview would do.
pub use crate::store::MergeReport;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::VecDeque;
use std::path::Path;

/// What to import: a file on disk or text pasted into the window.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportInput {
    File { path: String },
    Text { text: String },
}

/// What kind of document an input turned out to be.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentFormat {
    /// A Briefbook JSON export (`briefbook/1`).
    Json,
    /// A fact sheet, joint statement or press release as text or Markdown.
    FactSheet,
}

/// What an import would do, before it is confirmed.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ImportPreview {
    /// Hand this to [`apply`] to import exactly what this preview shows.
    pub token: String,
    pub format: DocumentFormat,
    /// The source's title as it will appear in history.
    pub title: String,
    pub report: MergeReport,
    /// What the reader could not place, naming lines.
    pub warnings: Vec<String>,
    /// Lines left out as page furniture (banners, navigation, contact lines), as
    /// "line N: text", so a person can see nothing of substance was dropped.
    pub dropped: Vec<String>,
    /// How the document was read: for its title, date and publisher and for every
    /// pillar, initiative, summary and entry made, the lines it came from and the rules
    /// that fired ("line 12: entry \"…\" in Pillar 2 › …: bullet under an initiative;
    /// status: 'signed' -> done"). Empty for a JSON export.
    pub explanations: Vec<String>,
}

/// A document read and parsed, ready to merge.
#[derive(Debug, Clone)]
pub struct ParsedImport {
    pub format: DocumentFormat,
    pub title: String,
    pub record: Record,
    pub warnings: Vec<String>,
    /// Lines left out as page furniture ("line N: text"); empty for a JSON export.
    pub dropped: Vec<String>,
    /// Why each thing was made (see [`ImportPreview::explanations`]); empty for a JSON
    /// export.
    pub explanations: Vec<crate::import::Explanation>,
}

/// Reads and parses `input`. Refuses an empty document, a malformed export and a text in
/// which nothing of a dialogue was recognised, naming the document.
pub fn parse(input: &ImportInput) -> Result<ParsedImport> {
    let (text, name) = read_input(input)?;
    parse_text(&text, &name)
}

/// The text of `input` and the name messages give it (the file name, or "pasted text").
fn read_input(input: &ImportInput) -> Result<(String, String)> {
    Ok(match input {
        ImportInput::File { path } => {
            let path = Path::new(path);
            let text = crate::import::read_path(path)?;
            (text, file_name(path))
        }
        ImportInput::Text { text } => (text.clone(), "pasted text".to_string()),
    })
}

/// Parses a document's text; `name` names it in messages and is the fallback title.
pub fn parse_text(text: &str, name: &str) -> Result<ParsedImport> {
    if text.trim().is_empty() {
        return Err(Error::invalid(format!(
            "{name} is empty: nothing to import"
        )));
    }
    if looks_like_interchange(text) {
        let mut record = parse_interchange(text).map_err(|e| Error::from(e).context(name))?;
        // An export may come from anywhere: its texts are cleaned as a document's are.
        crate::import::tidy::strip_controls(&mut record);
        return Ok(ParsedImport {
            format: DocumentFormat::Json,
            title: name.to_string(),
            record,
            warnings: Vec::new(),
            dropped: Vec::new(),
            explanations: Vec::new(),
        });
    }
    let parsed = crate::import::parse_document(text, name);
    crate::import::require_structure(&parsed, name)?;
    let title = parsed
        .record
        .sources
        .first()
        .map(|s| s.title.clone())
        .unwrap_or_else(|| name.to_string());
    let dropped = parsed
        .record
        .sources
        .first()
        .map(|source| crate::import::dropped_lines(&source.text))
        .unwrap_or_default()
        .into_iter()
        .map(|d| format!("line {}: {}", d.line, d.text))
        .collect();
    Ok(ParsedImport {
        format: DocumentFormat::FactSheet,
        title,
        record: parsed.record,
        warnings: parsed.warnings,
        dropped,
        explanations: parsed.explanations,
    })
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Merges `parsed` into `store` (or, with `dry_run`, reports what it would do), with
/// progress reports every 50 entries.
pub fn merge(
    store: &mut Store,
    parsed: &ParsedImport,
    dry_run: bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<MergeReport> {
    let origin = Origin::Import {
        source_id: None,
        title: parsed.title.clone(),
    };
    let message = if dry_run {
        "Checking entries"
    } else {
        "Importing entries"
    };
    Ok(store.import_record_with_progress(
        &parsed.record,
        &origin,
        dry_run,
        &mut |done, total| {
            // Every entry would flood a window with reports on a big import.
            if done == total || done % 50 == 0 {
                progress(Progress::new(done, total, message));
            }
        },
    )?)
}

/// Previews the app has shown and may still apply, newest last. A few are kept so that
/// a second preview does not invalidate the first one still on screen.
#[derive(Debug, Default)]
pub struct Previews {
    pending: VecDeque<(String, ParsedImport)>,
    translations: VecDeque<(String, translation::ParsedTranslation)>,
}

const KEPT_PREVIEWS: usize = 4;

impl Previews {
    fn keep(&mut self, parsed: ParsedImport) -> String {
        let digest = Sha256::digest(crate::interchange::to_interchange(&parsed.record));
        let token = format!("{:x}-{}", digest, self.pending.len());
        self.pending.retain(|(t, _)| t != &token);
        self.pending.push_back((token.clone(), parsed));
        while self.pending.len() > KEPT_PREVIEWS {
            self.pending.pop_front();
        }
        token
    }

    fn take(&mut self, token: &str) -> Option<ParsedImport> {
        let at = self.pending.iter().position(|(t, _)| t == token)?;
        self.pending.remove(at).map(|(_, parsed)| parsed)
    }

    fn keep_translation(&mut self, parsed: translation::ParsedTranslation) -> String {
        let mut digest = Sha256::new();
        for pair in &parsed.pairs {
            digest.update(pair.record_text.as_bytes());
            digest.update(pair.translated_text.as_bytes());
        }
        let token = format!("tr-{:x}-{}", digest.finalize(), self.translations.len());
        self.translations.retain(|(t, _)| t != &token);
        self.translations.push_back((token.clone(), parsed));
        while self.translations.len() > KEPT_PREVIEWS {
            self.translations.pop_front();
        }
        token
    }

    fn take_translation(&mut self, token: &str) -> Option<translation::ParsedTranslation> {
        let at = self.translations.iter().position(|(t, _)| t == token)?;
        self.translations.remove(at).map(|(_, parsed)| parsed)
    }
}

/// Reads, parses and dry-runs `input`; the parsed record is kept under the returned
/// preview's token.
pub fn preview(
    store: &mut Store,
    previews: &mut Previews,
    input: &ImportInput,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportPreview> {
    let parsed = parse(input)?;
    let report = merge(store, &parsed, true, progress)?;
    let (format, title) = (parsed.format, parsed.title.clone());
    let (warnings, dropped) = (parsed.warnings.clone(), parsed.dropped.clone());
    let explanations = parsed.explanations.iter().map(|x| x.to_string()).collect();
    let token = previews.keep(parsed);
    Ok(ImportPreview {
        token,
        format,
        title,
        report,
        warnings,
        dropped,
        explanations,
    })
}

/// Imports what the preview `token` showed: all of it or, on any error, nothing.
pub fn apply(
    store: &mut Store,
    previews: &mut Previews,
    token: &str,
    progress: &mut dyn FnMut(Progress),
) -> Result<MergeReport> {
    let parsed = previews.take(token).ok_or_else(|| {
        Error::new(
            ErrorCode::NotFound,
            "this preview is no longer available; preview the document again",
        )
    })?;
    merge(store, &parsed, false, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &str = "FACT SHEET: Second U.S.-Mexico High-Level Economic Dialogue\n\n\
        Pillar I: Building Back Together\n\n\
        Supply Chains\n\n\
        The United States and Mexico will hold a supply chain conference in July 2022.\n";

    use crate::builtin::seeded_store as seeded;

    #[test]
    fn applying_a_preview_imports_what_was_previewed_even_if_the_file_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sheet.txt");
        std::fs::write(&path, SHEET).unwrap();
        let mut store = seeded();
        let mut previews = Previews::default();
        let input = ImportInput::File {
            path: path.display().to_string(),
        };
        let preview = preview(&mut store, &mut previews, &input, &mut |_| {}).unwrap();
        assert!(preview.report.dry_run);
        // The preview says why: the pillar from its heading, the entry from its line.
        let why = preview.explanations.join("\n");
        assert!(
            why.contains("line 3: pillar \"Building Back Together\""),
            "{why}"
        );
        assert!(
            why.contains("line 7: entry \"The United States and Mexico will hold"),
            "{why}"
        );
        std::fs::write(&path, "something else entirely").unwrap();
        let report = apply(&mut store, &mut previews, &preview.token, &mut |_| {}).unwrap();
        assert!(!report.dry_run);
        assert_eq!(report.added_entries, preview.report.added_entries);
        let error = apply(&mut store, &mut previews, &preview.token, &mut |_| {}).unwrap_err();
        assert_eq!(error.code, ErrorCode::NotFound);
    }

    #[test]
    fn empty_and_unrecognised_text_is_refused_with_its_name() {
        let empty = parse(&ImportInput::Text {
            text: "  \n".into(),
        })
        .unwrap_err();
        assert_eq!(empty.code, ErrorCode::InvalidInput);
        assert!(empty.message.contains("pasted text"));
        let noise = parse_text("hello\n\nworld\n", "notes.txt").unwrap_err();
        assert_eq!(noise.code, ErrorCode::InvalidInput);
        assert!(noise.message.starts_with("notes.txt:"), "{}", noise.message);
    }

    #[test]
    fn control_characters_in_an_export_are_removed() {
        let mut store = Store::open_in_memory().unwrap();
        crate::builtin::seed(&mut store).unwrap();
        let mut record = store.load_record().unwrap();
        crate::interchange::strip_ids(&mut record);
        record.dialogues[0].pillars[0].initiatives[0].entries[0].text = "A\u{1b}]0;x\u{7} B".into();
        let json = crate::interchange::to_interchange(&record);
        let parsed = parse_text(&json, "x.json").unwrap();
        let text = &parsed.record.dialogues[0].pillars[0].initiatives[0].entries[0].text;
        assert!(!text.chars().any(|c| c.is_control()), "{text:?}");
    }

    #[test]
    fn a_web_capture_lists_the_furniture_it_left_out() {
        let text = "An official website of the United States government\nHere's how you know\n\n\
            FACT SHEET: U.S.-Mexico High-Level Economic Dialogue\n\n\
            Pillar I: Building Back Together\n\nSupply Chains\n\n\
            The United States and Mexico will hold a supply chain conference in July 2022.\n";
        let parsed = parse_text(text, "capture.txt").unwrap();
        assert!(
            parsed
                .dropped
                .iter()
                .any(|d| d.contains("official website")),
            "{:?}",
            parsed.dropped
        );
    }

    #[test]
    fn a_malformed_export_names_the_document() {
        let error =
            parse_text(r#"{"format": "briefbook/1", "dialogues": 3}"#, "x.json").unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert!(error.message.starts_with("x.json:"), "{}", error.message);
    }
}
