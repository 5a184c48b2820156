//! The committed TypeScript bindings must match the Rust types that cross IPC.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings")
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ts"))
        .map(|p| {
            let name = p
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&p).expect("binding readable");
            (name, text)
        })
        .collect()
}

#[test]
fn bindings_are_current() {
    let fresh = tempfile::tempdir().expect("temp dir");
    briefbook_app::bindings::export_all(fresh.path()).expect("export bindings");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let dir = committed_dir();
        std::fs::create_dir_all(&dir).expect("create bindings dir");
        for old in read_dir(&dir).keys() {
            std::fs::remove_file(dir.join(old)).expect("remove stale binding");
        }
        for (name, text) in read_dir(fresh.path()) {
            std::fs::write(dir.join(name), text).expect("write binding");
        }
    }
    let expected = read_dir(fresh.path());
    let committed = read_dir(&committed_dir());
    let stale: Vec<&String> = expected
        .iter()
        .filter(|(name, text)| committed.get(*name) != Some(text))
        .map(|(name, _)| name)
        .chain(
            committed
                .keys()
                .filter(|name| !expected.contains_key(*name)),
        )
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/bindings is stale ({stale:?}); run: UPDATE_BINDINGS=1 cargo test -p briefbook-app --test bindings"
    );
}

#[test]
fn ids_and_sizes_are_numbers_in_every_binding() {
    let fresh = tempfile::tempdir().expect("temp dir");
    briefbook_app::bindings::export_all(fresh.path()).expect("export bindings");
    let with_bigint: Vec<String> = read_dir(fresh.path())
        .into_iter()
        .filter(|(_, text)| text.contains("bigint"))
        .map(|(name, _)| name)
        .collect();
    assert!(
        with_bigint.is_empty(),
        "{with_bigint:?} declare bigint; give the field #[ts(as = \"f64\")] (JSON numbers reach the UI)"
    );
}
