//! The structure tree: artifacts, heading order, lists, tables, the figure, links.

use super::{norm, packet, prefix, rendered, MARKING};
use crate::reader::{deref, text_string, Elem};
use briefbook::packet::Section;
use briefbook::render::i18n::labels;
use lopdf::Object;
use std::collections::BTreeMap;

#[test]
fn every_painted_mark_is_tagged_once_or_an_artifact_in_both_languages() {
    for lang in ["en", "es"] {
        // Reading the file back asserts it (see `read_content`); check it is not vacuous.
        let t = rendered(&packet(lang));
        assert!(
            t.text.len() > 100,
            "{lang}: {} tagged sequences",
            t.text.len()
        );
        assert!(t.elems.len() > 100);
        assert_eq!(t.elems[0].role, "Document");
        assert_eq!(
            t.elems.iter().filter(|e| e.depth == 0).count(),
            1,
            "one Document"
        );
    }
}

#[test]
fn running_heads_feet_and_marking_are_artifacts_and_the_cover_marking_is_read_once() {
    let p = packet("en");
    let t = rendered(&p);
    for (n, page) in t.artifacts.iter().enumerate().skip(1) {
        let kinds = |k: &str| {
            page.iter()
                .filter(|(s, _)| s == k)
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let header = kinds("Header");
        let footer = kinds("Footer");
        assert!(
            header.contains(MARKING) && header.contains(&p.title),
            "page {n}: {header}"
        );
        assert!(
            footer.contains(&format!("Page {n} of")),
            "page {n}: {footer}"
        );
        assert!(footer.contains(MARKING), "page {n}: {footer}");
    }
    let tagged: Vec<&String> = t.text.values().collect();
    assert_eq!(
        tagged.iter().filter(|s| s.contains(MARKING)).count(),
        1,
        "the cover's marking only"
    );
    assert!(tagged.iter().all(|s| !s.contains("Page 1 of")));
    let cover = t.elems[0].children[0];
    let first = t.elems[cover].children[0];
    assert_eq!(
        t.text_of(first),
        MARKING,
        "the marking is the cover's first paragraph"
    );
}

#[test]
fn headings_never_skip_a_level_and_follow_the_reading_order() {
    for lang in ["en", "es"] {
        let p = packet(lang);
        let l = labels(p.lang);
        let t = rendered(&p);
        let headings = t.headings();
        let mut last = 0;
        for (level, text) in &headings {
            assert!(
                *level <= last + 1,
                "{lang}: H{level} {text:?} after H{last}"
            );
            assert!(!text.is_empty(), "{lang}: an empty heading");
            last = *level;
        }
        // Cover, contents, then the sections in the packet's order.
        let mut expected = Vec::new();
        for section in &p.sections {
            match section {
                Section::Cover => expected.push(p.title.clone()),
                Section::Contents => expected.push(l.contents.to_string()),
                Section::Overview => expected.push(l.overview.to_string()),
                Section::Pillars => {
                    for pillar in &p.pillars {
                        expected.push(pillar.title.clone());
                        expected.extend(pillar.initiatives.iter().map(|i| i.title.clone()));
                    }
                }
                Section::Timeline => expected.push(l.timeline.to_string()),
                Section::ChangesSince => expected.push(l.changes_since.to_string()),
                Section::Sources => expected.push(l.sources.to_string()),
            }
        }
        let mut rest = headings.iter();
        for want in &expected {
            let want: String = want.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                rest.any(|(_, h)| h.contains(&want)),
                "{lang}: heading {want:?} missing or out of order in {headings:?}"
            );
        }
        let top: Vec<&str> = t.elems[0]
            .children
            .iter()
            .map(|c| t.elems[*c].role.as_str())
            .collect();
        assert_eq!(
            &top[..3],
            &["Sect", "Sect", "Sect"],
            "{lang}: cover, contents, overview"
        );
        assert!(top.contains(&"Part"), "{lang}: pillars are parts: {top:?}");
    }
}

