//! One calendar date: a year, season, month or day; with its rightmost digits left
//! unspecified (`201X`, `20XX`, `2004-XX`, `1985-04-XX`, `1985-XX-XX`); or a day with a
//! time of day (`2022-09-12T09:30:00-05:00`).
//!
//! Unspecified digits widen the bounds, never guess: `201X` covers 2010-01-01..=2019-12-31
//! and `1985-04-XX` the whole of April 1985. A date-time's bounds are its day in the
//! value's own offset, so filtering by day, month or year sees the day the source wrote.

use super::time::TimeOfDay;
use super::{DateError, Precision, Qualifier};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::fmt;

/// What a date's middle part holds besides the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Part {
    None,
    /// `201X` (1) or `20XX` (2): the year's last digits are unspecified; the year field
    /// holds the first year the value may mean.
    YearDigits(u8),
    Month(u8),
    /// `2004-XX`: some month of the year.
    AnyMonth,
    Day(u8, u8),
    /// `1985-04-XX`: some day of the month.
    AnyDay(u8),
    /// `1985-XX-XX`: some day of the year.
    AnyMonthDay,
    /// EDTF season code 21..=24 (Northern Hemisphere spring..winter).
    Season(u8),
    DateTime(u8, u8, TimeOfDay),
}

/// One calendar date at year, season, month, day or second precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EdtfDate {
    year: i32,
    part: Part,
    qualifier: Qualifier,
}

impl EdtfDate {
    fn new(year: i32, part: Part) -> Self {
        EdtfDate {
            year,
            part,
            qualifier: Qualifier::Exact,
        }
    }

    /// A year, e.g. `2022`.
    pub fn year(year: i32) -> Self {
        EdtfDate::new(year, Part::None)
    }

