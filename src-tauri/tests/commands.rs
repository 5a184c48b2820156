//! The app's commands exercised through Tauri's mock runtime: real IPC requests, the
//! real command table and state, a temporary database, no window.

mod common;

use common::*;
use serde_json::{json, Value};
use std::path::Path;

#[test]
fn opening_a_new_database_creates_it_where_configured() {
    let h = Harness::new();
    let info = h.ok("open_database", json!({ "path": null }));
    assert_eq!(info["path"], json!(h.db().display().to_string()));
    assert!(h.db().exists());
}

#[test]
fn commands_before_a_database_is_open_say_so() {
    let h = Harness::new();
    let err = h.call("load_record", json!({})).unwrap_err();
    assert_eq!(code(&err), "damaged_database");
}

#[test]
fn a_damaged_database_is_reported_as_incompatible_with_its_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("briefbook.sqlite"), "x".repeat(8192)).expect("write junk");
    let h = Harness::with_db(dir, "briefbook.sqlite");
    let err = h
        .call("open_database", json!({ "path": null }))
        .unwrap_err();
    assert_eq!(code(&err), "damaged_database");
    assert!(
        err["message"]
            .as_str()
            .expect("message")
            .contains("briefbook.sqlite"),
        "{err}"
    );
}

#[test]
fn import_preview_changes_nothing_and_confirm_adds_the_entries() {
    let h = Harness::new();
    h.ok("open_database", json!({ "path": null }));
    h.allow(&fixture("small-record.json"));
    let input = json!({ "input": { "kind": "file", "path": fixture("small-record.json") }, "progress": CHANNEL });
    let before = h.entries().len();
    let preview = h.ok("preview_import", input);
    assert_eq!(preview["format"], "json");
    assert_eq!(preview["report"]["dry_run"], true);
    let would_add = preview["report"]["added_entries"].as_u64().expect("count") as usize;
    assert_eq!(h.entries().len(), before, "a preview must not write");
    let token = json!({ "token": preview["token"], "progress": CHANNEL });
    let report = h.ok("apply_import", token.clone());
    assert_eq!(report["added_entries"], preview["report"]["added_entries"]);
    let again = h.call("apply_import", token).unwrap_err();
    assert_eq!(code(&again), "not_found", "a preview is applied once");
    assert_eq!(h.entries().len(), before + would_add);
}

#[test]
fn importing_something_that_is_not_a_record_fails_in_words() {
    let h = Harness::new();
    h.ok("open_database", json!({ "path": null }));
    let err = h
        .call(
            "preview_import",
            json!({ "input": { "kind": "text", "text": "{\"format\": \"other/9\"}" }, "progress": CHANNEL }),
        )
        .unwrap_err();
    assert_eq!(code(&err), "invalid_input");
    assert!(
        err["message"]
            .as_str()
            .expect("message")
            .contains("other/9"),
        "{err}"
    );
}

#[test]
fn a_status_change_is_kept_and_undo_reverts_it() {
    let h = Harness::new().with_small_record();
    let entry = h.entries()[0].clone();
    let id = entry["id"].as_i64().expect("id");
    let before = entry["status"].as_str().expect("status").to_string();
    let after = if before == "stalled" {
        "done"
    } else {
        "stalled"
    };
    h.ok(
        "update_entry",
        json!({ "id": id, "changes": [{ "field": "status", "value": after }] }),
    );
    assert_eq!(h.entries()[0]["status"], after);
    let undone = h.ok("undo_last", json!({}));
    assert!(undone.as_str().is_some(), "undo says what it reverted");
    assert_eq!(h.entries()[0]["status"], json!(before));
}

#[test]
fn removing_the_spanish_text_is_one_undoable_change() {
    let h = Harness::new().with_small_record();
    let id = h.entries()[0]["id"].as_i64().expect("id");
    h.ok(
        "update_entry",
        json!({ "id": id, "changes": [{ "field": "text_es", "value": "Texto" }] }),
    );
    assert_eq!(h.entries()[0]["text_es"], "Texto");
    h.ok(
        "update_entry",
        json!({ "id": id, "changes": [{ "field": "text_es", "value": null }] }),
    );
    assert!(h.entries()[0].get("text_es").is_none_or(Value::is_null));
}

#[test]
fn search_finds_cofepris_with_highlighted_parts() {
    let h = Harness::new().with_small_record();
    let hits = h.ok("search", json!({ "query": "cofepris", "limit": 10 }));
    let first = &hits.as_array().expect("hits")[0];
    assert!(first["initiative_title"]
        .as_str()
        .expect("title")
        .contains("Medical Devices"));
    let parts = first["snippet"].as_array().expect("snippet");
    assert!(parts.iter().any(|p| p["hit"] == true
        && p["text"]
            .as_str()
            .expect("text")
            .eq_ignore_ascii_case("cofepris")));
}

