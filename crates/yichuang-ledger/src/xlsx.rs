//! The ledger as an Excel workbook: the sheets 登记, 汇总, 预警 and 差评, each one table under a
//! header row that is frozen, filtered and repeated on every printed page.

mod table;

use std::path::Path;

use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};

use crate::model::{BadRatingRow, CardRow, Ledger, RegisterRow, SummaryLevel, SummaryRow};
use table::{col, wrapped, Cell, Col, Row, Styles, Table};

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("could not write the workbook: {0}")]
    Xlsx(String),
}

fn xlsx_error(error: XlsxError) -> LedgerError {
    LedgerError::Xlsx(error.to_string())
}

/// Writes the four sheets to `path`.
pub fn write_xlsx(ledger: &Ledger, path: &Path) -> Result<(), LedgerError> {
    write_xlsx_with_progress(ledger, path, &mut |_| {})
}

/// How far a long write has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteProgress {
    /// Rows written so far, of all four sheets' rows.
    Rows { done: u64, total: u64 },
    /// Every row is written; the file is being compressed and saved.
    Saving,
}

/// [`write_xlsx`], telling `progress` as rows are written (every 1% or so) and before the
/// file is saved.
pub fn write_xlsx_with_progress(
    ledger: &Ledger,
    path: &Path,
    progress: &mut dyn FnMut(WriteProgress),
) -> Result<(), LedgerError> {
    let month = ledger.period.label_zh();
    let title = format!("{} {} 台账", ledger.scope, month);
    let subject = format!(
        "{} {} 政务服务台账（生成于 {}）",
        ledger.scope,
        month,
        ledger.generated_at.format("%Y-%m-%d %H:%M")
    );
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(&title).set_subject(subject));
    let styles = Styles::new();
    let tables = [
        register(ledger),
        summary(ledger),
        cards(ledger),
        bad_ratings(ledger),
    ];
    let total = tables.iter().map(|t| t.len() as u64).sum::<u64>().max(1);
    let step = (total / 100).max(1);
    let mut done = 0u64;
    progress(WriteProgress::Rows { done, total });
    for table in &tables {
        let mut row_written = || {
            done += 1;
            if done.is_multiple_of(step) {
                progress(WriteProgress::Rows { done, total });
            }
        };
        table
            // Rows go to a temporary file as they are written (strings still shared), so a
            // year's 250,000 rows do not sit in memory until the save.
            .write(
                workbook.add_worksheet_with_low_memory(),
                &title,
                &styles,
                &mut row_written,
            )
            .map_err(xlsx_error)?;
    }
    progress(WriteProgress::Saving);
    workbook.save(path).map_err(xlsx_error)
}

/// A cell's bare value, as a plain xlsx writer would put it: text, a number (dates as Excel
/// serial numbers, money in yuan), or nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum PlainCell {
    Text(String),
    Number(f64),
    Blank,
}

/// The four sheets' names and cells (headers first) with no formats, widths or print setup:
/// the benchmark's baseline writes exactly these with bare rust_xlsxwriter calls.
pub fn plain_cells(ledger: &Ledger) -> Vec<(&'static str, Vec<Vec<PlainCell>>)> {
    [
        register(ledger),
        summary(ledger),
        cards(ledger),
        bad_ratings(ledger),
    ]
    .into_iter()
    .map(|t| {
        let header = t
            .columns
            .iter()
            .map(|c| PlainCell::Text(c.header.to_string()))
            .collect();
        let rows = t
            .rows
            .iter()
            .chain(&t.totals)
            .map(|r| r.cells.iter().map(table::plain).collect());
        (t.name, std::iter::once(header).chain(rows).collect())
    })
    .collect()
}

