//! Record types and dates. Imports nothing else of this crate.

pub mod date;
pub mod date_input;
pub mod filter;
pub mod history;
pub mod meeting;
pub mod record;
pub mod sanitize;
pub mod text;
pub mod validate;

pub use date::{Cadence, DateError, Edtf, EdtfDate, EntryDate, IntervalEnd, Precision, Qualifier};
pub use date_input::{read_date_input, DateInputError, DateReading};
pub use filter::{DateRange, DateVerdict, FilterError, Filters, GENERAL_PILLAR};
pub use history::{HistoryEvent, Origin};
pub use meeting::{
    AgendaItem, Clearance, Meeting, MeetingKind, Objective, Participant, PressLine, Side,
};
pub use record::{
    parse_pillar_number, roman, Agency, Country, Dialogue, Entry, EntryKind, Id, Initiative, Note,
    NoteKind, Pillar, Record, Source, SourceRef, Status,
};
pub use text::normalize_key;

/// Chooses the Spanish version of a text when asked for and present.
pub fn localized<'a>(text: &'a str, spanish: Option<&'a str>, lang: Lang) -> &'a str {
    match (lang, spanish) {
        (Lang::Es, Some(es)) if !es.trim().is_empty() => es,
        _ => text,
    }
}

/// The two languages a packet or label can be written in.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "es" => Ok(Lang::Es),
            other => Err(format!("unknown language '{other}' (en or es)")),
        }
    }
}
