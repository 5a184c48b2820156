//! A database written before the stemmed index (schema version 2) gets its search index
//! rebuilt when it opens: its existing texts are found by their stems at once.

use briefbook::store::Store;

const V1: &str = include_str!("../src/store/migrations/0001_record.sql");
const V2: &str = include_str!("../src/store/migrations/0002_dialogue_entries.sql");

#[test]
fn an_older_database_is_found_by_stems_after_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
        conn.execute_batch(V1).unwrap();
        conn.execute_batch(V2).unwrap();
        conn.execute_batch(
            "INSERT INTO dialogue (id, name, short_name, position) VALUES (1, 'Dialogue', 'D', 0);
             INSERT INTO pillar (id, dialogue_id, number, title) VALUES (1, 1, 1, 'Trade');
             INSERT INTO initiative (id, pillar_id, position, title, summary)
                 VALUES (1, 1, 0, 'Ports', 'Seeks faster crossings');
             INSERT INTO entry (id, initiative_id, position, kind, text, text_es, status)
                 VALUES (7, 1, 0, 'activity', 'Mapping supply chains', 'Cooperación aduanera', 'done');
             INSERT INTO search_index (rowid, body)
                 VALUES (28, 'Mapping supply chains Cooperación aduanera'),
                        (5, 'Ports Seeks faster crossings');
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    for query in ["chain", "cooperar", "crossing"] {
        let hits = store.search(query, 5).unwrap();
        assert_eq!(hits.len(), 1, "{query}: {hits:?}");
    }
    let hit = &store.search("chain", 5).unwrap()[0];
    assert_eq!(hit.id, 7);
    let marked: Vec<&str> = hit
        .snippet
        .iter()
        .filter(|p| p.hit)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(marked, ["chains"]);
    // Nothing indexed twice: the old index was replaced, not added to.
    let rows: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM search_index", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 2);
}
