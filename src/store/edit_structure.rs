//! A person's edits to the record's structure and reference lists: pillars,
//! initiatives and agencies. Each is one history batch.

use super::edit::InitiativePatch;
use super::history::{FieldChange, Subject, Trace};
use super::index::IndexWatermark;
use super::rows::{self, Place};
use super::undo::snapshot::Snapshot;
use super::{Store, StoreError};
use crate::model::validate::validate_agency;
use crate::model::{Agency, Id, Origin};
use rusqlite::{params, OptionalExtension};

fn require(field: &str, text: &str) -> Result<(), StoreError> {
    if text.trim().is_empty() {
        return Err(StoreError::Validation(format!("{field} cannot be empty")));
    }
    Ok(())
}

impl Store {
    /// Renames a pillar, or sets its Spanish title (`None` leaves a field as it is).
    pub fn update_pillar(
        &mut self,
        id: Id,
        title: Option<&str>,
        title_es: Option<Option<&str>>,
    ) -> Result<(), StoreError> {
        if let Some(title) = title {
            require("pillar title", title)?;
        }
        let tx = super::tx::begin_write(&self.conn)?;
        {
            let trace = Trace::begin(&tx, &Origin::User)?;
            let (number, old_title, old_es): (u32, String, Option<String>) = tx
                .query_row(
                    "SELECT number, title, title_es FROM pillar WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound(format!("no pillar with id {id}")))?;
            let place = Place {
                pillar: Some(number),
                initiative: None,
            };
            if let Some(title) = title {
                let title = title.trim();
                tx.execute(
                    "UPDATE pillar SET title = ?2 WHERE id = ?1",
                    params![id, title],
                )?;
                trace.changed(
                    &Subject {
                        entity: "pillar",
                        id,
                        label: title,
                        place: &place,
                    },
                    FieldChange {
                        field: "title",
                        old: Some(&old_title),
                        new: Some(title),
                    },
                )?;
            }
            if let Some(es) = title_es {
                let es = es.map(str::trim).filter(|t| !t.is_empty());
                tx.execute(
                    "UPDATE pillar SET title_es = ?2 WHERE id = ?1",
                    params![id, es],
                )?;
                trace.changed(
                    &Subject {
                        entity: "pillar",
                        id,
                        label: &old_title,
                        place: &place,
                    },
                    FieldChange {
                        field: "title_es",
                        old: old_es.as_deref(),
                        new: es,
                    },
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Adds an initiative at the end of a pillar; returns its id.
    pub fn create_initiative(
        &mut self,
        pillar_id: Id,
        title: &str,
        summary: Option<&str>,
    ) -> Result<Id, StoreError> {
        require("initiative title", title)?;
        let tx = super::tx::begin_write(&self.conn)?;
        let watermark = IndexWatermark::read(&tx)?;
        let id = {
            let trace = Trace::begin(&tx, &Origin::User)?;
            let number: u32 = tx
                .query_row(
                    "SELECT number FROM pillar WHERE id = ?1",
                    [pillar_id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound(format!("no pillar with id {pillar_id}")))?;
            let place = Place {
                pillar: Some(number),
                initiative: Some(title.trim().to_string()),
            };
            let summary = summary.map(str::trim).filter(|s| !s.is_empty());
            rows::insert_initiative(
                &tx,
                pillar_id,
                title.trim(),
                None,
                summary,
                None,
                &place,
                &trace,
            )?
        };
        watermark.index_new_rows(&tx)?;
        tx.commit()?;
        Ok(id)
    }

    /// Deletes an initiative with its entries and notes; undo restores them.
    pub fn delete_initiative(&mut self, id: Id) -> Result<(), StoreError> {
        let tx = super::tx::begin_write(&self.conn)?;
        {
            let trace = Trace::begin(&tx, &Origin::User)?;
            let place = rows::place_of_initiative(&tx, id)?;
            let title = place.initiative.clone().unwrap_or_default();
            let mut snapshot = Snapshot::default();
            let entries = "SELECT id FROM entry WHERE initiative_id = ?1";
            snapshot.capture(&tx, "initiative", "id = ?1", id)?;
            snapshot.capture(&tx, "entry", "initiative_id = ?1", id)?;
            snapshot.capture(&tx, "entry_agency", &format!("entry_id IN ({entries})"), id)?;
            snapshot.capture(
                &tx,
                "note",
                &format!("initiative_id = ?1 OR entry_id IN ({entries})"),
                id,
            )?;
            tx.execute("DELETE FROM initiative WHERE id = ?1", [id])?;
            let json = serde_json::to_string(&snapshot).expect("snapshots serialize");
            trace.deleted(
                &Subject {
                    entity: "initiative",
                    id,
                    label: &title,
                    place: &place,
                },
                &json,
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Changes an initiative's title, summary or their Spanish versions.
    pub fn update_initiative(&mut self, id: Id, patch: &InitiativePatch) -> Result<(), StoreError> {
        if let Some(title) = &patch.title {
            require("initiative title", title)?;
        }
        let tx = super::tx::begin_write(&self.conn)?;
        {
            let trace = Trace::begin(&tx, &Origin::User)?;
            let place = rows::place_of_initiative(&tx, id)?;
            let (title, title_es, summary, summary_es): (
                String,
                Option<String>,
                Option<String>,
                Option<String>,
            ) = tx.query_row(
                "SELECT title, title_es, summary, summary_es FROM initiative WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?;
            let set =
                |field: &str, old: Option<&str>, new: Option<&str>| -> Result<(), StoreError> {
                    tx.execute(
                        &format!("UPDATE initiative SET {field} = ?2 WHERE id = ?1"),
                        params![id, new],
                    )?;
                    trace.changed(
                        &Subject {
                            entity: "initiative",
                            id,
                            label: &title,
                            place: &place,
                        },
                        FieldChange { field, old, new },
                    )
                };
            if let Some(new) = &patch.title {
                set("title", Some(&title), Some(new.trim()))?;
            }
            let blank_to_none = |v: &Option<String>| v.clone().filter(|t| !t.trim().is_empty());
            if let Some(new) = &patch.title_es {
                set(
                    "title_es",
                    title_es.as_deref(),
                    blank_to_none(new).as_deref(),
                )?;
            }
            if let Some(new) = &patch.summary {
                set("summary", summary.as_deref(), blank_to_none(new).as_deref())?;
            }
            if let Some(new) = &patch.summary_es {
                set(
                    "summary_es",
                    summary_es.as_deref(),
                    blank_to_none(new).as_deref(),
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Adds an agency, or updates the one with the same key (acronym, or name).
    pub fn save_agency(&mut self, agency: &Agency) -> Result<Id, StoreError> {
        validate_agency(agency).map_err(|e| StoreError::Validation(e.to_string()))?;
        let tx = super::tx::begin_write(&self.conn)?;
        let id = {
            let trace = Trace::begin(&tx, &Origin::User)?;
            let place = Place::default();
            let existing: Option<(Id, String, Option<String>, String)> = tx
                .query_row(
                    "SELECT id, name, name_es, country FROM agency WHERE key = ?1",
                    [agency.key()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?;
            match existing {
                None => rows::insert_agency(&tx, agency, &trace)?,
                Some((id, name, name_es, country)) => {
                    tx.execute(
                        "UPDATE agency SET name = ?2, name_es = ?3, country = ?4 WHERE id = ?1",
                        params![id, agency.name, agency.name_es, agency.country.as_str()],
                    )?;
                    let key = agency.key();
                    trace.changed(
                        &Subject {
                            entity: "agency",
                            id,
                            label: key,
                            place: &place,
                        },
                        FieldChange {
                            field: "name",
                            old: Some(&name),
                            new: Some(&agency.name),
                        },
                    )?;
                    trace.changed(
                        &Subject {
                            entity: "agency",
                            id,
                            label: key,
                            place: &place,
                        },
                        FieldChange {
                            field: "name_es",
                            old: name_es.as_deref(),
                            new: agency.name_es.as_deref(),
                        },
                    )?;
                    trace.changed(
                        &Subject {
                            entity: "agency",
                            id,
                            label: key,
                            place: &place,
                        },
                        FieldChange {
                            field: "country",
                            old: Some(&country),
                            new: Some(agency.country.as_str()),
                        },
                    )?;
                    id
                }
            }
        };
        tx.commit()?;
        Ok(id)
    }

    /// Deletes an agency that no entry names; refuses one still in use, saying how often.
    pub fn delete_agency(&mut self, key: &str) -> Result<(), StoreError> {
        let tx = super::tx::begin_write(&self.conn)?;
        {
            let trace = Trace::begin(&tx, &Origin::User)?;
            let id = rows::agency_id(&tx, key)
                .map_err(|_| StoreError::NotFound(format!("no agency '{key}'")))?;
            let uses: i64 = tx.query_row(
                "SELECT count(*) FROM entry_agency WHERE agency_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            if uses > 0 {
                return Err(StoreError::Conflict(format!(
                    "agency '{key}' is named by {uses} entries; remove it from them first"
                )));
            }
            let mut snapshot = Snapshot::default();
            snapshot.capture(&tx, "agency", "id = ?1", id)?;
            tx.execute("DELETE FROM agency WHERE id = ?1", [id])?;
            let json = serde_json::to_string(&snapshot).expect("snapshots serialize");
            trace.deleted(
                &Subject {
                    entity: "agency",
                    id,
                    label: key,
                    place: &Place::default(),
                },
                &json,
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
