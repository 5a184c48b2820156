//! iCalendar (RFC 5545) files, so a delegation's calendars hold the schedule offline: a
//! meeting's agenda as timed events, and dated entries as all-day, month-long or
//! year-long events.
//!
//! Written here rather than with a crate: the part of RFC 5545 needed is small (VEVENT with
//! DTSTART/DTEND, SUMMARY, LOCATION, DESCRIPTION, UID, DTSTAMP), and the rules that matter
//! are the ones tested below: CRLF line ends, lines folded at 75 octets on character
//! boundaries, `\`, `;`, `,` and newlines escaped in text.

use crate::model::{Edtf, EntryDate, Meeting};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use sha2::{Digest, Sha256};

/// When an event starts or ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventTime {
    /// A whole day (`VALUE=DATE`); as an end, the first day after the event.
    Day(NaiveDate),
    /// An instant (`...Z`): a date-time whose offset is known, converted to UTC.
    Utc(NaiveDateTime),
    /// A clock time with no stated offset ("floating": the same clock time everywhere).
    Floating(NaiveDateTime),
}

/// One VEVENT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable across exports of the same content, so re-importing updates the event.
    pub uid: String,
    pub start: EventTime,
    pub end: Option<EventTime>,
    pub summary: String,
    pub location: Option<String>,
    pub description: Option<String>,
}

/// The start and end of an event for `date`: a date-time is an instant (or a floating
/// time); any other value covers its days, from its first to the day after its last.
/// `None` for a value without an EDTF date or with an open end.
pub fn span(date: &EntryDate) -> Option<(EventTime, Option<EventTime>)> {
    let edtf = date.edtf?;
    if let Edtf::Date(d) = edtf {
        if let Some(utc) = d.utc_date_time() {
            return Some((EventTime::Utc(utc), None));
        }
        if let Some(local) = d.local_date_time() {
            return Some((EventTime::Floating(local), None));
        }
    }
    let (lower, upper) = (edtf.lower()?, edtf.upper()?);
    Some((
        EventTime::Day(lower),
        Some(EventTime::Day(upper + Duration::days(1))),
    ))
}

fn uid(parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    let digest = hash.finalize();
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("{hex}@briefbook")
}

/// The meeting's agenda as one event per item (an item without a start takes the
/// meeting's date); a meeting without an agenda gives one event for the meeting itself.
pub fn meeting_events(meeting: &Meeting) -> Vec<Event> {
    let meeting_date = meeting.date.edtf.map(|e| e.to_string()).unwrap_or_default();
    let whole = span(&meeting.date);
    if meeting.agenda.is_empty() {
        let Some((start, end)) = whole else {
            return Vec::new();
        };
        return vec![Event {
            uid: uid(&["meeting", &meeting.title, &meeting_date]),
            start,
            end,
            summary: meeting.title.clone(),
            location: meeting.place.clone(),
            description: meeting.scope_note.clone(),
        }];
    }
    meeting
        .agenda
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let (start, open_end) = item.starts.as_ref().and_then(span).or(whole)?;
            let end = match item.ends.as_ref().and_then(span) {
                // An end given as a day covers that day.
                Some((EventTime::Day(_), Some(after))) => Some(after),
                Some((end, _)) => Some(end),
                None => open_end,
            };
            let mut description = Vec::new();
            if let Some(lead) = item.lead.as_deref().filter(|l| !l.trim().is_empty()) {
                description.push(format!("Lead: {lead}"));
            }
            description.push(format!("Meeting: {}", meeting.title));
            Some(Event {
                uid: uid(&["agenda", &meeting.title, &meeting_date, &i.to_string()]),
                start,
                end,
                summary: item.item.clone(),
                location: item.place.clone().or_else(|| meeting.place.clone()),
                description: Some(description.join("\n")),
            })
        })
        .collect()
}

/// An event for a dated entry of the record; `None` when it has no usable date.
pub fn entry_event(text: &str, date: Option<&EntryDate>, detail: &str) -> Option<Event> {
    let date = date?;
    let (start, end) = span(date)?;
    let edtf = date.edtf.map(|e| e.to_string()).unwrap_or_default();
    Some(Event {
        uid: uid(&["entry", text, &edtf]),
        start,
        end,
        summary: text.to_string(),
        location: None,
        description: Some(detail.to_string()),
    })
}

/// The calendar file: `name` as the calendar's name, `stamp` as every event's DTSTAMP
/// (an input, so the same events give the same bytes).
pub fn write_calendar(name: &str, events: &[Event], stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&fold(&text));
        out.push_str("\r\n");
    };
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Briefbook//Briefbook//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(name)));
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for event in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", event.uid));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("DTSTART{}", time_value(event.start)));
        if let Some(end) = event.end {
            line(format!("DTEND{}", time_value(end)));
        }
        line(format!("SUMMARY:{}", escape(&event.summary)));
        if let Some(place) = event.location.as_deref().filter(|p| !p.trim().is_empty()) {
            line(format!("LOCATION:{}", escape(place)));
        }
        if let Some(text) = event
            .description
            .as_deref()
            .filter(|d| !d.trim().is_empty())
        {
            line(format!("DESCRIPTION:{}", escape(text)));
        }
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// `;VALUE=DATE:20220912`, `:20220912T143000Z` or `:20220912T093000`.
fn time_value(time: EventTime) -> String {
    match time {
        EventTime::Day(d) => format!(";VALUE=DATE:{}", d.format("%Y%m%d")),
        EventTime::Utc(t) => format!(":{}", t.format("%Y%m%dT%H%M%SZ")),
        EventTime::Floating(t) => format!(":{}", t.format("%Y%m%dT%H%M%S")),
    }
}

