//! Date mentions in a sentence, as EDTF values with the phrase kept verbatim.
//!
//! Precision is what the text states: "June 2021" is `2021-06`, never a day. Phrases
//! relative to the document ("over the coming year", "last year") are resolved
//! against the document date when there is one; vague ones ("this fall") keep their
//! phrase and no value; recurring activity ("meet monthly") gets a cadence.
//! Numbers that are not dates (amounts, "21st Century", phone numbers) match nothing.

pub use super::date_values::month_number;
use super::date_values::{resolve, Rule};
use super::pattern::Pattern;
use crate::model::{EdtfDate, EntryDate, Lang};
use regex::Regex;
use std::sync::LazyLock;

/// What relative phrases are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateContext {
    /// The document's own date (its dateline), when known.
    pub document: Option<EdtfDate>,
    /// Spanish documents write numeric dates day first.
    pub lang: Lang,
}

/// One date mention: byte range in the text, and the date it states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub date: EntryDate,
}

const EN_MONTH: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
const EN_MONTH_LONG: &str =
    "january|february|march|april|june|july|august|september|october|november|december";
const ES_MONTH: &str =
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";
const EN_WEEKDAY: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const ES_WEEKDAY: &str = "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo";

/// What a rule cannot match without.
#[derive(Clone, Copy)]
enum Need {
    /// An English month name next to a number.
    EnMonth,
    /// A Spanish month name next to a number.
    EsMonth,
    /// A season word and a year.
    Season,
    /// A slash and a year.
    Slash,
    /// A year (19xx or 20xx).
    Year,
    /// A word about time ("year", "month", "monthly", "fall" ...).
    Words,
}

/// What a text holds, found in a few quick passes, so that only the rules that can
/// match are run (most sentences hold no date).
struct Clues {
    words: bool,
    year: bool,
    en_month: bool,
    es_month: bool,
    slash: bool,
    digits: bool,
}

impl Clues {
    fn of(text: &str) -> Clues {
        let digits = text.bytes().any(|b| b.is_ascii_digit());
        Clues {
            words: TIME_WORDS.is_match(text),
            year: digits && YEAR.is_match(text),
            en_month: digits && EN_MONTH_NUMBER.is_match(text),
            es_month: digits && ES_MONTH_NUMBER.is_match(text),
            slash: digits && text.contains('/'),
            digits,
        }
    }

    fn allow(&self, need: Need) -> bool {
        match need {
            Need::EnMonth => self.en_month,
            Need::EsMonth => self.es_month,
            Need::Season => self.words && self.year,
            Need::Slash => self.slash && self.year,
            Need::Year => self.year,
            Need::Words => self.words,
        }
    }
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:19|20)[0-9]{2}").unwrap());
static EN_MONTH_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:{EN_MONTH})[.,]?\s*[0-9]|[0-9](?:st|nd|rd|th)?\s+(?:of\s+)?(?:{EN_MONTH})"
    ))
    .unwrap()
});
static ES_MONTH_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:{ES_MONTH})\s+(?:del?\s+)?[0-9]|[0-9][º°]?\s+de\s+(?:{ES_MONTH})"
    ))
    .unwrap()
});

/// Words without which no rule that needs no digit can match.
static TIME_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)year|month|week|quarter|annual|fall|spring|summer|winter|autumn|future|today|hoy|año|mes|seman|trimest|anual|otoño|verano|invierno|primavera|cada|vez").unwrap()
});

