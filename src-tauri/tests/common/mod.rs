//! The harness the command tests share: the app's real command table and state over a
//! temporary database, called through Tauri's mock runtime, no window.
#![allow(dead_code)]

use briefbook_app::state::AppState;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

pub struct Harness {
    pub _app: tauri::App<tauri::test::MockRuntime>,
    pub window: WebviewWindow<tauri::test::MockRuntime>,
    pub dir: tempfile::TempDir,
}

impl Harness {
    /// An app over a new database in a temporary folder.
    pub fn new() -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        Self::with_db(dir, "briefbook.sqlite")
    }

    pub fn with_db(dir: tempfile::TempDir, name: &str) -> Harness {
        let state = AppState::new(dir.path().join(name));
        let app = briefbook_app::setup(mock_builder(), state)
            .build(mock_context(noop_assets()))
            .expect("mock app builds");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("mock window");
        Harness {
            _app: app,
            window,
            dir,
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("briefbook.sqlite")
    }

    /// Calls `cmd` with `args` as the UI would; the error side is the `{code, message}` value.
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
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

    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    /// Opens the database and imports the small fixture record.
    pub fn with_small_record(self) -> Harness {
        self.ok("open_database", json!({ "path": null }));
        let path = fixture("small-record.json");
        self.import(json!({ "kind": "file", "path": path }));
        self
    }

    /// As if the person had chosen `path` in a file dialog.
    pub fn allow(&self, path: &str) {
        use tauri::Manager;
        self._app
            .state::<AppState>()
            .remember_pick(PathBuf::from(path));
    }

    /// Previews `input`, then applies that preview; returns (preview, report).
    pub fn import(&self, input: Value) -> (Value, Value) {
        if let Some(path) = input["path"].as_str() {
            self.allow(path);
        }
        let preview = self.ok(
            "preview_import",
            json!({ "input": input, "progress": CHANNEL }),
        );
        let report = self.ok(
            "apply_import",
            json!({ "token": preview["token"], "progress": CHANNEL }),
        );
        (preview, report)
    }

    pub fn entries(&self) -> Vec<Value> {
        let record = self.ok("load_record", json!({}));
        let mut out = Vec::new();
        for d in record["dialogues"].as_array().expect("dialogues") {
            for p in d["pillars"].as_array().expect("pillars") {
                for i in p["initiatives"].as_array().expect("initiatives") {
                    out.extend(i["entries"].as_array().expect("entries").iter().cloned());
                }
            }
        }
        out
    }
}

/// A progress channel as the UI sends one (its reports go nowhere in the mock runtime).
pub const CHANNEL: &str = "__CHANNEL__:1";

pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

pub fn code(error: &Value) -> &str {
    error["code"].as_str().expect("error has a code")
}
