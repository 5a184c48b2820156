//! Dates as precise as their source: EDTF (ISO 8601-2, Library of Congress 2019) level 0
//! and level 1, with years from 0000 to 9999.
//!
//! Supported forms: `2021`, `2021-06`, `2021-10-25`; date-times `2022-09-12T09:30:00`
//! with an optional offset `Z`, `-05` or `+05:30`; seasons `2021-21`..`2021-24` (spring,
//! summer, autumn, winter); unspecified digits `201X`, `20XX`, `2004-XX`, `1985-04-XX`,
//! `1985-XX-XX`; a trailing qualifier `?` (uncertain), `~` (approximate) or `%` (both) on
//! a date; and intervals `A/B` of dates whose ends may be unknown (empty) or open (`..`).
//! Refused with a message that says why: `Y` years of more than four digits and negative
//! years (the store compares bounds as `YYYY-MM-DD` text), times inside intervals (EDTF
//! intervals run between dates), and level-2 features.
//!
//! Every value has a lower and an upper bound (inclusive calendar days) used for
//! filtering and sorting; "June 2021" covers 2021-06-01..=2021-06-30 and is never
//! turned into a single day. A date-time's bounds are its day as written, in its own
//! offset; [`Edtf::time_sort_key`] orders date-times within that day.

mod calendar;
mod time;

pub use calendar::EdtfDate;
pub use time::{TimeOfDay, TimeOffset};

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error(
        "'{0}' is not an EDTF date (expected e.g. 2021, 2021-06, 2021-06-25, 2021-21, 201X, \
         2021-06-XX, 2022-09-12T09:30:00-05:00 or an interval 2021-06/2022)"
    )]
    Syntax(String),
    #[error("'{0}': month {1} does not exist")]
    Month(String, u32),
    #[error("'{0}': day {1} does not exist in that month")]
    Day(String, u32),
    #[error("'{0}': the interval ends before it starts")]
    Reversed(String),
    #[error("'{0}': an interval needs at least one known end")]
    EmptyInterval(String),
    /// A time of day that does not exist or is written in a form EDTF does not take.
    #[error("'{0}': {1}")]
    Time(String, String),
    /// Valid EDTF (or ISO 8601) that this record does not keep, and why.
    #[error("'{0}': {1}")]
    Unsupported(String, &'static str),
    /// A filter bound that is not a plain year, month or day.
    #[error(
        "'{0}' is not a filter bound: write a year, month or day (YYYY, YYYY-MM or YYYY-MM-DD)"
    )]
    FilterBound(String),
}

/// How sure the source is about a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Qualifier {
    #[default]
    Exact,
    /// `?`: the source doubts the date.
    Uncertain,
    /// `~`: the source gives the date as approximate ("about", "over the coming year").
    Approximate,
    /// `%`: both uncertain and approximate.
    UncertainApproximate,
}

impl Qualifier {
    fn suffix(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::Uncertain => "?",
            Qualifier::Approximate => "~",
            Qualifier::UncertainApproximate => "%",
        }
    }
}

/// The finest unit a date states.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Season,
    Month,
    Day,
    /// A date-time, `YYYY-MM-DDThh:mm:ss` with or without an offset.
    Second,
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntervalEnd {
    Date(EdtfDate),
    /// `..`: the interval has no end on that side (still ongoing, or since always).
    Open,
    /// Empty: the source does not say.
    Unknown,
}

impl IntervalEnd {
    fn parse(text: &str) -> Result<Self, DateError> {
        match text {
            "" => Ok(IntervalEnd::Unknown),
            ".." => Ok(IntervalEnd::Open),
            _ => Ok(IntervalEnd::Date(EdtfDate::parse(text)?)),
        }
    }

    fn date(&self) -> Option<&EdtfDate> {
        match self {
            IntervalEnd::Date(d) => Some(d),
            _ => None,
        }
    }
}

impl fmt::Display for IntervalEnd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntervalEnd::Date(d) => d.fmt(f),
            IntervalEnd::Open => f.write_str(".."),
            IntervalEnd::Unknown => Ok(()),
        }
    }
}

/// An EDTF value: one date or an interval. Parse with [`str::parse`]; `Display` prints
/// the canonical form, and printing then parsing gives the same value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edtf {
    Date(EdtfDate),
    Interval(IntervalEnd, IntervalEnd),
}

