//! What goes where on a notice: header, particulars, the kind's own text, and the footer
//! with clerk, seal area and QR code.

use chrono::{Datelike, NaiveDate};

use super::table::{table, Align, Column};
use super::{
    number_pages, styled, Flow, Op, Page, Pen, BLACK, BOTTOM, CONTENT_WIDTH, GREY, LEFT,
    PAGE_HEIGHT, PAGE_WIDTH, RED, RIGHT, TOP,
};
use crate::error::DocumentError;
use crate::model::{CorrectionLine, Notice, NoticeBody};
use crate::qr::qr_squares;
use crate::text::Measure;

const BODY: f32 = 12.0;
const SMALL: f32 = 9.0;
const TABLE: f32 = 10.5;
/// Height kept free at the bottom of the last page for clerk, date, seal and QR code.
const FOOTER_HEIGHT: f32 = 140.0;
/// The footer may use part of the bottom margin: it is drawn, never flowed, and the page
/// number sits below it.
const FOOTER_BOTTOM: f32 = BOTTOM + 16.0;
const QR_SIZE: f32 = 78.0;
/// Official seals are 42 mm (119 pt) across; the area leaves a little room around one.
const SEAL_RADIUS: f32 = 62.0;

/// The whole notice as pages of drawing operations.
pub(crate) fn layout(notice: &Notice, measure: &Measure<'_>) -> Result<Vec<Page>, DocumentError> {
    let title = notice.effective_kind().title();
    let continuation = vec![format!("{title}（续）"), format!("编号：{}", notice.number)];
    let mut flow = Flow::new(measure, continuation);

    header(&mut flow, notice, title);
    if let Some(reason) = &notice.voided {
        void_reason(&mut flow, reason);
    }
    particulars(&mut flow, notice);
    flow.paragraph(&format!("{}：", notice.applicant_name), BODY, 0.0, BLACK);
    match &notice.body {
        NoticeBody::Correction { lines, legal_basis } => {
            correction(&mut flow, notice, lines, legal_basis)
        }
        NoticeBody::Acceptance {
            due_date,
            working_days,
            provisional,
            legal_basis,
            calendar_version,
        } => {
            flow.paragraph(
                "经审查，您的申请材料齐全、符合法定形式，决定予以受理。",
                BODY,
                2.0,
                BLACK,
            );
            let mut due = format!(
                "承诺办结日期：{}（{working_days}个工作日）",
                chinese_date(*due_date)
            );
            if *provisional {
                due.push_str("（暂定，待次年节假日安排公布后重算）");
            }
            flow.paragraph(&due, BODY, 2.0, BLACK);
            flow.paragraph(
                "请妥善保管本通知书，可凭办件编号或扫描下方二维码查询办理进度。",
                BODY,
                2.0,
                BLACK,
            );
            flow.paragraph(&format!("法律依据：{legal_basis}"), BODY, 2.0, BLACK);
            flow.paragraph(
                &format!("工作日历版本：{calendar_version}"),
                SMALL,
                0.0,
                GREY,
            );
        }
        NoticeBody::Rejection {
            reason,
            legal_basis,
        } => {
            flow.paragraph(
                &format!("经审查，您申请的“{}”事项，决定不予受理。", notice.item_name),
                BODY,
                2.0,
                BLACK,
            );
            flow.paragraph(&format!("不予受理理由：{reason}"), BODY, 2.0, BLACK);
            flow.paragraph(&format!("法律依据：{legal_basis}"), BODY, 2.0, BLACK);
            flow.paragraph(APPEAL_RIGHTS, BODY, 2.0, BLACK);
        }
        NoticeBody::Completion {
            denied,
            completed_on,
            legal_basis,
            approved_by,
        } => {
            let day = format!(
                "{}年{}月{}日",
                completed_on.year(),
                completed_on.month(),
                completed_on.day()
            );
            match denied {
                None => flow.paragraph(
                    &format!(
                        "您申请的“{}”事项，已于{day}办结，决定准予许可。请凭本通知书领取办理结果。",
                        notice.item_name
                    ),
                    BODY,
                    2.0,
                    BLACK,
                ),
                Some((reason, basis)) => {
                    flow.paragraph(
                        &format!(
                            "您申请的“{}”事项，已于{day}办结，决定不予许可。",
                            notice.item_name
                        ),
                        BODY,
                        2.0,
                        BLACK,
                    );
                    flow.paragraph(&format!("理由：{reason}"), BODY, 2.0, BLACK);
                    flow.paragraph(&format!("法律依据：{basis}"), BODY, 2.0, BLACK);
                    flow.paragraph(APPEAL_RIGHTS, BODY, 2.0, BLACK);
                }
            }
            if let Some(by) = approved_by {
                flow.paragraph(&format!("首席代表审批：{by}"), BODY, 2.0, BLACK);
            }
            flow.paragraph(&format!("依据：{legal_basis}"), BODY, 2.0, BLACK);
        }
    }

    // The footer is kept off the body by at least a line.
    if FOOTER_BOTTOM - FOOTER_HEIGHT - flow.y < BODY {
        flow.new_page();
    }
    let footer = footer(&flow.pen, notice)?;
    let mut pages = flow.pages;
    if let Some(last) = pages.last_mut() {
        last.extend(footer);
    }
    number_pages(&mut pages, measure, false);
    if notice.voided.is_some() {
        for page in &mut pages {
            page.push(void_stamp(measure));
        }
    }
    Ok(pages)
}

