//! Text on its way to a terminal: control characters in stored text (an imported
//! document may hold ESC or BEL) are shown escaped, never sent raw, so a record cannot
//! retitle a window or hide lines.

use std::borrow::Cow;

/// Bold on and off, the only escape sequences Briefbook itself writes (search hits).
pub const BOLD: &str = "\x1b[1m";
pub const PLAIN: &str = "\x1b[0m";

/// `line` with every control character except newline and tab written as `\u{1b}`-style
/// escapes, keeping Briefbook's own [`BOLD`] and [`PLAIN`] sequences.
pub fn escape_controls(line: &str) -> Cow<'_, str> {
    let is_unsafe = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !line.chars().any(is_unsafe) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if let Some(own) = [BOLD, PLAIN].into_iter().find(|s| rest.starts_with(s)) {
            out.push_str(own);
            rest = &rest[own.len()..];
            continue;
        }
        if is_unsafe(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_setting_sequence_is_shown_not_obeyed() {
        let shown = escape_controls("before\x1b]0;owned\x07after");
        assert_eq!(shown, "before\\u{1b}]0;owned\\u{7}after");
    }

    #[test]
    fn own_bold_newlines_and_tabs_pass() {
        let text = format!("a{BOLD}hit{PLAIN}\tb\nc");
        assert_eq!(escape_controls(&text), text);
        assert_eq!(escape_controls("x\u{9b}y"), "x\\u{9b}y");
    }
}
