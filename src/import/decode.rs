//! Bytes to text: encoding detection, refusal of what is not a text document, and
//! line endings. Typographic clean-up happens later, in parsing, so that the Source
//! keeps the document's own characters.

use super::read::{read_limited, ReadError};
use super::ImportError;
use encoding_rs::{Encoding, WINDOWS_1252};
use std::path::Path;

/// Largest document accepted: 20 MiB (20 × 1024 × 1024 bytes). A fact sheet is a few
/// kilobytes; anything this large is not one, and refusing it keeps memory bounded.
pub const MAX_DOCUMENT_BYTES: u64 = 20 * 1024 * 1024;

/// Share of control characters (other than line breaks, tabs and form feeds) above
/// which decoded text is taken for binary data.
const MAX_CONTROL_SHARE: f64 = 0.02;

/// Reads a document file: plain text or Markdown, a saved web page (`.html`,
/// `.htm`: see [`super::html`]), a Word document (`.docx`: see [`super::docx`]) or a
/// PDF with a text layer (see [`super::pdf`]);
/// only a regular file (a FIFO, device or directory is
/// refused, naming what it is), its size checked against [`MAX_DOCUMENT_BYTES`]
/// before reading and never more than that plus one byte read (see
/// [`super::read_limited`]), then decoded as [`read_text`] does. Errors name the path.
pub fn read_path(path: &Path) -> Result<String, ImportError> {
    let name = path.display().to_string();
    let bytes = read_limited(path, MAX_DOCUMENT_BYTES).map_err(|e| match e {
        ReadError::Io { source, .. } => ImportError::Io {
            name: name.clone(),
            source,
        },
        ReadError::TooLarge { size, limit, .. } => ImportError::TooLarge {
            name: name.clone(),
            size,
            limit,
        },
        ReadError::NotAFile { what, .. } => ImportError::NotAFile {
            name: name.clone(),
            what,
        },
    })?;
    match extension(path).as_str() {
        "pdf" => super::pdf::to_text(&bytes, &name),
        "docx" => super::docx::to_text(&bytes, &name),
        _ if super::docx::is_zip(&bytes) => super::docx::to_text(&bytes, &name),
        _ if super::pdf::is_pdf(&bytes) => super::pdf::to_text(&bytes, &name),
        "html" | "htm" | "xhtml" => read_text(&bytes, &name).map(|t| super::html::to_text(&t)),
        _ => read_text(&bytes, &name),
    }
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Decodes a document: UTF-8 with or without a byte-order mark, UTF-16 LE or BE with
/// a byte-order mark, and otherwise Windows-1252 when the bytes are not valid UTF-8.
/// Line endings become `\n` (CRLF, lone CR, U+2028/2029), so line numbers are the
/// same whatever the platform the document came from; nothing else is changed.
///
/// Refuses (naming `name`): empty or blank input, input over [`MAX_DOCUMENT_BYTES`],
/// binary data (NUL bytes outside UTF-16, or mostly control characters), and UTF-8
/// or UTF-16 with a byte-order mark whose content is malformed.
pub fn read_text(bytes: &[u8], name: &str) -> Result<String, ImportError> {
    let size = bytes.len() as u64;
    if size > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge {
            name: name.to_string(),
            size,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let decoded = decode(bytes, name)?;
    if decoded.trim().is_empty() {
        return Err(ImportError::Empty {
            name: name.to_string(),
        });
    }
    refuse_control_characters(&decoded, name)?;
    Ok(normalize_line_endings(&decoded))
}

fn decode(bytes: &[u8], name: &str) -> Result<String, ImportError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        return encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .map(|text| text.into_owned())
            .ok_or_else(|| ImportError::Undecodable {
                name: name.to_string(),
                encoding: encoding.name(),
                detail: "the byte-order mark says so, but the content is malformed".into(),
            });
    }
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        return Err(ImportError::Binary {
            name: name.to_string(),
            reason: format!(
                "NUL byte at offset {at}; UTF-16 text needs a byte-order mark to be read"
            ),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(_) => {
            // Not UTF-8: the usual other encoding of text saved on Windows. Every byte
            // decodes, so this never fails; binary data is caught by the control check.
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(text.into_owned())
        }
    }
}

fn refuse_control_characters(text: &str, name: &str) -> Result<(), ImportError> {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return Err(ImportError::Binary {
                name: name.to_string(),
                reason: "the text contains NUL characters".into(),
            });
        }
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
            control += 1;
        }
    }
    if total > 0 && control as f64 / total as f64 > MAX_CONTROL_SHARE {
        return Err(ImportError::Binary {
            name: name.to_string(),
            reason: format!("{control} of {total} characters are control characters"),
        });
    }
    Ok(())
}

