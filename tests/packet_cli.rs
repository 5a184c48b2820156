//! `briefbook packet` end to end: a store, a saved spec, a PDF, the render recorded.
use std::path::Path;
use std::process::{Command, Output};

fn briefbook(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefbook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn packet_command_writes_saves_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut record: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/hled-mini.json")).unwrap();
    record["format"] = "briefbook/1".into();
    let export = dir.path().join("record.json");
    std::fs::write(&export, record.to_string()).unwrap();
    assert!(briefbook(&db, &["init", "--empty"]).status.success());
    let out = briefbook(&db, &["import", export.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));

    let pdf = dir.path().join("pillar-ii.pdf");
    let pdf_arg = pdf.to_str().unwrap();
    let out = briefbook(
        &db,
        &[
            "packet",
            "--pillar",
            "II",
            "--prepared-on",
            "2021-12-10",
            "--save",
            "p2",
            "-o",
            pdf_arg,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("pages"));
    let first = std::fs::read(&pdf).unwrap();
    assert!(first.starts_with(b"%PDF-"));
    // A briefing packet is record content: only its owner reads it until they share it.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&pdf).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "a new packet is written 0600");

    let out = briefbook(&db, &["packet", "--saved", "p2", "-o", pdf_arg]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));

    let out = briefbook(&db, &["packet", "--saved", "p2", "--force", "-o", pdf_arg]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = briefbook(&db, &["packet", "--pillar", "9", "-o", pdf_arg, "--force"]);
    assert!(
        stderr(&out).contains("no pillar IX (9)"),
        "{}",
        stderr(&out)
    );
    let out = briefbook(
        &db,
        &[
            "packet",
            "--query",
            "nothing-like-this",
            "-o",
            pdf_arg,
            "--force",
        ],
    );
    assert!(
        stderr(&out).contains("nothing to print"),
        "{}",
        stderr(&out)
    );
    assert!(
        std::fs::read(&pdf).unwrap().len() > 1000,
        "the last good PDF is kept"
    );
}

#[test]
fn copy_for_writes_one_numbered_file_per_recipient_and_refuses_bad_names() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let out_pdf = dir.path().join("book.pdf");
    let out = briefbook(
        &db,
        &[
            "packet",
            "--pillar",
            "II",
            "--copy-for",
            "Ambassador",
            "--copy-for",
            "Deputy Chief",
            "-o",
            out_pdf.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = String::from_utf8_lossy(&out.stdout);
    for (k, name) in [(1, "ambassador"), (2, "deputy-chief")] {
        let file = dir.path().join(format!("book-{k}-{name}.pdf"));
        assert!(file.exists(), "{printed}");
        assert!(printed.contains(file.to_str().unwrap()), "{printed}");
        let doc = lopdf::Document::load(&file).unwrap();
        let last = *doc.get_pages().keys().last().unwrap();
        let text = doc.extract_text(&[last]).unwrap();
        assert!(text.contains(&format!("Copy {k} of 2")), "{text}");
    }
    let out = briefbook(
        &db,
        &["packet", "--copy-for", " ", "-o", out_pdf.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("empty"), "{}", stderr(&out));
}
