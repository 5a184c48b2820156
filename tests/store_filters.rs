//! One filter: the same `Filters` select the same entries, in the same order, whether
//! the store lists them (SQL) or the packet assembles them (Rust).

use briefbook::model::{EntryKind, Filters, Origin, Record, Status};
use briefbook::packet::{assemble, PacketError, PacketSpec};
use briefbook::store::{EntryQuery, Store};
use briefbook::synthetic::{self, Size};

fn cases() -> Vec<Filters> {
    let f = Filters::default;
    let mut cases = vec![
        f(),
        Filters {
            from: Some("2022".into()),
            ..f()
        },
        Filters {
            from: Some("2022".into()),
            include_undated: false,
            ..f()
        },
        Filters {
            to: Some("2021-10".into()),
            include_undated: false,
            ..f()
        },
        Filters {
            from: Some("2021-06-30".into()),
            to: Some("2021-12".into()),
            ..f()
        },
        Filters {
            pillars: vec![2],
            ..f()
        },
        Filters {
            pillars: vec![0, 3],
            ..f()
        },
        Filters {
            statuses: vec![Status::Done, Status::InProgress],
            ..f()
        },
        Filters {
            kinds: vec![EntryKind::Commitment],
            ..f()
        },
        Filters {
            agencies: vec!["usaid".into(), "Secretaría de Economía".into()],
            ..f()
        },
        Filters {
            query: Some("Mexico cooperacion".into()),
            ..f()
        },
        Filters {
            query: Some("U.S.".into()),
            ..f()
        },
    ];
    cases.push(Filters {
        pillars: vec![1, 2],
        from: Some("2021".into()),
        to: Some("2023".into()),
        include_undated: false,
        statuses: vec![Status::Planned, Status::Done],
        ..f()
    });
    cases
}

fn packet_ids(filters: &Filters, record: &Record) -> Vec<i64> {
    let spec = PacketSpec {
        filters: filters.clone(),
        ..PacketSpec::default()
    };
    match assemble(&spec, record, &[]) {
        Ok(packet) => packet
            .pillars
            .iter()
            .flat_map(|p| {
                p.entries
                    .iter()
                    .chain(p.initiatives.iter().flat_map(|i| &i.entries))
            })
            .map(|e| e.id.expect("entries loaded from the store carry ids"))
            .collect(),
        Err(PacketError::EmptySelection { .. }) => Vec::new(),
        Err(e) => panic!("{filters:?}: {e}"),
    }
}

fn list_and_packet_agree(store: &Store) {
    let record = store.load_record().unwrap();
    let mut nonempty = 0;
    for filters in cases() {
        let listed: Vec<i64> = store
            .list_entries(&EntryQuery {
                filters: filters.clone(),
                ..EntryQuery::default()
            })
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(listed, packet_ids(&filters, &record), "{filters:?}");
        nonempty += usize::from(!listed.is_empty());
    }
    // The cases must select something, or agreement would prove little.
    assert!(
        nonempty >= cases().len() - 2,
        "only {nonempty} cases matched"
    );
}

#[test]
fn list_and_packet_select_the_same_entries_in_the_built_in_record() {
    let mut store = Store::open_in_memory().unwrap();
    briefbook::builtin::seed(&mut store).unwrap();
    list_and_packet_agree(&store);
}

#[test]
fn list_and_packet_select_the_same_entries_in_a_generated_record() {
    let mut record = synthetic::record(
        Size {
            pillars: 4,
            initiatives: 12,
            entries: 1500,
        },
        7,
    );
    // Some General entries, taken from a pillar's first initiative.
    let moved: Vec<_> = record.dialogues[0].pillars[0].initiatives[0]
        .entries
        .drain(..5)
        .collect();
    record.dialogues[0].entries = moved;
    let mut store = Store::open_in_memory().unwrap();
    store.import_record(&record, &Origin::User, false).unwrap();
    list_and_packet_agree(&store);
}
