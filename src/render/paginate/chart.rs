//! Places the bar chart: one stacked bar per row with its label and total, then a
//! legend. All of it is one `Figure` element whose alternative text states the counts.

use super::{Item, Paginator, CHART_ROW};
use crate::render::fonts::Style;
use crate::render::structure::{Mark, Role};
use crate::render::text::Typesetter;
use crate::render::tree::{BarChart, INK, MUTED};

impl Paginator {
    pub(super) fn place_chart(&mut self, chart: &BarChart, ts: &mut Typesetter) {
        let size = 8.5;
        let label_w = 70.0;
        let height = chart.rows.len() as f32 * CHART_ROW + 30.0;
        if height > self.room() && !self.at_top() {
            self.new_page();
        }
        let left = self.frame.left;
        let figure = self.laid.structure.leaf(Role::Figure);
        let node = &mut self.laid.structure.nodes[figure];
        node.alt = Some(chart.alt.clone());
        node.bbox = Some([left, self.y - height, self.frame.right, self.y]);
        let mark = Mark::Node(figure);
        let bar_left = left + label_w;
        let bar_w = self.frame.measure() - label_w - 30.0;
        let max = chart
            .rows
            .iter()
            .map(|(_, v)| v.iter().sum::<u32>())
            .max()
            .unwrap_or(1)
            .max(1) as f32;
        let mut items = Vec::new();
        let mut y = self.y - 4.0;
        for (label, values) in &chart.rows {
            let base = y - CHART_ROW + 4.0;
            items.push(Item::Text {
                x: left,
                y: base + 3.0,
                line: ts.line(Style::Regular, INK, label, size),
                mark,
            });
            let mut x = bar_left;
            for (v, (_, color)) in values.iter().zip(&chart.series) {
                let w = *v as f32 / max * bar_w;
                if w > 0.0 {
                    items.push(Item::Rect {
                        x,
                        y: base,
                        w,
                        h: CHART_ROW - 5.0,
                        fill: *color,
                        mark,
                    });
                }
                x += w;
            }
            let total: u32 = values.iter().sum();
            items.push(Item::Text {
                x: x + 4.0,
                y: base + 3.0,
                line: ts.line(Style::Regular, MUTED, &total.to_string(), size),
                mark,
            });
            y -= CHART_ROW;
        }
        // Legend: a swatch and name per series, left to right.
        let mut x = bar_left;
        let ly = y - 12.0;
        for (name, color) in &chart.series {
            items.push(Item::Rect {
                x,
                y: ly,
                w: 7.0,
                h: 7.0,
                fill: *color,
                mark,
            });
            let line = ts.line(Style::Regular, MUTED, name, size - 0.5);
            let w = line.width;
            items.push(Item::Text {
                x: x + 10.0,
                y: ly + 0.5,
                line,
                mark,
            });
            x += w + 22.0;
        }
        self.page().items.extend(items);
        self.y -= height;
    }
}
