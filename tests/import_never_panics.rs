//! No input makes the importer panic, and whatever it parses is a valid record with
//! nothing "Untitled" and no furniture line as a title.
//! Bounded to 256 cases per property so CI stays short.

use briefbook::import::clean::is_furniture;
use briefbook::import::{parse_document, read_text, Made};
use briefbook::model::validate::validate_record;
use proptest::prelude::*;

/// Pieces fact sheets are made of, including awkward ones.
const PIECES: &[&str] = &[
    "- ",
    " - ",
    "   - ",
    "* ",
    "• ",
    "1. ",
    "2) ",
    "(3) ",
    "(a) ",
    "IV. ",
    "# ",
    "## ",
    "### ",
    "> ",
    "Pillar I: ",
    "PILLAR 2 -",
    "Pilar III. ",
    "Pillar Four",
    "four pillars: (1) A; (2) B",
    "pillars:",
    "Seeks to ",
    "Advances ",
    "Busca ",
    "intend to ",
    "signed ",
    "se firmó ",
    "acordaron reunirse ",
    "are finalizing ",
    "will ",
    "meet monthly ",
    "June 2021",
    "in August 2021",
    "October 25, 2021",
    "12 de septiembre de 2022",
    "05/02/2013",
    "13/45/2013",
    "over the coming year",
    "last year",
    "this fall",
    "2021-2022",
    "since 2019",
    "$2,000",
    "(COFEPRIS)",
    "the United States Agency for International Development (USAID)",
    "Secretaría de Economía",
    "(SE)",
    "[HLED](#)",
    "**bold**",
    "`code`",
    "<b>",
    "&amp;",
    "FOR IMMEDIATE RELEASE",
    "Search form",
    "Home > A > B",
    "Page 2 of 3",
    "---",
    "===",
    "###",
    "Status: ",
    "Contact: ",
    "¿",
    "¡",
    "ñ",
    "—",
    "–",
    "\t",
    "\u{a0}",
    "\u{feff}",
    "\u{200b}",
    "“",
    "”",
    "’",
    "chains.2",
    ":",
    ";",
    ".",
    ",",
    "(",
    ")",
    "U.S.-Mexico High-Level Economic Dialogue (HLED)",
    "Diálogo Económico de Alto Nivel (DEAN)",
    "Dialogue",
    "relaunched on September 9, 2021",
    "Monday, December 13, 2021",
    "\u{0C}",
    "\r",
    "\u{7}",
    "\u{85}",
    "An official website of the United States government",
    "Here's how you know",
    "Breadcrumb",
    "Office of Public Affairs | 202-482-4883",
    "publicaffairs@doc.gov",
    "11/07/2019",
    "Tuesday, March 3, 2015",
    "WASHINGTON, D.C. – April 4, 2023 – ",
    "Ciudad de México, 5 de marzo de 2024",
    "Office of the Spokesperson",
    "Joint Statement of the U.S.-Japan Economic Policy Consultative Committee",
    "Begin Text:",
    "Today, ",
    "this week",
    "three of four ",
    "and will ",
    "Executed ",
    "firmaron ",
    "continuarán ",
    "se llevó a cabo ",
    "met for the ",
    "three pillars: trade, energy, and Share.",
    "a",
    "Á",
    "é",
    "9",
    "",
];

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(PIECES), 0..8).prop_map(|p| p.concat()),
        1 => "\\PC{0,60}",
        1 => Just(String::new()),
    ]
}

fn document() -> impl Strategy<Value = String> {
    (prop::collection::vec(line(), 0..40), any::<bool>())
        .prop_map(|(lines, crlf)| lines.join(if crlf { "\r\n" } else { "\n" }))
}

fn check(text: &str) {
    let parsed = parse_document(text, "prop.txt");
    if let Err(e) = validate_record(&parsed.record) {
        panic!("invalid record ({e}) from {text:?}");
    }
    let lines = parsed.record.sources[0].text.split('\n').count() as u32;
    let dialogue = &parsed.record.dialogues[0];
    let mut titles = vec![
        dialogue.name.as_str(),
        dialogue.short_name.as_str(),
        parsed.record.sources[0].title.as_str(),
    ];
    for p in &dialogue.pillars {
        titles.push(&p.title);
        titles.extend(p.initiatives.iter().map(|i| i.title.as_str()));
    }
    for title in titles {
        assert!(!title.contains("Untitled"), "{title:?} from {text:?}");
        assert!(
            !is_furniture(title),
            "furniture {title:?} as a title from {text:?}"
        );
    }
    for entry in dialogue
        .pillars
        .iter()
        .flat_map(|p| &p.initiatives)
        .flat_map(|i| &i.entries)
        .chain(&dialogue.entries)
    {
        let source = entry.source.as_ref().expect("every entry has a source");
        assert!(
            source.line >= 1 && source.line_end.unwrap_or(source.line) <= lines,
            "{source:?} outside {lines} lines"
        );
    }
}

