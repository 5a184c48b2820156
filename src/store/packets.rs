//! Saved packet definitions and the record of every render. The store keeps specs as
//! JSON and knows nothing of their shape (the packet layer owns it).

use super::{Store, StoreError};
use crate::model::Id;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSpec {
    #[cfg_attr(feature = "ts", ts(as = "f64"))]
    pub id: Id,
    pub name: String,
    /// The packet spec as JSON.
    pub spec: String,
}

/// One PDF written from a spec.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenderRecord {
    pub spec_name: Option<String>,
    pub spec: String,
    /// When, RFC 3339 UTC.
    pub at: String,
    pub path: String,
    pub sha256: String,
    pub pages: u32,
}

impl Store {
    /// Saves (or replaces) a packet spec under `name`.
    pub fn save_spec(&mut self, name: &str, spec_json: &str) -> Result<Id, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Validation("a saved packet needs a name".into()));
        }
        let tx = super::tx::begin_write(&self.conn)?;
        tx.execute(
            "INSERT INTO packet_spec (name, spec) VALUES (?1, ?2)
             ON CONFLICT (name) DO UPDATE SET spec = excluded.spec",
            params![name, spec_json],
        )?;
        let id = tx.query_row("SELECT id FROM packet_spec WHERE name = ?1", [name], |r| {
            r.get(0)
        })?;
        tx.commit()?;
        Ok(id)
    }

    /// The spec saved under `name`.
    pub fn saved_spec(&self, name: &str) -> Result<SavedSpec, StoreError> {
        self.conn
            .query_row(
                "SELECT id, name, spec FROM packet_spec WHERE name = ?1",
                [name.trim()],
                |r| {
                    Ok(SavedSpec {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        spec: r.get(2)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("no saved packet named '{}'", name.trim())))
    }

    /// Every saved spec, by name.
    pub fn saved_specs(&self) -> Result<Vec<SavedSpec>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, spec FROM packet_spec ORDER BY name COLLATE NOCASE")?;
        let rows = stmt.query_map([], |r| {
            Ok(SavedSpec {
                id: r.get(0)?,
                name: r.get(1)?,
                spec: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn delete_spec(&mut self, name: &str) -> Result<(), StoreError> {
        let tx = super::tx::begin_write(&self.conn)?;
        let n = tx.execute("DELETE FROM packet_spec WHERE name = ?1", [name.trim()])?;
        tx.commit()?;
        if n == 0 {
            return Err(StoreError::NotFound(format!(
                "no saved packet named '{}'",
                name.trim()
            )));
        }
        Ok(())
    }

    /// Records a render; the time is given by the caller (the edge reads the clock).
    pub fn record_render(&mut self, render: &RenderRecord) -> Result<(), StoreError> {
        let tx = super::tx::begin_write(&self.conn)?;
        tx.execute(
            "INSERT INTO packet_render (spec_id, spec, at, path, sha256, pages)
             VALUES ((SELECT id FROM packet_spec WHERE name = ?1), ?2, ?3, ?4, ?5, ?6)",
            params![
                render.spec_name,
                render.spec,
                render.at,
                render.path,
                render.sha256,
                render.pages
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Renders, newest first.
    pub fn renders(&self) -> Result<Vec<RenderRecord>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT s.name, r.spec, r.at, r.path, r.sha256, r.pages FROM packet_render r
             LEFT JOIN packet_spec s ON s.id = r.spec_id ORDER BY r.at DESC, r.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(RenderRecord {
                spec_name: r.get(0)?,
                spec: r.get(1)?,
                at: r.get(2)?,
                path: r.get(3)?,
                sha256: r.get(4)?,
                pages: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The day of the latest render (`YYYY-MM-DD`): the default "changes since" date.
    pub fn last_render_day(&self) -> Result<Option<String>, StoreError> {
        Ok(self.conn.query_row(
            "SELECT substr(max(at), 1, 10) FROM packet_render",
            [],
            |r| r.get(0),
        )?)
    }
}
