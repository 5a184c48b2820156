//! Reads a date a person types into a form ("June 2021", "2021-06", "25 October 2021",
//! "October 25, 2021", "junio de 2021", "2021-09-09/2022-09", "201x") or a date and time
//! ("12 September 2022 9:30", "2022-09-12 09:30 -05:00", "2022-09-12T09:30Z") and says
//! how it was read.
//!
//! The result keeps the typed words verbatim as the entry's date phrase and is never more
//! precise than what was typed: "June 2021" becomes `2021-06`, never a single day, and a
//! typed time keeps the offset typed with it (none, UTC or `±hh:mm`), never a guessed one.

use super::date::{DateError, Edtf, EdtfDate, EntryDate, Precision, TimeOfDay, TimeOffset};
use serde::Serialize;

/// How a typed date was understood, for the form to show beside the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DateReading {
    /// The date to store: the EDTF value and the typed words.
    pub date: EntryDate,
    /// Canonical EDTF text, e.g. `2021-06`.
    pub edtf: String,
    /// The words people read: "June 2021 (month)", "1 June 2021 – 30 September 2022".
    pub explanation: String,
    /// Finest unit the value states.
    pub precision: Precision,
}

/// Why typed text is not a date. The message quotes the text and says what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateInputError {
    #[error(
        "'{0}' is not a date: type e.g. 2021-06, June 2021, 25 October 2021, \
         12 September 2022 09:30 or 2021-09-09/2022-09"
    )]
    Unreadable(String),
    #[error("'{0}' gives a time but no single day: type e.g. 12 September 2022 09:30")]
    TimeWithoutDay(String),
    #[error("{0}")]
    Impossible(#[from] DateError),
}

const MONTHS_EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Reads what a person typed as an entry date. EDTF is taken as is; otherwise month
/// names (English or Spanish, full or three-letter) with a year and an optional day.
pub fn read_date_input(typed: &str) -> Result<DateReading, DateInputError> {
    let text = typed.trim();
    if text.is_empty() {
        return Err(DateInputError::Unreadable(typed.to_string()));
    }
    // A clock without the EDTF `T` ("9:30", "2022-09-12 09:30") is read as words.
    let typed_clock = text.contains(':') && !text.contains(['T', 't']);
    let edtf = if starts_like_edtf(text) && !typed_clock {
        // EDTF letters are capitals; "201x" and "2022-09-12t09:30:00z" mean the same.
        let upper = text.to_ascii_uppercase();
        match (upper.parse::<Edtf>(), upper.split_once('T')) {
            (Ok(value), _) => value,
            // "2022-09-12T09:30" (no seconds) is natural to type: read it as day and time.
            // When that reading fails too, the EDTF message says more ("hour 25").
            (Err(e), Some((day, time))) if !upper.contains('/') => {
                Edtf::Date(read_date_and_time(text, &[day], &[time]).map_err(|_| e)?)
            }
            (Err(e), _) => return Err(e.into()),
        }
    } else {
        Edtf::Date(read_typed(text)?)
    };
    Ok(DateReading {
        explanation: explain(&edtf),
        edtf: edtf.to_string(),
        precision: edtf.precision(),
        date: EntryDate::exact(edtf, text),
    })
}

fn starts_like_edtf(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == '/')
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || "-/.?~%:+XxTtZz".contains(c))
}

/// Words, or words followed by a clock time: "12 September 2022 9:30 pm UTC-5".
fn read_typed(text: &str) -> Result<EdtfDate, DateInputError> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    match words.iter().position(|w| looks_like_clock(w)) {
        None => read_words(text),
        Some(at) => {
            let mut day = &words[..at];
            // "12 September 2022 at 9:30", "12 de septiembre de 2022 a las 9:30".
            while let Some((last, rest)) = day.split_last() {
                if ["at", "a", "las", "à"].contains(&last.to_lowercase().as_str()) {
                    day = rest;
                } else {
                    break;
                }
            }
            read_date_and_time(text, day, &words[at..])
        }
    }
}

