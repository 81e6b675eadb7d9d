//! Who is at the window. Once this PC is enrolled with the county, every action needs a
//! logged-in user of the window's department, checked offline against the Argon2id hashes
//! synced down from the hub; the session lives in memory only. A PC that was never enrolled
//! (training, trial) acts as the clerk named in 设置 → 本窗口.

use super::workstation::Station;
use crate::{ApiError, App, ErrorCode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::case::{Actor, Role};
use yichuang_local::journal::{self, AuditInput};
use yichuang_local::sync as sync_store;

/// The hash of a random password nobody knows, verified for unknown names.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        yichuang_core::password::hash(&uuid::Uuid::new_v4().to_string()).unwrap_or_default()
    })
}

/// Failed attempts before a user name is locked for a short while.
const MAX_FAILURES: u32 = 5;
const LOCKOUT_SECONDS: i64 = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

/// The logged-in user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SessionUser {
    pub user_id: String,
    pub username: String,
    pub name: String,
    pub role: Role,
    pub department_code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SessionState {
    /// Enrolled with the county: a login is required to act.
    pub enrolled: bool,
    pub user: Option<SessionUser>,
}

pub async fn current(app: &App, _req: ()) -> Result<SessionState, ApiError> {
    Ok(SessionState {
        enrolled: crate::sync::enrollment(app).await?.is_some(),
        user: app.session.lock().expect("session lock").clone(),
    })
}

fn failed(app: &App) -> ApiError {
    ApiError::new(
        ErrorCode::LoginFailed,
        app.lang()
            .pick("用户名或密码不正确", "Wrong user name or password"),
    )
}

/// Checks the password against the synced hash (also offline) and opens the session.
pub async fn login(app: &App, req: LoginRequest) -> Result<SessionState, ApiError> {
    let session = verify(app, &req).await?;
    record(app, &session, "login").await?;
    switch(app, Some(session));
    current(app, ()).await
}

/// Whoever is at the window now; an invitation to rate made for the previous person's
/// applicant does not outlive them.
pub(crate) fn switch(app: &App, user: Option<SessionUser>) {
    *app.session.lock().expect("session lock") = user;
    app.rating.lock().expect("rating lock").take();
}

/// Checks a user's password against the synced hash, with the lockout after repeated
/// failures: the login, and the second clerk's confirmation of a handover.
pub(crate) async fn verify(app: &App, req: &LoginRequest) -> Result<SessionUser, ApiError> {
    let lang = app.lang();
    let Some(enrolled) = crate::sync::enrollment(app).await? else {
        return Err(ApiError::new(
            ErrorCode::NotEnrolled,
            lang.pick(
                "本机尚未注册到县级中心，无需登录。",
                "This PC is not enrolled with the county; no login is needed.",
            ),
        ));
    };
    let username = req.username.trim().to_string();
    let now = app.clock.now();
    if let Some((count, last)) = app
        .login_failures
        .lock()
        .expect("failures lock")
        .get(&username)
    {
        if *count >= MAX_FAILURES && (now - *last).num_seconds() < LOCKOUT_SECONDS {
            return Err(ApiError::new(
                ErrorCode::LoginLocked,
                lang.pick(
                    "连续输错密码次数过多，请 1 分钟后再试。",
                    "Too many wrong passwords; try again in a minute.",
                ),
            ));
        }
    }
    let user = sync_store::user_by_username(&app.store, &username)
        .await
        .map_err(|e| ApiError::from_store(e, lang))?;
    // Verification costs tens of milliseconds by design; keep it off the async workers.
    // An unknown or inactive name costs the same verification as a real one, so the time
    // of the answer does not tell which user names exist.
    let eligible = user
        .as_ref()
        .is_some_and(|u| u.active && u.department_code == enrolled.department_code);
    let hash = user
        .as_ref()
        .filter(|_| eligible)
        .map(|u| u.password_hash.clone());
    let password = req.password.clone();
    let verified = tokio::task::spawn_blocking(move || {
        let hash = hash.unwrap_or_else(|| dummy_hash().to_string());
        yichuang_core::password::verify(&hash, &password)
    })
    .await
    .unwrap_or(false);
    let ok = eligible && verified;
    let Some(user) = user.filter(|_| ok) else {
        let mut failures = app.login_failures.lock().expect("failures lock");
        let entry = failures.entry(username).or_insert((0, now));
        *entry = (entry.0 + 1, now);
        return Err(failed(app));
    };
    app.login_failures
        .lock()
        .expect("failures lock")
        .remove(&username);
    // A role this version does not know cannot log in (no fallback that might grant
    // something: a supervisor rules on appeals).
    let Some(role) = Role::parse(&user.role) else {
        return Err(ApiError::new(
            ErrorCode::NotPermitted,
            match lang {
                yichuang_core::Lang::ZhCn => {
                    format!("账号角色 {} 不受本版本支持，请升级", user.role)
                }
                yichuang_core::Lang::En => {
                    format!(
                        "Role {} is not known to this version; please update",
                        user.role
                    )
                }
            },
        ));
    };
    Ok(SessionUser {
        user_id: user.user_id,
        username: user.username,
        name: user.name,
        role,
        department_code: user.department_code,
    })
}

/// Leaves the window for a while (lock): the clerk stays responsible for the window's cases.
pub async fn logout(app: &App, _req: ()) -> Result<SessionState, ApiError> {
    let user = app.session.lock().expect("session lock").clone();
    switch(app, None);
    if let Some(user) = user {
        record(app, &user, "logout").await?;
    }
    current(app, ()).await
}

