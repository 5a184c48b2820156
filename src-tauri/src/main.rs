// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // A document app gains nothing from WebKitGTK's accelerated compositing, which roughly
    // doubles the web process's memory (measured: 254 -> 120 MB PSS) and shows blank
    // windows on some GPU drivers. Set before any thread starts; a user's own value wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    briefbook_app::run();
}
