//! A saved web page to the plain text the importer reads: headings as Markdown
//! headings, list items as bullets (nested by depth, numbered when the list is),
//! paragraphs and table rows as lines. The page's furniture is left out before
//! parsing: `<nav>`, `<header>`, `<footer>`, `<aside>`, forms, scripts and styles,
//! and elements whose class or id names a banner, breadcrumb, menu or share bar.
//! The headline is the first `<h1>` (kept even from a dropped page header), else the
//! `<title>`; a `<time>` in a dropped header is kept as the dateline.
//!
//! Not a full HTML parser: tags are read one by one and unbalanced markup degrades to
//! its text. It never fails and never panics.

pub use super::entities::decode_entities;

/// Elements whose whole content is not the document.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
    "button", "iframe", "select", "canvas", "object", "dialog",
];
/// Words in a class or id that mark page furniture.
const FURNITURE_MARKS: &[&str] = &[
    "banner",
    "breadcrumb",
    "share",
    "social",
    "menu",
    "skip-link",
    "skipnav",
    "site-header",
    "site-footer",
    "cookie",
    "sidebar",
    "related",
    "print",
    "navbar",
];
/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "br",
    "ul",
    "ol",
    "table",
    "tr",
    "blockquote",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "hr",
    "pre",
    "address",
    "time",
    "center",
];
const VOID: &[&str] = &[
    "br", "img", "hr", "meta", "link", "input", "wbr", "source", "area", "base", "col", "embed",
    "param", "track",
];

/// Whether bytes look like an HTML page rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head = text
        .trim_start()
        .get(..512.min(text.trim_start().len()))
        .unwrap_or("");
    let lower = head.to_ascii_lowercase();
    lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.contains("<body")
}

struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: &'a str,
}

/// Reads the tag at `html[at..]` (which starts with '<'); gives it and the offset
/// after it, or `None` when this '<' opens no tag.
fn read_tag(html: &str, at: usize) -> Option<(Tag<'_>, usize)> {
    let rest = &html[at + 1..];
    let end = rest.find('>')?;
    let inner = &rest[..end];
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(i) => (true, i),
        None => (false, inner),
    };
    let name_len = inner
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != ':')
        .unwrap_or(inner.len());
    if name_len == 0 || !inner.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let tag = Tag {
        name: inner[..name_len].to_ascii_lowercase(),
        closing,
        self_closing: inner.ends_with('/'),
        attrs: &inner[name_len..],
    };
    Some((tag, at + 1 + end + 1))
}

fn is_furniture_element(tag: &Tag) -> bool {
    if DROPPED.contains(&tag.name.as_str()) {
        return true;
    }
    let attrs = tag.attrs.to_ascii_lowercase();
    if attrs.contains("role=\"navigation\"") || attrs.contains("role=\"banner\"") {
        return true;
    }
    ["class=", "id="].iter().any(|key| {
        attribute(&attrs, key).is_some_and(|v| FURNITURE_MARKS.iter().any(|m| v.contains(m)))
    })
}

/// The value of `key` ("class=") in a lowercase attribute string.
fn attribute<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let at = attrs.find(key)? + key.len();
    let rest = &attrs[at..];
    let quote = rest.chars().next()?;
    if quote == '"' || quote == '\'' {
        let body = &rest[1..];
        Some(&body[..body.find(quote).unwrap_or(body.len())])
    } else {
        Some(&rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())])
    }
}

#[derive(Default)]
struct Out {
    lines: Vec<String>,
    line: String,
    prefix: String,
    /// Open lists: numbered or not, and the next number.
    lists: Vec<(bool, u32)>,
    h1: Option<String>,
    in_h1: bool,
}

impl Out {
    fn flush(&mut self) {
        let text = self.line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            if self.in_h1 && self.h1.is_none() {
                self.h1 = Some(text.clone());
            }
            self.lines.push(format!("{}{}", self.prefix, text));
            self.lines.push(String::new());
        }
        self.line.clear();
        self.prefix.clear();
    }

    fn text(&mut self, text: &str) {
        self.line.push_str(&decode_entities(text));
    }
}

/// What a dropped page header held that the document needs.
#[derive(Default)]
struct Kept {
    h1: Option<String>,
    time: Option<String>,
}