#[test]
fn entries_are_list_items_with_their_status_line_and_notes_after_the_text() {
    let p = packet("en");
    let t = rendered(&p);
    let first = &p.pillars[0].initiatives[0].entries[0];
    let item = t
        .with_role("LI")
        .find(|i| norm(&t.text_of(*i)).contains(&norm(&first.text)))
        .expect("the first entry is a list item");
    let kids: Vec<&str> = t.elems[item]
        .children
        .iter()
        .map(|c| t.elems[*c].role.as_str())
        .collect();
    assert_eq!(kids, ["Lbl", "LBody"]);
    assert_eq!(t.text_of(t.elems[item].children[0]), "•");
    // Its body's pieces in order: marked content it holds itself, then child elements.
    let body = t.elems[item].children[1];
    let paras: Vec<String> = t.elems[body]
        .mcids
        .iter()
        .map(|k| t.text.get(k).cloned().unwrap_or_default())
        .chain(t.elems[body].children.iter().map(|c| t.text_of(*c)))
        .collect();
    assert!(norm(&paras[0]).contains(&norm(&first.text)), "{paras:?}");
    assert!(
        paras[1].contains("Planned · Commitment"),
        "the status line follows its entry: {paras:?}"
    );
    assert!(
        paras
            .last()
            .is_some_and(|p| p.contains("Agreed at the September 2021 meeting.")),
        "{paras:?}"
    );
    assert!(t
        .with_role("L")
        .all(|l| t.elems[l].children.iter().all(|c| t.elems[*c].role == "LI")));
    // A body of paragraphs only holds their content directly, a sequence each; one with a
    // nested list keeps its paragraphs as elements.
    let bodies: Vec<usize> = t.with_role("LBody").collect();
    let holds_content = |b: &Elem| b.children.is_empty() && b.mcids.len() >= 2;
    assert!(bodies.iter().any(|b| holds_content(&t.elems[*b])));
    for b in bodies {
        let kids = &t.elems[b].children;
        assert!(
            kids.is_empty() || kids.iter().any(|c| t.elems[*c].role != "P"),
            "an LBody of only P elements: {}",
            t.text_of(b)
        );
    }
    let note = t.with_role("LBody").any(|i| {
        t.elems[i].children.is_empty()
            && t.text_of(i)
                .contains("Welcome the progress on supply chains.")
    });
    assert!(note, "the initiative's note is an item of its own");
}

#[test]
fn tables_have_scoped_header_cells_and_read_row_by_row() {
    let p = packet("es");
    let t = rendered(&p);
    let tables: Vec<usize> = t.with_role("Table").collect();
    assert!(tables.len() >= 2, "overview and timeline tables");
    for table in &tables {
        let parts: Vec<&str> = t.elems[*table]
            .children
            .iter()
            .map(|c| t.elems[*c].role.as_str())
            .collect();
        assert_eq!(parts, ["THead", "TBody"]);
        let head = t.elems[*table].children[0];
        let row = t.elems[head].children[0];
        for th in &t.elems[row].children {
            let e = &t.elems[*th];
            assert_eq!(e.role, "TH");
            let scope = e.attrs.as_ref().and_then(|a| a.get(b"Scope").ok());
            assert_eq!(scope.and_then(|s| s.as_name().ok()), Some(&b"Column"[..]));
        }
    }
    // The timeline: header once, then the packet's rows in order, cell by cell.
    let l = labels(p.lang);
    let timeline = *tables.last().unwrap();
    let body = t.elems[timeline].children[1];
    let rows = &t.elems[body].children;
    assert_eq!(rows.len(), p.timeline.len());
    for (row, expected) in rows.iter().zip(&p.timeline).take(5) {
        let cells: Vec<String> = t.elems[*row]
            .children
            .iter()
            .map(|c| t.text_of(*c))
            .collect();
        assert_eq!(cells.len(), 5);
        let cell = norm(&cells[2]);
        assert!(
            cell.starts_with(&prefix(&expected.initiative, 20)),
            "{cells:?}"
        );
        assert!(cell.contains(&prefix(&expected.text, 30)), "{cells:?}");
    }
    let head = t.text_of(t.elems[timeline].children[0]);
    assert_eq!(
        head,
        [l.date, l.pillar, l.entry, l.status, l.agencies].join(" ")
    );
}

#[test]
fn the_chart_is_a_figure_whose_alternative_text_states_the_counts() {
    let p = packet("en");
    let t = rendered(&p);
    let figures: Vec<usize> = t.with_role("Figure").collect();
    assert_eq!(figures.len(), 1);
    let alt = t.elems[figures[0]]
        .alt
        .clone()
        .expect("the figure has /Alt");
    for row in &p.overview.by_pillar {
        let total: u32 = row.by_status.iter().map(|(_, n)| n).sum();
        assert!(alt.contains(&format!("Total {total}.")), "{alt}");
        for (status, n) in row.by_status.iter().filter(|(_, n)| *n > 0) {
            let name = briefbook::render::i18n::status(p.lang, *status);
            assert!(alt.contains(&format!("{name} {n}")), "{alt}");
        }
    }
    let bbox = t.elems[figures[0]]
        .attrs
        .as_ref()
        .and_then(|a| a.get(b"BBox").ok());
    assert!(bbox.is_some(), "the figure has a bounding box");
}

