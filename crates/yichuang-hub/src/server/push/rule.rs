//! One case mutation at the county: who acts (the county's own record of the user, not the
//! workstation's word), on which case (this department's, exactly as the window saw it),
//! under which number, then the same yichuang-core rule the window ran.

use super::series;
use crate::county;
use crate::server::Scope;
use sqlx::types::Json as SqlJson;
use sqlx::PgConnection;
use yichuang_core::case::{CaseCommand, CaseMutation, MutationBody, MutationError, Role};
use yichuang_core::catalog::ServiceItem;
use yichuang_core::{Lang, WorkCalendar};
use yichuang_sync::{OutboxMutation, RejectCode};

pub(super) struct Refusal(pub RejectCode, pub String);

pub(super) enum RunError {
    Refused(Refusal),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for RunError {
    fn from(e: sqlx::Error) -> Self {
        RunError::Database(e)
    }
}

pub(super) fn refuse(code: RejectCode, reason: impl Into<String>) -> RunError {
    RunError::Refused(Refusal(code, reason.into()))
}

/// Runs a case mutation; returns the id of the case it wrote (none when nothing changed).
pub(super) async fn run(
    tx: &mut PgConnection,
    scope: &Scope,
    calendar: &WorkCalendar,
    m: &OutboxMutation,
) -> Result<Option<String>, RunError> {
    let mut mutation: CaseMutation = serde_json::from_value(m.payload.clone())
        .map_err(|e| refuse(RejectCode::Malformed, format!("无法读取操作内容：{e}")))?;
    if mutation.name() != m.kind || Some(&mutation.case_id) != m.case_id.as_ref() {
        return Err(refuse(RejectCode::Malformed, "操作内容与同步记录不一致。"));
    }
    // A rating is the applicant's, given on the window's applicant-facing screen: no county
    // user stands behind it, and no county user may give one (the core rule refuses any
    // other role; the fixed pseudo-actor keeps a clerk's id out of it).
    let rating = matches!(
        &mutation.body,
        MutationBody::Command {
            command: CaseCommand::Evaluate { .. }
        }
    );
    if rating {
        if mutation.actor.role != Role::Applicant || mutation.actor.user_id != "applicant" {
            return Err(refuse(
                RejectCode::RuleRefused,
                "评价只能由申请人在评价屏上作出，工作人员不能代为评价。",
            ));
        }
        mutation.actor.name = "申请人".into();
    }
    // Anyone else must be an active user of this department at the county, in a role that
    // works cases; their name and role are the county's, whatever the payload says.
    let actor: Option<(String, String, bool)> = sqlx::query_as(
        "SELECT name, role, active FROM app_user WHERE user_id = $1 AND department_code = $2",
    )
    .bind(&mutation.actor.user_id)
    .bind(&scope.department)
    .fetch_optional(&mut *tx)
    .await?;
    // A supervisor's one case command is the ruling on a card appeal; everyone else works
    // cases.
    let ruling = matches!(
        &mutation.body,
        MutationBody::Command {
            command: CaseCommand::RuleAppeal { .. }
        }
    );
    let role = actor
        .as_ref()
        .filter(|(_, _, active)| *active)
        .and_then(|(_, role, _)| Role::parse(role))
        .filter(|r| match ruling {
            true => *r == Role::Supervisor,
            false => r.works_cases(),
        });
    match (actor, role) {
        _ if rating => {}
        (Some((name, _, _)), Some(role)) => {
            mutation.actor.name = name;
            mutation.actor.role = role;
        }
        _ => {
            return Err(refuse(
                RejectCode::UnknownUser,
                format!(
                    "{} 不是本部门在县级中心登记的有效{}。",
                    mutation.actor.name,
                    if ruling { "监督员" } else { "办件人员" }
                ),
            ))
        }
    }
    // A handover names its receiver: an active case-working user of this department at the
    // county, under the county's name for them.
    if let MutationBody::Command {
        command: CaseCommand::HandOver { to_id, to_name, .. },
    } = &mut mutation.body
    {
        let to: Option<(String, String)> = sqlx::query_as(
            "SELECT name, role FROM app_user WHERE user_id = $1 AND department_code = $2 AND active",
        )
        .bind(&*to_id)
        .bind(&scope.department)
        .fetch_optional(&mut *tx)
        .await?;
        match to.filter(|(_, role)| Role::parse(role).is_some_and(|r| r.works_cases())) {
            Some((name, _)) => *to_name = name,
            None => {
                return Err(refuse(
                    RejectCode::UnknownUser,
                    format!("交接对象 {to_name} 不是本部门在县级中心登记的有效办件人员。"),
                ))
            }
        }
    }
    // An appeal, and its ruling, need the card to have reached the county.
    if let MutationBody::Command {
        command: CaseCommand::AppealCard { card, .. } | CaseCommand::RuleAppeal { card, .. },
    } = &mutation.body
    {
        let raised: Option<i32> =
            sqlx::query_scalar("SELECT 1 FROM case_card WHERE case_id = $1 AND level = $2")
                .bind(&mutation.case_id)
                .bind(card.as_str())
                .fetch_optional(&mut *tx)
                .await?;
        if raised.is_none() {
            return Err(refuse(
                RejectCode::RuleRefused,
                format!(
                    "县级中心没有该办件的{}，申诉或裁定未生效。",
                    card.label_zh()
                ),
            ));
        }
    }
    let current = county::load_for_update(tx, &mutation.case_id).await?;
    if let (Some(c), Some(base)) = (&current, mutation.base_version) {
        // Version AND fingerprint: two windows can each reach "version 2" by different
        // actions; only the very same case counts as unchanged.
        if !mutation.is_based_on(c) {
            // The owner's write from before a handover (e.g. offline at another PC) is
            // fenced: the case moved to the backup clerk and its owner epoch moved on.
            if let Some(h) = c
                .holder
                .as_ref()
                .filter(|_| c.owner == mutation.actor.user_id)
            {
                return Err(refuse(
                    RejectCode::CaseChanged,
                    format!(
                        "办件 {} 已于 {} 交接给 {}（AB岗，交接轮次 {}），{} 在交接后的操作未生效；请与 {} 联系或交回后再办理。",
                        c.case_no,
                        h.since.format("%Y-%m-%d %H:%M"),
                        h.name,
                        c.owner_epoch,
                        mutation.actor.name,
                        h.name
                    ),
                ));
            }
            return Err(refuse(
                RejectCode::CaseChanged,
                format!(
                    "办件 {} 在县级中心已被其他操作更新（县级版本 {}，本机操作基于版本 {}），本操作未生效。",
                    c.case_no, c.version, base
                ),
            ));
        }
    }
    let item = match &mutation.body {
        MutationBody::Intake {
            item_code,
            catalog_version,
            office,
            ..
        } => {
            if office.department_code != scope.department {
                return Err(refuse(
                    RejectCode::OutOfScope,
                    "办件不属于本工作站所在部门。",
                ));
            }
            let doc: Option<SqlJson<ServiceItem>> = sqlx::query_scalar(
                "SELECT document FROM catalog_item WHERE version = $1 AND code = $2",
            )
            .bind(catalog_version)
            .bind(item_code)
            .fetch_optional(&mut *tx)
            .await?;
            Some(doc.map(|d| d.0).ok_or_else(|| {
                refuse(
                    RejectCode::UnknownItem,
                    format!("县级目录 {catalog_version} 中没有事项 {item_code}。"),
                )
            })?)
        }
        MutationBody::Command { .. } => None,
    };
    if let Some(n) = &mutation.number {
        series::check(tx, scope, n).await?;
    }
    let (h, min) = yichuang_core::deadline::DEFAULT_CLOSING_TIME;
    let closing = chrono::NaiveTime::from_hms_opt(h, min, 0).expect("valid closing time");
    let effects = mutation
        .run(
            current.as_ref(),
            item.as_ref(),
            calendar,
            Lang::ZhCn,
            closing,
        )
        .map_err(|e| match e {
            MutationError::Case(e) => refuse(RejectCode::RuleRefused, e.message(Lang::ZhCn)),
            MutationError::MissingCase => {
                refuse(RejectCode::CaseNotFound, "县级中心没有这个办件。")
            }
            MutationError::CaseExists => refuse(RejectCode::CaseExists, "县级中心已有这个办件。"),
            MutationError::UnknownItem(code) => {
                refuse(RejectCode::UnknownItem, format!("没有事项 {code}。"))
            }
        })?;
    if effects.case.office.department_code != scope.department {
        return Err(refuse(
            RejectCode::OutOfScope,
            "办件不属于本工作站所在部门。",
        ));
    }
    if effects.events.is_empty() {
        return Ok(None);
    }
    county::write(tx, &effects).await?;
    Ok(Some(effects.case.id.clone()))
}