    /// A month of a year; refuses month numbers outside 1..=12.
    pub fn month(year: i32, month: u32) -> Result<Self, DateError> {
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(format!("{year:04}-{month:02}"), month));
        }
        Ok(EdtfDate::new(year, Part::Month(month as u8)))
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
        Ok(EdtfDate::new(year, Part::Day(month as u8, day as u8)))
    }

    /// A calendar day from chrono.
    pub fn from_naive(date: NaiveDate) -> Self {
        EdtfDate::new(date.year(), Part::Day(date.month() as u8, date.day() as u8))
    }

    /// A season: 21 spring, 22 summer, 23 autumn, 24 winter.
    pub fn season(year: i32, code: u32) -> Result<Self, DateError> {
        if !(21..=24).contains(&code) {
            return Err(DateError::Month(format!("{year:04}-{code:02}"), code));
        }
        Ok(EdtfDate::new(year, Part::Season(code as u8)))
    }

    /// A year whose last one or two digits are unspecified: `(2010, 1)` is `201X`,
    /// `(2000, 2)` is `20XX`. Refuses more digits (level 2) and a year that does not end
    /// in as many zeros.
    pub fn unspecified_year(first_year: i32, digits: u32) -> Result<Self, DateError> {
        let text = format!("{first_year:04} with {digits} unspecified digits");
        if !(1..=2).contains(&digits) {
            return Err(DateError::Unsupported(
                text,
                "only the last one or two digits of a year may be unspecified (201X, 20XX)",
            ));
        }
        if !(0..=9999).contains(&first_year) || first_year % 10i32.pow(digits) != 0 {
            return Err(DateError::Unsupported(
                text,
                "the first year must have four digits ending in a zero for each unspecified digit",
            ));
        }
        Ok(EdtfDate::new(first_year, Part::YearDigits(digits as u8)))
    }

    /// Some month of a year: `2004-XX` (month precision).
    pub fn unspecified_month(year: i32) -> Self {
        EdtfDate::new(year, Part::AnyMonth)
    }

    /// Some day of a month: `1985-04-XX` (day precision); refuses months outside 1..=12.
    pub fn unspecified_day(year: i32, month: u32) -> Result<Self, DateError> {
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(format!("{year:04}-{month:02}-XX"), month));
        }
        Ok(EdtfDate::new(year, Part::AnyDay(month as u8)))
    }

    /// Some day of a year: `1985-XX-XX` (day precision).
    pub fn unspecified_month_and_day(year: i32) -> Self {
        EdtfDate::new(year, Part::AnyMonthDay)
    }

    /// A day with a time of day: `2022-09-12T09:30:00-05:00` (second precision).
    pub fn date_time(year: i32, month: u32, day: u32, time: TimeOfDay) -> Result<Self, DateError> {
        EdtfDate::day(year, month, day)?;
        Ok(EdtfDate::new(
            year,
            Part::DateTime(month as u8, day as u8, time),
        ))
    }

    /// The same date with a qualifier. A date-time keeps none: EDTF qualifies dates, and
    /// a qualified date-time would print text no parser accepts.
    pub fn with_qualifier(mut self, qualifier: Qualifier) -> Self {
        if self.time().is_none() {
            self.qualifier = qualifier;
        }
        self
    }

    pub fn qualifier(&self) -> Qualifier {
        self.qualifier
    }

    /// The year, or for `201X`/`20XX` the first year the value may mean (2010, 2000).
    pub fn year_value(&self) -> i32 {
        self.year
    }

    /// Month number when the date states one.
    pub fn month_value(&self) -> Option<u32> {
        match self.part {
            Part::Month(m) | Part::Day(m, _) | Part::AnyDay(m) | Part::DateTime(m, _, _) => {
                Some(m.into())
            }
            _ => None,
        }
    }

    /// Day of month when the date states one.
    pub fn day_value(&self) -> Option<u32> {
        match self.part {
            Part::Day(_, d) | Part::DateTime(_, d, _) => Some(d.into()),
            _ => None,
        }
    }

    /// The time of day, for a date-time.
    pub fn time(&self) -> Option<TimeOfDay> {
        match self.part {
            Part::DateTime(_, _, time) => Some(time),
            _ => None,
        }
    }

    /// Whether some digits are `X` (`201X`, `2004-XX`, `1985-04-XX`, `1985-XX-XX`): the
    /// precision then says what the source's form states, the bounds what it may mean.
    pub fn has_unspecified_digits(&self) -> bool {
        matches!(
            self.part,
            Part::YearDigits(_) | Part::AnyMonth | Part::AnyDay(_) | Part::AnyMonthDay
        )
    }

    /// The precision the form states (as the EDTF specification gives it): `201X` is a
    /// year, `2004-XX` a month, `1985-04-XX` a day, a date-time a second.
    pub fn precision(&self) -> Precision {
        match self.part {
            Part::None | Part::YearDigits(_) => Precision::Year,
            Part::Season(_) => Precision::Season,
            Part::Month(_) | Part::AnyMonth => Precision::Month,
            Part::Day(..) | Part::AnyDay(_) | Part::AnyMonthDay => Precision::Day,
            Part::DateTime(..) => Precision::Second,
        }
    }

    /// First day the date may mean.
    pub fn lower(&self) -> NaiveDate {
        let ymd = |m, d| NaiveDate::from_ymd_opt(self.year, m, d).expect("validated date");
        match self.part {
            Part::None | Part::YearDigits(_) | Part::AnyMonth | Part::AnyMonthDay => ymd(1, 1),
            Part::Month(m) | Part::AnyDay(m) => ymd(m.into(), 1),
            Part::Day(m, d) | Part::DateTime(m, d, _) => ymd(m.into(), d.into()),
            Part::Season(code) => ymd(season_months(code).0, 1),
        }
    }

    /// Last day the date may mean (inclusive).
    pub fn upper(&self) -> NaiveDate {
        let end_of_year = |year| NaiveDate::from_ymd_opt(year, 12, 31).expect("valid year");
        match self.part {
            Part::None | Part::AnyMonth | Part::AnyMonthDay => end_of_year(self.year),
            Part::YearDigits(digits) => end_of_year(self.year + 10i32.pow(digits.into()) - 1),
            Part::Month(m) | Part::AnyDay(m) => last_day_of_month(self.year, m.into()),
            Part::Day(..) | Part::DateTime(..) => self.lower(),
            Part::Season(code) => {
                let (_, end_month) = season_months(code);
                // Winter runs into the next year (December to February).
                let year = if code == 24 { self.year + 1 } else { self.year };
                last_day_of_month(year, end_month)
            }
        }
    }

    /// The clock date and time as written, in the value's own offset.
    pub fn local_date_time(&self) -> Option<NaiveDateTime> {
        self.time().map(|t| self.lower().and_time(t.naive()))
    }

    /// The instant in UTC; `None` unless the value is a date-time with an offset.
    pub fn utc_date_time(&self) -> Option<NaiveDateTime> {
        let time = self.time()?;
        let offset = time.offset().to_chrono()?;
        let local = self.local_date_time()?;
        Some(local - chrono::Duration::seconds(offset.local_minus_utc().into()))
    }

    /// The value as a chrono date-time in its own offset (for calendars); `None` unless
    /// it is a date-time with an offset.
    pub fn to_fixed_offset(&self) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        let offset = self.time()?.offset().to_chrono()?;
        self.local_date_time()?.and_local_timezone(offset).single()
    }

    /// What orders date-times within a day: the UTC instant when the offset is known,
    /// the written time when it is not; `None` for a date without a time.
    pub fn time_sort_key(&self) -> Option<NaiveDateTime> {
        self.utc_date_time().or_else(|| self.local_date_time())
    }

    /// Reads one date (no interval). `text` is the whole value for error messages.
    pub(super) fn parse(text: &str) -> Result<Self, DateError> {
        if let Some((date, time)) = text.split_once('T') {
            return EdtfDate::parse_date_time(text, date, time);
        }
        let (body, qualifier) = match text.as_bytes().last() {
            Some(b'?') => (&text[..text.len() - 1], Qualifier::Uncertain),
            Some(b'~') => (&text[..text.len() - 1], Qualifier::Approximate),
            Some(b'%') => (&text[..text.len() - 1], Qualifier::UncertainApproximate),
            _ => (text, Qualifier::Exact),
        };
        Ok(parse_body(text, body)?.with_qualifier(qualifier))
    }

    fn parse_date_time(text: &str, date: &str, time: &str) -> Result<Self, DateError> {
        if text.ends_with(['?', '~', '%']) {
            return Err(DateError::Unsupported(
                text.to_string(),
                "a qualifier (?, ~, %) applies to a date, not to a date and time",
            ));
        }
        let day = parse_body(text, date)?;
        let Part::Day(month, day_of_month) = day.part else {
            return Err(DateError::Unsupported(
                text.to_string(),
                "a time of day needs a complete day before it (YYYY-MM-DDThh:mm:ss)",
            ));
        };
        let time = TimeOfDay::parse(text, time)?;
        Ok(EdtfDate::new(
            day.year,
            Part::DateTime(month, day_of_month, time),
        ))
    }
}

