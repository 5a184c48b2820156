//! Dates in the interface's language: the words the app shows for an entry's date and
//! the reading of a typed date. English shows the source document's own words (an
//! official expects them); Spanish writes the stored EDTF value in Spanish, the way the
//! packets do, and falls back to the source's words when there is no value to write.

use crate::model::{Cadence, DateReading, Edtf, Precision};
// The types the date words are asked with; the faces take them from here.
pub use crate::model::{EntryDate, Lang};
use crate::render::i18n;

/// The words to show for each date, in the order given (one call for a whole view).
pub fn date_words(dates: &[EntryDate], lang: Lang) -> Vec<String> {
    dates.iter().map(|d| date_phrase(d, lang)).collect()
}

/// The words for one date. English: the source's words, else the value written out.
/// Spanish: the value written out ("junio de 2021"), a recurring rhythm as "Mensual"
/// (with its value after a comma when it has one), else the source's words.
pub fn date_phrase(date: &EntryDate, lang: Lang) -> String {
    let text = date.text.trim();
    if lang == Lang::En && !text.is_empty() {
        return text.to_string();
    }
    let value = date.edtf.as_ref().map(|v| i18n::edtf(lang, v));
    let rhythm = date.cadence.map(|c| i18n::cadence(lang, c).to_string());
    match (rhythm, value) {
        (Some(r), Some(v)) => format!("{r}, {v}"),
        (Some(r), None) => r,
        (None, Some(v)) => v,
        (None, None) => text.to_string(),
    }
}

/// A recurring rhythm in a language, lower case as it reads inside a sentence
/// ("monthly", "mensual").
pub fn cadence_word(cadence: Cadence, lang: Lang) -> String {
    i18n::cadence(lang, cadence).to_lowercase()
}

/// The reading of a typed date in `lang`. English keeps the core's explanation
/// ("2021-06: 1 June 2021 – 30 June 2021 (month)"); Spanish says the value and its
/// unit: "2021-06: junio de 2021 (mes)".
pub fn in_language(mut reading: DateReading, lang: Lang) -> DateReading {
    if lang == Lang::En {
        return reading;
    }
    if let Some(value) = reading.date.edtf.as_ref() {
        reading.explanation = format!(
            "{}: {} ({})",
            reading.edtf,
            i18n::printable(&i18n::edtf(lang, value)),
            unit_es(value, reading.precision)
        );
    }
    reading
}

fn unit_es(value: &Edtf, precision: Precision) -> &'static str {
    if matches!(value, Edtf::Interval(..)) {
        return "intervalo";
    }
    match precision {
        Precision::Year => "año",
        Precision::Season => "estación",
        Precision::Month => "mes",
        Precision::Day => "día",
        Precision::Second => "fecha y hora",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::read_date_input;

    fn dated(edtf: &str, text: &str) -> EntryDate {
        EntryDate::exact(edtf.parse().unwrap(), text)
    }

    #[test]
    fn spanish_writes_the_value_and_english_keeps_the_source_words() {
        let dates = [
            dated("2021-06", "June 2021"),
            dated("2021-10-25", "October 25, 2021"),
        ];
        assert_eq!(
            date_words(&dates, Lang::Es),
            ["junio de 2021", "25 de octubre de 2021"]
        );
        assert_eq!(
            date_words(&dates, Lang::En),
            ["June 2021", "October 25, 2021"]
        );
    }

    #[test]
    fn approximate_values_and_intervals_read_in_spanish() {
        let words = date_words(
            &[dated(
                "2021-09-09/2022-09~",
                "September 9, 2021 to about September 2022",
            )],
            Lang::Es,
        );
        assert_eq!(
            words,
            ["9 de septiembre de 2021 – aprox. septiembre de 2022"]
        );
    }

    #[test]
    fn a_date_without_a_value_keeps_its_words_and_a_rhythm_is_translated() {
        let vague = EntryDate {
            edtf: None,
            text: "early next year".into(),
            cadence: None,
        };
        let monthly = EntryDate {
            edtf: None,
            text: "monthly".into(),
            cadence: Some(Cadence::Monthly),
        };
        assert_eq!(
            date_words(&[vague, monthly.clone()], Lang::Es),
            ["early next year", "Mensual"]
        );
        assert_eq!(date_words(&[monthly], Lang::En), ["monthly"]);
        assert_eq!(cadence_word(Cadence::Quarterly, Lang::Es), "trimestral");
    }

    #[test]
    fn an_english_date_without_words_is_written_out() {
        let bare = EntryDate {
            edtf: Some("2022".parse().unwrap()),
            text: String::new(),
            cadence: None,
        };
        assert_eq!(date_phrase(&bare, Lang::En), "2022");
    }

    #[test]
    fn a_typed_date_is_read_back_in_spanish() {
        let read = |text: &str| in_language(read_date_input(text).unwrap(), Lang::Es).explanation;
        assert_eq!(read("June 2021"), "2021-06: junio de 2021 (mes)");
        assert_eq!(
            read("12 September 2022"),
            "2022-09-12: 12 de septiembre de 2022 (día)"
        );
        assert_eq!(
            read("2021-09-09/2022-09"),
            "2021-09-09/2022-09: 9 de septiembre de 2021 – septiembre de 2022 (intervalo)"
        );
        let english = in_language(read_date_input("June 2021").unwrap(), Lang::En);
        assert_eq!(english, read_date_input("June 2021").unwrap());
    }
}