#[test]
fn read_date_reads_words_and_refuses_impossible_days() {
    let h = Harness::new();
    let reading = h.ok("read_date", json!({ "text": "June 2021", "lang": "en" }));
    assert_eq!(reading["edtf"], "2021-06");
    assert_eq!(reading["date"]["text"], "June 2021");
    let err = h
        .call("read_date", json!({ "text": "2021-02-30", "lang": "en" }))
        .unwrap_err();
    assert_eq!(code(&err), "invalid_input");
    assert!(err["message"]
        .as_str()
        .expect("message")
        .contains("2021-02-30"));
}

/// Tauri refuses arguments that do not deserialize before the command runs, with a plain
/// string (the UI's api module turns it into a `validation` error).
#[test]
fn an_impossible_date_sent_directly_is_refused_and_nothing_changes() {
    let h = Harness::new().with_small_record();
    let entry = h.entries()[0].clone();
    let bad = json!({ "edtf": "2021-02-30", "text": "30 February 2021", "cadence": null });
    let err = h
        .call(
            "update_entry",
            json!({ "id": entry["id"], "changes": [{ "field": "date", "value": bad }] }),
        )
        .unwrap_err();
    let message = err.as_str().expect("Tauri's argument error is a string");
    assert!(
        message.contains("2021-02-30") && message.contains("does not exist"),
        "{message}"
    );
    assert_eq!(h.entries()[0]["date"], entry["date"]);
}

#[test]
fn backup_then_restore_brings_back_the_record() {
    let h = Harness::new().with_small_record();
    let count = h.entries().len();
    let backup = h.ok("backup_now", json!({}));
    assert!(Path::new(backup.as_str().expect("path")).exists());
    let id = h.entries()[0]["id"].clone();
    h.ok("delete_entry", json!({ "id": id }));
    assert_eq!(h.entries().len(), count - 1);
    let info = h.ok("restore_last_backup", json!({}));
    assert_eq!(info["entries"], json!(count));
    assert_eq!(h.entries().len(), count);
}

#[test]
fn json_export_writes_the_interchange_document() {
    let h = Harness::new().with_small_record();
    let out = h.dir.path().join("export.json");
    h.allow(&out.display().to_string());
    h.ok("export_json", json!({ "path": out.display().to_string() }));
    let text = std::fs::read_to_string(&out).expect("export written");
    assert!(text.contains("\"format\": \"briefbook/1\""));
}

#[test]
fn opening_a_file_not_exported_by_this_session_is_refused() {
    let h = Harness::new();
    let err = h
        .call("open_exported", json!({ "path": "/etc/passwd" }))
        .unwrap_err();
    assert_eq!(code(&err), "not_found");
}

#[test]
fn a_new_database_starts_with_the_four_pillars_of_the_builtin_record() {
    let h = Harness::new();
    let info = h.ok("open_database", json!({ "path": null }));
    assert_eq!(info["pillars"], 4);
    let hits = h.ok("search", json!({ "query": "COFEPRIS", "limit": 5 }));
    let first = &hits.as_array().expect("hits")[0];
    assert!(
        first["initiative_title"]
            .as_str()
            .expect("title")
            .contains("Medical Devices"),
        "{first}"
    );
}

#[test]
fn a_fact_sheet_preview_names_the_new_initiative_and_confirm_adds_it() {
    let h = Harness::new();
    h.ok("open_database", json!({ "path": null }));
    let before = h.entries().len();
    let (preview, report) =
        h.import(json!({ "kind": "file", "path": fixture("app/fact-sheet-2022-update.txt") }));
    assert_eq!(preview["format"], "fact_sheet");
    let lines = preview["report"]["lines"].to_string();
    assert!(
        lines.contains("Binational Digital Skills Exchange"),
        "{lines}"
    );
    let added = report["added_entries"].as_u64().expect("count") as usize;
    assert!(added >= 2, "{report}");
    assert_eq!(h.entries().len(), before + added);
}

fn pillar_ii_spec() -> Value {
    json!({
        "title": "Pillar II briefing", "meeting": { "name": "", "date": "", "place": "" },
        "prepared_for": "", "prepared_by": "", "prepared_on": null, "marking": null,
        "lang": "en", "page": "letter",
        "filters": { "pillars": [2], "from": null, "to": null, "statuses": [], "kinds": [],
                     "agencies": [], "query": null, "include_undated": true },
        "sections": ["cover", "contents", "overview", "pillars", "timeline", "sources"],
        "changes_since": null,
        "options": { "include_notes": true, "include_source_refs": true }
    })
}

#[test]
fn the_packet_summary_for_pillar_ii_counts_only_pillar_ii() {
    let h = Harness::new();
    h.ok("open_database", json!({ "path": null }));
    let summary = h.ok("packet_summary", json!({ "spec": pillar_ii_spec() }));
    let pillars = summary["pillars"].as_array().expect("pillars");
    assert_eq!(pillars.len(), 1);
    assert_eq!(pillars[0]["number"], 2);
    assert!(summary["pages"].as_u64().expect("pages") >= 1);
}

