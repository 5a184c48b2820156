//! One physical line to what it is: blank, page furniture, a setext underline, a
//! Markdown heading, a list item (and its marker and indent) or paragraph text.

use super::Marker;
use crate::import::clean::{is_furniture, normalize_chars, strip_markup};
use regex::Regex;
use std::sync::LazyLock;

pub(super) enum Raw {
    Blank,
    Furniture,
    Setext(u8),
    Heading {
        level: u8,
        text: String,
    },
    Bullet {
        indent: usize,
        marker: Marker,
        text: String,
    },
    Text {
        indent: usize,
        text: String,
    },
}

static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}(#{1,6})\s+(.*?)[\s#]*$").unwrap());
/// Characters that mark a list item ("- item", "• item").
const BULLETS: &str = "-*+•◦▪‣·●○■□➢►✓";
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\s*)(?:\(([0-9]{1,2}|[A-Za-z]|[ivxIVX]{1,4})\)|([0-9]{1,2}|[A-Za-z]|[ivxIVX]{1,4})[.)])\s+(\S.*)$")
        .unwrap()
});
static SETEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}(={3,}|-{3,})\s*$").unwrap());

pub(super) fn classify(raw_line: &str) -> Raw {
    let line = normalize_chars(raw_line);
    let line = line
        .strip_prefix('>')
        .map(str::trim_start)
        .unwrap_or(&line)
        .to_string();
    // The first visible character tells which patterns can apply.
    let Some(first) = line.trim_start().chars().next() else {
        return Raw::Blank;
    };
    let may_be_rule = matches!(first, '=' | '-');
    let may_be_heading = first == '#';
    let may_be_bullet = BULLETS.contains(first);
    let may_be_numbered = (first.is_ascii_alphanumeric() || first == '(')
        && line
            .trim_start()
            .chars()
            .take(6)
            .any(|c| c == ')' || c == '.');
    if let Some(c) = may_be_rule.then(|| SETEXT.captures(&line)).flatten() {
        let level = if c[1].starts_with('=') { 1 } else { 2 };
        return Raw::Setext(level);
    }
    if let Some(c) = may_be_heading.then(|| HEADING.captures(&line)).flatten() {
        let text = content(&c[2]);
        if text.is_empty() || is_furniture(&text) {
            return Raw::Furniture;
        }
        return Raw::Heading {
            level: c[1].len() as u8,
            text,
        };
    }
    if let Some((indent, item)) = may_be_bullet.then(|| dash_item(&line)).flatten() {
        let text = content(item);
        if text.is_empty() || is_furniture(&text) {
            return Raw::Furniture;
        }
        return Raw::Bullet {
            indent,
            marker: Marker::Dash,
            text,
        };
    }
    if let Some(c) = may_be_numbered.then(|| NUMBERED.captures(&line)).flatten() {
        let label = c.get(2).or(c.get(3)).map(|m| m.as_str()).unwrap_or("");
        let text = content(&c[4]);
        // "(1) Building Back Together; (2) Promoting ..." is an inline list wrapped
        // onto a new line (a PDF or a hard-wrapped capture), not a list item.
        if !text.is_empty() && !inline_list(label, &text) {
            return Raw::Bullet {
                indent: c[1].len(),
                marker: marker_of(label),
                text,
            };
        }
    }
    let text = content(&line);
    if text.is_empty() || is_furniture(&text) {
        return Raw::Furniture;
    }
    Raw::Text {
        indent: line.len() - line.trim_start().len(),
        text,
    }
}

/// A list item marked by a dash or bullet character: its indent in bytes and its
/// text. The marker is followed by white space and then the text (what
/// `^(\s*)[-*+•…]\s+(\S.*)$` matches, without running a regex on every line).
fn dash_item(line: &str) -> Option<(usize, &str)> {
    let rest = line.trim_start();
    let mut chars = rest.chars();
    let marker = chars.next()?;
    if !BULLETS.contains(marker) {
        return None;
    }
    let after = chars.as_str();
    let text = after.trim_start();
    (text.len() < after.len() && !text.is_empty()).then_some((line.len() - rest.len(), text))
}

fn marker_of(label: &str) -> Marker {
    if let Ok(n) = label.parse::<u32>() {
        return Marker::Number(n);
    }
    if label.len() > 1 || matches!(label, "I" | "V" | "X" | "i" | "v" | "x") {
        if let Some(n) = crate::model::parse_pillar_number(label) {
            return Marker::Roman(n);
        }
    }
    Marker::Letter
}

/// Markup removed and inner whitespace collapsed.
fn content(text: &str) -> String {
    let stripped = strip_markup(text);
    // Most lines are already single-spaced: no need to split and join them.
    let single_spaced = !stripped.starts_with(char::is_whitespace)
        && !stripped.ends_with(char::is_whitespace)
        && !stripped.contains("  ")
        && !stripped.chars().any(|c| c != ' ' && c.is_whitespace());
    if single_spaced {
        return stripped;
    }
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether an item numbered `label` holds the next number inline: "(1) A; (2) B".
fn inline_list(label: &str, text: &str) -> bool {
    label
        .parse::<u32>()
        .is_ok_and(|n| text.contains(&format!("({})", n + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};

    /// `dash_item` reads a list item as `^(\s*)[-*+•…]\s+(\S.*)$` did.
    #[test]
    fn a_dash_item_is_read_as_the_bullet_pattern_read_it() {
        let bullet = Regex::new(r"^(\s*)[-*+•◦▪‣·●○■□➢►✓]\s+(\S.*)$").expect("valid pattern");
        let pieces = prop::sample::select(vec![
            "-", "*", "•", "✓", " ", "\t", "\u{2003}", "\u{A0}", "x", "é", "--", "\r", "",
        ]);
        let mut runner = TestRunner::new(Config {
            cases: 4000,
            failure_persistence: None,
            ..Config::default()
        });
        runner
            .run(&prop::collection::vec(pieces, 0..10), |parts| {
                let line = parts.concat();
                let want = bullet
                    .captures(&line)
                    .map(|c| (c[1].len(), c.get(2).expect("group 2").as_str()));
                prop_assert_eq!(dash_item(&line), want);
                Ok(())
            })
            .expect("dash_item agrees with the pattern");
    }
}