#[test]
fn contents_rows_are_tagged_links_that_own_their_annotations() {
    let t = rendered(&packet("en"));
    let catalog = t.catalog();
    let tree = deref(&t.doc, catalog.get(b"StructTreeRoot").unwrap())
        .as_dict()
        .unwrap();
    let nums = deref(&t.doc, tree.get(b"ParentTree").unwrap())
        .as_dict()
        .unwrap();
    let nums = nums.get(b"Nums").unwrap().as_array().unwrap();
    let parent_tree: BTreeMap<i64, &Object> = nums
        .chunks(2)
        .map(|c| (c[0].as_i64().unwrap(), &c[1]))
        .collect();
    let mut links = 0;
    for (index, page) in t.pages.iter().enumerate() {
        let d = t.doc.get_dictionary(*page).unwrap();
        assert_eq!(
            d.get(b"Tabs").unwrap().as_name().unwrap(),
            b"S",
            "page {index}: /Tabs /S"
        );
        // The ParentTree entry of this page lists the owner of each MCID.
        if let Ok(key) = d.get(b"StructParents") {
            let owners = parent_tree[&key.as_i64().unwrap()].as_array().unwrap();
            for (mcid, owner) in owners.iter().enumerate() {
                let owner = owner.as_reference().unwrap();
                let e = t
                    .elems
                    .iter()
                    .find(|e| e.id == Some(owner))
                    .expect("the owner is in the tree");
                assert!(
                    e.mcids.contains(&(*page, mcid as i64)),
                    "page {index}: MCID {mcid}"
                );
            }
        }
        let Ok(annots) = d.get(b"Annots") else {
            continue;
        };
        for annot in annots.as_array().unwrap() {
            let id = annot.as_reference().unwrap();
            let a = t.doc.get_dictionary(id).unwrap();
            if a.get(b"Subtype").unwrap().as_name().unwrap() != b"Link" {
                continue;
            }
            links += 1;
            assert!(!text_string(a.get(b"Contents").expect("/Contents")).is_empty());
            let key = a
                .get(b"StructParent")
                .expect("/StructParent")
                .as_i64()
                .unwrap();
            let owner = parent_tree[&key].as_reference().unwrap();
            let e = t.elems.iter().find(|e| e.id == Some(owner)).unwrap();
            assert_eq!(e.role, "Link");
            assert_eq!(
                e.objrs,
                [id],
                "the Link element holds the annotation as OBJR"
            );
        }
    }
    assert!(links >= 10, "{links} links");
    let tocis: Vec<usize> = t.with_role("TOCI").collect();
    assert!(tocis.len() >= 10);
    assert!(tocis.iter().all(|i| t.elems[*i]
        .children
        .iter()
        .any(|c| t.elems[*c].role == "Link")));
}

/// The whole text along the structure tree, compared with the packet in print order:
/// cover, contents, overview, each pillar's initiatives and entries, timeline, sources.
#[test]
fn text_along_the_structure_tree_follows_the_packet_in_both_languages() {
    for lang in ["en", "es"] {
        let p = packet(lang);
        let l = labels(p.lang);
        let t = rendered(&p);
        let text = norm(&t.text_of(0));
        let mut expected = vec![p.dialogue.clone(), p.title.clone(), l.contents.to_string()];
        expected.extend(p.pillars.iter().map(|x| x.title.clone()));
        expected.push(l.overview.to_string());
        for pillar in &p.pillars {
            expected.push(pillar.title.clone());
            for i in &pillar.initiatives {
                expected.push(i.title.clone());
                expected.extend(i.summary.clone());
                expected.extend(i.entries.iter().map(|e| e.text.clone()));
            }
        }
        expected.push(l.timeline.to_string());
        expected.extend(p.timeline.iter().take(5).map(|r| r.text.clone()));
        expected.push(l.sources.to_string());
        expected.extend(p.sources.iter().map(|s| s.title.clone()));
        let mut at = 0;
        for want in &expected {
            let want = prefix(want, 40);
            match text[at..].find(&want) {
                Some(i) => at += i + want.len(),
                None => panic!("{lang}: {want:?} missing or out of order after byte {at}"),
            }
        }
    }
}
