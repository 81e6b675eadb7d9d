//! Rendered report sheets (AB岗交接单, 收费日报) read back with poppler, as the receiving
//! clerk and the cashier's supervisor would read them.

mod common;

use common::*;
use yichuang_documents::{
    render_sheet_pdf, DocumentError, Sheet, SheetAlign, SheetColumn, SheetProblem,
};

const CLERK_A: &str = "李建国";
const CLERK_B: &str = "王秀兰";

/// Fails with every expected phrase that is missing, not just the first.
fn assert_contains_all(text: &str, expected: &[&str]) {
    let missing: Vec<&&str> = expected.iter().filter(|e| !text.contains(**e)).collect();
    assert!(missing.is_empty(), "missing {missing:?} in:\n{text}");
}

fn pair(key: &str, value: &str) -> (String, String) {
    (key.to_owned(), value.to_owned())
}

fn case_no(i: usize) -> String {
    format!("431125-SCJ-W03-2026-{i:06}")
}

const HANDOVER_HEADERS: [&str; 6] = ["办件编号", "事项", "申请人", "状态", "承诺期限", "待办事项"];

/// A's handover to B with `open` cases still open at the window.
fn handover(open: usize) -> Sheet {
    // Roughly points at 小五: the case number and the date keep to one line.
    let weights = [13.4, 9.0, 3.6, 3.6, 6.8, 7.8];
    let aligns = [
        SheetAlign::Left,
        SheetAlign::Left,
        SheetAlign::Center,
        SheetAlign::Center,
        SheetAlign::Center,
        SheetAlign::Left,
    ];
    let items = [
        "食品经营许可（新办）",
        "公共场所卫生许可",
        "个体工商户设立登记",
    ];
    let states = ["已受理", "待补正", "审批中"];
    let todo = [
        "等待申请人补交经营场所平面布局图，到件后核对原件并录入",
        "现场核查已约定周四上午",
        "",
    ];
    Sheet {
        title: "AB岗交接单".into(),
        subtitle: Some("示例县政务服务中心".into()),
        reference: Some("交接单号：431125-SCJ-W03-AB-2026-000003".into()),
        fields: vec![
            pair("部门", "示例县市场监督管理局"),
            pair("窗口", "03号窗口"),
            pair("交出人 A", CLERK_A),
            pair("接收人 B", CLERK_B),
            pair("事由", "参加市局组织的食品经营许可业务培训"),
            pair("预计返回", "2026年3月9日"),
            pair("交接时间", "2026年3月5日 17:20"),
        ],
        columns: HANDOVER_HEADERS
            .iter()
            .zip(weights)
            .zip(aligns)
            .map(|((title, weight), align)| SheetColumn::new(*title, weight, align))
            .collect(),
        rows: (1..=open)
            .map(|i| {
                vec![
                    case_no(i),
                    items[i % 3].into(),
                    "张*梅".into(),
                    states[i % 3].into(),
                    "2026年4月2日".into(),
                    todo[i % 3].into(),
                ]
            })
            .collect(),
        totals: None,
        empty_text: "无未办结办件".into(),
        signatures: vec!["交出人签字".into(), "接收人签字".into()],
        footer: Some("本交接单一式两份，A、B岗各执一份；B岗顶岗期间的办件由B岗负责跟进。".into()),
    }
}

fn cells(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| (*t).to_owned()).collect()
}

fn cash_report() -> Sheet {
    let right = SheetAlign::Right;
    Sheet {
        title: "收费日报".into(),
        subtitle: Some("示例县政务服务中心".into()),
        reference: None,
        fields: vec![
            pair("窗口", "03号窗口"),
            pair("日期", "2026年3月5日"),
            pair("制表人", CLERK_A),
            pair("打印时间", "2026年3月5日 17:45"),
        ],
        columns: vec![
            SheetColumn::new("收款人", 1.5, SheetAlign::Left),
            SheetColumn::new("缴款方式", 1.5, SheetAlign::Left),
            SheetColumn::new("笔数", 1.0, right),
            SheetColumn::new("应收（元）", 1.6, right),
            SheetColumn::new("作废退费（元）", 1.6, right),
            SheetColumn::new("实收（元）", 1.6, right),
        ],
        rows: vec![
            cells(&[CLERK_A, "现金", "3", "150.00", "0.00", "150.00"]),
            cells(&[CLERK_A, "微信", "5", "1,280.00", "80.00", "1,200.00"]),
            cells(&[CLERK_B, "支付宝", "2", "60.00", "0.00", "60.00"]),
            cells(&[CLERK_B, "银行卡", "1", "2,000.00", "0.00", "2,000.00"]),
        ],
        totals: Some(cells(&["合计", "", "11", "3,490.00", "80.00", "3,410.00"])),
        empty_text: "当日无收费记录".into(),
        signatures: vec![
            "制表人签字".into(),
            "复核人签字".into(),
            "负责人签字".into(),
        ],
        footer: None,
    }
}

#[test]
fn a_handover_sheet_names_both_clerks_every_open_case_and_the_signature_lines() {
    let rendered = render_sheet(&handover(3), "sheet-handover");
    let text = rendered.flat_text();
    assert_contains_all(
        &text,
        &[
            "示例县政务服务中心",
            "AB岗交接单",
            "交接单号：431125-SCJ-W03-AB-2026-000003",
            "部门：示例县市场监督管理局",
            &format!("交出人A：{CLERK_A}"),
            &format!("接收人B：{CLERK_B}"),
            "事由：参加市局组织的食品经营许可业务培训",
            "预计返回：2026年3月9日",
            "交接时间：2026年3月5日17:20",
            &case_no(1),
            &case_no(2),
            &case_no(3),
            "张*梅",
            "待补正",
            "交出人签字：",
            "接收人签字：",
            "本交接单一式两份",
            "第1页共1页",
        ],
    );
    assert_contains_all(&text, &HANDOVER_HEADERS);
    assert!(!text.contains("无未办结办件"), "{text}");
    assert_eq!(rendered.pages(), 1);
}

