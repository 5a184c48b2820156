//! `briefbook meeting …` and meeting notes as a person uses them, and what they refuse.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const RICH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/meetings/rich-meeting.json"
);

fn briefbook(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefbook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BRIEFBOOK_DB")
        .output()
        .expect("briefbook runs")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = briefbook(db, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn refused(db: &Path, args: &[&str]) -> String {
    let out = briefbook(db, args);
    assert!(!out.status.success(), "{args:?} was accepted");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn database() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    (dir, db)
}

/// Reads an iCalendar file back: every physical line within 75 octets and ended by CRLF,
/// then the unfolded content lines as (name with parameters, value).
fn calendar_lines(text: &str) -> Vec<(String, String)> {
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "over 75 octets: {line:?}");
        assert!(!line.contains('\n'));
    }
    text.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (name, value) = l.split_once(':').unwrap();
            (name.to_string(), value.to_string())
        })
        .collect()
}

fn values<'a>(lines: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    lines
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

#[test]
fn a_meeting_is_added_listed_shown_exported_and_removed() {
    let (dir, db) = database();
    let out = ok(
        &db,
        &[
            "meeting",
            "add",
            "--title",
            "HLED ministerial",
            "--date",
            "2022-09-12T09:30:00-05:00",
            "--place",
            "Mexico City",
            "--kind",
            "working level",
        ],
    );
    assert!(out.starts_with("Added meeting"), "{out}");
    let rows: Value = serde_json::from_str(&ok(&db, &["meeting", "list", "--json"])).unwrap();
    assert_eq!(rows[0]["title"], "HLED ministerial");
    assert_eq!(rows[0]["kind"], "working_level");
    assert_eq!(rows[0]["dialogue"], "HLED");
    let shown = ok(&db, &["meeting", "show", "hled ministerial"]);
    assert!(shown.contains("09:30 (UTC−05:00)"), "{shown}");
    assert!(shown.contains("Place: Mexico City"), "{shown}");

    // Without an agenda, the calendar holds one event for the meeting, at its instant.
    let ics = dir.path().join("m.ics");
    ok(
        &db,
        &[
            "meeting",
            "export",
            "HLED ministerial",
            "--ics",
            "-o",
            ics.to_str().unwrap(),
        ],
    );
    let lines = calendar_lines(&std::fs::read_to_string(&ics).unwrap());
    assert_eq!(values(&lines, "DTSTART"), ["20220912T143000Z"]);
    assert_eq!(values(&lines, "SUMMARY"), ["HLED ministerial"]);
    assert_eq!(values(&lines, "LOCATION"), ["Mexico City"]);
    let again = refused(
        &db,
        &[
            "meeting",
            "export",
            "HLED ministerial",
            "--ics",
            "-o",
            ics.to_str().unwrap(),
        ],
    );
    assert!(again.contains("--force"), "{again}");

    ok(&db, &["meeting", "remove", "HLED ministerial"]);
    assert_eq!(ok(&db, &["meeting", "list", "--json"]).trim(), "[]");
    ok(&db, &["undo"]);
    let rows: Value = serde_json::from_str(&ok(&db, &["meeting", "list", "--json"])).unwrap();
    assert_eq!(
        rows.as_array().unwrap().len(),
        1,
        "undo brings the meeting back"
    );
}

#[test]
fn a_rich_document_imports_shows_every_part_and_exports_back() {
    let (dir, db) = database();
    assert!(ok(&db, &["meeting", "import", RICH]).starts_with("Added meeting"));
    let shown = ok(&db, &["meeting", "show", "ministerial washington"]);
    for part in [
        "Scope note",
        "Agree the 2023 work plan",
        "Opening remarks; welcome, photo",
        "lead: Secretary of Commerce",
        "Gina Raimondo — Secretary of Commerce, DOC, Head of delegation",
        "Tatiana Clouthier",
        "Q: Will the U.S. raise tariffs on steel?",
        "A: No change is under discussion.",
        "if raised: Energy policy?",
        "Drafted: J. Analyst, ITA/WH, 2022-09-01",
    ] {
        assert!(shown.contains(part), "missing {part:?} in\n{shown}");
    }
    let exported = dir.path().join("m.json");
    ok(
        &db,
        &[
            "meeting",
            "export",
            "ministerial washington",
            "-o",
            exported.to_str().unwrap(),
        ],
    );
    let original: Value = serde_json::from_str(&std::fs::read_to_string(RICH).unwrap()).unwrap();
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&exported).unwrap()).unwrap();
    assert_eq!(written, original, "the document comes back as it went in");
    let out = ok(&db, &["meeting", "import", exported.to_str().unwrap()]);
    assert!(out.contains("nothing changed"), "{out}");

    // The agenda as calendar events, in UTC, long text folded and escaped.
    let out = ok(
        &db,
        &["meeting", "export", "ministerial washington", "--ics"],
    );
    let lines = calendar_lines(&out);
    assert_eq!(
        values(&lines, "DTSTART"),
        ["20220912T130000Z", "20220912T133000Z"]
    );
    assert_eq!(
        values(&lines, "DTEND"),
        ["20220912T133000Z", "20220912T150000Z"]
    );
    assert_eq!(
        values(&lines, "SUMMARY")[0],
        "Opening remarks\\; welcome\\, photo"
    );
    assert_eq!(values(&lines, "LOCATION")[0], "Room 4830");
    assert!(values(&lines, "DESCRIPTION")[0].starts_with("Lead: Secretary of Commerce\\n"));
    assert!(values(&lines, "SUMMARY")[1].ends_with("needs folding in calendars"));
}