/// A month or day field: absent, `XX`, or two digits.
enum Field {
    Absent,
    Unspecified,
    Number(u32),
}

/// Reads `YYYY[-MM[-DD]]` with level-1 unspecified digits; `text` names the value in errors.
fn parse_body(text: &str, body: &str) -> Result<EdtfDate, DateError> {
    let syntax = || DateError::Syntax(text.to_string());
    if body.starts_with('Y') {
        return Err(DateError::Unsupported(
            text.to_string(),
            "years of more than four digits (Y...) are not supported: the record keeps days from 0000 to 9999",
        ));
    }
    if body.starts_with('-') {
        return Err(DateError::Unsupported(
            text.to_string(),
            "years before 0000 are not supported: the record keeps days from 0000 to 9999 and compares them as text",
        ));
    }
    let mut parts = body.split('-');
    let (year, year_digits) = parse_year(text, parts.next().unwrap_or_default())?;
    let field = |part: Option<&str>| match part {
        None => Ok(Field::Absent),
        Some("XX") => Ok(Field::Unspecified),
        Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
            p.parse().map(Field::Number).map_err(|_| syntax())
        }
        Some(_) => Err(syntax()),
    };
    let month = field(parts.next())?;
    let day = field(parts.next())?;
    if parts.next().is_some() {
        return Err(syntax());
    }
    if year_digits > 0 {
        return match month {
            Field::Absent => EdtfDate::unspecified_year(year, year_digits),
            _ => Err(DateError::Unsupported(
                text.to_string(),
                "a year with unspecified digits cannot take a month or day (that is EDTF level 2)",
            )),
        };
    }
    let rename_month = |e: DateError| match e {
        DateError::Month(_, m) => DateError::Month(text.to_string(), m),
        other => other,
    };
    match (month, day) {
        (Field::Absent, _) => Ok(EdtfDate::year(year)),
        (Field::Unspecified, Field::Absent) => Ok(EdtfDate::unspecified_month(year)),
        (Field::Unspecified, Field::Unspecified) => Ok(EdtfDate::unspecified_month_and_day(year)),
        (Field::Unspecified, Field::Number(_)) => Err(DateError::Unsupported(
            text.to_string(),
            "an unspecified month with a stated day (YYYY-XX-DD) is EDTF level 2",
        )),
        (Field::Number(code @ 21..=24), Field::Absent) => EdtfDate::season(year, code),
        (Field::Number(m), Field::Absent) => EdtfDate::month(year, m).map_err(rename_month),
        (Field::Number(m), Field::Unspecified) => {
            EdtfDate::unspecified_day(year, m).map_err(rename_month)
        }
        (Field::Number(m), Field::Number(d)) => EdtfDate::day(year, m, d).map_err(|e| match e {
            DateError::Month(_, m) => DateError::Month(text.to_string(), m),
            _ => DateError::Day(text.to_string(), d),
        }),
    }
}

