//! The workstation's sync engine: enrollment, then push (the outbox in local order, with the
//! audit entries the county lacks) and pull (the department's changes after the cursor,
//! users, catalog and calendar). Computed from what the cache holds, executed against the
//! hub, recorded in the cache. Offline is a normal state: nothing is lost, the next run
//! continues where this one stopped.

use crate::api::workstation;
use crate::commit::index_of;
use crate::{ApiError, App, ErrorCode};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use yichuang_core::Lang;
use yichuang_local::catalog::CatalogSource;
use yichuang_local::sync::{self as store, LocalUser};
use yichuang_local::{calendar as calendar_store, catalog as catalog_store, settings};
use yichuang_sync::{
    HubAddress, HubClient, OutboxMutation, PullRequest, PushRequest, Secret, SyncError, Verdict,
    WireErrorCode, PUSH_BATCH,
};

const ENROLLMENT_KEY: &str = "hub.enrollment";
const CURSOR_KEY: &str = "sync.cursor";
const AUDIT_SEQ_KEY: &str = "sync.audit_seq";
const LAST_OK_KEY: &str = "sync.last_ok_at";
/// Audit entries sent per push.
const AUDIT_BATCH: u32 = 500;

/// This PC's enrollment with the county (nothing secret: the credential is in the keyring).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrollment {
    pub hub_address: String,
    pub workstation_id: String,
    pub department_code: String,
    pub window_code: String,
    /// The county's own CA certificate (PEM), when its hub is not publicly trusted.
    pub ca_pem: Option<String>,
}

impl Enrollment {
    /// The keyring account holding this workstation's credential.
    pub fn account(&self) -> String {
        format!("hub:{}", self.workstation_id)
    }
}

/// What the last sync attempt found.
#[derive(Debug, Clone, Default)]
pub struct LastAttempt {
    pub at: Option<DateTime<Utc>>,
    pub online: Option<bool>,
    pub error: Option<ApiError>,
    /// The hub no longer accepts this version: sync stops until the software is updated.
    pub needs_update: bool,
}

/// What one sync run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub pushed: u32,
    pub rejected: u32,
    pub pulled_cases: u32,
    pub pulled_users: u32,
}

pub async fn enrollment(app: &App) -> Result<Option<Enrollment>, ApiError> {
    Ok(settings::get(&app.store, ENROLLMENT_KEY)
        .await
        .map_err(|e| ApiError::from_store(e, app.lang()))?
        .and_then(|t| serde_json::from_str(&t).ok()))
}

pub(crate) async fn last_ok(app: &App) -> Result<Option<String>, ApiError> {
    settings::get(&app.store, LAST_OK_KEY)
        .await
        .map_err(|e| ApiError::from_store(e, app.lang()))
}

fn sync_error(e: SyncError, lang: Lang) -> ApiError {
    match e {
        SyncError::Offline(detail) => {
            tracing::info!(%detail, "county hub unreachable");
            ApiError::new(
                ErrorCode::HubOffline,
                lang.pick(
                    "暂时连不上县级中心，办件已保存在本机，网络恢复后自动同步。",
                    "The county hub cannot be reached; work is kept on this PC and syncs when the network is back.",
                ),
            )
        }
        SyncError::Untrusted(detail) => {
            tracing::warn!(%detail, "the hub's certificate is not trusted");
            ApiError::new(
                ErrorCode::HubCertificateUntrusted,
                lang.pick(
                    "县级中心的证书不受信任：请核对地址；如县里使用自己的 CA，请在“高级”中填入县级 CA 证书。",
                    "The hub's certificate is not trusted: check the address, or give the county CA certificate under Advanced.",
                ),
            )
        }
        SyncError::BadCaCertificate(detail) => ApiError::new(
            ErrorCode::InvalidInput,
            match lang {
                Lang::ZhCn => format!("县级 CA 证书无法读取：{detail}"),
                Lang::En => format!("The county CA certificate cannot be read: {detail}"),
            },
        ),
        SyncError::BadAddress(detail) => ApiError::new(
            ErrorCode::HubAddressInvalid,
            match lang {
                Lang::ZhCn => format!("县级中心地址无效：{detail}"),
                Lang::En => format!("Invalid hub address: {detail}"),
            },
        ),
        SyncError::Refused(w) => {
            let code = match w.code {
                WireErrorCode::ClientTooOld => ErrorCode::ClientTooOld,
                WireErrorCode::EnrollmentRefused => ErrorCode::EnrollmentRefused,
                WireErrorCode::Unavailable => ErrorCode::HubOffline,
                _ => ErrorCode::HubRefused,
            };
            // The hub's messages are written for the counter in Chinese.
            ApiError::new(code, w.message)
        }
        SyncError::BadReply(detail) => {
            tracing::error!(%detail, "unexpected reply from the county hub");
            ApiError::new(
                ErrorCode::HubRefused,
                lang.pick(
                    "县级中心的回复无法识别，请联系信息科。",
                    "The county hub's reply was not understood; call IT.",
                ),
            )
        }
    }
}