/// CRLF, lone CR and the Unicode line and paragraph separators become `\n`.
pub fn normalize_line_endings(text: &str) -> String {
    // Neither CR nor U+2028/2029 (encoded 0xE2 0x80 0xA8/0xA9): nothing to change.
    if !text.bytes().any(|b| b == b'\r' || b == 0xE2) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend(pair);
        }
        bytes
    }

    #[test]
    fn utf8_with_and_without_bom_reads_the_same() {
        let plain = read_text("Diálogo ¿sí?".as_bytes(), "a.txt").unwrap();
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend("Diálogo ¿sí?".as_bytes());
        assert_eq!(read_text(&with_bom, "a.txt").unwrap(), plain);
        assert_eq!(plain, "Diálogo ¿sí?");
    }

    #[test]
    fn utf16_with_bom_is_read_in_both_byte_orders() {
        let text = "Pilar I: Reconstruir juntos\r\nSecretaría";
        assert_eq!(
            read_text(&utf16(text, false), "le.txt").unwrap(),
            "Pilar I: Reconstruir juntos\nSecretaría"
        );
        assert_eq!(
            read_text(&utf16(text, true), "be.txt").unwrap(),
            "Pilar I: Reconstruir juntos\nSecretaría"
        );
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        // "Económico “HLED”" in Windows-1252.
        let bytes = b"Econ\xF3mico \x93HLED\x94";
        assert_eq!(read_text(bytes, "w.txt").unwrap(), "Económico “HLED”");
    }

    #[test]
    fn line_endings_become_newlines() {
        assert_eq!(read_text(b"a\r\nb\rc\n", "x").unwrap(), "a\nb\nc\n");
    }

    #[test]
    fn empty_and_blank_documents_are_refused() {
        for bytes in [&b""[..], b"  \n\r\n\t"] {
            let err = read_text(bytes, "empty.txt").unwrap_err();
            assert!(matches!(err, ImportError::Empty { .. }), "{err}");
            assert!(err.to_string().contains("empty.txt"));
        }
    }

    #[test]
    fn binary_data_is_refused() {
        let err = read_text(b"PK\x03\x04\x00\x00binary", "a.zip").unwrap_err();
        assert!(matches!(err, ImportError::Binary { .. }), "{err}");
        let controls: Vec<u8> = (0..200).map(|i| [1u8, 2, 3, b'a'][i % 4]).collect();
        let err = read_text(&controls, "ctl.bin").unwrap_err();
        assert!(err.to_string().contains("control characters"), "{err}");
    }

    #[test]
    fn malformed_utf16_is_refused_as_undecodable() {
        // Lone high surrogate after a little-endian BOM.
        let err = read_text(&[0xFF, 0xFE, 0x3D, 0xD8], "bad.txt").unwrap_err();
        assert!(matches!(err, ImportError::Undecodable { .. }), "{err}");
        assert!(err.to_string().contains("UTF-16LE"), "{err}");
    }

    #[test]
    fn documents_over_the_limit_are_refused() {
        let big = vec![b'a'; MAX_DOCUMENT_BYTES as usize + 1];
        let err = read_text(&big, "big.txt").unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");
        assert!(err.to_string().contains("big.txt"));
    }

    #[test]
    fn a_directory_is_refused_as_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_path(dir.path()).unwrap_err();
        assert!(matches!(err, ImportError::NotAFile { .. }), "{err}");
        assert!(err.to_string().contains("a directory"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn dev_zero_is_refused_without_reading_it() {
        let err = read_path(Path::new("/dev/zero")).unwrap_err();
        assert!(err.to_string().contains("/dev/zero"), "{err}");
        assert!(err.to_string().contains("character device"), "{err}");
    }

    #[test]
    fn missing_path_is_refused_with_its_name() {
        let err = read_path(Path::new("/no/such/dir/fact-sheet.txt")).unwrap_err();
        assert!(matches!(err, ImportError::Io { .. }));
        assert!(err.to_string().contains("/no/such/dir/fact-sheet.txt"));
    }
}
