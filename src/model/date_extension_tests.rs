//! Tests of the level-0 date-times and the level-1 unspecified digits: printing,
//! bounds, ordering and what is refused. The specification's own examples are in
//! tests/edtf_spec.rs.
use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn parse(text: &str) -> Edtf {
    text.parse()
        .unwrap_or_else(|e| panic!("{text} should parse: {e}"))
}

#[test]
fn date_time_keeps_its_time_and_offset_and_its_bounds_are_the_day() {
    let meeting = parse("2022-09-12T09:30:00-05:00");
    assert_eq!(meeting.to_string(), "2022-09-12T09:30:00-05:00");
    assert_eq!(meeting.precision(), Precision::Second);
    assert_eq!(meeting.lower(), Some(d(2022, 9, 12)));
    assert_eq!(meeting.upper(), Some(d(2022, 9, 12)));
    let time = meeting.time().unwrap();
    assert_eq!((time.hour(), time.minute(), time.second()), (9, 30, 0));
    assert_eq!(time.offset(), TimeOffset::Minutes(-300));
    assert_eq!(time.label(), "09:30 (UTC\u{2212}05:00)");
    assert_eq!(
        meeting.sortable_time().as_deref(),
        Some("2022-09-12T14:30:00")
    );
    let Edtf::Date(date) = meeting else {
        panic!("a date")
    };
    assert_eq!(
        date.to_fixed_offset().unwrap().to_rfc3339(),
        "2022-09-12T09:30:00-05:00"
    );
    assert_eq!(date.day_value(), Some(12));
}

#[test]
fn date_time_forms_print_back_byte_for_byte() {
    for text in [
        "2022-09-12T09:30:00",
        "2022-09-12T09:30:00Z",
        "2022-09-12T09:30:00-05:00",
        "2022-09-12T09:30:00+05:30",
        "2022-09-12T09:30:00-04",
        "2022-09-12T09:30:00+00",
        "2022-09-12T09:30:00+00:00",
        "2022-09-12T00:00:00+14:00",
        "2022-09-12T23:59:59-12:00",
    ] {
        assert_eq!(parse(text).to_string(), text);
    }
    assert_eq!(
        parse("2022-09-12T09:30:00+05:30").time().unwrap().label(),
        "09:30 (UTC+05:30)"
    );
    assert_eq!(
        parse("2022-09-12T09:30:15Z").time().unwrap().label(),
        "09:30:15 (UTC)"
    );
    assert_eq!(
        parse("2022-09-12T09:30:00").time().unwrap().label(),
        "09:30"
    );
}

#[test]
fn date_times_that_are_wrong_are_refused_with_the_value_and_the_reason() {
    for (text, why) in [
        ("2022-09-12T09:30", "seconds"),
        ("2022-09-12T09:30Z", "seconds"),
        ("2022-09-12T24:00:00", "hour 24"),
        ("2022-09-12T09:60:00", "minute 60"),
        ("2022-09-12T09:30:60", "second 60"),
        ("2022-09-12T09:30:00+15:00", "14 hours"),
        ("2022-09-12T09:30:00+05:60", "59 minutes"),
        ("2022-09-12T09:30:00-00:00", "+00:00"),
        ("2022-09-12T09:30:00-00", "+00:00"),
        ("2022-09-12T09:30:00.5", "fractions"),
        ("2022-09T09:30:00", "complete day"),
        ("2022-09-XXT09:30:00", "complete day"),
        ("2022-09-12T09:30:00?", "qualifier"),
        ("2022-02-30T09:30:00", "day 30"),
        ("2022-09-12T09:30:00-05:00/2022-09-13", "interval"),
        ("2022-09-12/2022-09-13T10:00:00", "interval"),
    ] {
        let err = text.parse::<Edtf>().unwrap_err().to_string();
        assert!(err.contains(text) && err.contains(why), "{text}: {err}");
    }
    for text in [
        "2022-09-12T",
        "2022-09-12T9:30:00",
        "2022-09-12T09:30:00+0530",
        "2022-09-12T09:30:00+5",
        "2022-09-12T09:30:00 Z",
        "2022-09-12T09:30:00EST",
        "2022-09-12T09:30:00T",
    ] {
        assert!(
            matches!(text.parse::<Edtf>(), Err(DateError::Syntax(ref t)) if t == text),
            "{text} should be a syntax error"
        );
    }
}

#[test]
fn date_times_sort_within_their_day_by_instant_after_the_whole_day() {
    let mut values: Vec<Edtf> = [
        "2022-09-12T10:00:00Z",
        "2022-09-13",
        "2022-09-12T09:30:00-05:00",
        "2022-09-12",
        "2022-09-12T08:00:00",
    ]
    .iter()
    .map(|s| parse(s))
    .collect();
    values.sort();
    let printed: Vec<String> = values.iter().map(ToString::to_string).collect();
    assert_eq!(
        printed,
        [
            "2022-09-12",
            "2022-09-12T08:00:00",
            "2022-09-12T10:00:00Z",
            "2022-09-12T09:30:00-05:00",
            "2022-09-13"
        ]
    );
    assert_eq!(parse("2022-09-12").sortable_time(), None);
}

#[test]
fn a_late_evening_date_time_stays_on_its_own_day_for_filters() {
    // 23:30 in New York is the next day in UTC; the record files it under the day written.
    let evening = parse("2022-09-12T23:30:00-05:00");
    assert!(evening.overlaps(Some(d(2022, 9, 12)), Some(d(2022, 9, 12))));
    assert!(!evening.overlaps(Some(d(2022, 9, 13)), None));
    assert_eq!(
        evening.sortable_bounds(),
        ("2022-09-12".into(), "2022-09-12".into())
    );
}

