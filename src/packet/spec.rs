//! What a user asks a packet to contain: the [`PacketSpec`], saved by name in the store
//! or read from a JSON file. Every field has a default, so `{}` is a valid spec (the whole
//! record, every section, English, Letter).

use crate::model::date::parse_filter_bound;
use crate::model::filter::FilterError;
pub use crate::model::filter::Filters;
use crate::model::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

mod wire;

/// A packet definition.
///
/// Saved specs written before meetings were part of the record name the cover's free-text
/// meeting `meeting: {name, date, place}`; they still read (see [`wire`]), as `cover`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "wire::SpecWire")]
pub struct PacketSpec {
    /// The packet's title, on the cover and in every page header. Blank: the default
    /// title in the packet's language.
    pub title: String,
    /// The dialogue the packet is about, by name or short name (case and accents
    /// ignored). Required when the record holds several dialogues.
    pub dialogue: Option<String>,
    /// A meeting of the dialogue, by title or store id: the packet becomes that
    /// meeting's briefing book (cover, scope note, schedule, participants, issue papers,
    /// press lines, annexes, clearance). Without one: the record packet.
    pub meeting: Option<String>,
    /// The cover's free-text meeting line, for a packet without a record meeting.
    pub cover: Meeting,
    /// The delegation the packet is prepared for.
    pub prepared_for: String,
    pub prepared_by: String,
    /// `YYYY-MM-DD`. An input: the core never reads the clock (the CLI and app fill in today).
    pub prepared_on: Option<String>,
    /// Handling marking ("SENSITIVE BUT UNCLASSIFIED"), printed on top and bottom of every page.
    pub marking: Option<String>,
    pub lang: Lang,
    pub page: PageSize,
    pub filters: Filters,
    /// The sections, in the order they are printed.
    pub sections: Vec<Section>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the "changes since" section lists history from
    /// this date on. Without it that section is left out.
    pub changes_since: Option<String>,
    pub options: Options,
}

impl Default for PacketSpec {
    fn default() -> Self {
        PacketSpec {
            title: String::new(),
            dialogue: None,
            meeting: None,
            cover: Meeting::default(),
            prepared_for: String::new(),
            prepared_by: String::new(),
            prepared_on: None,
            marking: None,
            lang: Lang::En,
            page: PageSize::Letter,
            filters: Filters::default(),
            sections: Section::ALL.to_vec(),
            changes_since: None,
            options: Options::default(),
        }
    }
}

/// The meeting as the cover names it, in free text. (Exported to TypeScript as
/// `CoverMeeting`, apart from the record's [`crate::model::Meeting`].)
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "CoverMeeting"))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meeting {
    pub name: String,
    /// Free text as the user writes it ("December 13, 2021").
    pub date: String,
    pub place: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Print the user's notes (points to make, if raised, background).
    pub include_notes: bool,
    /// Print each entry's source and line.
    pub include_source_refs: bool,
}

/// The default title when a spec leaves it blank.
pub fn default_title(lang: Lang, book: bool) -> &'static str {
    match (lang, book) {
        (Lang::En, false) => "Briefing packet",
        (Lang::Es, false) => "Carpeta informativa",
        (Lang::En, true) => "Briefing book",
        (Lang::Es, true) => "Libro de información",
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            include_notes: true,
            include_source_refs: true,
        }
    }
}

/// Paper size.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PageSize {
    /// 8.5 x 11 in.
    #[default]
    Letter,
    /// 210 x 297 mm.
    A4,
}

impl PageSize {
    /// Width and height in PDF points (1/72 in).
    pub fn points(self) -> (f32, f32) {
        match self {
            PageSize::Letter => (612.0, 792.0),
            PageSize::A4 => (595.276, 841.89),
        }
    }
}

impl FromStr for PageSize {
    type Err = SpecError;
    fn from_str(s: &str) -> Result<Self, SpecError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "letter" => Ok(PageSize::Letter),
            "a4" => Ok(PageSize::A4),
            _ => Err(SpecError::Value {
                field: "page".into(),
                value: s.into(),
                expected: "letter or a4".into(),
            }),
        }
    }
}

/// A section of the packet.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Cover,
    Contents,
    Overview,
    Pillars,
    Timeline,
    ChangesSince,
    Sources,
}

