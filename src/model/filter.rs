//! The one entry filter: list, search, the packet and the app select entries with
//! [`Filters`], and decide date overlap with [`DateRange`]. The store runs the same rules
//! in SQL (`store::queries`), translated from the functions here.

use super::date::{parse_filter_bound, Edtf};
use super::record::{EntryKind, Status};
use super::text::normalize_key as fold;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The pillar number that stands for the dialogue-level entries ("General").
pub const GENERAL_PILLAR: u32 = 0;

/// Which entries to keep. Empty lists mean "no restriction". The JSON field names are
/// those of saved packet specs (`filters` in a `PacketSpec`), which existing databases
/// hold: they must keep reading.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Default, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Filters {
    /// Pillar numbers (1-based); 0 selects the dialogue-level entries ("General"). With a
    /// list that lacks 0, General entries are left out.
    pub pillars: Vec<u32>,
    /// Range start, `YYYY` / `YYYY-MM` / `YYYY-MM-DD` (from its first day); entries whose
    /// date span overlaps the range are kept.
    pub from: Option<String>,
    /// Range end, same forms (to its last day).
    pub to: Option<String>,
    pub statuses: Vec<Status>,
    pub kinds: Vec<EntryKind>,
    /// Agency keys (acronym or name), compared folded (case and accents ignored).
    pub agencies: Vec<String>,
    /// Words that must all occur (folded) in the entry, its initiative or its agencies.
    pub query: Option<String>,
    /// Whether entries without a date are kept when a date range is set (without a range
    /// they always are). Defaults to false: a packet for October holds what happened in
    /// October; its overview counts the undated entries it left out, so none is dropped
    /// silently, and a saved spec states the choice explicitly.
    pub include_undated: bool,
}

/// A filter value that does not read; names the field and the value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    #[error("{field}: '{value}' is not a date as YYYY, YYYY-MM or YYYY-MM-DD ({reason})")]
    Date {
        field: &'static str,
        value: String,
        reason: String,
    },
    #[error("the date range ends ({to}) before it starts ({from})")]
    Reversed { from: String, to: String },
}

/// What the date part of a filter says about one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateVerdict {
    /// No range set, or the entry's span overlaps it.
    Kept,
    OutOfRange,
    /// A range is set, the entry has no date, and undated entries are not wanted.
    Undated,
}

/// A filter's date range as inclusive days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub include_undated: bool,
}

impl DateRange {
    pub fn is_set(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// The one overlap predicate: an entry is in range when its interval overlaps the range
    /// (open ends of either reach forever).
    pub fn judge(&self, date: Option<&Edtf>) -> DateVerdict {
        if !self.is_set() {
            return DateVerdict::Kept;
        }
        match date {
            Some(edtf) if edtf.overlaps(self.from, self.to) => DateVerdict::Kept,
            Some(_) => DateVerdict::OutOfRange,
            None if self.include_undated => DateVerdict::Kept,
            None => DateVerdict::Undated,
        }
    }

    /// The range as the store compares it against an entry's sortable bounds
    /// (`Edtf::sortable_bounds`): kept when `upper >= from` and `lower <= to`, the same
    /// overlap as [`DateRange::judge`].
    pub fn sql_bounds(&self) -> (Option<String>, Option<String>) {
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        (self.from.map(day), self.to.map(day))
    }
}

impl Filters {
    /// The date range, refusing a bad date or a reversed range.
    pub fn date_range(&self) -> Result<DateRange, FilterError> {
        let bound = |field: &'static str, text: &Option<String>, upper: bool| {
            text.as_deref()
                .filter(|t| !t.trim().is_empty())
                .map(|t| {
                    parse_filter_bound(t)
                        .map(|(lo, hi)| if upper { hi } else { lo })
                        .map_err(|e| FilterError::Date {
                            field,
                            value: t.into(),
                            reason: e.to_string(),
                        })
                })
                .transpose()
        };
        let from = bound("from", &self.from, false)?;
        let to = bound("to", &self.to, true)?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(FilterError::Reversed {
                    from: self.from.clone().unwrap_or_default(),
                    to: self.to.clone().unwrap_or_default(),
                });
            }
        }
        Ok(DateRange {
            from,
            to,
            include_undated: self.include_undated,
        })
    }

    /// Whether entries of pillar `number` (0 for General) are wanted.
    pub fn selects_pillar(&self, number: u32) -> bool {
        self.pillars.is_empty() || self.pillars.contains(&number)
    }

    /// The query's words, folded.
    pub fn words(&self) -> Vec<String> {
        self.query
            .as_deref()
            .map(|q| fold(q).split_whitespace().map(String::from).collect())
            .unwrap_or_default()
    }

    /// The agency keys, folded.
    pub fn folded_agencies(&self) -> Vec<String> {
        self.agencies.iter().map(|a| fold(a.trim())).collect()
    }
}

/// Whether every word occurs in the folded text of `parts` (entry text, its Spanish text,
/// the initiative's title and summary, the agencies).
pub fn has_all_words(words: &[String], parts: &[&str]) -> bool {
    if words.is_empty() {
        return true;
    }
    let haystack = fold(&parts.join("\n"));
    words.iter().all(|w| haystack.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_undated_entry_is_left_out_of_a_range_by_default_and_kept_on_request() {
        let mut filters = Filters {
            from: Some("2022".into()),
            ..Filters::default()
        };
        assert_eq!(
            filters.date_range().unwrap().judge(None),
            DateVerdict::Undated
        );
        filters.include_undated = true;
        assert_eq!(filters.date_range().unwrap().judge(None), DateVerdict::Kept);
    }

    #[test]
    fn a_span_that_overlaps_the_range_is_kept() {
        let range = Filters {
            from: Some("2022".into()),
            ..Filters::default()
        }
        .date_range()
        .unwrap();
        let span: Edtf = "2021-09/2022-02".parse().unwrap();
        let before: Edtf = "2021-12".parse().unwrap();
        assert_eq!(range.judge(Some(&span)), DateVerdict::Kept);
        assert_eq!(range.judge(Some(&before)), DateVerdict::OutOfRange);
        assert_eq!(range.sql_bounds(), (Some("2022-01-01".into()), None));
    }

    #[test]
    fn query_words_fold_like_titles_so_u_s_and_us_agree() {
        let words = Filters {
            query: Some("U.S. cooperacion".into()),
            ..Filters::default()
        }
        .words();
        assert_eq!(words, ["us", "cooperacion"]);
        assert!(has_all_words(&words, &["US-Mexico Cooperación"]));
        let us = Filters {
            query: Some("US".into()),
            ..Filters::default()
        };
        assert!(has_all_words(&us.words(), &["the U.S. delegation"]));
    }

    #[test]
    fn a_saved_spec_filter_without_include_undated_still_reads() {
        let f: Filters = serde_json::from_str(r#"{"pillars":[2],"from":"2021"}"#).unwrap();
        assert!(!f.include_undated);
        assert_eq!(f.pillars, vec![2]);
    }
}
