//! Packets are tagged, accessible PDFs (PDF/UA-1): rendered from the built-in record in
//! English and Spanish, read back with lopdf, and checked the way an accessibility
//! checker would: every painted mark is content of a structure element or an artifact,
//! the structure tree is in reading order, tables have headers, figures have
//! alternative text, links are tagged, and the document-level entries are present.
use briefbook::import::builtin_record;
use briefbook::model::{Note, NoteKind, Record, Status};
use briefbook::packet::{assemble, Packet, PacketSpec, PillarCount, Section};
use briefbook::render::i18n::labels;
use briefbook::render::render_pdf;
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::{BTreeMap, HashMap, HashSet};

const MARKING: &str = "SENSITIVE BUT UNCLASSIFIED";

/// The built-in record with briefing notes on its first initiative and first entry.
fn record() -> Record {
    let mut record = builtin_record().record;
    let initiative = &mut record.dialogues[0].pillars[0].initiatives[0];
    initiative.notes.push(Note {
        id: None,
        kind: NoteKind::PointsToMake,
        text: "Welcome the progress on supply chains.".into(),
        text_es: None,
    });
    initiative.entries[0].notes.push(Note {
        id: None,
        kind: NoteKind::Background,
        text: "Agreed at the September 2021 meeting.".into(),
        text_es: None,
    });
    record
}

fn packet(lang: &str) -> Packet {
    let spec = format!(
        r#"{{"lang":"{lang}","marking":"{MARKING}","prepared_on":"2021-12-10",
            "prepared_for":"Delegation","changes_since":"2021-01-01","page":"a4"}}"#
    );
    let spec = PacketSpec::from_json(&spec).expect("valid spec");
    assemble(&spec, &record(), &[]).expect("assembles")
}

/// A structure element as read back, in document (pre-)order.
#[derive(Debug, Default)]
struct Elem {
    role: String,
    depth: usize,
    id: Option<ObjectId>,
    /// Marked content it owns: (page, MCID), in `/K` order.
    mcids: Vec<(ObjectId, i64)>,
    /// Annotations it owns (OBJR).
    objrs: Vec<ObjectId>,
    alt: Option<String>,
    attrs: Option<Dictionary>,
    /// Indexes of child elements.
    children: Vec<usize>,
}

/// One packet read back: structure tree, text of each marked-content sequence, artifacts.
struct Tagged {
    doc: Document,
    pages: Vec<ObjectId>,
    elems: Vec<Elem>,
    /// Text painted in each MCID sequence, keyed by (page, MCID).
    text: HashMap<(ObjectId, i64), String>,
    /// Text painted as artifacts, by page index: (artifact subtype, text).
    artifacts: Vec<Vec<(String, String)>>,
}

fn text_string(o: &Object) -> String {
    let bytes = o.as_str().expect("a string");
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).expect("reference resolves"),
        o => o,
    }
}

/// ToUnicode maps of a page's fonts, by resource name.
fn cmaps(doc: &Document, page: ObjectId) -> HashMap<Vec<u8>, HashMap<u16, String>> {
    let mut out = HashMap::new();
    let resources = deref(
        doc,
        doc.get_dictionary(page).unwrap().get(b"Resources").unwrap(),
    );
    let fonts = deref(doc, resources.as_dict().unwrap().get(b"Font").unwrap());
    for (name, font) in fonts.as_dict().unwrap() {
        let font = deref(doc, font).as_dict().unwrap();
        let stream = deref(
            doc,
            font.get(b"ToUnicode").expect("every font has ToUnicode"),
        );
        let stream = stream.as_stream().unwrap();
        let data = stream
            .decompressed_content()
            .unwrap_or(stream.content.clone());
        let text = String::from_utf8_lossy(&data);
        let mut map = HashMap::new();
        for line in text.lines().filter(|l| l.starts_with('<')) {
            let parts: Vec<&str> = line
                .split(['<', '>', ' '])
                .filter(|s| !s.is_empty())
                .collect();
            if let [code, unicode] = parts[..] {
                let units: Vec<u16> = (0..unicode.len() / 4)
                    .map(|i| u16::from_str_radix(&unicode[i * 4..i * 4 + 4], 16).unwrap())
                    .collect();
                map.insert(
                    u16::from_str_radix(code, 16).unwrap(),
                    String::from_utf16_lossy(&units),
                );
            }
        }
        out.insert(name.clone(), map);
    }
    out
}

