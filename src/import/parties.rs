//! The parties of a dialogue, from the text: the pair its name or headline joins
//! ("U.S.-Japan", "México-Estados Unidos", "U.S.-EU"), else the United States and
//! Mexico as the text names them. A country only mentioned in passing ("projects in
//! Honduras") is not a party.

use super::normalize::fold;

/// Party codes with the folded names a text may give them. ISO 3166 alpha-2 codes,
/// and "EU" for the European Union.
const COUNTRIES: &[(&str, &[&str])] = &[
    (
        "US",
        &[
            "u.s.",
            "us",
            "usa",
            "united states",
            "estados unidos",
            "ee. uu.",
            "ee.uu.",
            "eeuu",
            "eua",
        ],
    ),
    ("MX", &["mexico", "mexican"]),
    ("CA", &["canada", "canadian"]),
    ("JP", &["japan", "japon", "japanese"]),
    ("BR", &["brazil", "brasil"]),
    ("CO", &["colombia"]),
    ("EU", &["eu", "european union", "union europea", "ue"]),
    ("CN", &["china", "prc"]),
    ("IN", &["india"]),
    ("KR", &["korea", "republic of korea", "rok", "corea"]),
    ("GB", &["uk", "united kingdom", "reino unido"]),
    ("DE", &["germany", "alemania"]),
    ("FR", &["france", "francia"]),
    ("AU", &["australia"]),
    ("GT", &["guatemala"]),
    ("HN", &["honduras"]),
    ("SV", &["el salvador"]),
    ("CL", &["chile"]),
    ("PE", &["peru"]),
    ("AR", &["argentina"]),
    ("VN", &["vietnam", "viet nam"]),
    ("PH", &["philippines", "filipinas"]),
    ("ID", &["indonesia"]),
    ("ZA", &["south africa", "sudafrica"]),
    ("IL", &["israel"]),
    ("UA", &["ukraine", "ucrania"]),
    ("TW", &["taiwan"]),
    ("SG", &["singapore", "singapur"]),
    ("NZ", &["new zealand", "nueva zelanda"]),
    ("PA", &["panama"]),
    ("CR", &["costa rica"]),
    ("EC", &["ecuador"]),
];

/// Party codes, United States first. `names` are the headline and dialogue name.
pub fn parties<'a>(names: impl Iterator<Item = &'a str>, text: &str) -> Vec<String> {
    let mut found: Vec<&str> = Vec::new();
    for name in names {
        for code in pairs(&fold(name)) {
            if !found.contains(&code) {
                found.push(code);
            }
        }
    }
    if found.is_empty() {
        // No pair in the name: the two the HLED's documents name.
        let folded = fold(text);
        if ["united states", "u.s.", "estados unidos", "ee. uu.", "eua"]
            .iter()
            .any(|w| folded.contains(w))
        {
            found.push("US");
        }
        if ["mexico", "mexican", "mexicano"]
            .iter()
            .any(|w| folded.contains(w))
        {
            found.push("MX");
        }
    }
    found.sort_by_key(|c| *c != "US");
    found.into_iter().map(str::to_string).collect()
}

/// Codes of countries joined by a hyphen or slash in a folded name ("u.s.-japan").
fn pairs(folded: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (at, c) in folded.char_indices() {
        if c != '-' && c != '/' {
            continue;
        }
        let (left, right) = (&folded[..at], &folded[at + 1..]);
        if let (Some(a), Some(b)) = (country_ending(left), country_starting(right)) {
            if a != b {
                out.extend([a, b]);
            }
        }
    }
    out
}

fn country_ending(text: &str) -> Option<&'static str> {
    let text = text.trim_end();
    COUNTRIES.iter().find_map(|(code, names)| {
        names
            .iter()
            .any(|n| {
                text.ends_with(n)
                    && !text[..text.len() - n.len()]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
            })
            .then_some(*code)
    })
}

fn country_starting(text: &str) -> Option<&'static str> {
    let text = text.trim_start();
    COUNTRIES.iter().find_map(|(code, names)| {
        names
            .iter()
            .any(|n| {
                text.starts_with(n)
                    && !text[n.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            })
            .then_some(*code)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pair_in_the_name_gives_the_parties() {
        for (name, want) in [
            (
                "U.S.-Japan Economic Policy Consultative Committee",
                vec!["US", "JP"],
            ),
            (
                "Concluye la reunión del Diálogo México-Estados Unidos",
                vec!["US", "MX"],
            ),
            ("U.S.-EU Strategic Dialogue", vec!["US", "EU"]),
            ("Canada-U.S. Partnership", vec!["US", "CA"]),
            ("U.S.-Mexico High-Level Economic Dialogue", vec!["US", "MX"]),
        ] {
            assert_eq!(parties([name].into_iter(), ""), want, "{name}");
        }
    }

    #[test]
    fn countries_mentioned_in_passing_are_not_parties() {
        let text = "The United States and Mexico funded projects in Honduras and Guatemala.";
        assert_eq!(parties(["Fact Sheet"].into_iter(), text), vec!["US", "MX"]);
    }
}
