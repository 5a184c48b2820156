//! Briefing packets: fill in a spec's defaults from the store, summarise what it selects,
//! render it and write the PDF, record the render, and keep saved specs. The pure steps
//! (`packet::assemble`, `render::render_pdf`) stay free of the store and the clock.
//!
//! Export is split in three so that a face holding the store behind a lock releases it
//! while pages are set: [`prepare`] (store), [`render`] (no store), [`finish`] (disk and
//! store). [`export`] runs all three for a face that owns its store.

use super::error::{Error, Result};
use super::Progress;
use crate::fsio::{write_file, WriteOptions};
use crate::model::Id;
use crate::packet::{assemble, Packet, PacketError, Section};
use crate::render::{estimate_pages, render_pdf, Rendered};
use crate::store::{RenderRecord, Store};

// The types this use case's requests and responses are made of.
pub use crate::packet::PacketSpec;
pub use crate::store::SavedSpec;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Packet specs read from a file are small; anything larger is not a spec.
pub const MAX_SPEC_BYTES: u64 = 1024 * 1024;

/// The most numbered copies one export makes: a delegation, not a mailing list.
pub const MAX_COPIES: usize = 100;

/// What a spec selects, for the packet builder's live summary and `packet --dry-run`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PacketSummary {
    /// The dialogue's name in the packet's language.
    pub dialogue: String,
    /// The meeting whose book this is, when the spec names one.
    pub meeting: Option<String>,
    /// The sections that will print, in order.
    pub sections: Vec<String>,
    pub pillars: Vec<PillarSummary>,
    pub initiatives: u32,
    pub entries: u32,
    /// Entries the filters left out.
    pub left_out: u32,
    /// Undated entries kept although a date range is set.
    pub undated_included: u32,
    /// Estimated page count (a quick count, typically within 15% of the rendered one).
    pub pages: u32,
    /// Store ids of the entries the packet prints, in print order (the same selection as
    /// `list` with the same filters).
    #[cfg_attr(feature = "ts", ts(as = "Vec<f64>"))]
    pub entry_ids: Vec<Id>,
    /// In a Spanish packet: how many printed texts are translated and how many fall back
    /// to English.
    pub translation: Option<TranslationSummary>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TranslationSummary {
    pub translated: u32,
    pub fallback: u32,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PillarSummary {
    /// 0 for the dialogue's general statements, which belong to no pillar.
    pub number: u32,
    pub title: String,
    pub initiatives: u32,
    pub entries: u32,
}

/// Where and how to write a packet.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ExportRequest {
    pub spec: PacketSpec,
    /// The PDF file to write; must end in `.pdf`.
    pub path: String,
    /// The saved spec this packet was made from, for the render log.
    pub spec_name: Option<String>,
    /// Replace a file already at `path` (the person confirmed it).
    pub overwrite: bool,
    /// Numbered copies: one PDF per name, `STEM-K-SLUG.pdf` beside `path`, each marked
    /// "Copy K of N — NAME" on every page. Empty: one unnumbered PDF at `path`.
    #[serde(default)]
    pub copies_for: Vec<String>,
}

/// A written packet.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportResult {
    pub path: String,
    pub pages: u32,
    pub bytes: u32,
    pub sha256: String,
    /// Things the reader should know (characters the font lacks).
    pub warnings: Vec<String>,
    /// The numbered copies written, in order (empty without `copies_for`).
    pub copies: Vec<String>,
}

/// The spec as it is rendered: a blank `prepared_on` becomes `today`, and a "changes
/// since" section without a date starts from the last exported packet.
pub fn complete_spec(store: &Store, spec: &PacketSpec, today: NaiveDate) -> Result<PacketSpec> {
    let mut spec = spec.clone();
    if spec
        .prepared_on
        .as_deref()
        .is_none_or(|d| d.trim().is_empty())
    {
        spec.prepared_on = Some(today.format("%Y-%m-%d").to_string());
    }
    if spec.changes_since.is_none() && spec.sections.contains(&Section::ChangesSince) {
        spec.changes_since = store.last_render_day()?;
    }
    spec.validate()?;
    Ok(spec)
}