fn decode(bytes: &[u8], cmap: &HashMap<u16, String>, font: &str) -> String {
    bytes
        .chunks(2)
        .map(|c| {
            let code = u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]);
            cmap.get(&code)
                .unwrap_or_else(|| panic!("{font}: glyph code {code:04X} has no ToUnicode entry"))
                .clone()
        })
        .collect()
}

impl Tagged {
    fn read(bytes: &[u8]) -> Tagged {
        let doc = Document::load_mem(bytes).expect("the PDF parses");
        let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
        let mut t = Tagged {
            pages,
            elems: Vec::new(),
            text: HashMap::new(),
            artifacts: Vec::new(),
            doc,
        };
        let root = t
            .catalog()
            .get(b"StructTreeRoot")
            .expect("a structure tree");
        let root = deref(&t.doc, root).as_dict().unwrap().clone();
        assert_eq!(
            root.get(b"Type").unwrap().as_name().unwrap(),
            b"StructTreeRoot"
        );
        t.walk(root.get(b"K").unwrap(), None, 0);
        t.read_content();
        t
    }

    fn catalog(&self) -> &Dictionary {
        self.doc.catalog().expect("a catalog")
    }

    fn walk(&mut self, k: &Object, page: Option<ObjectId>, depth: usize) -> Vec<usize> {
        let mut children = Vec::new();
        let kids = match k {
            Object::Array(a) => a.clone(),
            o => vec![o.clone()],
        };
        for kid in kids {
            let (id, obj) = match &kid {
                Object::Reference(id) => (Some(*id), self.doc.get_object(*id).unwrap().clone()),
                o => (None, o.clone()),
            };
            let Ok(d) = obj.as_dict() else {
                panic!("a bare MCID belongs inside an element, not at {depth}: {obj:?}")
            };
            let role = d.get(b"S").ok().and_then(|s| s.as_name().ok());
            let Some(role) = role else { continue };
            let pg = d
                .get(b"Pg")
                .ok()
                .map(|p| p.as_reference().unwrap())
                .or(page);
            let index = self.elems.len();
            self.elems.push(Elem {
                role: String::from_utf8_lossy(role).into_owned(),
                depth,
                id,
                alt: d.get(b"Alt").ok().map(text_string),
                attrs: d
                    .get(b"A")
                    .ok()
                    .map(|a| deref(&self.doc, a).as_dict().unwrap().clone()),
                ..Elem::default()
            });
            children.push(index);
            let Ok(k) = d.get(b"K") else { continue };
            let list = match k {
                Object::Array(a) => a.clone(),
                o => vec![o.clone()],
            };
            for item in list {
                match &item {
                    Object::Integer(mcid) => {
                        let page = pg.expect("an MCID kid needs /Pg on its element");
                        self.elems[index].mcids.push((page, *mcid));
                    }
                    Object::Dictionary(m)
                        if m.get(b"Type").unwrap().as_name().unwrap() == b"MCR" =>
                    {
                        let page = m.get(b"Pg").map(|p| p.as_reference().unwrap()).ok().or(pg);
                        let mcid = m.get(b"MCID").unwrap().as_i64().unwrap();
                        self.elems[index].mcids.push((page.unwrap(), mcid));
                    }
                    Object::Dictionary(m)
                        if m.get(b"Type").unwrap().as_name().unwrap() == b"OBJR" =>
                    {
                        let obj = m.get(b"Obj").unwrap().as_reference().unwrap();
                        self.elems[index].objrs.push(obj);
                    }
                    _ => {
                        let sub = self.walk(&item, pg, depth + 1);
                        self.elems[index].children.extend(sub);
                    }
                }
            }
        }
        children
    }

