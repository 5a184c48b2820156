//! Reads a packet back for `pdf_pages`: the /Info dictionary, the XMP packet, and every
//! shown string of each page with its font, size, position and width (from the fonts'
//! ToUnicode maps and /W widths).

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;

/// One `TJ` as painted: its text (trailing line-end space trimmed) and where it sits.
#[derive(Debug, Clone)]
pub struct Placed {
    pub text: String,
    pub font: String,
    pub size: f32,
    pub x: f32,
    pub y: f32,
    /// Advance width in points, without the invisible space that ends a line.
    pub width: f32,
}

pub fn text_string(o: &Object) -> String {
    let bytes = o.as_str().expect("a string");
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

pub fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).expect("reference resolves"),
        o => o,
    }
}

pub fn info(doc: &Document) -> &Dictionary {
    deref(doc, doc.trailer.get(b"Info").expect("/Info"))
        .as_dict()
        .expect("a dictionary")
}

pub fn xmp(doc: &Document) -> String {
    let stream = deref(doc, doc.catalog().unwrap().get(b"Metadata").expect("XMP"))
        .as_stream()
        .unwrap();
    let data = stream
        .decompressed_content()
        .unwrap_or(stream.content.clone());
    String::from_utf8(data).expect("UTF-8 XMP")
}

fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => panic!("not a number: {o:?}"),
    }
}

/// A font's glyph texts (ToUnicode) and widths (/W, 1/1000 em).
struct Font {
    name: String,
    text: HashMap<u16, String>,
    widths: HashMap<u16, f32>,
}

fn font(doc: &Document, dict: &Dictionary) -> Font {
    let name = String::from_utf8_lossy(dict.get(b"BaseFont").unwrap().as_name().unwrap()).into();
    let stream = deref(doc, dict.get(b"ToUnicode").unwrap())
        .as_stream()
        .unwrap();
    let data = stream
        .decompressed_content()
        .unwrap_or(stream.content.clone());
    let mut text = HashMap::new();
    for line in String::from_utf8_lossy(&data)
        .lines()
        .filter(|l| l.starts_with('<'))
    {
        let parts: Vec<&str> = line
            .split(['<', '>', ' '])
            .filter(|s| !s.is_empty())
            .collect();
        if parts.len() == 2 {
            let gid = u16::from_str_radix(parts[0], 16).unwrap();
            let units: Vec<u16> = (0..parts[1].len() / 4)
                .map(|i| u16::from_str_radix(&parts[1][i * 4..i * 4 + 4], 16).unwrap())
                .collect();
            text.insert(gid, String::from_utf16_lossy(&units));
        }
    }
    let descendant = deref(
        doc,
        &deref(doc, dict.get(b"DescendantFonts").unwrap())
            .as_array()
            .unwrap()[0],
    )
    .as_dict()
    .unwrap();
    let w = deref(doc, descendant.get(b"W").unwrap())
        .as_array()
        .unwrap();
    let mut widths = HashMap::new();
    let mut i = 0;
    while i < w.len() {
        let first = num(&w[i]) as u16;
        match deref(doc, &w[i + 1]) {
            Object::Array(list) => {
                for (k, v) in list.iter().enumerate() {
                    widths.insert(first + k as u16, num(v));
                }
                i += 2;
            }
            last => {
                for g in first..=num(last) as u16 {
                    widths.insert(g, num(&w[i + 2]));
                }
                i += 3;
            }
        }
    }
    Font { name, text, widths }
}

/// Every shown string of every page, in content order.
pub fn page_texts(doc: &Document) -> Vec<Vec<Placed>> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    pages
        .iter()
        .map(|page| {
            let resources = deref(
                doc,
                doc.get_dictionary(*page)
                    .unwrap()
                    .get(b"Resources")
                    .unwrap(),
            );
            let fonts: HashMap<Vec<u8>, Font> =
                deref(doc, resources.as_dict().unwrap().get(b"Font").unwrap())
                    .as_dict()
                    .unwrap()
                    .iter()
                    .map(|(k, v)| (k.clone(), font(doc, deref(doc, v).as_dict().unwrap())))
                    .collect();
            let content = Content::decode(&doc.get_page_content(*page)).unwrap();
            let mut out = Vec::new();
            let (mut current, mut size, mut x, mut y) = (None, 0.0, 0.0, 0.0);
            for op in &content.operations {
                match op.operator.as_str() {
                    "Tf" => {
                        current = Some(op.operands[0].as_name().unwrap().to_vec());
                        size = num(&op.operands[1]);
                    }
                    "Tm" => {
                        x = num(&op.operands[4]);
                        y = num(&op.operands[5]);
                    }
                    "TJ" => {
                        let f = &fonts[current.as_ref().expect("a font before text")];
                        let (mut text, mut width, mut trailing) = (String::new(), 0.0, 0.0);
                        for part in op.operands[0].as_array().unwrap() {
                            match part {
                                Object::String(bytes, _) => {
                                    for pair in bytes.chunks(2) {
                                        let gid = u16::from_be_bytes([pair[0], pair[1]]);
                                        let t = f.text.get(&gid).cloned().unwrap_or_default();
                                        let w = f.widths.get(&gid).copied().unwrap_or(0.0) * size
                                            / 1000.0;
                                        trailing = if t == " " { w } else { 0.0 };
                                        width += w;
                                        text.push_str(&t);
                                    }
                                }
                                n => width -= num(n) * size / 1000.0,
                            }
                        }
                        out.push(Placed {
                            text: text.trim_end().to_string(),
                            font: f.name.clone(),
                            size,
                            x,
                            y,
                            width: width - trailing,
                        });
                    }
                    _ => {}
                }
            }
            out
        })
        .collect()
}
