//! A ruled table whose rows wrap inside their cells and continue on the next page, header
//! repeated, so a long 一次性告知 list or handover list is never cut off at the bottom of a
//! sheet; does not own column widths (the caller's) nor what the cells say.

use super::{styled, Flow, Op, BLACK, GREY, LEFT, LIGHT_GREY};

#[derive(Debug, Clone, Copy)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Column<'t> {
    pub(crate) title: &'t str,
    pub(crate) width: f32,
    pub(crate) align: Align,
}

/// What a table may carry besides its plain rows.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Extras<'r> {
    /// A last row set bold under a heavier rule (合计).
    pub(crate) totals: Option<&'r [String]>,
    /// Printed across all columns when there are no rows, so an empty list reads as
    /// "nothing open", not as a forgotten table.
    pub(crate) empty: Option<&'r str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Header,
    Body,
    Total,
    Empty,
}

/// One row to draw, with the columns it is laid over (all of them, or one spanning them).
struct Row<'a> {
    columns: &'a [Column<'a>],
    cells: &'a [String],
    style: Style,
}

const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.0;
const RULE: f32 = 0.6;
const TOTALS_RULE: f32 = 1.5;

pub(crate) fn table(flow: &mut Flow<'_>, columns: &[Column<'_>], rows: &[Vec<String>], size: f32) {
    table_with(flow, columns, rows, Extras::default(), size);
}

pub(crate) fn table_with(
    flow: &mut Flow<'_>,
    columns: &[Column<'_>],
    rows: &[Vec<String>],
    extras: Extras<'_>,
    size: f32,
) {
    let header_cells: Vec<String> = columns.iter().map(|c| c.title.to_owned()).collect();
    let header = Row {
        columns,
        cells: &header_cells,
        style: Style::Header,
    };
    let span = [Column {
        title: "",
        width: columns.iter().map(|c| c.width).sum(),
        align: Align::Center,
    }];
    let empty_cells: Vec<String> = extras.empty.map(str::to_owned).into_iter().collect();
    let mut body: Vec<Row<'_>> = rows
        .iter()
        .map(|cells| Row {
            columns,
            cells,
            style: Style::Body,
        })
        .collect();
    if body.is_empty() && !empty_cells.is_empty() {
        body.push(Row {
            columns: &span,
            cells: &empty_cells,
            style: Style::Empty,
        });
    }
    if let Some(cells) = extras.totals {
        body.push(Row {
            columns,
            cells,
            style: Style::Total,
        });
    }

    let header_height = row_height(flow, &header, size);
    // A header alone at the foot of a page is useless: keep it with the first row.
    let first = body.first().map_or(0.0, |r| row_height(flow, r, size));
    flow.ensure(header_height + first);
    draw_row(flow, &header, size);
    for row in &body {
        let height = row_height(flow, row, size);
        if height > flow.remaining() {
            flow.ensure(height);
            draw_row(flow, &header, size);
        }
        draw_row(flow, row, size);
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

fn row_height(flow: &Flow<'_>, row: &Row<'_>, size: f32) -> f32 {
    let lines = row
        .columns
        .iter()
        .zip(row.cells)
        .map(|(c, t)| cell_lines(flow, c, t, size).len())
        .max()
        .unwrap_or(1);
    2.0 * PAD_Y + lines as f32 * leading(size)
}

fn draw_row(flow: &mut Flow<'_>, row: &Row<'_>, size: f32) {
    let height = row_height(flow, row, size);
    let top = flow.y;
    let mut x = LEFT;
    let (color, bold) = match row.style {
        Style::Header | Style::Total => (BLACK, true),
        Style::Body => (BLACK, false),
        Style::Empty => (GREY, false),
    };
    for (column, text) in row.columns.iter().zip(row.cells) {
        flow.push(Op::Rect {
            x,
            y: top,
            w: column.width,
            h: height,
            fill: (row.style == Style::Header).then_some(LIGHT_GREY),
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
                Align::Right => {
                    flow.pen
                        .right_aligned(x + column.width - PAD_X, baseline, size, line)
                }
            };
            flow.push(styled(op, color, bold));
        }
        x += column.width;
    }
    if row.style == Style::Total {
        flow.push(Op::Line {
            from: (LEFT, top),
            to: (x, top),
            width: TOTALS_RULE,
            color: BLACK,
        });
    }
    flow.y = top + height;
}
