//! Emit: the structure tree of a tagged PDF (ISO 32000-1 14.7-14.8, PDF/UA-1) from the
//! tree recorded during layout: one structure element per node that has content, marked
//! content references (MCIDs) and link annotations (OBJR) as kids, the ParentTree that
//! maps each page's MCIDs and each annotation back to its element, `/StructParents` and
//! `/Tabs /S` on pages, and the catalog entries a tagged document needs.
//!
//! Compact by design (files stay small): no `/Type` on elements (optional), a bare MCID
//! when the content is on the element's `/Pg`, a single kid without an array, and one
//! shared attribute object for all table header cells.

use super::links::Placed;
use super::metadata::xmp;
use super::structure::{Role, StructTree};
use super::text_string;
use super::RenderError;
use crate::model::Lang;
use crate::packet::Packet;
use lopdf::{Dictionary, Object, ObjectId, Stream};

/// The language tag written for `lang` (`/Lang`, XMP `dc:language`).
pub fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-US",
        Lang::Es => "es-MX",
    }
}

/// Writes the structure tree and marks the document as tagged. `mcids[p]` lists the
/// element of each MCID on page `p`, as `content` wrote them; `links` are the link
/// annotations, each owned by a `Link` element.
pub fn tag(
    doc: &mut lopdf::Document,
    catalog_id: ObjectId,
    pages: &[ObjectId],
    tree: &StructTree,
    mcids: &[Vec<usize>],
    links: &[Placed],
    packet: &Packet,
) -> Result<(), RenderError> {
    let n = tree.nodes.len();
    // What each element holds: (page, MCID) in page order, then annotations.
    let mut content: Vec<Vec<(usize, i64)>> = vec![Vec::new(); n];
    for (page, list) in mcids.iter().enumerate() {
        for (mcid, node) in list.iter().enumerate() {
            if let Some(c) = content.get_mut(*node) {
                c.push((page, mcid as i64));
            }
        }
    }
    let mut annots: Vec<Vec<&Placed>> = vec![Vec::new(); n];
    for link in links {
        if let Some(a) = annots.get_mut(link.node) {
            a.push(link);
        }
    }
    // Keep elements with content, and their ancestors; a heading or paragraph that drew
    // nothing is left out rather than written empty. Table cells stay even when empty, so
    // every row keeps its columns. Parents precede children.
    let mut keep = vec![false; n];
    for id in (0..n).rev() {
        let cell = matches!(tree.nodes[id].role, Role::TD | Role::TH);
        keep[id] |= cell || !content[id].is_empty() || !annots[id].is_empty();
        if keep[id] {
            if let Some(parent) = tree.nodes[id].parent {
                keep[parent] = true;
            }
        }
    }
    let ids: Vec<Option<ObjectId>> = keep
        .iter()
        .map(|k| k.then(|| doc.new_object_id()))
        .collect();
    let root_id = doc.new_object_id();
    let Some(document) = ids[0] else {
        return Err(RenderError::Pdf(
            "tagging: the document has no content to tag".into(),
        ));
    };
    let th_attr = doc.add_object(Dictionary::from_iter([
        ("O", Object::Name(b"Table".to_vec())),
        ("Scope", Object::Name(b"Column".to_vec())),
    ]));

    for (id, node) in tree.nodes.iter().enumerate() {
        let Some(object_id) = ids[id] else { continue };
        let mut d = Dictionary::new();
        d.set("S", Object::Name(node.role.name().as_bytes().to_vec()));
        d.set("P", node.parent.and_then(|p| ids[p]).unwrap_or(root_id));
        let pg = content[id].first().map(|(page, _)| *page);
        if let Some(page) = pg {
            d.set("Pg", pages[page]);
        }
        let mut kids: Vec<Object> = node
            .children
            .iter()
            .filter_map(|c| ids[*c].map(Object::Reference))
            .collect();
        for (page, mcid) in &content[id] {
            if Some(*page) == pg {
                kids.push(Object::Integer(*mcid));
            } else {
                kids.push(Object::Dictionary(Dictionary::from_iter([
                    ("Type", Object::Name(b"MCR".to_vec())),
                    ("Pg", Object::Reference(pages[*page])),
                    ("MCID", Object::Integer(*mcid)),
                ])));
            }
        }
        for link in &annots[id] {
            kids.push(Object::Dictionary(Dictionary::from_iter([
                ("Type", Object::Name(b"OBJR".to_vec())),
                ("Pg", Object::Reference(pages[link.page])),
                ("Obj", Object::Reference(link.id)),
            ])));
        }
        d.set(
            "K",
            if kids.len() == 1 {
                kids.remove(0)
            } else {
                Object::Array(kids)
            },
        );
        if let Some(lang) = node.lang {
            d.set("Lang", Object::string_literal(lang_tag(lang)));
        }
        if let Some(alt) = &node.alt {
            d.set("Alt", text_string(alt));
        }
        if node.role == Role::TH {
            d.set("A", th_attr);
        }
        if let Some([l, b, r, t]) = node.bbox {
            d.set(
                "A",
                Dictionary::from_iter([
                    ("O", Object::Name(b"Layout".to_vec())),
                    ("Placement", Object::Name(b"Block".to_vec())),
                    (
                        "BBox",
                        Object::Array([l, b, r, t].into_iter().map(Object::Real).collect()),
                    ),
                ]),
            );
        }
        doc.objects.insert(object_id, Object::Dictionary(d));
    }

    // ParentTree: key p -> the elements of page p's MCIDs; then one key per annotation.
    let mut nums = Vec::with_capacity(2 * (pages.len() + links.len()));
    for (page, list) in mcids.iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let refs = list
            .iter()
            .map(|node| ids[*node].map_or(Object::Null, Object::Reference))
            .collect::<Vec<_>>();
        nums.push(Object::Integer(page as i64));
        nums.push(Object::Array(refs));
        let d = page_dict(doc, pages[page])?;
        d.set("StructParents", page as i64);
    }
    let mut key = pages.len() as i64;
    for link in links {
        let Some(owner) = ids[link.node] else {
            continue;
        };
        nums.push(Object::Integer(key));
        nums.push(Object::Reference(owner));
        if let Ok(d) = doc.get_object_mut(link.id).and_then(Object::as_dict_mut) {
            d.set("StructParent", key);
        }
        key += 1;
    }
    for page in pages {
        // Tab order follows the structure (PDF/UA 7.18.3).
        page_dict(doc, *page)?.set("Tabs", "S");
    }
    let parent_tree = doc.add_object(Dictionary::from_iter([("Nums", Object::Array(nums))]));
    doc.objects.insert(
        root_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"StructTreeRoot".to_vec())),
            ("K", Object::Reference(document)),
            ("ParentTree", Object::Reference(parent_tree)),
            ("ParentTreeNextKey", Object::Integer(key)),
        ])),
    );

    let mut metadata = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp(packet).into_bytes(),
    );
    // Left uncompressed so that tools which only scan for the packet find it.
    metadata.allows_compression = false;
    let metadata = doc.add_object(metadata);
    let catalog = doc
        .get_object_mut(catalog_id)
        .and_then(Object::as_dict_mut)
        .map_err(|e| RenderError::Pdf(format!("catalog: {e}")))?;
    catalog.set("StructTreeRoot", root_id);
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter([("Marked", Object::Boolean(true))]),
    );
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]),
    );
    catalog.set("Metadata", metadata);
    Ok(())
}