/// The applicant's remedies, printed under every refusal or denial.
const APPEAL_RIGHTS: &str = "如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，\
     或者自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。";

fn header(flow: &mut Flow<'_>, notice: &Notice, title: &str) {
    let centre = PAGE_WIDTH / 2.0;
    let op = flow
        .pen
        .centered(centre, TOP + 15.0, 15.0, &notice.center_name);
    flow.push(op);
    let op = flow.pen.centered(centre, TOP + 48.0, 22.0, title);
    flow.push(styled(op, BLACK, true));
    let op = flow
        .pen
        .right_aligned(RIGHT, TOP + 72.0, 10.5, &format!("编号：{}", notice.number));
    flow.push(op);
    flow.push(Op::Line {
        from: (LEFT, TOP + 80.0),
        to: (RIGHT, TOP + 80.0),
        width: 1.0,
        color: BLACK,
    });
    flow.y = TOP + 92.0;
}

/// Why the notice is void, boxed in red right under the header.
fn void_reason(flow: &mut Flow<'_>, reason: &str) {
    let text = format!("作废原因：{reason}");
    let inner = CONTENT_WIDTH - 16.0;
    let lines = flow.pen.measure.wrap(&text, BODY, inner, 0.0);
    let leading = BODY * 1.6;
    let height = lines.len() as f32 * leading + 10.0;
    flow.push(Op::Rect {
        x: LEFT,
        y: flow.y,
        w: CONTENT_WIDTH,
        h: height,
        fill: None,
        stroke: Some((RED, 1.2)),
    });
    for (i, line) in lines.iter().enumerate() {
        let y = flow.y + 5.0 + (leading - BODY) / 2.0 + BODY * 0.88 + i as f32 * leading;
        let op = flow.pen.text(LEFT + 8.0, y, BODY, line);
        flow.push(styled(op, RED, true));
    }
    flow.y += height + 10.0;
}

fn particulars(flow: &mut Flow<'_>, notice: &Notice) {
    let labels = [
        "办件编号：",
        "申请事项：",
        "申 请 人：",
        "证件号码：",
        "办理部门：",
    ];
    let width = labels
        .iter()
        .map(|l| flow.pen.measure.width(l, BODY))
        .fold(0.0, f32::max);
    let values = [
        notice.case_no.clone(),
        format!("{}（事项编码：{}）", notice.item_name, notice.item_code),
        notice.applicant_name.clone(),
        notice.applicant_id_masked.clone(),
        notice.department_name.clone(),
    ];
    for (label, value) in labels.iter().zip(&values) {
        flow.field(label, width, value, BODY);
    }
    flow.gap(6.0);
}

fn correction(flow: &mut Flow<'_>, notice: &Notice, lines: &[CorrectionLine], legal_basis: &str) {
    flow.paragraph(
        &format!(
            "经审查，您申请的“{}”事项材料不齐全或不符合法定形式。根据《中华人民共和国行政许可法》\
             第三十二条，现一次性告知您需补正的全部材料如下：",
            notice.item_name
        ),
        BODY,
        2.0,
        BLACK,
    );
    flow.gap(4.0);
    let fixed = 36.0 + 74.0;
    let flexible = CONTENT_WIDTH - fixed;
    let columns = [
        Column {
            title: "序号",
            width: 36.0,
            align: Align::Center,
        },
        Column {
            title: "材料名称",
            width: flexible * 0.45,
            align: Align::Left,
        },
        Column {
            title: "形式/份数",
            width: 74.0,
            align: Align::Center,
        },
        Column {
            title: "问题",
            width: flexible * 0.55,
            align: Align::Left,
        },
    ];
    let rows: Vec<Vec<String>> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            vec![
                (i + 1).to_string(),
                line.material_name.clone(),
                format!("{} {}份", line.form, line.copies),
                line.problem.describe(),
            ]
        })
        .collect();
    table(flow, &columns, &rows, TABLE);
    flow.gap(8.0);
    flow.paragraph(
        "请补正上述全部材料后再次提交。本通知书已一次性告知全部需补正内容。",
        BODY,
        2.0,
        BLACK,
    );
    flow.paragraph(&format!("法律依据：{legal_basis}"), BODY, 2.0, BLACK);
}