impl Edtf {
    /// An interval; refuses one that ends before it starts, has no known end, or has a
    /// time of day at either end.
    pub fn interval(start: IntervalEnd, end: IntervalEnd) -> Result<Self, DateError> {
        let value = Edtf::Interval(start, end);
        if [start, end]
            .iter()
            .any(|e| e.date().is_some_and(|d| d.time().is_some()))
        {
            return Err(DateError::Unsupported(
                value.to_string(),
                "an EDTF interval runs between dates, not times of day: keep the start and \
                 end times as two date-times",
            ));
        }
        match (start.date(), end.date()) {
            (None, None) => Err(DateError::EmptyInterval(value.to_string())),
            (Some(s), Some(e)) if e.upper() < s.lower() => {
                Err(DateError::Reversed(value.to_string()))
            }
            _ => Ok(value),
        }
    }

    /// First day the value may mean; `None` for an interval with no start.
    pub fn lower(&self) -> Option<NaiveDate> {
        match self {
            Edtf::Date(d) => Some(d.lower()),
            Edtf::Interval(start, _) => start.date().map(EdtfDate::lower),
        }
    }

    /// Last day the value may mean (inclusive); `None` for an interval with no end.
    pub fn upper(&self) -> Option<NaiveDate> {
        match self {
            Edtf::Date(d) => Some(d.upper()),
            Edtf::Interval(_, end) => end.date().map(EdtfDate::upper),
        }
    }

    /// The precision of the date, or of the interval's start (its end when the start is unknown).
    pub fn precision(&self) -> Precision {
        match self {
            Edtf::Date(d) => d.precision(),
            Edtf::Interval(start, end) => start
                .date()
                .or(end.date())
                .map(EdtfDate::precision)
                .unwrap_or(Precision::Year),
        }
    }

    /// The time of day of a date-time.
    pub fn time(&self) -> Option<TimeOfDay> {
        match self {
            Edtf::Date(d) => d.time(),
            Edtf::Interval(..) => None,
        }
    }

    /// What orders date-times within their day: the UTC instant when the offset is
    /// known, the written local time when it is not; `None` for values without a time
    /// (which sort before the date-times of their day).
    pub fn time_sort_key(&self) -> Option<NaiveDateTime> {
        match self {
            Edtf::Date(d) => d.time_sort_key(),
            Edtf::Interval(..) => None,
        }
    }

    /// [`Edtf::time_sort_key`] as text the store can order by (`2022-09-12T14:30:00`),
    /// after the day bounds of [`Edtf::sortable_bounds`]; `None` without a time. Kept within
    /// four-digit years like the day bounds (an offset can carry 9999-12-31 into 10000).
    pub fn sortable_time(&self) -> Option<String> {
        let (first, last) = sortable_extremes();
        let (first, last) = (first.and_hms_opt(0, 0, 0)?, last.and_hms_opt(23, 59, 59)?);
        self.time_sort_key()
            .map(|t| t.clamp(first, last).format("%Y-%m-%dT%H:%M:%S").to_string())
    }

    /// Whether the value's span shares at least one day with `from..=to`; a missing
    /// bound on either side is unbounded.
    pub fn overlaps(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
        let starts_in_time = match (to, self.lower()) {
            (Some(to), Some(lower)) => lower <= to,
            _ => true,
        };
        let ends_in_time = match (from, self.upper()) {
            (Some(from), Some(upper)) => upper >= from,
            _ => true,
        };
        starts_in_time && ends_in_time
    }

    /// The bounds as the store keeps them: ISO days, with open ends at the extremes so
    /// that plain string comparison in SQL gives interval overlap. Days past the extremes
    /// (the winter of 9999 ends in February 10000, which chrono writes "+10000-02-29" and
    /// which would sort first) are kept at them.
    pub fn sortable_bounds(&self) -> (String, String) {
        let (first, last) = sortable_extremes();
        let day = |d: NaiveDate| d.clamp(first, last).format("%Y-%m-%d").to_string();
        let lower = self.lower().map_or_else(|| "0000-01-01".into(), day);
        let upper = self.upper().map_or_else(|| "9999-12-31".into(), day);
        (lower, upper)
    }
}

/// The first and last days a four-digit ISO date can write.
fn sortable_extremes() -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(0, 1, 1).unwrap_or(NaiveDate::MIN),
        NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX),
    )
}

