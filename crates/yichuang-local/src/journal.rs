//! What every counter action writes besides its effect, inside the same transaction: the
//! audit entry (hash-chained per workstation), the outbox row for sync, the idempotency key
//! of the UI action, and the next number of a series (gap-free: taken and used in one
//! transaction, or not at all).

use crate::StoreError;
use sqlx::{Row, Sqlite, Transaction};
use yichuang_core::audit::{verify_chain, AuditEntry, ChainBreak};

type Tx = Transaction<'static, Sqlite>;

/// The next number of `series` (1 for a new series), taken for this transaction.
pub async fn next_in_series(tx: &mut Tx, series: &str) -> Result<u64, StoreError> {
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO number_series (series, last_seq) VALUES (?, 1) \
         ON CONFLICT (series) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq",
    )
    .bind(series)
    .fetch_one(&mut **tx)
    .await?;
    Ok(seq as u64)
}

/// What a UI action already produced, and a hash of the request it was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionResult {
    pub case_id: String,
    pub mutation: String,
    pub request_sha256: String,
}

/// The result of a UI action, if this key was seen before.
pub async fn action_result(tx: &mut Tx, key: &str) -> Result<Option<ActionResult>, StoreError> {
    let row = sqlx::query("SELECT case_id, mutation, request_sha256 FROM action_key WHERE key = ?")
        .bind(key)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(row.map(|r| ActionResult {
        case_id: r.get("case_id"),
        mutation: r.get("mutation"),
        request_sha256: r.get("request_sha256"),
    }))
}

pub async fn remember_action(
    tx: &mut Tx,
    key: &str,
    case_id: &str,
    mutation: &str,
    request_sha256: &str,
    at: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO action_key (key, case_id, mutation, request_sha256, created_at) \
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(key)
    .bind(case_id)
    .bind(mutation)
    .bind(request_sha256)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// What an audit entry says; the chain fields are filled in here.
#[derive(Debug, Clone)]
pub struct AuditInput<'a> {
    pub at: String,
    pub workstation: &'a str,
    pub actor_id: &'a str,
    pub actor: &'a str,
    pub action: &'a str,
    pub case_id: Option<&'a str>,
    pub detail: String,
}