const REGISTER: &[Col] = &[
    col("办件编号", 28.0),
    col("事项编码", 22.0),
    col("事项名称", 30.0),
    col("部门", 20.0),
    col("窗口", 14.0),
    col("经办人", 10.0),
    col("代办（AB岗）", 12.0),
    col("申请人", 12.0),
    col("证件号（脱敏）", 20.0),
    col("类型", 8.0),
    col("状态", 10.0),
    col("收件时间", 17.0),
    col("受理日期", 11.0),
    col("承诺办结日", 11.0),
    col("法定办结日", 11.0),
    col("办结时间", 17.0),
    col("是否按时", 6.0),
    col("已用工作日", 6.0),
    col("法定时限", 6.0),
    col("承诺时限", 6.0),
    col("暂停工作日", 6.0),
    col("暂停次数", 6.0),
    col("补正次数", 6.0),
    col("收费（元）", 12.0),
    col("评价", 10.0),
];

fn register(ledger: &Ledger) -> Table {
    let row = |r: &RegisterRow| Row {
        bold: false,
        cells: vec![
            Cell::text(&r.case_no),
            Cell::text(&r.item_code),
            Cell::text(&r.item_name),
            Cell::text(&r.department),
            Cell::text(&r.window),
            Cell::text(&r.clerk),
            Cell::text(&r.acted_for_owner_by),
            Cell::text(&r.applicant_name),
            Cell::text(&r.applicant_id_masked),
            Cell::text(&r.kind),
            Cell::text(&r.state),
            Cell::DateTime(Some(r.received)),
            Cell::Date(r.accepted),
            Cell::Date(r.due),
            Cell::Date(r.statutory_due),
            Cell::DateTime(r.completed),
            Cell::text(match r.on_time {
                Some(true) => "是",
                Some(false) => "否",
                None => "",
            }),
            r.days_used
                .map_or(Cell::text(""), |d| Cell::Count(d.into())),
            Cell::Count(r.statutory_days.into()),
            Cell::Count(r.promised_days.into()),
            Cell::Count(r.paused_days.into()),
            Cell::Count(r.pauses.into()),
            Cell::Count(r.correction_notices.into()),
            Cell::Money(r.fees_cents),
            Cell::text(&r.rating),
        ],
    };
    // 合计: the number of cases under 事项编码, the fees under 收费（元）.
    let mut totals = vec![Cell::text(""); REGISTER.len()];
    totals[0] = Cell::text("合计");
    totals[1] = Cell::Count(ledger.register.len() as u64);
    totals[23] = Cell::Money(ledger.register.iter().map(|r| r.fees_cents).sum());
    Table {
        name: "登记",
        columns: REGISTER,
        rows: ledger.register.iter().map(row).collect(),
        totals: Some(Row {
            cells: totals,
            bold: true,
        }),
    }
}

const SUMMARY: &[Col] = &[
    col("层级", 6.0),
    col("编码", 24.0),
    col("名称", 30.0),
    col("收件", 6.0),
    col("受理", 6.0),
    col("不予受理", 6.0),
    col("办结", 6.0),
    col("按时办结", 6.0),
    col("按时办结率", 8.0),
    col("即办件办结", 6.0),
    col("当场办结", 6.0),
    col("当场办结率", 8.0),
    col("已用工作日", 8.0),
    col("法定工作日", 8.0),
    col("提速率", 8.0),
    col("补正告知", 6.0),
    col("一次性告知例外", 6.0),
    col("黄牌", 6.0),
    col("红牌", 6.0),
    col("收费（元）", 12.0),
    col("评价数", 6.0),
    col("满意数", 6.0),
    col("满意率", 8.0),
    col("差评数", 6.0),
    col("差评按时整改", 6.0),
];

fn level_label(level: Option<SummaryLevel>) -> &'static str {
    match level {
        Some(SummaryLevel::Department) => "部门",
        Some(SummaryLevel::Window) => "窗口",
        Some(SummaryLevel::Item) => "事项",
        Some(SummaryLevel::Total) => "合计",
        None => "",
    }
}