/// Every pillar, initiative and entry has exactly one explanation, inside the
/// document, naming at least one rule; none explains furniture as a title.
fn check_explanations(text: &str) {
    let parsed = parse_document(text, "prop.txt");
    let lines = parsed.record.sources[0].text.split('\n').count() as u32;
    let d = &parsed.record.dialogues[0];
    let count = |made: Made| {
        parsed
            .explanations
            .iter()
            .filter(|x| x.made == made)
            .count()
    };
    let initiatives: Vec<_> = d.pillars.iter().flat_map(|p| &p.initiatives).collect();
    let entries = initiatives.iter().map(|i| i.entries.len()).sum::<usize>() + d.entries.len();
    assert_eq!(count(Made::Pillar), d.pillars.len(), "pillars of {text:?}");
    assert_eq!(
        count(Made::Initiative),
        initiatives.len(),
        "initiatives of {text:?}"
    );
    assert_eq!(count(Made::Entry), entries, "entries of {text:?}");
    assert_eq!(
        count(Made::Summary),
        initiatives.iter().filter(|i| i.summary.is_some()).count(),
        "summaries of {text:?}"
    );
    for x in &parsed.explanations {
        assert!(
            !x.rules.is_empty() && x.rules.iter().all(|r| !r.is_empty()),
            "{x:?}"
        );
        assert!(
            x.line <= lines && x.line_end.unwrap_or(x.line) <= lines,
            "{x:?} outside {lines} lines"
        );
        if matches!(x.made, Made::Pillar | Made::Initiative) {
            assert!(
                !is_furniture(&x.text) && !x.text.contains("Untitled"),
                "{x:?}"
            );
        }
    }
}

/// A document's lines as a saved web page: headings, list items, paragraphs, and
/// the page chrome around them.
fn as_html(text: &str) -> String {
    let mut page = String::from("<html><head><title>Share</title></head><body><nav><a>Home</a></nav><header><p>Here's how you know</p></header><main>");
    for (i, line) in text.lines().enumerate() {
        let tag = ["h1", "h2", "li", "p", "time"][i % 5];
        page.push_str(&format!("<{tag}>{line}</{tag}>"));
    }
    page.push_str("</main><footer>Print</footer></body></html>");
    page
}

/// Lines of web captures, PDF captures and Spanish statements.
const FURNITURE: &[&str] = &[
    "An official website of the United States government",
    "Here's how you know",
    "For Immediate Release",
    "11/07/2019",
    "Share",
    "Print",
    "Treasury Press Office, 202-622-2960",
    "Page 2 of 3",
    "2",
    "Breadcrumb",
    "Ciudad de México, 5 de marzo de 2024",
    "WASHINGTON - April 4, 2023 - Today, the Secretaries met for the Dialogue.",
    "The Dialogue is organized around four pillars: (1) trade; (2) energy; and (3) Share.",
    "Los gobiernos firmaron un memorando y continuarán el trabajo.",
    "The delegations will meet again next year and intend to sign a coopera-",
    "tion agreement.",
    "Comunicado No. 112",
    "###",
];

fn web_document() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![2 => prop::sample::select(FURNITURE).prop_map(String::from), 3 => line()],
        0..40,
    )
    .prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(text) = read_text(&bytes, "fuzz.bin") {
            check(&text);
        }
    }

    #[test]
    fn documents_made_of_headings_bullets_and_dates_never_panic(text in document()) {
        check(&text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        check(&text);
    }

    #[test]
    fn web_and_pdf_captures_never_panic_and_every_thing_made_is_explained(text in web_document()) {
        check(&text);
        check_explanations(&text);
        let page = as_html(&text);
        check(&page);
        check_explanations(&page);
    }

    #[test]
    fn explanations_cover_every_thing_made(text in document()) {
        check_explanations(&text);
    }
}