impl Section {
    /// Every section in the default order.
    pub const ALL: [Section; 7] = [
        Section::Cover,
        Section::Contents,
        Section::Overview,
        Section::Pillars,
        Section::Timeline,
        Section::ChangesSince,
        Section::Sources,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Section::Cover => "cover",
            Section::Contents => "contents",
            Section::Overview => "overview",
            Section::Pillars => "pillars",
            Section::Timeline => "timeline",
            Section::ChangesSince => "changes_since",
            Section::Sources => "sources",
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Section {
    type Err = SpecError;
    fn from_str(s: &str) -> Result<Self, SpecError> {
        let wanted = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Section::ALL
            .into_iter()
            .find(|section| section.as_str() == wanted)
            .ok_or_else(|| SpecError::Value {
                field: "sections".into(),
                value: s.into(),
                expected: Section::ALL.map(Section::as_str).join(", "),
            })
    }
}

/// Why a spec was refused. Messages name the field and the value at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    #[error("{field}: '{value}' is not valid (expected {expected})")]
    Value {
        field: String,
        value: String,
        expected: String,
    },
    #[error("filters: the date range is reversed: from '{from}' is after to '{to}'")]
    ReversedRange { from: String, to: String },
    #[error("sections: '{0}' is listed twice")]
    DuplicateSection(Section),
    #[error("sections: the list is empty; name at least one section")]
    NoSections,
    #[error("packet spec JSON, line {line} column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
}

impl PacketSpec {
    /// Reads a spec from JSON text; missing fields take their defaults, unknown ones are refused.
    pub fn from_json(text: &str) -> Result<PacketSpec, SpecError> {
        let spec: PacketSpec = serde_json::from_str(text).map_err(|e| SpecError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        spec.validate()?;
        Ok(spec)
    }

    /// Checks dates, range order and the section list.
    pub fn validate(&self) -> Result<(), SpecError> {
        self.date_range()?;
        self.prepared_on_date()?;
        self.changes_since_date()?;
        if self.sections.is_empty() {
            return Err(SpecError::NoSections);
        }
        for (i, section) in self.sections.iter().enumerate() {
            if self.sections[..i].contains(section) {
                return Err(SpecError::DuplicateSection(*section));
            }
        }
        Ok(())
    }

    /// The filter range as inclusive days: `from` starts at its first day, `to` ends at its last.
    pub fn date_range(&self) -> Result<(Option<NaiveDate>, Option<NaiveDate>), SpecError> {
        let range = self.filters.date_range().map_err(|e| match e {
            FilterError::Date { field, value, .. } => bad_date(&format!("filters.{field}"), &value),
            FilterError::Reversed { from, to } => SpecError::ReversedRange { from, to },
        })?;
        Ok((range.from, range.to))
    }

    /// The prepared-on date, when given.
    pub fn prepared_on_date(&self) -> Result<Option<NaiveDate>, SpecError> {
        match self.prepared_on.as_deref().filter(|t| !t.trim().is_empty()) {
            None => Ok(None),
            Some(text) => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                .map(Some)
                .map_err(|_| SpecError::Value {
                    field: "prepared_on".into(),
                    value: text.into(),
                    expected: "a day as YYYY-MM-DD".into(),
                }),
        }
    }

    /// First day of the "changes since" bound, when given.
    pub fn changes_since_date(&self) -> Result<Option<NaiveDate>, SpecError> {
        match self
            .changes_since
            .as_deref()
            .filter(|t| !t.trim().is_empty())
        {
            None => Ok(None),
            Some(text) => parse_filter_bound(text)
                .map(|(lo, _)| Some(lo))
                .map_err(|_| bad_date("changes_since", text)),
        }
    }
}

fn bad_date(field: &str, value: &str) -> SpecError {
    SpecError::Value {
        field: field.into(),
        value: value.into(),
        expected: "a date as YYYY, YYYY-MM or YYYY-MM-DD".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_json_gives_the_default_spec() {
        let spec = PacketSpec::from_json("{}").unwrap();
        assert_eq!(spec, PacketSpec::default());
        assert_eq!(spec.sections.len(), 7);
    }

    #[test]
    fn reversed_range_names_both_ends() {
        let spec = PacketSpec::from_json(r#"{"filters":{"from":"2022","to":"2021-06"}}"#);
        let err = spec.unwrap_err().to_string();
        assert!(err.contains("'2022'") && err.contains("'2021-06'"), "{err}");
    }

    #[test]
    fn a_range_within_one_month_is_not_reversed() {
        let spec = PacketSpec::from_json(r#"{"filters":{"from":"2021-10","to":"2021-10"}}"#);
        assert!(spec.is_ok());
    }

    #[test]
    fn unknown_section_and_bad_date_name_the_value() {
        let err = PacketSpec::from_json(r#"{"sections":["cover","annex"]}"#).unwrap_err();
        assert!(err.to_string().contains("annex"), "{err}");
        assert!(err.to_string().contains("line 1"), "{err}");
        let err = "annex".parse::<Section>().unwrap_err().to_string();
        assert!(
            err.contains("'annex'") && err.contains("changes_since"),
            "{err}"
        );
        let err = PacketSpec::from_json(r#"{"filters":{"from":"2021-13"}}"#).unwrap_err();
        assert!(err.to_string().contains("filters.from: '2021-13'"), "{err}");
        let err = PacketSpec::from_json(r#"{"prepared_on":"Dec 13"}"#).unwrap_err();
        assert!(err.to_string().contains("prepared_on: 'Dec 13'"), "{err}");
    }

    #[test]
    fn duplicate_sections_are_refused() {
        let err = PacketSpec::from_json(r#"{"sections":["cover","cover"]}"#).unwrap_err();
        assert_eq!(err, SpecError::DuplicateSection(Section::Cover));
    }
}
