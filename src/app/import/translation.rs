//! Importing a translation: the Spanish version of a document already in the record (or
//! the English version of a Spanish one) fills the other language of the texts it
//! translates instead of adding structure. [`align`] reads the document and pairs its
//! texts with a dialogue's (`import::align`); [`fill`] stores the accepted pairs. The app
//! previews ([`preview`]) and applies ([`apply`]) by token, as for any import.

use super::{parse_text, DocumentFormat, ImportInput, Previews};
use crate::app::error::{Error, ErrorCode, Result};
use crate::import::align::{self, Alignment, PairKind};
use crate::model::{normalize_key, Dialogue, Id, Lang, Origin};
use crate::store::{Store, TranslatedText, TranslationFill};
use serde::{Deserialize, Serialize};

/// Below this share of its entries paired with confidence, a document is not taken for
/// a translation of the dialogue.
const MIN_MATCHED_SHARE: f64 = 0.3;

/// A text of the record and its translation, as the preview shows them side by side.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TranslationPair {
    /// 1-based, stable for one preview: what a user names to reject or accept a pair.
    pub number: u32,
    pub kind: PairKind,
    pub record_text: String,
    pub translated_text: String,
    /// 0 to 1.
    pub confidence: f64,
    /// Whether the pair is applied unless the user says otherwise (confidence at or above
    /// the acceptance threshold).
    pub accepted: bool,
    /// The record already holds this translation: applying it changes nothing.
    pub unchanged: bool,
}

/// A text of the translated document that matches nothing in the record.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnmatchedText {
    pub kind: PairKind,
    pub text: String,
    /// Its first line in the document, when known.
    pub line: Option<u32>,
}

/// A translation read and aligned with one dialogue of the record.
#[derive(Debug, Clone)]
pub struct ParsedTranslation {
    /// The document's title, the origin of every history line it writes.
    pub title: String,
    /// The dialogue it translates.
    pub dialogue: String,
    /// The language of the translation.
    pub language: Lang,
    pub pairs: Vec<TranslationPair>,
    pub unmatched: Vec<UnmatchedText>,
    /// The record's entries nothing in the translation pairs with.
    pub untranslated: Vec<String>,
    pub record_entries: usize,
    pub translated_entries: usize,
    /// What each pair fills, by pair number - 1.
    fills: Vec<TranslationFill>,
}

/// What the app's Import view shows before a translation is applied.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct TranslationPreview {
    /// Hand this to [`apply`] (with the pairs the user rejects or accepts).
    pub token: String,
    pub title: String,
    pub dialogue: String,
    pub language: Lang,
    pub pairs: Vec<TranslationPair>,
    pub unmatched: Vec<UnmatchedText>,
    /// The record's entries nothing in the translation pairs with.
    pub untranslated: Vec<String>,
    pub record_entries: u32,
    pub translated_entries: u32,
    /// Fields the accepted pairs would change.
    pub would_fill: u32,
}

/// The user's say over the proposed pairs, by pair number.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct PairChoice {
    /// Accepted pairs not to apply.
    #[serde(default)]
    pub reject: Vec<u32>,
    /// Pairs below the threshold to apply all the same.
    #[serde(default)]
    pub accept: Vec<u32>,
}

/// What applying a translation did (or, in a dry run, would do).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslationReport {
    /// Pairs applied.
    pub applied: u32,
    /// Fields changed (a pair whose translation is already stored changes none).
    pub filled: u32,
    pub dry_run: bool,
}

/// Finds a dialogue by id, short name or name (either language), folded.
fn find_dialogue<'a>(dialogues: &'a [Dialogue], wanted: &str) -> Result<&'a Dialogue> {
    let key = normalize_key(wanted);
    dialogues
        .iter()
        .find(|d| {
            d.id.is_some_and(|id| id.to_string() == wanted.trim())
                || normalize_key(&d.short_name) == key
                || normalize_key(&d.name) == key
                || d.name_es
                    .as_deref()
                    .is_some_and(|n| normalize_key(n) == key)
        })
        .ok_or_else(|| {
            Error::new(
                ErrorCode::NotFound,
                format!("no dialogue named '{wanted}' in the record"),
            )
        })
}

fn dialogue_language(d: &Dialogue) -> Lang {
    let mut text = String::new();
    for e in d.entries.iter().chain(
        d.pillars
            .iter()
            .flat_map(|p| &p.initiatives)
            .flat_map(|i| &i.entries),
    ) {
        text.push_str(&e.text);
        text.push('\n');
    }
    crate::import::lang::detect(&text)
}

fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Es => "Spanish",
    }
}

/// Reads `input` and aligns it with the dialogue named `dialogue` (id, short name or
/// name), or, when none is named, with the dialogue it matches best. Refuses, naming the
/// document, a document in the same language as the dialogue, one that matches too few
/// of its entries to be its translation, and a JSON export.
pub fn align(
    store: &Store,
    input: &ImportInput,
    dialogue: Option<&str>,
) -> Result<ParsedTranslation> {
    let (text, name) = super::read_input(input)?;
    let parsed = parse_text(&text, &name)?;
    if parsed.format == DocumentFormat::Json {
        return Err(Error::invalid(format!(
            "{name} is a Briefbook export, not a translated document"
        )));
    }
    let Some(translated) = parsed.record.dialogues.first() else {
        return Err(Error::invalid(format!(
            "{name}: the document holds no dialogue"
        )));
    };
    let source_text = parsed
        .record
        .sources
        .first()
        .map_or(text.as_str(), |s| &s.text);
    let language = crate::import::lang::detect(source_text);
    let record = store.load_record()?;
    let candidates: Vec<&Dialogue> = match dialogue {
        Some(wanted) => vec![find_dialogue(&record.dialogues, wanted)?],
        None => record.dialogues.iter().collect(),
    };
    if candidates.is_empty() {
        return Err(Error::invalid(format!(
            "{name}: the record holds no dialogue to translate"
        )));
    }
    let other_language: Vec<&Dialogue> = candidates
        .iter()
        .copied()
        .filter(|d| dialogue_language(d) != language)
        .collect();
    let first = candidates[0];
    if other_language.is_empty() {
        return Err(Error::invalid(format!(
            "{name} is in {}, as {} is: a translation must be in the other language \
             (import it as a new document instead)",
            language_name(language),
            if candidates.len() == 1 {
                format!("the record's dialogue '{}'", first.name)
            } else {
                "every dialogue of the record".to_string()
            },
        )));
    }
    let spanish = language == Lang::Es;
    let (target, alignment) = other_language
        .into_iter()
        .map(|d| (d, align::align(d, translated, spanish)))
        .max_by_key(|(_, a)| a.accepted_entries())
        .expect("at least one candidate");
    let matched = alignment.accepted_entries();
    let share = matched as f64 / alignment.translated_entries.max(1) as f64;
    if matched == 0 || share < MIN_MATCHED_SHARE {
        return Err(Error::invalid(format!(
            "{name} does not look like a translation of '{}': only {matched} of its {} entries \
             match an entry of the record",
            target.name, alignment.translated_entries
        )));
    }
    Ok(build(parsed.title, target, language, alignment))
}

fn build(title: String, target: &Dialogue, language: Lang, a: Alignment) -> ParsedTranslation {
    let english = language == Lang::En;
    let stored = |kind: PairKind, id: Id| -> Option<String> {
        let es = |own: &str, es: &Option<String>| {
            if english {
                Some(own.to_string())
            } else {
                es.clone()
            }
        };
        for p in &target.pillars {
            if kind == PairKind::Pillar && p.id == Some(id) {
                return es(&p.title, &p.title_es);
            }
            for i in &p.initiatives {
                if i.id == Some(id) {
                    match kind {
                        PairKind::InitiativeTitle => return es(&i.title, &i.title_es),
                        PairKind::InitiativeSummary => {
                            return if english {
                                i.summary.clone()
                            } else {
                                i.summary_es.clone()
                            }
                        }
                        _ => {}
                    }
                }
                if kind == PairKind::Entry {
                    if let Some(e) = i.entries.iter().find(|e| e.id == Some(id)) {
                        return es(&e.text, &e.text_es);
                    }
                }
            }
        }
        target
            .entries
            .iter()
            .find(|e| kind == PairKind::Entry && e.id == Some(id))
            .and_then(|e| es(&e.text, &e.text_es))
    };
    let mut pairs = Vec::new();
    let mut fills = Vec::new();
    for (n, pair) in a.pairs.into_iter().enumerate() {
        let unchanged = stored(pair.kind, pair.id).as_deref() == Some(pair.translated_text.trim());
        fills.push(TranslationFill {
            text: match pair.kind {
                PairKind::Pillar => TranslatedText::PillarTitle,
                PairKind::InitiativeTitle => TranslatedText::InitiativeTitle,
                PairKind::InitiativeSummary => TranslatedText::InitiativeSummary,
                PairKind::Entry => TranslatedText::EntryText,
            },
            id: pair.id,
            translation: pair.translated_text.clone(),
            english,
        });
        pairs.push(TranslationPair {
            number: n as u32 + 1,
            kind: pair.kind,
            accepted: pair.confidence >= align::ACCEPT,
            confidence: (pair.confidence * 100.0).round() / 100.0,
            record_text: pair.record_text,
            translated_text: pair.translated_text,
            unchanged,
        });
    }
    ParsedTranslation {
        title,
        dialogue: target.name.clone(),
        language,
        pairs,
        unmatched: a
            .unmatched
            .into_iter()
            .map(|u| UnmatchedText {
                kind: u.kind,
                text: u.text,
                line: u.line,
            })
            .collect(),
        untranslated: a.untranslated,
        record_entries: a.record_entries,
        translated_entries: a.translated_entries,
        fills,
    }
}

