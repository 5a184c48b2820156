use super::*;
use crate::import::lines::blocks;

fn titles(text: &str) -> Vec<(u32, String)> {
    let b = blocks(text);
    outline(&b, 0)
        .pillars
        .into_iter()
        .map(|p| (p.number, p.title))
        .collect()
}

#[test]
fn explicit_pillar_headings_in_their_many_forms() {
    assert_eq!(
        explicit_heading("Pillar I: Building Back Together"),
        Some((1, "Building Back Together".into()))
    );
    assert_eq!(explicit_heading("PILLAR 2 -"), Some((2, String::new())));
    assert_eq!(
        explicit_heading("PILLAR 2 - PROMOTING DEVELOPMENT"),
        Some((2, "PROMOTING DEVELOPMENT".into()))
    );
    assert_eq!(
        explicit_heading("Pilar III. Asegurar las herramientas"),
        Some((3, "Asegurar las herramientas".into()))
    );
    assert_eq!(
        explicit_heading("Pillar Four: Investing in Our People"),
        Some((4, "Investing in Our People".into()))
    );
    assert_eq!(
        explicit_heading(
            "Pillar I of the dialogue covers trade facilitation and supply chains in the region."
        ),
        None
    );
}

#[test]
fn a_pillar_title_on_the_next_line_is_taken() {
    let got = titles("PILLAR 2 -\n\nPromoting Development\n\nSupply Chains\n\n- Seeks x.");
    assert_eq!(got, vec![(2, "Promoting Development".into())]);
}

#[test]
fn markdown_pillar_headings() {
    let got = titles("# HLED\n\n## Pillar I: Building Back Together\n\n### Supply Chains\n\n- item.\n\n## Pillar II: People\n");
    assert_eq!(
        got,
        vec![(1, "Building Back Together".into()), (2, "People".into())]
    );
}

#[test]
fn declared_numbered_list_names_the_pillars() {
    let text = "The dialogue has four pillars:\n1. Building Back Together;\n2. Promoting Development;\n3. Securing the Tools;\n4. Investing in Our People.\n\nBuilding Back Together\n\nSupply Chains\n\n- Seeks x.\n\nInvesting in Our People\n\nTraining\n\n- Seeks y.";
    let b = blocks(text);
    let o = outline(&b, 0);
    let got: Vec<(u32, String)> = o
        .pillars
        .iter()
        .map(|p| (p.number, p.title.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (1, "Building Back Together".into()),
            (4, "Investing in Our People".into())
        ]
    );
    assert_eq!(
        o.declared_only,
        vec![
            (2, "Promoting Development".into()),
            (3, "Securing the Tools".into())
        ]
    );
    // The declaring paragraph and its four items.
    assert_eq!(o.consumed.len(), 5);
}

#[test]
fn declared_inline_list_names_the_pillars() {
    let text = "Officials agreed on the four pillars of the HLED: (1) Building Back Together; (2) Promoting Development; (3) Securing the Tools; and (4) Investing in Our People.\n\nBuilding Back Together\n\nSupply Chains\n\n- Seeks x.\n\nSecuring the Tools\n\nICT\n\n- Seeks z.";
    let got = titles(text);
    assert_eq!(
        got,
        vec![
            (1, "Building Back Together".into()),
            (3, "Securing the Tools".into())
        ]
    );
}

#[test]
fn numbered_headings_with_content_between_are_pillars() {
    let text = "1. Building Back Together\n\nSupply Chains\n\n- Seeks x.\n\n2. Investing in Our People\n\nTraining\n\n- Seeks y.";
    assert_eq!(
        titles(text),
        vec![
            (1, "Building Back Together".into()),
            (2, "Investing in Our People".into())
        ]
    );
    // A plain numbered list of actions is not a list of pillars.
    assert!(titles("1. The parties will meet.\n2. They signed a MOU.").is_empty());
    // A numbered breadcrumb is page furniture, never a pillar (found by the importer's
    // never-panics property: "2) IV. Home > A > B" became a pillar).
    assert!(titles("1. Meet monthly\n\nx\n\n2) IV. Home > A > B- - ").is_empty());
    let with_crumb = "1. Building Back Together\n\n- Seeks x.\n\n2) Home > Briefing Room > Statements\n\n2. Investing in Our People\n\n- Seeks y.";
    assert_eq!(
        titles(with_crumb),
        vec![
            (1, "Building Back Together".into()),
            (2, "Investing in Our People".into())
        ]
    );
}

#[test]
fn two_markdown_levels_make_pillars_and_initiatives() {
    let b = blocks(
        "## Building Back Together\n\n### Supply Chains\n\n- x\n\n## Our People\n\n### Training\n",
    );
    let o = outline(&b, 0);
    assert_eq!(o.pillars.len(), 2);
    assert_eq!(o.initiative_level, Some(3));
    // A heading that is a breadcrumb (what is left of "WASHINGTON – April 4, 2023 – Home >
    // A > B" once the dateline is cut) is page furniture, not a pillar.
    let b =
        blocks("## Home > A > B\n\n### Supply Chains\n\n- x\n\n## Our People\n\n### Training\n");
    let o = outline(&b, 0);
    let titles: Vec<&str> = o.pillars.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Our People"]);
    assert_eq!(o.pillars[0].number, 1);
}

#[test]
fn plain_paragraphs_have_no_pillars() {
    assert!(titles("The two countries met.\n\nThey agreed on a plan.").is_empty());
}