/// Runs a blocking hub call off the async workers.
async fn call<T: Send + 'static>(
    lang: Lang,
    f: impl FnOnce() -> Result<T, SyncError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| {
            ApiError::new(
                ErrorCode::HubOffline,
                lang.pick("同步被中断", "Sync was interrupted"),
            )
        })?
        .map_err(|e| sync_error(e, lang))
}

fn secret_err(e: yichuang_sync::SecretError, lang: Lang) -> ApiError {
    tracing::error!(error = %e, "secret store failed");
    ApiError::new(
        ErrorCode::SecretStoreFailed,
        lang.pick(
            "无法读写系统钥匙串中的工作站凭据。请确认已登录桌面会话并解锁钥匙串。",
            "Cannot use the workstation credential in the system keyring. Make sure the desktop keyring is unlocked.",
        ),
    )
}

/// Enrolls this PC with the hub using a one-time token. The cache must hold no cases yet
/// (trial cases never reach the county); the credential goes to the keyring, the window's
/// department and window to the profile, and the county's series marks to the local series.
pub async fn enroll(
    app: &App,
    hub_address: &str,
    token: Secret,
    ca_pem: Option<String>,
    label: String,
) -> Result<Enrollment, ApiError> {
    let lang = app.lang();
    let serr = |e| ApiError::from_store(e, lang);
    if enrollment(app).await?.is_some() {
        return Err(ApiError::new(
            ErrorCode::AlreadyEnrolled,
            lang.pick("本机已注册到县级中心。", "This PC is already enrolled."),
        ));
    }
    if store::holds_cases(&app.store).await.map_err(serr)? {
        return Err(ApiError::new(
            ErrorCode::EnrollmentNeedsEmptyCache,
            lang.pick(
                "本机已有试用办件，不能注册到县级中心（试用数据不能进入正式台账）。请用新的数据目录注册。",
                "This PC holds trial cases and cannot be enrolled (trial data must not reach the county ledger). Enroll with a fresh data directory.",
            ),
        ));
    }
    let address = HubAddress::parse(hub_address).map_err(|e| sync_error(e, lang))?;
    let ca = ca_pem.clone().filter(|p| !p.trim().is_empty());
    let client = HubClient::new(address.clone(), ca.as_deref()).map_err(|e| sync_error(e, lang))?;
    let reply = call(lang, move || client.enroll(&token, &label)).await?;
    let enrolled = Enrollment {
        hub_address: address.as_str().to_string(),
        workstation_id: reply.workstation_id.clone(),
        department_code: reply.department_code.clone(),
        window_code: reply.window_code.clone(),
        ca_pem: ca,
    };
    app.secrets
        .set(&enrolled.account(), &reply.credential)
        .map_err(|e| secret_err(e, lang))?;
    let mut tx = app.store.write().await.map_err(serr)?;
    for mark in &reply.series {
        store::raise_series(&mut tx, &mark.series, mark.last_seq)
            .await
            .map_err(serr)?;
    }
    tx.commit()
        .await
        .map_err(|e| ApiError::from_store(e.into(), lang))?;
    workstation::adopt_enrollment(app, &reply).await?;
    settings::set(
        &app.store,
        ENROLLMENT_KEY,
        &serde_json::to_string(&enrolled).expect("enrollment serialises"),
    )
    .await
    .map_err(serr)?;
    tracing::info!(workstation = %enrolled.workstation_id, "enrolled with the county hub");
    Ok(enrolled)
}

/// Pushes everything pending, then pulls everything new. One run at a time.
pub async fn sync_once(app: &App) -> Result<SyncReport, ApiError> {
    let _gate = app.sync_gate.lock().await;
    let result = run(app).await;
    let mut state = app.sync_state.lock().expect("sync state lock");
    state.at = Some(app.clock.now());
    match &result {
        Ok(_) => {
            state.online = Some(true);
            state.error = None;
            state.needs_update = false;
        }
        Err(e) => {
            state.online = Some(!matches!(e.code, ErrorCode::HubOffline));
            state.needs_update = e.code == ErrorCode::ClientTooOld;
            state.error = Some(e.clone());
        }
    }
    result
}

