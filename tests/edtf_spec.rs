//! Every level-0 and level-1 example of the Extended Date/Time Format (EDTF)
//! Specification (Library of Congress, 4 February 2019), in the order the specification
//! gives them, with what the record makes of each: canonical text, precision and day
//! bounds, or the refusal we chose and why.
//!
//! The table uses only `Edtf`'s parse, print, bounds and precision (compared by its
//! serde name), so this file also compiles against older versions of the model and
//! `cargo test --test edtf_spec -- --nocapture` prints how many examples a version
//! handles as the specification says.

use briefbook::model::Edtf;

/// What the record should make of an example.
enum Expect {
    /// Parsed as the specification says: canonical text, precision (serde name) and
    /// inclusive day bounds (`None` for an open or unknown end).
    Value {
        canonical: &'static str,
        precision: &'static str,
        lower: Option<&'static str>,
        upper: Option<&'static str>,
    },
    /// Valid EDTF the record refuses on purpose; the message must contain these words.
    Refused(&'static str),
}

struct Example {
    level: u8,
    feature: &'static str,
    text: &'static str,
    expect: Expect,
}

const fn value(
    level: u8,
    feature: &'static str,
    text: &'static str,
    precision: &'static str,
    lower: Option<&'static str>,
    upper: Option<&'static str>,
) -> Example {
    Example {
        level,
        feature,
        text,
        expect: Expect::Value {
            canonical: text,
            precision,
            lower,
            upper,
        },
    }
}

const fn refused(
    level: u8,
    feature: &'static str,
    text: &'static str,
    why: &'static str,
) -> Example {
    Example {
        level,
        feature,
        text,
        expect: Expect::Refused(why),
    }
}

const DATE: &str = "date";
const DATE_TIME: &str = "date and time";
const INTERVAL: &str = "time interval";
const Y_YEAR: &str = "letter-prefixed calendar year";
const SEASON: &str = "seasons";
const QUALIFIED: &str = "qualification of a date (complete)";
const UNSPECIFIED: &str = "unspecified digit(s) from the right";
const EXTENDED: &str = "extended interval (L1)";
const NEGATIVE: &str = "negative calendar year";

#[rustfmt::skip]
const EXAMPLES: [Example; 37] = [
    // Level 0: date.
    value(0, DATE, "1985-04-12", "day", Some("1985-04-12"), Some("1985-04-12")),
    value(0, DATE, "1985-04", "month", Some("1985-04-01"), Some("1985-04-30")),
    value(0, DATE, "1985", "year", Some("1985-01-01"), Some("1985-12-31")),
    // Level 0: date and time (bounds are the day as written, in the value's own offset).
    value(0, DATE_TIME, "1985-04-12T23:20:30", "second", Some("1985-04-12"), Some("1985-04-12")),
    value(0, DATE_TIME, "1985-04-12T23:20:30Z", "second", Some("1985-04-12"), Some("1985-04-12")),
    value(0, DATE_TIME, "1985-04-12T23:20:30-04", "second", Some("1985-04-12"), Some("1985-04-12")),
    value(0, DATE_TIME, "1985-04-12T23:20:30+04:30", "second", Some("1985-04-12"), Some("1985-04-12")),
    // Level 0: time interval (precision is the start's).
    value(0, INTERVAL, "1964/2008", "year", Some("1964-01-01"), Some("2008-12-31")),
    value(0, INTERVAL, "2004-06/2006-08", "month", Some("2004-06-01"), Some("2006-08-31")),
    value(0, INTERVAL, "2004-02-01/2005-02-08", "day", Some("2004-02-01"), Some("2005-02-08")),
    value(0, INTERVAL, "2004-02-01/2005-02", "day", Some("2004-02-01"), Some("2005-02-28")),
    value(0, INTERVAL, "2004-02-01/2005", "day", Some("2004-02-01"), Some("2005-12-31")),
    value(0, INTERVAL, "2005/2006-02", "year", Some("2005-01-01"), Some("2006-02-28")),
    // Level 1: letter-prefixed calendar year. Refused: bounds are days from 0000 to 9999.
    refused(1, Y_YEAR, "Y170000002", "more than four digits"),
    refused(1, Y_YEAR, "Y-170000002", "more than four digits"),
    // Level 1: seasons.
    value(1, SEASON, "2001-21", "season", Some("2001-03-01"), Some("2001-05-31")),
    // Level 1: qualification of a date (complete).
    value(1, QUALIFIED, "1984?", "year", Some("1984-01-01"), Some("1984-12-31")),
    value(1, QUALIFIED, "2004-06~", "month", Some("2004-06-01"), Some("2004-06-30")),
    value(1, QUALIFIED, "2004-06-11%", "day", Some("2004-06-11"), Some("2004-06-11")),
    // Level 1: unspecified digit(s) from the right.
    value(1, UNSPECIFIED, "201X", "year", Some("2010-01-01"), Some("2019-12-31")),
    value(1, UNSPECIFIED, "20XX", "year", Some("2000-01-01"), Some("2099-12-31")),
    value(1, UNSPECIFIED, "2004-XX", "month", Some("2004-01-01"), Some("2004-12-31")),
    value(1, UNSPECIFIED, "1985-04-XX", "day", Some("1985-04-01"), Some("1985-04-30")),
    value(1, UNSPECIFIED, "1985-XX-XX", "day", Some("1985-01-01"), Some("1985-12-31")),
    // Level 1: extended interval, open ends.
    value(1, EXTENDED, "1985-04-12/..", "day", Some("1985-04-12"), None),
    value(1, EXTENDED, "1985-04/..", "month", Some("1985-04-01"), None),
    value(1, EXTENDED, "1985/..", "year", Some("1985-01-01"), None),
    value(1, EXTENDED, "../1985-04-12", "day", None, Some("1985-04-12")),
    value(1, EXTENDED, "../1985-04", "month", None, Some("1985-04-30")),
    value(1, EXTENDED, "../1985", "year", None, Some("1985-12-31")),
    // Level 1: extended interval, unknown ends.
    value(1, EXTENDED, "1985-04-12/", "day", Some("1985-04-12"), None),
    value(1, EXTENDED, "1985-04/", "month", Some("1985-04-01"), None),
    value(1, EXTENDED, "1985/", "year", Some("1985-01-01"), None),
    value(1, EXTENDED, "/1985-04-12", "day", None, Some("1985-04-12")),
    value(1, EXTENDED, "/1985-04", "month", None, Some("1985-04-30")),
    value(1, EXTENDED, "/1985", "year", None, Some("1985-12-31")),
    // Level 1: negative calendar year. Refused: the store compares bounds as text.
    refused(1, NEGATIVE, "-1985", "before 0000"),
];

/// Whether the example parses to exactly what the specification says.
fn handled_as_spec_says(example: &Example) -> Result<(), String> {
    let Expect::Value {
        canonical,
        precision,
        lower,
        upper,
    } = example.expect
    else {
        return Err("refused on purpose".into());
    };
    let value: Edtf = example.text.parse().map_err(|e| format!("refused: {e}"))?;
    let got_precision = serde_json::to_value(value.precision()).map_err(|e| e.to_string())?;
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let got = (
        value.to_string(),
        got_precision.as_str().unwrap_or_default().to_string(),
        day(value.lower()),
        day(value.upper()),
    );
    let want = (
        canonical.to_string(),
        precision.to_string(),
        lower.map(String::from),
        upper.map(String::from),
    );
    if got == want {
        Ok(())
    } else {
        Err(format!("got {got:?}, want {want:?}"))
    }
}

#[test]
fn every_example_is_read_as_the_table_says() {
    let mut wrong = Vec::new();
    for example in &EXAMPLES {
        let outcome = match &example.expect {
            Expect::Value { .. } => handled_as_spec_says(example),
            Expect::Refused(why) => match example.text.parse::<Edtf>() {
                Ok(v) => Err(format!("accepted as {v}, expected a refusal")),
                Err(e) if e.to_string().contains(example.text) && e.to_string().contains(why) => {
                    Ok(())
                }
                Err(e) => Err(format!(
                    "refused with '{e}', expected the value and '{why}'"
                )),
            },
        };
        if let Err(why) = outcome {
            wrong.push(format!(
                "level {} {} '{}': {why}",
                example.level, example.feature, example.text
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn count_of_examples_handled_as_the_specification_says() {
    let handled = EXAMPLES
        .iter()
        .filter(|e| handled_as_spec_says(e).is_ok())
        .count();
    for level in [0, 1] {
        let of_level: Vec<&Example> = EXAMPLES.iter().filter(|e| e.level == level).collect();
        let ok = of_level
            .iter()
            .filter(|e| handled_as_spec_says(e).is_ok())
            .count();
        println!("level {level}: {ok} of {} examples", of_level.len());
    }
    println!(
        "EDTF specification examples handled as the specification says: {handled} of {}",
        EXAMPLES.len()
    );
    // All but the two Y years and the negative year, refused on purpose (see the table).
    assert_eq!(handled, EXAMPLES.len() - 3);
}

#[test]
fn canonical_text_round_trips_for_every_accepted_example() {
    for example in &EXAMPLES {
        if let Ok(value) = example.text.parse::<Edtf>() {
            let printed = value.to_string();
            assert_eq!(printed, example.text);
            assert_eq!(printed.parse::<Edtf>().ok(), Some(value), "{printed}");
            let json = serde_json::to_string(&value).expect("a string");
            assert_eq!(json, format!("\"{}\"", example.text));
        }
    }
}
