//! Enrollment: a one-time token (printed by `yichuang-hub enroll-workstation`) becomes a
//! workstation identity and a credential. The workstation that held this window before is
//! revoked and its number series pass to the new one, so a replaced PC continues them.

use super::{check_protocol, Hub, HubError};
use crate::admin::{random_secret, secret_sha256};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use std::sync::Arc;
use yichuang_sync::{EnrollReply, EnrollRequest, Secret, SeriesMark, WireErrorCode};

pub(crate) async fn enroll(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<EnrollReply>, HubError> {
    check_protocol(&hub, &headers)?;
    let req: EnrollRequest = serde_json::from_slice(&body).map_err(HubError::malformed)?;
    let db = HubError::database;
    let mut tx = hub.pool.begin().await.map_err(db)?;
    let token: Option<(String, String)> = sqlx::query_as(
        "SELECT department_code, window_code FROM enrollment_token \
         WHERE token_sha256 = $1 AND used_at IS NULL AND expires_at > now() FOR UPDATE",
    )
    .bind(secret_sha256(req.token.expose().trim()))
    .fetch_optional(&mut *tx)
    .await
    .map_err(db)?;
    let Some((department, window)) = token else {
        return Err(HubError::new(
            StatusCode::FORBIDDEN,
            WireErrorCode::EnrollmentRefused,
            "注册码无效、已使用或已过期。请向县数据中心重新申请注册码。",
        ));
    };
    crate::county::scope_to(&mut tx, &department)
        .await
        .map_err(db)?;
    let id = uuid::Uuid::new_v4().to_string();
    let credential = random_secret("wks_");
    // The window's previous PC stops here: one workstation writes each window's series.
    let previous: Vec<String> = sqlx::query_scalar(
        "UPDATE workstation SET revoked_at = now() \
         WHERE department_code = $1 AND window_code = $2 AND revoked_at IS NULL RETURNING id",
    )
    .bind(&department)
    .bind(&window)
    .fetch_all(&mut *tx)
    .await
    .map_err(db)?;
    let label: String = req.label.chars().take(64).collect();
    sqlx::query(
        "INSERT INTO workstation (id, department_code, window_code, label, credential_sha256) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(&department)
    .bind(&window)
    .bind(&label)
    .bind(secret_sha256(&credential))
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    let series: Vec<(String, i64)> = sqlx::query_as(
        "UPDATE series_mark SET workstation_id = $1 \
         WHERE department_code = $2 AND window_code = $3 RETURNING series, last_seq",
    )
    .bind(&id)
    .bind(&department)
    .bind(&window)
    .fetch_all(&mut *tx)
    .await
    .map_err(db)?;
    sqlx::query(
        "UPDATE enrollment_token SET used_at = now(), workstation_id = $2 WHERE token_sha256 = $1",
    )
    .bind(secret_sha256(req.token.expose().trim()))
    .bind(&id)
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    let (department_name, window_name): (String, String) = sqlx::query_as(
        "SELECT d.name, w.name FROM service_window w JOIN department d ON d.code = w.department_code \
         WHERE w.department_code = $1 AND w.code = $2",
    )
    .bind(&department)
    .bind(&window)
    .fetch_one(&mut *tx)
    .await
    .map_err(db)?;
    let center_name: Option<String> =
        sqlx::query_scalar("SELECT value FROM county_setting WHERE key = 'center_name'")
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
    let region_code: Option<String> =
        sqlx::query_scalar("SELECT region_code FROM catalog_version WHERE is_current")
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
    tx.commit().await.map_err(db)?;
    tracing::info!(workstation = %id, %department, %window, replaced = previous.len(), "workstation enrolled");
    Ok(Json(EnrollReply {
        workstation_id: id,
        credential: Secret::new(credential),
        region_code: region_code.unwrap_or_default(),
        center_name: center_name.unwrap_or_else(|| "政务服务中心".into()),
        department_code: department,
        department_name,
        window_code: window,
        window_name,
        series: series
            .into_iter()
            .map(|(series, last_seq)| SeriesMark {
                series,
                last_seq: last_seq.max(0) as u64,
            })
            .collect(),
    }))
}
