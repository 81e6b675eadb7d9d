//! The daily cash report of a window (收费日报, DOMAIN.md rule 6): what was charged, refunded
//! and collected on a day, per clerk and payment method, balancing by construction
//! (yichuang-core's `cash_report`), on screen and as a printable PDF. Charging itself is a
//! case command (`charge_fee`, `void_fee`).

use super::handover::DocumentFile;
use super::workstation::station;
use crate::{ApiError, App};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::case::{cash_report, CashLine, FeeCharge, PaymentMethod};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CashReportRequest {
    pub day: NaiveDate,
    /// Open the PDF in the system viewer to print (the on-screen figures are returned too).
    pub print: bool,
}

/// One clerk's takings by one payment method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CashRow {
    pub clerk_id: String,
    pub clerk: String,
    pub method: PaymentMethod,
    pub line: CashLine,
}

/// One charge or refund of the day, for the detail list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CashEntry {
    pub case_id: String,
    pub case_no: String,
    pub charge: FeeCharge,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CashReportView {
    pub day: NaiveDate,
    pub window_name: String,
    pub rows: Vec<CashRow>,
    /// The window's totals per payment method.
    pub by_method: Vec<(PaymentMethod, CashLine)>,
    pub total: CashLine,
    pub entries: Vec<CashEntry>,
    /// The PDF, when asked to print.
    pub file: Option<DocumentFile>,
}

fn method_zh(m: PaymentMethod) -> &'static str {
    match m {
        PaymentMethod::Cash => "现金",
        PaymentMethod::BankCard => "银行卡",
        PaymentMethod::Scan => "扫码",
    }
}

fn yuan(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.abs();
    format!("{sign}{}.{:02}", c / 100, c % 100)
}

pub async fn report(app: &App, req: CashReportRequest) -> Result<CashReportView, ApiError> {
    let lang = app.lang();
    let st = station(app).await?;
    let cases = yichuang_local::handover::cases_with_fees(
        &app.store,
        &st.profile.department_code,
        &st.profile.window_code,
    )
    .await
    .map_err(|e| ApiError::from_store(e, lang))?;
    let entries: Vec<CashEntry> = cases
        .iter()
        .flat_map(|c| {
            c.fees.iter().map(|f| CashEntry {
                case_id: c.id.clone(),
                case_no: c.case_no.clone(),
                charge: f.clone(),
            })
        })
        .filter(|e| {
            e.charge.at.date() == req.day
                || e.charge
                    .voided
                    .as_ref()
                    .is_some_and(|v| v.at.date() == req.day)
        })
        .collect();
    let window = cash_report(entries.iter().map(|e| &e.charge), req.day);
    let mut clerks: Vec<(String, String)> = entries
        .iter()
        .map(|e| (e.charge.by_id.clone(), e.charge.by.clone()))
        .collect();
    clerks.sort();
    clerks.dedup_by(|a, b| a.0 == b.0);
    let mut rows = Vec::new();
    for (id, name) in &clerks {
        let mine = cash_report(
            entries
                .iter()
                .filter(|e| &e.charge.by_id == id)
                .map(|e| &e.charge),
            req.day,
        );
        for (method, line) in mine.by_method {
            rows.push(CashRow {
                clerk_id: id.clone(),
                clerk: name.clone(),
                method,
                line,
            });
        }
    }
    let mut view = CashReportView {
        day: req.day,
        window_name: st.profile.window_name.clone(),
        rows,
        by_method: window.by_method,
        total: window.total,
        entries,
        file: None,
    };
    if req.print {
        let path = print(app, &st, &view).await?;
        view.file = Some(DocumentFile { path });
    }
    Ok(view)
}

async fn print(
    app: &App,
    st: &super::workstation::Station,
    v: &CashReportView,
) -> Result<String, ApiError> {
    use yichuang_documents::{Sheet, SheetAlign, SheetColumn};
    let user = app
        .session
        .lock()
        .expect("session lock")
        .as_ref()
        .map(|u| u.name.clone())
        .unwrap_or_else(|| st.profile.clerk_name.clone());
    let money = |l: &CashLine| {
        vec![
            l.count.to_string(),
            yuan(l.charged_cents),
            yuan(l.voided_cents),
            yuan(l.collected_cents),
        ]
    };
    let mut rows: Vec<Vec<String>> = v
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![r.clerk.clone(), method_zh(r.method).into()];
            row.extend(money(&r.line));
            row
        })
        .collect();
    for (m, l) in &v.by_method {
        let mut row = vec!["窗口小计".into(), method_zh(*m).into()];
        row.extend(money(l));
        rows.push(row);
    }
    let mut totals = vec!["合计".to_string(), String::new()];
    totals.extend(money(&v.total));
    let sheet = Sheet {
        title: "收费日报".into(),
        subtitle: Some(st.profile.center_name.clone()),
        reference: None,
        fields: vec![
            ("部门".into(), st.department_name.clone()),
            ("窗口".into(), v.window_name.clone()),
            ("日期".into(), v.day.to_string()),
            ("制表人".into(), user),
            (
                "打印时间".into(),
                app.clock.local_now().format("%Y-%m-%d %H:%M").to_string(),
            ),
            ("单位".into(), "元".into()),
        ],
        columns: vec![
            SheetColumn::new("收款人", 2.0, SheetAlign::Left),
            SheetColumn::new("缴款方式", 1.5, SheetAlign::Left),
            SheetColumn::new("笔数", 1.0, SheetAlign::Right),
            SheetColumn::new("应收", 1.8, SheetAlign::Right),
            SheetColumn::new("作废退费", 1.8, SheetAlign::Right),
            SheetColumn::new("实收", 1.8, SheetAlign::Right),
        ],
        rows,
        totals: Some(totals),
        empty_text: "当日无收费".into(),
        signatures: vec!["制表人签字".into(), "复核人签字".into()],
        footer: Some("实收 = 应收 − 作废退费；免收不计金额。票据以财政电子票据系统为准。".into()),
    };
    let path = super::notices::keep_sheet_pdf(
        app,
        "reports",
        &format!("cash-{}-{}.pdf", st.profile.window_code, v.day),
        &sheet,
    )
    .await?;
    super::notices::open_for_print(app, &path)?;
    Ok(path)
}
