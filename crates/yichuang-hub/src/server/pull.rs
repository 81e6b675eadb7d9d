//! Pull: the changes of the workstation's department after its cursor, in `gseq` (commit)
//! order — cases whole and users — plus the current catalog and calendar years it lacks.
//! The department comes from the credential; the request only says where it left off.

use super::{authenticate, Hub, HubError};
use crate::county;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use sqlx::Row;
use std::sync::Arc;
use yichuang_core::case::Role;
use yichuang_sync::{CalendarYearText, PullReply, PullRequest, UserRecord, PULL_PAGE};

pub(crate) async fn pull(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<PullReply>, HubError> {
    let scope = authenticate(&hub, &headers).await?;
    let req: PullRequest = serde_json::from_slice(&body).map_err(HubError::malformed)?;
    let db = HubError::database;
    let mut tx = hub.pool.begin().await.map_err(db)?;
    // One snapshot for the page and its details.
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    county::scope_to(&mut tx, &scope.department)
        .await
        .map_err(db)?;
    // Cases and users share the counter, so one ordered page never leaves a hole behind the
    // cursor. The department filter repeats what row-level security enforces anyway.
    let page = sqlx::query(
        "SELECT gseq, 'case' AS kind, id FROM case_record WHERE department_code = $1 AND gseq > $2 \
         UNION ALL \
         SELECT gseq, 'user' AS kind, user_id AS id FROM app_user WHERE department_code = $1 AND gseq > $2 \
         ORDER BY gseq LIMIT $3",
    )
    .bind(&scope.department)
    .bind(req.cursor)
    .bind(i64::from(PULL_PAGE))
    .fetch_all(&mut *tx)
    .await
    .map_err(db)?;
    let more = page.len() as u32 == PULL_PAGE;
    let cursor = page
        .last()
        .map(|r| r.get::<i64, _>("gseq"))
        .unwrap_or(req.cursor);
    let mut case_ids = Vec::new();
    let mut user_ids = Vec::new();
    for r in &page {
        let id: String = r.get("id");
        if r.get::<String, _>("kind") == "case" {
            case_ids.push(id);
        } else {
            user_ids.push(id);
        }
    }
    let cases = county::bundles(&mut tx, &case_ids).await.map_err(db)?;
    let users = sqlx::query(
        "SELECT user_id, username, name, role, department_code, password_hash, active, gseq \
         FROM app_user WHERE user_id = ANY($1) ORDER BY gseq",
    )
    .bind(&user_ids)
    .fetch_all(&mut *tx)
    .await
    .map_err(db)?
    .iter()
    .filter_map(|r| {
        let role: Role = serde_json::from_value(serde_json::Value::String(r.get("role"))).ok()?;
        Some(UserRecord {
            gseq: r.get("gseq"),
            user_id: r.get("user_id"),
            username: r.get("username"),
            name: r.get("name"),
            role,
            department_code: r.get("department_code"),
            password_hash: r.get("password_hash"),
            active: r.get("active"),
        })
    })
    .collect();
    let catalog: Option<(String, Option<String>)> =
        sqlx::query_as("SELECT version, source_text FROM catalog_version WHERE is_current")
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
    let catalog = catalog
        .filter(|(v, _)| req.catalog_version.as_deref() != Some(v.as_str()))
        .and_then(|(_, text)| text);
    let calendars = sqlx::query_as::<_, (i32, String, String)>(
        "SELECT year, sha256, document FROM calendar_year ORDER BY year",
    )
    .fetch_all(&mut *tx)
    .await
    .map_err(db)?
    .into_iter()
    .filter(|(year, sha, _)| {
        !req.calendars_held
            .iter()
            .any(|h| h.year == *year && &h.sha256 == sha)
    })
    .map(|(year, _, document)| CalendarYearText { year, document })
    .collect();
    tx.commit().await.map_err(db)?;
    let server_time = chrono::Utc::now()
        .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).expect("UTC+8"))
        .naive_local();
    Ok(Json(PullReply {
        cases,
        users,
        catalog,
        calendars,
        cursor,
        more,
        server_time,
    }))
}