/// A spec resolved against the record, ready to render without the store.
pub struct Prepared {
    pub spec: PacketSpec,
    pub packet: Packet,
}

/// Completes `spec` and resolves it against the record and its history.
pub fn prepare(store: &Store, spec: &PacketSpec, today: NaiveDate) -> Result<Prepared> {
    let spec = complete_spec(store, spec, today)?;
    let record = store.load_record()?;
    let since = spec
        .changes_since_date()
        .map_err(PacketError::from)?
        .map(|d| d.format("%Y-%m-%d").to_string());
    let mut history = match &since {
        Some(day) => store.history(Some(day))?,
        None => Vec::new(),
    };
    // Filling a new database with the built-in record is not a change to brief on.
    history.retain(|e| !is_seeding(&e.origin));
    let packet = assemble(&spec, &record, &history)?;
    Ok(Prepared { spec, packet })
}

/// The rows written when a new database is filled with the built-in record.
fn is_seeding(origin: &crate::model::Origin) -> bool {
    matches!(origin, crate::model::Origin::Import { title, .. }
        if title == crate::import::BUILTIN_NAME)
}

/// Counts what a prepared packet holds and estimates its pages.
pub fn summarize(packet: &Packet) -> PacketSummary {
    let pillars: Vec<PillarSummary> = packet
        .pillars
        .iter()
        .map(|p| PillarSummary {
            number: p.number,
            title: p.title.clone(),
            initiatives: p.initiatives.len() as u32,
            entries: p.entries.len() as u32
                + p.initiatives
                    .iter()
                    .map(|i| i.entries.len() as u32)
                    .sum::<u32>(),
        })
        .collect();
    let entry_ids = packet
        .pillars
        .iter()
        .flat_map(|p| {
            p.entries
                .iter()
                .chain(p.initiatives.iter().flat_map(|i| &i.entries))
        })
        .filter_map(|e| e.id)
        .collect();
    let sections = printed_sections(packet);
    PacketSummary {
        dialogue: packet.dialogue.clone(),
        meeting: packet.book.as_ref().map(|b| b.title.text.clone()),
        sections,
        entry_ids,
        translation: (packet.lang == crate::model::Lang::Es).then_some(TranslationSummary {
            translated: packet.translation.translated,
            fallback: packet.translation.fallback,
        }),
        initiatives: pillars.iter().map(|p| p.initiatives).sum(),
        entries: pillars.iter().map(|p| p.entries).sum(),
        left_out: packet.overview.left_out.iter().map(|(_, n)| n).sum(),
        undated_included: packet.overview.undated_included,
        pages: estimate_pages(packet) + book_pages(packet),
        pillars,
    }
}

/// The parts the packet prints, in print order: the spec's sections, and for a
/// meeting's book its own parts around them (see `docs/packets.md`).
fn printed_sections(packet: &Packet) -> Vec<String> {
    let record: Vec<String> = packet.sections.iter().map(|s| s.to_string()).collect();
    if packet.book.is_none() {
        return record;
    }
    let book_order = [
        "cover",
        "scope",
        "contents",
        "schedule",
        "participants",
        "pillars",
        "press",
        "overview",
        "timeline",
        "changes_since",
        "sources",
        "clearance",
    ];
    let own = ["scope", "schedule", "participants", "press", "clearance"];
    book_order
        .into_iter()
        .filter(|s| own.contains(s) || record.iter().any(|r| r == s))
        .map(String::from)
        .collect()
}

/// Pages a meeting's own parts add to the record sections' estimate: each part starts
/// a page (scope note, schedule, participants, press lines); long parts take more.
fn book_pages(packet: &Packet) -> u32 {
    let Some(book) = &packet.book else {
        return 0;
    };
    let part = |items: usize, per_page: usize| -> u32 {
        if items == 0 {
            0
        } else {
            items.div_ceil(per_page) as u32
        }
    };
    part(
        book.scope_note.len() + book.objectives.len() + book.notes.len(),
        14,
    ) + part(book.agenda.len(), 25)
        + part(book.participants.len(), 8)
        + part(book.press.len(), 12)
}

