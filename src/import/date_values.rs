//! Date values from matched phrases: month names, EDTF values at the precision the
//! phrase states, and relative phrases resolved against the document date.

use super::dates::DateContext;
use crate::model::{Cadence, Edtf, EdtfDate, EntryDate, IntervalEnd, Lang, Qualifier};
use regex::Captures;

/// Which kind of phrase a date pattern matches.
#[derive(Clone, Copy)]
pub(super) enum Rule {
    Day,
    DayMonthYear,
    Month,
    Season,
    Numeric,
    Iso,
    YearRange,
    PrepYear,
    ComingYear,
    RelativeYear,
    RelativeMonth,
    LaterThisYear,
    Today,
    ThisWeek,
    Vague,
    Cadence,
    MonthDay,
}

fn number(caps: &Captures, name: &str) -> Option<u32> {
    caps.name(name)?.as_str().parse().ok()
}

/// Month number from an English or Spanish name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let folded = super::normalize::fold(name.trim_end_matches('.'));
    let n = match folded.get(..3)? {
        "jan" | "ene" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" | "abr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" | "ago" => 8,
        "sep" | "set" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" | "dic" => 12,
        _ => return None,
    };
    Some(n)
}

fn exact(date: EdtfDate, text: &str) -> EntryDate {
    EntryDate::exact(Edtf::Date(date), text)
}

fn undated(text: &str) -> EntryDate {
    EntryDate {
        edtf: None,
        text: text.to_string(),
        cadence: None,
    }
}

/// Turns a match into a date; `phrase` is the match without boundary characters and
/// `start` its offset.
pub(super) fn resolve(
    rule: Rule,
    caps: &Captures,
    phrase: &str,
    start: usize,
    ctx: &DateContext,
) -> Option<(usize, EntryDate)> {
    let year = || number(caps, "y").map(|y| y as i32);
    let doc = ctx.document;
    let date = match rule {
        Rule::Day | Rule::DayMonthYear => {
            let month = month_number(caps.name("m")?.as_str())?;
            exact(
                EdtfDate::day(year()?, month, number(caps, "d")?).ok()?,
                phrase,
            )
        }
        Rule::Month => {
            let month = month_number(caps.name("m")?.as_str())?;
            exact(EdtfDate::month(year()?, month).ok()?, phrase)
        }
        Rule::Season => {
            let code = match super::normalize::fold(caps.name("s")?.as_str()).as_str() {
                "spring" | "primavera" => 21,
                "summer" | "verano" => 22,
                "fall" | "autumn" | "otono" => 23,
                _ => 24,
            };
            exact(EdtfDate::season(year()?, code).ok()?, phrase)
        }
        Rule::Numeric => {
            let (a, b) = (number(caps, "a")?, number(caps, "b")?);
            // U.S. order (month/day) unless the document is Spanish (day/month).
            let (month, day) = if ctx.lang == Lang::Es { (b, a) } else { (a, b) };
            exact(EdtfDate::day(year()?, month, day).ok()?, phrase)
        }
        Rule::Iso => exact(
            EdtfDate::day(year()?, number(caps, "m")?, number(caps, "d")?).ok()?,
            phrase,
        ),
        Rule::YearRange => {
            let (from, to) = (number(caps, "y1")? as i32, number(caps, "y2")? as i32);
            let edtf = Edtf::interval(
                IntervalEnd::Date(EdtfDate::year(from)),
                IntervalEnd::Date(EdtfDate::year(to)),
            )
            .ok()?;
            EntryDate::exact(edtf, phrase)
        }
        Rule::PrepYear => return prep_year(caps, phrase, start),
        Rule::ComingYear => match doc {
            Some(d) => EntryDate::exact(coming_year(d)?, phrase),
            None => undated(phrase),
        },
        Rule::RelativeYear => match doc {
            Some(d) => {
                let offset = relative_offset(caps)?;
                exact(EdtfDate::year(d.year_value() + offset), phrase)
            }
            None => undated(phrase),
        },
        Rule::RelativeMonth => match (doc, doc.and_then(|d| d.month_value())) {
            (Some(d), Some(m)) => {
                let index = d.year_value() * 12 + m as i32 - 1 + relative_offset(caps)?;
                exact(
                    EdtfDate::month(index.div_euclid(12), index.rem_euclid(12) as u32 + 1).ok()?,
                    phrase,
                )
            }
            _ => undated(phrase),
        },
        Rule::LaterThisYear => match doc {
            Some(d) => EntryDate::exact(
                Edtf::interval(
                    IntervalEnd::Date(d),
                    IntervalEnd::Date(EdtfDate::year(d.year_value())),
                )
                .ok()?,
                phrase,
            ),
            None => undated(phrase),
        },
        // "Today" is the dateline's day, and only when the dateline gives a day.
        Rule::Today => match doc.filter(|d| d.day_value().is_some()) {
            Some(d) => exact(d, phrase),
            None => undated(phrase),
        },
        Rule::ThisWeek => match doc.filter(|d| d.day_value().is_some()) {
            Some(d) => EntryDate::exact(week_of(d)?, phrase),
            None => undated(phrase),
        },
        Rule::Vague => undated(phrase),
        Rule::Cadence => EntryDate {
            edtf: None,
            text: phrase.to_string(),
            cadence: Some(cadence(caps.name("c")?.as_str())?),
        },
        Rule::MonthDay => {
            month_number(caps.name("m")?.as_str())?;
            undated(phrase)
        }
    };
    Some((start, date))
}

