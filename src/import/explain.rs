//! Why the importer made what it made: for the source's headline, date and
//! publisher, and for every pillar, initiative, summary and entry, the lines it came
//! from and the rules that fired ("heading 'Pillar N:'", "prose list of pillars",
//! "bullet under an initiative", "status: 'signed' -> done", "dateline"). The dry-run
//! preview prints them beside the furniture dropped, so a user can trust or correct
//! an import.

use super::lines::Block;
use super::preamble::Preamble;
use crate::model::{Dialogue, Entry, EntryDate, Record};
use std::fmt;

/// What an explanation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Made {
    Title,
    Date,
    Publisher,
    Pillar,
    Initiative,
    Summary,
    Entry,
    /// Left out in context (the page footer), beyond the furniture lines
    /// `dropped_lines` lists.
    Dropped,
}

impl Made {
    pub fn as_str(self) -> &'static str {
        match self {
            Made::Title => "title",
            Made::Date => "date",
            Made::Publisher => "publisher",
            Made::Pillar => "pillar",
            Made::Initiative => "initiative",
            Made::Summary => "summary",
            Made::Entry => "entry",
            Made::Dropped => "left out",
        }
    }
}

/// Where an entry sits in the record, to add what its wording decided once the
/// record is final.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum At {
    /// Index in `Dialogue.entries`.
    General(usize),
    /// Pillar number, initiative index, entry index.
    Pillar(u32, usize, usize),
}

/// One thing the importer made, the lines it came from and the rules that fired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub made: Made,
    /// Where it sits: "Pillar 2 › Supply Chains", "General" (dialogue level); empty
    /// for the source's own fields.
    pub place: String,
    /// The title made, or the entry's text.
    pub text: String,
    /// 1-based lines of the source text; 0 when it came from no line (a file name).
    pub line: u32,
    pub line_end: Option<u32>,
    pub rules: Vec<String>,
    pub(crate) at: Option<At>,
}

impl Explanation {
    pub(crate) fn new(
        made: Made,
        place: String,
        text: &str,
        lines: (u32, u32),
        rule: String,
    ) -> Self {
        Explanation {
            made,
            place,
            text: text.to_string(),
            line: lines.0,
            line_end: (lines.1 > lines.0).then_some(lines.1),
            rules: vec![rule],
            at: None,
        }
    }

    /// "lines 12-14", "line 3", or "no line".
    pub fn lines(&self) -> String {
        match (self.line, self.line_end) {
            (0, _) => "no line".to_string(),
            (l, Some(e)) => format!("lines {l}-{e}"),
            (l, None) => format!("line {l}"),
        }
    }
}

impl fmt::Display for Explanation {
    /// "line 12: entry \"The two ...\" (General): bullet under an initiative; status: 'signed' -> done".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text: String = self.text.chars().take(70).collect();
        if text.len() < self.text.len() {
            text.push('…');
        }
        write!(f, "{}: {} \"{text}\"", self.lines(), self.made.as_str())?;
        if !self.place.is_empty() {
            write!(f, " in {}", self.place)?;
        }
        write!(f, ": {}", self.rules.join("; "))
    }
}

/// "Pillar 2 › Supply Chains", "Pillar 2", or "General".
pub(crate) fn place(pillar: Option<(u32, &str)>) -> String {
    match pillar {
        Some((n, "")) => format!("Pillar {n}"),
        Some((n, initiative)) => format!("Pillar {n} › {initiative}"),
        None => "General".to_string(),
    }
}

fn date_rule(date: &EntryDate) -> String {
    match date.edtf {
        Some(value) => format!("date: '{}' -> {value}", date.text),
        None => format!("date: '{}' (no calendar value)", date.text),
    }
}

/// The rules an entry's wording decided: status and its phrase, kind, date,
/// agencies.
fn wording_rules(e: &Entry, document: Option<&EntryDate>) -> Vec<String> {
    let mut rules = Vec::new();
    match &e.status_phrase {
        Some(phrase) => rules.push(format!("status: '{phrase}' -> {}", e.status)),
        None => rules.push("no action phrase -> status unknown".to_string()),
    }
    rules.push(format!("kind: {}", e.kind));
    if let Some(date) = &e.date {
        let own = e.text.contains(date.text.as_str());
        if !own && document.is_some_and(|d| d == date) {
            rules.push(format!(
                "date: the dateline '{}' (a meeting stating no date)",
                date.text
            ));
        } else {
            rules.push(date_rule(date));
        }
    }
    if !e.agencies.is_empty() {
        rules.push(format!("agencies: {}", e.agencies.join(", ")));
    }
    rules
}