/// Appends to the workstation's chain, linking to the last entry.
pub async fn append_audit(tx: &mut Tx, input: AuditInput<'_>) -> Result<AuditEntry, StoreError> {
    let last: Option<(i64, String)> =
        sqlx::query_as("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            .fetch_optional(&mut **tx)
            .await?;
    let entry = AuditEntry::next(
        last.as_ref().map(|(s, h)| (*s as u64, h.as_str())),
        input.at,
        input.workstation,
        input.actor_id,
        input.actor,
        input.action,
        input.case_id,
        input.detail,
    );
    sqlx::query(
        "INSERT INTO audit_log (seq, at, workstation, actor_id, actor, action, case_id, detail, \
         prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(entry.seq as i64)
    .bind(&entry.at)
    .bind(&entry.workstation)
    .bind(&entry.actor_id)
    .bind(&entry.actor)
    .bind(&entry.action)
    .bind(&entry.case_id)
    .bind(&entry.detail)
    .bind(&entry.prev_hash)
    .bind(&entry.hash)
    .execute(&mut **tx)
    .await?;
    // The head is kept apart from the entries so a deleted last entry is noticed too.
    crate::settings::set_in(tx, "audit.head", &format!("{}:{}", entry.seq, entry.hash)).await?;
    Ok(entry)
}

/// Queues a mutation for the county, in local order.
pub async fn enqueue(
    tx: &mut Tx,
    mutation_id: &str,
    kind: &str,
    case_id: Option<&str>,
    payload: &serde_json::Value,
    at: &str,
) -> Result<i64, StoreError> {
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO outbox (mutation_id, kind, case_id, payload, created_at) \
         VALUES (?, ?, ?, ?, ?) RETURNING local_seq",
    )
    .bind(mutation_id)
    .bind(kind)
    .bind(case_id)
    .bind(payload.to_string())
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    Ok(seq)
}

/// Every audit entry in order, and whether the chain is intact.
pub async fn verify_audit(store: &crate::Store) -> Result<Result<u64, ChainBreak>, StoreError> {
    let rows = sqlx::query(
        "SELECT seq, at, workstation, actor_id, actor, action, case_id, detail, prev_hash, hash \
         FROM audit_log ORDER BY seq",
    )
    .fetch_all(store.pool())
    .await?;
    let entries: Vec<AuditEntry> = rows.iter().map(audit_row).collect();
    let head = crate::settings::get(store, "audit.head").await?;
    let head = head.as_deref().and_then(|h| {
        let (s, hash) = h.split_once(':')?;
        Some((s.parse::<u64>().ok()?, hash))
    });
    Ok(verify_chain(&entries, head).map(|()| entries.len() as u64))
}

pub(crate) fn audit_row(r: &sqlx::sqlite::SqliteRow) -> AuditEntry {
    AuditEntry {
        seq: r.get::<i64, _>("seq") as u64,
        at: r.get("at"),
        workstation: r.get("workstation"),
        actor_id: r.get("actor_id"),
        actor: r.get("actor"),
        action: r.get("action"),
        case_id: r.get("case_id"),
        detail: r.get("detail"),
        prev_hash: r.get("prev_hash"),
        hash: r.get("hash"),
    }
}

/// How many mutations wait for the county.
pub async fn pending_mutations(store: &crate::Store) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT count(*) FROM outbox WHERE status = 'pending'")
            .fetch_one(store.pool())
            .await?,
    )
}

/// How many audit entries this workstation wrote.
pub async fn audit_count(store: &crate::Store) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM audit_log")
        .fetch_one(store.pool())
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    async fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = Store::open(&dir.path().join("cache.db"))
            .await
            .expect("open");
        (dir, s)
    }

    #[tokio::test]
    async fn a_number_drawn_in_a_rolled_back_transaction_is_drawn_again() {
        let (_d, s) = store().await;
        let mut tx = s.write().await.expect("tx");
        assert_eq!(next_in_series(&mut tx, "case/2026").await.expect("n"), 1);
        tx.commit().await.expect("commit");
        let mut tx = s.write().await.expect("tx");
        assert_eq!(next_in_series(&mut tx, "case/2026").await.expect("n"), 2);
        drop(tx); // the action was refused: rolled back
        let mut tx = s.write().await.expect("tx");
        assert_eq!(
            next_in_series(&mut tx, "case/2026").await.expect("n"),
            2,
            "no gap"
        );
        assert_eq!(
            next_in_series(&mut tx, "notice/SL/2026").await.expect("n"),
            1,
            "own series"
        );
    }

    #[tokio::test]
    async fn the_audit_chain_verifies_and_a_deleted_last_entry_is_noticed() {
        let (_d, s) = store().await;
        for i in 0..3 {
            let mut tx = s.write().await.expect("tx");
            append_audit(
                &mut tx,
                AuditInput {
                    at: format!("2026-03-02T0{i}:00:00Z"),
                    workstation: "ws-1",
                    actor_id: "0301",
                    actor: "李娜",
                    action: "intake",
                    case_id: Some("c1"),
                    detail: "{}".into(),
                },
            )
            .await
            .expect("append");
            tx.commit().await.expect("commit");
        }
        assert_eq!(verify_audit(&s).await.expect("read"), Ok(3));
        sqlx::query("DELETE FROM audit_log WHERE seq = 3")
            .execute(s.pool())
            .await
            .expect("delete");
        assert!(matches!(
            verify_audit(&s).await.expect("read"),
            Err(ChainBreak::HeadMismatch {
                expected_seq: 3,
                found_seq: 2
            })
        ));
    }
}
