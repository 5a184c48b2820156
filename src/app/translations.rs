//! The translation editor: every text of the record beside its Spanish version, a pillar
//! at a time, with how much of each pillar is translated; and setting one translation.
//! Each translation set is one undoable change, through the same store edits as the
//! Record view's (`update_entry`, `update_initiative`, `update_pillar`) or, for the
//! dialogue's name and notes, the store's translation setters.

use super::error::{Error, ErrorCode, Result};
use super::record::clean;
use crate::model::Id;
use crate::store::{EntryPatch, InitiativePatch, Store};
use serde::{Deserialize, Serialize};

/// Which text a translation belongs to.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextKind {
    DialogueName,
    PillarTitle,
    InitiativeTitle,
    InitiativeSummary,
    EntryText,
    NoteText,
}

/// One text and its Spanish version (`None` while untranslated).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslationRow {
    pub kind: TextKind,
    #[cfg_attr(feature = "ts", ts(as = "f64"))]
    pub id: Id,
    pub text: String,
    pub text_es: Option<String>,
    /// The initiative the text belongs to (for entries and notes), to show where it sits.
    pub initiative: Option<String>,
}

/// A pillar (or a dialogue's own texts: its name and its General entries) with how many
/// of its texts are translated.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslationGroup {
    #[cfg_attr(feature = "ts", ts(as = "f64"))]
    pub dialogue_id: Id,
    /// `None` for the dialogue's own texts.
    #[cfg_attr(feature = "ts", ts(as = "Option<f64>"))]
    pub pillar_id: Option<Id>,
    /// The pillar's number, `None` for the dialogue's own texts.
    pub number: Option<u32>,
    /// The pillar's title, or the dialogue's name.
    pub title: String,
    pub dialogue: String,
    pub translated: u32,
    pub total: u32,
}

/// Every pillar of every dialogue (after the dialogue's own texts), with its counts.
pub fn groups(store: &Store) -> Result<Vec<TranslationGroup>> {
    let counts = store.translation_counts()?;
    let count = |d: Id, p: Option<Id>| {
        counts
            .iter()
            .find(|c| c.dialogue_id == d && c.pillar_id == p)
            .map_or((0, 0), |c| (c.translated, c.total))
    };
    let mut out = Vec::new();
    for d in store.outline()?.dialogues {
        let (translated, total) = count(d.id, None);
        out.push(TranslationGroup {
            dialogue_id: d.id,
            pillar_id: None,
            number: None,
            title: d.name.clone(),
            dialogue: d.short_name.clone(),
            translated,
            total,
        });
        for p in d.pillars {
            let (translated, total) = count(d.id, Some(p.id));
            out.push(TranslationGroup {
                dialogue_id: d.id,
                pillar_id: Some(p.id),
                number: Some(p.number),
                title: p.title,
                dialogue: d.short_name.clone(),
                translated,
                total,
            });
        }
    }
    Ok(out)
}

fn row(
    kind: TextKind,
    id: Id,
    text: &str,
    es: &Option<String>,
    at: Option<&str>,
) -> TranslationRow {
    TranslationRow {
        kind,
        id,
        text: text.to_string(),
        text_es: es.clone(),
        initiative: at.map(str::to_string),
    }
}

/// The texts of pillar `pillar_id` of dialogue `dialogue_id` in record order, or with
/// `pillar_id` `None` the dialogue's name and General entries (with their notes).
pub fn texts(store: &Store, dialogue_id: Id, pillar_id: Option<Id>) -> Result<Vec<TranslationRow>> {
    let outline = store.outline()?;
    let dialogue = outline
        .dialogues
        .into_iter()
        .find(|d| d.id == dialogue_id)
        .ok_or_else(|| {
            Error::new(
                ErrorCode::NotFound,
                format!("no dialogue with id {dialogue_id}"),
            )
        })?;
    let mut out = Vec::new();
    let Some(pillar_id) = pillar_id else {
        out.push(row(
            TextKind::DialogueName,
            dialogue.id,
            &dialogue.name,
            &dialogue.name_es,
            None,
        ));
        for e in store.dialogue_entries(dialogue.id)? {
            out.push(row(TextKind::EntryText, e.id, &e.text, &e.text_es, None));
            for n in &e.notes {
                out.push(row(TextKind::NoteText, n.id, &n.text, &n.text_es, None));
            }
        }
        return Ok(out);
    };
    let pillar = dialogue
        .pillars
        .into_iter()
        .find(|p| p.id == pillar_id)
        .ok_or_else(|| {
            Error::new(
                ErrorCode::NotFound,
                format!(
                    "no pillar with id {pillar_id} in dialogue {}",
                    dialogue.short_name
                ),
            )
        })?;
    out.push(row(
        TextKind::PillarTitle,
        pillar.id,
        &pillar.title,
        &pillar.title_es,
        None,
    ));
    for i in pillar.initiatives {
        let at = Some(i.title.as_str());
        out.push(row(
            TextKind::InitiativeTitle,
            i.id,
            &i.title,
            &i.title_es,
            None,
        ));
        if let Some(summary) = i.summary.as_deref().filter(|s| !s.trim().is_empty()) {
            out.push(row(
                TextKind::InitiativeSummary,
                i.id,
                summary,
                &i.summary_es,
                at,
            ));
        }
        for n in &i.notes {
            out.push(row(TextKind::NoteText, n.id, &n.text, &n.text_es, at));
        }
        for e in store.initiative_entries(i.id)? {
            out.push(row(TextKind::EntryText, e.id, &e.text, &e.text_es, at));
            for n in &e.notes {
                out.push(row(TextKind::NoteText, n.id, &n.text, &n.text_es, at));
            }
        }
    }
    Ok(out)
}

