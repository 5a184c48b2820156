//! `briefbook import FILE --as-translation` from the command line: a dry run reports the
//! numbered pairs and what matched nothing and writes nothing; applying fills the
//! Spanish texts but the rejected pairs; a second run fills nothing.

use std::path::Path;
use std::process::{Command, Output};

const EN: &str = "tests/fixtures/translation/statement-en.txt";
const ES: &str = "tests/fixtures/translation/statement-es.txt";

fn briefbook(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefbook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BRIEFBOOK_DB")
        .output()
        .expect("run briefbook")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn spanish_texts(db: &Path) -> usize {
    let export = ok(&briefbook(db, &["export"]));
    export.matches("\"text_es\"").count()
}

#[test]
fn a_translation_is_previewed_then_applied_with_rejections() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.db");
    ok(&briefbook(&db, &["init", "--empty"]));
    ok(&briefbook(&db, &["import", EN]));

    let dry = ok(&briefbook(
        &db,
        &["import", ES, "--as-translation", "--dry-run"],
    ));
    assert!(dry.contains("Spanish translation of"), "{dry}");
    assert!(dry.contains("Not matched"), "{dry}");
    assert!(dry.contains("publicarán un informe"), "{dry}");
    assert!(dry.contains("Dry run: nothing was written"), "{dry}");
    assert_eq!(spanish_texts(&db), 0);

    let applied = ok(&briefbook(
        &db,
        &["import", ES, "--as-translation", "--reject", "1"],
    ));
    assert!(applied.contains("filled"), "{applied}");
    let filled = spanish_texts(&db);
    assert!(filled >= 14, "{filled} Spanish entry texts\n{applied}");
    // Pair 1 is the first pillar: rejected, so its Spanish title stays empty.
    let export = ok(&briefbook(&db, &["export"]));
    assert!(
        !export.contains("Reconstruir juntos"),
        "pillar 1 was rejected"
    );

    let again = ok(&briefbook(
        &db,
        &["import", ES, "--as-translation", "--reject", "1"],
    ));
    assert!(again.contains(" 0 texts filled"), "{again}");
}

#[test]
fn bad_translations_are_refused_with_their_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.db");
    ok(&briefbook(&db, &["init", "--empty"]));
    ok(&briefbook(&db, &["import", EN]));
    let same = briefbook(&db, &["import", EN, "--as-translation"]);
    assert_eq!(same.status.code(), Some(1));
    let message = String::from_utf8_lossy(&same.stderr);
    assert!(message.contains("is in English"), "{message}");
    let bad_pair = briefbook(&db, &["import", ES, "--as-translation", "--reject", "999"]);
    assert_eq!(bad_pair.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad_pair.stderr).contains("no pair 999"));
    assert_eq!(spanish_texts(&db), 0);
    // --reject means nothing without --as-translation.
    let usage = briefbook(&db, &["import", ES, "--reject", "1"]);
    assert_eq!(usage.status.code(), Some(2));
}
