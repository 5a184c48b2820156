//! Fixed labels and date writing in English and Spanish.

use crate::model::MeetingKind;
use crate::model::{
    Cadence, Edtf, EdtfDate, EntryKind, IntervalEnd, Lang, NoteKind, Precision, Qualifier, Status,
};
use crate::packet::{Change, LeftOut};
use chrono::{Datelike, NaiveDate};

mod labels;
pub use labels::{labels, Labels};

/// A recurring activity's rhythm: "Monthly" / "Mensual".
pub fn cadence(lang: Lang, c: Cadence) -> &'static str {
    match (lang, c) {
        (Lang::En, Cadence::Weekly) => "Weekly",
        (Lang::En, Cadence::Monthly) => "Monthly",
        (Lang::En, Cadence::Quarterly) => "Quarterly",
        (Lang::En, Cadence::Annual) => "Annual",
        (Lang::Es, Cadence::Weekly) => "Semanal",
        (Lang::Es, Cadence::Monthly) => "Mensual",
        (Lang::Es, Cadence::Quarterly) => "Trimestral",
        (Lang::Es, Cadence::Annual) => "Anual",
    }
}

/// "Page 3 of 12" / "Página 3 de 12".
/// The mark of a numbered copy: "Copy 2 of 5 — NAME" / "Ejemplar 2 de 5 — NAME".
pub fn copy_of(lang: Lang, k: usize, n: usize, name: &str) -> String {
    match lang {
        Lang::En => format!("Copy {k} of {n} — {name}"),
        Lang::Es => format!("Ejemplar {k} de {n} — {name}"),
    }
}

pub fn page_of(lang: Lang, n: usize, m: usize) -> String {
    match lang {
        Lang::En => format!("Page {n} of {m}"),
        Lang::Es => format!("Página {n} de {m}"),
    }
}

pub fn status(lang: Lang, s: Status) -> &'static str {
    match (lang, s) {
        (Lang::En, Status::Planned) => "Planned",
        (Lang::En, Status::InProgress) => "In progress",
        (Lang::En, Status::Done) => "Done",
        (Lang::En, Status::Stalled) => "Stalled",
        (Lang::En, Status::Dropped) => "Dropped",
        (Lang::En, Status::Unknown) => "Unknown",
        (Lang::Es, Status::Planned) => "Previsto",
        (Lang::Es, Status::InProgress) => "En curso",
        (Lang::Es, Status::Done) => "Realizado",
        (Lang::Es, Status::Stalled) => "Detenido",
        (Lang::Es, Status::Dropped) => "Abandonado",
        (Lang::Es, Status::Unknown) => "Sin determinar",
    }
}

pub fn kind(lang: Lang, k: EntryKind) -> &'static str {
    match (lang, k) {
        (Lang::En, EntryKind::Objective) => "Objective",
        (Lang::En, EntryKind::Commitment) => "Commitment",
        (Lang::En, EntryKind::Activity) => "Activity",
        (Lang::En, EntryKind::Milestone) => "Milestone",
        (Lang::En, EntryKind::Meeting) => "Meeting",
        (Lang::Es, EntryKind::Objective) => "Objetivo",
        (Lang::Es, EntryKind::Commitment) => "Compromiso",
        (Lang::Es, EntryKind::Activity) => "Actividad",
        (Lang::Es, EntryKind::Milestone) => "Hito",
        (Lang::Es, EntryKind::Meeting) => "Reunión",
    }
}

pub fn note_kind(lang: Lang, k: NoteKind) -> &'static str {
    match (lang, k) {
        (Lang::En, NoteKind::Objective) => "Objective",
        (Lang::En, NoteKind::PointsToMake) => "Points to make",
        (Lang::En, NoteKind::IfRaised) => "If raised",
        (Lang::En, NoteKind::Background) => "Background",
        (Lang::En, NoteKind::Press) => "Press lines",
        (Lang::Es, NoteKind::Objective) => "Objetivo",
        (Lang::Es, NoteKind::PointsToMake) => "Puntos a destacar",
        (Lang::Es, NoteKind::IfRaised) => "Si se plantea",
        (Lang::Es, NoteKind::Background) => "Antecedentes",
        (Lang::Es, NoteKind::Press) => "Líneas de prensa",
    }
}

pub fn meeting_kind(lang: Lang, k: MeetingKind) -> &'static str {
    match (lang, k) {
        (Lang::En, MeetingKind::Leaders) => "Leaders' meeting",
        (Lang::En, MeetingKind::Ministerial) => "Ministerial meeting",
        (Lang::En, MeetingKind::SeniorOfficials) => "Senior officials' meeting",
        (Lang::En, MeetingKind::WorkingLevel) => "Working-level meeting",
        (Lang::En, MeetingKind::Technical) => "Technical meeting",
        (Lang::En, MeetingKind::Other) => "Meeting",
        (Lang::Es, MeetingKind::Leaders) => "Reunión de líderes",
        (Lang::Es, MeetingKind::Ministerial) => "Reunión ministerial",
        (Lang::Es, MeetingKind::SeniorOfficials) => "Reunión de altos funcionarios",
        (Lang::Es, MeetingKind::WorkingLevel) => "Reunión de nivel técnico-operativo",
        (Lang::Es, MeetingKind::Technical) => "Reunión técnica",
        (Lang::Es, MeetingKind::Other) => "Reunión",
    }
}

