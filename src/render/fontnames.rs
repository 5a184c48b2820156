//! Font names and text maps: each embedded subset gets its tagged name
//! (`ABCDEF+NotoSans-Regular`) and a ToUnicode map built from the shaped text, so that
//! every glyph code extracts as the characters that were typed.

use super::content::FONT_IDS;
use super::pdf::FONT_NAMES;
use super::subset::Subset;
use lopdf::{Dictionary, Object};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Names every subset font and gives it a complete ToUnicode map. `texts[i]` maps the
/// original glyph ids of face `i` to the text each stands for.
pub fn name_fonts(
    doc: &mut lopdf::Document,
    subsets: &[Option<Subset>],
    texts: &[BTreeMap<u16, String>; 3],
) {
    // Subset tag (ISO 32000-1 9.6.4): six capitals derived from the glyph set, so equal
    // packets give equal names.
    let mut fonts: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (i, sub) in subsets.iter().enumerate() {
        if let Some(sub) = sub {
            let digest = Sha256::digest(
                sub.map
                    .keys()
                    .flat_map(|g| g.to_be_bytes())
                    .collect::<Vec<u8>>(),
            );
            let tag: String = digest
                .iter()
                .take(6)
                .map(|b| (b'A' + b % 26) as char)
                .collect();
            let by_new: BTreeMap<u16, String> = texts[i]
                .iter()
                .filter_map(|(old, text)| sub.map.get(old).map(|new| (*new, text.clone())))
                .collect();
            fonts.insert(
                FONT_IDS[i].to_string(),
                (format!("{tag}+{}", FONT_NAMES[i]), to_unicode_cmap(&by_new)),
            );
        }
    }
    fix_fonts(doc, &fonts);
}

/// Gives each font its tagged subset name (`/BaseFont`, `/FontName`) and a ToUnicode map
/// built from the shaped text, so extraction yields exactly the characters typed.
fn fix_fonts(doc: &mut lopdf::Document, fonts: &BTreeMap<String, (String, String)>) {
    let tagged_name = |d: &Dictionary, key: &[u8]| {
        let name = d.get(key).and_then(Object::as_name).ok()?;
        fonts.get(String::from_utf8_lossy(name).as_ref())
    };
    let mut type0 = Vec::new();
    for (id, object) in doc.objects.iter_mut() {
        let Object::Dictionary(d) = object else {
            continue;
        };
        if let Some((tagged, cmap)) = tagged_name(d, b"BaseFont").cloned() {
            let is_type0 = d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0");
            d.set("BaseFont", Object::Name(tagged.clone().into_bytes()));
            // Descendant fonts may be written inline.
            if let Ok(Object::Array(descendants)) = d.get_mut(b"DescendantFonts") {
                for desc in descendants.iter_mut() {
                    if let Object::Dictionary(dd) = desc {
                        dd.set("BaseFont", Object::Name(tagged.clone().into_bytes()));
                    }
                }
            }
            if is_type0 {
                type0.push((*id, cmap));
            }
        }
        if let Some((tagged, _)) = tagged_name(d, b"FontName").cloned() {
            d.set("FontName", Object::Name(tagged.into_bytes()));
        }
    }
    for (font_id, cmap) in type0 {
        let stream = lopdf::Stream::new(Dictionary::new(), cmap.into_bytes());
        let existing = doc
            .get_dictionary(font_id)
            .and_then(|d| d.get(b"ToUnicode"))
            .and_then(Object::as_reference)
            .ok();
        match existing {
            Some(id) => {
                doc.objects.insert(id, Object::Stream(stream));
            }
            None => {
                let id = doc.add_object(stream);
                if let Ok(Object::Dictionary(d)) = doc.get_object_mut(font_id) {
                    d.set("ToUnicode", id);
                }
            }
        }
    }
}

/// A ToUnicode CMap for Identity-H codes (the subset glyph ids).
fn to_unicode_cmap(map: &BTreeMap<u16, String>) -> String {
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &String)> = map.iter().filter(|(_, t)| !t.is_empty()).collect();
    for chunk in entries.chunks(100) {
        out.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (gid, text) in chunk {
            let hex: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
            out.push_str(&format!("<{gid:04X}> <{hex}>\n"));
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}
