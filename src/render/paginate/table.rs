//! Places a table: split between rows (or inside a row taller than a page), the header
//! row repeated on every page. Structure: Table > THead > TR > TH, then TBody > TR > TD;
//! the repeated header rows are artifacts, so a reader hears the header once.

use super::prepare::Prep;
use super::{baseline, Item, Paginator, LAYOUT, PAD_X, PAD_Y};
use crate::render::structure::{Mark, Role};
use crate::render::text::Line;
use crate::render::tree::{Align, HEADER_FILL};

impl Paginator {
    pub(super) fn place_table(&mut self, prep: &Prep, rest: &[Prep]) {
        let Prep::Table {
            cols,
            header,
            rows,
            leading,
            size,
        } = prep
        else {
            return;
        };
        let header_h =
            header.iter().map(Vec::len).max().unwrap_or(1) as f32 * leading + 2.0 * PAD_Y;
        if Self::lead(prep, rest) > self.room() && !self.at_top() {
            self.new_page();
        }
        let tree = &mut self.laid.structure;
        tree.open(Role::Table, None);
        tree.open(Role::THead, None);
        tree.open(Role::TR, None);
        let marks: Vec<Mark> = header
            .iter()
            .map(|_| Mark::Node(tree.leaf(Role::TH)))
            .collect();
        tree.close();
        tree.close();
        tree.open(Role::TBody, None);
        self.table_header(cols, header, *leading, *size, header_h, Some(&marks));
        for row in rows {
            let tree = &mut self.laid.structure;
            tree.open(Role::TR, None);
            let cells: Vec<Mark> = row
                .iter()
                .map(|_| Mark::Node(tree.leaf(Role::TD)))
                .collect();
            tree.close();
            let mut taken = 0;
            let total = row.iter().map(|(l, _)| l.len()).max().unwrap_or(0).max(1);
            while taken < total {
                let fit = ((self.room() - 2.0 * PAD_Y) / leading + 0.001)
                    .floor()
                    .max(0.0) as usize;
                let remaining = total - taken;
                let full_page = ((self.frame.top - self.frame.bottom - header_h - 2.0 * PAD_Y)
                    / leading)
                    .floor() as usize;
                // Keep a row whole when it fits on a fresh page; split only giant rows.
                let take = if remaining <= fit {
                    remaining
                } else if remaining <= full_page || fit < 2 {
                    0
                } else {
                    fit
                };
                if take == 0 {
                    self.new_page();
                    self.table_header(cols, header, *leading, *size, header_h, None);
                    continue;
                }
                let h = take as f32 * leading + 2.0 * PAD_Y;
                let top = self.y;
                for (((lines, align), (x, w)), mark) in row.iter().zip(cols).zip(&cells) {
                    let end = (taken + take).min(lines.len());
                    for (i, line) in lines.get(taken..end).unwrap_or(&[]).iter().enumerate() {
                        let lx = match align {
                            Align::Right => x + w - PAD_X - line.width,
                            _ => x + PAD_X,
                        };
                        let y = baseline(top - PAD_Y - i as f32 * leading, *leading, *size);
                        self.page().items.push(Item::Text {
                            x: lx,
                            y,
                            line: line.clone(),
                            mark: *mark,
                        });
                    }
                }
                self.y -= h;
                self.rule_across(self.y);
                taken += take;
            }
        }
        self.laid.structure.close();
        self.laid.structure.close();
        self.y -= 10.0;
    }

    /// Draws the header row. `marks` gives the TH elements the first time; repeats on
    /// later pages (`None`) are artifacts.
    fn table_header(
        &mut self,
        cols: &[(f32, f32)],
        header: &[Vec<Line>],
        leading: f32,
        size: f32,
        h: f32,
        marks: Option<&[Mark]>,
    ) {
        let (left, right, top) = (self.frame.left, self.frame.right, self.y);
        let page = self.page();
        page.items.push(Item::Rect {
            x: left,
            y: top - h,
            w: right - left,
            h,
            fill: HEADER_FILL,
            mark: LAYOUT,
        });
        for (c, (lines, (x, _))) in header.iter().zip(cols).enumerate() {
            let mark = marks.and_then(|m| m.get(c)).copied().unwrap_or(LAYOUT);
            for (i, line) in lines.iter().enumerate() {
                let y = baseline(top - PAD_Y - i as f32 * leading, leading, size);
                page.items.push(Item::Text {
                    x: x + PAD_X,
                    y,
                    line: line.clone(),
                    mark,
                });
            }
        }
        self.y -= h;
    }
}