/// One change to an entry, as a briefing reads it: "New commitment", "Status: Planned to
/// Done", "Date changed (now June 2021)", "Text revised".
pub fn change(lang: Lang, c: &Change) -> String {
    match (lang, c) {
        (Lang::En, Change::New { entry_kind }) => {
            format!("New {}", kind(lang, *entry_kind).to_lowercase())
        }
        (Lang::Es, Change::New { entry_kind }) => {
            let k = kind(lang, *entry_kind).to_lowercase();
            // Grammatical gender of the kind names: actividad, reunión are feminine.
            let new = match entry_kind {
                EntryKind::Activity | EntryKind::Meeting => "Nueva",
                _ => "Nuevo",
            };
            format!("{new} {k}")
        }
        // Written out: the packet's font has no arrow.
        (Lang::En, Change::Status { from, to }) => {
            format!("Status: {} to {}", status(lang, *from), status(lang, *to))
        }
        (Lang::Es, Change::Status { from, to }) => {
            format!("Estado: de {} a {}", status(lang, *from), status(lang, *to))
        }
        (Lang::En, Change::Date { to }) => match to.as_deref().and_then(|t| t.parse::<Edtf>().ok())
        {
            Some(d) => format!("Date changed (now {})", edtf(lang, &d)),
            None => "Date removed".into(),
        },
        (Lang::Es, Change::Date { to }) => match to.as_deref().and_then(|t| t.parse::<Edtf>().ok())
        {
            Some(d) => format!("Fecha modificada (ahora {})", edtf(lang, &d)),
            None => "Fecha eliminada".into(),
        },
        (Lang::En, Change::Text) => "Text revised".into(),
        (Lang::Es, Change::Text) => "Texto revisado".into(),
        (Lang::En, Change::Agencies) => "Agencies changed".into(),
        (Lang::Es, Change::Agencies) => "Dependencias modificadas".into(),
        (Lang::En, Change::Kind) => "Kind changed".into(),
        (Lang::Es, Change::Kind) => "Tipo modificado".into(),
    }
}

