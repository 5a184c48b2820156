//! A realistic synthetic record for benchmarks and load tests: pillars, initiatives and
//! entries with English and Spanish text, dates of every precision over ten years,
//! statuses, kinds, agencies and notes. Deterministic for a given seed.

use crate::model::{
    Agency, Cadence, Country, Dialogue, Edtf, EdtfDate, Entry, EntryDate, EntryKind, Initiative,
    IntervalEnd, Note, NoteKind, Pillar, Qualifier, Record, SourceRef, Status,
};

/// How big a record to make.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub pillars: u32,
    pub initiatives: u32,
    pub entries: u32,
}

/// SplitMix64: small, fast and good enough to vary text; no dependency needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const SUBJECTS: &[&str] = &[
    "The United States and Mexico",
    "Both governments",
    "USAID and AMEXCID",
    "The working group",
    "Los dos gobiernos",
    "La Secretaría de Economía",
    "COFEPRIS and the FDA",
    "The Department of Commerce",
];
const VERBS: &[(&str, Status, EntryKind)] = &[
    ("intend to", Status::Planned, EntryKind::Commitment),
    ("plan to", Status::Planned, EntryKind::Commitment),
    ("signed an agreement to", Status::Done, EntryKind::Milestone),
    (
        "carried out a mission to",
        Status::Done,
        EntryKind::Activity,
    ),
    (
        "are cooperating to",
        Status::InProgress,
        EntryKind::Activity,
    ),
    ("acordaron", Status::Done, EntryKind::Milestone),
    ("held a meeting to", Status::Done, EntryKind::Meeting),
    ("seek to", Status::Planned, EntryKind::Objective),
];
const ACTIONS: &[&str] = &[
    "strengthen supply chains",
    "expand border infrastructure",
    "promote investment in southern Mexico",
    "fortalecer la cooperación técnica",
    "develop cybersecurity standards",
    "support small and medium-sized enterprises",
    "mejorar la competitividad regional",
    "align workforce training programs",
    "coordinate a joint campaign on innovation",
    "facilitate trade in medical devices",
    "reduce transboundary pollution",
    "impulsar la economía digital",
];
const PLACES: &[&str] = &[
    "in Central America",
    "along the border",
    "en el sur de México",
    "across North America",
    "in priority sectors",
    "with private-sector partners",
    "con la sociedad civil",
    "in Chiapas and Oaxaca",
];
const TOPICS: &[&str] = &[
    "Supply Chains",
    "Border Modernization",
    "Digital Economy",
    "Cooperación Energética",
    "Workforce Development",
    "Medical Devices",
    "Cybersecurity",
    "Desarrollo Regional",
    "Innovation and Creativity",
    "Telecommunications",
];
const AGENCIES: &[(&str, &str, Country)] = &[
    (
        "USAID",
        "United States Agency for International Development",
        Country::Us,
    ),
    (
        "AMEXCID",
        "Mexican Agency for International Development Cooperation",
        Country::Mx,
    ),
    (
        "COFEPRIS",
        "Federal Commission for the Protection against Sanitary Risk",
        Country::Mx,
    ),
    (
        "USPTO",
        "United States Patent and Trademark Office",
        Country::Us,
    ),
    (
        "IMPI",
        "Mexican Institute of Industrial Property",
        Country::Mx,
    ),
    ("DOC", "Department of Commerce", Country::Us),
    (
        "USTR",
        "Office of the U.S. Trade Representative",
        Country::Us,
    ),
    ("SE", "Secretaría de Economía", Country::Mx),
    ("SRE", "Secretaría de Relaciones Exteriores", Country::Mx),
    (
        "SHCP",
        "Secretaría de Hacienda y Crédito Público",
        Country::Mx,
    ),
];

fn random_date(rng: &mut Rng) -> Option<EntryDate> {
    let year = 2016 + rng.below(10) as i32;
    let month = 1 + rng.below(12) as u32;
    let day = 1 + rng.below(28) as u32;
    let (edtf, text) = match rng.below(10) {
        0 => return None,
        1 => {
            return Some(EntryDate {
                edtf: None,
                text: "monthly".into(),
                cadence: Some(Cadence::Monthly),
            })
        }
        2 => (Edtf::Date(EdtfDate::year(year)), format!("{year}")),
        3..=5 => (
            Edtf::Date(EdtfDate::month(year, month).expect("valid month")),
            format!("{year}-{month:02}"),
        ),
        6 => {
            let start = EdtfDate::month(year, month).expect("valid month");
            let end = EdtfDate::month(year + 1, month)
                .expect("valid month")
                .with_qualifier(Qualifier::Approximate);
            (
                Edtf::interval(IntervalEnd::Date(start), IntervalEnd::Date(end)).expect("ordered"),
                "over the coming year".into(),
            )
        }
        _ => (
            Edtf::Date(EdtfDate::day(year, month, day).expect("valid day")),
            format!("{year}-{month:02}-{day:02}"),
        ),
    };
    Some(EntryDate::exact(edtf, text))
}

