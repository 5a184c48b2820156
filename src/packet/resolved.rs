//! The resolved packet: exactly what will be printed, in print order, with texts already
//! in the packet's language. The renderer reads only this.

use super::spec::{Meeting, Options, PageSize, Section};
use crate::model::{EntryDate, EntryKind, Id, Lang, NoteKind, SourceRef, Status};
use chrono::NaiveDate;
use serde::Serialize;

/// A packet ready to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Packet {
    pub title: String,
    /// The dialogue's full name in the packet's language.
    pub dialogue: String,
    pub dialogue_short: String,
    pub meeting: Meeting,
    pub prepared_for: String,
    pub prepared_by: String,
    pub prepared_on: Option<NaiveDate>,
    pub marking: Option<String>,
    pub lang: Lang,
    pub page: PageSize,
    /// The sections to print, in order (sections with nothing to show already removed).
    pub sections: Vec<Section>,
    pub options: Options,
    pub pillars: Vec<PacketPillar>,
    pub overview: Overview,
    /// Dated entries in the selection, earliest first.
    pub timeline: Vec<TimelineRow>,
    /// Present when the spec asked for changes since a date.
    pub changes: Option<Changes>,
    pub sources: Vec<SourceRow>,
}

/// A pillar of the packet. Number 0 is "General" ("General" in Spanish too): the
/// dialogue-level entries, which belong to no pillar; it comes before Pillar I, prints
/// without a numeral, has no initiatives and holds its entries in `entries`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PacketPillar {
    pub number: u32,
    pub title: String,
    pub initiatives: Vec<PacketInitiative>,
    /// Entries directly under the pillar: only the General pillar (number 0) has any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<PacketEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PacketInitiative {
    pub title: String,
    pub summary: Option<String>,
    /// In source order.
    pub entries: Vec<PacketEntry>,
    pub notes: Vec<PacketNote>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PacketEntry {
    /// The entry's store id (`None` for a record not loaded from a store); not printed.
    #[serde(skip)]
    pub id: Option<Id>,
    pub kind: EntryKind,
    pub text: String,
    pub status: Status,
    pub date: Option<EntryDate>,
    pub agencies: Vec<String>,
    pub source: Option<SourceRef>,
    pub notes: Vec<PacketNote>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PacketNote {
    pub kind: NoteKind,
    pub text: String,
}

/// Counts for the overview and what the filters left out.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Overview {
    /// One row per included pillar: entries by status (in [`Status::ALL`] order).
    pub by_pillar: Vec<PillarCount>,
    pub total_entries: u32,
    /// Entries left out, by the first filter that refused them (in [`LeftOut`] order).
    pub left_out: Vec<(LeftOut, u32)>,
    /// Initiatives with no remaining entry, and pillars with no remaining initiative.
    pub empty_initiatives: u32,
    pub empty_pillars: Vec<u32>,
    /// Undated entries kept although a date range is set.
    pub undated_included: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PillarCount {
    pub number: u32,
    pub title: String,
    pub by_status: Vec<(Status, u32)>,
}

/// Why an entry was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeftOut {
    Pillar,
    DateRange,
    Undated,
    Status,
    Kind,
    Agency,
    Query,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineRow {
    pub date: EntryDate,
    pub pillar: u32,
    pub initiative: String,
    pub text: String,
    pub status: Status,
    pub agencies: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changes {
    pub since: NaiveDate,
    /// Oldest first.
    pub rows: Vec<ChangeRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeRow {
    /// The day of the change (`YYYY-MM-DD`).
    pub on: String,
    pub context: String,
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    /// "user" or the imported source's title.
    pub origin: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRow {
    pub title: String,
    pub date: Option<String>,
    pub publisher: Option<String>,
    pub sha256: String,
    /// How many printed entries cite this source.
    pub entries_cited: u32,
}
