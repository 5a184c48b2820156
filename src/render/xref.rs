//! Compresses the cross-reference stream that lopdf 0.44 writes uncompressed (7 bytes per
//! object). A tagged packet has one object per structure element, so the table would
//! otherwise be about a tenth of the file; deflated with the PNG "Up" predictor (each row
//! minus the one above, ISO 32000-1 7.4.4.4) it shrinks about tenfold.
//!
//! The stream is the last object of the file and `startxref` points at its start, so it
//! is rewritten in place and no offset changes.

use std::io::Write;

/// Bytes per row of lopdf's cross-reference stream (`/W [1 4 2]`).
const COLUMNS: usize = 7;

/// Returns `pdf` with its trailing cross-reference stream deflated, or `None` when the
/// file does not end the way lopdf writes it (then the caller keeps it as it is).
pub fn compress_xref_stream(pdf: &[u8]) -> Option<Vec<u8>> {
    let start = find_last(pdf, b"startxref")?;
    let offset: usize = std::str::from_utf8(&pdf[start + 9..])
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let object = pdf.get(offset..start)?;
    let dict_start = find(object, b"<<")?;
    let stream_kw = find(object, b">>stream\n")?;
    let dict = std::str::from_utf8(&object[dict_start..stream_kw]).ok()?;
    if !dict.contains("/Type/XRef") || dict.contains("/Filter") || !dict.contains("/W[1 4 2]") {
        return None;
    }
    let length_at = dict.find("/Length ")?;
    let length_end = dict[length_at + 8..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(dict.len(), |e| length_at + 8 + e);
    let length: usize = dict[length_at + 8..length_end].parse().ok()?;
    let data_start = stream_kw + b">>stream\n".len();
    let data = object.get(data_start..data_start + length)?;
    if data.len() % COLUMNS != 0 {
        return None;
    }
    let packed = deflate_up(data)?;
    let mut out = Vec::with_capacity(offset + packed.len() + 256);
    out.extend_from_slice(&pdf[..offset]);
    out.extend_from_slice(&object[..dict_start]);
    out.extend_from_slice(&dict.as_bytes()[..length_at]);
    write!(
        out,
        "/Length {}/Filter/FlateDecode/DecodeParms<</Columns {COLUMNS}/Predictor 12>>",
        packed.len()
    )
    .ok()?;
    out.extend_from_slice(&dict.as_bytes()[length_end..]);
    out.extend_from_slice(b">>stream\n");
    out.extend_from_slice(&packed);
    out.extend_from_slice(&object[data_start + length..]);
    out.extend_from_slice(&pdf[start..]);
    Some(out)
}

/// Each row prefixed with PNG filter 2 (Up) and replaced by its difference from the row
/// above, then deflated.
fn deflate_up(data: &[u8]) -> Option<Vec<u8>> {
    let mut rows = Vec::with_capacity(data.len() / COLUMNS * (COLUMNS + 1));
    let mut above = [0u8; COLUMNS];
    for row in data.chunks(COLUMNS) {
        rows.push(2);
        for (b, a) in row.iter().zip(above.iter_mut()) {
            rows.push(b.wrapping_sub(*a));
            *a = *b;
        }
    }
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    enc.write_all(&rows).ok()?;
    enc.finish().ok()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cross_reference_stream_is_deflated_and_the_file_still_reads() {
        let mut doc = lopdf::Document::with_version("1.7");
        let mut ids = Vec::new();
        for i in 0..500 {
            ids.push(doc.add_object(lopdf::Object::Integer(i)));
        }
        let catalog = doc.add_object(lopdf::dictionary! { "Type" => "Catalog" });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_with_options(
            &mut bytes,
            lopdf::SaveOptions::builder()
                .use_object_streams(true)
                .use_xref_streams(true)
                .build(),
        )
        .expect("saves");
        let packed = compress_xref_stream(&bytes).expect("lopdf's layout is recognised");
        assert!(
            packed.len() + 2000 < bytes.len(),
            "{} -> {}",
            bytes.len(),
            packed.len()
        );
        let back = lopdf::Document::load_mem(&packed).expect("the compressed file loads");
        assert_eq!(back.get_object(ids[499]).unwrap().as_i64().unwrap(), 499);
        assert!(
            compress_xref_stream(&packed).is_none(),
            "already compressed"
        );
    }
}
