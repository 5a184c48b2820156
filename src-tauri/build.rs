//! `tauri.conf.json` lives at the repository root (a client requirement), so the build
//! script is pointed at it instead of the default `src-tauri/tauri.conf.json`.
fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json"))
        .expect("failed to run the Tauri build script with ../tauri.conf.json");
}