/// A clock starts with a digit and has a colon: "9:30", "09:30:00", "09:30-05:00".
fn looks_like_clock(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .split_once(':')
            .is_some_and(|(h, _)| h.len() <= 2 && h.bytes().all(|b| b.is_ascii_digit()))
}

/// The day (EDTF `YYYY-MM-DD` or words) and the time words: a clock, then optionally
/// am/pm and an offset ("Z", "UTC", "UTC-5", "-05:00", "+0530").
fn read_date_and_time(
    text: &str,
    day_words: &[&str],
    time_words: &[&str],
) -> Result<EdtfDate, DateInputError> {
    let unreadable = || DateInputError::Unreadable(text.to_string());
    let day = match day_words {
        [] => return Err(DateInputError::TimeWithoutDay(text.to_string())),
        [one] if one.starts_with(|c: char| c.is_ascii_digit()) => match one.parse::<Edtf>()? {
            Edtf::Date(d) => d,
            Edtf::Interval(..) => return Err(unreadable()),
        },
        // Errors name everything typed, not only the day's words.
        words => read_words(&words.join(" ")).map_err(|e| match e {
            DateInputError::Unreadable(_) => unreadable(),
            other => other,
        })?,
    };
    let (Some(month), Some(day_of_month)) = (day.month_value(), day.day_value()) else {
        return Err(DateInputError::TimeWithoutDay(text.to_string()));
    };
    if day.has_unspecified_digits() || day.precision() != Precision::Day {
        return Err(DateInputError::TimeWithoutDay(text.to_string()));
    }
    // The clock word may carry its offset or am/pm: "09:30-05:00", "09:30Z", "9:30pm".
    let rest: String = time_words.concat();
    let clock_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(rest.len());
    let (clock, mut tail) = rest.split_at(clock_end);
    let numbers: Vec<u32> = clock
        .split(':')
        .map(|n| n.parse::<u32>().ok().filter(|_| (1..=2).contains(&n.len())))
        .collect::<Option<_>>()
        .ok_or_else(unreadable)?;
    let (mut hour, minute, second) = match numbers.as_slice() {
        [h, m] => (*h, *m, 0),
        [h, m, s] => (*h, *m, *s),
        _ => return Err(unreadable()),
    };
    let lower = tail.to_ascii_lowercase();
    for (mark, afternoon) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if lower.starts_with(mark) {
            if !(1..=12).contains(&hour) {
                return Err(unreadable());
            }
            hour = match (afternoon, hour) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            tail = &tail[mark.len()..];
            break;
        }
    }
    let offset = read_offset(tail).ok_or_else(unreadable)?;
    let time = TimeOfDay::new(hour, minute, second, offset)?;
    Ok(EdtfDate::date_time(
        day.year_value(),
        month,
        day_of_month,
        time,
    )?)
}

/// "" (local), "Z", "UTC", "GMT", "UTC-5", "-05", "-05:00", "+0530", "+5:30".
fn read_offset(text: &str) -> Option<TimeOffset> {
    let upper = text.to_ascii_uppercase();
    let (named_utc, rest) = match upper.strip_prefix("UTC").or(upper.strip_prefix("GMT")) {
        Some(rest) => (true, rest),
        None => (false, upper.as_str()),
    };
    if rest.is_empty() {
        return Some(if named_utc {
            TimeOffset::Utc
        } else {
            TimeOffset::Local
        });
    }
    if rest == "Z" {
        return Some(TimeOffset::Utc);
    }
    // A typed minus may be the hyphen or the true minus sign (U+2212).
    let (negative, digits) = if let Some(d) = rest.strip_prefix('+') {
        (false, d)
    } else if let Some(d) = rest.strip_prefix(['-', '\u{2212}']) {
        (true, d)
    } else {
        return None;
    };
    let (hours, minutes) = match digits.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h, Some(m)),
        Some(_) => return None,
        None if digits.len() == 4 => (&digits[..2], Some(&digits[2..])),
        None => (digits, None),
    };
    if !(1..=2).contains(&hours.len()) {
        return None;
    }
    let hours: i16 = hours.parse().ok()?;
    let sign = if negative { -1 } else { 1 };
    Some(match minutes {
        None => TimeOffset::Hours(i8::try_from(sign * hours).ok()?),
        Some(m) => {
            let m: i16 = m.parse().ok().filter(|m| *m < 60)?;
            TimeOffset::Minutes(sign * (hours * 60 + m))
        }
    })
}

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.chars().count() < 3 {
        return None;
    }
    for names in [MONTHS_EN, MONTHS_ES] {
        if let Some(i) = names
            .iter()
            .position(|name| *name == word || (word.len() >= 3 && name.starts_with(&word)))
        {
            return Some(i as u32 + 1);
        }
    }
    // "sept" and "setiembre" are common spellings.
    match word.as_str() {
        "sept" | "setiembre" => Some(9),
        _ => None,
    }
}