#[test]
fn bad_meetings_are_refused_with_clear_messages_and_nothing_is_stored() {
    let (dir, db) = database();
    ok(&db, &["meeting", "import", RICH]);
    let before = ok(&db, &["export"]);
    let write = |name: &str, edit: &dyn Fn(&mut Value)| {
        let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(RICH).unwrap()).unwrap();
        edit(&mut doc);
        let path = dir.path().join(name);
        std::fs::write(&path, doc.to_string()).unwrap();
        path.to_str().unwrap().to_string()
    };
    let nameless = write("nameless.json", &|d| {
        d["participants"][1]["name"] = " ".into()
    });
    let reversed = write("reversed.json", &|d| {
        d["agenda"][0]["ends"]["edtf"] = "2022-09-12T08:00:00-04:00".into();
        d["agenda"][0]["ends"]["text"] = "8:00".into();
    });
    let untitled = write("untitled.json", &|d| d["title"] = "".into());
    for (args, expected) in [
        (
            vec!["meeting", "import", &nameless],
            "participants[1].name: participant name is empty",
        ),
        (
            vec!["meeting", "import", &reversed],
            "ends (8:00) before it starts (9:00)",
        ),
        (
            vec!["meeting", "import", &untitled],
            "meeting title is empty",
        ),
        (
            vec!["meeting", "add", "--title", " ", "--date", "2022-10-01"],
            "a meeting needs a title",
        ),
        (
            vec![
                "meeting",
                "add",
                "--title",
                "X",
                "--date",
                "2022-10-01",
                "--dialogue",
                "Atlantis",
            ],
            "no dialogue is called 'Atlantis'",
        ),
        (
            vec!["meeting", "show", "trade mission"],
            "no meeting is called 'trade mission'",
        ),
        (
            vec![
                "note",
                "add",
                "--entry",
                "99999",
                "--kind",
                "if-raised",
                "--answer",
                "A",
                "Q?",
            ],
            "99999",
        ),
        (
            vec![
                "note",
                "add",
                "--meeting",
                "nowhere",
                "--kind",
                "press",
                "Q?",
            ],
            "no meeting is called 'nowhere'",
        ),
    ] {
        let err = refused(&db, &args);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    assert_eq!(ok(&db, &["export"]), before, "nothing was stored");
}

#[test]
fn a_title_that_matches_two_meetings_is_refused_listing_both() {
    let (_dir, db) = database();
    ok(
        &db,
        &[
            "meeting",
            "add",
            "--title",
            "Ministerial",
            "--date",
            "2022-09-12",
        ],
    );
    ok(
        &db,
        &[
            "meeting",
            "add",
            "--title",
            "Ministerial",
            "--date",
            "2023-09-28",
        ],
    );
    let rows: Value = serde_json::from_str(&ok(&db, &["meeting", "list", "--json"])).unwrap();
    let ids: Vec<String> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].to_string())
        .collect();
    let err = refused(&db, &["meeting", "show", "ministerial"]);
    for expected in [
        format!("id {}: Ministerial (2022-09-12)", ids[0]),
        format!("id {}: Ministerial (2023-09-28)", ids[1]),
    ] {
        assert!(err.contains(&expected), "{err}");
    }
    // The id picks one.
    assert!(ok(&db, &["meeting", "show", &ids[1]]).contains("2023-09-28"));
}

