//! Writes the finished document as bytes ourselves: every object that may be compressed
//! goes into object streams, streams are written directly, and the cross-reference
//! stream is deflated with the PNG "Up" predictor (each row minus the one above,
//! ISO 32000-1 7.4.4.4), which shrinks it about tenfold.
//!
//! lopdf's own saving cloned every object into its object streams and sorted them again;
//! a tagged packet has one object per structure element, so that cost grew with tagging
//! (measured: most of what tagging cost). Here objects are serialised once, in id order,
//! straight into the stream that holds them (`syntax`).

use super::syntax::{dictionary, object, uint, Written};
use lopdf::{Dictionary, Object};
use std::io::Write;

/// Objects per object stream. Each stream starts deflate afresh and repeats its header
/// dictionary, so fewer, larger streams are smaller: a 100-page packet's 4,700 objects in
/// one stream instead of five saved 2 KB (4% of its structure tree). A reader inflates a
/// whole stream to reach one object; 10,000 small objects are about 500 KB, read in a
/// millisecond.
const OBJECTS_PER_STREAM: usize = 10_000;

/// zlib level for object streams, below the files' usual 6: their text (one structure
/// element per object, keys repeated) gives deflate long candidate chains, and level 6
/// searched four times as many of them for a few bytes less; this deflate was most of
/// what tagging cost.
const OBJECT_STREAM_LEVEL: u32 = 5;

/// Bytes per cross-reference row: type (1), offset or object stream (4), index (2).
const COLUMNS: usize = 7;

/// An object for an object stream: one of lopdf's, or one already written.
enum Packable<'a> {
    Object(&'a Object),
    Written(&'a [u8]),
}

#[derive(Clone, Copy)]
enum Entry {
    Free,
    /// At this byte offset of the file.
    Direct(usize),
    /// The `index`th object of object stream `stream`.
    Packed {
        stream: u32,
        index: u16,
    },
}

/// The file: header, streams, object streams (`doc`'s objects, then `written`'s),
/// cross-reference stream with the trailer's entries (`/Root`, `/Info`, `/ID` from
/// `doc.trailer`).
pub fn save(doc: &lopdf::Document, written: &Written, level: u32) -> std::io::Result<Vec<u8>> {
    let max_id = doc
        .objects
        .keys()
        .map(|(id, _)| *id)
        .max()
        .unwrap_or(0)
        .max(written.max_id().unwrap_or(0));
    let mut entries = vec![Entry::Free; max_id as usize + 1];
    let mut out = Vec::with_capacity(64 * 1024);
    let _ = write!(out, "%PDF-{}\n%\u{e2}\u{e3}\u{cf}\u{d3}\n", doc.version);
    // Streams first, directly.
    for (&(id, generation), obj) in &doc.objects {
        let Object::Stream(stream) = obj else {
            continue;
        };
        entries[id as usize] = Entry::Direct(out.len());
        let _ = writeln!(out, "{id} {generation} obj");
        let mut dict = stream.dict.clone();
        dict.set("Length", stream.content.len() as i64);
        dictionary(&mut out, &dict);
        out.extend_from_slice(b"stream\n");
        out.extend_from_slice(&stream.content);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }
    // Everything else in object streams.
    let mut next_id = max_id + 1;
    let packable: Vec<(u32, Packable)> = doc
        .objects
        .iter()
        .filter(|((_, generation), o)| *generation == 0 && !matches!(o, Object::Stream(_)))
        .map(|((id, _), o)| (*id, Packable::Object(o)))
        .chain(
            written
                .iter()
                .map(|(id, bytes)| (id, Packable::Written(bytes))),
        )
        .collect();
    for batch in packable.chunks(OBJECTS_PER_STREAM) {
        let stream_id = next_id;
        next_id += 1;
        let mut head = Vec::with_capacity(batch.len() * 12);
        let mut body = Vec::with_capacity(batch.len() * 48);
        for (index, (id, obj)) in batch.iter().enumerate() {
            // One pair a line: deflate finds more repeats in the header so (1% smaller).
            uint(&mut head, u64::from(*id));
            head.push(b' ');
            uint(&mut head, body.len() as u64);
            head.push(b'\n');
            match obj {
                Packable::Object(o) => object(&mut body, o),
                Packable::Written(bytes) => body.extend_from_slice(bytes),
            }
            // Objects are found by offset; a separator is needed only where the next
            // object's first token could run on into this one's last.
            if !matches!(body.last(), Some(b'>' | b']' | b')')) {
                body.push(b' ');
            }
            entries[*id as usize] = Entry::Packed {
                stream: stream_id,
                index: index as u16,
            };
        }
        let first = head.len();
        head.extend_from_slice(&body);
        let packed = deflate(&head, level.min(OBJECT_STREAM_LEVEL))?;
        entries.push(Entry::Direct(out.len()));
        let mut dict = Dictionary::new();
        dict.set("Type", "ObjStm");
        dict.set("N", batch.len() as i64);
        dict.set("First", first as i64);
        dict.set("Filter", "FlateDecode");
        dict.set("Length", packed.len() as i64);
        let _ = writeln!(out, "{stream_id} 0 obj");
        dictionary(&mut out, &dict);
        out.extend_from_slice(b"stream\n");
        out.extend_from_slice(&packed);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }
    // The cross-reference stream, which is also the trailer.
    let xref_id = next_id;
    let xref_at = out.len();
    entries.push(Entry::Direct(xref_at));
    let mut rows = Vec::with_capacity(entries.len() * COLUMNS);
    for (i, entry) in entries.iter().enumerate() {
        let (kind, field, index): (u8, u32, u16) = match *entry {
            // The list of free objects: object 0 heads it (generation 65535).
            Entry::Free => (0, 0, if i == 0 { 65535 } else { 0 }),
            Entry::Direct(at) => (1, at as u32, 0),
            Entry::Packed { stream, index } => (2, stream, index),
        };
        rows.push(kind);
        rows.extend_from_slice(&field.to_be_bytes());
        rows.extend_from_slice(&index.to_be_bytes());
    }
    let packed = deflate_up(&rows, level)?;
    let mut dict = Dictionary::new();
    dict.set("Type", "XRef");
    dict.set("Size", entries.len() as i64);
    dict.set(
        "W",
        vec![Object::Integer(1), Object::Integer(4), Object::Integer(2)],
    );
    for key in [b"Root".as_slice(), b"Info", b"ID"] {
        if let Ok(value) = doc.trailer.get(key) {
            dict.set(key.to_vec(), value.clone());
        }
    }
    dict.set("Filter", "FlateDecode");
    dict.set(
        "DecodeParms",
        lopdf::dictionary! { "Columns" => COLUMNS as i64, "Predictor" => 12 },
    );
    dict.set("Length", packed.len() as i64);
    let _ = writeln!(out, "{xref_id} 0 obj");
    dictionary(&mut out, &dict);
    out.extend_from_slice(b"stream\n");
    out.extend_from_slice(&packed);
    let _ = write!(out, "\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n");
    Ok(out)
}

fn deflate(data: &[u8], level: u32) -> std::io::Result<Vec<u8>> {
    let mut enc = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(data.len() / 3),
        flate2::Compression::new(level),
    );
    enc.write_all(data)?;
    enc.finish()
}