/// TEXT escaping (RFC 5545 3.3.11). Control characters other than newlines cannot be
/// written at all, so they are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let text = text.replace("\r\n", "\n");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line so no physical line exceeds 75 octets (RFC 5545 3.1): the rest
/// continues on the next line after one space, never inside a UTF-8 character.
fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgendaItem, MeetingKind};

    /// Reads a calendar back: unfolds lines and returns (name with parameters, value).
    pub(crate) fn parse(text: &str) -> Vec<(String, String)> {
        assert!(text.ends_with("\r\n"));
        for physical in text.split("\r\n") {
            assert!(physical.len() <= 75, "line over 75 octets: {physical:?}");
            assert!(!physical.contains('\n'), "bare LF in {physical:?}");
        }
        let unfolded = text.replace("\r\n ", "");
        unfolded
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(|l| {
                let (name, value) = l.split_once(':').expect("name:value");
                (name.to_string(), value.to_string())
            })
            .collect()
    }

    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn date(edtf: &str) -> EntryDate {
        EntryDate::exact(edtf.parse().unwrap(), edtf)
    }

    fn meeting() -> Meeting {
        serde_json::from_value(serde_json::json!({
            "title": "HLED ministerial, Washington",
            "date": {"edtf": "2022-09-12", "text": "12 September 2022", "cadence": null},
            "place": "Washington, D.C.",
        }))
        .unwrap()
    }

    #[test]
    fn agenda_items_become_events_in_utc_with_lead_and_place() {
        let mut m = meeting();
        m.kind = MeetingKind::Ministerial;
        m.agenda.push(AgendaItem {
            id: None,
            starts: Some(date("2022-09-12T09:30:00-05:00")),
            ends: Some(date("2022-09-12T10:15:00-05:00")),
            item: "Opening; supply chains, semiconductors \\ nearshoring".into(),
            item_es: None,
            place: Some("Room 1, Main State".into()),
            lead: Some("Secretary of Commerce".into()),
            pillars: vec![1],
            initiatives: vec![],
        });
        let stamp = DateTime::parse_from_rfc3339("2026-11-30T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let text = write_calendar("HLED", &meeting_events(&m), stamp);
        let lines = parse(&text);
        let get = |name: &str| {
            lines
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| panic!("no {name} in {text}"))
        };
        assert_eq!(get("DTSTART"), "20220912T143000Z");
        assert_eq!(get("DTEND"), "20220912T151500Z");
        assert_eq!(
            unescape(&get("SUMMARY")),
            "Opening; supply chains, semiconductors \\ nearshoring"
        );
        assert_eq!(get("LOCATION"), "Room 1\\, Main State");
        assert_eq!(
            unescape(&get("DESCRIPTION")),
            "Lead: Secretary of Commerce\nMeeting: HLED ministerial, Washington"
        );
        assert_eq!(lines.iter().filter(|(n, _)| n == "BEGIN").count(), 2);
    }

    #[test]
    fn a_meeting_without_agenda_is_one_all_day_event() {
        let events = meeting_events(&meeting());
        assert_eq!(events.len(), 1);
        let day = NaiveDate::from_ymd_opt(2022, 9, 12).unwrap();
        assert_eq!(events[0].start, EventTime::Day(day));
        assert_eq!(events[0].end, Some(EventTime::Day(day + Duration::days(1))));
    }

    #[test]
    fn months_and_years_become_events_as_long_as_they_are() {
        let (start, end) = span(&date("2021-06")).unwrap();
        assert_eq!(
            (start, end),
            (
                EventTime::Day(NaiveDate::from_ymd_opt(2021, 6, 1).unwrap()),
                Some(EventTime::Day(NaiveDate::from_ymd_opt(2021, 7, 1).unwrap()))
            )
        );
        let (start, end) = span(&date("2022")).unwrap();
        assert_eq!(
            end,
            Some(EventTime::Day(NaiveDate::from_ymd_opt(2023, 1, 1).unwrap()))
        );
        assert_eq!(
            start,
            EventTime::Day(NaiveDate::from_ymd_opt(2022, 1, 1).unwrap())
        );
        assert!(
            span(&date("2021-09/..")).is_none(),
            "an open end is no event"
        );
        let floating = span(&date("2022-09-12T09:30:00")).unwrap().0;
        assert!(matches!(floating, EventTime::Floating(_)));
    }

    #[test]
    fn long_text_folds_at_75_octets_without_splitting_characters() {
        let text = "Diálogo Económico de Alto Nivel — sesión de apertura, ".repeat(6);
        let line = fold(&format!("SUMMARY:{}", escape(&text)));
        for physical in line.split("\r\n") {
            assert!(physical.len() <= 75, "{physical}");
        }
        let unfolded = line.replace("\r\n ", "");
        assert_eq!(unescape(unfolded.trim_start_matches("SUMMARY:")), text);
    }

    #[test]
    fn newlines_and_control_characters_are_escaped_or_dropped() {
        assert_eq!(escape("a\r\nb\nc\u{7}d"), "a\\nb\\ncd");
    }
}
