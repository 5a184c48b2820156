//! Times of day on a calendar day: EDTF level 0 `hh:mm:ss` after a `T`, with no offset
//! (local time of an unstated place), `Z` (UTC), `±hh` or `±hh:mm`.
//!
//! The offset is kept as written (`-05` and `-05:00` are different texts of the same
//! offset) so that canonical text round-trips byte for byte.

use super::DateError;
use chrono::{FixedOffset, NaiveTime};
use std::fmt;

/// The largest distance from UTC any time zone uses (UTC+14:00, Line Islands); a larger
/// offset is a typing error, not a place.
const MAX_OFFSET_MINUTES: i32 = 14 * 60;

/// The offset a time of day is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeOffset {
    /// No offset: the local time of the place, which the value does not name.
    Local,
    /// `Z`: UTC.
    Utc,
    /// `±hh`: whole hours east of UTC (negative west).
    Hours(i8),
    /// `±hh:mm`: minutes east of UTC (negative west), written with minutes.
    Minutes(i16),
}

impl TimeOffset {
    /// Minutes east of UTC; `None` for local time.
    pub fn minutes_east(self) -> Option<i32> {
        match self {
            TimeOffset::Local => None,
            TimeOffset::Utc => Some(0),
            TimeOffset::Hours(h) => Some(i32::from(h) * 60),
            TimeOffset::Minutes(m) => Some(i32::from(m)),
        }
    }

    /// The offset for chrono; `None` for local time.
    pub fn to_chrono(self) -> Option<FixedOffset> {
        self.minutes_east()
            .and_then(|m| FixedOffset::east_opt(m * 60))
    }

    /// How a reader sees the offset: "UTC", "UTC−05:00", "UTC+05:30" (with a true minus
    /// sign); `None` for local time.
    pub fn label(self) -> Option<String> {
        let minutes = self.minutes_east()?;
        if minutes == 0 {
            return Some("UTC".into());
        }
        let sign = if minutes < 0 { '\u{2212}' } else { '+' };
        let abs = minutes.abs();
        Some(format!("UTC{sign}{:02}:{:02}", abs / 60, abs % 60))
    }

    fn check(self) -> Result<(), String> {
        let minutes = self.minutes_east().unwrap_or(0);
        if minutes.abs() > MAX_OFFSET_MINUTES {
            return Err(format!(
                "offset {} is more than 14 hours from UTC",
                OffsetText(self)
            ));
        }
        Ok(())
    }

    /// `Z`, `±hh` or `±hh:mm` (EDTF requires the extended format with a colon).
    fn parse(whole: &str, text: &str) -> Result<Self, DateError> {
        let bad = |why: String| DateError::Time(whole.to_string(), why);
        if text == "Z" {
            return Ok(TimeOffset::Utc);
        }
        let b = text.as_bytes();
        let negative = match b.first() {
            Some(b'+') => false,
            Some(b'-') => true,
            _ => return Err(DateError::Syntax(whole.to_string())),
        };
        let hours = two_digits(b, 1).ok_or_else(|| DateError::Syntax(whole.to_string()))?;
        let minutes = match b.len() {
            3 => None,
            6 if b[3] == b':' => {
                Some(two_digits(b, 4).ok_or_else(|| DateError::Syntax(whole.to_string()))?)
            }
            _ => return Err(DateError::Syntax(whole.to_string())),
        };
        if minutes.is_some_and(|m| m > 59) {
            return Err(bad(format!("offset {text} has more than 59 minutes")));
        }
        let total = hours * 60 + minutes.unwrap_or(0);
        if negative && total == 0 {
            // `-00:00` would print back as `+00:00`; ISO 8601 gives it no meaning of its own.
            return Err(bad(format!(
                "offset {text} is not an offset: write Z or +00:00 for UTC"
            )));
        }
        if total > MAX_OFFSET_MINUTES as u32 {
            return Err(bad(format!("offset {text} is more than 14 hours from UTC")));
        }
        // Both fit: hours <= 14 and total <= 840 were checked above.
        let (hours, total) = (hours as i8, total as i16);
        Ok(match (minutes, negative) {
            (None, false) => TimeOffset::Hours(hours),
            (None, true) => TimeOffset::Hours(-hours),
            (Some(_), false) => TimeOffset::Minutes(total),
            (Some(_), true) => TimeOffset::Minutes(-total),
        })
    }
}

/// Prints an offset as EDTF writes it: nothing, `Z`, `-05`, `+05:30`.
struct OffsetText(TimeOffset);

impl fmt::Display for OffsetText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = |minutes: i32| if minutes < 0 { '-' } else { '+' };
        match self.0 {
            TimeOffset::Local => Ok(()),
            TimeOffset::Utc => f.write_str("Z"),
            TimeOffset::Hours(h) => write!(f, "{}{:02}", sign(h.into()), h.unsigned_abs()),
            TimeOffset::Minutes(m) => {
                let abs = m.unsigned_abs();
                write!(f, "{}{:02}:{:02}", sign(m.into()), abs / 60, abs % 60)
            }
        }
    }
}

