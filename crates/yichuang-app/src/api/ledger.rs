//! The monthly ledger (台账) from this window's cache: the department's cases the month
//! touched, computed and written by yichuang-ledger, saved where the supervisor chooses. The
//! whole county's ledger comes from the hub (`yichuang-hub export-ledger`).

use super::workstation::station;
use crate::{ApiError, App, ErrorCode};
use chrono::{Datelike, NaiveDate, TimeZone};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_ledger::{CardRecord, Month};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LedgerExportRequest {
    /// "2026-11".
    pub month: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LedgerExportResult {
    /// `null` when the save dialog was cancelled.
    pub saved_to: Option<String>,
    /// Cases on the register.
    pub cases: u32,
}

fn bad_month(app: &App, month: &str) -> ApiError {
    ApiError::new(
        ErrorCode::InvalidInput,
        match app.lang() {
            yichuang_core::Lang::ZhCn => format!("月份 {month} 无效，应写作 2026-11"),
            yichuang_core::Lang::En => format!("Month {month} is invalid; write it as 2026-11"),
        },
    )
}

pub async fn export(app: &App, req: LedgerExportRequest) -> Result<LedgerExportResult, ApiError> {
    let lang = app.lang();
    let st = station(app).await?;
    let first = NaiveDate::parse_from_str(&format!("{}-01", req.month.trim()), "%Y-%m-%d")
        .map_err(|_| bad_month(app, &req.month))?;
    let month = Month::of(first);
    let cst = chrono::FixedOffset::east_opt(8 * 3600).expect("UTC+8");
    let bound = |d: NaiveDate| d.and_hms_opt(0, 0, 0).expect("midnight");
    let (start, end) = (bound(month.first_day()), bound(month.next_first_day()));
    let utc = |t: chrono::NaiveDateTime| {
        cst.from_local_datetime(&t)
            .single()
            .expect("no DST in China")
            .with_timezone(&chrono::Utc)
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string()
    };
    let local = |t: chrono::NaiveDateTime| t.format("%Y-%m-%dT%H:%M:%S").to_string();
    let (cases, cards) = yichuang_local::cases::ledger_input(
        &app.store,
        &st.profile.department_code,
        (&local(start), &local(end)),
        (&utc(start), &utc(end)),
    )
    .await
    .map_err(|e| ApiError::from_store(e, lang))?;
    let cards: Vec<CardRecord> = cards
        .into_iter()
        .filter_map(|(case_id, level, due, raised)| {
            Some(CardRecord {
                case_id,
                level,
                due_date: due.parse().ok()?,
                raised_on: chrono::DateTime::parse_from_rfc3339(&raised)
                    .ok()?
                    .with_timezone(&cst)
                    .date_naive(),
            })
        })
        .collect();
    let ledger = yichuang_ledger::compute(
        month,
        &st.department_name,
        &cases,
        &cards,
        &app.calendar(),
        app.clock.local_now(),
    );
    let on_register = u32::try_from(ledger.register.len()).unwrap_or(u32::MAX);
    let name = format!(
        "台账-{}-{}{:02}.xlsx",
        st.department_name,
        month.year,
        first.month()
    );
    let desktop = app.desktop.clone();
    let chosen = tokio::task::spawn_blocking(move || desktop.choose_save_path(&name))
        .await
        .map_err(|e| ApiError::new(ErrorCode::DesktopFailed, e.to_string()))?
        .map_err(|e| ApiError::new(ErrorCode::DesktopFailed, e.to_string()))?;
    let Some(path) = chosen else {
        return Ok(LedgerExportResult {
            saved_to: None,
            cases: on_register,
        });
    };
    let target = path.clone();
    tokio::task::spawn_blocking(move || yichuang_ledger::write_xlsx(&ledger, &target))
        .await
        .map_err(|e| ApiError::new(ErrorCode::DocumentFailed, e.to_string()))?
        .map_err(|e| {
            tracing::error!(error = %e, "ledger workbook");
            ApiError::new(
                ErrorCode::DocumentFailed,
                lang.pick("台账文件写入失败", "Could not write the ledger workbook"),
            )
        })?;
    Ok(LedgerExportResult {
        saved_to: Some(path.display().to_string()),
        cases: on_register,
    })
}
