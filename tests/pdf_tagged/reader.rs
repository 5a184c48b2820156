//! Reads a packet back with lopdf: the structure tree (elements in document order with
//! their MCIDs, annotations, alternative text and attributes), the text painted in each
//! marked-content sequence (decoded through the fonts' ToUnicode maps), and the artifacts.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::{HashMap, HashSet};

/// A structure element as read back, in document (pre-)order.
#[derive(Debug, Default)]
pub struct Elem {
    pub role: String,
    pub depth: usize,
    pub id: Option<ObjectId>,
    /// Marked content it owns: (page, MCID), in `/K` order.
    pub mcids: Vec<(ObjectId, i64)>,
    /// Annotations it owns (OBJR).
    pub objrs: Vec<ObjectId>,
    pub alt: Option<String>,
    pub attrs: Option<Dictionary>,
    /// Indexes of child elements.
    pub children: Vec<usize>,
}

/// One packet read back: structure tree, text of each marked-content sequence, artifacts.
pub struct Tagged {
    pub doc: Document,
    pub pages: Vec<ObjectId>,
    pub elems: Vec<Elem>,
    /// Text painted in each MCID sequence, keyed by (page, MCID).
    pub text: HashMap<(ObjectId, i64), String>,
    /// Text painted as artifacts, by page index: (artifact subtype, text).
    pub artifacts: Vec<Vec<(String, String)>>,
}

pub fn text_string(o: &Object) -> String {
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

pub fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
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
    pub fn read(bytes: &[u8]) -> Tagged {
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

    pub fn catalog(&self) -> &Dictionary {
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
    pub fn text_of(&self, index: usize) -> String {
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

    pub fn with_role<'a>(&'a self, role: &'a str) -> impl Iterator<Item = usize> + 'a {
        (0..self.elems.len()).filter(move |i| self.elems[*i].role == role)
    }

    pub fn headings(&self) -> Vec<(u8, String)> {
        (0..self.elems.len())
            .filter_map(|i| {
                let level = self.elems[i].role.strip_prefix('H')?.parse().ok()?;
                Some((level, self.text_of(i)))
            })
            .collect()
    }
}
