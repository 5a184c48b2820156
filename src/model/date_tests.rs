//! Tests of EDTF parsing, printing, bounds and overlap: dates, date-times, unspecified
//! digits and intervals. The specification's own examples are in tests/edtf_spec.rs.
use super::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn month_precision_spans_the_whole_month() {
    let june: Edtf = "2021-06".parse().unwrap();
    assert_eq!(june.lower(), Some(d(2021, 6, 1)));
    assert_eq!(june.upper(), Some(d(2021, 6, 30)));
    assert_eq!(june.precision(), Precision::Month);
    assert_eq!(june.to_string(), "2021-06");
}

#[test]
fn leap_day_is_accepted_only_in_leap_years() {
    assert!("2024-02-29".parse::<Edtf>().is_ok());
    assert_eq!(
        "2021-02-29".parse::<Edtf>(),
        Err(DateError::Day("2021-02-29".into(), 29))
    );
}

#[test]
fn impossible_dates_are_refused_with_the_value() {
    let err = "2021-02-30".parse::<Edtf>().unwrap_err();
    assert!(err.to_string().contains("2021-02-30"), "{err}");
    let err = "2021-13".parse::<Edtf>().unwrap_err();
    assert!(err.to_string().contains("month 13"), "{err}");
    assert!("2021-13-01".parse::<Edtf>().is_err());
    // Errors from one end of an interval name the whole interval.
    let err = "Y170000002/2000".parse::<Edtf>().unwrap_err().to_string();
    assert!(err.starts_with("'Y170000002/2000'"), "{err}");
    let err = "2000/2022-09-12T09:30"
        .parse::<Edtf>()
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("'2000/2022-09-12T09:30'"), "{err}");
    assert!("21-06".parse::<Edtf>().is_err());
    assert!("June 2021".parse::<Edtf>().is_err());
    assert!("".parse::<Edtf>().is_err());
    assert!("2021-06-01-02".parse::<Edtf>().is_err());
}

#[test]
fn interval_ending_before_it_starts_is_refused() {
    let err = "2022-09/2021-09-09".parse::<Edtf>().unwrap_err();
    assert!(matches!(err, DateError::Reversed(_)));
    assert!("/".parse::<Edtf>().is_err());
    assert!("../..".parse::<Edtf>().is_err());
}

#[test]
fn interval_with_approximate_end() {
    let v: Edtf = "2021-09-09/2022-09~".parse().unwrap();
    assert_eq!(v.lower(), Some(d(2021, 9, 9)));
    assert_eq!(v.upper(), Some(d(2022, 9, 30)));
    assert_eq!(v.to_string(), "2021-09-09/2022-09~");
}

#[test]
fn open_and_unknown_ends() {
    let open: Edtf = "2021-06/..".parse().unwrap();
    assert_eq!(open.upper(), None);
    assert!(open.overlaps(Some(d(2030, 1, 1)), None));
    let unknown: Edtf = "/2021".parse().unwrap();
    assert_eq!(unknown.lower(), None);
    assert_eq!(unknown.to_string(), "/2021");
    assert_eq!(
        unknown.sortable_bounds(),
        ("0000-01-01".into(), "2021-12-31".into())
    );
}

#[test]
fn sortable_bounds_stay_in_four_digit_years_and_in_order() {
    // The winter of 9999 ends in February 10000, which chrono writes "+10000-02-29":
    // stored as such it would sort before every other day (found by scripts/fuzz).
    let last_winter: Edtf = "9999-24".parse().unwrap();
    assert_eq!(last_winter.upper(), Some(d(10000, 2, 29)));
    let (lower, upper) = last_winter.sortable_bounds();
    assert_eq!(
        (lower.as_str(), upper.as_str()),
        ("9999-12-01", "9999-12-31")
    );
    assert!(lower <= upper);
    // An offset can carry the last evening into year 10000 too.
    let last_evening: Edtf = "9999-12-31T23:00:00-05:00".parse().unwrap();
    assert_eq!(
        last_evening.sortable_time().as_deref(),
        Some("9999-12-31T23:59:59")
    );
}

#[test]
fn seasons_cover_three_months_and_winter_crosses_the_year() {
    let autumn: Edtf = "2021-23".parse().unwrap();
    assert_eq!(autumn.lower(), Some(d(2021, 9, 1)));
    assert_eq!(autumn.upper(), Some(d(2021, 11, 30)));
    let winter: Edtf = "2021-24".parse().unwrap();
    assert_eq!(winter.upper(), Some(d(2022, 2, 28)));
}

#[test]
fn qualifiers_print_back() {
    for text in ["2021?", "2021-06~", "2021-06-01%"] {
        assert_eq!(text.parse::<Edtf>().unwrap().to_string(), text);
    }
}

#[test]
fn overlap_with_filter_ranges() {
    let june: Edtf = "2021-06".parse().unwrap();
    assert!(june.overlaps(Some(d(2021, 6, 30)), Some(d(2021, 7, 31))));
    assert!(!june.overlaps(Some(d(2021, 7, 1)), None));
    assert!(!june.overlaps(None, Some(d(2021, 5, 31))));
    assert!(june.overlaps(None, None));
    let oct25: Edtf = "2021-10-25".parse().unwrap();
    assert!(oct25.overlaps(Some(d(2021, 10, 1)), Some(d(2021, 10, 31))));
    assert!(!june.overlaps(Some(d(2021, 10, 1)), Some(d(2021, 10, 31))));
}

