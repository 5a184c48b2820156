//! The dry-run report's account of how a document was read: for the source's
//! headline, date and publisher and for every pillar, initiative, summary and entry,
//! the lines it came from and the rules that fired (`import::Explanation`). Kept
//! apart from `import.rs` so the report can grow without touching the command.

use crate::app::import::{DocumentFormat, ParsedImport};

/// In a dry run, prints how the document was read (nothing for a JSON export, which
/// carries its structure).
pub fn print_explanations(parsed: &ParsedImport, dry_run: bool) {
    if !dry_run || parsed.format != DocumentFormat::FactSheet {
        return;
    }
    for line in explanation_lines(&parsed.explanations) {
        outln!("{line}");
    }
}

/// "How the document was read:" then one line per explanation, indented by what it
/// made (entries under their initiative).
pub fn explanation_lines(explanations: &[crate::import::Explanation]) -> Vec<String> {
    use crate::import::Made;
    if explanations.is_empty() {
        return Vec::new();
    }
    let mut out = vec!["How the document was read:".to_string()];
    for x in explanations {
        let indent = match x.made {
            Made::Title | Made::Date | Made::Publisher | Made::Pillar | Made::Dropped => "  ",
            Made::Initiative => "    ",
            Made::Summary | Made::Entry => "      ",
        };
        out.push(format!("{indent}{x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pillar_and_entry_is_explained_with_its_lines() {
        let text = "Fact Sheet: U.S.-Mexico Dialogue\nMarch 4, 2022\n\nPillar I: Building Back Together\n\nSupply Chains\n- Seeks resilient supply chains.\n- The Department of Commerce signed an MOU in June 2021.\n";
        let parsed = crate::import::parse_document(text, "x.txt");
        let lines = explanation_lines(&parsed.explanations);
        assert_eq!(lines[0], "How the document was read:");
        let all = lines.join("\n");
        assert!(
            all.contains("line 1: title \"Fact Sheet: U.S.-Mexico Dialogue\""),
            "{all}"
        );
        assert!(
            all.contains("line 2: date \"March 4, 2022\": dateline; -> 2022-03-04"),
            "{all}"
        );
        assert!(
            all.contains("line 4: pillar \"Building Back Together\": heading 'Pillar N: title'"),
            "{all}"
        );
        assert!(
            all.contains("line 6: initiative \"Supply Chains\" in Pillar 1:"),
            "{all}"
        );
        assert!(all.contains("summary verb 'Seeks'"), "{all}");
        assert!(
            all.contains("line 8: entry \"The Department of Commerce signed an MOU in June 2021.\" in Pillar 1 › Supply Chains: list item under an initiative; status: 'signed' -> done; kind: milestone; date: 'June 2021' -> 2021-06; agencies: DOC"),
            "{all}"
        );
    }
}