/// Stores the pairs `choice` leaves accepted (or, with `dry_run`, counts what would
/// change). Refuses a pair number that the alignment does not have. All or nothing.
pub fn fill(
    store: &mut Store,
    parsed: &ParsedTranslation,
    choice: &PairChoice,
    dry_run: bool,
) -> Result<TranslationReport> {
    let count = parsed.pairs.len() as u32;
    if let Some(bad) = choice
        .reject
        .iter()
        .chain(&choice.accept)
        .find(|n| **n == 0 || **n > count)
    {
        return Err(Error::invalid(format!(
            "there is no pair {bad}: the pairs are numbered 1 to {count}"
        )));
    }
    let chosen: Vec<TranslationFill> = parsed
        .pairs
        .iter()
        .zip(&parsed.fills)
        .filter(|(p, _)| {
            (p.accepted || choice.accept.contains(&p.number)) && !choice.reject.contains(&p.number)
        })
        .map(|(_, f)| f.clone())
        .collect();
    let origin = Origin::Import {
        source_id: None,
        title: parsed.title.clone(),
    };
    let filled = store.fill_translations(&chosen, &origin, dry_run)?;
    Ok(TranslationReport {
        applied: chosen.len() as u32,
        filled: filled as u32,
        dry_run,
    })
}

/// Reads and aligns `input` (see [`align`]) and keeps it under the returned token.
pub fn preview(
    store: &mut Store,
    previews: &mut Previews,
    input: &ImportInput,
    dialogue: Option<&str>,
) -> Result<TranslationPreview> {
    let parsed = align(store, input, dialogue)?;
    let would = fill(store, &parsed, &PairChoice::default(), true)?;
    let token = previews.keep_translation(parsed.clone());
    Ok(TranslationPreview {
        token,
        title: parsed.title,
        dialogue: parsed.dialogue,
        language: parsed.language,
        pairs: parsed.pairs,
        unmatched: parsed.unmatched,
        untranslated: parsed.untranslated,
        record_entries: parsed.record_entries as u32,
        translated_entries: parsed.translated_entries as u32,
        would_fill: would.filled,
    })
}

/// Applies what the preview `token` showed, less the pairs `choice` rejects, plus the
/// ones it accepts below the threshold: all of it or, on any error, nothing.
pub fn apply(
    store: &mut Store,
    previews: &mut Previews,
    token: &str,
    choice: &PairChoice,
) -> Result<TranslationReport> {
    let parsed = previews.take_translation(token).ok_or_else(|| {
        Error::new(
            ErrorCode::NotFound,
            "this preview is no longer available; preview the document again",
        )
    })?;
    fill(store, &parsed, choice, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_number_out_of_range_is_refused_before_anything_is_stored() {
        let mut store = Store::open_in_memory().unwrap();
        let parsed = ParsedTranslation {
            title: "t".into(),
            dialogue: "d".into(),
            language: Lang::Es,
            pairs: Vec::new(),
            unmatched: Vec::new(),
            untranslated: Vec::new(),
            record_entries: 0,
            translated_entries: 0,
            fills: Vec::new(),
        };
        let choice = PairChoice {
            reject: vec![3],
            accept: Vec::new(),
        };
        let error = fill(&mut store, &parsed, &choice, false).unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert!(error.message.contains("no pair 3"), "{}", error.message);
    }

    #[test]
    fn dialogues_are_found_by_short_name_or_name_folded() {
        let mut store = Store::open_in_memory().unwrap();
        crate::builtin::seed(&mut store).unwrap();
        let record = store.load_record().unwrap();
        assert!(find_dialogue(&record.dialogues, "hled").is_ok());
        let missing = find_dialogue(&record.dialogues, "nope").unwrap_err();
        assert_eq!(missing.code, ErrorCode::NotFound);
    }
}
