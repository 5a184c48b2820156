//! Per-line clean-up before structure is read: typographic characters, inline
//! markup, and page furniture (lines that belong to the web page, not the document).

use regex::Regex;
use std::sync::LazyLock;

/// Width of one tab at the start of a line, so tab-indented bullets nest.
const TAB_WIDTH: usize = 4;

/// Normalises one line: leading tabs become spaces and inner tabs one space;
/// no-break and thin spaces become spaces; zero-width characters go; curly quotes
/// become straight ones; a dash that separates words (em dash, or en dash with
/// spaces) becomes " - ", and one that joins (en dash between digits or letters,
/// Unicode hyphens) becomes "-". A dash opening the line stays a bullet "-".
pub fn normalize_chars(line: &str) -> String {
    // Plain ASCII without tabs or double spaces has nothing to normalise.
    if line.is_ascii() && !line.contains('\t') && !line.contains("  ") {
        return line.trim_end().to_string();
    }
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let mut at_start = true;
    for (i, &c) in chars.iter().enumerate() {
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let next = chars.get(i + 1).copied();
        match c {
            '\t' if at_start => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            '\t' | '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' | '\u{200A}' | '\u{2002}'
            | '\u{2003}' | '\u{3000}' => {
                if at_start {
                    out.push(' ');
                } else {
                    push_space(&mut out);
                }
            }
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
            | '\u{2033}' => out.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2212}' => out.push('-'),
            '\u{2013}' | '\u{2014}' | '\u{2015}' => {
                if at_start {
                    // A dash opening a line is a bullet marker.
                    out.push('-');
                } else {
                    let joins = c == '\u{2013}'
                        && prev.is_some_and(|p| !p.is_whitespace())
                        && next.is_some_and(|n| !n.is_whitespace());
                    let between_digits = prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit());
                    if joins || between_digits {
                        out.push('-');
                    } else {
                        while out.ends_with(' ') {
                            out.pop();
                        }
                        out.push_str(" - ");
                    }
                }
            }
            ' ' if !at_start => push_space(&mut out),
            _ => out.push(c),
        }
        if !(c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}') {
            at_start = false;
        }
    }
    out.trim_end().to_string()
}

fn push_space(out: &mut String) {
    if !out.ends_with(' ') {
        out.push(' ');
    }
}

static IMAGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"!\[([^\]]*)\]\([^)]*\)").unwrap());
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]\[]+)\](?:\([^)]*\)|\[[^\]]*\])").unwrap());
static BOLD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\*\*([^*]+?)\*\*|__([^_]+?)__").unwrap());
static ITALIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[\s(])\*([^*\s][^*]*?)\*").unwrap());
static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`([^`]+)`").unwrap());
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>").unwrap());

/// Removes inline markup, keeping its text: Markdown links and images
/// (`[HLED](#)` -> "HLED"), bold, italic and code spans, HTML tags, and the common
/// HTML entities.
pub fn strip_markup(line: &str) -> String {
    if !line.contains(['[', '*', '_', '`', '<', '&']) {
        return line.to_string();
    }
    let s = IMAGE.replace_all(line, "$1");
    let s = LINK.replace_all(&s, "$1");
    let s = BOLD.replace_all(&s, "$1$2");
    let s = ITALIC.replace_all(&s, "$1$2");
    let s = CODE.replace_all(&s, "$1");
    let s = TAG.replace_all(&s, "");
    s.replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Whole lines that are page furniture, compared case- and accent-insensitively.
const FURNITURE: &[&str] = &[
    "for immediate release",
    "para publicacion inmediata",
    "para su publicacion inmediata",
    "search form",
    "search",
    "buscar",
    "menu",
    "skip to main content",
    "skip to content",
    "ir al contenido principal",
    "share",
    "share this page",
    "compartir",
    "print",
    "print this page",
    "imprimir",
    "email",
    "tweet",
    "facebook",
    "twitter",
    "linkedin",
    "back to top",
    "volver arriba",
    "related articles",
    "related content",
    "tags",
    "home",
    "inicio",
    "###",
    "-30-",
    "- 30 -",
    "end",
    "fin",
    "media note",
    "press release",
    "comunicado",
    "comunicado de prensa",
    "briefing room",
    "statements and releases",
    "breadcrumb",
    "breadcrumbs",
    "news",
    "press releases",
    "noticias",
    "prensa",
    "comunicados",
    "media note",
    "nota de prensa",
    "begin text",
    "end text",
    "inicia texto",
    "termina texto",
    "here's how you know",
    "here's how you know.",
    "asi es como usted puede verificarlo",
    "official websites use .gov",
    "secure .gov websites use https",
    "office of public affairs",
    "office of the press secretary",
    "press office",
    "media relations",
    "oficina de prensa",
    "coordinacion de comunicacion social",
    "linkedin",
    "whatsapp",
    "copy link",
    "copiar enlace",
    "subscribe",
    "suscribete",
    "news release",
    "contacts",
    "associated links",
    "page details",
    "related links",
    "related products",
    "enlaces relacionados",
    "gobierno de mexico",
    "gob.mx",
    "accessibility",
    "accesibilidad",
    "privacy policy",
    "privacy",
    "aviso de privacidad",
    "terms of use",
    "terminos y condiciones",
    "site map",
    "mapa del sitio",
];

/// "Date modified: 2022-11-25", "Last updated: ...": the page's own stamp.
static PAGE_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:date modified|last (?:updated|modified)|page last updated|fecha de (?:actualizacion|modificacion)|ultima actualizacion)\s*:").unwrap()
});

