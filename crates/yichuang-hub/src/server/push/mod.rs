//! Push: a workstation's outbox, in its local order, applied in ONE PostgreSQL transaction per
//! batch. Mutations the county already holds return their stored verdict; a gap is refused;
//! each new one runs the same yichuang-core rule the workstation ran, on the county's copy.
//! A refusal is final and recorded, and the queue behind it moves on. Audit entries follow,
//! checked link by link against the workstation's chain.

mod audit;
mod cards;
mod rule;
mod series;

use super::{authenticate, Hub, HubError, Scope};
use crate::county;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use rule::{Refusal, RunError};
use sqlx::types::Json as SqlJson;
use sqlx::{Connection, PgConnection};
use std::sync::Arc;
use yichuang_core::WorkCalendar;
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
    let mut pushed: i64 =
        sqlx::query_scalar("SELECT pushed_seq FROM workstation WHERE id = $1 FOR UPDATE")
            .bind(&scope.workstation_id)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
    let mut outcomes = Vec::with_capacity(req.mutations.len());
    let mut touched: Vec<String> = Vec::new();
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
        let (outcome, wrote) = apply_one(&mut tx, &scope, &calendar, m).await?;
        if let Some(id) = wrote {
            if !touched.contains(&id) {
                touched.push(id);
            }
        }
        outcomes.push(outcome);
        pushed = m.local_seq;
    }
    let audit_seq = audit::continue_chain(&mut tx, &scope, &req.audit)
        .await
        .map_err(db)?;
    sqlx::query("UPDATE workstation SET pushed_seq = $2 WHERE id = $1")
        .bind(&scope.workstation_id)
        .bind(pushed)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    // Change numbers are taken last, just before commit: the county-wide counter is locked
    // for the shortest time and always after every case and series lock (no deadlock).
    county::stamp(&mut tx, &touched).await.map_err(db)?;
    tx.commit().await.map_err(db)?;
    Ok(Json(PushReply {
        outcomes,
        audit_seq: audit_seq.max(0) as u64,
    }))
}

async fn county_calendar(hub: &Hub) -> Result<WorkCalendar, sqlx::Error> {
    crate::county::calendar(&hub.pool).await
}

fn code_text(code: RejectCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
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

/// The payload as the log can keep it: PostgreSQL's JSONB cannot hold a NUL character, so a
/// payload with one is kept as its hash (the mutation was refused for it anyway).
fn storable(payload: &serde_json::Value) -> serde_json::Value {
    let text = payload.to_string();
    if text.contains("\\u0000") {
        use sha2::{Digest, Sha256};
        serde_json::json!({ "unstorable_payload_sha256": hex::encode(Sha256::digest(text.as_bytes())) })
    } else {
        payload.clone()
    }
}

/// Whether a database error is the mutation's own fault (bad data, a key already taken, a
/// row of another department), to be refused alone, rather than the database failing.
fn fault_of_the_mutation(e: &sqlx::Error) -> Option<RejectCode> {
    let code = e.as_database_error()?.code()?;
    match code.as_ref() {
        "23505" => Some(RejectCode::NumberTaken),
        "42501" => Some(RejectCode::OutOfScope),
        c if c.starts_with("22") || c.starts_with("23") => Some(RejectCode::Malformed),
        _ => None,
    }
}

/// Runs one new mutation inside a savepoint: a refusal (by rule or by a constraint such as a
/// notice number already used) rolls back only this mutation, records it, and goes on.
/// Returns the outcome and the case it wrote, if any.
async fn apply_one(
    tx: &mut PgConnection,
    scope: &Scope,
    calendar: &WorkCalendar,
    m: &OutboxMutation,
) -> Result<(Outcome, Option<String>), HubError> {
    let db = HubError::database;
    let mut sp = tx.begin().await.map_err(db)?;
    let result = if m.kind == "card_raised" {
        cards::raise(&mut sp, scope, m).await.map(|()| None)
    } else {
        rule::run(&mut sp, scope, calendar, m).await
    };
    let (verdict, wrote) = match result {
        Ok(wrote) => {
            sp.commit().await.map_err(db)?;
            (Verdict::Accepted, wrote)
        }
        Err(RunError::Refused(Refusal(code, reason))) => {
            sp.rollback().await.map_err(db)?;
            series::mark_number_used(tx, scope, m).await.map_err(db)?;
            (Verdict::Rejected { code, reason }, None)
        }
        Err(RunError::Database(e)) => {
            sp.rollback().await.map_err(db)?;
            let Some(code) = fault_of_the_mutation(&e) else {
                return Err(db(e));
            };
            tracing::warn!(error = %e, local_seq = m.local_seq, "mutation refused by a database constraint");
            let reason = match code {
                RejectCode::NumberTaken => "办件编号或文书编号已被其他工作站使用。",
                RejectCode::OutOfScope => "办件不属于本工作站所在部门。",
                _ => "操作内容无法存入县级数据库（含有无效字符或超出范围的值）。",
            };
            series::mark_number_used(tx, scope, m).await.map_err(db)?;
            (
                Verdict::Rejected {
                    code,
                    reason: reason.into(),
                },
                None,
            )
        }
    };
    let (status, code, reason) = match &verdict {
        Verdict::Accepted => ("accepted", None, None),
        Verdict::Rejected { code, reason } => {
            ("rejected", Some(code_text(*code)), Some(reason.clone()))
        }
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
    .bind(SqlJson(storable(&m.payload)))
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
    Ok((
        Outcome {
            local_seq: m.local_seq,
            mutation_id: m.mutation_id.clone(),
            verdict,
            duplicate: false,
            case,
        },
        wrote,
    ))
}
