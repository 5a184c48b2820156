//! PDF object syntax (ISO 32000-1 7.3): lopdf's objects written as bytes, compactly (no
//! space where a delimiter already separates), and objects written straight to bytes
//! (`Written`). `xref` lays both out as a file.

use lopdf::{Dictionary, Object, StringFormat};
use std::io::Write;

/// Indirect objects already written as PDF syntax, to go into object streams beside the
/// lopdf document's. The structure tree's thousands of small dictionaries are written
/// here directly: building each as a lopdf `Dictionary`, keeping it in the document's
/// map and serialising it again cost more than the rest of tagging together.
#[derive(Default)]
pub struct Written {
    ids: Vec<u32>,
    /// Where each object's bytes end in `bytes`.
    ends: Vec<usize>,
    bytes: Vec<u8>,
}

impl Written {
    /// Appends object `id`, written by `write` into the buffer it is given.
    pub fn add(&mut self, id: u32, write: impl FnOnce(&mut Vec<u8>)) {
        write(&mut self.bytes);
        self.ids.push(id);
        self.ends.push(self.bytes.len());
    }

    /// The objects as (id, bytes), in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &[u8])> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        self.ids
            .iter()
            .zip(starts.zip(self.ends.iter()))
            .map(|(id, (start, end))| (*id, &self.bytes[start..*end]))
    }

    pub fn max_id(&self) -> Option<u32> {
        self.ids.iter().copied().max()
    }
}

/// Appends `n` in decimal (every reference and count in a file goes through here).
pub fn uint(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

pub fn int(out: &mut Vec<u8>, i: i64) {
    if i < 0 {
        out.push(b'-');
    }
    uint(out, i.unsigned_abs());
}

/// `ID 0 R`: every object Briefbook writes has generation 0.
pub fn reference(out: &mut Vec<u8>, id: u32) {
    uint(out, u64::from(id));
    out.extend_from_slice(b" 0 R");
}

/// Appends `object` to `out`.
pub fn object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(i) => int(out, *i),
        Object::Real(r) => real(out, *r),
        Object::Name(n) => name(out, n),
        Object::String(bytes, StringFormat::Literal) => literal(out, bytes),
        Object::String(bytes, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for b in bytes {
                let _ = write!(out, "{b:02X}");
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 && !self_delimited(item) {
                    out.push(b' ');
                }
                self::object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(d) => dictionary(out, d),
        // Streams are written by `xref` as indirect objects; one never sits inside another.
        Object::Stream(s) => dictionary(out, &s.dict),
        Object::Reference((id, generation)) => {
            uint(out, u64::from(*id));
            out.push(b' ');
            uint(out, u64::from(*generation));
            out.extend_from_slice(b" R");
        }
    }
}

pub fn dictionary(out: &mut Vec<u8>, d: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in d.iter() {
        name(out, key);
        if !self_delimited(value) {
            out.push(b' ');
        }
        object(out, value);
    }
    out.extend_from_slice(b">>");
}

/// Objects that start with a delimiter need no space before them.
fn self_delimited(o: &Object) -> bool {
    matches!(
        o,
        Object::Name(_)
            | Object::String(..)
            | Object::Array(_)
            | Object::Dictionary(_)
            | Object::Stream(_)
    )
}

fn real(out: &mut Vec<u8>, r: f32) {
    if r.is_finite() && r == r.trunc() && r.abs() < 1e9 {
        let _ = write!(out, "{}", r as i64);
    } else if r.is_finite() {
        let s = format!("{r:.4}");
        out.extend_from_slice(s.trim_end_matches('0').trim_end_matches('.').as_bytes());
    } else {
        out.push(b'0');
    }
}

pub fn name(out: &mut Vec<u8>, n: &[u8]) {
    out.push(b'/');
    for &b in n {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&b) || !(33..=126).contains(&b) {
            let _ = write!(out, "#{b:02X}");
        } else {
            out.push(b);
        }
    }
}

/// A literal string with every parenthesis, backslash and CR escaped (simpler than
/// balancing, and always valid).
fn literal(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'(');
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
    out.push(b')');
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn text(o: &Object) -> String {
        let mut out = Vec::new();
        object(&mut out, o);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn objects_are_written_compactly_and_escaped() {
        let d = lopdf::dictionary! {
            "Type" => "StructElem",
            "K" => vec![Object::Integer(0), Object::Integer(-3), Object::Reference((7, 0))],
            "T" => Object::string_literal("a(b)\\c\r"),
            "N" => Object::Name(b"A B#".to_vec()),
            "R" => Object::Real(0.5),
            "X" => Object::String(vec![0xFE, 0xFF], StringFormat::Hexadecimal),
        };
        assert_eq!(
            text(&Object::Dictionary(d)),
            "<</Type/StructElem/K[0 -3 7 0 R]/T(a\\(b\\)\\\\c\\r)/N/A#20B#23/R 0.5/X<FEFF>>>"
        );
        assert_eq!(text(&Object::Real(2.0)), "2");
        assert_eq!(text(&Object::Integer(i64::MIN)), i64::MIN.to_string());
        assert_eq!(
            text(&Object::Reference((4_000_000_000, 65535))),
            "4000000000 65535 R"
        );
        assert_eq!(text(&Object::Real(-0.125)), "-0.125");
    }

    #[test]
    fn written_objects_come_back_in_order_with_their_bytes() {
        let mut written = Written::default();
        written.add(9, |out| reference(out, 12));
        written.add(3, |_| {});
        written.add(5, |out| int(out, -70));
        let back: Vec<(u32, &[u8])> = written.iter().collect();
        assert_eq!(back, [(9, b"12 0 R".as_slice()), (3, b""), (5, b"-70")]);
        assert_eq!(written.max_id(), Some(9));
    }
}