fn summary(ledger: &Ledger) -> Table {
    let row = |s: &SummaryRow| Row {
        bold: s.level == Some(SummaryLevel::Total),
        cells: vec![
            Cell::text(level_label(s.level)),
            Cell::text(&s.key),
            Cell::text(&s.name),
            Cell::Count(s.received.into()),
            Cell::Count(s.accepted.into()),
            Cell::Count(s.refused.into()),
            Cell::Count(s.completed.into()),
            Cell::Count(s.completed_on_time.into()),
            Cell::Rate(s.on_time_rate()),
            Cell::Count(s.immediate_completed.into()),
            Cell::Count(s.immediate_on_the_spot.into()),
            Cell::Rate(s.on_the_spot_rate()),
            Cell::Count(s.days_used),
            Cell::Count(s.statutory_days),
            Cell::Rate(s.speed_up_rate()),
            Cell::Count(s.correction_notices.into()),
            Cell::Count(s.overrides.into()),
            Cell::Count(s.yellow_cards.into()),
            Cell::Count(s.red_cards.into()),
            Cell::Money(s.fees_cents),
            Cell::Count(s.ratings.into()),
            Cell::Count(s.satisfied.into()),
            Cell::Rate(s.satisfaction_rate()),
            Cell::Count(s.bad_ratings.into()),
            Cell::Count(s.bad_rectified_on_time.into()),
        ],
    };
    Table {
        name: "汇总",
        columns: SUMMARY,
        rows: ledger.summary.iter().map(row).collect(),
        totals: None,
    }
}

const CARDS: &[Col] = &[
    col("办件编号", 28.0),
    col("事项", 30.0),
    col("部门", 20.0),
    col("窗口", 14.0),
    col("经办人", 10.0),
    col("预警类型", 10.0),
    col("期限", 11.0),
    col("发出日期", 11.0),
    col("状态", 10.0),
    wrapped("申诉", 36.0),
];

fn cards(ledger: &Ledger) -> Table {
    let row = |c: &CardRow| Row {
        bold: false,
        cells: vec![
            Cell::text(&c.case_no),
            Cell::text(&c.item_name),
            Cell::text(&c.department),
            Cell::text(&c.window),
            Cell::text(&c.clerk),
            Cell::text(&c.level),
            Cell::Date(Some(c.due_date)),
            Cell::Date(Some(c.raised_on)),
            Cell::text(&c.status),
            Cell::text(&c.appeal),
        ],
    };
    Table {
        name: "预警",
        columns: CARDS,
        rows: ledger.cards.iter().map(row).collect(),
        totals: None,
    }
}

const BAD_RATINGS: &[Col] = &[
    col("办件编号", 28.0),
    col("事项", 30.0),
    col("部门", 20.0),
    col("窗口", 14.0),
    col("经办人", 10.0),
    col("评价", 10.0),
    wrapped("原因", 24.0),
    wrapped("意见", 40.0),
    col("评价时间", 17.0),
    col("回访期限", 11.0),
    col("回访时间", 17.0),
    col("整改期限", 11.0),
    col("整改时间", 17.0),
    col("状态", 10.0),
];

fn bad_ratings(ledger: &Ledger) -> Table {
    let row = |b: &BadRatingRow| Row {
        bold: false,
        cells: vec![
            Cell::text(&b.case_no),
            Cell::text(&b.item_name),
            Cell::text(&b.department),
            Cell::text(&b.window),
            Cell::text(&b.clerk),
            Cell::text(&b.rating),
            Cell::text(&b.reasons),
            Cell::text(&b.comment),
            Cell::DateTime(Some(b.rated_at)),
            Cell::Date(b.follow_up_due),
            Cell::DateTime(b.followed_up_at),
            Cell::Date(b.rectify_due),
            Cell::DateTime(b.rectified_at),
            Cell::text(&b.status),
        ],
    };
    Table {
        name: "差评",
        columns: BAD_RATINGS,
        rows: ledger.bad_ratings.iter().map(row).collect(),
        totals: None,
    }
}