async fn run(app: &App) -> Result<SyncReport, ApiError> {
    let lang = app.lang();
    let Some(enrolled) = enrollment(app).await? else {
        return Err(ApiError::new(
            ErrorCode::NotEnrolled,
            lang.pick(
                "本机尚未注册到县级中心。",
                "This PC is not enrolled with the county hub.",
            ),
        ));
    };
    let credential = app
        .secrets
        .get(&enrolled.account())
        .map_err(|e| secret_err(e, lang))?
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::SecretStoreFailed,
                lang.pick(
                    "系统钥匙串中找不到本机的县级中心凭据，请联系信息科重新注册本机。",
                    "The workstation credential is missing from the keyring; ask IT to enroll this PC again.",
                ),
            )
        })?;
    let address = HubAddress::parse(&enrolled.hub_address).map_err(|e| sync_error(e, lang))?;
    let client =
        HubClient::new(address, enrolled.ca_pem.as_deref()).map_err(|e| sync_error(e, lang))?;
    let mut report = SyncReport::default();
    let pushed = push(app, &client, &credential, &mut report).await;
    // A push the hub refuses (rather than one that cannot reach it) must not keep the
    // department's news away: pull anyway, then report the push's failure.
    if let Err(e) = &pushed {
        if matches!(e.code, ErrorCode::HubOffline | ErrorCode::ClientTooOld) {
            return Err(e.clone());
        }
    }
    pull(app, &client, &credential, &enrolled, &mut report).await?;
    pushed?;
    settings::set(&app.store, LAST_OK_KEY, &app.clock.now().to_rfc3339())
        .await
        .map_err(|e| ApiError::from_store(e, lang))?;
    Ok(report)
}

