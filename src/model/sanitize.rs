//! Control characters out of user-facing text. Imported documents, pasted text and
//! spec files can carry stray C0/C1 controls (a bell, an escape sequence, a NEL from
//! a mis-decoded page) that would corrupt a PDF, a terminal or a JSON export.

use std::borrow::Cow;

/// Removes C0 (U+0000-U+001F, U+007F) and C1 (U+0080-U+009F) control characters,
/// keeping tab and newline. A carriage return becomes a line break: "\r\n" becomes
/// "\n" and a lone "\r" becomes "\n", so text from an old Mac file keeps its lines
/// instead of gluing them together. Borrows when there is nothing to remove.
pub fn strip_controls(text: &str) -> Cow<'_, str> {
    // A control character is a C0 byte, DEL, or a C1 character (encoded 0xC2 0x80..0x9F):
    // a byte scan rules most texts out before the character scan.
    let maybe = text
        .bytes()
        .any(|b| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7F || b == 0xC2);
    if !maybe || !text.chars().any(is_stripped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            c if is_stripped(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn is_stripped(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        let text = "Diálogo\tEconómico\n¿sí?";
        assert!(matches!(strip_controls(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn c0_and_c1_controls_go_but_tab_and_newline_stay() {
        assert_eq!(
            strip_controls("a\u{7}b\u{1b}[31mc\u{0}d\u{7f}e\u{85}f\u{9f}g\th\ni\u{0C}j"),
            "ab[31mcdefg\th\nij"
        );
    }

    #[test]
    fn carriage_returns_become_line_breaks() {
        assert_eq!(strip_controls("a\r\nb\rc"), "a\nb\nc");
    }

    #[test]
    fn non_control_unicode_is_kept() {
        let text = "U.S.–Mexico “HLED” \u{200B}zero-width and \u{2028}separator";
        assert_eq!(strip_controls(text), text);
    }
}
