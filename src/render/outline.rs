//! The PDF outline (bookmarks) as a tree: level-1 marks (sections, pillars) at the top,
//! level-2 marks (initiatives) under the level-1 mark before them.

use super::paginate::Laid;
use super::text_string;
use lopdf::{Dictionary, Object, ObjectId};

/// Writes the outline; returns its root, or `None` when there is nothing to bookmark.
pub fn outline(doc: &mut lopdf::Document, pages: &[ObjectId], laid: &Laid) -> Option<ObjectId> {
    let first_page = *pages.first()?;
    let outlines_id = doc.new_object_id();
    let mut tree: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, (mark, _, _)) in laid.outline.iter().enumerate() {
        match (mark.level, tree.last_mut()) {
            (2, Some((_, children))) => children.push(i),
            _ => tree.push((i, Vec::new())),
        }
    }
    let ids: Vec<ObjectId> = laid.outline.iter().map(|_| doc.new_object_id()).collect();
    let item = |i: usize, parent: ObjectId, prev: Option<ObjectId>, next: Option<ObjectId>| {
        let (mark, page, y) = &laid.outline[i];
        let mut d = Dictionary::new();
        d.set("Title", text_string(&mark.title));
        d.set("Parent", parent);
        let page_ref = pages.get(*page).copied().unwrap_or(first_page);
        d.set(
            "Dest",
            vec![
                page_ref.into(),
                "XYZ".into(),
                0.into(),
                Object::Real(*y + 20.0),
                Object::Null,
            ],
        );
        if let Some(p) = prev {
            d.set("Prev", p);
        }
        if let Some(n) = next {
            d.set("Next", n);
        }
        d
    };
    for (k, (top, children)) in tree.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| ids[tree[j].0]);
        let next = tree.get(k + 1).map(|t| ids[t.0]);
        let mut d = item(*top, outlines_id, prev, next);
        if let (Some(first), Some(last)) = (children.first(), children.last()) {
            d.set("First", ids[*first]);
            d.set("Last", ids[*last]);
            // Negative count: pillars start closed, so the outline reads as a table of pillars.
            d.set("Count", -(children.len() as i64));
        }
        doc.objects.insert(ids[*top], Object::Dictionary(d));
        for (c, child) in children.iter().enumerate() {
            let prev = c.checked_sub(1).map(|j| ids[children[j]]);
            let next = children.get(c + 1).map(|j| ids[*j]);
            doc.objects.insert(
                ids[*child],
                Object::Dictionary(item(*child, ids[*top], prev, next)),
            );
        }
    }
    if let (Some(first), Some(last)) = (tree.first(), tree.last()) {
        let mut d = Dictionary::new();
        d.set("Type", "Outlines");
        d.set("First", ids[first.0]);
        d.set("Last", ids[last.0]);
        d.set("Count", tree.len() as i64);
        doc.objects.insert(outlines_id, Object::Dictionary(d));
    }
    (!tree.is_empty()).then_some(outlines_id)
}