/// What `spec` would print (the dry run): counts per pillar and an estimated page count.
pub fn summary(store: &Store, spec: &PacketSpec, today: NaiveDate) -> Result<PacketSummary> {
    Ok(summarize(&prepare(store, spec, today)?.packet))
}

/// Sets type and pages; needs no store.
pub fn render(prepared: &Prepared) -> Result<Rendered> {
    Ok(render_pdf(&prepared.packet)?)
}

/// Refuses an output name that does not end in `.pdf`, before any work is done.
pub fn check_pdf_path(path: &Path) -> Result<()> {
    if path
        .extension()
        .is_none_or(|e| !e.eq_ignore_ascii_case("pdf"))
    {
        return Err(Error::invalid(format!(
            "{}: the file name must end in .pdf",
            path.display()
        )));
    }
    Ok(())
}

/// Writes the rendered packet to `path` (atomically) and records the render at `at`
/// (RFC 3339) under `spec_name`.
pub fn finish(
    store: &mut Store,
    prepared: &Prepared,
    rendered: &Rendered,
    path: &Path,
    overwrite: bool,
    spec_name: Option<&str>,
    at: &str,
) -> Result<ExportResult> {
    check_pdf_path(path)?;
    write_file(
        path,
        &rendered.bytes,
        WriteOptions::private().replacing(overwrite),
    )?;
    let sha256 = format!("{:x}", Sha256::digest(&rendered.bytes));
    store.record_render(&RenderRecord {
        spec_name: spec_name.map(str::to_string),
        spec: serde_json::to_string(&prepared.spec).expect("specs serialize"),
        at: at.to_string(),
        path: path.display().to_string(),
        sha256: sha256.clone(),
        pages: rendered.pages,
    })?;
    Ok(ExportResult {
        path: path.display().to_string(),
        pages: rendered.pages,
        bytes: rendered.bytes.len() as u32,
        sha256,
        warnings: rendered.warnings.clone(),
        copies: Vec::new(),
    })
}

/// A recipient's name as a file-name part: letters and digits, lower case, joined by
/// hyphens, so a name such as "../x" or "A/B" can never become a path.
fn slug(name: &str) -> String {
    let folded = crate::model::normalize_key(name);
    let slug: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    slug.chars().take(40).collect()
}

/// The recipients' names, trimmed; refuses blank names and more than [`MAX_COPIES`].
pub fn check_recipients(names: &[String]) -> Result<Vec<String>> {
    if names.len() > MAX_COPIES {
        return Err(Error::invalid(format!(
            "{} numbered copies asked for; at most {MAX_COPIES} can be made at once",
            names.len()
        )));
    }
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let name = crate::model::sanitize::strip_controls(n.trim()).into_owned();
            if slug(&name).is_empty() {
                Err(Error::invalid(format!(
                    "copy {}: the recipient's name is empty; name each recipient",
                    i + 1
                )))
            } else {
                Ok(name)
            }
        })
        .collect()
}

/// Where copy `k` for `name` goes: `STEM-K-SLUG.pdf` beside `path`.
pub fn copy_path(path: &Path, k: usize, name: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "packet".into());
    path.with_file_name(format!("{stem}-{k}-{}.pdf", slug(name)))
}

/// Sets one numbered copy per recipient (laid out once), each with the path it goes to
/// beside `path`; needs no store.
pub fn render_copies(
    prepared: &Prepared,
    recipients: &[String],
    path: &Path,
) -> Result<Vec<(PathBuf, Rendered)>> {
    check_pdf_path(path)?;
    let recipients = check_recipients(recipients)?;
    let copies = crate::render::render_copies(&prepared.packet, &recipients)?;
    Ok(recipients
        .iter()
        .enumerate()
        .map(|(k, name)| copy_path(path, k + 1, name))
        .zip(copies)
        .collect())
}