/// Each row prefixed with PNG filter 2 (Up) and replaced by its difference from the row
/// above, then deflated.
fn deflate_up(data: &[u8], level: u32) -> std::io::Result<Vec<u8>> {
    let mut rows = Vec::with_capacity(data.len() / COLUMNS * (COLUMNS + 1));
    let mut above = [0u8; COLUMNS];
    for row in data.chunks(COLUMNS) {
        rows.push(2);
        for (b, a) in row.iter().zip(above.iter_mut()) {
            rows.push(b.wrapping_sub(*a));
            *a = *b;
        }
    }
    deflate(&rows, level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn a_saved_document_reads_back_whole() {
        let mut doc = lopdf::Document::with_version("1.7");
        let mut ids = Vec::new();
        let count = 2 * OBJECTS_PER_STREAM + 500;
        for i in 0..count {
            ids.push(doc.add_object(lopdf::dictionary! {
                "S" => "P",
                "K" => i as i64,
                "T" => Object::string_literal(format!("element (#{i})")),
            }));
        }
        let content = lopdf::Stream::new(Dictionary::new(), b"BT ET".to_vec());
        let stream = doc.add_object(content);
        let catalog = doc.add_object(lopdf::dictionary! { "Type" => "Catalog", "S" => stream });
        doc.trailer.set("Root", catalog);
        // Objects written as bytes go beside lopdf's, the last with the highest id.
        let mut written = Written::default();
        let (a, b) = (doc.new_object_id().0, doc.new_object_id().0);
        written.add(b, |out| out.extend_from_slice(b"<</S/P/K[1 2 0 R]>>"));
        written.add(a, |out| out.extend_from_slice(b"(written)"));
        let bytes = save(&doc, &written, 6).expect("saves");
        let back = lopdf::Document::load_mem(&bytes).expect("loads");
        let last = back.get_dictionary(ids[count - 1]).unwrap();
        assert_eq!(last.get(b"K").unwrap().as_i64().unwrap(), count as i64 - 1);
        assert_eq!(
            last.get(b"T").unwrap().as_str().unwrap(),
            format!("element (#{})", count - 1).as_bytes()
        );
        let element = back.get_dictionary((b, 0)).unwrap();
        assert_eq!(element.get(b"S").unwrap().as_name().unwrap(), b"P");
        assert_eq!(
            back.get_object((a, 0)).unwrap().as_str().unwrap(),
            b"written"
        );
        assert_eq!(
            back.get_object(stream)
                .unwrap()
                .as_stream()
                .unwrap()
                .content,
            b"BT ET"
        );
        assert_eq!(
            back.catalog()
                .unwrap()
                .get(b"Type")
                .unwrap()
                .as_name()
                .unwrap(),
            b"Catalog"
        );
        // Three object streams of at most OBJECTS_PER_STREAM objects, and a compressed xref stream.
        let text = String::from_utf8_lossy(&bytes);
        assert_eq!(text.matches("/Type/ObjStm").count(), 3);
        assert!(text.contains("/Predictor 12"));
    }
}
