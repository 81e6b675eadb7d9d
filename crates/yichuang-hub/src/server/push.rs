//! Push: a workstation's outbox, in its local order, applied in ONE PostgreSQL transaction per
//! batch. Mutations the county already holds return their stored verdict; a gap is refused;
//! each new one runs the same yichuang-core rule the workstation ran, on the county's copy.
//! A refusal is final and recorded, and the queue behind it moves on. Audit entries follow,
//! checked link by link against the workstation's chain.

use super::{authenticate, Hub, HubError, Scope};
use crate::county;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use sqlx::types::Json as SqlJson;
use sqlx::{Connection, PgConnection};
use std::sync::Arc;
use yichuang_core::audit::AuditEntry;
use yichuang_core::calendar::HolidayYear;
use yichuang_core::case::{CaseMutation, MutationError};
use yichuang_core::catalog::ServiceItem;
use yichuang_core::{Lang, WorkCalendar};
use yichuang_sync::{
    OutboxMutation, Outcome, PushReply, PushRequest, RejectCode, Verdict, WireErrorCode, PUSH_BATCH,
};

pub(crate) async fn push(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<PushReply>, HubError> {
    let scope = authenticate(&hub, &headers).await?;
    let req: PushRequest = serde_json::from_slice(&body).map_err(HubError::malformed)?;
    if req.mutations.len() > PUSH_BATCH || req.audit.len() > 4 * PUSH_BATCH {
        return Err(HubError::malformed("batch too large"));
    }
    let db = HubError::database;
    let calendar = county_calendar(&hub).await.map_err(db)?;
    let mut tx = hub.pool.begin().await.map_err(db)?;
    county::scope_to(&mut tx, &scope.department)
        .await
        .map_err(db)?;
    // One writer per workstation series: concurrent pushes of the same PC queue up here.
    let (mut pushed, mut audit_seq, mut audit_head): (i64, i64, String) = sqlx::query_as(
        "SELECT pushed_seq, audit_seq, audit_head FROM workstation WHERE id = $1 FOR UPDATE",
    )
    .bind(&scope.workstation_id)
    .fetch_one(&mut *tx)
    .await
    .map_err(db)?;
    let mut outcomes = Vec::with_capacity(req.mutations.len());
    for m in &req.mutations {
        if m.local_seq <= pushed {
            outcomes.push(stored_outcome(&mut tx, &scope, m).await?);
            continue;
        }
        if m.local_seq != pushed + 1 {
            let mut e = HubError::new(
                StatusCode::CONFLICT,
                WireErrorCode::OutOfOrder,
                format!(
                    "同步顺序不连续：县级中心下一条应为 {}，收到 {}。",
                    pushed + 1,
                    m.local_seq
                ),
            );
            e.wire.expected_seq = Some(pushed + 1);
            return Err(e);
        }
        outcomes.push(apply_one(&mut tx, &scope, &calendar, m).await?);
        pushed = m.local_seq;
    }
    for entry in &req.audit {
        let seq = entry.seq as i64;
        if seq <= audit_seq {
            continue;
        }
        // The chain must continue where the county's copy ends; a break stops the audit
        // stream (county IT sees it in `status`) but never the cases behind it.
        if seq != audit_seq + 1
            || entry.prev_hash != audit_head
            || entry.compute_hash() != entry.hash
        {
            tracing::error!(workstation = %scope.workstation_id, seq, "audit chain does not continue");
            break;
        }
        insert_audit(&mut tx, &scope, entry).await.map_err(db)?;
        audit_seq = seq;
        audit_head = entry.hash.clone();
    }
    sqlx::query(
        "UPDATE workstation SET pushed_seq = $2, audit_seq = $3, audit_head = $4 WHERE id = $1",
    )
    .bind(&scope.workstation_id)
    .bind(pushed)
    .bind(audit_seq)
    .bind(&audit_head)
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    tx.commit().await.map_err(db)?;
    Ok(Json(PushReply {
        outcomes,
        audit_seq: audit_seq.max(0) as u64,
    }))
}

async fn county_calendar(hub: &Hub) -> Result<WorkCalendar, sqlx::Error> {
    let texts: Vec<String> = sqlx::query_scalar("SELECT document FROM calendar_year ORDER BY year")
        .fetch_all(&hub.pool)
        .await?;
    let imported = texts.iter().filter_map(|t| HolidayYear::parse(t).ok());
    Ok(WorkCalendar::new(
        HolidayYear::embedded()
            .into_iter()
            .chain(imported)
            .collect::<Vec<_>>(),
    ))
}

async fn insert_audit(
    tx: &mut PgConnection,
    scope: &Scope,
    e: &AuditEntry,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_entry (workstation_id, seq, department_code, at, actor_id, actor, \
         action, case_id, detail, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&scope.workstation_id)
    .bind(e.seq as i64)
    .bind(&scope.department)
    .bind(&e.at)
    .bind(&e.actor_id)
    .bind(&e.actor)
    .bind(&e.action)
    .bind(&e.case_id)
    .bind(&e.detail)
    .bind(&e.prev_hash)
    .bind(&e.hash)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The verdict the county recorded the first time (a retried push after a lost reply).
async fn stored_outcome(
    tx: &mut PgConnection,
    scope: &Scope,
    m: &OutboxMutation,
) -> Result<Outcome, HubError> {
    let row: Option<(String, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT mutation_id, status, reject_code, reason FROM mutation_log \
         WHERE workstation_id = $1 AND local_seq = $2",
    )
    .bind(&scope.workstation_id)
    .bind(m.local_seq)
    .fetch_optional(&mut *tx)
    .await
    .map_err(HubError::database)?;
    let Some((mutation_id, status, code, reason)) = row else {
        return Err(HubError::malformed(format!(
            "mutation {} is behind the county's mark but unknown",
            m.local_seq
        )));
    };
    if mutation_id != m.mutation_id {
        // The same place in the series holds another mutation: a replayed or forged request,
        // or a workstation restored from an old backup. Refuse the whole request.
        return Err(HubError::new(
            StatusCode::CONFLICT,
            WireErrorCode::OutOfOrder,
            format!("第 {} 条同步记录与县级中心已存记录不一致。", m.local_seq),
        ));
    }
    let verdict = if status == "accepted" {
        Verdict::Accepted
    } else {
        Verdict::Rejected {
            code: code
                .and_then(|c| serde_json::from_value(serde_json::Value::String(c)).ok())
                .unwrap_or(RejectCode::Malformed),
            reason: reason.unwrap_or_default(),
        }
    };
    let case = match (&verdict, &m.case_id) {
        (Verdict::Rejected { .. }, Some(id)) => county::bundles(tx, std::slice::from_ref(id))
            .await
            .map_err(HubError::database)?
            .pop(),
        _ => None,
    };
    Ok(Outcome {
        local_seq: m.local_seq,
        mutation_id: m.mutation_id.clone(),
        verdict,
        duplicate: true,
        case,
    })
}

struct Refusal(RejectCode, String);

/// Runs one new mutation inside a savepoint: a refusal (by rule or by a constraint such as a
/// notice number already used) rolls back only this mutation, records it, and goes on.
async fn apply_one(
    tx: &mut PgConnection,
    scope: &Scope,
    calendar: &WorkCalendar,
    m: &OutboxMutation,
) -> Result<Outcome, HubError> {
    let db = HubError::database;
    let mut sp = tx.begin().await.map_err(db)?;
    let result = run(&mut sp, scope, calendar, m).await;
    let verdict = match result {
        Ok(()) => {
            sp.commit().await.map_err(db)?;
            Verdict::Accepted
        }
        Err(RunError::Refused(Refusal(code, reason))) => {
            sp.rollback().await.map_err(db)?;
            mark_number_used(tx, scope, m).await.map_err(db)?;
            Verdict::Rejected { code, reason }
        }
        Err(RunError::Database(e)) => {
            // A unique key the county already holds (a number or case id used elsewhere) is
            // the mutation's fault, not the database's: refuse it and go on.
            let taken =
                matches!(&e, sqlx::Error::Database(d) if d.code().as_deref() == Some("23505"));
            sp.rollback().await.map_err(db)?;
            if !taken {
                return Err(db(e));
            }
            Verdict::Rejected {
                code: RejectCode::NumberTaken,
                reason: "办件编号或文书编号已被其他工作站使用。".into(),
            }
        }
    };
    let (status, code, reason) = match &verdict {
        Verdict::Accepted => ("accepted", None, None),
        Verdict::Rejected { code, reason } => (
            "rejected",
            serde_json::to_value(code)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string)),
            Some(reason.clone()),
        ),
    };
    sqlx::query(
        "INSERT INTO mutation_log (workstation_id, local_seq, mutation_id, department_code, kind, \
         case_id, payload, status, reject_code, reason) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&scope.workstation_id)
    .bind(m.local_seq)
    .bind(&m.mutation_id)
    .bind(&scope.department)
    .bind(&m.kind)
    .bind(&m.case_id)
    .bind(SqlJson(&m.payload))
    .bind(status)
    .bind(code)
    .bind(reason)
    .execute(&mut *tx)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(d) if d.code().as_deref() == Some("23505") => HubError::new(
            StatusCode::CONFLICT,
            WireErrorCode::OutOfOrder,
            "同一同步记录编号已被使用（重放的请求）。",
        ),
        _ => db(e),
    })?;
    let case = match (&verdict, &m.case_id) {
        (Verdict::Rejected { .. }, Some(id)) => county::bundles(tx, std::slice::from_ref(id))
            .await
            .map_err(db)?
            .pop(),
        _ => None,
    };
    Ok(Outcome {
        local_seq: m.local_seq,
        mutation_id: m.mutation_id.clone(),
        verdict,
        duplicate: false,
        case,
    })
}

