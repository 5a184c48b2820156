//! The meeting commands through Tauri's mock runtime: real IPC requests, the real command
//! table and state, a new database seeded with the built-in record, no window.

use briefbook_app::state::AppState;
use serde_json::{json, Value};
use std::path::PathBuf;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

struct Harness {
    app: tauri::App<tauri::test::MockRuntime>,
    window: WebviewWindow<tauri::test::MockRuntime>,
    dir: tempfile::TempDir,
}

impl Harness {
    /// An app over a new database (the built-in record) in a temporary folder.
    fn new() -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = AppState::new(dir.path().join("briefbook.sqlite"));
        let app = briefbook_app::setup(mock_builder(), state)
            .build(mock_context(noop_assets()))
            .expect("mock app builds");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("mock window");
        let h = Harness { app, window, dir };
        h.ok("open_database", json!({ "path": null }));
        h
    }

    /// Calls `cmd` with `args` as the UI would; the error side is the `{code, message}` value.
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request)
            .map(|body| body.deserialize::<Value>().expect("JSON response"))
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    /// The refusal of `cmd`: its code and message.
    fn refused(&self, cmd: &str, args: Value) -> (String, String) {
        let error = self
            .call(cmd, args)
            .expect_err("the command should be refused");
        (
            error["code"].as_str().expect("code").to_string(),
            error["message"].as_str().expect("message").to_string(),
        )
    }

    /// As if the person had chosen `path` in a file dialog.
    fn allow(&self, path: &std::path::Path) {
        self.app
            .state::<AppState>()
            .remember_pick(path.to_path_buf());
    }

    fn out(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Adds the "Ministerial" meeting on 12 September 2022; returns it as stored.
    fn ministerial(&self) -> Value {
        self.ok(
            "create_meeting",
            json!({ "dialogue": null, "meeting": {
                "title": "Ministerial", "date": "2022-09-12", "place": "Mexico City",
                "kind": "ministerial", "our_delegation": "Secretary of Commerce", "their_delegation": null } }),
        )
    }

    fn meetings(&self) -> Vec<Value> {
        self.ok("list_meetings", json!({ "dialogue": null }))
            .as_array()
            .expect("rows")
            .clone()
    }
}

fn at(text: &str) -> Value {
    json!({ "edtf": text, "text": text })
}

/// `meeting` with one agenda item from `starts` to `ends`, a participant and a point to make.
fn with_parts(meeting: &Value, starts: &str, ends: &str, name: &str) -> Value {
    let mut m = meeting.clone();
    m["agenda"] = json!([{ "starts": at(starts), "ends": at(ends), "item": "Opening session",
        "lead": "Secretary", "pillars": [2], "initiatives": [] }]);
    m["participants"] = json!([{ "name": name, "side": "theirs", "role": "Head of delegation" }]);
    m["notes"] = json!([{ "kind": "points_to_make", "text": "Welcome the supply chain work" }]);
    m["objectives"] = json!([{ "text": "Agree the 2023 work plan", "initiatives": [] }]);
    m["press_lines"] = json!([{ "text": "Will tariffs change?", "answer": "Not on the agenda." }]);
    m
}

#[test]
fn a_meeting_is_added_then_edited_whole_and_listed_with_its_parts() {
    let h = Harness::new();
    assert!(h.meetings().is_empty());
    let created = h.ministerial();
    assert_eq!(created["title"], "Ministerial");
    assert_eq!(created["date"]["edtf"], "2022-09-12");
    let id = created["id"].clone();
    let edited = with_parts(
        &created,
        "2022-09-12T09:30:00-05:00",
        "2022-09-12T10:30:00-05:00",
        "Tatiana Clouthier",
    );
    let saved = h.ok("save_meeting", json!({ "id": id, "meeting": edited }));
    assert_eq!(saved["id"], id, "the meeting keeps its id");
    assert_eq!(saved["agenda"][0]["item"], "Opening session");
    assert_eq!(saved["participants"][0]["name"], "Tatiana Clouthier");
    assert_eq!(saved["notes"][0]["kind"], "points_to_make");
    assert_eq!(saved["press_lines"][0]["answer"], "Not on the agenda.");
    assert!(
        saved["agenda"][0]["id"].is_number(),
        "parts come back with ids"
    );
    let rows = h.meetings();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["agenda_items"], 1);
    assert_eq!(rows[0]["participants"], 1);
    assert_eq!(rows[0]["notes"], 1);
    assert_eq!(rows[0]["objectives"], 1);
    assert_eq!(h.ok("meeting", json!({ "id": id })), saved);
}