#[test]
fn chronological_order_puts_coarser_dates_by_their_start() {
    let mut values: Vec<Edtf> = ["2022-07", "2021", "2021-10-25", "2021-06"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    values.sort();
    let printed: Vec<String> = values.iter().map(ToString::to_string).collect();
    assert_eq!(printed, ["2021", "2021-06", "2021-10-25", "2022-07"]);
}

#[test]
fn filter_bounds_cover_their_precision() {
    assert_eq!(
        parse_filter_bound("2021").unwrap(),
        (d(2021, 1, 1), d(2021, 12, 31))
    );
    assert_eq!(
        parse_filter_bound("2021-10").unwrap(),
        (d(2021, 10, 1), d(2021, 10, 31))
    );
    assert!(parse_filter_bound("2021-10~").is_err());
    assert!(parse_filter_bound("2021-02-30").is_err());
}

#[test]
fn serde_uses_the_edtf_string() {
    let date = EntryDate {
        edtf: Some("2021-06".parse().unwrap()),
        text: "June 2021".into(),
        cadence: None,
    };
    let json = serde_json::to_string(&date).unwrap();
    assert_eq!(
        json,
        r#"{"edtf":"2021-06","text":"June 2021","cadence":null}"#
    );
    assert_eq!(serde_json::from_str::<EntryDate>(&json).unwrap(), date);
    assert!(serde_json::from_str::<EntryDate>(
        r#"{"edtf":"2021-02-30","text":"x","cadence":null}"#
    )
    .is_err());
}

fn arb_offset() -> impl Strategy<Value = TimeOffset> {
    prop_oneof![
        Just(TimeOffset::Local),
        Just(TimeOffset::Utc),
        (-14i8..=14).prop_map(TimeOffset::Hours),
        (-840i16..=840).prop_map(TimeOffset::Minutes),
    ]
}

fn arb_date_time() -> impl Strategy<Value = EdtfDate> {
    (
        0i32..=9999,
        1u32..=12,
        1u32..=28,
        0u32..24,
        0u32..60,
        0u32..60,
        arb_offset(),
    )
        .prop_map(|(y, mo, day, h, mi, s, offset)| {
            let time = TimeOfDay::new(h, mi, s, offset).unwrap();
            EdtfDate::date_time(y, mo, day, time).unwrap()
        })
}

fn arb_date() -> impl Strategy<Value = EdtfDate> {
    let qualifier = prop_oneof![
        Just(Qualifier::Exact),
        Just(Qualifier::Uncertain),
        Just(Qualifier::Approximate),
        Just(Qualifier::UncertainApproximate)
    ];
    let body = prop_oneof![
        (1000i32..3000).prop_map(EdtfDate::year),
        (1000i32..3000, 1u32..=12).prop_map(|(y, m)| EdtfDate::month(y, m).unwrap()),
        (1000i32..3000, 21u32..=24).prop_map(|(y, s)| EdtfDate::season(y, s).unwrap()),
        (1000i32..3000, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| EdtfDate::day(y, m, d).unwrap()),
        (100i32..999, 1u32..=2).prop_map(|(y, n)| {
            let first = y * 10 / 10i32.pow(n) * 10i32.pow(n);
            EdtfDate::unspecified_year(first, n).unwrap()
        }),
        (1000i32..3000).prop_map(EdtfDate::unspecified_month),
        (1000i32..3000, 1u32..=12).prop_map(|(y, m)| EdtfDate::unspecified_day(y, m).unwrap()),
        (1000i32..3000).prop_map(EdtfDate::unspecified_month_and_day),
    ];
    (body, qualifier).prop_map(|(d, q)| d.with_qualifier(q))
}

fn arb_end() -> impl Strategy<Value = IntervalEnd> {
    prop_oneof![
        4 => arb_date().prop_map(IntervalEnd::Date),
        1 => Just(IntervalEnd::Open),
        1 => Just(IntervalEnd::Unknown),
    ]
}

proptest! {
    #[test]
    fn printing_then_parsing_gives_the_same_value(date in arb_date()) {
        let value = Edtf::Date(date);
        prop_assert_eq!(value.to_string().parse::<Edtf>().unwrap(), value);
    }

    #[test]
    fn intervals_round_trip_or_are_refused_for_a_reason(a in arb_end(), b in arb_end()) {
        match Edtf::interval(a, b) {
            Ok(value) => {
                prop_assert_eq!(value.to_string().parse::<Edtf>().unwrap(), value);
                if let (Some(l), Some(u)) = (value.lower(), value.upper()) {
                    prop_assert!(l <= u);
                }
            }
            Err(DateError::Reversed(_)) | Err(DateError::EmptyInterval(_)) => {}
            Err(other) => prop_assert!(false, "unexpected {other}"),
        }
    }

    #[test]
    fn date_times_print_then_parse_to_the_same_value(date in arb_date_time()) {
        let value = Edtf::Date(date);
        prop_assert_eq!(value.to_string().parse::<Edtf>().unwrap(), value);
        prop_assert_eq!(value.lower(), value.upper());
        prop_assert!(value.time_sort_key().is_some());
    }

    #[test]
    fn parsing_date_like_text_never_panics(text in "[0-9X:T+Z/.~?%-]{0,28}") {
        let _ = text.parse::<Edtf>();
    }

    #[test]
    fn parsing_never_panics(text in "\\PC{0,24}") {
        let _ = text.parse::<Edtf>();
    }
}