/// Makes a record of the given size from `seed`.
pub fn record(size: Size, seed: u64) -> Record {
    let mut rng = Rng(seed);
    let agencies: Vec<Agency> = AGENCIES
        .iter()
        .map(|(acronym, name, country)| Agency {
            id: None,
            name: (*name).into(),
            name_es: None,
            acronym: Some((*acronym).into()),
            country: *country,
        })
        .collect();
    let mut pillars: Vec<Pillar> = (1..=size.pillars.max(1))
        .map(|number| Pillar {
            id: None,
            number,
            title: format!(
                "Pillar theme {number}: {}",
                TOPICS[number as usize % TOPICS.len()]
            ),
            title_es: None,
            initiatives: Vec::new(),
        })
        .collect();
    let initiative_count = size.initiatives.max(1);
    let pillar_count = pillars.len();
    for n in 0..initiative_count {
        let topic = rng.pick(TOPICS);
        pillars[n as usize % pillar_count]
            .initiatives
            .push(Initiative {
                id: None,
                title: format!("{topic} Initiative {}", n + 1),
                title_es: None,
                summary: Some(format!(
                    "Seeks to {} {}.",
                    rng.pick(ACTIONS),
                    rng.pick(PLACES)
                )),
                summary_es: None,
                entries: Vec::new(),
                notes: vec![Note {
                    id: None,
                    kind: NoteKind::Background,
                    text: format!("Background on {topic} for the delegation."),
                    text_es: None,
                    answer: None,
                    answer_es: None,
                }],
            });
    }
    for e in 0..size.entries {
        let slot = e % initiative_count;
        let (verb, status, kind) = *rng.pick(VERBS);
        let mut agencies_used = Vec::new();
        for _ in 0..rng.below(3) {
            let key = rng.pick(AGENCIES).0.to_string();
            if !agencies_used.contains(&key) {
                agencies_used.push(key);
            }
        }
        let text = format!(
            "{} {verb} {} {} (item {}).",
            rng.pick(SUBJECTS),
            rng.pick(ACTIONS),
            rng.pick(PLACES),
            e + 1
        );
        let notes = if e % 50 == 0 {
            vec![Note {
                id: None,
                kind: NoteKind::PointsToMake,
                text: format!("Raise progress on item {}.", e + 1),
                text_es: None,
                answer: None,
                answer_es: None,
            }]
        } else {
            Vec::new()
        };
        let entry = Entry {
            id: None,
            kind,
            text,
            text_es: None,
            status,
            status_phrase: Some(verb.into()),
            date: random_date(&mut rng),
            other_dates: Vec::new(),
            agencies: agencies_used,
            source: Some(SourceRef {
                title: "Synthetic record".into(),
                line: e + 1,
                line_end: None,
            }),
            notes,
        };
        pillars[slot as usize % pillar_count].initiatives[slot as usize / pillar_count]
            .entries
            .push(entry);
    }
    Record {
        dialogues: vec![Dialogue {
            id: None,
            name: "Synthetic Bilateral Dialogue".into(),
            name_es: Some("Diálogo Bilateral Sintético".into()),
            short_name: "SBD".into(),
            parties: vec!["US".into(), "MX".into()],
            launched: None,
            pillars,
            entries: Vec::new(),
            meetings: Vec::new(),
        }],
        agencies,
        sources: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::validate_record;

    #[test]
    fn makes_a_valid_record_of_the_requested_size() {
        let record = record(
            Size {
                pillars: 4,
                initiatives: 20,
                entries: 2_000,
            },
            7,
        );
        validate_record(&record).unwrap();
        let dialogue = &record.dialogues[0];
        assert_eq!(dialogue.pillars.len(), 4);
        let initiatives: usize = dialogue.pillars.iter().map(|p| p.initiatives.len()).sum();
        assert_eq!(initiatives, 20);
        let entries: usize = dialogue
            .pillars
            .iter()
            .flat_map(|p| &p.initiatives)
            .map(|i| i.entries.len())
            .sum();
        assert_eq!(entries, 2_000);
    }
}
