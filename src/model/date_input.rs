//! Reads a date a person types into a form ("June 2021", "2021-06", "25 October 2021",
//! "October 25, 2021", "junio de 2021", "2021-09-09/2022-09") and says how it was read.
//!
//! The result keeps the typed words verbatim as the entry's date phrase and is never more
//! precise than what was typed: "June 2021" becomes `2021-06`, never a single day.

use super::date::{DateError, Edtf, EdtfDate, EntryDate, Precision};
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
        "'{0}' is not a date: type e.g. 2021-06, June 2021, 25 October 2021 or 2021-09-09/2022-09"
    )]
    Unreadable(String),
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
    let edtf = if starts_like_edtf(text) {
        text.parse::<Edtf>()?
    } else {
        Edtf::Date(read_words(text)?)
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
            .all(|c| c.is_ascii_digit() || "-/.?~%".contains(c))
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

fn explain(edtf: &Edtf) -> String {
    let span = match (edtf.lower(), edtf.upper()) {
        (Some(lo), Some(hi)) if lo == hi => human(&lo),
        (Some(lo), Some(hi)) => format!("{} – {}", human(&lo), human(&hi)),
        (Some(lo), None) => format!("from {}, end open", human(&lo)),
        (None, Some(hi)) => format!("until {}", human(&hi)),
        (None, None) => "no bounds".into(),
    };
    let unit = match edtf.precision() {
        Precision::Year => "year",
        Precision::Season => "season",
        Precision::Month => "month",
        Precision::Day => "day",
    };
    let kind = if matches!(edtf, Edtf::Interval(..)) {
        "interval"
    } else {
        unit
    };
    format!("{edtf}: {span} ({kind})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_and_year_in_words_is_a_month_not_a_day() {
        let reading = read_date_input("June 2021").unwrap();
        assert_eq!(reading.edtf, "2021-06");
        assert_eq!(reading.precision, Precision::Month);
        assert_eq!(reading.date.text, "June 2021");
        assert_eq!(
            reading.explanation,
            "2021-06: 1 June 2021 – 30 June 2021 (month)"
        );
    }

    #[test]
    fn edtf_month_reads_the_same_as_words() {
        assert_eq!(read_date_input("2021-06").unwrap().edtf, "2021-06");
        assert_eq!(read_date_input("Jun. 2021").unwrap().edtf, "2021-06");
        assert_eq!(read_date_input("junio de 2021").unwrap().edtf, "2021-06");
    }

    #[test]
    fn day_month_year_in_either_order() {
        assert_eq!(
            read_date_input("25 October 2021").unwrap().edtf,
            "2021-10-25"
        );
        assert_eq!(
            read_date_input("October 25, 2021").unwrap().edtf,
            "2021-10-25"
        );
        assert_eq!(
            read_date_input("25 de octubre de 2021").unwrap().edtf,
            "2021-10-25"
        );
    }

    #[test]
    fn intervals_pass_through() {
        let reading = read_date_input("2021-09-09/2022-09").unwrap();
        assert_eq!(reading.edtf, "2021-09-09/2022-09");
        assert!(
            reading.explanation.contains("interval"),
            "{}",
            reading.explanation
        );
    }

    #[test]
    fn impossible_dates_are_refused_with_the_typed_text() {
        let err = read_date_input("2021-02-30").unwrap_err().to_string();
        assert!(err.contains("2021-02-30"), "{err}");
        let err = read_date_input("31 June 2021").unwrap_err().to_string();
        assert!(err.contains("31"), "{err}");
        let err = read_date_input("2021-13").unwrap_err().to_string();
        assert!(err.contains("13"), "{err}");
    }

    #[test]
    fn words_that_are_not_dates_are_refused() {
        for text in ["", "soon", "Junk 2021", "June", "June 21"] {
            assert!(read_date_input(text).is_err(), "{text:?} should be refused");
        }
    }
}
