//! Tests of reading the dates people type.
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
fn a_day_in_words_with_a_clock_is_a_date_time_in_local_time() {
    let reading = read_date_input("12 September 2022 9:30").unwrap();
    assert_eq!(reading.edtf, "2022-09-12T09:30:00");
    assert_eq!(reading.precision, Precision::Second);
    assert_eq!(reading.date.text, "12 September 2022 9:30");
    assert_eq!(
        reading.explanation,
        "2022-09-12T09:30:00: 12 September 2022, 09:30 (date and time)"
    );
}

#[test]
fn a_date_time_label_is_in_its_own_local_time() {
    let label = |text: &str| match text.parse::<Edtf>().unwrap() {
        Edtf::Date(d) => date_time_label(&d),
        Edtf::Interval(..) => None,
    };
    assert_eq!(
        label("2022-09-12T09:30:00-05:00").as_deref(),
        Some("12 September 2022, 09:30 (UTC\u{2212}05:00)")
    );
    assert_eq!(
        label("2022-09-12T23:30:00+05:30").as_deref(),
        Some("12 September 2022, 23:30 (UTC+05:30)")
    );
    assert_eq!(label("2022-09-12").as_deref(), None);
}

#[test]
fn an_iso_day_with_a_clock_and_offset_keeps_the_offset() {
    let reading = read_date_input("2022-09-12 09:30 -05:00").unwrap();
    assert_eq!(reading.edtf, "2022-09-12T09:30:00-05:00");
    assert_eq!(
        reading.explanation,
        "2022-09-12T09:30:00-05:00: 12 September 2022, 09:30 (UTC\u{2212}05:00) (date and time)"
    );
}

#[test]
fn date_times_typed_in_the_usual_ways() {
    for (typed, edtf) in [
        ("September 12, 2022 at 2:15 pm UTC", "2022-09-12T14:15:00Z"),
        ("12 Sep 2022 12:00am", "2022-09-12T00:00:00"),
        ("12 Sep 2022 12:05 p.m.", "2022-09-12T12:05:00"),
        ("12 de septiembre de 2022 a las 9:30", "2022-09-12T09:30:00"),
        ("2022-09-12 09:30:15Z", "2022-09-12T09:30:15Z"),
        ("2022-09-12 09:30 UTC+5:30", "2022-09-12T09:30:00+05:30"),
        ("2022-09-12 09:30 GMT-5", "2022-09-12T09:30:00-05"),
        ("2022-09-12 09:30 +0530", "2022-09-12T09:30:00+05:30"),
        (
            "2022-09-12 09:30 \u{2212}04:00",
            "2022-09-12T09:30:00-04:00",
        ),
        ("2022-09-12T09:30", "2022-09-12T09:30:00"),
        ("2022-09-12T09:30-05:00", "2022-09-12T09:30:00-05:00"),
        ("2022-09-12t09:30:00z", "2022-09-12T09:30:00Z"),
        ("2022-09-12T09:30:00+05:30", "2022-09-12T09:30:00+05:30"),
    ] {
        let reading =
            read_date_input(typed).unwrap_or_else(|e| panic!("{typed:?} should be read: {e}"));
        assert_eq!(reading.edtf, edtf, "{typed:?}");
        assert_eq!(reading.precision, Precision::Second, "{typed:?}");
    }
}

#[test]
fn unspecified_digits_read_as_edtf() {
    let reading = read_date_input("201x").unwrap();
    assert_eq!(reading.edtf, "201X");
    assert_eq!(
        reading.explanation,
        "201X: 1 January 2010 – 31 December 2019 (year)"
    );
    assert_eq!(read_date_input("1985-04-XX").unwrap().edtf, "1985-04-XX");
    assert_eq!(read_date_input("September 2022").unwrap().edtf, "2022-09");
}

#[test]
fn a_time_without_a_single_day_is_refused_with_the_reason() {
    for typed in [
        "September 2022 9:30",
        "9:30",
        "2022 09:30",
        "2022-09-XX 09:30",
    ] {
        let err = read_date_input(typed).unwrap_err();
        assert!(
            matches!(err, DateInputError::TimeWithoutDay(ref t) if t == typed),
            "{typed:?}: {err}"
        );
    }
}

#[test]
fn impossible_or_unreadable_times_are_refused() {
    let err = read_date_input("12 September 2022 25:00")
        .unwrap_err()
        .to_string();
    assert!(err.contains("hour 25"), "{err}");
    let err = read_date_input("2022-09-12 09:30 +15:00")
        .unwrap_err()
        .to_string();
    assert!(err.contains("14 hours"), "{err}");
    let err = read_date_input("2022-09-12T25:00:00")
        .unwrap_err()
        .to_string();
    assert!(err.contains("'2022-09-12T25:00:00': hour 25"), "{err}");
    let err = read_date_input("2022-09-12T09:30:00?")
        .unwrap_err()
        .to_string();
    assert!(err.contains("qualifier"), "{err}");
    for typed in [
        "12 September 2022 13:00 pm",
        "12 September 2022 9:30 EST",
        "12 September 2022 9:30:00:00",
        "12 September 2022 930:00",
        "2022-09-12 09:30 +5:3",
    ] {
        let err = read_date_input(typed).unwrap_err();
        assert!(
            matches!(err, DateInputError::Unreadable(ref t) if t == typed),
            "{typed:?}: {err}"
        );
    }
}

#[test]
fn words_that_are_not_dates_are_refused() {
    for text in ["", "soon", "Junk 2021", "June", "June 21"] {
        assert!(read_date_input(text).is_err(), "{text:?} should be refused");
    }
}
