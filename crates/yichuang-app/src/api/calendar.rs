//! The working-day calendar as the clerk sees it: which years are loaded, importing next
//! year's notice, and the due-date helper of an item.

use crate::{ApiError, App, ErrorCode};
use chrono::{Datelike, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::calendar::HolidayYear;
pub use yichuang_core::deadline::DueDatePreview;
use yichuang_core::deadline::{self, DEFAULT_CLOSING_TIME};
use yichuang_local::calendar as store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarInfo {
    pub version: String,
    pub years: Vec<i32>,
    /// Today's date at the counter (China Standard Time).
    pub today: chrono::NaiveDate,
    /// Next year's official notice is loaded; until then deadlines reaching it are provisional.
    pub next_year_loaded: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportCalendarRequest {
    /// The holidays-cn file's text.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueDateRequest {
    pub item_code: String,
}

pub async fn info(app: &App, _req: ()) -> Result<CalendarInfo, ApiError> {
    let cal = app.calendar();
    let today = app.clock.local_now().date();
    Ok(CalendarInfo {
        version: cal.version().to_string(),
        years: cal.years().collect(),
        today,
        next_year_loaded: cal.knows_year(today.year() + 1),
    })
}

/// Loads one year's notice (e.g. 2027.json when the State Council publishes it).
pub async fn import_year(app: &App, req: ImportCalendarRequest) -> Result<CalendarInfo, ApiError> {
    let lang = app.lang();
    let year = HolidayYear::parse(&req.text).map_err(|e| {
        ApiError::new(
            ErrorCode::CalendarInvalid,
            format!(
                "{}{}",
                lang.pick(
                    "节假日安排文件有误，未导入：",
                    "Invalid holiday file, nothing imported: "
                ),
                e.message(lang)
            ),
        )
    })?;
    store::import_year(&app.store, &year, &req.text, app.clock.now())
        .await
        .map_err(|e| ApiError::from_store(e, lang))?;
    app.reload_calendar().await?;
    let workstation = super::workstation::workstation_id(app).await?;
    let moved = crate::commit::recompute_deadlines(app, &workstation).await?;
    tracing::info!(
        year = year.year,
        moved,
        "calendar imported; open deadlines recomputed"
    );
    info(app, ()).await
}

/// "Accepted now → due on …" for an item of the current catalog.
pub async fn due_date(app: &App, req: DueDateRequest) -> Result<DueDatePreview, ApiError> {
    let item = super::catalog::current_item(app, &req.item_code).await?;
    let closing = NaiveTime::from_hms_opt(DEFAULT_CLOSING_TIME.0, DEFAULT_CLOSING_TIME.1, 0)
        .expect("valid closing time");
    Ok(deadline::preview(
        &item,
        &app.calendar(),
        app.clock.local_now(),
        closing,
    ))
}
