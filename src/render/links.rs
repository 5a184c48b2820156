//! Link annotations for the contents rows: each row's area jumps to its section, and
//! says where it goes in `/Contents` (what a screen reader announces for the link).

use super::paginate::{Item, Laid};
use super::structure::NodeId;
use super::text_string;
use lopdf::{Dictionary, Object, ObjectId};

/// A link annotation written on a page, with the `Link` element that owns it.
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    pub page: usize,
    pub id: ObjectId,
    pub node: NodeId,
}

/// Writes the link annotations of every page and lists them in each page's `/Annots`.
pub fn annotate(doc: &mut lopdf::Document, pages: &[ObjectId], laid: &Laid) -> Vec<Placed> {
    let mut placed = Vec::new();
    for (index, (page, page_id)) in laid.pages.iter().zip(pages).enumerate() {
        let mut annots = Vec::new();
        for item in &page.items {
            let Item::Link {
                x,
                y,
                w,
                h,
                anchor,
                node,
                contents,
            } = item
            else {
                continue;
            };
            let Some(Some((target, top))) = laid.anchors.get(*anchor) else {
                continue;
            };
            let Some(target) = pages.get(*target) else {
                continue;
            };
            let mut d = Dictionary::new();
            d.set("Type", "Annot");
            d.set("Subtype", "Link");
            d.set(
                "Rect",
                [*x, *y, x + w, y + h]
                    .into_iter()
                    .map(Object::Real)
                    .collect::<Vec<_>>(),
            );
            d.set("Border", vec![0.into(), 0.into(), 0.into()]);
            // Printable (PDF/UA asks that annotations not be hidden from print).
            d.set("F", 4);
            d.set("Contents", text_string(contents));
            // A GoTo action (rather than /Dest), as printpdf wrote it and readers expect.
            let dest: Vec<Object> = vec![
                (*target).into(),
                "XYZ".into(),
                0.into(),
                Object::Real(top + 20.0),
                Object::Null,
            ];
            d.set(
                "A",
                Dictionary::from_iter([
                    ("S", Object::Name(b"GoTo".to_vec())),
                    ("D", Object::Array(dest)),
                ]),
            );
            let id = doc.add_object(d);
            annots.push(Object::Reference(id));
            placed.push(Placed {
                page: index,
                id,
                node: *node,
            });
        }
        if annots.is_empty() {
            continue;
        }
        if let Ok(d) = doc.get_object_mut(*page_id).and_then(Object::as_dict_mut) {
            d.set("Annots", annots);
        }
    }
    placed
}
