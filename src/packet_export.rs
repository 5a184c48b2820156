//! The edge where a packet spec meets the store and the disk: fill in the spec's
//! defaults from the store, assemble, summarise for a live preview, render, write the
//! file atomically and record the render. The desktop app calls this; the pure steps
//! (`packet::assemble`, `render::render_pdf`) stay free of the store and the clock.

use crate::packet::{assemble, write_atomic, Packet, PacketError, PacketSpec, Section, WriteError};
use crate::render::{estimate_pages, render_pdf, RenderError};
use crate::store::{RenderRecord, Store, StoreError};
use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::Path;

/// Why a packet could not be previewed or exported. Messages name the field, file or
/// value at fault.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Packet(#[from] PacketError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("{0}: the file name must end in .pdf")]
    NotPdf(String),
}

impl ExportError {
    /// The stable code the app branches on.
    pub fn code(&self) -> &'static str {
        match self {
            ExportError::Packet(_) | ExportError::NotPdf(_) => "validation",
            ExportError::Store(e) => e.code(),
            ExportError::Render(_) => "internal",
            ExportError::Write(_) => "io",
        }
    }
}

/// What a spec selects, for the packet builder's live summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PacketSummary {
    pub pillars: Vec<PillarSummary>,
    pub initiatives: u32,
    pub entries: u32,
    /// Entries the filters left out.
    pub left_out: u32,
    /// Undated entries kept although a date range is set.
    pub undated_included: u32,
    /// Estimated page count (a quick count, typically within 15% of the rendered one).
    pub pages: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PillarSummary {
    pub number: u32,
    pub title: String,
    pub initiatives: u32,
    pub entries: u32,
}

/// A written packet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportResult {
    pub path: String,
    pub pages: u32,
    pub bytes: u32,
    pub sha256: String,
    /// Things the reader should know (characters the font lacks).
    pub warnings: Vec<String>,
}

/// The spec as it is rendered: `prepared_on` defaults to `today`, and a "changes since"
/// section without a date starts from the last exported packet.
pub fn complete_spec(
    store: &Store,
    spec: &PacketSpec,
    today: NaiveDate,
) -> Result<PacketSpec, ExportError> {
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
    Ok(spec)
}

/// Resolves a completed spec against the record and its history.
pub fn prepare(store: &Store, spec: &PacketSpec) -> Result<Packet, ExportError> {
    let record = store.load_record()?;
    let since = spec
        .changes_since_date()
        .map_err(PacketError::from)?
        .map(|d| d.format("%Y-%m-%d").to_string());
    let history = match &since {
        Some(day) => store.history(Some(day))?,
        None => Vec::new(),
    };
    Ok(assemble(spec, &record, &history)?)
}

/// Counts what `packet` holds and estimates its pages.
pub fn summarize(packet: &Packet) -> PacketSummary {
    let pillars: Vec<PillarSummary> = packet
        .pillars
        .iter()
        .map(|p| PillarSummary {
            number: p.number,
            title: p.title.clone(),
            initiatives: p.initiatives.len() as u32,
            entries: p.initiatives.iter().map(|i| i.entries.len() as u32).sum(),
        })
        .collect();
    PacketSummary {
        initiatives: pillars.iter().map(|p| p.initiatives).sum(),
        entries: pillars.iter().map(|p| p.entries).sum(),
        left_out: packet.overview.left_out.iter().map(|(_, n)| n).sum(),
        undated_included: packet.overview.undated_included,
        pages: estimate_pages(packet),
        pillars,
    }
}

/// Renders the completed `spec` to `path` (atomically, replacing a file the person chose
/// to overwrite), records the render (under `spec_name` when it came from a saved spec),
/// and reports each step to `progress(step, steps, what)`.
pub fn export(
    store: &mut Store,
    spec: &PacketSpec,
    path: &Path,
    spec_name: Option<&str>,
    at: &str,
    progress: &mut dyn FnMut(u32, u32, &str),
) -> Result<ExportResult, ExportError> {
    if path
        .extension()
        .is_none_or(|e| !e.eq_ignore_ascii_case("pdf"))
    {
        return Err(ExportError::NotPdf(path.display().to_string()));
    }
    progress(0, 3, "Assembling the packet");
    let packet = prepare(store, spec)?;
    progress(1, 3, "Setting type and pages");
    let rendered = render_pdf(&packet)?;
    progress(2, 3, "Writing the file");
    write_atomic(path, &rendered.bytes, true)?;
    let sha256 = format!("{:x}", Sha256::digest(&rendered.bytes));
    store.record_render(&RenderRecord {
        spec_name: spec_name.map(str::to_string),
        spec: serde_json::to_string(spec).expect("specs serialize"),
        at: at.to_string(),
        path: path.display().to_string(),
        sha256: sha256.clone(),
        pages: rendered.pages,
    })?;
    progress(3, 3, "Done");
    Ok(ExportResult {
        path: path.display().to_string(),
        pages: rendered.pages,
        bytes: rendered.bytes.len() as u32,
        sha256,
        warnings: rendered.warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    fn seeded() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        builtin::seed(&mut store).unwrap();
        store
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    #[test]
    fn summary_for_pillar_ii_counts_only_its_initiatives() {
        let store = seeded();
        let mut spec = PacketSpec::default();
        spec.filters.pillars = vec![2];
        let spec = complete_spec(&store, &spec, day()).unwrap();
        assert_eq!(spec.prepared_on.as_deref(), Some("2026-11-28"));
        let summary = summarize(&prepare(&store, &spec).unwrap());
        assert_eq!(summary.pillars.len(), 1);
        assert_eq!(summary.pillars[0].number, 2);
        assert!(summary.entries > 0 && summary.left_out > 0);
        assert!(summary.pages >= 1);
    }

    #[test]
    fn export_writes_the_pdf_and_records_the_render() {
        let mut store = seeded();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pillar-ii.pdf");
        let mut spec = PacketSpec::default();
        spec.filters.pillars = vec![2];
        let spec = complete_spec(&store, &spec, day()).unwrap();
        let mut steps = Vec::new();
        let result = export(
            &mut store,
            &spec,
            &path,
            Some("ii"),
            "2026-11-28T02:00:00Z",
            &mut |s, n, _| steps.push((s, n)),
        )
        .unwrap();
        assert!(result.pages >= 1);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), result.bytes as u64);
        assert_eq!(steps.last(), Some(&(3, 3)));
        assert_eq!(
            store.last_render_day().unwrap().as_deref(),
            Some("2026-11-28")
        );
    }

    #[test]
    fn export_refuses_a_name_without_pdf() {
        let mut store = seeded();
        let err = export(
            &mut store,
            &PacketSpec::default(),
            Path::new("/tmp/packet.txt"),
            None,
            "x",
            &mut |_, _, _| {},
        )
        .unwrap_err();
        assert_eq!(err.code(), "validation");
        assert!(err.to_string().contains("packet.txt"));
    }
}