pub fn left_out(lang: Lang, reason: LeftOut) -> &'static str {
    match (lang, reason) {
        (Lang::En, LeftOut::Pillar) => "in pillars not selected",
        (Lang::En, LeftOut::DateRange) => "dated outside the date range",
        (Lang::En, LeftOut::Undated) => "undated, left out of the date range",
        (Lang::En, LeftOut::Status) => "with another status",
        (Lang::En, LeftOut::Kind) => "of another kind",
        (Lang::En, LeftOut::Agency) => "without the selected agencies",
        (Lang::En, LeftOut::Query) => "not matching the text query",
        (Lang::Es, LeftOut::Pillar) => "de pilares no seleccionados",
        (Lang::Es, LeftOut::DateRange) => "fechados fuera del rango",
        (Lang::Es, LeftOut::Undated) => "sin fecha, fuera del rango de fechas",
        (Lang::Es, LeftOut::Status) => "con otro estado",
        (Lang::Es, LeftOut::Kind) => "de otro tipo",
        (Lang::Es, LeftOut::Agency) => "sin las dependencias seleccionadas",
        (Lang::Es, LeftOut::Query) => "que no coinciden con la búsqueda",
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
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

/// `text` with the minus sign of UTC offsets (U+2212, which the packet's font lacks)
/// written as an en dash.
pub fn printable(text: &str) -> String {
    text.replace('\u{2212}', "\u{2013}")
}

/// A calendar day: "October 25, 2021" / "25 de octubre de 2021".
pub fn day(lang: Lang, date: NaiveDate) -> String {
    let m = date.month0() as usize;
    match lang {
        Lang::En => format!("{} {}, {}", MONTHS_EN[m], date.day(), date.year()),
        Lang::Es => format!("{} de {} de {}", date.day(), MONTHS_ES[m], date.year()),
    }
}

/// An EDTF value written at its own precision: "June 2021", "junio de 2021", "2022",
/// "spring 2022", intervals as "A – B", approximate values with "c." / "aprox.".
pub fn edtf(lang: Lang, value: &Edtf) -> String {
    match value {
        Edtf::Date(d) => edtf_date(lang, d),
        Edtf::Interval(start, end) => {
            let side = |e: &IntervalEnd| match e {
                IntervalEnd::Date(d) => edtf_date(lang, d),
                IntervalEnd::Open | IntervalEnd::Unknown => "…".to_string(),
            };
            format!("{} – {}", side(start), side(end))
        }
    }
}

fn edtf_date(lang: Lang, d: &EdtfDate) -> String {
    let body = if d.has_unspecified_digits() {
        unspecified(lang, d)
    } else if let Some(time) = d.time() {
        format!("{}, {}", day(lang, d.lower()), printable(&time.label()))
    } else {
        at_precision(lang, d)
    };
    match (d.qualifier(), lang) {
        (Qualifier::Exact, _) => body,
        (Qualifier::Uncertain, _) => format!("{body}?"),
        (_, Lang::En) => format!("c. {body}"),
        (_, Lang::Es) => format!("aprox. {body}"),
    }
}

/// A value with unspecified digits says what it spans, never one made-up day or month:
/// `201X` is "2010–2019", `2004-XX` "2004 (month not stated)", `1985-04-XX` "April 1985
/// (day not stated)".
fn unspecified(lang: Lang, d: &EdtfDate) -> String {
    let (lower, upper) = (d.lower(), d.upper());
    if lower.year() != upper.year() {
        return format!("{}–{}", lower.year(), upper.year());
    }
    let (what_en, what_es) = match d.precision() {
        Precision::Month => ("month", "mes"),
        _ if lower.month() != upper.month() => ("month and day", "mes y día"),
        _ => ("day", "día"),
    };
    let within = if lower.month() == upper.month() {
        let m = lower.month0() as usize;
        match lang {
            Lang::En => format!("{} {}", MONTHS_EN[m], lower.year()),
            Lang::Es => format!("{} de {}", MONTHS_ES[m], lower.year()),
        }
    } else {
        lower.year().to_string()
    };
    match lang {
        Lang::En => format!("{within} ({what_en} not stated)"),
        Lang::Es => format!("{within} ({what_es} sin precisar)"),
    }
}

fn at_precision(lang: Lang, d: &EdtfDate) -> String {
    let year = d.year_value();
    match d.precision() {
        Precision::Day | Precision::Second => day(lang, d.lower()),
        Precision::Month => {
            let m = d.month_value().unwrap_or(1) as usize - 1;
            match lang {
                Lang::En => format!("{} {year}", MONTHS_EN[m]),
                Lang::Es => format!("{} de {year}", MONTHS_ES[m]),
            }
        }
        Precision::Season => {
            let month = d.lower().month();
            let (en, es) = match month {
                3 => ("Spring", "primavera"),
                6 => ("Summer", "verano"),
                9 => ("Autumn", "otoño"),
                _ => ("Winter", "invierno"),
            };
            match lang {
                Lang::En => format!("{en} {year}"),
                Lang::Es => format!("{es} de {year}"),
            }
        }
        Precision::Year => year.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str, lang: Lang) -> String {
        match text.parse::<crate::model::Edtf>().unwrap() {
            crate::model::Edtf::Date(d) => edtf_date(lang, &d),
            other => panic!("{other:?} is not a single date"),
        }
    }

    #[test]
    fn unspecified_digits_and_times_are_written_as_stated() {
        assert_eq!(written("201X", Lang::En), "2010–2019");
        assert_eq!(written("2004-XX", Lang::En), "2004 (month not stated)");
        assert_eq!(
            written("1985-04-XX", Lang::En),
            "April 1985 (day not stated)"
        );
        assert_eq!(
            written("1985-04-XX", Lang::Es),
            "abril de 1985 (día sin precisar)"
        );
        assert_eq!(
            written("1985-XX-XX", Lang::En),
            "1985 (month and day not stated)"
        );
        assert_eq!(
            written("2022-09-12T09:30:00-05:00", Lang::En),
            "September 12, 2022, 09:30 (UTC\u{2013}05:00)"
        );
    }

    fn e(text: &str) -> Edtf {
        text.parse().unwrap()
    }

    #[test]
    fn dates_are_written_at_their_precision_in_both_languages() {
        assert_eq!(edtf(Lang::En, &e("2021-10-25")), "October 25, 2021");
        assert_eq!(edtf(Lang::Es, &e("2021-10-25")), "25 de octubre de 2021");
        assert_eq!(edtf(Lang::En, &e("2021-06")), "June 2021");
        assert_eq!(edtf(Lang::Es, &e("2021-06")), "junio de 2021");
        assert_eq!(edtf(Lang::En, &e("2022")), "2022");
        assert_eq!(
            edtf(Lang::En, &e("2021-09-09/2022-09~")),
            "September 9, 2021 – c. September 2022"
        );
        assert_eq!(page_of(Lang::Es, 1, 9), "Página 1 de 9");
    }

    #[test]
    fn changes_read_as_a_briefing_reads_them() {
        let new = Change::New {
            entry_kind: EntryKind::Commitment,
        };
        assert_eq!(change(Lang::En, &new), "New commitment");
        assert_eq!(change(Lang::Es, &new), "Nuevo compromiso");
        let status = Change::Status {
            from: Status::Planned,
            to: Status::Done,
        };
        assert_eq!(change(Lang::En, &status), "Status: Planned to Done");
        assert_eq!(change(Lang::Es, &status), "Estado: de Previsto a Realizado");
        let date = Change::Date {
            to: Some("2021-06".into()),
        };
        assert_eq!(change(Lang::En, &date), "Date changed (now June 2021)");
        assert_eq!(change(Lang::Es, &Change::Text), "Texto revisado");
    }
}
