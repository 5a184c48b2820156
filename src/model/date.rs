//! Dates as precise as their source: a subset of EDTF (ISO 8601-2) level 1.
//!
//! Supported forms: `2021`, `2021-06`, `2021-10-25`, seasons `2021-21`..`2021-24`
//! (spring, summer, autumn, winter), a trailing qualifier `?` (uncertain), `~`
//! (approximate) or `%` (both), and intervals `A/B` whose ends may be unknown (empty)
//! or open (`..`). Unspecified digits (`201X`) and level-2 features are refused.
//!
//! Every value has a lower and an upper bound (inclusive calendar days) used for
//! filtering and sorting; "June 2021" covers 2021-06-01..=2021-06-30 and is never
//! turned into a single day.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("'{0}' is not an EDTF date (expected YYYY, YYYY-MM or YYYY-MM-DD)")]
    Syntax(String),
    #[error("'{0}': month {1} does not exist")]
    Month(String, u32),
    #[error("'{0}': day {1} does not exist in that month")]
    Day(String, u32),
    #[error("'{0}': the interval ends before it starts")]
    Reversed(String),
    #[error("'{0}': an interval needs at least one known end")]
    EmptyInterval(String),
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
}

/// What a date's middle part holds besides the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Part {
    None,
    Month(u8),
    Day(u8, u8),
    /// EDTF season code 21..=24 (Northern Hemisphere spring..winter).
    Season(u8),
}

/// One calendar date at year, season, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EdtfDate {
    year: i32,
    part: Part,
    qualifier: Qualifier,
}

impl EdtfDate {
    /// A year, e.g. `2022`.
    pub fn year(year: i32) -> Self {
        EdtfDate {
            year,
            part: Part::None,
            qualifier: Qualifier::Exact,
        }
    }

    /// A month of a year; refuses month numbers outside 1..=12.
    pub fn month(year: i32, month: u32) -> Result<Self, DateError> {
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(format!("{year:04}-{month:02}"), month));
        }
        Ok(EdtfDate {
            year,
            part: Part::Month(month as u8),
            qualifier: Qualifier::Exact,
        })
    }

    /// A calendar day; refuses days that do not exist (`2021-02-30`).
    pub fn day(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        let text = format!("{year:04}-{month:02}-{day:02}");
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(text, month));
        }
        if NaiveDate::from_ymd_opt(year, month, day).is_none() {
            return Err(DateError::Day(text, day));
        }
        Ok(EdtfDate {
            year,
            part: Part::Day(month as u8, day as u8),
            qualifier: Qualifier::Exact,
        })
    }

    /// A calendar day from chrono.
    pub fn from_naive(date: NaiveDate) -> Self {
        EdtfDate {
            year: date.year(),
            part: Part::Day(date.month() as u8, date.day() as u8),
            qualifier: Qualifier::Exact,
        }
    }

    /// A season: 21 spring, 22 summer, 23 autumn, 24 winter.
    pub fn season(year: i32, code: u32) -> Result<Self, DateError> {
        if !(21..=24).contains(&code) {
            return Err(DateError::Month(format!("{year:04}-{code:02}"), code));
        }
        Ok(EdtfDate {
            year,
            part: Part::Season(code as u8),
            qualifier: Qualifier::Exact,
        })
    }

    /// The same date with a qualifier.
    pub fn with_qualifier(mut self, qualifier: Qualifier) -> Self {
        self.qualifier = qualifier;
        self
    }

    pub fn qualifier(&self) -> Qualifier {
        self.qualifier
    }

    pub fn year_value(&self) -> i32 {
        self.year
    }

    /// Month number when the date states one.
    pub fn month_value(&self) -> Option<u32> {
        match self.part {
            Part::Month(m) | Part::Day(m, _) => Some(m as u32),
            _ => None,
        }
    }

    /// Day of month when the date states one.
    pub fn day_value(&self) -> Option<u32> {
        match self.part {
            Part::Day(_, d) => Some(d as u32),
            _ => None,
        }
    }

    pub fn precision(&self) -> Precision {
        match self.part {
            Part::None => Precision::Year,
            Part::Season(_) => Precision::Season,
            Part::Month(_) => Precision::Month,
            Part::Day(..) => Precision::Day,
        }
    }

    /// First day the date may mean.
    pub fn lower(&self) -> NaiveDate {
        let ymd = |m, d| NaiveDate::from_ymd_opt(self.year, m, d).expect("validated date");
        match self.part {
            Part::None => ymd(1, 1),
            Part::Month(m) => ymd(m as u32, 1),
            Part::Day(m, d) => ymd(m as u32, d as u32),
            Part::Season(code) => ymd(season_months(code).0, 1),
        }
    }

    /// Last day the date may mean (inclusive).
    pub fn upper(&self) -> NaiveDate {
        match self.part {
            Part::None => NaiveDate::from_ymd_opt(self.year, 12, 31).expect("valid"),
            Part::Month(m) => last_day_of_month(self.year, m as u32),
            Part::Day(..) => self.lower(),
            Part::Season(code) => {
                let (_, end_month) = season_months(code);
                // Winter runs into the next year (December to February).
                let year = if code == 24 { self.year + 1 } else { self.year };
                last_day_of_month(year, end_month)
            }
        }
    }

    fn parse(text: &str) -> Result<Self, DateError> {
        let syntax = || DateError::Syntax(text.to_string());
        let (body, qualifier) = match text.as_bytes().last() {
            Some(b'?') => (&text[..text.len() - 1], Qualifier::Uncertain),
            Some(b'~') => (&text[..text.len() - 1], Qualifier::Approximate),
            Some(b'%') => (&text[..text.len() - 1], Qualifier::UncertainApproximate),
            _ => (text, Qualifier::Exact),
        };
        let mut parts = body.split('-');
        let year_text = parts.next().ok_or_else(syntax)?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(syntax());
        }
        let year: i32 = year_text.parse().map_err(|_| syntax())?;
        let number = |part: Option<&str>| -> Result<Option<u32>, DateError> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(Some(p.parse().map_err(|_| syntax())?))
                }
                Some(_) => Err(syntax()),
            }
        };
        let month = number(parts.next())?;
        let day = number(parts.next())?;
        if parts.next().is_some() {
            return Err(syntax());
        }
        let date = match (month, day) {
            (None, _) => EdtfDate::year(year),
            (Some(code @ 21..=24), None) => EdtfDate::season(year, code)?,
            (Some(m), None) => {
                EdtfDate::month(year, m).map_err(|_| DateError::Month(text.to_string(), m))?
            }
            (Some(m), Some(d)) => EdtfDate::day(year, m, d).map_err(|e| match e {
                DateError::Month(_, m) => DateError::Month(text.to_string(), m),
                _ => DateError::Day(text.to_string(), d),
            })?,
        };
        Ok(date.with_qualifier(qualifier))
    }
}