/// Clerk and window, the seal area with department and date (bottom right, where the
/// department stamps over its name), and the QR code of the case number (bottom left).
fn footer(pen: &Pen<'_>, notice: &Notice) -> Result<Vec<Op>, DocumentError> {
    let top = FOOTER_BOTTOM - FOOTER_HEIGHT;
    let mut ops = vec![pen.text(
        LEFT,
        top + BODY,
        BODY,
        &format!(
            "经办人：{}　　受理窗口：{}",
            notice.clerk_name, notice.window
        ),
    )];

    let qr_top = top + 28.0;
    ops.push(Op::Squares {
        rects: qr_squares(&notice.case_no, LEFT, qr_top, QR_SIZE)?,
        color: BLACK,
    });
    let caption = pen.centered(
        LEFT + QR_SIZE / 2.0,
        qr_top + QR_SIZE + 14.0,
        SMALL,
        "扫码查询办件",
    );
    ops.push(styled(caption, GREY, false));

    let cx = RIGHT - SEAL_RADIUS - 6.0;
    let cy = FOOTER_BOTTOM - SEAL_RADIUS - 2.0;
    ops.push(Op::Circle {
        cx,
        cy,
        r: SEAL_RADIUS,
        color: GREY,
        width: 0.8,
        dashed: true,
    });
    ops.push(styled(
        pen.centered(cx, cy - 26.0, SMALL, "（盖章处）"),
        GREY,
        false,
    ));
    for (dy, text) in [
        (6.0, notice.department_name.as_str()),
        (28.0, &chinese_date(notice.issued_at.date())),
    ] {
        // Centred on the seal, but never past the right margin for a long department name.
        let w = pen.measure.width(text, BODY);
        let x = (cx - w / 2.0).min(RIGHT - w);
        ops.push(pen.text(x, cy + dy, BODY, text));
    }
    Ok(ops)
}

/// A large red boxed 作废 across the page, semi-transparent so the voided text stays legible.
fn void_stamp(measure: &Measure<'_>) -> Op {
    let pen = Pen { measure };
    let (cx, cy) = (PAGE_WIDTH / 2.0, PAGE_HEIGHT / 2.0);
    let size = 110.0;
    let text = "作废";
    let w = measure.width(text, size);
    let word = styled(
        pen.text(cx - w / 2.0, cy + size * 0.36, size, text),
        RED,
        true,
    );
    let (bw, bh) = (w + 60.0, size + 40.0);
    Op::Group {
        degrees: -28.0,
        cx,
        cy,
        opacity: 0.55,
        ops: vec![
            Op::Rect {
                x: cx - bw / 2.0,
                y: cy - bh / 2.0,
                w: bw,
                h: bh,
                fill: None,
                stroke: Some((RED, 6.0)),
            },
            word,
        ],
    }
}

/// 2026年3月5日: no leading zeros, as on every official notice.
pub(crate) fn chinese_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LineProblem, NoticeKind};

    fn correction_with(lines: usize) -> Notice {
        Notice {
            kind: NoticeKind::Correction,
            number: "431125-SCJ-W03-BZ-2026-000012".into(),
            case_no: "431125-SCJ-W03-2026-000007".into(),
            center_name: "示例县政务服务中心".into(),
            department_name: "示例县市场监督管理局".into(),
            window: "03号窗口".into(),
            item_code: "431125-SCJ-001".into(),
            item_name: "食品经营许可（新办）".into(),
            applicant_name: "张三".into(),
            applicant_id_masked: "4311**********1234".into(),
            clerk_name: "李四".into(),
            issued_at: NaiveDate::from_ymd_opt(2026, 3, 5)
                .unwrap()
                .and_hms_opt(10, 30, 0)
                .unwrap(),
            body: NoticeBody::Correction {
                lines: (0..lines)
                    .map(|i| CorrectionLine {
                        material_name: format!("材料{i}"),
                        form: "原件".into(),
                        copies: 1,
                        problem: LineProblem::Missing,
                    })
                    .collect(),
                legal_basis: "《中华人民共和国行政许可法》第三十二条".into(),
            },
            voided: None,
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
    fn dates_are_written_the_chinese_way_without_leading_zeros() {
        let date = NaiveDate::from_ymd_opt(2026, 4, 2).unwrap();
        assert_eq!(chinese_date(date), "2026年4月2日");
    }

    #[test]
    fn a_short_notice_fits_on_one_page_with_its_footer() {
        let font = crate::test_font();
        let measure = Measure::new(&font).unwrap();
        let pages = layout(&correction_with(3), &measure).unwrap();
        assert_eq!(pages.len(), 1);
        assert!(texts(&pages[0]).contains(&"（盖章处）"));
    }

    #[test]
    fn nothing_is_drawn_below_the_bottom_margin_except_page_numbers() {
        let font = crate::test_font();
        let measure = Measure::new(&font).unwrap();
        let pages = layout(&correction_with(40), &measure).unwrap();
        assert_eq!(pages.len(), 2);
        for page in &pages {
            for op in page {
                if let Op::Text { y, text, .. } = op {
                    assert!(
                        *y <= FOOTER_BOTTOM || text.starts_with("第 "),
                        "{text} at {y}"
                    );
                }
                // Table cells are flowed, so they keep to the margin proper.
                if let Op::Rect { y, h, .. } = op {
                    assert!(y + h <= BOTTOM + 0.01, "rect to {}", y + h);
                }
            }
        }
        // The second sheet says which notice it continues, and repeats the table header.
        let second = texts(&pages[1]);
        assert!(
            second.contains(&"材料补正通知书（一次性告知书）（续）"),
            "{second:?}"
        );
        assert!(second.contains(&"材料名称"), "{second:?}");
    }
}
