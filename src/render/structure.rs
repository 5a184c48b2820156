//! The logical structure of a packet, recorded while pages are laid out: a tree of
//! structure elements (Document, Sect, H1, P, L, Table, ...) in reading order, and for
//! every painted mark either the element it belongs to or the kind of artifact it is.
//! `tags` writes this as the PDF's structure tree; `content` as marked content.

use crate::model::Lang;

/// A standard structure type of tagged PDF (ISO 32000-1, 14.8.4), written as `/S`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Document,
    Part,
    Sect,
    H1,
    H2,
    H3,
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    THead,
    TBody,
    TR,
    TH,
    TD,
    TOC,
    TOCI,
    Link,
    Figure,
}

impl Role {
    /// The structure type's name, as written in the file.
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Part => "Part",
            Role::Sect => "Sect",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::THead => "THead",
            Role::TBody => "TBody",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::TOC => "TOC",
            Role::TOCI => "TOCI",
            Role::Link => "Link",
            Role::Figure => "Figure",
        }
    }

    /// 1..=3 for headings.
    pub fn heading_level(self) -> Option<u8> {
        match self {
            Role::H1 => Some(1),
            Role::H2 => Some(2),
            Role::H3 => Some(3),
            _ => None,
        }
    }
}

/// An element's index in [`StructTree::nodes`].
pub type NodeId = usize;

/// Kinds of page furniture, which assistive technology skips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Artifact {
    /// Running head: marking and packet title at the top of a page.
    Header,
    /// Running foot: prepared-on date, "Page N of M", marking at the bottom.
    Footer,
    /// Rules, backgrounds, leaders, and table header rows repeated on later pages.
    Layout,
}

/// What a painted mark is: content of a structure element, or an artifact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Node(NodeId),
    Artifact(Artifact),
}

/// A structure element. Children come in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub role: Role,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    /// Set when the element's text is not in the document's language.
    pub lang: Option<Lang>,
    /// Alternative text (figures).
    pub alt: Option<String>,
    /// Bounding box in points, `[left, bottom, right, top]` (figures).
    pub bbox: Option<[f32; 4]>,
}

/// The structure tree under construction: `open` and `close` nest groups, `leaf` adds an
/// element that receives content. Element 0 is the `Document`.
#[derive(Debug, Clone, PartialEq)]
pub struct StructTree {
    pub nodes: Vec<Node>,
    stack: Vec<NodeId>,
}

impl Default for StructTree {
    fn default() -> Self {
        StructTree::new()
    }
}

impl StructTree {
    pub fn new() -> StructTree {
        StructTree {
            nodes: vec![Node {
                role: Role::Document,
                parent: None,
                children: Vec::new(),
                lang: None,
                alt: None,
                bbox: None,
            }],
            stack: vec![0],
        }
    }

    /// The innermost open group.
    pub fn current(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(0)
    }

    /// Adds an element under the innermost open group, without opening it.
    pub fn leaf(&mut self, role: Role) -> NodeId {
        let parent = self.current();
        let id = self.nodes.len();
        self.nodes.push(Node {
            role,
            parent: Some(parent),
            children: Vec::new(),
            lang: None,
            alt: None,
            bbox: None,
        });
        self.nodes[parent].children.push(id);
        id
    }

    /// Adds an element as child number `at` of `parent` (content placed after layout,
    /// such as the cover's marking, read before what the cover says).
    pub fn insert_leaf(&mut self, parent: NodeId, at: usize, role: Role) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            role,
            parent: Some(parent),
            children: Vec::new(),
            lang: None,
            alt: None,
            bbox: None,
        });
        let children = &mut self.nodes[parent].children;
        children.insert(at.min(children.len()), id);
        id
    }

    /// Adds an element and makes it the innermost open group.
    pub fn open(&mut self, role: Role, lang: Option<Lang>) -> NodeId {
        let id = self.leaf(role);
        self.nodes[id].lang = lang;
        self.stack.push(id);
        id
    }

    /// Closes the innermost open group; the Document itself never closes.
    pub fn close(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_nest_and_leaves_attach_to_the_innermost_group() {
        let mut t = StructTree::new();
        let sect = t.open(Role::Sect, None);
        let h = t.leaf(Role::H1);
        let list = t.open(Role::L, Some(Lang::En));
        let item = t.open(Role::LI, None);
        t.close();
        t.close();
        let p = t.leaf(Role::P);
        t.close();
        t.close(); // one close too many: the Document stays open
        assert_eq!(t.nodes[0].children, vec![sect]);
        assert_eq!(t.nodes[sect].children, vec![h, list, p]);
        assert_eq!(t.nodes[list].children, vec![item]);
        assert_eq!(t.nodes[list].lang, Some(Lang::En));
        assert_eq!(t.current(), 0);
        let first = t.insert_leaf(sect, 0, Role::P);
        assert_eq!(t.nodes[sect].children, vec![first, h, list, p]);
    }
}