enum RunError {
    Refused(Refusal),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for RunError {
    fn from(e: sqlx::Error) -> Self {
        RunError::Database(e)
    }
}

fn refuse(code: RejectCode, reason: impl Into<String>) -> RunError {
    RunError::Refused(Refusal(code, reason.into()))
}

async fn run(
    tx: &mut PgConnection,
    scope: &Scope,
    calendar: &WorkCalendar,
    m: &OutboxMutation,
) -> Result<(), RunError> {
    if m.kind == "card_raised" {
        return raise_card(tx, scope, m).await;
    }
    let mutation: CaseMutation = serde_json::from_value(m.payload.clone())
        .map_err(|e| refuse(RejectCode::Malformed, format!("无法读取操作内容：{e}")))?;
    if mutation.name() != m.kind || Some(&mutation.case_id) != m.case_id.as_ref() {
        return Err(refuse(RejectCode::Malformed, "操作内容与同步记录不一致。"));
    }
    // The actor must be a user of this department at the county, active, with a role that
    // works cases; the workstation's offline login is trusted only that far.
    let actor: Option<(String, bool)> = sqlx::query_as(
        "SELECT role, active FROM app_user WHERE user_id = $1 AND department_code = $2",
    )
    .bind(&mutation.actor.user_id)
    .bind(&scope.department)
    .fetch_optional(&mut *tx)
    .await?;
    match actor {
        Some((role, true)) if role == "clerk" || role == "chief_rep" || role == "admin" => {}
        _ => {
            return Err(refuse(
                RejectCode::UnknownUser,
                format!(
                    "{} 不是本部门在县级中心登记的有效办件人员。",
                    mutation.actor.name
                ),
            ))
        }
    }
    let current = county::load_for_update(tx, &mutation.case_id).await?;
    if let (Some(c), Some(base)) = (&current, mutation.base_version) {
        if c.version != base {
            return Err(refuse(
                RejectCode::CaseChanged,
                format!(
                    "办件 {} 在县级中心已被其他操作更新（县级版本 {}，本机操作基于版本 {}），本操作未生效。",
                    c.case_no, c.version, base
                ),
            ));
        }
    }
    let item = match mutation.item_code() {
        Some(code) => {
            let version = match &mutation.body {
                yichuang_core::case::MutationBody::Intake {
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
                    catalog_version.clone()
                }
                yichuang_core::case::MutationBody::Command { .. } => String::new(),
            };
            let doc: Option<SqlJson<ServiceItem>> = sqlx::query_scalar(
                "SELECT document FROM catalog_item WHERE version = $1 AND code = $2",
            )
            .bind(&version)
            .bind(code)
            .fetch_optional(&mut *tx)
            .await?;
            Some(doc.map(|d| d.0).ok_or_else(|| {
                refuse(
                    RejectCode::UnknownItem,
                    format!("县级目录 {version} 中没有事项 {code}。"),
                )
            })?)
        }
        None => None,
    };
    if let Some(n) = &mutation.number {
        check_series(tx, scope, n).await?;
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
    if !effects.events.is_empty() {
        county::write(tx, &effects).await?;
    }
    Ok(())
}

/// The county keeps each series' high-water mark: a number at or below it was issued already
/// (refused); one that skips ahead is taken (the case is real) and the gap recorded.
async fn check_series(
    tx: &mut PgConnection,
    scope: &Scope,
    n: &yichuang_core::case::Numbered,
) -> Result<(), RunError> {
    let mark: Option<(i64, String)> = sqlx::query_as(
        "SELECT last_seq, workstation_id FROM series_mark WHERE series = $1 FOR UPDATE",
    )
    .bind(&n.series)
    .fetch_optional(&mut *tx)
    .await?;
    let seq = n.seq as i64;
    match mark {
        Some((_, owner)) if owner != scope.workstation_id => Err(refuse(
            RejectCode::NumberTaken,
            format!(
                "编号 {} 所属的编号序列由另一台工作站使用。请为每台电脑设置不同的窗口号。",
                n.number
            ),
        )),
        Some((last, _)) if seq <= last => Err(refuse(
            RejectCode::NumberTaken,
            format!("编号 {} 已被使用。", n.number),
        )),
        Some((last, _)) => {
            if seq != last + 1 {
                note_gap(tx, scope, &n.series, last + 1, seq).await?;
            }
            sqlx::query("UPDATE series_mark SET last_seq = $2 WHERE series = $1")
                .bind(&n.series)
                .bind(seq)
                .execute(&mut *tx)
                .await?;
            Ok(())
        }
        None => {
            if seq != 1 {
                note_gap(tx, scope, &n.series, 1, seq).await?;
            }
            sqlx::query(
                "INSERT INTO series_mark (series, last_seq, workstation_id, department_code, window_code) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&n.series)
            .bind(seq)
            .bind(&scope.workstation_id)
            .bind(&scope.department)
            .bind(&scope.window)
            .execute(&mut *tx)
            .await?;
            Ok(())
        }
    }
}

/// A refused mutation still used its number at the window (a notice may even have been
/// printed): the series mark moves past it so the next number is not taken for a gap.
async fn mark_number_used(
    tx: &mut PgConnection,
    scope: &Scope,
    m: &OutboxMutation,
) -> Result<(), sqlx::Error> {
    let Some(n) = serde_json::from_value::<CaseMutation>(m.payload.clone())
        .ok()
        .and_then(|c| c.number)
    else {
        return Ok(());
    };
    match check_series(tx, scope, &n).await {
        Ok(()) | Err(RunError::Refused(_)) => Ok(()),
        Err(RunError::Database(e)) => Err(e),
    }
}

async fn note_gap(
    tx: &mut PgConnection,
    scope: &Scope,
    series: &str,
    expected: i64,
    got: i64,
) -> Result<(), sqlx::Error> {
    tracing::warn!(series, expected, got, workstation = %scope.workstation_id, "number series skipped ahead");
    sqlx::query(
        "INSERT INTO series_gap (series, expected_seq, got_seq, workstation_id) VALUES ($1, $2, $3, $4)",
    )
    .bind(series)
    .bind(expected)
    .bind(got)
    .bind(&scope.workstation_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// A yellow or red card raised by a workstation's watcher; every PC of the department may
/// raise the same card, and the county keeps the first.
async fn raise_card(
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
    let (Some(due), true) = (due, level == "yellow" || level == "red") else {
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