/// The source's headline, date and publisher: which lines and why.
pub(crate) fn masthead(
    blocks: &[Block],
    masthead: &Preamble,
    source_title: &str,
    date: Option<&EntryDate>,
) -> Vec<Explanation> {
    let lines = |i: usize| blocks.get(i).map_or((0, 0), |b| (b.line, b.line_end));
    let mut out = Vec::new();
    match masthead.title {
        Some(t) => out.push(Explanation::new(
            Made::Title,
            String::new(),
            source_title,
            lines(t),
            masthead.title_rule.to_string(),
        )),
        None => out.push(Explanation::new(
            Made::Title,
            String::new(),
            source_title,
            (0, 0),
            "no headline found: the file name".to_string(),
        )),
    }
    if let Some(date) = date {
        let (at, rule) = match (masthead.date_block, masthead.opening) {
            (Some(b), Some((o, _))) if b == o => (lines(b), "dateline opening the first paragraph"),
            (Some(b), _) => (lines(b), "dateline"),
            (None, _) => (
                find_line(blocks, &date.text),
                "date in the masthead or navigation strip",
            ),
        };
        out.push(Explanation::new(
            Made::Date,
            String::new(),
            &date.text,
            at,
            rule.to_string(),
        ));
    }
    if let Some(publisher) = &masthead.publisher {
        let at = find_line(blocks, publisher);
        out.push(Explanation::new(
            Made::Publisher,
            String::new(),
            publisher,
            at,
            "issuing office nearest the headline".to_string(),
        ));
    }
    out
}

/// The lines of the first block containing `text`.
fn find_line(blocks: &[Block], text: &str) -> (u32, u32) {
    blocks
        .iter()
        .find(|b| b.text.contains(text))
        .map_or((0, 0), |b| (b.line, b.line_end))
}

fn entry_at(d: &Dialogue, at: At) -> Option<&Entry> {
    match at {
        At::General(i) => d.entries.get(i),
        At::Pillar(n, i, e) => d
            .pillars
            .iter()
            .find(|p| p.number == n)
            .and_then(|p| p.initiatives.get(i))
            .and_then(|i| i.entries.get(e)),
    }
}

/// Adds to each entry's explanation what its wording decided, from the final record
/// (after meetings are dated by the dateline), and the source's date rule's value.
pub(crate) fn finish(explanations: &mut [Explanation], record: &Record) {
    let (Some(d), Some(source)) = (record.dialogues.first(), record.sources.first()) else {
        return;
    };
    for x in explanations.iter_mut() {
        if let Some(e) = x.at.and_then(|at| entry_at(d, at)) {
            x.rules.extend(wording_rules(e, source.date.as_ref()));
        }
        if x.made == Made::Date {
            if let Some(date) = &source.date {
                if let Some(value) = date.edtf {
                    x.rules.push(format!("-> {value}"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_footer_left_out_is_explained_with_its_lines() {
        let text = "Joint Statement on the Dialogue\nJuly 1, 2022\n\nThe ministers met in Ottawa today.\n\nGlobal Affairs Canada\n";
        let parsed = crate::import::parse_document(text, "x.txt");
        let left: Vec<String> = parsed
            .explanations
            .iter()
            .filter(|x| x.made == Made::Dropped)
            .map(|x| x.to_string())
            .collect();
        assert_eq!(
            left,
            ["line 6: left out \"Global Affairs Canada\": page footer: short lines after the last statement"]
        );
    }

    #[test]
    fn an_explanation_reads_as_one_line() {
        let mut x = Explanation::new(
            Made::Entry,
            place(Some((2, "Supply Chains"))),
            "The two countries signed an MOU.",
            (12, 14),
            "bullet under an initiative".into(),
        );
        x.rules.push("status: 'signed' -> done".into());
        assert_eq!(
            x.to_string(),
            "lines 12-14: entry \"The two countries signed an MOU.\" in Pillar 2 › Supply Chains: bullet under an initiative; status: 'signed' -> done"
        );
        assert_eq!(place(None), "General");
        assert_eq!(place(Some((1, ""))), "Pillar 1");
    }
}