/// Converts a saved web page to text for [`super::parse_document`].
pub fn to_text(html: &str) -> String {
    let mut out = Out::default();
    let mut kept = Kept::default();
    let mut title: Option<String> = None;
    let mut i = 0;
    let mut text_start = 0;
    while let Some(offset) = html[i..].find('<') {
        let at = i + offset;
        out.text(&html[text_start..at]);
        if html[at..].starts_with("<!--") {
            i = html[at..].find("-->").map_or(html.len(), |e| at + e + 3);
            text_start = i;
            continue;
        }
        if html[at..].starts_with("<!") || html[at..].starts_with("<?") {
            // <!DOCTYPE html>, <![CDATA[, <?xml ...?>: declarations, not text.
            i = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
            text_start = i;
            continue;
        }
        let Some((tag, after)) = read_tag(html, at) else {
            out.line.push('<');
            i = at + 1;
            text_start = i;
            continue;
        };
        i = after;
        text_start = i;
        if tag.closing {
            close(&mut out, &tag.name);
            continue;
        }
        if tag.name == "title" {
            let end = find_close(html, after, "title");
            title = Some(decode_entities(&html[after..end.0]).trim().to_string());
            i = end.1;
            text_start = i;
            continue;
        }
        if is_furniture_element(&tag) && !tag.self_closing && !VOID.contains(&tag.name.as_str()) {
            let (end, resume) = find_close(html, after, &tag.name);
            keep_from_dropped(&html[after..end], &mut kept);
            i = resume;
            text_start = i;
            continue;
        }
        open(&mut out, &tag);
    }
    out.text(&html[text_start..]);
    out.flush();
    let mut lines = Vec::new();
    if out.h1.is_none() {
        if let Some(h) = kept.h1.or_else(|| title.map(|t| headline_of_title(&t))) {
            lines.push(format!("# {h}"));
            lines.push(String::new());
        }
    }
    if let Some(t) = kept.time {
        lines.push(t);
        lines.push(String::new());
    }
    lines.extend(out.lines);
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn open(out: &mut Out, tag: &Tag) {
    let name = tag.name.as_str();
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            out.flush();
            let level = usize::from(name.as_bytes()[1] - b'0');
            out.prefix = format!("{} ", "#".repeat(level));
            out.in_h1 = level == 1;
        }
        "ul" | "ol" => {
            out.flush();
            out.lists.push((name == "ol", 1));
        }
        "li" => {
            out.flush();
            let depth = out.lists.len().max(1) - 1;
            let marker = match out.lists.last_mut() {
                Some((true, n)) => {
                    *n += 1;
                    format!("{}.", *n - 1)
                }
                _ => "-".to_string(),
            };
            out.prefix = format!("{}{marker} ", "  ".repeat(depth));
        }
        // Cells of a row join into one line: "Supply chains: Done".
        "td" | "th" if !out.line.trim().is_empty() => out.line.push_str(": "),
        _ if BLOCKS.contains(&name) => out.flush(),
        _ => {}
    }
}

fn close(out: &mut Out, name: &str) {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            out.flush();
            out.in_h1 = false;
        }
        "ul" | "ol" => {
            out.flush();
            out.lists.pop();
        }
        "li" => out.flush(),
        _ if BLOCKS.contains(&name) => out.flush(),
        _ => {}
    }
}

/// The end of the element opened before `from` (its matching close tag, counting
/// nested ones of the same name): (where its content ends, where to resume).
fn find_close(html: &str, from: usize, name: &str) -> (usize, usize) {
    let lower = html[from..].to_ascii_lowercase();
    let (open, close) = (format!("<{name}"), format!("</{name}"));
    // "<a" is not "<article": the name must end where the match does.
    let whole = |at: usize, len: usize| {
        !lower[at + len..].starts_with(|ch: char| ch.is_ascii_alphanumeric() || ch == '-')
    };
    let find = |pattern: &str, mut at: usize| -> Option<usize> {
        while let Some(found) = lower[at..].find(pattern).map(|f| at + f) {
            if whole(found, pattern.len()) {
                return Some(found);
            }
            at = found + pattern.len();
        }
        None
    };
    let mut depth = 1;
    let mut at = 0;
    while let Some(c) = find(&close, at) {
        match find(&open, at) {
            Some(o) if o < c => {
                depth += 1;
                at = o + open.len();
            }
            _ => {
                depth -= 1;
                let resume = lower[c..].find('>').map_or(lower.len(), |e| c + e + 1);
                if depth == 0 {
                    return (from + c, from + resume);
                }
                at = resume;
            }
        }
    }
    // Unclosed: the element runs to the end of the page.
    (html.len(), html.len())
}

/// Keeps a headline and a `<time>` from a dropped page header.
fn keep_from_dropped(inner: &str, kept: &mut Kept) {
    for (name, slot) in [("h1", &mut kept.h1), ("time", &mut kept.time)] {
        if slot.is_some() {
            continue;
        }
        let lower = inner.to_ascii_lowercase();
        if let Some(start) = lower.find(&format!("<{name}")) {
            if let Some(open_end) = inner[start..].find('>') {
                let from = start + open_end + 1;
                let (end, _) = find_close(inner, from, name);
                let text = strip_tags(&inner[from..end]);
                if !text.is_empty() {
                    *slot = Some(text);
                }
            }
        }
    }
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode_entities(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Joint Statement on X | The White House" -> "Joint Statement on X".
fn headline_of_title(title: &str) -> String {
    title
        .split(" | ")
        .max_by_key(|part| part.split_whitespace().count())
        .unwrap_or(title)
        .trim()
        .to_string()
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