/// Ends the shift: refused while the clerk still owns cases that need work and are not
/// handed over, or holds a colleague's cases (DOMAIN.md rule 5: a window is never left
/// without a responsible clerk).
pub async fn end_shift(app: &App, _req: ()) -> Result<SessionState, ApiError> {
    let lang = app.lang();
    let Some(user) = app.session.lock().expect("session lock").clone() else {
        return current(app, ()).await;
    };
    let st = super::workstation::station(app).await?;
    let mut tx = app
        .store
        .write()
        .await
        .map_err(|e| ApiError::from_store(e, lang))?;
    let cases =
        yichuang_local::handover::cases_of(&mut tx, &st.profile.department_code, &user.user_id)
            .await
            .map_err(|e| ApiError::from_store(e, lang))?;
    drop(tx);
    // Cases handed over are B's to answer for while A is away, and B's time at A's window
    // ends with A's return (the handover record keeps the window's responsible clerk).
    let waiting = cases
        .iter()
        .filter(|c| c.needs_work() && c.holder.is_none() && c.owner == user.user_id)
        .count();
    if waiting > 0 {
        return Err(ApiError::new(
            ErrorCode::HandoverRequired,
            match lang {
                yichuang_core::Lang::ZhCn => format!(
                    "您还有 {waiting} 件未办结的办件，下班前须交接给B岗（AB岗），窗口不能无人负责。"
                ),
                yichuang_core::Lang::En => format!(
                    "You still answer for {waiting} open cases: hand them over to your backup before ending the shift."
                ),
            },
        ));
    }
    switch(app, None);
    record(app, &user, "end_shift").await?;
    current(app, ()).await
}

/// Logins and logouts are part of the audit trail (who was at the window when).
pub(crate) async fn record(app: &App, user: &SessionUser, action: &str) -> Result<(), ApiError> {
    let lang = app.lang();
    let ws = super::workstation::workstation_id(app).await?;
    let err = |e| ApiError::from_store(e, lang);
    let mut tx = app.store.write().await.map_err(err)?;
    journal::append_audit(
        &mut tx,
        AuditInput {
            at: app.clock.now().to_rfc3339(),
            workstation: &ws,
            actor_id: &user.user_id,
            actor: &user.name,
            action,
            case_id: None,
            detail: serde_json::json!({ "username": user.username }).to_string(),
        },
    )
    .await
    .map_err(err)?;
    tx.commit()
        .await
        .map_err(|e| ApiError::from_store(e.into(), lang))
}

/// Who performs a counter action: the logged-in user on an enrolled PC (refused when nobody
/// is), or the clerk named in the profile on a PC that was never enrolled.
pub(crate) async fn acting_user(app: &App, st: &Station) -> Result<Actor, ApiError> {
    if crate::sync::enrollment(app).await?.is_none() {
        return Ok(Actor {
            user_id: st.profile.clerk_id.clone(),
            name: st.profile.clerk_name.clone(),
            role: Role::Clerk,
        });
    }
    let user = app.session.lock().expect("session lock").clone();
    match user {
        Some(u) if u.department_code == st.profile.department_code => {
            if !u.role.works_cases() {
                // The county would refuse it anyway; say so before anything is written.
                return Err(ApiError::new(
                    ErrorCode::NotPermitted,
                    app.lang()
                        .pick("监督员不能办理办件", "Supervisors do not act on cases"),
                ));
            }
            Ok(Actor {
                user_id: u.user_id,
                name: u.name,
                role: u.role,
            })
        }
        _ => Err(ApiError::new(
            ErrorCode::LoginRequired,
            app.lang().pick("请先登录", "Please log in first"),
        )),
    }
}

/// The logged-in supervisor, who rules on card appeals (and does nothing else to a case),
/// confirming with their password at each ruling: the session may be at a clerk's PC. A PC
/// never enrolled has no supervisors.
pub(crate) async fn supervising_user(
    app: &App,
    st: &Station,
    password: &str,
) -> Result<Actor, ApiError> {
    let user = app.session.lock().expect("session lock").clone();
    let enrolled = crate::sync::enrollment(app).await?.is_some();
    if !enrolled {
        return Err(ApiError::new(
            ErrorCode::SupervisorOnly,
            app.lang().pick(
                "本机未注册到县级中心，没有监督员，不能裁定申诉",
                "This PC is not enrolled with the county: it has no supervisors to rule",
            ),
        ));
    }
    if let Some(u) = user.as_ref().filter(|u| u.role == Role::Supervisor) {
        verify(
            app,
            &LoginRequest {
                username: u.username.clone(),
                password: password.to_string(),
            },
        )
        .await?;
    }
    match user {
        Some(u)
            if u.department_code == st.profile.department_code && u.role == Role::Supervisor =>
        {
            Ok(Actor {
                user_id: u.user_id,
                name: u.name,
                role: u.role,
            })
        }
        Some(_) => Err(ApiError::new(
            ErrorCode::SupervisorOnly,
            app.lang().pick(
                "只有中心监督员可以裁定申诉",
                "Only a supervisor of the center rules on appeals",
            ),
        )),
        None => Err(ApiError::new(
            ErrorCode::LoginRequired,
            app.lang().pick("请先登录", "Please log in first"),
        )),
    }
}