/// Writes the numbered copies and records each render; returns the first copy's figures
/// with every copy's path.
pub fn finish_copies(
    store: &mut Store,
    prepared: &Prepared,
    copies: &[(PathBuf, Rendered)],
    overwrite: bool,
    spec_name: Option<&str>,
    at: &str,
) -> Result<ExportResult> {
    let mut results = Vec::new();
    for (target, rendered) in copies {
        results.push(finish(
            store, prepared, rendered, target, overwrite, spec_name, at,
        )?);
    }
    let mut first = results
        .first()
        .cloned()
        .ok_or_else(|| Error::invalid("no recipients named"))?;
    first.copies = results.into_iter().map(|r| r.path).collect();
    Ok(first)
}

/// Lends the store to one step at a time: a face that keeps its store behind a lock
/// holds the lock only for that step.
pub trait StoreAccess {
    fn with<T>(&mut self, step: impl FnOnce(&mut Store) -> Result<T>) -> Result<T>;
}

impl StoreAccess for Store {
    fn with<T>(&mut self, step: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        step(self)
    }
}

/// Prepares, renders and writes the packet `request` describes (one file, or one
/// numbered copy per recipient), reporting each step. The store is used to assemble and
/// to record the render, never while pages are set.
pub fn export(
    store: &mut impl StoreAccess,
    request: &ExportRequest,
    today: NaiveDate,
    at: &str,
    progress: &mut dyn FnMut(Progress),
) -> Result<ExportResult> {
    let path = PathBuf::from(&request.path);
    check_pdf_path(&path)?;
    let (overwrite, spec_name) = (request.overwrite, request.spec_name.as_deref());
    progress(Progress::new(0, 3, "Assembling the packet"));
    let prepared = store.with(|store| prepare(store, &request.spec, today))?;
    progress(Progress::new(1, 3, "Setting type and pages"));
    let result = if request.copies_for.is_empty() {
        let rendered = render(&prepared)?;
        progress(Progress::new(2, 3, "Writing the file"));
        store.with(|store| finish(store, &prepared, &rendered, &path, overwrite, spec_name, at))?
    } else {
        let copies = render_copies(&prepared, &request.copies_for, &path)?;
        progress(Progress::new(2, 3, "Writing the files"));
        store.with(|store| finish_copies(store, &prepared, &copies, overwrite, spec_name, at))?
    };
    progress(Progress::new(3, 3, "Done"));
    Ok(result)
}

/// Reads a packet spec from a JSON file (at most [`MAX_SPEC_BYTES`]).
pub fn read_spec_file(path: &Path) -> Result<PacketSpec> {
    let bytes = crate::import::read_limited(path, MAX_SPEC_BYTES)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::invalid(format!(
            "{}: a packet spec must be UTF-8 JSON",
            path.display()
        ))
    })?;
    PacketSpec::from_json(&text).map_err(|e| Error::from(e).context(path.display()))
}

/// Saves `spec` under `name`, replacing a spec of that name; returns its id.
pub fn save_spec(store: &mut Store, name: &str, spec: &PacketSpec) -> Result<Id> {
    if name.trim().is_empty() {
        return Err(Error::invalid("a saved packet needs a name"));
    }
    spec.validate()?;
    let json = serde_json::to_string_pretty(spec).expect("specs serialize");
    Ok(store.save_spec(name.trim(), &json)?)
}

/// The spec saved under `name`.
pub fn saved_spec(store: &Store, name: &str) -> Result<PacketSpec> {
    let saved = store.saved_spec(name)?;
    PacketSpec::from_json(&saved.spec)
        .map_err(|e| Error::from(e).context(format!("saved packet '{name}'")))
}

/// Saved packet specs, by name.
pub fn saved_specs(store: &Store) -> Result<Vec<SavedSpec>> {
    Ok(store.saved_specs()?)
}

pub fn delete_spec(store: &mut Store, name: &str) -> Result<()> {
    Ok(store.delete_spec(name)?)
}

/// The day (`YYYY-MM-DD`) the last packet was exported; `None` before the first.
pub fn last_packet_day(store: &Store) -> Result<Option<String>> {
    Ok(store.last_render_day()?)
}

#[cfg(test)]
#[path = "packets_tests.rs"]
mod tests;