#[test]
fn a_blank_title_and_an_impossible_date_are_refused_and_nothing_is_added() {
    let h = Harness::new();
    let (code, message) = h.refused(
        "create_meeting",
        json!({ "dialogue": null, "meeting": { "title": "  ", "date": "2022-09-12",
            "place": null, "kind": null, "our_delegation": null, "their_delegation": null } }),
    );
    assert_eq!(code, "invalid_input");
    assert!(message.contains("title"), "{message}");
    let (code, message) = h.refused(
        "create_meeting",
        json!({ "dialogue": null, "meeting": { "title": "Ministerial", "date": "2022-02-30",
            "place": null, "kind": null, "our_delegation": null, "their_delegation": null } }),
    );
    assert_eq!(code, "invalid_input");
    assert!(message.contains("2022-02-30"), "{message}");
    assert!(h.meetings().is_empty());
}

#[test]
fn an_agenda_item_ending_before_it_starts_is_refused_in_words_and_nothing_changes() {
    let h = Harness::new();
    let created = h.ministerial();
    let id = created["id"].clone();
    let bad = with_parts(
        &created,
        "2022-09-12T10:30:00-05:00",
        "2022-09-12T09:30:00-05:00",
        "Tatiana Clouthier",
    );
    let (code, message) = h.refused("save_meeting", json!({ "id": id, "meeting": bad }));
    assert_eq!(code, "invalid_input");
    assert!(message.contains("agenda[0].ends"), "{message}");
    assert!(message.contains("Opening session"), "{message}");
    assert!(message.contains("before it starts"), "{message}");
    assert_eq!(h.ok("meeting", json!({ "id": id })), created);
}

#[test]
fn a_participant_without_a_name_or_a_blank_title_on_save_is_refused() {
    let h = Harness::new();
    let created = h.ministerial();
    let id = created["id"].clone();
    let nameless = with_parts(
        &created,
        "2022-09-12T09:30:00-05:00",
        "2022-09-12T10:30:00-05:00",
        " ",
    );
    let (code, message) = h.refused("save_meeting", json!({ "id": id, "meeting": nameless }));
    assert_eq!(code, "invalid_input");
    assert!(message.contains("participants[0].name"), "{message}");
    let mut untitled = created.clone();
    untitled["title"] = json!("");
    let (code, message) = h.refused("save_meeting", json!({ "id": id, "meeting": untitled }));
    assert_eq!(code, "invalid_input");
    assert!(message.contains("title"), "{message}");
    assert_eq!(h.ok("meeting", json!({ "id": id })), created);
}

#[test]
fn field_changes_apply_as_one_change_and_an_unknown_meeting_is_not_found() {
    let h = Harness::new();
    let id = h.ministerial()["id"].clone();
    let changed = h.ok(
        "update_meeting",
        json!({ "id": id, "changes": [
            { "field": "place", "value": "Washington, D.C." },
            { "field": "scope_note", "value": "Second ministerial since the relaunch." }] }),
    );
    assert_eq!(changed["place"], "Washington, D.C.");
    assert_eq!(
        changed["scope_note"],
        "Second ministerial since the relaunch."
    );
    let (code, _) = h.refused("meeting", json!({ "id": 999_999 }));
    assert_eq!(code, "not_found");
    let (code, _) = h.refused("delete_meeting", json!({ "id": 999_999 }));
    assert_eq!(code, "not_found");
}

#[test]
fn a_deleted_meeting_comes_back_whole_with_undo() {
    let h = Harness::new();
    let created = h.ministerial();
    let id = created["id"].clone();
    let saved = h.ok(
        "save_meeting",
        json!({ "id": id, "meeting": with_parts(&created, "2022-09-12T09:30:00-05:00",
            "2022-09-12T10:30:00-05:00", "Tatiana Clouthier") }),
    );
    h.ok("delete_meeting", json!({ "id": id }));
    assert!(h.meetings().is_empty());
    h.ok("undo_last", json!({}));
    let rows = h.meetings();
    assert_eq!(rows.len(), 1);
    let back = h.ok("meeting", json!({ "id": rows[0]["id"] }));
    assert_eq!(
        back["participants"][0]["name"],
        saved["participants"][0]["name"]
    );
    assert_eq!(back["agenda"][0]["item"], saved["agenda"][0]["item"]);
}