impl FromStr for Edtf {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(DateError::Syntax(String::new()));
        }
        match text.split_once('/') {
            None => Ok(Edtf::Date(EdtfDate::parse(text)?)),
            Some((start, end)) => {
                if end.contains('/') {
                    return Err(DateError::Syntax(text.to_string()));
                }
                let start = IntervalEnd::parse(start).map_err(|e| rename(e, text))?;
                let end = IntervalEnd::parse(end).map_err(|e| rename(e, text))?;
                Edtf::interval(start, end)
            }
        }
    }
}

/// Errors name the whole value the user typed, not just the failing half.
fn rename(error: DateError, text: &str) -> DateError {
    match error {
        DateError::Syntax(_) => DateError::Syntax(text.to_string()),
        DateError::Month(_, m) => DateError::Month(text.to_string(), m),
        DateError::Day(_, d) => DateError::Day(text.to_string(), d),
        DateError::Time(_, why) => DateError::Time(text.to_string(), why),
        DateError::Unsupported(_, why) => DateError::Unsupported(text.to_string(), why),
        other => other,
    }
}

impl fmt::Display for Edtf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Edtf::Date(d) => d.fmt(f),
            Edtf::Interval(s, e) => write!(f, "{s}/{e}"),
        }
    }
}

impl Ord for Edtf {
    /// Chronological: by lower bound (unknown starts first), then upper bound, then time
    /// of day (whole days first), then text.
    fn cmp(&self, other: &Self) -> Ordering {
        let key = |v: &Edtf| {
            (
                v.lower(),
                v.upper().map(|d| (0, d)).unwrap_or((1, NaiveDate::MIN)),
                v.time_sort_key(),
            )
        };
        key(self)
            .cmp(&key(other))
            .then_with(|| self.to_string().cmp(&other.to_string()))
    }
}

impl PartialOrd for Edtf {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Edtf {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Edtf {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// How often a recurring activity happens ("meet monthly").
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cadence {
    Weekly,
    Monthly,
    Quarterly,
    Annual,
}

impl Cadence {
    pub fn as_str(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
            Cadence::Annual => "annual",
        }
    }
}

impl FromStr for Cadence {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "weekly" => Ok(Cadence::Weekly),
            "monthly" => Ok(Cadence::Monthly),
            "quarterly" => Ok(Cadence::Quarterly),
            "annual" => Ok(Cadence::Annual),
            other => Err(format!(
                "unknown cadence '{other}' (weekly, monthly, quarterly, annual)"
            )),
        }
    }
}

/// The date an entry carries: the EDTF value (absent when the text gives only a vague
/// or recurring time), the phrase verbatim from the source, and a cadence for
/// recurring activity.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EntryDate {
    /// Canonical EDTF text (`2021-06`, `2021-09-09/2022-09~`).
    #[cfg_attr(feature = "ts", ts(as = "Option<String>"))]
    pub edtf: Option<Edtf>,
    pub text: String,
    pub cadence: Option<Cadence>,
}

impl EntryDate {
    pub fn exact(edtf: Edtf, text: impl Into<String>) -> Self {
        EntryDate {
            edtf: Some(edtf),
            text: text.into(),
            cadence: None,
        }
    }
}

/// Parses a user's filter bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and gives the
/// span it covers (a `--from 2021` starts on 1 January, a `--to 2021` ends on 31 December).
/// Qualified values, seasons, unspecified digits and date-times are not filter bounds.
pub fn parse_filter_bound(text: &str) -> Result<(NaiveDate, NaiveDate), DateError> {
    let value = text.trim().parse::<Edtf>().map_err(|e| match e {
        // The EDTF syntax message lists forms a filter does not take.
        DateError::Syntax(_) => DateError::FilterBound(text.to_string()),
        other => other,
    })?;
    match value {
        Edtf::Date(d)
            if d.qualifier() == Qualifier::Exact
                && matches!(
                    d.precision(),
                    Precision::Year | Precision::Month | Precision::Day
                )
                && !d.has_unspecified_digits() =>
        {
            Ok((d.lower(), d.upper()))
        }
        _ => Err(DateError::FilterBound(text.to_string())),
    }
}

#[cfg(test)]
#[path = "../date_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "../date_extension_tests.rs"]
mod extension_tests;