fn season_months(code: u8) -> (u32, u32) {
    match code {
        21 => (3, 5),
        22 => (6, 8),
        23 => (9, 11),
        _ => (12, 2),
    }
}

fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)
        .and_then(|d| d.pred_opt())
        .expect("valid month")
}

impl fmt::Display for EdtfDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        match self.part {
            Part::None => {}
            Part::Month(m) | Part::Season(m) => write!(f, "-{m:02}")?,
            Part::Day(m, d) => write!(f, "-{m:02}-{d:02}")?,
        }
        f.write_str(self.qualifier.suffix())
    }
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
    /// An interval; refuses one that ends before it starts or has no known end.
    pub fn interval(start: IntervalEnd, end: IntervalEnd) -> Result<Self, DateError> {
        let value = Edtf::Interval(start, end);
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
    /// that plain string comparison in SQL gives interval overlap.
    pub fn sortable_bounds(&self) -> (String, String) {
        let lower = self
            .lower()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| "0000-01-01".into());
        let upper = self
            .upper()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| "9999-12-31".into());
        (lower, upper)
    }
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
    /// Chronological: by lower bound (unknown starts first), then upper bound, then text.
    fn cmp(&self, other: &Self) -> Ordering {
        let key = |v: &Edtf| {
            (
                v.lower(),
                v.upper().map(|d| (0, d)).unwrap_or((1, NaiveDate::MIN)),
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
pub fn parse_filter_bound(text: &str) -> Result<(NaiveDate, NaiveDate), DateError> {
    match text.trim().parse::<Edtf>()? {
        Edtf::Date(d)
            if d.qualifier() == Qualifier::Exact && d.precision() != Precision::Season =>
        {
            Ok((d.lower(), d.upper()))
        }
        _ => Err(DateError::Syntax(text.to_string())),
    }
}

#[cfg(test)]
#[path = "date_tests.rs"]
mod tests;
