use super::*;

fn keys(text: &str) -> Vec<String> {
    let mut index = AgencyIndex::default();
    index.learn(text);
    index.find(text)
}

#[test]
fn builtin_list_has_the_co_chairs_and_seed_agencies_with_country() {
    let all = builtin_agencies();
    let key_country: Vec<(&str, Country)> = all.iter().map(|a| (a.key(), a.country)).collect();
    for expected in [
        ("DOS", Country::Us),
        ("DOC", Country::Us),
        ("USTR", Country::Us),
        ("SRE", Country::Mx),
        ("SHCP", Country::Mx),
        ("SE", Country::Mx),
        ("USAID", Country::Us),
        ("AMEXCID", Country::Mx),
        ("COFEPRIS", Country::Mx),
        ("USPTO", Country::Us),
        ("IMPI", Country::Mx),
    ] {
        assert!(key_country.contains(&expected), "{expected:?}");
    }
    assert_eq!(
        all.iter().find(|a| a.key() == "IMPI").unwrap().name,
        "Mexican Institute of Industrial Property"
    );
}

#[test]
fn name_acronym_pairs_resolve_to_one_agency() {
    assert_eq!(
        keys("The Mexican sanitary agency (COFEPRIS) and the United States Agency for International Development (USAID) have signed"),
        vec!["COFEPRIS", "USAID"]
    );
    assert_eq!(
        keys("USAID and the Mexican Agency for International Development Cooperation (AMEXCID) signed"),
        vec!["USAID", "AMEXCID"]
    );
}

#[test]
fn full_names_without_acronyms_are_recognised() {
    assert_eq!(
        keys("The Mexican Institute of Industrial Property and the United States Patent and Trademark Office intend to"),
        vec!["IMPI", "USPTO"]
    );
    assert_eq!(
        keys("la Secretaría de Economía y la SHCP"),
        vec!["SE", "SHCP"]
    );
}

#[test]
fn ambiguous_acronyms_need_their_parentheses() {
    assert!(keys("SE FIRMÓ EL ACUERDO con DOS países").is_empty());
    assert_eq!(
        keys("the Secretariat of Economy (SE) and the Department of State"),
        vec!["SE", "DOS"]
    );
}

#[test]
fn agencies_a_document_introduces_are_learned() {
    let text =
        "The National Institute of Standards and Technology (NIST) will help. Later NIST reported.";
    let mut index = AgencyIndex::default();
    index.learn(text);
    assert_eq!(index.find("Later NIST reported."), vec!["NIST"]);
    let nist = index.get("NIST").unwrap();
    assert_eq!(nist.name, "National Institute of Standards and Technology");
}

#[test]
fn terms_in_parentheses_are_not_agencies() {
    assert!(keys("micro, small, and medium-sized enterprises (MSMEs) and the (HLED)").is_empty());
    assert!(keys("signed a MOU (Memorandum)").is_empty());
}

#[test]
fn bare_department_names_count_in_a_list_of_agencies() {
    let index = AgencyIndex::default();
    assert_eq!(
        index.find("State, Commerce, and USTR will co-chair the dialogue."),
        vec!["DOS", "DOC", "USTR"]
    );
    assert_eq!(
        index.find("the Departments of State and Commerce met"),
        vec!["DOS", "DOC"]
    );
    assert_eq!(
        index.find("Treasury and the SHCP agreed"),
        vec!["TREAS", "SHCP"]
    );
    assert!(index
        .find("The State of Texas and the United States")
        .is_empty());
}
