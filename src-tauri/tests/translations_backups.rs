//! The translation editor's and the backup list's commands, through the mock runtime.

mod common;

use common::*;
use serde_json::{json, Value};

fn groups(h: &Harness) -> Vec<Value> {
    h.ok("translation_groups", json!({}))
        .as_array()
        .expect("groups")
        .clone()
}

#[test]
fn a_translation_set_in_the_editor_is_counted_shown_and_undone() {
    let h = Harness::new();
    h.ok("open_database", json!({ "path": null }));
    let pillar = groups(&h)
        .into_iter()
        .find(|g| !g["pillar_id"].is_null())
        .expect("a pillar");
    let rows = h.ok(
        "translation_texts",
        json!({ "dialogueId": pillar["dialogue_id"], "pillarId": pillar["pillar_id"] }),
    );
    let rows = rows.as_array().expect("rows");
    assert_eq!(rows.len() as u64, pillar["total"].as_u64().unwrap());
    let initiative = rows
        .iter()
        .find(|r| r["kind"] == "initiative_title" && r["text_es"].is_null())
        .expect("an untranslated initiative title");
    h.ok(
        "set_translation",
        json!({ "kind": "initiative_title", "id": initiative["id"], "textEs": "Cadenas de suministro" }),
    );
    let after = groups(&h)
        .into_iter()
        .find(|g| g["pillar_id"] == pillar["pillar_id"])
        .unwrap();
    assert_eq!(
        after["translated"].as_u64().unwrap(),
        pillar["translated"].as_u64().unwrap() + 1
    );
    let outline = h.ok("record_outline", json!({}));
    let shown = outline["dialogues"][0]["pillars"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["initiatives"].as_array().unwrap().clone())
        .find(|i| i["id"] == initiative["id"])
        .unwrap();
    assert_eq!(shown["title_es"], "Cadenas de suministro");
    assert!(h.ok("undo_last", json!({})).is_string());
    let undone = groups(&h)
        .into_iter()
        .find(|g| g["pillar_id"] == pillar["pillar_id"])
        .unwrap();
    assert_eq!(undone, pillar);
}

#[test]
fn a_translation_of_something_that_does_not_exist_is_not_found() {
    let h = Harness::new();
    h.ok("open_database", json!({ "path": null }));
    let error = h
        .call(
            "set_translation",
            json!({ "kind": "entry_text", "id": 999_999, "textEs": "x" }),
        )
        .unwrap_err();
    assert_eq!(code(&error), "not_found");
    let error = h
        .call(
            "set_translation",
            json!({ "kind": "no_such_kind", "id": 1, "textEs": "x" }),
        )
        .unwrap_err();
    assert!(error.to_string().contains("no_such_kind"), "{error}");
}

#[test]
fn a_listed_backup_is_restored_and_the_replaced_record_kept() {
    let h = Harness::new().with_small_record();
    let count = h.entries().len();
    let copy = h.ok("backup_now", json!({}));
    let id = h.entries()[0]["id"].clone();
    h.ok("delete_entry", json!({ "id": id }));
    let listed = h.ok("list_backups", json!({}));
    let row = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["path"] == copy)
        .expect("the new backup is listed")
        .clone();
    let info = h.ok("restore_backup", json!({ "path": row["path"] }));
    assert_eq!(info["entries"], json!(count));
    assert_eq!(h.entries().len(), count);
    let after = h.ok("list_backups", json!({}));
    assert!(after
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["kind"] == "before-restore"));
}

#[test]
fn a_path_that_is_not_a_listed_backup_is_refused_and_nothing_changes() {
    let h = Harness::new().with_small_record();
    let count = h.entries().len();
    h.ok("backup_now", json!({}));
    let outside = h.dir.path().join("elsewhere.sqlite");
    std::fs::copy(h.db(), &outside).unwrap();
    for path in [
        outside.display().to_string(),
        h.db().display().to_string(),
        "/etc/passwd".to_string(),
    ] {
        let error = h
            .call("restore_backup", json!({ "path": path }))
            .unwrap_err();
        assert_eq!(code(&error), "invalid_input", "{path}");
        assert!(error["message"].as_str().unwrap().contains("not one of"));
    }
    assert_eq!(h.entries().len(), count);
}
