//! Importing a record into the store: match what is already there by normalised title or
//! text, add what is new, update what changed, all in one transaction.

mod pillars;

use super::history::{FieldChange, Subject, Trace};
use super::index::IndexWatermark;
use super::rows::{self, Parent, Place};
use super::{Store, StoreError};
use crate::model::validate::validate_record;
use crate::model::{normalize_key, Agency, Origin, Record};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::collections::HashMap;

/// What an import did (or, in a dry run, would do).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MergeReport {
    pub added_pillars: usize,
    pub added_initiatives: usize,
    pub added_entries: usize,
    pub added_notes: usize,
    pub added_agencies: usize,
    pub added_sources: usize,
    pub updated: usize,
    pub unchanged_entries: usize,
    /// One line per addition or update, in document order, up to [`MAX_LINES`].
    pub lines: Vec<MergeLine>,
    /// How many further additions and updates the lines leave out.
    pub more_lines: usize,
    pub dry_run: bool,
}

/// A preview lists at most this many changes; the counts stay exact.
pub const MAX_LINES: usize = 2_000;

impl MergeReport {
    /// Whether the import changed (or would change) nothing.
    pub fn is_noop(&self) -> bool {
        self.lines.is_empty()
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MergeAction {
    Add,
    Update,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergeLine {
    pub action: MergeAction,
    pub entity: String,
    /// Where and what, for people: "Pillar II › Title › text".
    pub what: String,
    /// For updates: "status: planned → done".
    pub detail: Option<String>,
}

impl Store {
    /// Merges `record` into the store with `origin` on every history line. With `dry_run`
    /// nothing is kept: the report says what would happen. Fails whole: on any error the
    /// store is unchanged.
    pub fn import_record(
        &mut self,
        record: &Record,
        origin: &Origin,
        dry_run: bool,
    ) -> Result<MergeReport, StoreError> {
        self.import_record_with_progress(record, origin, dry_run, &mut |_, _| {})
    }

    /// As [`Store::import_record`], calling `progress(entries_done, entries_total)` as it goes.
    pub fn import_record_with_progress(
        &mut self,
        record: &Record,
        origin: &Origin,
        dry_run: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<MergeReport, StoreError> {
        validate_record(record)?;
        let tx = super::tx::begin_write(&self.conn)?;
        let mut report = MergeReport {
            dry_run,
            ..MergeReport::default()
        };
        {
            let watermark = IndexWatermark::read(&tx)?;
            let trace = Trace::begin(&tx, origin)?;
            let mut merger = Merger {
                conn: &tx,
                trace: &trace,
                report: &mut report,
                total: record
                    .dialogues
                    .iter()
                    .flat_map(|d| &d.pillars)
                    .flat_map(|p| &p.initiatives)
                    .map(|i| i.entries.len())
                    .sum::<usize>()
                    + record
                        .dialogues
                        .iter()
                        .map(|d| d.entries.len())
                        .sum::<usize>(),
                done: 0,
                progress,
            };
            merger.merge(record)?;
            watermark.index_new_rows(&tx)?;
        }
        if !dry_run {
            tx.commit()?;
        }
        Ok(report)
    }
}

/// id, title, summary, title_es, summary_es
type StoredInitiative = (i64, String, Option<String>, Option<String>, Option<String>);

pub(super) struct Merger<'a, 'c> {
    pub(super) conn: &'c Connection,
    pub(super) trace: &'a Trace<'c>,
    pub(super) report: &'a mut MergeReport,
    pub(super) total: usize,
    pub(super) done: usize,
    pub(super) progress: &'a mut dyn FnMut(usize, usize),
}

impl Merger<'_, '_> {
    pub(super) fn line(
        &mut self,
        action: MergeAction,
        entity: &str,
        what: String,
        detail: Option<String>,
    ) {
        if self.report.lines.len() < MAX_LINES {
            self.report.lines.push(MergeLine {
                action,
                entity: entity.into(),
                what,
                detail,
            });
        } else {
            self.report.more_lines += 1;
        }
        if action == MergeAction::Update {
            self.report.updated += 1;
        }
    }

    fn merge(&mut self, record: &Record) -> Result<(), StoreError> {
        for agency in &record.agencies {
            self.merge_agency(agency)?;
        }
        let mut source_ids = HashMap::new();
        for source in &record.sources {
            let existing: Option<i64> = self
                .conn
                .query_row(
                    "SELECT id FROM source WHERE sha256 = ?1",
                    [&source.sha256],
                    |r| r.get(0),
                )
                .optional()?;
            let id = match existing {
                Some(id) => id,
                None => {
                    self.report.added_sources += 1;
                    self.line(MergeAction::Add, "source", source.title.clone(), None);
                    rows::insert_source(self.conn, source)?
                }
            };
            source_ids.insert(source.title.clone(), id);
        }
        for dialogue in &record.dialogues {
            let dialogue_id = match self.find_dialogue(&dialogue.short_name, &dialogue.name)? {
                Some(id) => id,
                None => {
                    self.line(MergeAction::Add, "dialogue", dialogue.name.clone(), None);
                    rows::insert_dialogue(self.conn, dialogue, self.trace)?
                }
            };
            for pillar in &dialogue.pillars {
                let (pillar_id, number) = self.merge_pillar(dialogue_id, pillar)?;
                let place_pillar = Some(number);
                for initiative in &pillar.initiatives {
                    let place = Place {
                        pillar: place_pillar,
                        initiative: Some(initiative.title.clone()),
                    };
                    let initiative_id = self.merge_initiative(pillar_id, initiative, &place)?;
                    self.merge_notes(Some(initiative_id), None, &initiative.notes, &place)?;
                    self.merge_entries(
                        Parent::Initiative(initiative_id),
                        &initiative.entries,
                        &source_ids,
                        &place,
                    )?;
                }
            }
            if !dialogue.entries.is_empty() {
                self.merge_entries(
                    Parent::Dialogue(dialogue_id),
                    &dialogue.entries,
                    &source_ids,
                    &Place::general(),
                )?;
            }
            for meeting in &dialogue.meetings {
                self.merge_meeting(dialogue_id, meeting)?;
            }
        }
        Ok(())
    }

    /// A meeting is matched by its title (folded) and date: a new one is added whole; one
    /// already stored takes the document's fields and parts when they differ.
    fn merge_meeting(
        &mut self,
        dialogue_id: i64,
        meeting: &crate::model::Meeting,
    ) -> Result<(), StoreError> {
        let what = format!("Meeting › {} ({})", meeting.title.trim(), meeting.date.text);
        match super::meeting_edit::same_meeting(self.conn, dialogue_id, meeting)? {
            None => {
                super::meeting_rows::insert_meeting(self.conn, dialogue_id, meeting, self.trace)?;
                self.line(MergeAction::Add, "meeting", what, None);
            }
            Some(id) => {
                if super::meeting_rows::rewrite_meeting(self.conn, id, meeting, self.trace)? {
                    self.line(MergeAction::Update, "meeting", what, None);
                }
            }
        }
        Ok(())
    }

    fn merge_agency(&mut self, agency: &Agency) -> Result<(), StoreError> {
        let existing = self
            .conn
            .query_row(
                "SELECT id, name, name_es, country FROM agency WHERE key = ?1",
                [agency.key()],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                },
            )
            .optional()?;
        let place = Place::default();
        match existing {
            None => {
                self.report.added_agencies += 1;
                self.line(MergeAction::Add, "agency", agency.key().to_string(), None);
                rows::insert_agency(self.conn, agency, self.trace)?;
            }
            Some((id, name, name_es, country)) => {
                let country_new = agency.country.as_str();
                // An import fills in what the store lacks but never blanks a user's value.
                let name_es_new = agency.name_es.clone().or(name_es.clone());
                if name != agency.name || country != country_new || name_es != name_es_new {
                    self.conn.execute(
                        "UPDATE agency SET name = ?2, name_es = ?3, country = ?4 WHERE id = ?1",
                        params![id, agency.name, name_es_new, country_new],
                    )?;
                    let label = agency.key();
                    self.trace.changed(
                        &Subject {
                            entity: "agency",
                            id,
                            label,
                            place: &place,
                        },
                        FieldChange {
                            field: "name",
                            old: Some(&name),
                            new: Some(&agency.name),
                        },
                    )?;
                    self.trace.changed(
                        &Subject {
                            entity: "agency",
                            id,
                            label,
                            place: &place,
                        },
                        FieldChange {
                            field: "name_es",
                            old: name_es.as_deref(),
                            new: name_es_new.as_deref(),
                        },
                    )?;
                    self.trace.changed(
                        &Subject {
                            entity: "agency",
                            id,
                            label,
                            place: &place,
                        },
                        FieldChange {
                            field: "country",
                            old: Some(&country),
                            new: Some(country_new),
                        },
                    )?;
                    self.line(MergeAction::Update, "agency", label.to_string(), None);
                }
            }
        }
        Ok(())
    }

    fn find_dialogue(&self, short_name: &str, name: &str) -> Result<Option<i64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, short_name, name FROM dialogue ORDER BY position")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let short_key = normalize_key(short_name);
        let name_key = normalize_key(name);
        for row in rows {
            let (id, s, n) = row?;
            if (!short_key.is_empty() && normalize_key(&s) == short_key)
                || normalize_key(&n) == name_key
            {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    fn merge_initiative(
        &mut self,
        pillar_id: i64,
        initiative: &crate::model::Initiative,
        place: &Place,
    ) -> Result<i64, StoreError> {
        let key = normalize_key(&initiative.title);
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, summary, title_es, summary_es FROM initiative WHERE pillar_id = ?1",
        )?;
        let existing: Vec<StoredInitiative> = stmt
            .query_map([pillar_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<Result<_, _>>()?;
        let found = existing.into_iter().find(|(_, title, _, es, _)| {
            normalize_key(title) == key || es.as_deref().map(normalize_key).as_deref() == Some(&key)
        });
        let Some((id, title, summary, title_es, summary_es)) = found else {
            self.report.added_initiatives += 1;
            self.line(MergeAction::Add, "initiative", place.describe(""), None);
            return rows::insert_initiative(
                self.conn,
                pillar_id,
                &initiative.title,
                initiative.title_es.as_deref(),
                initiative.summary.as_deref(),
                initiative.summary_es.as_deref(),
                place,
                self.trace,
            );
        };
        let summary_new = initiative.summary.clone().or(summary.clone());
        let title_es_new = initiative.title_es.clone().or(title_es.clone());
        let summary_es_new = initiative.summary_es.clone().or(summary_es.clone());
        if summary_new != summary || title_es_new != title_es || summary_es_new != summary_es {
            self.conn.execute(
                "UPDATE initiative SET summary = ?2, title_es = ?3, summary_es = ?4 WHERE id = ?1",
                params![id, summary_new, title_es_new, summary_es_new],
            )?;
            self.trace.changed(
                &Subject {
                    entity: "initiative",
                    id,
                    label: &title,
                    place,
                },
                FieldChange {
                    field: "summary",
                    old: summary.as_deref(),
                    new: summary_new.as_deref(),
                },
            )?;
            self.trace.changed(
                &Subject {
                    entity: "initiative",
                    id,
                    label: &title,
                    place,
                },
                FieldChange {
                    field: "title_es",
                    old: title_es.as_deref(),
                    new: title_es_new.as_deref(),
                },
            )?;
            self.trace.changed(
                &Subject {
                    entity: "initiative",
                    id,
                    label: &title,
                    place,
                },
                FieldChange {
                    field: "summary_es",
                    old: summary_es.as_deref(),
                    new: summary_es_new.as_deref(),
                },
            )?;
            self.line(
                MergeAction::Update,
                "initiative",
                place.describe(""),
                Some("summary".into()),
            );
        }
        Ok(id)
    }
}
