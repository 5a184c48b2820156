use super::*;

fn doc() -> DateContext {
    DateContext {
        document: Some(EdtfDate::day(2021, 12, 13).unwrap()),
        lang: Lang::En,
    }
}

/// (edtf or "-", phrase, cadence or "-") for each mention.
fn found(text: &str, ctx: &DateContext) -> Vec<(String, String, String)> {
    find_dates(text, ctx)
        .into_iter()
        .map(|m| {
            (
                m.date
                    .edtf
                    .map(|e| e.to_string())
                    .unwrap_or_else(|| "-".into()),
                m.date.text,
                m.date
                    .cadence
                    .map(|c| c.as_str().to_string())
                    .unwrap_or_else(|| "-".into()),
            )
        })
        .collect()
}

fn one(text: &str) -> (String, String) {
    let got = found(text, &doc());
    assert_eq!(got.len(), 1, "{text}: {got:?}");
    (got[0].0.clone(), got[0].1.clone())
}

#[test]
fn full_dates_keep_their_weekday_phrase() {
    assert_eq!(
        one("Monday, December 13, 2021"),
        ("2021-12-13".into(), "Monday, December 13, 2021".into())
    );
    assert_eq!(
        one("a mission to Mexico on October 25, 2021, which"),
        ("2021-10-25".into(), "October 25, 2021".into())
    );
    assert_eq!(
        one("on 9 September 2021."),
        ("2021-09-09".into(), "9 September 2021".into())
    );
    assert_eq!(
        one("relaunched on Sept. 9, 2021"),
        ("2021-09-09".into(), "Sept. 9, 2021".into())
    );
}

#[test]
fn month_dates_are_month_precision_never_a_day() {
    assert_eq!(
        one("signed a MOU in June 2021 and"),
        ("2021-06".into(), "June 2021".into())
    );
    assert_eq!(
        one("a letter of intent in August 2021"),
        ("2021-08".into(), "August 2021".into())
    );
    assert_eq!(
        one("a proposed launch in July 2022."),
        ("2022-07".into(), "July 2022".into())
    );
}

#[test]
fn spanish_dates_are_read() {
    let es = DateContext {
        lang: Lang::Es,
        ..doc()
    };
    let got = found(
        "se firmó el 12 de septiembre de 2022 y en marzo de 2023",
        &es,
    );
    assert_eq!(got[0].0, "2022-09-12");
    assert_eq!(got[0].1, "12 de septiembre de 2022");
    assert_eq!(got[1].0, "2023-03");
    assert_eq!(got[1].1, "marzo de 2023");
    let got = found("lunes, 13 de diciembre de 2021", &es);
    assert_eq!(got[0].0, "2021-12-13");
    assert_eq!(found("el 12/09/2022", &es)[0].0, "2022-09-12");
}

#[test]
fn numeric_dates_are_month_first_in_english() {
    assert_eq!(
        one("on 05/02/2013 the"),
        ("2013-05-02".into(), "05/02/2013".into())
    );
    assert!(found("on 13/25/2013", &doc()).is_empty());
    assert_eq!(one("ISO 2021-09-09 form").0, "2021-09-09");
}

#[test]
fn relative_phrases_resolve_against_the_document_date() {
    assert_eq!(
        one("activities over the next year for"),
        ("2021-12-13/2022-12~".into(), "over the next year".into())
    );
    assert_eq!(
        one("to be completed over the coming year."),
        ("2021-12-13/2022-12~".into(), "over the coming year".into())
    );
    assert_eq!(
        one("as agreed last year"),
        ("2020".into(), "last year".into())
    );
    assert_eq!(one("launch next year"), ("2022".into(), "next year".into()));
    assert_eq!(one("later this year").0, "2021-12-13/2021");
    assert_eq!(
        found(
            "durante el próximo año",
            &DateContext {
                lang: Lang::Es,
                ..doc()
            }
        )[0]
        .0,
        "2021-12-13/2022-12~"
    );
}

#[test]
fn relative_phrases_without_a_document_date_keep_only_the_phrase() {
    let got = found("over the coming year", &DateContext::default());
    assert_eq!(
        got,
        vec![("-".into(), "over the coming year".into(), "-".into())]
    );
}

#[test]
fn vague_phrases_stay_undated_with_the_phrase_kept() {
    assert_eq!(one("a visit this fall"), ("-".into(), "this fall".into()));
    assert_eq!(
        one("a visit on October 25 with"),
        ("-".into(), "October 25".into())
    );
}

#[test]
fn recurring_activity_is_a_cadence() {
    assert_eq!(
        found("intend to meet monthly to advance", &doc()),
        vec![("-".into(), "monthly".into(), "monthly".into())]
    );
    assert_eq!(
        found("se reunirán cada trimestre", &doc())[0].2,
        "quarterly"
    );
    assert_eq!(found("an annual meeting", &doc())[0].2, "annual");
}

#[test]
fn years_ranges_and_prepositions() {
    assert_eq!(one("in 2022 the"), ("2022".into(), "2022".into()));
    assert_eq!(one("since 2019,"), ("2019/..".into(), "since 2019".into()));
    assert_eq!(one("by 2025"), ("../2025".into(), "by 2025".into()));
    assert_eq!(
        one("the 2021-2023 plan"),
        ("2021/2023".into(), "2021-2023".into())
    );
    assert_eq!(one("in spring 2022").0, "2022-21");
    assert_eq!(
        one("en el primer semestre de 2024."),
        ("2024".into(), "primer semestre de 2024".into())
    );
    assert_eq!(one("in the second half of 2023").0, "2023");
}

#[test]
fn numbers_that_are_not_dates_are_not_dates() {
    for text in [
        "a 2,000 mile border",
        "$500 billion in trade",
        "call (202) 647-2492 or 202-647-2021",
        "the 21st Century Border Management Process",
        "to combat Covid-19 through",
        "10 May proposals", // no year: a month-day needs a long month name
        "the 2030 Agenda",
        "$2021 in fees",
        "item 1/05/02/2013",
    ] {
        assert!(
            found(text, &doc()).is_empty(),
            "{text}: {:?}",
            found(text, &doc())
        );
    }
}

#[test]
fn the_action_date_follows_the_deciding_phrase() {
    let text = "USAID and AMEXCID signed a MOU in June 2021 and have developed an action plan to be completed over the coming year.";
    let at = text.find("signed");
    let (main, rest) = split_main(text, find_dates(text, &doc()), at);
    assert_eq!(main.unwrap().text, "June 2021");
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].text, "over the coming year");

    let text = "Following the MOU of June 2021, both intend to meet in July 2022.";
    let at = text.find("intend to");
    let (main, rest) = split_main(text, find_dates(text, &doc()), at);
    assert_eq!(main.unwrap().text, "July 2022");
    assert_eq!(rest[0].text, "June 2021");
}

#[test]
fn without_a_phrase_the_first_datable_mention_wins() {
    let text = "a visit this fall, then talks in June 2022.";
    let (main, rest) = split_main(text, find_dates(text, &doc()), None);
    assert_eq!(main.unwrap().text, "June 2022");
    assert_eq!(rest[0].text, "this fall");
}
