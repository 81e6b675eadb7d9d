//! What goes where on a report sheet: title block, key-value header lines, the table, the
//! signature lines, the footer note and page numbers; does not own the table's drawing and
//! page breaks (`layout::table`) nor the sheet's validation (`crate::sheet`).

use super::table::{table_with, Align, Column, Extras};
use super::{
    number_pages, styled, Flow, Op, Page, BLACK, CONTENT_WIDTH, GREY, LEFT, PAGE_WIDTH, RIGHT, TOP,
};
use crate::error::DocumentError;
use crate::sheet::{Sheet, SheetAlign};
use crate::text::Measure;

/// 五号 for the header lines and signatures, 小五 in the table: the usual sizes of a
/// printed form, and small enough for a 26-character case number in a fifth of the width.
const BODY: f32 = 10.5;
const TABLE: f32 = 9.0;
const SMALL: f32 = 9.0;
const SUBTITLE: f32 = 15.0;
const TITLE: f32 = 20.0;
/// Room to sign above each signature line.
const SIGNATURE_ROW: f32 = 34.0;
/// The shortest line worth signing on: a name in two to four characters, written large.
const SIGNATURE_LINE: f32 = 60.0;

/// The whole sheet as pages of drawing operations; refuses a malformed sheet first.
pub(crate) fn layout(sheet: &Sheet, measure: &Measure<'_>) -> Result<Vec<Page>, DocumentError> {
    sheet.validate()?;
    let continuation = vec![
        format!("{}（续）", sheet.title),
        sheet.reference.clone().unwrap_or_default(),
    ];
    let mut flow = Flow::new(measure, continuation);

    header(&mut flow, sheet);
    fields(&mut flow, &sheet.fields);
    flow.gap(6.0);
    let columns = columns(sheet);
    let extras = Extras {
        totals: sheet.totals.as_deref(),
        empty: Some(sheet.empty_text.as_str()).filter(|t| !t.is_empty()),
    };
    table_with(&mut flow, &columns, &sheet.rows, extras, TABLE);
    signatures(&mut flow, &sheet.signatures);
    if let Some(note) = &sheet.footer {
        flow.gap(10.0);
        flow.paragraph(note, SMALL, 0.0, GREY);
    }

    let mut pages = flow.pages;
    // Always numbered: whoever receives a handover sheet can tell that none is missing.
    number_pages(&mut pages, measure, true);
    Ok(pages)
}

/// Subtitle, title (bold, wrapped if it must), reference on the right, and a rule.
fn header(flow: &mut Flow<'_>, sheet: &Sheet) {
    let centre = PAGE_WIDTH / 2.0;
    let mut baseline = TOP;
    if let Some(subtitle) = &sheet.subtitle {
        let op = flow
            .pen
            .centered(centre, TOP + SUBTITLE, SUBTITLE, subtitle);
        flow.push(op);
        baseline += 24.0;
    }
    for line in flow
        .pen
        .measure
        .wrap(&sheet.title, TITLE, CONTENT_WIDTH, 0.0)
    {
        baseline += TITLE * 1.1;
        let op = flow.pen.centered(centre, baseline, TITLE, &line);
        flow.push(styled(op, BLACK, true));
    }
    if let Some(reference) = &sheet.reference {
        baseline += 24.0;
        let op = flow.pen.right_aligned(RIGHT, baseline, 10.5, reference);
        flow.push(op);
    }
    flow.push(Op::Line {
        from: (LEFT, baseline + 8.0),
        to: (RIGHT, baseline + 8.0),
        width: 1.0,
        color: BLACK,
    });
    flow.y = baseline + 18.0;
}

/// "部门：示例县市场监督管理局"; the caller may or may not have put the colon on the key.
fn label(key: &str) -> String {
    format!("{}：", key.trim_end_matches(['：', ':']))
}

/// Two fields to a row while both fit in half the width, otherwise one, its value wrapping
/// under itself.
fn fields(flow: &mut Flow<'_>, fields: &[(String, String)]) {
    let half = CONTENT_WIDTH / 2.0;
    let leading = BODY * 1.75;
    let fits = |flow: &Flow<'_>, (key, value): &(String, String)| {
        flow.pen.measure.width(&label(key), BODY) + flow.pen.measure.width(value, BODY)
            <= half - BODY
    };
    let mut i = 0;
    while let Some(first) = fields.get(i) {
        match fields.get(i + 1) {
            Some(second) if fits(flow, first) && fits(flow, second) => {
                flow.ensure(leading);
                for (x, (key, value)) in [(LEFT, first), (LEFT + half, second)] {
                    let text = format!("{}{value}", label(key));
                    let op = flow.pen.text(x, flow.y + BODY, BODY, &text);
                    flow.push(op);
                }
                flow.y += leading;
                i += 2;
            }
            _ => {
                let (key, value) = first;
                let label = label(key);
                let width = flow.pen.measure.width(&label, BODY);
                flow.field(&label, width, value, BODY);
                i += 1;
            }
        }
    }
}

/// The sheet's columns with their weights turned into widths across the content area.
fn columns(sheet: &Sheet) -> Vec<Column<'_>> {
    let total: f32 = sheet.columns.iter().map(|c| c.weight).sum();
    sheet
        .columns
        .iter()
        .map(|c| Column {
            title: &c.title,
            width: CONTENT_WIDTH * c.weight / total,
            align: match c.align {
                SheetAlign::Left => Align::Left,
                SheetAlign::Center => Align::Center,
                SheetAlign::Right => Align::Right,
            },
        })
        .collect()
}

