use super::*;

#[test]
fn hard_wrapped_prose_is_joined_after_abbreviations_semicolons_and_hyphens() {
    let text = "Secretary Raimondo, Secretary Blinken and the U.S.\nTrade Representative met with Mexican officials in Washington today.\n\nThe plan has five pillars: a greener economy; inclusion and diversity;\na secure and resilient region; and health.\n\nThe delegations signed an agreement on coopera-\ntion in critical minerals in Mexico City.\n";
    let b = blocks(text);
    assert_eq!(b.len(), 3, "{b:?}");
    assert!(b[0].text.contains("U.S. Trade Representative"));
    assert!(b[1]
        .text
        .ends_with("inclusion and diversity; a secure and resilient region; and health."));
    assert!(b[2].text.contains("cooperation in"));
}

#[test]
fn an_inline_list_wrapped_onto_its_own_line_is_not_a_list_item() {
    let text = "The Dialogue is organized around four pillars, named in the joint statement as follows:\n(1) Building Back Together; (2) Promoting Development; and (3) Investing in People.\n";
    let b = blocks(text);
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0].kind, BlockKind::Text);
}

#[test]
fn running_headers_go_and_a_name_printed_twice_stays() {
    let text = "FACT SHEET: The Dialogue | The White House\n\nFACT SHEET: Second Dialogue\n\nThe delegations met today.\n\nFACT SHEET: The Dialogue | The White House\n\nThe delegations will meet again.\n\nFACT SHEET: The Dialogue | The Wh\n\nGlobal Affairs Canada\n\nThe ministers met.\n\nGlobal Affairs Canada\n";
    let mut b = blocks(text);
    drop_running_headers(&mut b);
    let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "FACT SHEET: Second Dialogue",
            "The delegations met today.",
            "The delegations will meet again.",
            "Global Affairs Canada",
            "The ministers met.",
            "Global Affairs Canada"
        ]
    );
}

#[test]
fn a_wrapped_furniture_line_goes_with_its_continuation() {
    let text = "The text of the following statement was released by the Governments of the United States\nof America and Japan.\n\nThe Ministers met today.\n";
    let b = blocks(text);
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0].text, "The Ministers met today.");
}

#[test]
fn sentence_split_across_a_page_break_is_joined() {
    let text = "- provided an opportunity to exchange\n\ninformation on technologies.\n";
    let got = blocks(text);
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].text,
        "provided an opportunity to exchange information on technologies."
    );
    assert_eq!((got[0].line, got[0].line_end), (1, 3));
}

#[test]
fn nested_bullets_get_depth_and_numbered_items_their_number() {
    let text = "- parent:\n - child one;\n   - grandchild\n - child two\n- next\n1. first\n(b) lettered\nIV. fourth";
    let kinds: Vec<BlockKind> = blocks(text).into_iter().map(|b| b.kind).collect();
    let depth = |k: &BlockKind| match k {
        BlockKind::Bullet { depth, .. } => *depth,
        _ => 99,
    };
    let depths: Vec<usize> = kinds.iter().map(depth).collect();
    assert_eq!(&depths[..5], &[0, 1, 2, 1, 0]);
    assert!(matches!(
        kinds[5],
        BlockKind::Bullet {
            marker: Marker::Number(1),
            ..
        }
    ));
    assert!(matches!(
        kinds[6],
        BlockKind::Bullet {
            marker: Marker::Letter,
            ..
        }
    ));
    assert!(matches!(
        kinds[7],
        BlockKind::Bullet {
            marker: Marker::Roman(4),
            ..
        }
    ));
}

#[test]
fn headings_and_paragraphs_stay_apart() {
    let text = "## Pillar I: Building\n\nStrengthening Supply Chains\n\nMexico and the United States are finalizing:\n\n- Promotes trade.";
    let got = blocks(text);
    assert_eq!(got.len(), 4);
    assert_eq!(got[0].kind, BlockKind::Heading { level: 2 });
    assert_eq!(got[1].text, "Strengthening Supply Chains");
    assert_eq!(got[2].kind, BlockKind::Text);
}

#[test]
fn furniture_between_halves_of_a_sentence_is_skipped() {
    let text =
        "- cooperation in tackling\nPage 2 of 3\nFOR IMMEDIATE RELEASE\ncybersecurity challenges.";
    let got = blocks(text);
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].text,
        "cooperation in tackling cybersecurity challenges."
    );
}

#[test]
fn setext_underline_makes_a_heading() {
    let got = blocks("Investing in Our People\n-----------------------\n\n- item");
    assert_eq!(got[0].kind, BlockKind::Heading { level: 2 });
    assert_eq!(got.len(), 2);
}

#[test]
fn hard_wrapped_paragraph_lines_are_joined() {
    let text = "The United States and Mexico agree to work on specific activities under\nMexico's four pillars of the dialogue.";
    let got = blocks(text);
    assert_eq!(got.len(), 1);
    assert!(got[0].joined);
}
