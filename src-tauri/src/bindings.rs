//! The TypeScript bindings for every type that crosses IPC, written by ts-rs into
//! `ui/src/bindings/`. The files are committed; the `bindings_are_current` test fails when
//! they differ from what the Rust types say (regenerate with `UPDATE_BINDINGS=1 cargo
//! test -p briefbook-app --test bindings`).
//!
//! ts-rs writes 64-bit integers as `bigint`, but serde_json sends them as plain JSON
//! numbers, which `JSON.parse` turns into `number`; the export rewrites them so the types
//! say what the UI really receives. (The integers are SQLite row ids, far below 2^53.)

use std::path::Path;
use ts_rs::{ExportError, TS};

/// Writes every binding (and the types they use) into `dir`.
pub fn export_all(dir: &Path) -> Result<(), ExportError> {
    use crate::commands::{files, import, record, settings, Progress};
    use briefbook::model as m;
    use briefbook::store as s;
    crate::error::IpcError::export_all_to(dir)?;
    Progress::export_all_to(dir)?;
    settings::DatabaseInfo::export_all_to(dir)?;
    files::FileKind::export_all_to(dir)?;
    record::EntryChange::export_all_to(dir)?;
    record::InitiativeChange::export_all_to(dir)?;
    import::ImportInput::export_all_to(dir)?;
    import::ImportPreview::export_all_to(dir)?;
    m::Record::export_all_to(dir)?;
    m::HistoryEvent::export_all_to(dir)?;
    m::DateReading::export_all_to(dir)?;
    m::NoteKind::export_all_to(dir)?;
    m::Lang::export_all_to(dir)?;
    s::EntryQuery::export_all_to(dir)?;
    s::EntryRow::export_all_to(dir)?;
    s::NewEntry::export_all_to(dir)?;
    s::NoteTarget::export_all_to(dir)?;
    s::SearchHit::export_all_to(dir)?;
    s::MergeReport::export_all_to(dir)?;
    s::SavedSpec::export_all_to(dir)?;
    briefbook::packet::PacketSpec::export_all_to(dir)?;
    briefbook::packet_export::PacketSummary::export_all_to(dir)?;
    briefbook::packet_export::ExportResult::export_all_to(dir)?;
    json_numbers(dir)
}

fn json_numbers(dir: &Path) -> Result<(), ExportError> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let text = std::fs::read_to_string(&path)?;
        if text.contains("bigint") {
            std::fs::write(&path, text.replace("bigint", "number"))?;
        }
    }
    Ok(())
}