#[test]
fn exporting_a_packet_writes_the_pdf_and_sets_the_last_packet_day() {
    let h = Harness::new();
    h.ok("open_database", json!({ "path": null }));
    assert_eq!(h.ok("last_packet_day", json!({})), Value::Null);
    let path = h.dir.path().join("pillar-ii.pdf");
    h.allow(&path.display().to_string());
    let result = h.ok(
        "export_packet",
        json!({
            "request": { "spec": pillar_ii_spec(), "path": path.display().to_string(),
                         "spec_name": null, "overwrite": false },
            "progress": CHANNEL
        }),
    );
    assert!(result["pages"].as_u64().expect("pages") >= 1);
    let bytes = std::fs::read(&path).expect("pdf written");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(h.ok("last_packet_day", json!({})).is_string());
}

#[test]
fn a_packet_spec_with_an_unknown_pillar_is_refused_in_words() {
    let h = Harness::new();
    h.ok("open_database", json!({ "path": null }));
    let mut spec = pillar_ii_spec();
    spec["filters"]["pillars"] = json!([9]);
    let err = h
        .call("packet_summary", json!({ "spec": spec }))
        .unwrap_err();
    assert_eq!(code(&err), "invalid_input");
    assert!(
        err["message"]
            .as_str()
            .expect("message")
            .contains("no pillar"),
        "{err}"
    );
}

#[test]
fn saved_specs_are_listed_by_name() {
    let h = Harness::new();
    h.ok("open_database", json!({ "path": null }));
    h.ok(
        "save_spec",
        json!({ "name": "Pillar II", "spec": pillar_ii_spec() }),
    );
    let specs = h.ok("saved_specs", json!({}));
    assert_eq!(specs[0]["name"], "Pillar II");
    let saved: Value =
        serde_json::from_str(specs[0]["spec"].as_str().expect("json")).expect("spec JSON");
    assert_eq!(saved["filters"]["pillars"], json!([2]));
}

#[test]
fn the_outline_and_entries_by_initiative_carry_ids_and_no_source_texts() {
    let h = Harness::new();
    h.ok("open_database", json!({ "path": null }));
    let outline = h.ok("record_outline", json!({}));
    let initiative = &outline["dialogues"][0]["pillars"][0]["initiatives"][0];
    let id = initiative["id"].as_i64().expect("initiative id");
    let entries = h.ok("initiative_entries", json!({ "initiativeId": id }));
    let entries = entries.as_array().expect("entries");
    assert_eq!(
        entries.len() as u64,
        initiative["entries"].as_u64().expect("count")
    );
    assert!(entries.iter().all(|e| e["id"].is_i64()));
    let record = h.ok("load_record", json!({}));
    assert!(record["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .all(|s| s["text"] == ""));
}

#[test]
fn an_edit_returns_the_entry_as_it_now_is() {
    let h = Harness::new();
    h.ok("open_database", json!({ "path": null }));
    let id = h.entries()[0]["id"].clone();
    let shown = h.ok(
        "update_entry",
        json!({ "id": id, "changes": [{ "field": "text", "value": "Rewritten entry text" }] }),
    );
    assert_eq!(shown["id"], id);
    assert_eq!(shown["text"], "Rewritten entry text");
    assert_eq!(
        h.ok("entry", json!({ "id": id }))["text"],
        "Rewritten entry text"
    );
}

#[test]
fn paths_the_person_did_not_choose_in_a_dialog_are_refused() {
    let h = Harness::new().with_small_record();
    let target = h.dir.path().join("stolen.json");
    let err = h
        .call(
            "export_json",
            json!({ "path": target.display().to_string() }),
        )
        .unwrap_err();
    assert_eq!(code(&err), "invalid_input");
    assert!(!target.exists());
    let err = h
        .call(
            "preview_import",
            json!({ "input": { "kind": "file", "path": "/etc/passwd" }, "progress": CHANNEL }),
        )
        .unwrap_err();
    assert_eq!(code(&err), "invalid_input");
    let err = h
        .call("open_database", json!({ "path": "/tmp/elsewhere.db" }))
        .unwrap_err();
    assert_eq!(code(&err), "invalid_input");
    let pdf = h.dir.path().join("p.pdf");
    let err = h
        .call(
            "export_packet",
            json!({ "request": { "spec": pillar_ii_spec(), "path": pdf.display().to_string(),
                                 "spec_name": null, "overwrite": true, "copies_for": [] },
                    "progress": CHANNEL }),
        )
        .unwrap_err();
    assert_eq!(code(&err), "invalid_input");
    assert!(!pdf.exists());
}
