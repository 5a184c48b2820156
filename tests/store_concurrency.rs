//! Two Briefbook processes at once: writers on separate connections to one file wait for
//! each other (write transactions start IMMEDIATE, under the busy timeout) instead of
//! failing with "database is locked".

use briefbook::model::{Origin, Status};
use briefbook::store::{EntryPatch, EntryQuery, NoteTarget, Store};
use briefbook::synthetic::{record, Size};
use std::thread;

const WRITERS: u64 = 4;
const ROUNDS: usize = 12;

#[test]
fn concurrent_imports_and_edits_on_one_file_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    {
        let mut store = Store::open(&path).unwrap();
        let seed = record(
            Size {
                pillars: 2,
                initiatives: 4,
                entries: 40,
            },
            1,
        );
        store.import_record(&seed, &Origin::User, false).unwrap();
    }
    let handles: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let path = path.clone();
            thread::spawn(move || -> Result<usize, String> {
                let mut store = Store::open(&path).map_err(|e| e.to_string())?;
                let mut writes = 0;
                for round in 0..ROUNDS {
                    // Each import brings some entries this writer has not written before.
                    let later = record(
                        Size {
                            pillars: 2,
                            initiatives: 4,
                            entries: 60,
                        },
                        100 + writer * 1000 + round as u64,
                    );
                    store
                        .import_record(&later, &Origin::User, false)
                        .map_err(|e| format!("writer {writer} import {round}: {e}"))?;
                    let rows = store
                        .list_entries(&EntryQuery {
                            limit: Some(5),
                            ..EntryQuery::default()
                        })
                        .map_err(|e| e.to_string())?;
                    let id = rows[round % rows.len()].id;
                    store
                        .update_entry(
                            id,
                            &EntryPatch {
                                status: Some(Status::ALL[round % Status::ALL.len()]),
                                ..EntryPatch::default()
                            },
                        )
                        .map_err(|e| format!("writer {writer} edit {round}: {e}"))?;
                    store
                        .add_note(
                            NoteTarget::Entry(id),
                            briefbook::model::NoteKind::Background,
                            &format!("note {writer}-{round}"),
                        )
                        .map_err(|e| format!("writer {writer} note {round}: {e}"))?;
                    writes += 3;
                }
                Ok(writes)
            })
        })
        .collect();
    let mut total = 0;
    for handle in handles {
        total += handle
            .join()
            .expect("writer thread")
            .expect("every write succeeds");
    }
    assert_eq!(total, WRITERS as usize * ROUNDS * 3);
    let store = Store::open(&path).unwrap();
    let notes = store
        .load_record()
        .unwrap()
        .dialogues
        .iter()
        .flat_map(|d| &d.pillars)
        .flat_map(|p| &p.initiatives)
        .flat_map(|i| &i.entries)
        .flat_map(|e| &e.notes)
        .filter(|n| n.text.starts_with("note "))
        .count();
    // No write was lost: every writer's every note is there.
    assert_eq!(notes, WRITERS as usize * ROUNDS);
}