#[test]
fn unspecified_digits_widen_the_bounds_to_what_they_may_mean() {
    for (text, precision, lower, upper) in [
        ("201X", Precision::Year, d(2010, 1, 1), d(2019, 12, 31)),
        ("20XX", Precision::Year, d(2000, 1, 1), d(2099, 12, 31)),
        ("199X", Precision::Year, d(1990, 1, 1), d(1999, 12, 31)),
        ("2004-XX", Precision::Month, d(2004, 1, 1), d(2004, 12, 31)),
        ("1985-04-XX", Precision::Day, d(1985, 4, 1), d(1985, 4, 30)),
        ("2024-02-XX", Precision::Day, d(2024, 2, 1), d(2024, 2, 29)),
        ("1985-XX-XX", Precision::Day, d(1985, 1, 1), d(1985, 12, 31)),
        ("2004-XX~", Precision::Month, d(2004, 1, 1), d(2004, 12, 31)),
    ] {
        let value = parse(text);
        assert_eq!(value.to_string(), text);
        assert_eq!(value.precision(), precision, "{text}");
        assert_eq!(
            (value.lower(), value.upper()),
            (Some(lower), Some(upper)),
            "{text}"
        );
        let Edtf::Date(date) = value else {
            panic!("a date")
        };
        assert!(date.has_unspecified_digits(), "{text}");
        assert_eq!(date.day_value(), None, "{text}");
    }
    let april = match parse("1985-04-XX") {
        Edtf::Date(date) => date,
        other => panic!("{other}"),
    };
    assert_eq!((april.year_value(), april.month_value()), (1985, Some(4)));
    assert_eq!(
        EdtfDate::unspecified_year(2010, 1).unwrap().to_string(),
        "201X"
    );
    assert_eq!(
        EdtfDate::unspecified_month_and_day(1985).to_string(),
        "1985-XX-XX"
    );
    assert!(EdtfDate::unspecified_year(2015, 1).is_err());
    assert!(EdtfDate::unspecified_year(2000, 3).is_err());
}

#[test]
fn unspecified_digits_beyond_level_1_are_refused_with_the_reason() {
    for (text, why) in [
        ("2XXX", "one or two digits"),
        ("XXXX", "one or two digits"),
        ("201X-05", "level 2"),
        ("20XX-XX", "level 2"),
        ("1985-XX-12", "level 2"),
        ("Y170000002", "more than four digits"),
        ("-1985", "before 0000"),
    ] {
        let err = text.parse::<Edtf>().unwrap_err().to_string();
        assert!(err.contains(text) && err.contains(why), "{text}: {err}");
    }
    assert_eq!(
        "1985-13-XX".parse::<Edtf>(),
        Err(DateError::Month("1985-13-XX".into(), 13))
    );
    for text in ["201x", "2X1X", "20X5", "2004-X", "2004-0X", "1985-04-X1"] {
        assert!(
            matches!(text.parse::<Edtf>(), Err(DateError::Syntax(_))),
            "{text} should be a syntax error"
        );
    }
}

#[test]
fn intervals_take_unspecified_digits_at_either_end() {
    let v = parse("2004-XX/2006-XX");
    assert_eq!(
        (v.lower(), v.upper()),
        (Some(d(2004, 1, 1)), Some(d(2006, 12, 31)))
    );
    assert_eq!(v.to_string(), "2004-XX/2006-XX");
    let v = parse("201X/..");
    assert_eq!((v.lower(), v.upper()), (Some(d(2010, 1, 1)), None));
    let v = parse("/1985-04-XX");
    assert_eq!(v.upper(), Some(d(1985, 4, 30)));
    assert_eq!(parse("2015/201X").upper(), Some(d(2019, 12, 31)));
    assert!(matches!(
        "2020/201X".parse::<Edtf>(),
        Err(DateError::Reversed(_))
    ));
}

#[test]
fn filter_bounds_refuse_the_new_forms() {
    for text in [
        "201X",
        "2004-XX",
        "1985-04-XX",
        "2022-09-12T09:30:00",
        "2021-21",
        "2021~",
        "2021/2022",
        "June",
    ] {
        assert_eq!(
            parse_filter_bound(text),
            Err(DateError::FilterBound(text.into())),
            "{text}"
        );
    }
    assert_eq!(
        parse_filter_bound("2021-02-30"),
        Err(DateError::Day("2021-02-30".into(), 30))
    );
    assert_eq!(
        parse_filter_bound("2021-10-25").unwrap(),
        (d(2021, 10, 25), d(2021, 10, 25))
    );
}

#[test]
fn a_date_time_takes_no_qualifier() {
    let time = TimeOfDay::new(9, 30, 0, TimeOffset::Utc).unwrap();
    let date = EdtfDate::date_time(2022, 9, 12, time)
        .unwrap()
        .with_qualifier(Qualifier::Approximate);
    assert_eq!(date.qualifier(), Qualifier::Exact);
    assert_eq!(date.to_string(), "2022-09-12T09:30:00Z");
    assert!(TimeOfDay::new(24, 0, 0, TimeOffset::Local).is_err());
    assert!(TimeOfDay::new(9, 0, 0, TimeOffset::Hours(15)).is_err());
    assert!(EdtfDate::date_time(2021, 2, 29, time).is_err());
}
