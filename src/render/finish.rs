//! What printpdf cannot write, done on its lopdf document: our page contents, a nested
//! outline (pillar -> initiative), /Lang, subset tags on font names, ToUnicode maps from
//! the shaped text, a content-derived file ID; then compression.

use super::content::FONT_IDS;
use super::paginate::Laid;
use super::pdf::FONT_NAMES;
use super::subset::Subset;
use super::RenderError;
use crate::model::Lang;
use crate::packet::Packet;
use lopdf::{Dictionary, Object, ObjectId};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// zlib level for page contents and font programs. Level 2 was barely faster and made
/// files half as large again; 6 is the usual balance.
const DEFLATE_LEVEL: u32 = 6;

/// What printpdf cannot write: outline tree, /Lang, subset tags, file ID; then compression.
pub fn finish(
    doc: &mut lopdf::Document,
    packet: &Packet,
    laid: &Laid,
    subsets: &[Option<Subset>],
    texts: &[BTreeMap<u16, String>; 3],
    streams: Vec<Vec<u8>>,
) -> Result<(), RenderError> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    replace_contents(doc, &pages, streams)?;
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| RenderError::Pdf(format!("no catalog: {e}")))?;

    // Outline: level-1 marks at the top, level-2 marks under the level-1 mark before them.
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
        d.set("Title", Object::string_literal(utf16(&mark.title)));
        d.set("Parent", parent);
        let page_ref = pages.get(*page).copied().unwrap_or(pages[0]);
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
    let catalog = doc
        .get_object_mut(catalog_id)
        .and_then(Object::as_dict_mut)
        .map_err(|e| RenderError::Pdf(format!("catalog: {e}")))?;
    if !tree.is_empty() {
        catalog.set("Outlines", outlines_id);
        catalog.set("PageMode", "UseOutlines");
    }
    catalog.set(
        "Lang",
        Object::string_literal(match packet.lang {
            Lang::En => "en-US",
            Lang::Es => "es-MX",
        }),
    );

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

    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object {
            if stream.dict.get(b"Filter").is_err() && stream.content.len() > 64 {
                let mut enc = flate2::write::ZlibEncoder::new(
                    Vec::new(),
                    flate2::Compression::new(DEFLATE_LEVEL),
                );
                std::io::Write::write_all(&mut enc, &stream.content)
                    .map_err(|e| RenderError::Pdf(e.to_string()))?;
                let packed = enc.finish().map_err(|e| RenderError::Pdf(e.to_string()))?;
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(packed);
            }
        }
    }
    // File ID from the content, not printpdf's process-global counter: same packet, same bytes.
    let digest = Sha256::digest(serde_json::to_vec(packet).unwrap_or_default());
    let id = Object::String(digest[..16].to_vec(), lopdf::StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    Ok(())
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

/// PDF text string in UTF-16BE with BOM, so accented titles survive in bookmarks.
fn utf16(text: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        out.extend(unit.to_be_bytes());
    }
    out
}

/// Puts our content stream on each page and one shared font dictionary in its resources.
fn replace_contents(
    doc: &mut lopdf::Document,
    pages: &[ObjectId],
    streams: Vec<Vec<u8>>,
) -> Result<(), RenderError> {
    let mut fonts = Dictionary::new();
    for (id, object) in &doc.objects {
        let Ok(d) = object.as_dict() else { continue };
        if d.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice()) {
            continue;
        }
        if let Ok(name) = d.get(b"BaseFont").and_then(Object::as_name) {
            let name = String::from_utf8_lossy(name).into_owned();
            if FONT_IDS.contains(&name.as_str()) {
                fonts.set(name, *id);
            }
        }
    }
    let mut resources = Dictionary::new();
    resources.set("Font", fonts);
    let resources_id = doc.add_object(resources);
    for (page, content) in pages.iter().zip(streams) {
        let mut enc =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(DEFLATE_LEVEL));
        std::io::Write::write_all(&mut enc, &content)
            .map_err(|e| RenderError::Pdf(e.to_string()))?;
        let packed = enc.finish().map_err(|e| RenderError::Pdf(e.to_string()))?;
        let mut dict = Dictionary::new();
        dict.set("Filter", "FlateDecode");
        let stream_id = doc.add_object(lopdf::Stream::new(dict, packed).with_compression(false));
        // The page's own contents and resources are replaced; drop them from the file.
        for key in [b"Contents".as_slice(), b"Resources"] {
            let old = doc
                .get_dictionary(*page)
                .and_then(|d| d.get(key))
                .and_then(Object::as_reference)
                .ok();
            if let Some(old) = old {
                doc.objects.remove(&old);
            }
        }
        let page = doc
            .get_object_mut(*page)
            .and_then(Object::as_dict_mut)
            .map_err(|e| RenderError::Pdf(format!("page: {e}")))?;
        page.set("Contents", stream_id);
        page.set("Resources", resources_id);
    }
    Ok(())
}