/// Sets the Spanish version of one text (blank or `None` removes it), as one undoable change.
pub fn set(store: &mut Store, kind: TextKind, id: Id, text_es: Option<String>) -> Result<()> {
    let es = text_es.map(clean).filter(|t| !t.trim().is_empty());
    match kind {
        TextKind::DialogueName => store.set_dialogue_name_es(id, es.as_deref())?,
        TextKind::PillarTitle => store.update_pillar(id, None, Some(es.as_deref()))?,
        TextKind::InitiativeTitle => store.update_initiative(
            id,
            &InitiativePatch {
                title_es: Some(es),
                ..InitiativePatch::default()
            },
        )?,
        TextKind::InitiativeSummary => store.update_initiative(
            id,
            &InitiativePatch {
                summary_es: Some(es),
                ..InitiativePatch::default()
            },
        )?,
        TextKind::EntryText => store.update_entry(
            id,
            &EntryPatch {
                text_es: Some(es),
                ..EntryPatch::default()
            },
        )?,
        TextKind::NoteText => store.set_note_text_es(id, es.as_deref())?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::builtin::seeded_store as seeded;

    fn first_pillar(store: &Store) -> TranslationGroup {
        groups(store)
            .unwrap()
            .into_iter()
            .find(|g| g.pillar_id.is_some())
            .unwrap()
    }

    #[test]
    fn a_pillar_lists_its_title_initiatives_and_entries_in_order() {
        let store = seeded();
        let g = first_pillar(&store);
        let rows = texts(&store, g.dialogue_id, g.pillar_id).unwrap();
        assert_eq!(rows[0].kind, TextKind::PillarTitle);
        assert_eq!(rows[1].kind, TextKind::InitiativeTitle);
        assert!(rows
            .iter()
            .any(|r| r.kind == TextKind::EntryText && r.initiative.is_some()));
        assert_eq!(rows.len() as u32, g.total);
        let translated = rows.iter().filter(|r| r.text_es.is_some()).count() as u32;
        assert_eq!(translated, g.translated);
    }

    #[test]
    fn each_kind_of_text_is_translated_counted_and_undone() {
        let mut store = seeded();
        let g = first_pillar(&store);
        let rows = texts(&store, g.dialogue_id, g.pillar_id).unwrap();
        let missing: Vec<&TranslationRow> = rows.iter().filter(|r| r.text_es.is_none()).collect();
        let target = missing
            .first()
            .expect("the built-in record has untranslated texts");
        set(
            &mut store,
            target.kind,
            target.id,
            Some(" Título en español \u{7}".into()),
        )
        .unwrap();
        let after = texts(&store, g.dialogue_id, g.pillar_id).unwrap();
        let changed = after
            .iter()
            .find(|r| r.kind == target.kind && r.id == target.id)
            .unwrap();
        assert_eq!(changed.text_es.as_deref(), Some("Título en español"));
        assert_eq!(first_pillar(&store).translated, g.translated + 1);
        assert!(crate::app::record::undo(&mut store).unwrap().is_some());
        assert_eq!(first_pillar(&store), g);
    }

    #[test]
    fn the_dialogue_group_holds_its_name_and_a_blank_translation_removes_it() {
        let mut store = seeded();
        let g = groups(&store).unwrap().remove(0);
        assert_eq!(g.pillar_id, None);
        let rows = texts(&store, g.dialogue_id, None).unwrap();
        assert_eq!(rows[0].kind, TextKind::DialogueName);
        set(
            &mut store,
            TextKind::DialogueName,
            g.dialogue_id,
            Some("Diálogo".into()),
        )
        .unwrap();
        set(
            &mut store,
            TextKind::DialogueName,
            g.dialogue_id,
            Some("  ".into()),
        )
        .unwrap();
        assert_eq!(texts(&store, g.dialogue_id, None).unwrap()[0].text_es, None);
    }

    #[test]
    fn unknown_ids_are_not_found() {
        let mut store = seeded();
        let g = first_pillar(&store);
        assert_eq!(
            texts(&store, 999_999, None).unwrap_err().code,
            ErrorCode::NotFound
        );
        assert_eq!(
            texts(&store, g.dialogue_id, Some(999_999))
                .unwrap_err()
                .code,
            ErrorCode::NotFound
        );
        for kind in [
            TextKind::PillarTitle,
            TextKind::InitiativeTitle,
            TextKind::EntryText,
            TextKind::NoteText,
        ] {
            let error = set(&mut store, kind, 999_999, Some("x".into())).unwrap_err();
            assert_eq!(error.code, ErrorCode::NotFound, "{kind:?}");
        }
    }
}
