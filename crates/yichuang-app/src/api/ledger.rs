//! The monthly ledger (台账) from this window's cache: the department's cases the month
//! touched, computed and written by yichuang-ledger, saved where the supervisor chooses, with
//! the export's progress for the page's bar. The whole county's ledger comes from the hub
//! (`yichuang-hub export-ledger`).

use super::workstation::{station, Station};
use crate::{ApiError, App, ErrorCode};
use chrono::{Datelike, NaiveDate, TimeZone};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::case::{Case, CaseEvent};
use yichuang_ledger::{CardRecord, Ledger, Month, WriteProgress};

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

/// Where a running export is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportStage {
    /// Reading the month's cases from the cache.
    Reading,
    /// Working out the figures.
    Computing,
    /// Waiting for the save dialog.
    Choosing,
    /// Writing the rows.
    Writing,
    /// Compressing and saving the file.
    Saving,
}

/// The running export's progress, polled by the page while it waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportProgress {
    pub stage: ExportStage,
    /// 0–100, over the whole export.
    pub percent: u8,
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

/// "2026-11" as a month.
pub(crate) fn parse_month(app: &App, month: &str) -> Result<Month, ApiError> {
    NaiveDate::parse_from_str(&format!("{}-01", month.trim()), "%Y-%m-%d")
        .map(Month::of)
        .map_err(|_| bad_month(app, month))
}

/// The month's cases (with their timelines) and cards as this cache holds them.
pub(crate) async fn month_input(
    app: &App,
    st: &Station,
    month: Month,
) -> Result<(Vec<(Case, Vec<CaseEvent>)>, Vec<CardRecord>), ApiError> {
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
    .map_err(|e| ApiError::from_store(e, app.lang()))?;
    let cards = cards
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
    Ok((cases, cards))
}

/// The month's ledger of this cache.
pub(crate) fn ledger_of(
    app: &App,
    st: &Station,
    month: Month,
    cases: &[(Case, Vec<CaseEvent>)],
    cards: &[CardRecord],
) -> Ledger {
    yichuang_ledger::compute(
        month,
        &st.department_name,
        cases,
        cards,
        &app.calendar(),
        app.clock.local_now(),
    )
}

/// Sets the export's progress; `None` when it ends, however it ends.
fn report(app: &App, progress: Option<ExportProgress>) {
    *app.export_progress.lock().expect("progress lock") = progress;
}

/// Clears the progress when the export returns, whichever way.
struct Running<'a>(&'a App);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        report(self.0, None);
    }
}

pub async fn progress(app: &App, _req: ()) -> Result<Option<ExportProgress>, ApiError> {
    Ok(*app.export_progress.lock().expect("progress lock"))
}

pub async fn export(app: &App, req: LedgerExportRequest) -> Result<LedgerExportResult, ApiError> {
    let lang = app.lang();
    let st = station(app).await?;
    let month = parse_month(app, &req.month)?;
    let _running = Running(app);
    let at = |stage, percent| Some(ExportProgress { stage, percent });
    report(app, at(ExportStage::Reading, 0));
    let (cases, cards) = month_input(app, &st, month).await?;
    report(app, at(ExportStage::Computing, 20));
    let ledger = ledger_of(app, &st, month, &cases, &cards);
    drop(cases);
    let on_register = u32::try_from(ledger.register.len()).unwrap_or(u32::MAX);
    let name = format!(
        "台账-{}-{}{:02}.xlsx",
        st.department_name,
        month.year,
        month.first_day().month()
    );
    report(app, at(ExportStage::Choosing, 30));
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
    let slot = std::sync::Arc::new(std::sync::Mutex::new(at(ExportStage::Writing, 30)));
    let shared = slot.clone();
    let mut write = tokio::task::spawn_blocking(move || {
        yichuang_ledger::write_xlsx_with_progress(&ledger, &target, &mut |p| {
            // Writing is 30–95%; compressing the file the last stretch.
            let next = match p {
                WriteProgress::Rows { done, total } => ExportProgress {
                    stage: ExportStage::Writing,
                    percent: u8::try_from(30 + done * 65 / total.max(1)).unwrap_or(95),
                },
                WriteProgress::Saving => ExportProgress {
                    stage: ExportStage::Saving,
                    percent: 95,
                },
            };
            *shared.lock().expect("progress lock") = Some(next);
        })
    });
    // The blocking writer cannot reach the App; its progress is copied over while it runs.
    let written = loop {
        tokio::select! {
            done = &mut write => break done,
            _ = tokio::time::sleep(std::time::Duration::from_millis(100)) => {
                report(app, *slot.lock().expect("progress lock"));
            }
        }
    };
    written
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