static RULES: LazyLock<Vec<(Pattern, Rule, Need)>> = LazyLock::new(|| {
    let r = |pattern: String, rule, need| (Pattern::new(&format!("(?i){pattern}")), rule, need);
    vec![
        r(format!(r"\b(?P<m>{EN_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"), Rule::Day, Need::EnMonth),
        r(format!(r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{EN_MONTH})\.?,?\s+(?P<y>\d{{4}})\b"), Rule::DayMonthYear, Need::EnMonth),
        r(format!(r"\b(?P<d>\d{{1,2}})[º°]?\s+de\s+(?P<m>{ES_MONTH})(?:\s+del?|,)?\s+(?P<y>\d{{4}})\b"), Rule::DayMonthYear, Need::EsMonth),
        r(format!(r"\b(?P<m>{EN_MONTH})\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})\b"), Rule::Month, Need::EnMonth),
        r(format!(r"\b(?P<m>{ES_MONTH})\s+(?:del?\s+)?(?P<y>\d{{4}})\b"), Rule::Month, Need::EsMonth),
        r(r"\b(?P<s>spring|summer|fall|autumn|winter|primavera|verano|otoño|invierno)\s+(?:of\s+|del?\s+)?(?P<y>\d{4})\b".into(), Rule::Season, Need::Season),
        r(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b".into(), Rule::Numeric, Need::Slash),
        r(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b".into(), Rule::Iso, Need::Year),
        r(r"\b(?P<y1>(?:19|20)\d{2})\s*(?:-|to|through|until|al?|hasta)\s*(?P<y2>(?:19|20)\d{2})\b".into(), Rule::YearRange, Need::Year),
        r(r"\b(?P<p>in|by|since|until|through|during|from|before|after|early|mid|late|en|desde|hasta|para|durante|antes\s+de|a\s+partir\s+de|finales\s+de|principios\s+de|mediados\s+de|(?:first|second)\s+half\s+of|(?:primer|segundo)\s+semestre\s+de)[\s-]+(?:the\s+year\s+|el\s+año\s+|de\s+)?(?P<y>(?:19|20)\d{2})\b".into(), Rule::PrepYear, Need::Year),
        r(r"\b(?:over|in|during|within|throughout)\s+the\s+(?:coming|next|following|upcoming)\s+(?:year|twelve\s+months|12\s+months)\b".into(), Rule::ComingYear, Need::Words),
        r(r"\b(?:durante|en|a\s+lo\s+largo\s+del?|dentro\s+del?)\s+(?:el\s+|los\s+)?(?:próximo|proximo|siguiente|pr[oó]ximos)\s+(?:año|doce\s+meses|12\s+meses)\b".into(), Rule::ComingYear, Need::Words),
        r(r"\b(?P<w>next|last|this)\s+year\b|\b(?:el\s+)?(?P<x>próximo|proximo|pasado|este)\s+año\b|\baño\s+(?P<z>pasado|próximo|proximo|entrante)\b".into(), Rule::RelativeYear, Need::Words),
        r(r"\b(?P<w>next|last|this)\s+month\b|\b(?:el\s+)?(?P<x>próximo|proximo|pasado|este)\s+mes\b|\bmes\s+(?P<z>pasado|próximo|proximo|entrante)\b".into(), Rule::RelativeMonth, Need::Words),
        r(r"\b(?:today|hoy)\b".into(), Rule::Today, Need::Words),
        r(r"\b(?:(?:earlier|later)\s+)?this\s+week\b|\b(?:durante\s+)?esta\s+semana\b".into(), Rule::ThisWeek, Need::Words),
        r(r"\blater\s+this\s+year\b|\bmás\s+adelante\s+este\s+año\b|\ba\s+finales\s+de\s+este\s+año\b".into(), Rule::LaterThisYear, Need::Words),
        r(r"\b(?:this|next|last)\s+(?:spring|summer|fall|autumn|winter)\b|\b(?:in\s+)?the\s+(?:coming|next)\s+(?:weeks|months)\b|\bin\s+the\s+near\s+future\b|\b(?:este|el\s+próximo)\s+(?:otoño|verano|invierno)\b|\besta\s+primavera\b|\b(?:en\s+)?los\s+próximos\s+meses\b".into(), Rule::Vague, Need::Words),
        r(r"\b(?P<c>monthly|weekly|quarterly|annually|yearly|every\s+(?:month|week|year|quarter)|each\s+(?:month|week|year|quarter)|once\s+a\s+(?:month|week|year)|annual\s+(?:meeting|dialogue|summit|review|conference|forum)s?|mensualmente|mensual(?:es)?|semanalmente|semanal(?:es)?|trimestralmente|trimestral(?:es)?|anualmente|anual(?:es)?|cada\s+(?:mes|semana|año|trimestre)|una\s+vez\s+al\s+(?:mes|año))\b".into(), Rule::Cadence, Need::Words),
        r(format!(r"\b(?P<m>{EN_MONTH_LONG})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"), Rule::MonthDay, Need::EnMonth),
        r(format!(r"\b(?P<d>\d{{1,2}})\s+de\s+(?P<m>{ES_MONTH})\b"), Rule::MonthDay, Need::EsMonth),
    ]
});

/// Every date mention in `text`, in text order, without overlaps (the longest
/// reading of a span wins: "over the next year" over "next year").
pub fn find_dates(text: &str, ctx: &DateContext) -> Vec<DateMention> {
    let mut found: Vec<DateMention> = Vec::new();
    let clues = Clues::of(text);
    if !clues.digits && !clues.words {
        return found;
    }
    for (pattern, rule, need) in RULES.iter() {
        if !clues.allow(*need) {
            continue;
        }
        for caps in pattern.regex(text).captures_iter(text) {
            let whole = caps.get(0).expect("group 0 always matches");
            let (start, end) = Pattern::span(text, &whole);
            if start >= end || !stands_alone(text, start, end) {
                continue;
            }
            // A weekday before a full date belongs to its phrase ("Monday, December 13, 2021").
            let start = match rule {
                Rule::Day | Rule::DayMonthYear => with_weekday(text, start),
                _ => start,
            };
            if let Some((phrase_start, date)) = resolve(*rule, &caps, &text[start..end], start, ctx)
            {
                found.push(DateMention {
                    start: phrase_start,
                    end,
                    date,
                });
            }
        }
    }
    found.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<DateMention> = Vec::new();
    for mention in found {
        if kept
            .iter()
            .all(|k| mention.end <= k.start || mention.start >= k.end)
        {
            kept.push(mention);
        }
    }
    kept.sort_by_key(|m| m.start);
    kept
}

static WEEKDAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}])((?:{EN_WEEKDAY}|{ES_WEEKDAY}),?\s+)$"
    ))
    .unwrap()
});

