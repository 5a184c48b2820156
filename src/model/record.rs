//! The dialogue record: dialogue -> pillars -> initiatives -> entries, with agencies,
//! sources and the user's briefing notes.
//!
//! The same tree is the in-memory record that packets are assembled from and the JSON
//! interchange document (`briefbook/1`). Store ids are carried where the app needs them
//! to address a row, and left out of the interchange document (they are `None` there).

use super::date::EntryDate;
use super::meeting::Meeting;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Row id in the store.
pub type Id = i64;

/// The whole record: what `export` writes and `import` reads.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Record {
    pub dialogues: Vec<Dialogue>,
    pub agencies: Vec<Agency>,
    pub sources: Vec<Source>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dialogue {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub id: Option<Id>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_es: Option<String>,
    pub short_name: String,
    /// Party codes, e.g. `["US", "MX"]`.
    #[serde(default)]
    pub parties: Vec<String>,
    /// When the dialogue was launched or relaunched, as the source states it.
    #[serde(default)]
    pub launched: Option<EntryDate>,
    pub pillars: Vec<Pillar>,
    /// Statements that belong to no pillar (a meeting held, a relaunch, framing), shown
    /// as "General" / "General"; never a made-up pillar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<Entry>>", optional))]
    pub entries: Vec<Entry>,
    /// The dialogue's meetings, earliest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<Meeting>>", optional))]
    pub meetings: Vec<Meeting>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pillar {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub id: Option<Id>,
    /// 1-based; printed as a Roman numeral (I..IV).
    pub number: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_es: Option<String>,
    pub initiatives: Vec<Initiative>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Initiative {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub id: Option<Id>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_es: Option<String>,
    /// The "Seeks ..." / "Advances ..." line that states what the initiative is for.
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_es: Option<String>,
    pub entries: Vec<Entry>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub id: Option<Id>,
    pub kind: EntryKind,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_es: Option<String>,
    pub status: Status,
    /// The words that decided the status ("have signed", "intend to").
    #[serde(default)]
    pub status_phrase: Option<String>,
    /// The date of the entry's own action, used for filtering and sorting.
    pub date: Option<EntryDate>,
    /// Other dates the text mentions, kept for display.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_dates: Vec<EntryDate>,
    /// Agency acronyms (or names, for agencies without one); each names an [`Agency`].
    #[serde(default)]
    pub agencies: Vec<String>,
    #[serde(default)]
    pub source: Option<SourceRef>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// Where an entry came from: the source's title and the line range in its text.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub title: String,
    pub line: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_end: Option<u32>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub id: Option<Id>,
    pub kind: NoteKind,
    /// The note, or the question when `answer` is present (an "if raised" or press
    /// question and its answer).
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_es: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_es: Option<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Agency {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub id: Option<Id>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_es: Option<String>,
    pub acronym: Option<String>,
    pub country: Country,
}

impl Note {
    /// A note in the record's language, with no translation or answer yet.
    pub fn new(kind: NoteKind, text: impl Into<String>) -> Self {
        Note {
            id: None,
            kind,
            text: text.into(),
            text_es: None,
            answer: None,
            answer_es: None,
        }
    }
}

impl Agency {
    /// The short form entries use to refer to the agency.
    pub fn key(&self) -> &str {
        self.acronym.as_deref().unwrap_or(&self.name)
    }
}

/// An imported document, kept whole so that every entry can be traced to its lines.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub id: Option<Id>,
    pub title: String,
    pub date: Option<EntryDate>,
    pub publisher: Option<String>,
    /// Full original text. Left out of the interchange document's size only when empty.
    #[serde(default)]
    pub text: String,
    /// SHA-256 of `text`, lowercase hex.
    pub sha256: String,
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        /// Read leniently, as [`FromStr`] does: any case, spaces or hyphens for
        /// underscores (`"US"`, `"Done"`, `"IN_PROGRESS"`, `"in progress"`). Written
        /// always in the canonical lowercase form.
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Stored as its `as_str` text; a stored value that does not read is an error, never
        /// a default.
        impl rusqlite::types::FromSql for $name {
            fn column_result(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                value
                    .as_str()?
                    .parse()
                    .map_err(|e: String| rusqlite::types::FromSqlError::Other(e.into()))
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| {
                        let known: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                        format!("unknown {} '{}' (expected one of: {})",
                            stringify!($name).to_ascii_lowercase(), s, known.join(", "))
                    })
            }
        }
    };
}
pub(crate) use string_enum;

string_enum!(
    /// Where an entry stands.
    Status {
        Planned => "planned",
        InProgress => "in_progress",
        Done => "done",
        Stalled => "stalled",
        Dropped => "dropped",
        Unknown => "unknown",
    }
);

string_enum!(
    /// What kind of fact an entry records.
    EntryKind {
        Objective => "objective",
        Commitment => "commitment",
        Activity => "activity",
        Milestone => "milestone",
        Meeting => "meeting",
    }
);

string_enum!(
    /// What a briefing note is for.
    NoteKind {
        Objective => "objective",
        PointsToMake => "points_to_make",
        IfRaised => "if_raised",
        Background => "background",
        Press => "press",
    }
);

string_enum!(
    /// Which side an agency belongs to.
    Country {
        Us => "us",
        Mx => "mx",
        Joint => "joint",
        Other => "other",
    }
);

/// Roman numeral for a pillar number (1 -> "I").
pub fn roman(number: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = number;
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Reads a pillar number given as `2` or `II` (any case).
pub fn parse_pillar_number(text: &str) -> Option<u32> {
    let text = text.trim();
    if let Ok(n) = text.parse::<u32>() {
        return (n > 0).then_some(n);
    }
    let upper = text.to_ascii_uppercase();
    (1..=50).find(|n| roman(*n) == upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_round_trip() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(parse_pillar_number("ii"), Some(2));
        assert_eq!(parse_pillar_number("3"), Some(3));
        assert_eq!(parse_pillar_number("0"), None);
        assert_eq!(parse_pillar_number("IIII"), None);
    }

    #[test]
    fn interchange_enums_read_any_case_and_write_lowercase() {
        let read: Vec<Country> = serde_json::from_str(r#"["US", "Mx", "JOINT"]"#).unwrap();
        assert_eq!(read, [Country::Us, Country::Mx, Country::Joint]);
        let read: Vec<Status> =
            serde_json::from_str(r#"["Done", "IN_PROGRESS", "in progress", "in-progress"]"#)
                .unwrap();
        assert_eq!(read[0], Status::Done);
        assert!(read[1..].iter().all(|s| *s == Status::InProgress));
        let kinds: Vec<NoteKind> = serde_json::from_str(r#"["Points To Make"]"#).unwrap();
        assert_eq!(kinds, [NoteKind::PointsToMake]);
        assert_eq!(
            serde_json::to_string(&Status::InProgress).unwrap(),
            "\"in_progress\""
        );
        let err = serde_json::from_str::<Status>(r#""finished""#).unwrap_err();
        assert!(
            err.to_string().contains("unknown status 'finished'"),
            "{err}"
        );
    }

    #[test]
    fn status_reads_user_spellings() {
        assert_eq!("In progress".parse::<Status>(), Ok(Status::InProgress));
        assert_eq!("done".parse::<Status>(), Ok(Status::Done));
        let err = "finished".parse::<Status>().unwrap_err();
        assert!(err.contains("planned, in_progress"), "{err}");
    }
}
