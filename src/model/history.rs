//! One recorded change to the record: what the store's history table holds, in the
//! shape packets ("changes since") and the app read it.

use super::record::Id;
use serde::{Deserialize, Serialize};

/// Who made a change.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    /// A person editing in the app or the CLI.
    User,
    /// An import of the source with this id and title.
    Import {
        #[cfg_attr(feature = "ts", ts(optional = nullable))]
        #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
        source_id: Option<Id>,
        title: String,
    },
}

/// A change to one field of one row (or a row created or deleted, with `field` = "*").
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEvent {
    #[cfg_attr(feature = "ts", ts(as = "f64"))]
    pub id: Id,
    /// When, RFC 3339 in UTC (`2026-11-28T01:40:00Z`).
    pub at: String,
    /// Table-like name: dialogue, pillar, initiative, entry, note, agency, source.
    pub entity: String,
    #[cfg_attr(feature = "ts", ts(as = "f64"))]
    pub entity_id: Id,
    /// The changed field, or `*` when the row was created or deleted.
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub origin: Origin,
    /// Where the row sits, for people: "Pillar II › Initiative title › entry text…".
    pub context: String,
    /// Pillar number the row belongs to, when it belongs to one.
    pub pillar: Option<u32>,
}