    /// Walks every content stream: each text- or path-painting operator must sit in
    /// exactly one marked-content sequence, an MCID owned by the tree or an artifact.
    fn read_content(&mut self) {
        let owned: HashSet<(ObjectId, i64)> = self
            .elems
            .iter()
            .flat_map(|e| e.mcids.iter().copied())
            .collect();
        let mut seen = HashSet::new();
        for (index, &page) in self.pages.iter().enumerate() {
            let maps = cmaps(&self.doc, page);
            let data = self.doc.get_page_content(page);
            let ops = Content::decode(&data).expect("content decodes").operations;
            let mut stack: Vec<(String, Option<i64>, String)> = Vec::new();
            let mut font = Vec::new();
            let mut artifacts = Vec::new();
            for op in ops {
                match op.operator.as_str() {
                    "BDC" | "BMC" => {
                        let tag = op.operands[0].as_name().unwrap().to_vec();
                        let props = op.operands.get(1).and_then(|p| p.as_dict().ok());
                        let mcid = props
                            .and_then(|p| p.get(b"MCID").ok())
                            .map(|m| m.as_i64().unwrap());
                        let subtype = props
                            .and_then(|p| p.get(b"Subtype").ok())
                            .map(|s| String::from_utf8_lossy(s.as_name().unwrap()).into_owned())
                            .unwrap_or_default();
                        if tag == b"Artifact" {
                            assert!(mcid.is_none(), "an artifact with an MCID");
                        } else {
                            let mcid = mcid.expect("a tagged sequence has an MCID");
                            assert!(
                                owned.contains(&(page, mcid)),
                                "page {index}: MCID {mcid} is in no structure element"
                            );
                            assert!(
                                seen.insert((page, mcid)),
                                "page {index}: MCID {mcid} used twice"
                            );
                        }
                        stack.push((String::from_utf8_lossy(&tag).into_owned(), mcid, subtype));
                    }
                    "EMC" => {
                        let (tag, mcid, subtype) = stack.pop().expect("EMC closes a sequence");
                        let text = self
                            .text
                            .remove(&(page, mcid.unwrap_or(-1)))
                            .unwrap_or_default();
                        if tag == "Artifact" {
                            artifacts.push((subtype, text));
                        } else if let Some(m) = mcid {
                            self.text.insert((page, m), text);
                        }
                    }
                    "Tf" => font = op.operands[0].as_name().unwrap().to_vec(),
                    "Tm" | "Td" | "TD" | "T*" => {
                        if let Some((_, mcid, _)) = stack.last() {
                            let t = self.text.entry((page, mcid.unwrap_or(-1))).or_default();
                            if !t.is_empty() && !t.ends_with(' ') && !t.ends_with('-') {
                                t.push(' ');
                            }
                        }
                    }
                    "Tj" | "TJ" | "'" | "\"" | "f" | "F" | "f*" | "S" | "s" | "B" | "b" => {
                        assert_eq!(
                            stack.len(),
                            1,
                            "page {index}: `{}` is {} marked-content sequences deep (must be exactly one)",
                            op.operator,
                            stack.len()
                        );
                        let (_, mcid, _) = &stack[0];
                        if !matches!(op.operator.as_str(), "Tj" | "TJ" | "'" | "\"") {
                            continue;
                        }
                        let cmap = &maps[&font];
                        let name = String::from_utf8_lossy(&font).into_owned();
                        let mut painted = String::new();
                        for operand in &op.operands {
                            match operand {
                                Object::String(s, _) => painted += &decode(s, cmap, &name),
                                Object::Array(items) => {
                                    for item in items {
                                        if let Object::String(s, _) = item {
                                            painted += &decode(s, cmap, &name);
                                        }
                                    }
                                }
                                _ => {}
                            }
                        }
                        self.text
                            .entry((page, mcid.unwrap_or(-1)))
                            .or_default()
                            .push_str(&painted);
                    }
                    _ => {}
                }
            }
            assert!(
                stack.is_empty(),
                "page {index}: a marked-content sequence is left open"
            );
            self.artifacts.push(artifacts);
        }
        assert_eq!(seen, owned, "every MCID of the tree is painted");
    }