/// "June 2021", "25 October 2021", "October 25, 2021", "25 de octubre de 2021".
fn read_words(text: &str) -> Result<EdtfDate, DateInputError> {
    let unreadable = || DateInputError::Unreadable(text.to_string());
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("de") && !w.eq_ignore_ascii_case("of"))
        .collect();
    let number = |w: &str| {
        w.trim_end_matches(['.', 's', 't', 'h', 'n', 'd', 'r'])
            .parse::<u32>()
            .ok()
    };
    let (month, day, year) = match words.as_slice() {
        [m, y] => (month_number(m).ok_or_else(unreadable)?, None, *y),
        [a, b, y] => match (month_number(a), month_number(b)) {
            (Some(m), None) => (m, Some(number(b).ok_or_else(unreadable)?), *y),
            (None, Some(m)) => (m, Some(number(a).ok_or_else(unreadable)?), *y),
            _ => return Err(unreadable()),
        },
        _ => return Err(unreadable()),
    };
    let year: i32 = year
        .parse()
        .ok()
        .filter(|y| (1000..=9999).contains(y))
        .ok_or_else(unreadable)?;
    Ok(match day {
        None => EdtfDate::month(year, month)?,
        Some(day) => EdtfDate::day(year, month, day)?,
    })
}

fn human(date: &chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let month = MONTHS_EN[date.month0() as usize];
    let mut name = month.to_string();
    name[..1].make_ascii_uppercase();
    format!("{} {} {}", date.day(), name, date.year())
}

/// A date-time in its own local time, in English: "12 September 2022, 09:30 (UTC−05:00)",
/// or "12 September 2022, 09:30" when no offset was given; `None` for a date without time.
pub fn date_time_label(date: &EdtfDate) -> Option<String> {
    let time = date.time()?;
    Some(format!("{}, {}", human(&date.lower()), time.label()))
}

fn explain(edtf: &Edtf) -> String {
    let span = match (edtf, edtf.lower(), edtf.upper()) {
        (Edtf::Date(d), _, _) if d.time().is_some() => date_time_label(d).unwrap_or_default(),
        (_, Some(lo), Some(hi)) if lo == hi => human(&lo),
        (_, Some(lo), Some(hi)) => format!("{} – {}", human(&lo), human(&hi)),
        (_, Some(lo), None) => format!("from {}, end open", human(&lo)),
        (_, None, Some(hi)) => format!("until {}", human(&hi)),
        (_, None, None) => "no bounds".into(),
    };
    let unit = match edtf.precision() {
        Precision::Year => "year",
        Precision::Season => "season",
        Precision::Month => "month",
        Precision::Day => "day",
        Precision::Second => "date and time",
    };
    let kind = if matches!(edtf, Edtf::Interval(..)) {
        "interval"
    } else {
        unit
    };
    format!("{edtf}: {span} ({kind})")
}

#[cfg(test)]
#[path = "date_input_tests.rs"]
mod tests;