/// Moves a date's start back over a weekday written just before it.
fn with_weekday(text: &str, start: usize) -> usize {
    let before = &text[..start];
    let window = before.len().saturating_sub(16);
    let window = (window..=before.len())
        .find(|i| before.is_char_boundary(*i))
        .unwrap_or(before.len());
    WEEKDAY_BEFORE
        .captures(&before[window..])
        .and_then(|c| c.get(1))
        .map_or(start, |m| window + m.start())
}

/// A date is not part of a larger number ("$2021", "1/05/02/2013", "202-2021-12-13").
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let mut before = text[..start].chars().rev();
    let mut after = text[end..].chars();
    let (b1, b2) = (before.next(), before.next());
    let (a1, a2) = (after.next(), after.next());
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let glued = |c: Option<char>| digit(c) || matches!(c, Some('/' | '$' | '€'));
    let number_after = matches!(a1, Some('-' | ',' | '.')) && digit(a2);
    let number_before = b1 == Some('-') && digit(b2);
    !(glued(b1) || glued(a1) || number_after || number_before)
}

/// Splits an entry's mentions into the date of its own action and the others.
///
/// The action's date is the first mention that states a value or a cadence and
/// follows the deciding phrase (`action_at`) in the same sentence; failing that,
/// the first mention with a value or cadence; failing that, the first vague phrase.
pub fn split_main(
    text: &str,
    mentions: Vec<DateMention>,
    action_at: Option<usize>,
) -> (Option<EntryDate>, Vec<EntryDate>) {
    split_main_for(text, mentions, action_at, false)
}

/// As [`split_main`]; for an action already done (`done`), a mention with a value
/// comes before a cadence: "Today the annual meeting was held" happened today, and
/// "annual" describes the series.
pub fn split_main_for(
    text: &str,
    mentions: Vec<DateMention>,
    action_at: Option<usize>,
    done: bool,
) -> (Option<EntryDate>, Vec<EntryDate>) {
    let dated = |m: &DateMention| m.date.edtf.is_some();
    if done && mentions.iter().any(dated) {
        let in_sentence = |m: &DateMention| {
            action_at.is_some_and(|at| m.start >= at && sentence_end(text, at) > m.start)
        };
        // "Today, the Ministers met ... and renewed the Plan for 2023-2024": what was
        // done today happened today, whatever period it concerns.
        let today = |m: &DateMention| {
            dated(m)
                && action_at.is_some_and(|at| m.start < at)
                && matches!(m.date.text.to_lowercase().as_str(), "today" | "hoy")
        };
        let main = mentions
            .iter()
            .position(today)
            .or_else(|| mentions.iter().position(|m| dated(m) && in_sentence(m)))
            .or_else(|| mentions.iter().position(dated));
        let mut rest = mentions;
        let date = main.map(|i| rest.remove(i).date);
        return (date, rest.into_iter().map(|m| m.date).collect());
    }
    let datable = |m: &DateMention| m.date.edtf.is_some() || m.date.cadence.is_some();
    let in_action_sentence = |m: &DateMention| {
        action_at.is_some_and(|at| m.start >= at && sentence_end(text, at) > m.start)
    };
    let main = mentions
        .iter()
        .position(|m| datable(m) && in_action_sentence(m))
        .or_else(|| mentions.iter().position(datable))
        .or(if mentions.is_empty() { None } else { Some(0) });
    let mut rest = mentions;
    let date = main.map(|i| rest.remove(i).date);
    (date, rest.into_iter().map(|m| m.date).collect())
}

/// Byte offset where the sentence holding `at` ends: after ". " that follows a
/// lowercase letter (so "U.S. officials" does not end one), or the text's end.
fn sentence_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    while i + 1 < bytes.len() {
        if matches!(bytes[i], b'.' | b';' | b'!' | b'?')
            && bytes[i + 1] == b' '
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_lowercase)
        {
            return i;
        }
        i += 1;
    }
    text.len()
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