async fn setting_i64(app: &App, key: &str) -> Result<i64, ApiError> {
    Ok(settings::get(&app.store, key)
        .await
        .map_err(|e| ApiError::from_store(e, app.lang()))?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

async fn push(
    app: &App,
    client: &HubClient,
    credential: &Secret,
    report: &mut SyncReport,
) -> Result<(), ApiError> {
    let lang = app.lang();
    let serr = |e| ApiError::from_store(e, lang);
    loop {
        let batch = store::pending(&app.store, PUSH_BATCH as u32)
            .await
            .map_err(serr)?;
        let audit_seq = setting_i64(app, AUDIT_SEQ_KEY).await?.max(0) as u64;
        let audit = store::audit_after(&app.store, audit_seq, AUDIT_BATCH)
            .await
            .map_err(serr)?;
        if batch.is_empty() && audit.is_empty() {
            return Ok(());
        }
        let req = PushRequest {
            mutations: batch
                .iter()
                .map(|m| OutboxMutation {
                    local_seq: m.local_seq,
                    mutation_id: m.mutation_id.clone(),
                    kind: m.kind.clone(),
                    case_id: m.case_id.clone(),
                    payload: m.payload.clone(),
                })
                .collect(),
            audit,
        };
        let (c, cred) = (client.clone(), credential.clone());
        let reply = call(lang, move || c.push(&cred, &req)).await?;
        let calendar = app.calendar();
        let today = app.clock.local_now().date();
        let at = app.clock.now().to_rfc3339();
        // Verdicts, the county's copy of refused cases and the audit mark: one transaction,
        // so a crash here means the next push asks again and gets the same stored verdicts.
        let mut tx = app.store.write().await.map_err(serr)?;
        for o in &reply.outcomes {
            match &o.verdict {
                Verdict::Accepted => {
                    store::record_verdict(&mut tx, o.local_seq, None, &at)
                        .await
                        .map_err(serr)?;
                    report.pushed += 1;
                }
                Verdict::Rejected { code, reason } => {
                    let code = serde_json::to_value(code)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default();
                    store::record_verdict(&mut tx, o.local_seq, Some((&code, reason)), &at)
                        .await
                        .map_err(serr)?;
                    tracing::warn!(local_seq = o.local_seq, %code, "the county refused a mutation");
                    report.rejected += 1;
                }
            }
        }
        for o in &reply.outcomes {
            let Verdict::Rejected { .. } = &o.verdict else {
                continue;
            };
            let ahead = match &o.case {
                Some(b) => store::has_pending(&mut tx, &b.case.id)
                    .await
                    .map_err(serr)?,
                None => false,
            };
            match (&o.case, batch.iter().find(|m| m.local_seq == o.local_seq)) {
                // The county's copy replaces the window's optimistic one (unless more of this
                // case's actions are still on their way: their verdicts bring it back).
                (Some(b), _) if !ahead => {
                    let index = index_of(&b.case, &calendar, today);
                    store::replace_case(&mut tx, &b.case, &b.events, &b.notices, &index)
                        .await
                        .map_err(serr)?;
                    keep_cards(&mut tx, b).await.map_err(serr)?;
                }
                // A refused intake: the county has no such case.
                (None, Some(m)) if m.kind == "intake" => {
                    if let Some(id) = &m.case_id {
                        store::mark_refused_by_county(&mut tx, id)
                            .await
                            .map_err(serr)?;
                    }
                }
                _ => {}
            }
        }
        yichuang_local::settings::set_in_tx(&mut tx, AUDIT_SEQ_KEY, &reply.audit_seq.to_string())
            .await
            .map_err(serr)?;
        tx.commit()
            .await
            .map_err(|e| ApiError::from_store(e.into(), lang))?;
        if reply.outcomes.is_empty() && reply.audit_seq == audit_seq {
            // The county took no audit entry (its copy of the chain does not continue):
            // county IT sees it; the cases keep flowing.
            tracing::error!(audit_seq, "the county did not take the audit entries");
            return Ok(());
        }
    }
}

async fn pull(
    app: &App,
    client: &HubClient,
    credential: &Secret,
    enrolled: &Enrollment,
    report: &mut SyncReport,
) -> Result<(), ApiError> {
    let lang = app.lang();
    let serr = |e| ApiError::from_store(e, lang);
    loop {
        let cursor = setting_i64(app, CURSOR_KEY).await?;
        let req = PullRequest {
            cursor,
            catalog_version: catalog_store::current_version(&app.store)
                .await
                .map_err(serr)?,
            calendars_held: calendar_store::imported_years(&app.store)
                .await
                .map_err(serr)?
                .iter()
                .map(|y| yichuang_sync::CalendarHeld {
                    year: y.year,
                    sha256: y.sha256.clone(),
                })
                .collect(),
        };
        let (c, cred) = (client.clone(), credential.clone());
        let reply = call(lang, move || c.pull(&cred, &req)).await?;
        let calendar = app.calendar();
        let today = app.clock.local_now().date();
        let mut tx = app.store.write().await.map_err(serr)?;
        for u in &reply.users {
            // The hub sends only the department's users; a stray one is never stored.
            if u.department_code != enrolled.department_code {
                continue;
            }
            let role = serde_json::to_value(u.role)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            // A user deactivated at the county is logged out here at once.
            if !u.active {
                let mut session = app.session.lock().expect("session lock");
                if session.as_ref().is_some_and(|s| s.user_id == u.user_id) {
                    *session = None;
                }
            }
            store::upsert_user(
                &mut tx,
                &LocalUser {
                    user_id: u.user_id.clone(),
                    username: u.username.clone(),
                    name: u.name.clone(),
                    role,
                    department_code: u.department_code.clone(),
                    password_hash: u.password_hash.clone(),
                    active: u.active,
                },
                u.gseq,
            )
            .await
            .map_err(serr)?;
            report.pulled_users += 1;
        }
        for b in &reply.cases {
            if b.case.office.department_code != enrolled.department_code {
                continue;
            }
            // A case with actions still on their way is ahead of the county's copy: keep it;
            // the county's next version comes back once they are decided.
            if store::has_pending(&mut tx, &b.case.id)
                .await
                .map_err(serr)?
            {
                continue;
            }
            let index = index_of(&b.case, &calendar, today);
            store::replace_case(&mut tx, &b.case, &b.events, &b.notices, &index)
                .await
                .map_err(serr)?;
            keep_cards(&mut tx, b).await.map_err(serr)?;
            report.pulled_cases += 1;
        }
        yichuang_local::settings::set_in_tx(&mut tx, CURSOR_KEY, &reply.cursor.to_string())
            .await
            .map_err(serr)?;
        tx.commit()
            .await
            .map_err(|e| ApiError::from_store(e.into(), lang))?;
        if let Some(text) = &reply.catalog {
            if let Err(e) = crate::api::catalog::import_text(app, text, CatalogSource::Hub).await {
                tracing::error!(error = %e, "the county's catalog could not be imported");
            }
        }
        for year in &reply.calendars {
            let req = crate::api::calendar::ImportCalendarRequest {
                text: year.document.clone(),
            };
            if let Err(e) = crate::api::calendar::import_year(app, req).await {
                tracing::error!(year = year.year, error = %e, "the county's calendar could not be imported");
            }
        }
        if !reply.more {
            return Ok(());
        }
    }
}

/// Syncs every `every` until `stop` turns true; failures are kept for the status bar.
pub async fn run_loop(
    app: &App,
    every: std::time::Duration,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        if matches!(enrollment(app).await, Ok(Some(_))) {
            if let Err(e) = sync_once(app).await {
                tracing::debug!(error = %e, "sync run failed");
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = stop.changed() => return,
        }
    }
}

/// The county's cards of a pulled case, kept beside the case (a card this PC raised itself
/// stays as it is; nothing is queued back, the county has them).
async fn keep_cards(
    tx: &mut yichuang_local::WriteTx,
    b: &yichuang_sync::CaseBundle,
) -> Result<(), yichuang_local::StoreError> {
    for c in &b.cards {
        yichuang_local::cards::raise(
            tx,
            &b.case.id,
            &c.level,
            &c.due_date.to_string(),
            &c.raised_at.to_rfc3339(),
        )
        .await?;
    }
    Ok(())
}