static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:for\s+)?(?:media\s+|press\s+)?(?:contact|contacto|contactos|inquiries|enquiries|inquiry)s?(?:\s+de\s+prensa|\s+para\s+medios)?\s*:",
    )
    .unwrap()
});

/// Site banners of government web pages ("An official website of the United States
/// government", "A .gov website belongs to ...", "Click here to go to the current
/// ... website") and the notes that wrap a statement's text ("The text of the
/// following statement was released by ...", "Comunicado No. 112").
static BANNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^an official website of the|^un sitio oficial del gobierno|^a \.gov website belongs to|^a lock \(|^a lock or https|share sensitive information only on official|^click here to (?:go to|visit|view) the (?:current|new|archived)|^haga clic aqui para|^the (?:text of the )?following (?:joint )?(?:statement|text|fact sheet)s? (?:was|were|is|are) (?:released|issued)|^(?:comunicado|boletin)(?: de prensa)? (?:no\.?|num\.?|numero|nro\.?) ?\d+|^(?:begin|end) (?:joint )?text\b",
    )
    .unwrap()
});

/// A telephone number: "(202) 482-4883", "202-482-4883", "(55) 3686-5100".
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+\d{1,3}\s*)?\(?\d{2,3}\)?[\s.-]?\d{3,4}[\s.-]\d{4}\b").unwrap()
});
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").unwrap());

/// A press-office contact line: short, and holding a phone number or an e-mail
/// address ("Office of Public Affairs | 202-482-4883", "publicaffairs@doc.gov").
fn is_contact_line(trimmed: &str) -> bool {
    trimmed.split_whitespace().count() <= 14
        && (PHONE.is_match(trimmed) || EMAIL.is_match(trimmed))
        // "Contact the office at 202-482-4883 to register" states an action.
        && (CONTACT.is_match(&super::normalize::fold(trimmed))
            || super::status::detect(trimmed).is_none())
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:page|pagina|p\.)\s*\d+(?:\s*(?:of|de)\s*\d+)?$|^-?\s*\d{1,3}\s*-?$")
        .unwrap()
});
static URL_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:<)?(?:https?://|www\.)\S+(?:>)?$").unwrap());
static RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[-*_=]\s*){3,}$|^\u{0C}+$").unwrap());
static ARCHIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)historical material|frozen in time|^archived content|this (?:page|content|site) (?:has been|was|is) archived|no longer (?:being )?updated|contenido (?:historico|archivado)|^archive(?:d)?\s*$",
    )
    .unwrap()
});

/// Whether a cleaned, trimmed line is furniture: release banners, archive notices,
/// site navigation ("Search form", breadcrumbs "Home > Briefing Room > ..."),
/// share/print links, page numbers, bare URLs, horizontal rules, end-of-release marks.
pub fn is_furniture(line: &str) -> bool {
    let trimmed = line.trim();
    // Furniture is short; the longest kind, an archive banner, is under 250 bytes.
    if trimmed.is_empty() || trimmed.len() > 250 {
        return false;
    }
    let folded = super::normalize::fold(trimmed);
    let key = folded.trim_end_matches([':', '.', ' ']).trim();
    FURNITURE.contains(&key)
        || PAGE_NUMBER.is_match(&folded)
        || URL_ONLY.is_match(trimmed)
        || RULE.is_match(trimmed)
        || (trimmed.len() < 300 && ARCHIVE.is_match(&folded))
        || is_breadcrumb(&folded)
        || CONTACT.is_match(&folded)
        || PAGE_STAMP.is_match(&folded)
        || BANNER.is_match(&folded)
        || is_contact_line(trimmed)
}

/// A headline run together with what followed it on a web page's title bar or masthead
/// ("Joint Statement of … | 202-482-4883", "… | Office of Public Affairs |
/// press@doc.gov"): the trailing " | " segments that are contact details or furniture
/// are cut, so a phone number never reaches a dialogue's name.
pub fn without_contact_tail(headline: &str) -> &str {
    let mut kept = headline;
    while let Some((head, tail)) = kept.rsplit_once('|') {
        let tail = tail.trim();
        let contact = PHONE.is_match(tail) || EMAIL.is_match(tail) || is_furniture(tail);
        if !contact || head.trim().is_empty() {
            break;
        }
        kept = head.trim_end();
    }
    kept
}