#[test]
fn a_handover_with_nothing_open_says_so_instead_of_an_empty_table() {
    let text = render_sheet(&handover(0), "sheet-handover-empty").flat_text();
    assert_contains_all(
        &text,
        &["AB岗交接单", "办件编号", "无未办结办件", "接收人签字："],
    );
}

#[test]
fn a_cash_report_prints_its_totals_row_after_the_payment_lines() {
    let rendered = render_sheet(&cash_report(), "sheet-cash-report");
    let text = rendered.flat_text();
    assert_contains_all(
        &text,
        &[
            "收费日报",
            "窗口：03号窗口",
            "日期：2026年3月5日",
            &format!("制表人：{CLERK_A}"),
            "实收（元）",
            "作废退费（元）",
            "微信51,280.0080.001,200.00",
            "合计113,490.0080.003,410.00",
            "制表人签字：",
            "复核人签字：",
            "负责人签字：",
        ],
    );
    let lines = text.find("银行卡").expect("the last payment line");
    let totals = text.find("合计").expect("the totals row");
    assert!(totals > lines, "the totals row comes last:\n{text}");
}

#[test]
fn the_amounts_of_a_cash_report_line_up_on_the_right() {
    let rendered = render_sheet(&cash_report(), "sheet-cash-report-bbox");
    let bbox = poppler("pdftotext", &["-bbox", rendered.path(), "-"]);
    // The rightmost occurrence of an amount: 应收 and 实收 often agree.
    let right_edge = |word: &str| -> f32 {
        bbox.lines()
            .filter(|l| l.trim_end().ends_with(&format!(">{word}</word>")))
            .filter_map(|l| l.split("xMax=\"").nth(1)?.split('"').next()?.parse().ok())
            .fold(f32::MIN, f32::max)
    };
    // The 实收 column: amounts of different lengths, one right edge.
    let edges: Vec<f32> = ["150.00", "1,200.00", "2,000.00", "3,410.00"]
        .iter()
        .map(|w| right_edge(w))
        .collect();
    for edge in &edges {
        assert!((edge - edges[0]).abs() < 0.5, "{edges:?}");
    }
    // …at the right edge of the table, less the cell padding.
    let margin = 595.28 - 73.7;
    assert!((edges[0] - (margin - 4.0)).abs() < 1.0, "{edges:?}");
}

#[test]
fn a_hundred_and_twenty_open_cases_run_over_several_numbered_pages_each_with_the_headers() {
    let rendered = render_sheet(&handover(120), "sheet-handover-120");
    let count = rendered.pages();
    assert!(count >= 3, "120 rows on {count} pages");
    let text = rendered.flat_text();
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.is_empty()).collect();
    assert_eq!(pages.len(), count);
    for (i, page) in pages.iter().enumerate() {
        assert_contains_all(page, &HANDOVER_HEADERS);
        assert!(
            page.contains(&format!("第{}页共{count}页", i + 1)),
            "page {} unnumbered:\n{page}",
            i + 1
        );
        if i > 0 {
            assert_contains_all(
                page,
                &[
                    "AB岗交接单（续）",
                    "交接单号：431125-SCJ-W03-AB-2026-000003",
                ],
            );
        }
    }
    // Every case exactly once, in order; the signatures close the last page.
    let mut at = 0;
    for i in 1..=120 {
        let number = case_no(i);
        assert_eq!(text.matches(number.as_str()).count(), 1, "{number}");
        let found = text.find(number.as_str()).unwrap();
        assert!(found > at, "{number} out of order");
        at = found;
    }
    assert!(pages[0].contains(&case_no(1)));
    assert_contains_all(
        pages[count - 1],
        &[&case_no(120), "交出人签字：", "接收人签字："],
    );
}

#[test]
fn a_row_shorter_than_the_columns_is_refused_with_a_clear_error() {
    let mut sheet = handover(3);
    sheet.rows[1].pop();
    let err = render_sheet_pdf(&sheet, &font()).expect_err("a malformed sheet renders");
    assert_eq!(
        err,
        DocumentError::SheetMalformed(SheetProblem::RowLength {
            row: 2,
            cells: 5,
            columns: 6
        })
    );
    assert_eq!(err.code(), "sheet_malformed");
    assert_eq!(
        err.message(false),
        "malformed report sheet: row 2 has 5 cells, but there are 6 columns"
    );
    assert!(
        err.message(true).contains("第 2 行有 5 格，但表格有 6 列"),
        "{}",
        err.message(true)
    );
}

#[test]
fn a_sheet_without_columns_is_refused() {
    let mut sheet = handover(0);
    sheet.columns.clear();
    assert_eq!(
        render_sheet_pdf(&sheet, &font()),
        Err(DocumentError::SheetMalformed(SheetProblem::NoColumns))
    );
}

#[test]
fn the_same_sheet_always_renders_to_the_same_bytes() {
    let font = font();
    for sheet in [handover(40), cash_report()] {
        assert_eq!(
            render_sheet_pdf(&sheet, &font).unwrap(),
            render_sheet_pdf(&sheet, &font).unwrap()
        );
    }
}

#[test]
fn a_sheet_survives_a_json_round_trip_unchanged() {
    let sheet = cash_report();
    let json = serde_json::to_string(&sheet).unwrap();
    let back: Sheet = serde_json::from_str(&json).unwrap();
    assert_eq!(back, sheet);
}
