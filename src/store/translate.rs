//! Filling the other language of texts already in the record (an imported translation):
//! one batch, one history line per field that changes, the translated document as origin.

use super::history::{FieldChange, Subject, Trace};
use super::rows::{self, Place};
use super::{Store, StoreError};
use crate::model::{Id, Origin};
use rusqlite::{params, OptionalExtension};

/// Which text of which row a translation fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TranslatedText {
    PillarTitle,
    InitiativeTitle,
    InitiativeSummary,
    EntryText,
}

impl TranslatedText {
    /// (table, the record's own column, its Spanish column).
    fn columns(self) -> (&'static str, &'static str, &'static str) {
        match self {
            TranslatedText::PillarTitle => ("pillar", "title", "title_es"),
            TranslatedText::InitiativeTitle => ("initiative", "title", "title_es"),
            TranslatedText::InitiativeSummary => ("initiative", "summary", "summary_es"),
            TranslatedText::EntryText => ("entry", "text", "text_es"),
        }
    }
}

/// One translated text to store.
#[derive(Debug, Clone, PartialEq)]
pub struct TranslationFill {
    pub text: TranslatedText,
    pub id: Id,
    pub translation: String,
    /// `false`: the translation is Spanish and fills the `*_es` field. `true`: the record's
    /// text is Spanish and the translation English: the Spanish text moves to the `*_es`
    /// field (unless one is there already) and the English takes the record's own field.
    pub english: bool,
}

impl Store {
    /// Stores `fills` in one batch with `origin` on every history line; a field already
    /// holding its translation is left alone, so the same translation twice changes
    /// nothing. Returns how many fields changed (or, with `dry_run`, would change).
    pub fn fill_translations(
        &mut self,
        fills: &[TranslationFill],
        origin: &Origin,
        dry_run: bool,
    ) -> Result<usize, StoreError> {
        let tx = super::tx::begin_write(&self.conn)?;
        let mut changed = 0;
        {
            let trace = Trace::begin(&tx, origin)?;
            for fill in fills {
                let translation = fill.translation.trim();
                if translation.is_empty() {
                    continue;
                }
                let (table, own, es) = fill.text.columns();
                let (current, current_es): (Option<String>, Option<String>) = tx
                    .query_row(
                        &format!("SELECT {own}, {es} FROM {table} WHERE id = ?1"),
                        [fill.id],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?
                    .ok_or_else(|| {
                        StoreError::NotFound(format!("no {table} with id {}", fill.id))
                    })?;
                let place = place_of(&tx, table, fill.id)?;
                let label = current.clone().unwrap_or_default();
                let subject = Subject {
                    entity: table,
                    id: fill.id,
                    label: &label,
                    place: &place,
                };
                let mut set =
                    |field: &str, old: Option<&str>, new: &str| -> Result<(), StoreError> {
                        if old == Some(new) {
                            return Ok(());
                        }
                        tx.execute(
                            &format!("UPDATE {table} SET {field} = ?2 WHERE id = ?1"),
                            params![fill.id, new],
                        )?;
                        trace.changed(
                            &subject,
                            FieldChange {
                                field,
                                old,
                                new: Some(new),
                            },
                        )?;
                        changed += 1;
                        Ok(())
                    };
                if fill.english {
                    if current_es.as_deref().is_none_or(|t| t.trim().is_empty()) {
                        if let Some(spanish) = current.as_deref() {
                            set(es, None, spanish)?;
                        }
                    }
                    set(own, current.as_deref(), translation)?;
                } else {
                    set(es, current_es.as_deref(), translation)?;
                }
            }
        }
        if !dry_run {
            tx.commit()?;
        }
        Ok(changed)
    }
}

/// Where a row sits, for its history line.
fn place_of(conn: &rusqlite::Connection, table: &str, id: Id) -> Result<Place, StoreError> {
    match table {
        "entry" => Ok(rows::place_of_entry(conn, id)?.1),
        "initiative" => rows::place_of_initiative(conn, id),
        _ => Ok(Place {
            pillar: conn
                .query_row("SELECT number FROM pillar WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?,
            initiative: None,
        }),
    }
}
