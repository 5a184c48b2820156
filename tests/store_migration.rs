//! A database written by the previous schema (version 1) opens in this build with every
//! row, link, note and search entry intact, and takes dialogue-level entries afterwards.

use briefbook::model::{EntryKind, Status};
use briefbook::store::{NewEntry, Store};

const V1: &str = include_str!("../src/store/migrations/0001_record.sql");

fn version_1_database(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
    conn.execute_batch(V1).unwrap();
    conn.execute_batch(
        "INSERT INTO dialogue (id, name, short_name, position) VALUES (1, 'Dialogue', 'D', 0);
         INSERT INTO pillar (id, dialogue_id, number, title) VALUES (1, 1, 1, 'Trade');
         INSERT INTO initiative (id, pillar_id, position, title) VALUES (1, 1, 0, 'Ports');
         INSERT INTO agency (id, key, name, acronym, country)
             VALUES (1, 'USTR', 'Trade Representative', 'USTR', 'us');
         INSERT INTO entry (id, initiative_id, position, kind, text, status, date_edtf,
                            date_text, date_lower, date_upper)
             VALUES (7, 1, 0, 'activity', 'Customs pilot at Laredo', 'done', '2022-03',
                     'March 2022', '2022-03-01', '2022-03-31');
         INSERT INTO entry_agency (entry_id, agency_id, position) VALUES (7, 1, 0);
         INSERT INTO note (id, entry_id, position, kind, text) VALUES (3, 7, 0, 'background', 'Asked by the minister');
         INSERT INTO search_index (rowid, body) VALUES (28, 'Customs pilot at Laredo'), (14, 'Asked by the minister');
         PRAGMA user_version = 1;",
    )
    .unwrap();
}

#[test]
fn a_version_1_database_keeps_every_row_and_link_through_the_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    version_1_database(&path);
    let mut store = Store::open(&path).unwrap();
    let record = store.load_record().unwrap();
    let entry = &record.dialogues[0].pillars[0].initiatives[0].entries[0];
    assert_eq!(entry.id, Some(7));
    assert_eq!(entry.agencies, ["USTR"]);
    assert_eq!(entry.notes[0].text, "Asked by the minister");
    assert_eq!(store.search("laredo", 5).unwrap()[0].id, 7);
    assert_eq!(store.search("minister", 5).unwrap()[0].id, 3);
    // A copy of the version-1 file is kept before migrating.
    let kept = briefbook::store::backup::list(&path).unwrap();
    let copy = kept
        .iter()
        .find(|b| b.path.to_string_lossy().contains("before-v2"))
        .unwrap_or_else(|| panic!("no copy before the migration to version 2: {kept:?}"));
    let old = rusqlite::Connection::open(&copy.path).unwrap();
    let version: i64 = old
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "the copy is the file as it was");

    // The references point at the rebuilt table, and nothing dangles.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0);
    let parents: Vec<String> = conn
        .prepare(
            "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list('note')
             UNION SELECT DISTINCT \"table\" FROM pragma_foreign_key_list('entry_agency')",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(parents, ["agency", "entry", "initiative"]);

    // Deleting the entry still takes its note and link with it, and unindexes them.
    store.delete_entry(7).unwrap();
    assert!(store.search("minister", 5).unwrap().is_empty());
    store.undo_last().unwrap();
    assert_eq!(store.search("minister", 5).unwrap()[0].id, 3);

    let general = store
        .create_dialogue_entry(
            1,
            &NewEntry {
                kind: EntryKind::Meeting,
                text: "The dialogue met in Mexico City".into(),
                status: Status::Done,
                date: None,
                agencies: vec![],
            },
        )
        .unwrap();
    let record = store.load_record().unwrap();
    assert_eq!(record.dialogues[0].entries[0].id, Some(general));
}
