//! File-level entries (language, MarkInfo, title, XMP), fonts, the General section, and
//! tables that run over several pages.

use super::{packet, rendered};
use crate::reader::{deref, text_string, Tagged};
use briefbook::model::Status;
use briefbook::packet::PillarCount;
use briefbook::render::i18n::labels;
use briefbook::render::render_pdf;
use lopdf::{Document, ObjectId};
use std::collections::HashSet;

#[test]
fn document_declares_language_title_tagging_and_pdf_ua() {
    for (lang, tag) in [("en", "en-US"), ("es", "es-MX")] {
        let p = packet(lang);
        let t = rendered(&p);
        let c = t.catalog();
        assert_eq!(text_string(c.get(b"Lang").unwrap()), tag);
        let mark = deref(&t.doc, c.get(b"MarkInfo").unwrap())
            .as_dict()
            .unwrap();
        assert!(mark.get(b"Marked").unwrap().as_bool().unwrap());
        let prefs = deref(&t.doc, c.get(b"ViewerPreferences").unwrap())
            .as_dict()
            .unwrap();
        assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
        let meta = deref(&t.doc, c.get(b"Metadata").unwrap())
            .as_stream()
            .unwrap();
        let xmp =
            String::from_utf8(meta.decompressed_content().unwrap_or(meta.content.clone())).unwrap();
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
        let info = t.doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
        let title = text_string(t.doc.get_dictionary(info).unwrap().get(b"Title").unwrap());
        assert_eq!(title, p.title);
        assert!(
            xmp.contains(&format!(">{title}</rdf:li>")),
            "dc:title is the /Info title: {xmp}"
        );
        assert!(t.doc.version.as_str() >= "1.5", "{}", t.doc.version);
    }
}

#[test]
fn fonts_are_embedded_subsets_with_complete_unicode_maps() {
    let out = render_pdf(&packet("es")).unwrap();
    let doc = Document::load_mem(&out.bytes).unwrap();
    let mut fonts = 0;
    for object in doc.objects.values() {
        let Ok(d) = object.as_dict() else { continue };
        if d.get(b"Type").ok().and_then(|t| t.as_name().ok()) != Some(b"FontDescriptor") {
            continue;
        }
        fonts += 1;
        let name =
            String::from_utf8_lossy(d.get(b"FontName").unwrap().as_name().unwrap()).into_owned();
        assert_eq!(name.find('+'), Some(6), "{name} is named as a subset");
        assert!(d.get(b"FontFile2").is_ok(), "{name} is embedded");
    }
    assert_eq!(fonts, 3);
    // Every glyph code painted decodes through ToUnicode (`Tagged::read` panics otherwise),
    // and accented Spanish text comes back as typed.
    let t = Tagged::read(&out.bytes);
    let footers = t.artifacts.iter().flatten().map(|(_, s)| s.as_str());
    assert!(
        footers.clone().any(|s| s.contains("Página 1 de")),
        "{:?}",
        footers.collect::<Vec<_>>()
    );
}

#[test]
fn the_general_section_is_named_without_a_numeral_in_the_pdf() {
    for (lang, pillar) in [("en", "Pillar"), ("es", "Pilar")] {
        let mut p = packet(lang);
        let mut general = p.pillars[0].clone();
        general.number = 0;
        general.title = "General".into();
        general.initiatives.truncate(1);
        p.pillars.insert(0, general);
        p.overview.by_pillar.insert(
            0,
            PillarCount {
                number: 0,
                title: "General".into(),
                by_status: vec![(Status::Done, 1)],
            },
        );
        let mut row = p.timeline[0].clone();
        row.pillar = 0;
        p.timeline.insert(0, row);
        let t = rendered(&p);
        let headings = t.headings();
        assert!(
            headings.contains(&(1, "General".to_string())),
            "{headings:?}"
        );
        let texts: Vec<&String> = t.text.values().collect();
        for bad in [
            format!("{pillar} 0"),
            format!("{pillar} ."),
            format!("{pillar} ·"),
        ] {
            assert!(
                texts.iter().all(|s| !s.contains(&bad)),
                "{lang}: {bad:?} printed"
            );
        }
        let alt = t
            .with_role("Figure")
            .next()
            .and_then(|f| t.elems[f].alt.clone())
            .unwrap();
        assert!(alt.contains(" General: "), "{alt}");
        // The outline names it the same way.
        let outlines = deref(&t.doc, t.catalog().get(b"Outlines").unwrap())
            .as_dict()
            .unwrap();
        let mut item = outlines.get(b"First").unwrap().as_reference().unwrap();
        let mut titles = Vec::new();
        loop {
            let d = t.doc.get_dictionary(item).unwrap();
            titles.push(text_string(d.get(b"Title").unwrap()));
            match d.get(b"Next") {
                Ok(next) => item = next.as_reference().unwrap(),
                Err(_) => break,
            }
        }
        assert!(titles.contains(&"General".to_string()), "{titles:?}");
    }
}

#[test]
fn repeated_table_headers_on_later_pages_are_artifacts() {
    let mut p = packet("en");
    // A long timeline: the table runs over several pages.
    let rows = p.timeline.clone();
    for _ in 0..8 {
        p.timeline.extend(rows.iter().cloned());
    }
    let t = rendered(&p);
    let l = labels(p.lang);
    let timeline = t.with_role("Table").last().unwrap();
    let pages: HashSet<ObjectId> = t.elems[timeline]
        .children
        .iter()
        .flat_map(|c| t.elems[*c].children.clone())
        .flat_map(|r| t.elems[r].children.clone())
        .flat_map(|cell| t.elems[cell].mcids.clone())
        .map(|(page, _)| page)
        .collect();
    assert!(pages.len() >= 3, "the table spans {} pages", pages.len());
    let header = [l.date, l.pillar, l.entry, l.status, l.agencies].join(" ");
    let tagged_headers = t
        .with_role("THead")
        .filter(|h| t.text_of(*h) == header)
        .count();
    assert_eq!(tagged_headers, 1, "the header is tagged once");
    let repeats = t
        .artifacts
        .iter()
        .filter(|page| {
            page.iter()
                .any(|(_, s)| s.contains(l.agencies) && s.contains(l.status))
        })
        .count();
    assert!(
        repeats >= pages.len() - 1,
        "{repeats} repeated headers as artifacts"
    );
}
