use super::*;

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><title>Joint Statement on the U.S.-Mexico High-Level Economic Dialogue | U.S. Department of Commerce</title>
<script>var x = "<p>not text</p>";</script><style>p { color: red }</style></head>
<body>
<section class="usa-banner"><p>An official website of the United States government</p><button>Here&rsquo;s how you know</button></section>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li>News</li></ul></nav>
<h1>Joint Statement on the U.S.-Mexico High-Level Economic Dialogue</h1><time datetime="2023-04-04">April 4, 2023</time></header>
<div class="breadcrumb"><a href="/">Home</a> &gt; Press Releases</div>
<main><article>
<p>The HLED&#8217;s work is organized under four pillars:</p>
<ul><li>Building Back Together</li><li>Investing in Our People</li></ul>
<h2>Building Back Together</h2>
<ol><li>Commerce and the Secretar&iacute;a de Econom&iacute;a <strong>signed</strong> a MOU.
  <ul><li>nested item</li></ul></li>
<li>Second item</li></ol>
<table><tr><th>Initiative</th><th>Status</th></tr><tr><td>Supply chains</td><td>Done</td></tr></table>
</article></main>
<div class="share-tools">Share Print</div>
<footer><p>Contact: (202) 482-4883</p></footer>
</body></html>"#;

#[test]
fn a_saved_page_becomes_structured_text_without_its_furniture() {
    let text = to_text(PAGE);
    assert!(
        text.starts_with(
            "# Joint Statement on the U.S.-Mexico High-Level Economic Dialogue\n\nApril 4, 2023\n"
        ),
        "{text}"
    );
    for gone in [
        "official website",
        "how you know",
        "Home",
        "Share",
        "482-4883",
        "not text",
        "color",
    ] {
        assert!(!text.contains(gone), "{gone} in {text}");
    }
    assert!(
        text.contains("The HLED\u{2019}s work is organized under four pillars:"),
        "{text}"
    );
    assert!(text.contains("\n- Building Back Together\n"), "{text}");
    assert!(text.contains("\n## Building Back Together\n"), "{text}");
    assert!(
        text.contains("\n1. Commerce and the Secretaría de Economía signed a MOU.\n"),
        "{text}"
    );
    assert!(text.contains("\n  - nested item\n"), "{text}");
    assert!(text.contains("\n2. Second item\n"), "{text}");
    assert!(text.contains("Supply chains: Done"), "{text}");
}

#[test]
fn without_an_h1_the_title_is_the_headline() {
    let text = to_text("<html><head><title>Readout of the Dialogue | The White House</title></head><body><p>Today the delegations met.</p></body></html>");
    assert!(text.starts_with("# Readout of the Dialogue\n"), "{text}");
}

#[test]
fn broken_markup_degrades_to_its_text() {
    for html in [
        "<p>a < b and <unclosed",
        "<nav>never closed",
        "&#xZZ; &bogus; &#99999999;",
        "<",
        "<<>>",
        "<p/>",
    ] {
        let _ = to_text(html);
    }
    assert!(to_text("<p>a < b</p>").contains("a < b"));
}

#[test]
fn entities_are_decoded() {
    assert_eq!(
        decode_entities("&iquest;Qu&eacute;? &#233; &#xE9; &amp;amp;"),
        "¿Qué? é é &amp;"
    );
}

#[test]
fn pages_are_told_from_text() {
    assert!(looks_like_html("<!DOCTYPE html><html>"));
    assert!(!looks_like_html("Pillar I: <b>Building</b>"));
}
