//! A yellow or red card raised by a workstation's watcher (a deadline's, or a late
//! rectification task's). Every PC of the department may
//! raise the same card; the county keeps the first.

use super::rule::{refuse, RunError};
use crate::county;
use crate::server::Scope;
use sqlx::PgConnection;
use yichuang_sync::{OutboxMutation, RejectCode};

pub(super) async fn raise(
    tx: &mut PgConnection,
    scope: &Scope,
    m: &OutboxMutation,
) -> Result<(), RunError> {
    let case_id = m
        .case_id
        .clone()
        .ok_or_else(|| refuse(RejectCode::Malformed, "预警缺少办件。"))?;
    let level = m.payload.get("card").and_then(|v| v.as_str()).unwrap_or("");
    let due = m
        .payload
        .get("due")
        .and_then(|v| v.as_str())
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let (Some(due), true) = (
        due,
        matches!(level, "yellow" | "red" | "follow_up_late" | "rectify_late"),
    ) else {
        return Err(refuse(RejectCode::Malformed, "预警内容无效。"));
    };
    if county::load_for_update(tx, &case_id).await?.is_none() {
        return Err(refuse(RejectCode::CaseNotFound, "县级中心没有这个办件。"));
    }
    sqlx::query(
        "INSERT INTO case_card (case_id, level, department_code, due_date, workstation_id) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id, level) DO NOTHING",
    )
    .bind(&case_id)
    .bind(level)
    .bind(&scope.department)
    .bind(due)
    .bind(&scope.workstation_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
