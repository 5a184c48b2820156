//! PDF object syntax (ISO 32000-1 7.3): lopdf's objects written as bytes, compactly (no
//! space where a delimiter already separates). `xref` lays these out as a file.

use lopdf::{Dictionary, Object, StringFormat};
use std::io::Write;

/// Appends `object` to `out`.
pub fn object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(i) => {
            let _ = write!(out, "{i}");
        }
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
            let _ = write!(out, "{id} {generation} R");
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

fn name(out: &mut Vec<u8>, n: &[u8]) {
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
        assert_eq!(text(&Object::Real(-0.125)), "-0.125");
    }
}