fn page_dict(doc: &mut lopdf::Document, page: ObjectId) -> Result<&mut Dictionary, RenderError> {
    doc.get_object_mut(page)
        .and_then(Object::as_dict_mut)
        .map_err(|e| RenderError::Pdf(format!("page {page:?}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::builtin_record;
    use crate::packet::{assemble, PacketSpec};

    fn elements(doc: &lopdf::Document) -> Vec<&Dictionary> {
        doc.objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"S").is_ok())
            .collect()
    }

    #[test]
    fn text_in_the_other_language_carries_lang_and_empty_elements_are_left_out() {
        let spec = PacketSpec::from_json(r#"{"lang":"es"}"#).expect("spec");
        let packet = assemble(&spec, &builtin_record().record, &[]).expect("packet");
        let mut doc = lopdf::Document::with_version("1.7");
        let page = doc.add_object(Dictionary::from_iter([(
            "Type",
            Object::Name(b"Page".to_vec()),
        )]));
        let catalog = doc.add_object(Dictionary::from_iter([(
            "Type",
            Object::Name(b"Catalog".to_vec()),
        )]));
        let mut tree = StructTree::new();
        // An English passage in a Spanish packet: a group with its language.
        tree.open(Role::Sect, Some(Lang::En));
        let p = tree.leaf(Role::P);
        tree.leaf(Role::H2); // drew nothing
        tree.close();
        tag(&mut doc, catalog, &[page], &tree, &[vec![p]], &[], &packet).expect("tags");
        let elems = elements(&doc);
        let roles: Vec<&[u8]> = elems
            .iter()
            .map(|d| d.get(b"S").unwrap().as_name().unwrap())
            .collect();
        assert_eq!(roles.len(), 3, "Document, Sect, P: {roles:?}");
        assert!(!roles.contains(&b"H2".as_slice()));
        let sect = elems
            .iter()
            .find(|d| d.get(b"S").unwrap().as_name().unwrap() == b"Sect")
            .unwrap();
        assert_eq!(sect.get(b"Lang").unwrap().as_str().unwrap(), b"en-US");
        let para = elems
            .iter()
            .find(|d| d.get(b"S").unwrap().as_name().unwrap() == b"P")
            .unwrap();
        assert_eq!(
            para.get(b"K").unwrap().as_i64().unwrap(),
            0,
            "a bare MCID on its page"
        );
        assert_eq!(para.get(b"Pg").unwrap().as_reference().unwrap(), page);
        let c = doc.get_dictionary(catalog).unwrap();
        for key in [
            b"StructTreeRoot".as_slice(),
            b"MarkInfo",
            b"ViewerPreferences",
            b"Metadata",
        ] {
            assert!(c.get(key).is_ok(), "{}", String::from_utf8_lossy(key));
        }
        let d = doc.get_dictionary(page).unwrap();
        assert_eq!(d.get(b"StructParents").unwrap().as_i64().unwrap(), 0);
    }
}
