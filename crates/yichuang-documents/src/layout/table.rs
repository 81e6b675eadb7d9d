//! A ruled table whose rows wrap inside their cells and continue on the next page, header
//! repeated, so a long 一次性告知 list is never cut off at the bottom of a sheet.

use super::{styled, Flow, Op, BLACK, LEFT, LIGHT_GREY};

#[derive(Debug, Clone, Copy)]
pub(crate) enum Align {
    Left,
    Center,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Column<'t> {
    pub(crate) title: &'t str,
    pub(crate) width: f32,
    pub(crate) align: Align,
}

const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.0;
const RULE: f32 = 0.6;

pub(crate) fn table(flow: &mut Flow<'_>, columns: &[Column<'_>], rows: &[Vec<String>], size: f32) {
    let header: Vec<String> = columns.iter().map(|c| c.title.to_owned()).collect();
    let header_height = row_height(flow, columns, &header, size);
    // A header alone at the foot of a page is useless: keep it with the first row.
    let first = rows
        .first()
        .map_or(0.0, |r| row_height(flow, columns, r, size));
    flow.ensure(header_height + first);
    draw_row(flow, columns, &header, size, true);
    for row in rows {
        let height = row_height(flow, columns, row, size);
        if height > flow.remaining() {
            flow.ensure(height);
            draw_row(flow, columns, &header, size, true);
        }
        draw_row(flow, columns, row, size, false);
    }
}

fn leading(size: f32) -> f32 {
    size * 1.4
}

fn cell_lines(flow: &Flow<'_>, column: &Column<'_>, text: &str, size: f32) -> Vec<String> {
    flow.pen
        .measure
        .wrap(text, size, column.width - 2.0 * PAD_X, 0.0)
}

fn row_height(flow: &Flow<'_>, columns: &[Column<'_>], cells: &[String], size: f32) -> f32 {
    let lines = columns
        .iter()
        .zip(cells)
        .map(|(c, t)| cell_lines(flow, c, t, size).len())
        .max()
        .unwrap_or(1);
    2.0 * PAD_Y + lines as f32 * leading(size)
}

fn draw_row(
    flow: &mut Flow<'_>,
    columns: &[Column<'_>],
    cells: &[String],
    size: f32,
    header: bool,
) {
    let height = row_height(flow, columns, cells, size);
    let top = flow.y;
    let mut x = LEFT;
    for (column, text) in columns.iter().zip(cells) {
        flow.push(Op::Rect {
            x,
            y: top,
            w: column.width,
            h: height,
            fill: header.then_some(LIGHT_GREY),
            stroke: Some((BLACK, RULE)),
        });
        for (i, line) in cell_lines(flow, column, text, size).iter().enumerate() {
            // Baseline: centred in the line box (CJK glyphs sit ~0.88 em above it).
            let baseline = top + PAD_Y + (leading(size) - size) / 2.0 + size * 0.88;
            let baseline = baseline + i as f32 * leading(size);
            let op = match column.align {
                Align::Left => flow.pen.text(x + PAD_X, baseline, size, line),
                Align::Center => flow
                    .pen
                    .centered(x + column.width / 2.0, baseline, size, line),
            };
            flow.push(styled(op, BLACK, header));
        }
        x += column.width;
    }
    flow.y = top + height;
}
