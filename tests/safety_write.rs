//! The safe writer: what it refuses, what it keeps, and what it never leaves behind.

use briefbook::fsio::{sweep_stale, write_file, write_with, WriteError, WriteOptions};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_new_document_is_0644_and_new_record_data_0600() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("packet.pdf");
    write_file(&doc, b"%PDF", WriteOptions::shared()).unwrap();
    assert_eq!(mode(&doc), 0o644);
    let data = dir.path().join("export.json");
    write_file(&data, b"{}", WriteOptions::private()).unwrap();
    assert_eq!(mode(&data), 0o600);
    assert_eq!(names(dir.path()), ["export.json", "packet.pdf"]);
}

#[test]
fn an_existing_file_is_refused_unless_replacing_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.pdf");
    write_file(&path, b"one", WriteOptions::shared()).unwrap();
    let err = write_file(&path, b"two", WriteOptions::shared()).unwrap_err();
    assert!(matches!(err, WriteError::Exists(_)));
    assert_eq!(err.code(), "conflict");
    let message = err.to_string();
    assert!(message.contains("p.pdf") && message.contains("allow replacing"));
    assert!(
        !message.contains("--"),
        "names no command-line flag: {message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"one");
    write_file(&path, b"two", WriteOptions::shared().replacing(true)).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"two");
    assert_eq!(names(dir.path()), ["p.pdf"]);
}

#[test]
fn a_replaced_0600_file_stays_0600() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.json");
    std::fs::write(&path, "old").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    write_file(&path, b"new", WriteOptions::shared().replacing(true)).unwrap();
    assert_eq!(mode(&path), 0o600);
    assert_eq!(std::fs::read(&path).unwrap(), b"new");
}

#[test]
fn a_symlink_stays_a_link_and_its_target_gets_the_content() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    std::fs::write(&real, "old").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    let written = write_file(&link, b"new", WriteOptions::shared().replacing(true)).unwrap();
    assert_eq!(written, real);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read(&real).unwrap(), b"new");
    assert_eq!(mode(&real), 0o640);
    // Without permission to replace, the file behind the link is protected too.
    assert!(matches!(
        write_file(&link, b"x", WriteOptions::shared()),
        Err(WriteError::Exists(_))
    ));
}

#[test]
fn a_fifo_is_refused_untouched_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let err = write_file(&fifo, b"x", WriteOptions::shared().replacing(true)).unwrap_err();
    assert_eq!(err.code(), "validation");
    let message = err.to_string();
    assert!(
        message.contains("pipe") && message.contains("FIFO"),
        "{message}"
    );
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the FIFO is still a FIFO");
    assert_eq!(names(dir.path()), ["pipe"]);
}

#[test]
fn a_symlink_to_a_fifo_is_refused_too() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let link = dir.path().join("out.json");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    let err = write_file(&link, b"x", WriteOptions::shared().replacing(true)).unwrap_err();
    assert!(matches!(err, WriteError::NotRegular { .. }), "{err}");
}

#[test]
fn a_folder_is_refused_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("reports");
    std::fs::create_dir(&sub).unwrap();
    let err = write_file(&sub, b"x", WriteOptions::shared().replacing(true)).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("reports") && message.contains("a folder"),
        "{message}"
    );
    assert!(names(&sub).is_empty());
}

#[test]
fn a_missing_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere").join("p.pdf");
    let err = write_file(&path, b"x", WriteOptions::shared()).unwrap_err();
    assert!(matches!(err, WriteError::MissingDir { .. }));
    assert!(err.to_string().contains("nowhere"), "{err}");
}

/// The check run where the folder is unwritable (as an ordinary user, see below).
fn unwritable_folder_is_named(dir: &Path) {
    let err = write_file(&dir.join("p.pdf"), b"x", WriteOptions::shared()).unwrap_err();
    assert_eq!(err.code(), "io");
    let message = err.to_string();
    assert!(message.contains(&dir.display().to_string()), "{message}");
    assert!(message.contains("ermission denied"), "{message}");
    assert!(!message.contains("os error"), "{message}");
    assert!(names(dir).is_empty());
}

#[test]
fn an_unwritable_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    if unsafe { libc::geteuid() } != 0 {
        unwritable_folder_is_named(&locked);
        return;
    }
    // Root writes anywhere, so run the check again in this test binary as `nobody`.
    use std::os::unix::process::CommandExt;
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "unwritable_folder_as_an_ordinary_user",
            "--ignored",
        ])
        .env("BRIEFBOOK_TEST_LOCKED_DIR", &locked)
        .uid(65534)
        .gid(65534)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("1 passed"), "{stdout}");
}

#[test]
#[ignore = "run by an_unwritable_folder_is_named as an ordinary user"]
fn unwritable_folder_as_an_ordinary_user() {
    let dir = std::env::var_os("BRIEFBOOK_TEST_LOCKED_DIR").expect("run by its parent test");
    unwritable_folder_is_named(Path::new(&dir));
}

#[test]
fn a_failed_write_leaves_the_old_file_and_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.json");
    std::fs::write(&path, "old").unwrap();
    let err = write_with(&path, WriteOptions::private().replacing(true), |out| {
        out.write_all(b"half of it")?;
        Err(std::io::Error::other("the export failed midway"))
    })
    .unwrap_err();
    assert!(err.to_string().contains("failed midway"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"old");
    assert_eq!(names(dir.path()), ["export.json"]);
}

#[test]
fn stale_and_abandoned_temporaries_are_swept_on_the_next_write_and_live_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join(".briefbook-AbC123.tmp");
    // Fresh, but no process holds its lock: what a write killed a moment ago leaves.
    let abandoned = dir.path().join(".briefbook-XyZ789.tmp");
    let other = dir.path().join(".other-AbC123.tmp");
    for path in [&stale, &abandoned, &other] {
        std::fs::write(path, "record text").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for path in [&stale, &other] {
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
    }
    // A write in progress (another window's export, say) holds its staged file's lock.
    let live = briefbook::fsio::Staged::new_in(dir.path()).unwrap();
    let live_name = live
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    write_file(&dir.path().join("p.pdf"), b"x", WriteOptions::shared()).unwrap();
    let mut expected = vec![live_name, ".other-AbC123.tmp".into(), "p.pdf".into()];
    expected.sort();
    assert_eq!(names(dir.path()), expected);
    assert_eq!(sweep_stale(dir.path()), 0);
    drop(live);
    assert_eq!(names(dir.path()), [".other-AbC123.tmp", "p.pdf"]);
}
