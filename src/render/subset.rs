//! Font subsetting: only the glyphs a packet uses are embedded (allsorts, the subsetter
//! printpdf itself links). printpdf 0.12.8 subsets only with its heavy `text_layout`
//! feature, so we subset before handing the font over and address glyphs by new id.

use super::fonts::Style;
use std::collections::{BTreeMap, BTreeSet};

/// A subset face: its bytes and the old -> new glyph id map.
pub struct Subset {
    pub bytes: Vec<u8>,
    pub map: BTreeMap<u16, u16>,
    /// `map` as a table indexed by old id (0 where absent): every glyph on every page is
    /// looked up, and a tree search per glyph showed in profiles.
    dense: Vec<u16>,
}

impl Subset {
    /// The new id of original glyph `gid`; 0 (.notdef) when the subset lacks it.
    pub fn new_id(&self, gid: u16) -> u16 {
        self.dense.get(gid as usize).copied().unwrap_or(0)
    }
}

/// Subsets `style`'s face to `used` glyphs (plus .notdef, which must stay glyph 0).
pub fn subset(style: Style, used: &BTreeSet<u16>) -> Result<Subset, String> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile};

    let ids: Vec<u16> = std::iter::once(0)
        .chain(used.iter().copied().filter(|g| *g != 0))
        .collect();
    let scope = ReadScope::new(style.bytes());
    let font = scope.read::<FontData<'_>>().map_err(|e| e.to_string())?;
    let provider = font.table_provider(0).map_err(|e| e.to_string())?;
    let bytes = allsorts::subset::subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| e.to_string())?;
    // allsorts renumbers each requested glyph to its position in `ids`.
    let map: BTreeMap<u16, u16> = ids
        .iter()
        .enumerate()
        .map(|(new, old)| (*old, new as u16))
        .collect();
    let mut dense = vec![0; ids.iter().max().map_or(0, |m| *m as usize + 1)];
    for (old, new) in &map {
        dense[*old as usize] = *new;
    }
    Ok(Subset { bytes, map, dense })
}
