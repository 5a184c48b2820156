//! How a [`PacketSpec`] reads from JSON: missing fields take their defaults, unknown ones
//! are refused, and the spec written before meetings were in the record still reads.
//!
//! Migration rule: `meeting` used to be the cover's free-text object
//! `{name, date, place}`; it is now the name or id of a record meeting. An object under
//! `meeting` is read as `cover` (a spec that has both is refused, so nothing is lost
//! silently); saving the spec again writes the new form.

use super::{Filters, Meeting, Options, PacketSpec, PageSize, Section};
use crate::model::Lang;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SpecWire {
    title: String,
    dialogue: Option<String>,
    meeting: Option<MeetingField>,
    cover: Option<Meeting>,
    prepared_for: String,
    prepared_by: String,
    prepared_on: Option<String>,
    marking: Option<String>,
    lang: Lang,
    page: PageSize,
    filters: Filters,
    sections: Vec<Section>,
    changes_since: Option<String>,
    options: Options,
}

/// `meeting` as a record meeting's name, or (old specs) the cover's meeting object.
#[derive(Deserialize)]
#[serde(untagged)]
enum MeetingField {
    Record(String),
    Cover(Meeting),
}

impl Default for SpecWire {
    fn default() -> Self {
        let d = PacketSpec::default();
        SpecWire {
            title: d.title,
            dialogue: d.dialogue,
            meeting: None,
            cover: None,
            prepared_for: d.prepared_for,
            prepared_by: d.prepared_by,
            prepared_on: d.prepared_on,
            marking: d.marking,
            lang: d.lang,
            page: d.page,
            filters: d.filters,
            sections: d.sections,
            changes_since: d.changes_since,
            options: d.options,
        }
    }
}

impl TryFrom<SpecWire> for PacketSpec {
    type Error = String;

    fn try_from(w: SpecWire) -> Result<PacketSpec, String> {
        let (meeting, cover) = match (w.meeting, w.cover) {
            (Some(MeetingField::Cover(_)), Some(_)) => {
                return Err("meeting: an object here is the old form of 'cover', and \
                            'cover' is also given; keep one"
                    .into())
            }
            (Some(MeetingField::Cover(old)), None) => (None, old),
            (Some(MeetingField::Record(name)), cover) => (
                Some(name).filter(|n| !n.trim().is_empty()),
                cover.unwrap_or_default(),
            ),
            (None, cover) => (None, cover.unwrap_or_default()),
        };
        Ok(PacketSpec {
            title: w.title,
            dialogue: w.dialogue.filter(|d| !d.trim().is_empty()),
            meeting,
            cover,
            prepared_for: w.prepared_for,
            prepared_by: w.prepared_by,
            prepared_on: w.prepared_on,
            marking: w.marking,
            lang: w.lang,
            page: w.page,
            filters: w.filters,
            sections: w.sections,
            changes_since: w.changes_since,
            options: w.options,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_spec_with_a_cover_meeting_object_reads_as_cover() {
        let spec = PacketSpec::from_json(
            r#"{"meeting":{"name":"HLED ministerial","date":"Sept 2022","place":"Mexico City"}}"#,
        )
        .unwrap();
        assert_eq!(spec.meeting, None);
        assert_eq!(spec.cover.name, "HLED ministerial");
        assert_eq!(spec.cover.place, "Mexico City");
        // Written again in the new form, it reads back the same.
        let again = PacketSpec::from_json(&serde_json::to_string(&spec).unwrap()).unwrap();
        assert_eq!(again, spec);
    }

    #[test]
    fn a_meeting_name_selects_a_record_meeting() {
        let spec = PacketSpec::from_json(r#"{"meeting":"HLED 2022","dialogue":"HLED"}"#).unwrap();
        assert_eq!(spec.meeting.as_deref(), Some("HLED 2022"));
        assert_eq!(spec.dialogue.as_deref(), Some("HLED"));
        let round = PacketSpec::from_json(&serde_json::to_string(&spec).unwrap()).unwrap();
        assert_eq!(round, spec);
    }

    #[test]
    fn old_and_new_cover_together_are_refused_and_unknown_fields_still_are() {
        let err = PacketSpec::from_json(r#"{"meeting":{"name":"A"},"cover":{"name":"B"}}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("cover"), "{err}");
        let err = PacketSpec::from_json(r#"{"meting":"A"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("meting"), "{err}");
        let err = PacketSpec::from_json(r#"{"meeting":7}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 1"), "{err}");
    }
}
