//! What printpdf cannot write, done on its lopdf document: our page contents, a nested
//! outline (`outline`), /Lang, subset font names and ToUnicode maps (`fontnames`), link
//! annotations (`links`), the structure tree (`tags`), a content-derived file ID; then
//! compression.

use super::content::FONT_IDS;
use super::fontnames::name_fonts;
use super::links::annotate;
use super::metadata::info;
use super::outline::outline;
use super::paginate::Laid;
use super::subset::Subset;
use super::syntax::Written;
use super::tags::{lang_tag, tag};
use super::text_string;
use super::RenderError;
use crate::model::Lang;
use crate::packet::{Packet, Section};
use lopdf::{Dictionary, Object, ObjectId};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// zlib level for page contents and font programs. Level 2 was barely faster and made
/// files half as large again; 6 is the usual balance.
const DEFLATE_LEVEL: u32 = 6;

/// Finishes printpdf's document. `tagging` holds, per page, the element of each MCID the
/// content streams use; with it the file becomes a tagged PDF, its structure tree in
/// `written`.
#[allow(clippy::too_many_arguments)]
pub fn finish(
    doc: &mut lopdf::Document,
    written: &mut Written,
    packet: &Packet,
    laid: &Laid,
    subsets: &[Option<Subset>],
    texts: &[BTreeMap<u16, String>; 3],
    streams: Vec<Vec<u8>>,
    tagging: Option<&[Vec<usize>]>,
) -> Result<(), RenderError> {
    // Object streams, /Tabs and the structure tree need PDF 1.5+; PDF/UA-1 builds on 1.7.
    doc.version = "1.7".into();
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if pages.len() != laid.pages.len() {
        return Err(RenderError::Pdf(format!(
            "{} pages laid out but {} written",
            laid.pages.len(),
            pages.len()
        )));
    }
    replace_contents(doc, &pages, streams)?;
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| RenderError::Pdf(format!("no catalog: {e}")))?;
    let outlines = outline(doc, &pages, laid);
    let catalog = doc
        .get_object_mut(catalog_id)
        .and_then(Object::as_dict_mut)
        .map_err(|e| RenderError::Pdf(format!("catalog: {e}")))?;
    if let Some(outlines) = outlines {
        catalog.set("Outlines", outlines);
        catalog.set("PageMode", "UseOutlines");
    }
    catalog.set("Lang", Object::string_literal(lang_tag(packet.lang)));
    catalog.set("PageLabels", page_labels(packet));
    replace_info(doc, packet);
    name_fonts(doc, subsets, texts);
    let links = annotate(doc, &pages, laid);
    if let Some(mcids) = tagging {
        tag(
            doc,
            written,
            catalog_id,
            &pages,
            &laid.structure,
            mcids,
            &links,
            packet,
        )?;
    }

    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object {
            if stream.allows_compression
                && stream.dict.get(b"Filter").is_err()
                && stream.content.len() > 64
            {
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

/// printpdf's `/Info` claims PDF/X (an empty `/GTS_PDFXVersion`) and dates every file
/// 1970; ours comes from the packet (`metadata::info`) and agrees with the XMP.
fn replace_info(doc: &mut lopdf::Document, packet: &Packet) {
    let info = doc.add_object(info(packet));
    if let Ok(old) = doc.trailer.get(b"Info").and_then(Object::as_reference) {
        doc.objects.remove(&old);
    }
    doc.trailer.set("Info", info);
}

/// `/PageLabels`: the viewer shows the printed numbers. The cover is unnumbered (labelled
/// "Cover"), so the page printed "Page 1" is labelled 1.
fn page_labels(packet: &Packet) -> Dictionary {
    let mut nums: Vec<Object> = Vec::new();
    let covered = packet.sections.first() == Some(&Section::Cover);
    if covered {
        let cover = match packet.lang {
            Lang::En => "Cover",
            Lang::Es => "Portada",
        };
        nums.push(0.into());
        nums.push(lopdf::dictionary! { "P" => text_string(cover) }.into());
    }
    nums.push(i64::from(covered).into());
    nums.push(lopdf::dictionary! { "S" => "D", "St" => 1 }.into());
    lopdf::dictionary! { "Nums" => nums }
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