#[test]
fn the_calendar_is_written_only_where_the_person_chose_in_the_dialog() {
    let h = Harness::new();
    let created = h.ministerial();
    let id = created["id"].clone();
    h.ok(
        "save_meeting",
        json!({ "id": id, "meeting": with_parts(&created, "2022-09-12T09:30:00-05:00",
            "2022-09-12T10:30:00-05:00", "Tatiana Clouthier") }),
    );
    let path = h.out("ministerial.ics");
    let (code, message) = h.refused(
        "export_meeting_ics",
        json!({ "id": id, "path": path.display().to_string() }),
    );
    assert_eq!(code, "invalid_input");
    assert!(message.contains("file dialog"), "{message}");
    assert!(
        !path.exists(),
        "nothing is written to a path the person did not choose"
    );
    h.allow(&path);
    let written = h.ok(
        "export_meeting_ics",
        json!({ "id": id, "path": path.display().to_string() }),
    );
    assert_eq!(written, json!(path.display().to_string()));
    let text = std::fs::read_to_string(&path).expect("calendar written");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.contains("SUMMARY:Opening session"), "{text}");
    // 09:30 at UTC-5 is 14:30 UTC.
    assert!(text.contains("DTSTART:20220912T143000Z"), "{text}");
}

#[test]
fn a_note_on_an_initiative_keeps_its_answer_and_a_blank_answer_is_refused() {
    let h = Harness::new();
    let outline = h.ok("record_outline", json!({}));
    let initiative = outline["dialogues"][0]["pillars"][0]["initiatives"][0]["id"].clone();
    let target = json!({ "kind": "initiative", "id": initiative });
    h.ok(
        "add_answered_note",
        json!({ "target": target, "kind": "if_raised", "text": "Is the timeline slipping?",
            "answer": "No: the first review is on schedule." }),
    );
    let outline = h.ok("record_outline", json!({}));
    let notes = outline["dialogues"][0]["pillars"][0]["initiatives"][0]["notes"]
        .as_array()
        .expect("notes")
        .clone();
    let note = notes
        .iter()
        .find(|n| n["text"] == "Is the timeline slipping?")
        .expect("the note is listed");
    assert_eq!(note["kind"], "if_raised");
    assert_eq!(note["answer"], "No: the first review is on schedule.");
    let (code, message) = h.refused(
        "add_answered_note",
        json!({ "target": target, "kind": "press", "text": "Q?", "answer": "  " }),
    );
    assert_eq!(code, "invalid_input");
    assert!(message.contains("answer"), "{message}");
    let (code, _) = h.refused(
        "add_answered_note",
        json!({ "target": { "kind": "entry", "id": 999_999 }, "kind": "objective",
            "text": "Close the gap", "answer": null }),
    );
    assert_eq!(code, "not_found");
}

#[test]
fn a_meeting_packet_is_built_through_the_shell() {
    let h = Harness::new();
    let created = h.ministerial();
    let id = created["id"].clone();
    h.ok(
        "save_meeting",
        json!({ "id": id, "meeting": with_parts(&created, "2022-09-12T09:30:00-05:00",
            "2022-09-12T10:30:00-05:00", "Tatiana Clouthier") }),
    );
    let path = h.out("book.pdf");
    h.allow(&path);
    let spec = json!({ "meeting": id.to_string(), "prepared_on": "2022-09-01" });
    let result = h.ok(
        "export_packet",
        json!({ "request": { "spec": spec, "path": path.display().to_string(), "spec_name": null,
            "overwrite": true, "copies_for": [] }, "progress": "__CHANNEL__:1" }),
    );
    assert!(result["pages"].as_u64().expect("pages") > 1, "{result}");
    let bytes = std::fs::read(&path).expect("book written");
    assert!(bytes.starts_with(b"%PDF-"));
}
