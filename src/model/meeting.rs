//! Meetings of a dialogue: what a briefing book is prepared for.
//!
//! A meeting carries the parts of a book that belong to the meeting rather than to the
//! record: the scope note, objectives, the agenda, the participants of both sides, press
//! lines and the drafted / cleared block. It travels in the interchange under its
//! dialogue (`meetings`), like pillars do.

use super::date::EntryDate;
use super::record::string_enum;
use super::record::{Id, Note};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub id: Option<Id>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_es: Option<String>,
    /// A day (`2022-09-12`) or a date-time with its offset (`2022-09-12T09:30:00-05:00`),
    /// shown in the meeting's local time.
    pub date: EntryDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default)]
    pub kind: MeetingKind,
    /// Who leads our side, as printed on the cover ("Secretary of Commerce and delegation").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub our_delegation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub their_delegation: Option<String>,
    /// Purpose and context: a few paragraphs separated by blank lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_note_es: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Objective>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<AgendaItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub press_lines: Vec<PressLine>,
    /// Points to make, if raised and background that belong to the meeting as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clearance: Option<Clearance>,
}

/// What we want out of the meeting.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Objective {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub id: Option<Id>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_es: Option<String>,
    /// Titles of the initiatives the objective serves (matched as the record's titles are,
    /// by [`crate::model::normalize_key`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initiatives: Vec<String>,
}

/// One line of the schedule.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub id: Option<Id>,
    /// Start, usually a date-time; an end before the start is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts: Option<EntryDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends: Option<EntryDate>,
    pub item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_es: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Who speaks for us on the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// Pillar numbers the item covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pillars: Vec<u32>,
    /// Initiative titles the item covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initiatives: Vec<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub id: Option<Id>,
    /// Required: a participant without a name is refused.
    pub name: String,
    /// "Secretary of Commerce".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    pub side: Side,
    /// "Head of delegation", "note taker".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio_es: Option<String>,
}

/// A line to take with the press, or an anticipated question with its answer.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PressLine {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub id: Option<Id>,
    /// The line to take, or the question when `answer` is present.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_es: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_es: Option<String>,
}

/// Who drafted the book and who cleared it, printed last.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Clearance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafted_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafted_on: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cleared_by: Vec<String>,
}

string_enum!(
    /// The level of a meeting.
    MeetingKind {
        Leaders => "leaders",
        Ministerial => "ministerial",
        SeniorOfficials => "senior_officials",
        WorkingLevel => "working_level",
        Technical => "technical",
        Other => "other",
    }
);

// string_enum! fixes the derive list, so #[default] cannot be used on the variant.
#[allow(clippy::derivable_impls)]
impl Default for MeetingKind {
    fn default() -> Self {
        MeetingKind::Ministerial
    }
}

string_enum!(
    /// Which delegation a participant belongs to.
    Side {
        Ours => "ours",
        Theirs => "theirs",
    }
);
