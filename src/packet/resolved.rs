//! The resolved packet: exactly what will be printed, in print order, with texts already
//! in the packet's language. The renderer reads only this.

use super::spec::{Meeting, Options, PageSize, Section};
use crate::model::{
    Clearance, EntryDate, EntryKind, Id, Lang, MeetingKind, NoteKind, Side, SourceRef, Status,
};
use chrono::NaiveDate;
use serde::Serialize;

/// A packet ready to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Packet {
    pub title: String,
    /// The dialogue's full name in the packet's language.
    pub dialogue: String,
    pub dialogue_short: String,
    /// The cover's meeting line (the record meeting's title, date and place when the
    /// packet is a meeting's book).
    pub meeting: Meeting,
    /// The meeting's own parts when the packet is a meeting's briefing book.
    pub book: Option<Book>,
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
    /// In a Spanish packet: how many printed texts have a Spanish version and how many
    /// fall back to English (marked "[EN]"). Zero in an English packet.
    pub translation: Translation,
}

/// The lines of one source that an initiative's entries come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceSpan {
    pub title: String,
    pub first_line: u32,
    pub last_line: u32,
}

/// Counts of printed record texts by language (Spanish packets only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Translation {
    pub translated: u32,
    pub fallback: u32,
}

/// A text as printed, and whether it is the English original standing in for a missing
/// Spanish version (a Spanish packet marks it "[EN]" and tags it `/Lang (en-US)`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Text {
    pub text: String,
    pub fallback: bool,
}

/// What a meeting's briefing book prints besides the record: cover facts, scope note,
/// objectives, schedule, participants, press lines and the clearance block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Book {
    pub title: Text,
    pub date: EntryDate,
    pub place: Option<String>,
    pub kind: MeetingKind,
    pub our_delegation: Option<String>,
    pub their_delegation: Option<String>,
    /// Paragraphs of the scope note.
    pub scope_note: Vec<Text>,
    pub objectives: Vec<Text>,
    pub agenda: Vec<AgendaRow>,
    /// Ours first, then theirs, each in the record's order.
    pub participants: Vec<ParticipantRow>,
    /// Lines to take and anticipated questions: the meeting's own, then press notes of
    /// the meeting and of the selected initiatives and entries.
    pub press: Vec<PacketNote>,
    /// Points to make, if raised and background for the meeting as a whole.
    pub notes: Vec<PacketNote>,
    pub clearance: Option<Clearance>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaRow {
    pub starts: Option<EntryDate>,
    pub ends: Option<EntryDate>,
    pub item: Text,
    pub place: Option<String>,
    pub lead: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParticipantRow {
    pub name: String,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub side: Side,
    pub role: Option<String>,
    pub bio: Option<Text>,
}

/// A pillar of the packet. Number 0 is "General" ("General" in Spanish too): the
/// dialogue-level entries, which belong to no pillar; it comes before Pillar I, prints
/// without a numeral, has no initiatives and holds its entries in `entries`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PacketPillar {
    pub number: u32,
    pub title: String,
    /// The title printed in English in a Spanish packet.
    pub title_fallback: bool,
    pub initiatives: Vec<PacketInitiative>,
    /// Entries directly under the pillar: only the General pillar (number 0) has any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<PacketEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PacketInitiative {
    pub title: String,
    pub summary: Option<String>,
    /// The title / summary printed in English in a Spanish packet.
    pub title_fallback: bool,
    pub summary_fallback: bool,
    /// The source all the printed entries share, printed once under the initiative
    /// (their own source lines are then left out); `None` when they differ.
    pub shared_source: Option<SourceSpan>,
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
    /// The text printed in English in a Spanish packet.
    pub text_fallback: bool,
    /// 0 for an entry, 1 for a sub-item of the entry before it that ends with ":"
    /// ("The Working Group specifically intends to:" and its items).
    pub depth: u8,
    pub status: Status,
    pub date: Option<EntryDate>,
    pub agencies: Vec<String>,
    pub source: Option<SourceRef>,
    pub notes: Vec<PacketNote>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PacketNote {
    pub kind: NoteKind,
    /// The note, or the question when `answer` is set.
    pub text: String,
    pub answer: Option<String>,
    /// The note (or its answer) printed in English in a Spanish packet.
    pub fallback: bool,
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
    /// The day of the latest change to the entry (`YYYY-MM-DD`).
    pub on: String,
    /// The entry's text as printed in the packet.
    pub entry: String,
    /// What changed, read as a briefing reads it, most telling first.
    pub changes: Vec<Change>,
    /// "user" or the imported source's title (the latest change's).
    pub origin: String,
}

/// One kind of change to an entry since the packet's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// The entry was added (of this kind: "New commitment").
    New {
        entry_kind: EntryKind,
    },
    Status {
        from: Status,
        to: Status,
    },
    /// The date changed; the new EDTF value, or `None` when it was removed.
    Date {
        to: Option<String>,
    },
    Text,
    Agencies,
    Kind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRow {
    pub title: String,
    /// The date as the source states it, and its value when it has one.
    pub date: Option<String>,
    pub date_value: Option<crate::model::Edtf>,
    pub publisher: Option<String>,
    pub sha256: String,
    /// How many printed entries cite this source.
    pub entries_cited: u32,
}
