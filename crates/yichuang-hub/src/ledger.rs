//! The county's monthly ledger: every case of a department (or of the whole county) that a
//! month touched, with its timeline and cards, read from the county database as county IT
//! (all departments), then computed and written by yichuang-ledger.

use crate::admin::AdminError;
use sqlx::types::Json;
use sqlx::PgPool;
use std::path::Path;
use yichuang_core::case::{Case, CaseEvent};
use yichuang_ledger::{CardRecord, Period};

/// Writes the ledger of `month` (a month, or a whole year) for `department` (or the whole county) to `out`; returns
/// how many cases are on its register.
pub async fn export(
    pool: &PgPool,
    month: impl Into<Period>,
    department: Option<&str>,
    out: &Path,
    now: chrono::NaiveDateTime,
) -> Result<usize, AdminError> {
    let month: Period = month.into();
    let start = month.first_day().and_hms_opt(0, 0, 0).expect("midnight");
    let end = month
        .next_first_day()
        .and_hms_opt(0, 0, 0)
        .expect("midnight");
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT set_config('yichuang.department', '*', true)")
        .execute(&mut *tx)
        .await?;
    let scope = match department {
        Some(d) => sqlx::query_scalar::<_, String>("SELECT name FROM department WHERE code = $1")
            .bind(d)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| AdminError::NoDepartment(d.to_string()))?,
        None => {
            let center: Option<String> =
                sqlx::query_scalar("SELECT value FROM county_setting WHERE key = 'center_name'")
                    .fetch_optional(&mut *tx)
                    .await?;
            format!("{}（全部部门）", center.unwrap_or_default())
        }
    };
    // A case belongs to the month when anything happened to it then (every change is a
    // timeline line) or a card was raised on it.
    let cases: Vec<(String, Json<Case>)> = sqlx::query_as(
        "SELECT c.id, c.document FROM case_record c \
         WHERE ($3::text IS NULL OR c.department_code = $3) AND ( \
           EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id \
                   AND (e.document->>'at')::timestamp >= $1 AND (e.document->>'at')::timestamp < $2) \
           OR EXISTS (SELECT 1 FROM case_card k WHERE k.case_id = c.id \
                   AND k.raised_at >= $1 AND k.raised_at < $2)) \
         ORDER BY c.id",
    )
    .bind(start)
    .bind(end)
    .bind(department)
    .fetch_all(&mut *tx)
    .await?;
    let ids: Vec<String> = cases.iter().map(|(id, _)| id.clone()).collect();
    let events: Vec<(String, Json<CaseEvent>)> = sqlx::query_as(
        "SELECT case_id, document FROM case_event WHERE case_id = ANY($1) ORDER BY case_id, seq",
    )
    .bind(&ids)
    .fetch_all(&mut *tx)
    .await?;
    let cards: Vec<(
        String,
        String,
        chrono::NaiveDate,
        chrono::DateTime<chrono::Utc>,
    )> = sqlx::query_as(
        "SELECT case_id, level, due_date, raised_at FROM case_card WHERE case_id = ANY($1)",
    )
    .bind(&ids)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    let mut timelines: std::collections::HashMap<String, Vec<CaseEvent>> = Default::default();
    for (id, e) in events {
        timelines.entry(id).or_default().push(e.0);
    }
    let with_events: Vec<(Case, Vec<CaseEvent>)> = cases
        .into_iter()
        .map(|(id, c)| {
            let t = timelines.remove(&id).unwrap_or_default();
            (c.0, t)
        })
        .collect();
    // Counter days are China Standard Time.
    let cst = chrono::FixedOffset::east_opt(8 * 3600).expect("UTC+8");
    let cards: Vec<CardRecord> = cards
        .into_iter()
        .map(|(case_id, level, due_date, raised)| CardRecord {
            case_id,
            level,
            due_date,
            raised_on: raised.with_timezone(&cst).date_naive(),
        })
        .collect();
    let calendar = crate::county::calendar(pool).await?;
    let ledger = yichuang_ledger::compute(month, &scope, &with_events, &cards, &calendar, now);
    // A year's cases are over a gigabyte: gone before the workbook is written.
    drop(with_events);
    yichuang_ledger::write_xlsx(&ledger, out).map_err(|e| AdminError::Invalid(e.to_string()))?;
    Ok(ledger.register.len())
}
