//! Search-as-you-type latency through the app's IPC (Tauri's mock runtime: request
//! decoding, the command, the store's FTS query, response encoding) on a synthetic
//! record. Usage: cargo run --release -p briefbook-app --example search_latency -- DB
//! where DB was made with `briefbook --db DB generate --entries 100000`.

use briefbook_app::state::AppState;
use serde_json::json;
use std::time::Instant;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;

fn main() {
    let db = std::env::args().nth(1).expect("usage: search_latency DB");
    let app = briefbook_app::setup(mock_builder(), AppState::new(db.into()))
        .build(mock_context(noop_assets()))
        .expect("mock app");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    let call = |cmd: &str, args: serde_json::Value| {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&window, request).expect("command succeeds")
    };
    call("open_database", json!({ "path": null }));
    let mut times = Vec::new();
    for word in [
        "cofepris",
        "supply chain",
        "medical devices",
        "border",
        "workforce",
        "mexico",
    ] {
        // Every prefix, as a person types it.
        for end in 1..=word.len() {
            let started = Instant::now();
            let body = call("search", json!({ "query": &word[..end], "limit": 50 }));
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box(body);
        }
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let pick = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "search via IPC, {} keystrokes: median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        times.len(),
        pick(0.5),
        pick(0.95),
        pick(1.0)
    );
}