/// "in 2022" -> 2022; "since 2021" -> from 2021 on; "by 2025" -> up to 2025.
fn prep_year(caps: &Captures, phrase: &str, start: usize) -> Option<(usize, EntryDate)> {
    let y = caps.name("y")?;
    let year = EdtfDate::year(y.as_str().parse().ok()?);
    let prep = super::normalize::fold(caps.name("p")?.as_str());
    let open_start = || Edtf::interval(IntervalEnd::Date(year), IntervalEnd::Open);
    let open_end = || Edtf::interval(IntervalEnd::Open, IntervalEnd::Date(year));
    let (edtf, from) = match prep.split_whitespace().next()? {
        "since" | "desde" | "a" | "from" => (open_start().ok()?, start),
        "by" | "until" | "hasta" | "para" | "before" | "antes" => (open_end().ok()?, start),
        "in" | "en" | "during" | "durante" | "through" => (Edtf::Date(year), y.start()),
        _ => (Edtf::Date(year), start),
    };
    let text = phrase.get(from - start..)?;
    Some((from, EntryDate::exact(edtf, text)))
}

/// From the document date to about a year later, stated at month precision so that
/// no day is invented: 2021-12-13 -> `2021-12-13/2022-12~`.
fn coming_year(doc: EdtfDate) -> Option<Edtf> {
    let next = doc.year_value() + 1;
    let end = match doc.month_value() {
        Some(m) => EdtfDate::month(next, m).ok()?,
        None => EdtfDate::year(next),
    };
    Edtf::interval(
        IntervalEnd::Date(doc),
        IntervalEnd::Date(end.with_qualifier(Qualifier::Approximate)),
    )
    .ok()
}

/// The Monday-to-Sunday week holding a day: 2022-07-29 -> `2022-07-25/2022-07-31`.
fn week_of(day: EdtfDate) -> Option<Edtf> {
    use chrono::Datelike;
    let date = day.lower();
    let monday = date - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()));
    let sunday = monday + chrono::Duration::days(6);
    Edtf::interval(
        IntervalEnd::Date(EdtfDate::from_naive(monday)),
        IntervalEnd::Date(EdtfDate::from_naive(sunday)),
    )
    .ok()
}

fn relative_offset(caps: &Captures) -> Option<i32> {
    let word = caps
        .name("w")
        .or(caps.name("x"))
        .or(caps.name("z"))?
        .as_str();
    Some(match super::normalize::fold(word).as_str() {
        "next" | "proximo" | "entrante" => 1,
        "last" | "pasado" => -1,
        _ => 0,
    })
}

fn cadence(phrase: &str) -> Option<Cadence> {
    let folded = super::normalize::fold(phrase);
    let has = |words: &[&str]| words.iter().any(|w| folded.contains(w));
    if has(&["week", "seman"]) {
        Some(Cadence::Weekly)
    } else if has(&["quarter", "trimest"]) {
        Some(Cadence::Quarterly)
    } else if has(&["month", "mes", "mensual"]) {
        Some(Cadence::Monthly)
    } else if has(&["year", "annual", "ano", "anual"]) {
        Some(Cadence::Annual)
    } else {
        None
    }
}