/// "交出人签字：______" side by side, as many to a row as leave each a line worth signing
/// on; the whole block stays on one page.
fn signatures(flow: &mut Flow<'_>, labels: &[String]) {
    if labels.is_empty() {
        return;
    }
    let labels: Vec<String> = labels.iter().map(|l| label(l)).collect();
    let widest = labels
        .iter()
        .map(|l| flow.pen.measure.width(l, BODY))
        .fold(0.0, f32::max);
    let gap = 2.0 * BODY;
    let per_row = ((CONTENT_WIDTH + gap) / (widest + SIGNATURE_LINE + gap)).floor() as usize;
    let per_row = per_row.clamp(1, labels.len());
    let slot = (CONTENT_WIDTH - gap * (per_row - 1) as f32) / per_row as f32;
    let rows = labels.len().div_ceil(per_row);

    flow.gap(14.0);
    flow.ensure(rows as f32 * SIGNATURE_ROW);
    for chunk in labels.chunks(per_row) {
        let baseline = flow.y + SIGNATURE_ROW - 10.0;
        for (j, text) in chunk.iter().enumerate() {
            let x = LEFT + j as f32 * (slot + gap);
            let op = flow.pen.text(x, baseline, BODY, text);
            flow.push(op);
            let start = x + flow.pen.measure.width(text, BODY) + 2.0;
            flow.push(Op::Line {
                from: (start, baseline + 3.0),
                to: ((x + slot).max(start + 24.0), baseline + 3.0),
                width: 0.6,
                color: BLACK,
            });
        }
        flow.y += SIGNATURE_ROW;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::BOTTOM;
    use crate::sheet::SheetColumn;

    fn sheet(rows: usize) -> Sheet {
        Sheet {
            title: "AB岗交接单".into(),
            subtitle: Some("示例县政务服务中心".into()),
            reference: Some("交接单号：AB-2026-0012".into()),
            fields: vec![
                ("窗口".into(), "03号窗口".into()),
                ("交出人 A".into(), "李建国".into()),
                (
                    "事由".into(),
                    "参加市局组织的食品经营许可业务培训，为期三个工作日，期间由B岗顶岗".into(),
                ),
            ],
            columns: vec![
                SheetColumn::new("办件编号", 3.0, SheetAlign::Left),
                SheetColumn::new("事项", 3.0, SheetAlign::Left),
                SheetColumn::new("状态", 1.0, SheetAlign::Center),
            ],
            rows: (1..=rows)
                .map(|i| vec![format!("CASE-{i:04}"), "食品经营许可".into(), "受理".into()])
                .collect(),
            totals: None,
            empty_text: "无未办结办件".into(),
            signatures: vec!["交出人签字".into(), "接收人签字".into()],
            footer: Some("本交接单一式两份。".into()),
        }
    }

    fn texts(page: &Page) -> Vec<&str> {
        page.iter()
            .filter_map(|op| match op {
                Op::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn short_fields_share_a_row_and_a_long_one_takes_its_own() {
        let font = crate::test_font();
        let measure = Measure::new(&font).unwrap();
        let pages = layout(&sheet(1), &measure).unwrap();
        let y_of = |needle: &str| {
            pages[0]
                .iter()
                .find_map(|op| match op {
                    Op::Text { text, y, .. } if text.starts_with(needle) => Some(*y),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("{needle} not drawn"))
        };
        assert_eq!(y_of("窗口："), y_of("交出人 A："));
        assert!(y_of("事由：") > y_of("窗口："));
    }

    #[test]
    fn an_empty_sheet_says_so_across_the_table() {
        let font = crate::test_font();
        let measure = Measure::new(&font).unwrap();
        let pages = layout(&sheet(0), &measure).unwrap();
        let page = texts(&pages[0]);
        assert!(page.contains(&"无未办结办件"), "{page:?}");
        assert!(page.contains(&"第 1 页　共 1 页"), "{page:?}");
    }

    #[test]
    fn the_totals_row_is_bold_under_a_heavier_rule() {
        let font = crate::test_font();
        let measure = Measure::new(&font).unwrap();
        let mut totals = sheet(2);
        totals.totals = Some(vec!["合计".into(), String::new(), "2 件".into()]);
        let pages = layout(&totals, &measure).unwrap();
        let bold = |needle: &str| {
            pages[0]
                .iter()
                .any(|op| matches!(op, Op::Text { text, bold: true, .. } if text == needle))
        };
        assert!(bold("合计") && bold("2 件"));
        assert!(!bold("CASE-0001"));
        let heavy = pages[0]
            .iter()
            .filter(|op| matches!(op, Op::Line { width, .. } if *width > 1.2))
            .count();
        // Heavier than the title rule and the cell borders: only the one above the totals.
        assert_eq!(heavy, 1);
    }

    #[test]
    fn a_long_sheet_keeps_its_cells_inside_the_margins_and_repeats_the_header() {
        let font = crate::test_font();
        let measure = Measure::new(&font).unwrap();
        let pages = layout(&sheet(80), &measure).unwrap();
        assert!(pages.len() >= 2);
        for page in &pages {
            assert!(texts(page).contains(&"办件编号"));
            for op in page {
                if let Op::Rect { y, h, .. } = op {
                    assert!(y + h <= BOTTOM + 0.01, "rect to {}", y + h);
                }
            }
        }
        assert!(texts(&pages[1]).contains(&"AB岗交接单（续）"));
        assert!(texts(&pages[1]).contains(&"交接单号：AB-2026-0012"));
    }
}
