//! The first-inquiry register (首问登记): whoever is asked first logs the question, the item
//! and where the person was sent (DOMAIN.md rule 9).

use super::workstation::station;
use crate::{ApiError, App, ErrorCode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_local::inquiry::{self as store, InquiryRow};
use yichuang_local::journal::AuditInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InquiryOutcome {
    /// Answered at this window.
    Answered,
    /// Sent to another window or department.
    Referred,
    /// A case was opened here.
    CaseOpened,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InquiryRequest {
    /// Made by the window for this submission: a double-click logs once.
    pub action_key: String,
    /// Who asked (name, or a description such as 王女士).
    pub person: String,
    pub question: String,
    pub item_code: Option<String>,
    pub outcome: InquiryOutcome,
    /// Where the person was sent (e.g. 5号窗口 不动产登记).
    pub referred_to: Option<String>,
    pub case_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Inquiry {
    pub id: String,
    pub at: String,
    pub clerk_name: String,
    pub person: String,
    pub question: String,
    pub item_code: Option<String>,
    pub item_name: Option<String>,
    pub outcome: InquiryOutcome,
    pub referred_to: Option<String>,
    pub case_id: Option<String>,
}

fn to_view(r: InquiryRow) -> Inquiry {
    Inquiry {
        outcome: match r.outcome.as_str() {
            "referred" => InquiryOutcome::Referred,
            "case_opened" => InquiryOutcome::CaseOpened,
            _ => InquiryOutcome::Answered,
        },
        id: r.id,
        at: r.at,
        clerk_name: r.clerk_name,
        person: r.person,
        question: r.question,
        item_code: r.item_code,
        item_name: r.item_name,
        referred_to: r.referred_to,
        case_id: r.case_id,
    }
}

fn field_error(app: &App, field: &str, zh: &str, en: &str) -> ApiError {
    let mut e = ApiError::new(ErrorCode::InvalidInput, app.lang().pick(zh, en));
    e.fields.push(yichuang_core::case::FieldError {
        field: field.into(),
        message: app.lang().pick(zh, en).into(),
    });
    e
}

pub async fn log(app: &App, req: InquiryRequest) -> Result<Inquiry, ApiError> {
    let st = station(app).await?;
    if req.action_key.trim().is_empty() {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            app.lang().pick("缺少操作标识", "Missing action key"),
        ));
    }
    let person = req.person.trim().to_string();
    let question = req.question.trim().to_string();
    if person.is_empty() {
        return Err(field_error(app, "person", "请填写咨询人", "Who asked?"));
    }
    if question.is_empty() {
        return Err(field_error(
            app,
            "question",
            "请填写咨询内容",
            "What was asked?",
        ));
    }
    let referred_to = req
        .referred_to
        .as_deref()
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    if req.outcome == InquiryOutcome::Referred && referred_to.is_none() {
        return Err(field_error(
            app,
            "referred_to",
            "引导至其他窗口时须填写去向",
            "Say where the person was sent",
        ));
    }
    // A linked case must be one of this department's.
    if let Some(case_id) = req.case_id.as_deref() {
        let found = yichuang_local::cases::load(&app.store, case_id)
            .await
            .map_err(|e| ApiError::from_store(e, app.lang()))?;
        if found.is_none_or(|c| c.office.department_code != st.profile.department_code) {
            return Err(crate::commit::case_not_found(app, case_id));
        }
    }
    let request_sha =
        crate::commit::hex_sha256(&serde_json::to_string(&req).expect("request serialises"));
    let item = match req.item_code.as_deref().filter(|c| !c.is_empty()) {
        Some(code) => Some(super::catalog::current_item(app, code).await?),
        None => None,
    };
    // Whoever was asked first: the logged-in user on an enrolled PC.
    let clerk = super::session::acting_user(app, &st).await?;
    let now = app.clock.local_now();
    let row = InquiryRow {
        id: uuid::Uuid::new_v4().to_string(),
        at: now.format("%Y-%m-%dT%H:%M:%S").to_string(),
        clerk_id: clerk.user_id.clone(),
        clerk_name: clerk.name.clone(),
        person,
        question,
        item_code: item.as_ref().map(|i| i.code.clone()),
        item_name: item.as_ref().map(|i| i.name.clone()),
        outcome: serde_json::to_value(req.outcome)
            .expect("outcome")
            .as_str()
            .unwrap_or("answered")
            .to_string(),
        referred_to,
        case_id: req.case_id.clone(),
    };
    let audit = AuditInput {
        at: app.clock.now().to_rfc3339(),
        workstation: &st.id,
        actor_id: &clerk.user_id,
        actor: &clerk.name,
        action: "first_inquiry",
        case_id: row.case_id.as_deref(),
        detail: serde_json::json!({"id": row.id, "outcome": row.outcome}).to_string(),
    };
    let err = |e| ApiError::from_store(e, app.lang());
    let logged = store::log(
        &app.store,
        &row,
        audit,
        &uuid::Uuid::new_v4().to_string(),
        req.action_key.trim(),
        &request_sha,
    )
    .await
    .map_err(err)?;
    match logged {
        store::Logged::New => Ok(to_view(row)),
        store::Logged::Already(id) => store::by_id(&app.store, &id)
            .await
            .map_err(err)?
            .map(to_view)
            .ok_or_else(|| ApiError::new(ErrorCode::StorageFailed, "inquiry vanished")),
        store::Logged::KeyReused => Err(ApiError::new(
            ErrorCode::ActionKeyReused,
            app.lang().pick(
                "操作标识已用于另一操作，本次未执行。请刷新后重试。",
                "This action key was already used for another action; nothing was done.",
            ),
        )),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RegisterRequest {
    /// `YYYY-MM-DD`, China Standard Time.
    pub day: chrono::NaiveDate,
    /// One clerk's entries only (their user id), or everyone's.
    pub clerk_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RegisterClerk {
    pub clerk_id: String,
    pub clerk_name: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Register {
    pub day: chrono::NaiveDate,
    pub entries: Vec<Inquiry>,
    /// Who logged inquiries that day, with how many (for the clerk filter).
    pub clerks: Vec<RegisterClerk>,
}

/// The 首问负责 register of a day at this workstation, newest first, optionally one clerk's.
pub async fn register(app: &App, req: RegisterRequest) -> Result<Register, ApiError> {
    let rows = store::of_day(&app.store, &req.day.to_string())
        .await
        .map_err(|e| ApiError::from_store(e, app.lang()))?;
    let mut clerks: Vec<RegisterClerk> = Vec::new();
    for r in &rows {
        match clerks.iter_mut().find(|c| c.clerk_id == r.clerk_id) {
            Some(c) => c.count += 1,
            None => clerks.push(RegisterClerk {
                clerk_id: r.clerk_id.clone(),
                clerk_name: r.clerk_name.clone(),
                count: 1,
            }),
        }
    }
    let entries = rows
        .into_iter()
        .filter(|r| req.clerk_id.as_ref().is_none_or(|c| *c == r.clerk_id))
        .map(to_view)
        .collect();
    Ok(Register {
        day: req.day,
        entries,
        clerks,
    })
}

/// Today's register at this workstation, newest first.
pub async fn today(app: &App, _req: ()) -> Result<Vec<Inquiry>, ApiError> {
    let day = app.clock.local_now().date().to_string();
    Ok(store::of_day(&app.store, &day)
        .await
        .map_err(|e| ApiError::from_store(e, app.lang()))?
        .into_iter()
        .map(to_view)
        .collect())
}