/// Four characters: digits, of which the last one or two may be `X`. Gives the first year
/// and the count of unspecified digits.
fn parse_year(text: &str, year: &str) -> Result<(i32, u32), DateError> {
    let b = year.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let unspecified = b.len() - digits;
    if b.len() != 4 || !b[digits..].iter().all(|&c| c == b'X') {
        return Err(DateError::Syntax(text.to_string()));
    }
    if unspecified > 2 {
        return Err(DateError::Unsupported(
            text.to_string(),
            "only the last one or two digits of a year may be X (201X, 20XX); more is EDTF level 2",
        ));
    }
    let known: i32 = year[..digits]
        .parse()
        .map_err(|_| DateError::Syntax(text.to_string()))?;
    let step = 10i32.pow(unspecified as u32);
    Ok((known * step, unspecified as u32))
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
        match self.part {
            Part::YearDigits(digits) => {
                let year = format!("{:04}", self.year);
                let known = year.len().saturating_sub(digits.into());
                write!(f, "{}{}", &year[..known], "X".repeat(digits.into()))?;
            }
            _ => write!(f, "{:04}", self.year)?,
        }
        match self.part {
            Part::None | Part::YearDigits(_) => {}
            Part::Month(m) | Part::Season(m) => write!(f, "-{m:02}")?,
            Part::AnyMonth => f.write_str("-XX")?,
            Part::Day(m, d) => write!(f, "-{m:02}-{d:02}")?,
            Part::AnyDay(m) => write!(f, "-{m:02}-XX")?,
            Part::AnyMonthDay => f.write_str("-XX-XX")?,
            Part::DateTime(m, d, time) => write!(f, "-{m:02}-{d:02}T{time}")?,
        }
        f.write_str(self.qualifier.suffix())
    }
}
