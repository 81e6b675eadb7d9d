//! Sync as the window shows it: enrolling this PC with the county, the status bar (online or
//! not, what waits, when it last synced, conflicts), "sync now", and the conflicts list —
//! every action the county refused, with its reason, never dropped.

use crate::{ApiError, App, ErrorCode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_local::{journal, sync as store};
use yichuang_sync::Secret;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EnrollRequest {
    /// e.g. https://hub.county.gov.cn:8443
    pub hub_address: String,
    /// The one-time token county IT printed for this window.
    pub token: String,
    /// The county's own CA certificate (PEM), if its hub certificate is not publicly trusted.
    pub ca_pem: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncStatus {
    pub enrolled: bool,
    pub hub_address: Option<String>,
    pub workstation_id: Option<String>,
    /// `null` until the first attempt; `false` while the hub cannot be reached.
    pub online: Option<bool>,
    /// Actions waiting to reach the county.
    pub pending: i64,
    /// Actions the county refused (see the conflicts list).
    pub conflicts: i64,
    /// RFC 3339, last successful sync.
    pub last_sync_at: Option<String>,
    /// The last attempt's error, if it failed.
    pub last_error: Option<ApiError>,
    /// The hub asks for a newer version of this software; the outbox is kept meanwhile.
    pub needs_update: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Conflict {
    pub local_seq: i64,
    /// The refused action (`intake`, `accept`, …).
    pub action: String,
    pub case_id: Option<String>,
    pub case_no: Option<String>,
    /// Stable code from the county (`case_changed`, `number_taken`, …).
    pub code: String,
    pub reason: String,
    pub done_at: String,
    pub refused_at: String,
}

fn serr(app: &App) -> impl Fn(yichuang_local::StoreError) -> ApiError {
    let lang = app.lang();
    move |e| ApiError::from_store(e, lang)
}

pub async fn status(app: &App, _req: ()) -> Result<SyncStatus, ApiError> {
    let enrolled = crate::sync::enrollment(app).await?;
    let last = app.sync_state.lock().expect("sync state lock").clone();
    Ok(SyncStatus {
        enrolled: enrolled.is_some(),
        hub_address: enrolled.as_ref().map(|e| e.hub_address.clone()),
        workstation_id: enrolled.as_ref().map(|e| e.workstation_id.clone()),
        online: last.online,
        pending: journal::pending_mutations(&app.store)
            .await
            .map_err(serr(app))?,
        conflicts: store::conflict_count(&app.store).await.map_err(serr(app))?,
        last_sync_at: crate::sync::last_ok(app).await?,
        last_error: last.error,
        needs_update: last.needs_update,
    })
}

/// Syncs at once (the "立即同步" button); the status says how it went.
pub async fn sync_now(app: &App, _req: ()) -> Result<SyncStatus, ApiError> {
    crate::sync::sync_once(app).await?;
    status(app, ()).await
}

/// Enrolls this PC, then syncs once to bring users, catalog and calendar down.
pub async fn enroll(app: &App, req: EnrollRequest) -> Result<SyncStatus, ApiError> {
    let lang = app.lang();
    if req.token.trim().is_empty() {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            lang.pick("请输入注册码", "Enter the enrollment token"),
        ));
    }
    let label = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "workstation".into());
    crate::sync::enroll(
        app,
        &req.hub_address,
        Secret::new(req.token.trim()),
        req.ca_pem,
        label,
    )
    .await?;
    // Users, catalog and calendar: without them nobody can log in. Offline right after
    // enrolling is unlikely but fine; the status bar shows it and the timer retries.
    let _ = crate::sync::sync_once(app).await;
    status(app, ()).await
}

pub async fn conflicts(app: &App, _req: ()) -> Result<Vec<Conflict>, ApiError> {
    Ok(store::conflicts(&app.store)
        .await
        .map_err(serr(app))?
        .into_iter()
        .map(|c| Conflict {
            local_seq: c.local_seq,
            action: c.kind,
            case_id: c.case_id,
            case_no: c.case_no,
            code: c.code,
            reason: c.reason,
            done_at: c.created_at,
            refused_at: c.decided_at,
        })
        .collect())
}
