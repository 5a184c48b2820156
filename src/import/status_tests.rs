use super::*;

fn check(text: &str, status: Status, kind: EntryKind, phrase: &str) {
    let action = detect(text).unwrap_or_else(|| panic!("no action in {text}"));
    assert_eq!(
        (action.status, action.kind, action.phrase.as_str()),
        (status, kind, phrase),
        "{text}"
    );
}

#[test]
fn done_wording_gives_done() {
    check("The United States carried out a successful virtual trade mission to Mexico on October 25, 2021, which included an opportunity to explore collaboration.", Status::Done, EntryKind::Activity, "carried out");
    check(
        "Both agencies have made two joint visits to El Salvador.",
        Status::Done,
        EntryKind::Activity,
        "have made",
    );
    check(
        "The agencies completed the first phase.",
        Status::Done,
        EntryKind::Activity,
        "completed",
    );
}

#[test]
fn signing_is_a_done_milestone_and_wins_over_later_actions() {
    check("The Mexican sanitary agency (COFEPRIS) and USAID have signed a letter of intent in August 2021.", Status::Done, EntryKind::Milestone, "have signed");
    check("USAID and AMEXCID signed a MOU in June 2021 and have developed an action plan with benchmarks for new joint activities to be completed over the coming year.", Status::Done, EntryKind::Milestone, "signed");
    check(
        "The campaign was launched in July.",
        Status::Done,
        EntryKind::Milestone,
        "launched",
    );
}

#[test]
fn ongoing_wording_gives_in_progress() {
    check(
        "Mexico and the United States are finalizing a proposal on cooperation:",
        Status::InProgress,
        EntryKind::Activity,
        "are finalizing",
    );
    check(
        "The United States and Mexico are cooperating on the program.",
        Status::InProgress,
        EntryKind::Activity,
        "are cooperating",
    );
    check(
        "The agencies began work on the list.",
        Status::InProgress,
        EntryKind::Activity,
        "began",
    );
    check(
        "Both have developed an action plan.",
        Status::InProgress,
        EntryKind::Activity,
        "have developed",
    );
}

#[test]
fn intentions_give_planned_commitments() {
    check(
        "The Working Group specifically intends to:",
        Status::Planned,
        EntryKind::Commitment,
        "intends to",
    );
    check(
        "Both governments plan to explore opportunities.",
        Status::Planned,
        EntryKind::Commitment,
        "plan to",
    );
    check(
        "explore ways to support more Small Business Development Centers",
        Status::Planned,
        EntryKind::Commitment,
        "explore",
    );
    check(
        "The two sides will review the list.",
        Status::Planned,
        EntryKind::Commitment,
        "will",
    );
    check(
        "The agencies intend to coordinate a joint campaign with a proposed launch in July 2022.",
        Status::Planned,
        EntryKind::Commitment,
        "intend to",
    );
    check(
        "Both agreed to establish a working group.",
        Status::Planned,
        EntryKind::Commitment,
        "agreed to",
    );
}

#[test]
fn seeks_is_a_planned_objective() {
    check(
        "Seeks to improve Mexico's access to medical devices.",
        Status::Planned,
        EntryKind::Objective,
        "Seeks",
    );
}

#[test]
fn meetings_are_recognised_from_the_main_verb() {
    check(
        "The United States and Mexico intend to meet monthly to advance the goals.",
        Status::Planned,
        EntryKind::Meeting,
        "intend to",
    );
    check(
        "Both governments plan to hold a high-level dialogue with the private sector.",
        Status::Planned,
        EntryKind::Meeting,
        "plan to",
    );
    check(
        "The co-chairs met in Washington.",
        Status::Done,
        EntryKind::Meeting,
        "met",
    );
    check(
        "The agencies held a technical meeting on standards.",
        Status::Done,
        EntryKind::Meeting,
        "held",
    );
    // The meeting is a purpose of the main action, not the action.
    check("The United States and Mexico intend to coordinate a virtual trade mission of U.S. companies to meet with Mexican stakeholders.", Status::Planned, EntryKind::Commitment, "intend to");
}

#[test]
fn a_leading_subordinate_clause_does_not_decide() {
    check(
        "Following the MOU signed in June, both agencies will launch a campaign.",
        Status::Planned,
        EntryKind::Commitment,
        "will",
    );
}

#[test]
fn spanish_wording_is_read() {
    check(
        "Se firmó un memorándum de entendimiento en junio de 2021.",
        Status::Done,
        EntryKind::Milestone,
        "Se firmó",
    );
    check(
        "Ambos gobiernos acordaron trabajar en una agenda común.",
        Status::Planned,
        EntryKind::Commitment,
        "acordaron trabajar",
    );
    check(
        "Ambos gobiernos acordaron un marco de cooperación.",
        Status::Done,
        EntryKind::Milestone,
        "acordaron",
    );
    check(
        "Los gobiernos se reunirán mensualmente.",
        Status::Planned,
        EntryKind::Meeting,
        "reunirán",
    );
    check(
        "La SE y USTR están trabajando en la lista.",
        Status::InProgress,
        EntryKind::Activity,
        "están trabajando",
    );
    check(
        "Busca fortalecer la cooperación.",
        Status::Planned,
        EntryKind::Objective,
        "Busca",
    );
}

#[test]
fn text_without_an_action_has_no_status() {
    assert_eq!(
        detect("Digital Cooperation on Cross-Border Privacy Rules"),
        None
    );
    assert_eq!(
        detect("better leverage existing efforts and develop new activities"),
        None
    );
}

#[test]
fn wording_read_in_context() {
    check(
        "The two sides will continue discussions on market access.",
        Status::InProgress,
        EntryKind::Activity,
        "will continue",
    );
    check(
        "La próxima reunión del DEAN se llevará a cabo en Washington en 2024.",
        Status::Planned,
        EntryKind::Meeting,
        "llevará",
    );
    // Reviewing is what a meeting does; the plan that follows is the statement's.
    check(
        "Officials reviewed export controls and agreed to share information.",
        Status::Planned,
        EntryKind::Commitment,
        "agreed to",
    );
    check(
        "The Secretaries reviewed progress since the Dialogue last met.",
        Status::Done,
        EntryKind::Activity,
        "reviewed",
    );
    check(
        "USAID expanded the program to Guatemala in March 2022 and will launch a new phase.",
        Status::InProgress,
        EntryKind::Activity,
        "expanded; will",
    );
}
