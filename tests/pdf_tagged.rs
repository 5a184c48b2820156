//! Packets are tagged, accessible PDFs (PDF/UA-1): rendered from the built-in record in
//! English and Spanish, read back with lopdf, and checked the way an accessibility
//! checker would: every painted mark is content of a structure element or an artifact,
//! the structure tree is in reading order, tables have headers, figures have
//! alternative text, links are tagged, and the document-level entries are present.
//!
//! `reader` reads a packet back (and asserts, while reading every content stream, that
//! each painting operator is in exactly one marked-content sequence owned by the tree or
//! an artifact); `structure` checks the tree; `document` the file-level entries.

#[path = "pdf_tagged/document.rs"]
mod document;
#[path = "pdf_tagged/reader.rs"]
mod reader;
#[path = "pdf_tagged/structure.rs"]
mod structure;

use briefbook::import::builtin_record;
use briefbook::model::{Note, NoteKind, Record};
use briefbook::packet::{assemble, Packet, PacketSpec};
use briefbook::render::render_pdf;
use reader::Tagged;

pub const MARKING: &str = "SENSITIVE BUT UNCLASSIFIED";

/// The built-in record with briefing notes on its first initiative and first entry.
fn record() -> Record {
    let mut record = builtin_record().record;
    let initiative = &mut record.dialogues[0].pillars[0].initiatives[0];
    initiative.notes.push(Note::new(
        NoteKind::PointsToMake,
        "Welcome the progress on supply chains.",
    ));
    initiative.entries[0].notes.push(Note::new(
        NoteKind::Background,
        "Agreed at the September 2021 meeting.",
    ));
    record
}

pub fn packet(lang: &str) -> Packet {
    let spec = format!(
        r#"{{"lang":"{lang}","marking":"{MARKING}","prepared_on":"2021-12-10",
            "prepared_for":"Delegation","changes_since":"2021-01-01","page":"a4"}}"#
    );
    let spec = PacketSpec::from_json(&spec).expect("valid spec");
    assemble(&spec, &record(), &[]).expect("assembles")
}

/// Text for comparison: hyphens dropped (a line may break inside a word), spaces collapsed.
pub fn norm(text: &str) -> String {
    text.replace('-', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn prefix(text: &str, chars: usize) -> String {
    norm(text).chars().take(chars).collect()
}

pub fn rendered(packet: &Packet) -> Tagged {
    let out = render_pdf(packet).expect("renders");
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    Tagged::read(&out.bytes)
}