    /// The text of an element and its descendants, in structure order.
    fn text_of(&self, index: usize) -> String {
        let e = &self.elems[index];
        let mut parts: Vec<String> = e
            .mcids
            .iter()
            .map(|k| self.text.get(k).cloned().unwrap_or_default())
            .collect();
        parts.extend(e.children.iter().map(|c| self.text_of(*c)));
        let joined = parts.join(" ");
        joined.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn with_role<'a>(&'a self, role: &'a str) -> impl Iterator<Item = usize> + 'a {
        (0..self.elems.len()).filter(move |i| self.elems[*i].role == role)
    }

    fn headings(&self) -> Vec<(u8, String)> {
        (0..self.elems.len())
            .filter_map(|i| {
                let level = self.elems[i].role.strip_prefix('H')?.parse().ok()?;
                Some((level, self.text_of(i)))
            })
            .collect()
    }
}

/// Text for comparison: hyphens dropped (a line may break inside a word), spaces collapsed.
fn norm(text: &str) -> String {
    text.replace('-', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn prefix(text: &str, chars: usize) -> String {
    norm(text).chars().take(chars).collect()
}

fn rendered(packet: &Packet) -> Tagged {
    let out = render_pdf(packet).expect("renders");
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    Tagged::read(&out.bytes)
}

#[test]
fn every_painted_mark_is_tagged_once_or_an_artifact_in_both_languages() {
    for lang in ["en", "es"] {
        // Reading the file back asserts it (see `read_content`); check it is not vacuous.
        let t = rendered(&packet(lang));
        assert!(
            t.text.len() > 100,
            "{lang}: {} tagged sequences",
            t.text.len()
        );
        assert!(t.elems.len() > 100);
        assert_eq!(t.elems[0].role, "Document");
        assert_eq!(
            t.elems.iter().filter(|e| e.depth == 0).count(),
            1,
            "one Document"
        );
    }
}

#[test]
fn running_heads_feet_and_marking_are_artifacts_and_the_cover_marking_is_read_once() {
    let p = packet("en");
    let t = rendered(&p);
    for (n, page) in t.artifacts.iter().enumerate().skip(1) {
        let kinds = |k: &str| {
            page.iter()
                .filter(|(s, _)| s == k)
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let header = kinds("Header");
        let footer = kinds("Footer");
        assert!(
            header.contains(MARKING) && header.contains(&p.title),
            "page {n}: {header}"
        );
        assert!(
            footer.contains(&format!("Page {n} of")),
            "page {n}: {footer}"
        );
        assert!(footer.contains(MARKING), "page {n}: {footer}");
    }
    let tagged: Vec<&String> = t.text.values().collect();
    assert_eq!(
        tagged.iter().filter(|s| s.contains(MARKING)).count(),
        1,
        "the cover's marking only"
    );
    assert!(tagged.iter().all(|s| !s.contains("Page 1 of")));
    let cover = t.elems[0].children[0];
    let first = t.elems[cover].children[0];
    assert_eq!(
        t.text_of(first),
        MARKING,
        "the marking is the cover's first paragraph"
    );
}

#[test]
fn headings_never_skip_a_level_and_follow_the_reading_order() {
    for lang in ["en", "es"] {
        let p = packet(lang);
        let l = labels(p.lang);
        let t = rendered(&p);
        let headings = t.headings();
        let mut last = 0;
        for (level, text) in &headings {
            assert!(
                *level <= last + 1,
                "{lang}: H{level} {text:?} after H{last}"
            );
            assert!(!text.is_empty(), "{lang}: an empty heading");
            last = *level;
        }
        // Cover, contents, then the sections in the packet's order.
        let mut expected = Vec::new();
        for section in &p.sections {
            match section {
                Section::Cover => expected.push(p.title.clone()),
                Section::Contents => expected.push(l.contents.to_string()),
                Section::Overview => expected.push(l.overview.to_string()),
                Section::Pillars => {
                    for pillar in &p.pillars {
                        expected.push(pillar.title.clone());
                        expected.extend(pillar.initiatives.iter().map(|i| i.title.clone()));
                    }
                }
                Section::Timeline => expected.push(l.timeline.to_string()),
                Section::ChangesSince => expected.push(l.changes_since.to_string()),
                Section::Sources => expected.push(l.sources.to_string()),
            }
        }
        let mut rest = headings.iter();
        for want in &expected {
            let want: String = want.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                rest.any(|(_, h)| h.contains(&want)),
                "{lang}: heading {want:?} missing or out of order in {headings:?}"
            );
        }
        let top: Vec<&str> = t.elems[0]
            .children
            .iter()
            .map(|c| t.elems[*c].role.as_str())
            .collect();
        assert_eq!(
            &top[..3],
            &["Sect", "Sect", "Sect"],
            "{lang}: cover, contents, overview"
        );
        assert!(top.contains(&"Part"), "{lang}: pillars are parts: {top:?}");
    }
}

#[test]
fn entries_are_list_items_with_their_status_line_and_notes_after_the_text() {
    let p = packet("en");
    let t = rendered(&p);
    let first = &p.pillars[0].initiatives[0].entries[0];
    let item = t
        .with_role("LI")
        .find(|i| norm(&t.text_of(*i)).contains(&norm(&first.text)))
        .expect("the first entry is a list item");
    let kids: Vec<&str> = t.elems[item]
        .children
        .iter()
        .map(|c| t.elems[*c].role.as_str())
        .collect();
    assert_eq!(kids, ["Lbl", "LBody"]);
    assert_eq!(t.text_of(t.elems[item].children[0]), "•");
    let body = t.elems[item].children[1];
    let paras: Vec<String> = t.elems[body]
        .children
        .iter()
        .map(|c| t.text_of(*c))
        .collect();
    assert!(norm(&paras[0]).contains(&norm(&first.text)), "{paras:?}");
    assert!(
        paras[1].contains("Source:"),
        "the source reference follows its entry: {paras:?}"
    );
    assert!(
        paras[2].contains("Agreed at the September 2021 meeting."),
        "{paras:?}"
    );
    assert!(t
        .with_role("L")
        .all(|l| t.elems[l].children.iter().all(|c| t.elems[*c].role == "LI")));
    let note = t.with_role("P").any(|i| {
        t.text_of(i)
            .contains("Welcome the progress on supply chains.")
    });
    assert!(note, "the initiative's note is a paragraph");
}

#[test]
fn tables_have_scoped_header_cells_and_read_row_by_row() {
    let p = packet("es");
    let t = rendered(&p);
    let tables: Vec<usize> = t.with_role("Table").collect();
    assert!(tables.len() >= 2, "overview and timeline tables");
    for table in &tables {
        let parts: Vec<&str> = t.elems[*table]
            .children
            .iter()
            .map(|c| t.elems[*c].role.as_str())
            .collect();
        assert_eq!(parts, ["THead", "TBody"]);
        let head = t.elems[*table].children[0];
        let row = t.elems[head].children[0];
        for th in &t.elems[row].children {
            let e = &t.elems[*th];
            assert_eq!(e.role, "TH");
            let scope = e.attrs.as_ref().and_then(|a| a.get(b"Scope").ok());
            assert_eq!(scope.and_then(|s| s.as_name().ok()), Some(&b"Column"[..]));
        }
    }
    // The timeline: header once, then the packet's rows in order, cell by cell.
    let l = labels(p.lang);
    let timeline = *tables.last().unwrap();
    let body = t.elems[timeline].children[1];
    let rows = &t.elems[body].children;
    assert_eq!(rows.len(), p.timeline.len());
    for (row, expected) in rows.iter().zip(&p.timeline).take(5) {
        let cells: Vec<String> = t.elems[*row]
            .children
            .iter()
            .map(|c| t.text_of(*c))
            .collect();
        assert_eq!(cells.len(), 5);
        let cell = norm(&cells[2]);
        assert!(
            cell.starts_with(&prefix(&expected.initiative, 20)),
            "{cells:?}"
        );
        assert!(cell.contains(&prefix(&expected.text, 30)), "{cells:?}");
    }
    let head = t.text_of(t.elems[timeline].children[0]);
    assert_eq!(
        head,
        [l.date, l.pillar, l.entry, l.status, l.agencies].join(" ")
    );
}

#[test]
fn the_chart_is_a_figure_whose_alternative_text_states_the_counts() {
    let p = packet("en");
    let t = rendered(&p);
    let figures: Vec<usize> = t.with_role("Figure").collect();
    assert_eq!(figures.len(), 1);
    let alt = t.elems[figures[0]]
        .alt
        .clone()
        .expect("the figure has /Alt");
    for row in &p.overview.by_pillar {
        let total: u32 = row.by_status.iter().map(|(_, n)| n).sum();
        assert!(alt.contains(&format!("Total {total}.")), "{alt}");
        for (status, n) in row.by_status.iter().filter(|(_, n)| *n > 0) {
            let name = briefbook::render::i18n::status(p.lang, *status);
            assert!(alt.contains(&format!("{name} {n}")), "{alt}");
        }
    }
    let bbox = t.elems[figures[0]]
        .attrs
        .as_ref()
        .and_then(|a| a.get(b"BBox").ok());
    assert!(bbox.is_some(), "the figure has a bounding box");
}

#[test]
fn contents_rows_are_tagged_links_that_own_their_annotations() {
    let t = rendered(&packet("en"));
    let catalog = t.catalog();
    let tree = deref(&t.doc, catalog.get(b"StructTreeRoot").unwrap())
        .as_dict()
        .unwrap();
    let nums = deref(&t.doc, tree.get(b"ParentTree").unwrap())
        .as_dict()
        .unwrap();
    let nums = nums.get(b"Nums").unwrap().as_array().unwrap();
    let parent_tree: BTreeMap<i64, &Object> = nums
        .chunks(2)
        .map(|c| (c[0].as_i64().unwrap(), &c[1]))
        .collect();
    let mut links = 0;
    for (index, page) in t.pages.iter().enumerate() {
        let d = t.doc.get_dictionary(*page).unwrap();
        assert_eq!(
            d.get(b"Tabs").unwrap().as_name().unwrap(),
            b"S",
            "page {index}: /Tabs /S"
        );
        // The ParentTree entry of this page lists the owner of each MCID.
        if let Ok(key) = d.get(b"StructParents") {
            let owners = parent_tree[&key.as_i64().unwrap()].as_array().unwrap();
            for (mcid, owner) in owners.iter().enumerate() {
                let owner = owner.as_reference().unwrap();
                let e = t
                    .elems
                    .iter()
                    .find(|e| e.id == Some(owner))
                    .expect("the owner is in the tree");
                assert!(
                    e.mcids.contains(&(*page, mcid as i64)),
                    "page {index}: MCID {mcid}"
                );
            }
        }
        let Ok(annots) = d.get(b"Annots") else {
            continue;
        };
        for annot in annots.as_array().unwrap() {
            let id = annot.as_reference().unwrap();
            let a = t.doc.get_dictionary(id).unwrap();
            if a.get(b"Subtype").unwrap().as_name().unwrap() != b"Link" {
                continue;
            }
            links += 1;
            assert!(!text_string(a.get(b"Contents").expect("/Contents")).is_empty());
            let key = a
                .get(b"StructParent")
                .expect("/StructParent")
                .as_i64()
                .unwrap();
            let owner = parent_tree[&key].as_reference().unwrap();
            let e = t.elems.iter().find(|e| e.id == Some(owner)).unwrap();
            assert_eq!(e.role, "Link");
            assert_eq!(
                e.objrs,
                [id],
                "the Link element holds the annotation as OBJR"
            );
        }
    }
    assert!(links >= 10, "{links} links");
    let tocis: Vec<usize> = t.with_role("TOCI").collect();
    assert!(tocis.len() >= 10);
    assert!(tocis.iter().all(|i| t.elems[*i]
        .children
        .iter()
        .any(|c| t.elems[*c].role == "Link")));
}

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