/// "Home > Briefing Room > Statements": short segments joined by arrows or slashes,
/// starting at the site's home page or running three segments or more.
fn is_breadcrumb(folded: &str) -> bool {
    let separators: &[char] = &['>', '›', '»', '|'];
    let segments: Vec<&str> = if folded.contains(separators) {
        folded.split(separators).map(str::trim).collect()
    } else if folded.contains(" / ") {
        folded.split(" / ").map(str::trim).collect()
    } else {
        return false;
    };
    if segments.len() < 2 || segments.iter().any(|s| s.split_whitespace().count() > 6) {
        return false;
    }
    let first = segments[0];
    matches!(first, "home" | "inicio" | "gob.mx" | "prensa" | "press")
        || segments.len() >= 3 && segments.iter().all(|s| !s.ends_with('.'))
}

static FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"([\p{L})"'])([.;!?])\d{1,2}$"#).unwrap());

/// Removes a footnote marker stuck to the end of a sentence ("supply chains.2"
/// -> "supply chains."). Numbers that follow a digit ("version 2.0") are kept.
pub fn strip_trailing_footnote(text: &str) -> String {
    FOOTNOTE.replace(text, "$1$2").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typographic_characters_are_normalised() {
        assert_eq!(
            normalize_chars("“Sembrando Oportunidades”\u{00A0}and\tMexico’s"),
            "\"Sembrando Oportunidades\" and Mexico's"
        );
        assert_eq!(
            normalize_chars("2021–2022 U.S.–Mexico"),
            "2021-2022 U.S.-Mexico"
        );
        assert_eq!(normalize_chars("project—a public"), "project - a public");
        assert_eq!(normalize_chars("project – a public"), "project - a public");
        assert_eq!(normalize_chars("\t– nested"), "    - nested");
        assert_eq!(normalize_chars("¿Qué? ¡Sí! ñandú"), "¿Qué? ¡Sí! ñandú");
    }

    #[test]
    fn contact_details_after_a_headline_are_cut() {
        assert_eq!(
            without_contact_tail("Joint Statement of the Committee | 202-482-4883"),
            "Joint Statement of the Committee"
        );
        assert_eq!(
            without_contact_tail("Joint Statement | Office of Public Affairs | press@doc.gov"),
            "Joint Statement"
        );
        assert_eq!(
            without_contact_tail("Joint Statement | The White House"),
            "Joint Statement | The White House"
        );
        assert_eq!(without_contact_tail("| 202-482-4883"), "| 202-482-4883");
    }

    #[test]
    fn link_markup_keeps_its_text() {
        assert_eq!(
            strip_markup("pillars of the [HLED](#), relaunched"),
            "pillars of the HLED, relaunched"
        );
        assert_eq!(
            strip_markup("**Bold** and *it* `code` <b>x</b> &amp;"),
            "Bold and it code x &"
        );
        assert_eq!(strip_markup("snake_case_name"), "snake_case_name");
    }

    #[test]
    fn furniture_lines_are_recognised() {
        for line in [
            "FOR IMMEDIATE RELEASE",
            "Search form",
            "Home > Briefing Room > Statements and Releases",
            "Inicio / Prensa / Comunicados",
            "This is historical material “frozen in time”. The website is no longer updated.",
            "Page 2 of 3",
            "https://www.state.gov/fact-sheet",
            "---",
            "###",
            "Para publicación inmediata",
            "An official website of the United States government",
            "Here's how you know",
            "A .gov website belongs to an official government organization in the United States.",
            "Click here to go to the current U.S. Department of Commerce website",
            "Breadcrumb",
            "Office of Public Affairs | 202-482-4883",
            "(202) 482-4883",
            "publicaffairs@doc.gov",
            "Media contact: Office of Public Affairs, (202) 482-4883, publicaffairs@doc.gov",
            "For media inquiries: press@ustr.eop.gov, 202-395-3230",
            "Contacto de prensa: comunicacion@sre.gob.mx | Tel. (55) 3686-5100",
            "Comunicado No. 112",
            "Begin Text:",
            "End Text.",
            "The text of the following statement was released by the Governments of the United States of America and Japan.",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "Pillar I: Building Back Together",
            "- The United States carried out a mission.",
            "Mexico and the United States are finalizing a proposal:",
            "U.S.-Mexico Cooperation on ICT",
            "The delegations will meet in 2024 and trained 2,000 officials.",
            "Officials noted the 2,000 mile border and $500 billion in annual trade.",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }

    #[test]
    fn trailing_footnote_digit_is_removed() {
        assert_eq!(strip_trailing_footnote("supply chains.2"), "supply chains.");
        assert_eq!(strip_trailing_footnote("version 2.0"), "version 2.0");
        assert_eq!(strip_trailing_footnote("COVID-19."), "COVID-19.");
    }
}