/// A time of day to the second, with the offset it was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeOfDay {
    hour: u8,
    minute: u8,
    second: u8,
    offset: TimeOffset,
}

impl TimeOfDay {
    /// A time of day; refuses hours past 23, minutes or seconds past 59 (EDTF keeps no
    /// leap seconds) and offsets more than 14 hours from UTC.
    pub fn new(hour: u32, minute: u32, second: u32, offset: TimeOffset) -> Result<Self, DateError> {
        let text = format!("{hour:02}:{minute:02}:{second:02}{}", OffsetText(offset));
        check_clock(hour, minute, second)
            .and_then(|()| offset.check())
            .map_err(|why| DateError::Time(text, why))?;
        Ok(TimeOfDay {
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
            offset,
        })
    }

    pub fn hour(&self) -> u32 {
        self.hour.into()
    }

    pub fn minute(&self) -> u32 {
        self.minute.into()
    }

    pub fn second(&self) -> u32 {
        self.second.into()
    }

    pub fn offset(&self) -> TimeOffset {
        self.offset
    }

    /// The clock time as written (in the value's own offset).
    pub fn naive(&self) -> NaiveTime {
        NaiveTime::from_hms_opt(self.hour(), self.minute(), self.second())
            .expect("clock checked on construction")
    }

    /// The clock as a reader sees it: "09:30", or "09:30:15" when seconds are stated.
    pub fn clock(&self) -> String {
        if self.second == 0 {
            format!("{:02}:{:02}", self.hour, self.minute)
        } else {
            format!("{:02}:{:02}:{:02}", self.hour, self.minute, self.second)
        }
    }

    /// The time in its own offset, for a reader: "09:30 (UTC−05:00)", "09:30 (UTC)", or
    /// "09:30" for local time.
    pub fn label(&self) -> String {
        match self.offset.label() {
            Some(offset) => format!("{} ({offset})", self.clock()),
            None => self.clock(),
        }
    }

    /// Reads the part after `T`: `hh:mm:ss` then an optional offset. `whole` is the full
    /// value, which every error names.
    pub(super) fn parse(whole: &str, text: &str) -> Result<Self, DateError> {
        let syntax = || DateError::Syntax(whole.to_string());
        let b = text.as_bytes();
        let (hour, minute) = match (two_digits(b, 0), b.get(2), two_digits(b, 3)) {
            (Some(h), Some(b':'), Some(m)) => (h, m),
            _ => return Err(syntax()),
        };
        if b.get(5) != Some(&b':') {
            // ISO 8601 allows hh:mm, but EDTF level 0 states the time to the second.
            return Err(DateError::Time(
                whole.to_string(),
                "the time needs seconds: write hh:mm:ss, e.g. 09:30:00".into(),
            ));
        }
        let second = two_digits(b, 6).ok_or_else(syntax)?;
        // The first eight bytes are ASCII digits and colons, so 8 is a char boundary.
        let rest = &text[8..];
        if rest.starts_with(['.', ',']) {
            return Err(DateError::Time(
                whole.to_string(),
                "fractions of a second are not part of EDTF level 0 or 1".into(),
            ));
        }
        let offset = match rest {
            "" => TimeOffset::Local,
            _ => TimeOffset::parse(whole, rest)?,
        };
        check_clock(hour, minute, second).map_err(|why| DateError::Time(whole.to_string(), why))?;
        Ok(TimeOfDay {
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
            offset,
        })
    }
}

fn check_clock(hour: u32, minute: u32, second: u32) -> Result<(), String> {
    if hour > 23 {
        return Err(format!(
            "hour {hour} does not exist (00 to 23; midnight at the end of a day is 00:00:00 of the next)"
        ));
    }
    if minute > 59 {
        return Err(format!("minute {minute} does not exist (00 to 59)"));
    }
    if second > 59 {
        return Err(format!(
            "second {second} does not exist (00 to 59; leap seconds are not kept)"
        ));
    }
    Ok(())
}

/// Two ASCII digits at `at`, as a number.
fn two_digits(b: &[u8], at: usize) -> Option<u32> {
    match b.get(at..at + 2)? {
        [t, u] if t.is_ascii_digit() && u.is_ascii_digit() => {
            Some(u32::from(t - b'0') * 10 + u32::from(u - b'0'))
        }
        _ => None,
    }
}

impl fmt::Display for TimeOfDay {
    /// The EDTF text after `T`: `09:30:00`, `09:30:00Z`, `09:30:00-05:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}:{:02}:{:02}{}",
            self.hour,
            self.minute,
            self.second,
            OffsetText(self.offset)
        )
    }
}
