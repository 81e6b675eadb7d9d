//! The workstation's audit entries at the county: appended only where they continue the
//! county's copy of the chain (sequence, previous hash, own hash). A break stops the audit
//! stream and is recorded on the workstation for county IT (`yichuang-hub status`); the
//! cases behind it keep flowing.

use crate::server::Scope;
use sqlx::PgConnection;
use yichuang_core::audit::AuditEntry;

/// Appends what continues the chain; returns the last sequence the county now holds.
pub(super) async fn continue_chain(
    tx: &mut PgConnection,
    scope: &Scope,
    entries: &[AuditEntry],
) -> Result<i64, sqlx::Error> {
    let (mut seq, mut head): (i64, String) =
        sqlx::query_as("SELECT audit_seq, audit_head FROM workstation WHERE id = $1")
            .bind(&scope.workstation_id)
            .fetch_one(&mut *tx)
            .await?;
    for e in entries {
        let at = e.seq as i64;
        if at <= seq {
            continue;
        }
        if at != seq + 1 || e.prev_hash != head || e.compute_hash() != e.hash {
            tracing::error!(workstation = %scope.workstation_id, seq = at, "audit chain does not continue");
            sqlx::query(
                "UPDATE workstation SET audit_broken_at = COALESCE(audit_broken_at, now()) WHERE id = $1",
            )
            .bind(&scope.workstation_id)
            .execute(&mut *tx)
            .await?;
            break;
        }
        sqlx::query(
            "INSERT INTO audit_entry (workstation_id, seq, department_code, entry_workstation, at, \
             actor_id, actor, action, case_id, detail, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(&scope.workstation_id)
        .bind(at)
        .bind(&scope.department)
        .bind(&e.workstation)
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
        seq = at;
        head = e.hash.clone();
    }
    sqlx::query("UPDATE workstation SET audit_seq = $2, audit_head = $3 WHERE id = $1")
        .bind(&scope.workstation_id)
        .bind(seq)
        .bind(&head)
        .execute(&mut *tx)
        .await?;
    Ok(seq)
}
