//! Which stored pillar a document's pillar is: the same title (folded, English or
//! Spanish), or the same number with a similar title. A later fact sheet's statements
//! land in the pillars they belong to, never in a made-up "Pillar V".

use super::{MergeAction, Merger};
use crate::model::{normalize_key, Pillar};
use crate::store::history::{FieldChange, Subject};
use crate::store::rows::{self, Place};
use crate::store::StoreError;
use rusqlite::params;

/// id, number, title, title_es
type StoredPillar = (i64, u32, String, Option<String>);

/// Words too common to tell two pillar titles apart (English and Spanish).
const STOP_WORDS: &[&str] = &[
    "and", "the", "for", "our", "with", "del", "las", "los", "por", "para", "con", "nuestra",
    "nuestro", "una",
];

fn significant_words(title: &str) -> Vec<String> {
    normalize_key(title)
        .split(' ')
        .filter(|w| w.chars().count() >= 3 && !STOP_WORDS.contains(w))
        .map(String::from)
        .collect()
}

/// Whether two titles share most of their significant words: more than half of the
/// shorter title's words occur in the other ("Promoting Sustainable Economic and Social
/// Development" is "... Development in Southern Mexico and Central America").
pub(crate) fn similar_titles(a: &str, b: &str) -> bool {
    let (a, b) = (significant_words(a), significant_words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return false;
    }
    let shared = short.iter().filter(|w| long.contains(w)).count();
    shared * 2 > short.len()
}

/// The stored pillar `pillar` is: first by folded title, then by number with a similar
/// title.
fn matching_pillar<'a>(existing: &'a [StoredPillar], pillar: &Pillar) -> Option<&'a StoredPillar> {
    let key = normalize_key(&pillar.title);
    let titles = |p: &'a StoredPillar| std::iter::once(p.2.as_str()).chain(p.3.as_deref());
    existing
        .iter()
        .find(|p| titles(p).any(|t| normalize_key(t) == key))
        .or_else(|| {
            existing.iter().find(|p| {
                p.1 == pillar.number && titles(p).any(|t| similar_titles(t, &pillar.title))
            })
        })
}

impl Merger<'_, '_> {
    /// Finds the stored pillar a document's pillar is, or adds it; returns its id and
    /// its number in the store.
    pub(super) fn merge_pillar(
        &mut self,
        dialogue_id: i64,
        pillar: &Pillar,
    ) -> Result<(i64, u32), StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, number, title, title_es FROM pillar WHERE dialogue_id = ?1",
        )?;
        let existing: Vec<StoredPillar> = stmt
            .query_map([dialogue_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<Result<_, _>>()?;
        let found = matching_pillar(&existing, pillar);
        match found {
            Some((id, number, title, title_es)) => {
                if title_es.is_none() && pillar.title_es.is_some() {
                    self.conn.execute(
                        "UPDATE pillar SET title_es = ?2 WHERE id = ?1",
                        params![id, pillar.title_es],
                    )?;
                    let place = Place {
                        pillar: Some(*number),
                        initiative: None,
                    };
                    self.trace.changed(
                        &Subject {
                            entity: "pillar",
                            id: *id,
                            label: title,
                            place: &place,
                        },
                        FieldChange {
                            field: "title_es",
                            old: None,
                            new: pillar.title_es.as_deref(),
                        },
                    )?;
                    self.line(
                        MergeAction::Update,
                        "pillar",
                        place.describe(title),
                        Some("Spanish title added".into()),
                    );
                }
                Ok((*id, *number))
            }
            None => {
                // The document's number when it is free, else the next one: a pillar
                // that matched nothing never takes over another's number.
                let number = if existing.iter().any(|(_, n, _, _)| *n == pillar.number) {
                    existing.iter().map(|(_, n, _, _)| *n).max().unwrap_or(0) + 1
                } else {
                    pillar.number
                };
                self.report.added_pillars += 1;
                let place = Place {
                    pillar: Some(number),
                    initiative: None,
                };
                self.line(
                    MergeAction::Add,
                    "pillar",
                    place.describe(&pillar.title),
                    None,
                );
                let id = rows::insert_pillar(
                    self.conn,
                    dialogue_id,
                    number,
                    &pillar.title,
                    pillar.title_es.as_deref(),
                    self.trace,
                )?;
                Ok((id, number))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::similar_titles;

    #[test]
    fn titles_are_similar_when_they_share_most_significant_words() {
        assert!(similar_titles(
            "Promoting Sustainable Economic and Social Development",
            "Promoting Sustainable Economic and Social Development in Southern Mexico and \
             Central America"
        ));
        assert!(similar_titles(
            "Building back together",
            "Building Back Together"
        ));
        assert!(!similar_titles(
            "Securing the Regional and Digital Economy",
            "Securing the Tools for Future Prosperity"
        ));
        assert!(!similar_titles("and the", "Investing in Our People"));
    }
}