#[test]
fn notes_on_a_meeting_become_objectives_press_lines_and_notes() {
    let (_dir, db) = database();
    ok(
        &db,
        &[
            "meeting",
            "add",
            "--title",
            "Ministerial",
            "--date",
            "2022-09-12",
        ],
    );
    for (kind, text, answer) in [
        ("objective", "Agree a work plan", None),
        ("press", "Will tariffs rise?", Some("No change is planned.")),
        ("points", "Thank the hosts", None),
        ("if-raised", "Energy?", Some("We keep raising it.")),
    ] {
        let mut args = vec!["note", "add", "--meeting", "Ministerial", "--kind", kind];
        if let Some(a) = answer {
            args.extend(["--answer", a]);
        }
        args.push(text);
        ok(&db, &args);
    }
    // On an initiative, an if-raised question carries its answer too.
    ok(
        &db,
        &[
            "note",
            "add",
            "--initiative",
            "medical devices",
            "--kind",
            "if-raised",
            "--answer",
            "It is on track.",
            "Is the partnership stalled?",
        ],
    );
    let rows: Value = serde_json::from_str(&ok(&db, &["note", "list", "--json"])).unwrap();
    let rows = rows.as_array().unwrap();
    let find = |part: &str| rows.iter().find(|r| r["part"] == part).unwrap().clone();
    assert_eq!(find("meeting_objective")["text"], "Agree a work plan");
    assert_eq!(find("press_line")["answer"], "No change is planned.");
    assert_eq!(find("meeting_note")["kind"], "points_to_make");
    assert_eq!(find("record")["answer"], "It is on track.");
    let press = find("press_line")["id"].to_string();
    let err = refused(
        &db,
        &[
            "note",
            "remove",
            "999",
            "--meeting",
            "Ministerial",
            "--kind",
            "press",
        ],
    );
    assert!(
        err.contains("'Ministerial' has no press line with id 999"),
        "{err}"
    );
    ok(
        &db,
        &[
            "note",
            "remove",
            &press,
            "--meeting",
            "Ministerial",
            "--kind",
            "press",
        ],
    );
    let shown = ok(&db, &["meeting", "show", "Ministerial"]);
    assert!(!shown.contains("Will tariffs rise?"), "{shown}");
    assert!(shown.contains("Agree a work plan"), "{shown}");
}

#[test]
fn with_two_dialogues_each_is_named_and_lists_only_its_own() {
    let (_dir, db) = database();
    let second = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/meetings/second-dialogue.json"
    );
    ok(&db, &["import", second]);
    for args in [
        vec!["list"],
        vec!["meeting", "list"],
        vec!["meeting", "add", "--title", "X", "--date", "2023-01-01"],
        vec!["note", "list"],
    ] {
        let err = refused(&db, &args);
        assert!(
            err.contains("2 dialogues") && err.contains("HLED") && err.contains("USCED"),
            "{args:?}: {err}"
        );
    }
    let rows: Value =
        serde_json::from_str(&ok(&db, &["list", "--dialogue", "usced", "--json"])).unwrap();
    let texts: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(
        texts.iter().all(|t| t.contains("critical minerals")),
        "{texts:?}"
    );
    let hled: Value =
        serde_json::from_str(&ok(&db, &["list", "--dialogue", "HLED", "--json"])).unwrap();
    assert!(hled
        .as_array()
        .unwrap()
        .iter()
        .all(|r| !r["text"].as_str().unwrap().contains("critical minerals")));
    ok(
        &db,
        &[
            "meeting",
            "add",
            "--dialogue",
            "USCED",
            "--title",
            "Ottawa round",
            "--date",
            "2023-03-01",
        ],
    );
    assert_eq!(
        ok(&db, &["meeting", "list", "--dialogue", "HLED", "--json"]).trim(),
        "[]"
    );
    let history = ok(&db, &["history", "--dialogue", "USCED", "--json"]);
    assert!(history.contains("Ottawa round") && !history.contains("Medical Devices"));
}

#[test]
fn dated_entries_export_as_day_month_and_year_events() {
    let (_dir, db) = database();
    let second = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/meetings/second-dialogue.json"
    );
    ok(&db, &["import", second]);
    let out = ok(&db, &["list", "--dialogue", "USCED", "--ics"]);
    let lines = calendar_lines(&out);
    let starts = values(&lines, "DTSTART;VALUE=DATE");
    let ends = values(&lines, "DTEND;VALUE=DATE");
    // June 2023 is a month-long event; 15 November 2022 an all-day event.
    assert_eq!(starts, ["20230601", "20221115"]);
    assert_eq!(ends, ["20230701", "20221116"]);
    let only_commitments = ok(
        &db,
        &[
            "list",
            "--dialogue",
            "USCED",
            "--kind",
            "commitment",
            "--ics",
        ],
    );
    assert_eq!(
        values(&calendar_lines(&only_commitments), "BEGIN"),
        ["VCALENDAR", "VEVENT"]
    );
}
