//! What sync keeps in the cache: the outbox batches to push and the county's verdict on each,
//! the county's copy of cases written over the local one, audit entries not yet at the
//! county, and the department's users for offline login. The protocol and its order of
//! steps belong to the App's sync engine; this module only reads and writes rows.

use crate::cases::{self, CaseIndex};
use crate::{Store, StoreError};
use sqlx::{Row, Sqlite, Transaction};
use yichuang_core::audit::AuditEntry;
use yichuang_core::case::{Case, CaseEvent, Effects, IssuedNotice};

type Tx = Transaction<'static, Sqlite>;

/// One outbox row waiting for the county.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingMutation {
    pub local_seq: i64,
    pub mutation_id: String,
    pub kind: String,
    pub case_id: Option<String>,
    pub payload: serde_json::Value,
}

/// The oldest `limit` pending mutations, in local order.
pub async fn pending(store: &Store, limit: u32) -> Result<Vec<PendingMutation>, StoreError> {
    let rows = sqlx::query(
        "SELECT local_seq, mutation_id, kind, case_id, payload FROM outbox \
         WHERE status = 'pending' ORDER BY local_seq LIMIT ?",
    )
    .bind(i64::from(limit))
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|r| {
            let payload: String = r.get("payload");
            Ok(PendingMutation {
                local_seq: r.get("local_seq"),
                mutation_id: r.get("mutation_id"),
                kind: r.get("kind"),
                case_id: r.get("case_id"),
                payload: serde_json::from_str(&payload)
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?,
            })
        })
        .collect()
}

/// Records the county's verdict on one mutation. Only a pending row changes: a verdict that
/// arrives twice (a retried push) is taken once.
pub async fn record_verdict(
    tx: &mut Tx,
    local_seq: i64,
    rejected: Option<(&str, &str)>,
    at: &str,
) -> Result<(), StoreError> {
    let (status, code, reason) = match rejected {
        None => ("accepted", None, None),
        Some((code, reason)) => ("rejected", Some(code), Some(reason)),
    };
    sqlx::query(
        "UPDATE outbox SET status = ?, verdict_code = ?, verdict_reason = ?, decided_at = ? \
         WHERE local_seq = ? AND status = 'pending'",
    )
    .bind(status)
    .bind(code)
    .bind(reason)
    .bind(at)
    .bind(local_seq)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Whether the case still has mutations on their way to the county (its local row is then
/// ahead of the county's and must not be overwritten by a pull).
pub async fn has_pending(tx: &mut Tx, case_id: &str) -> Result<bool, StoreError> {
    // A pending card changes nothing of the case itself: it must not hold a pull back.
    let n: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE case_id = ? AND status = 'pending' \
         AND kind <> 'card_raised'",
    )
    .bind(case_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(n > 0)
}

/// Replaces the local copy of a case with the county's: row, whole timeline, every notice.
pub async fn replace_case(
    tx: &mut Tx,
    case: &Case,
    events: &[CaseEvent],
    notices: &[IssuedNotice],
    index: &CaseIndex,
) -> Result<(), StoreError> {
    // The county's timeline and notices replace the local ones whole; the row is overwritten
    // in place (cards point at it).
    sqlx::query("DELETE FROM case_event WHERE case_id = ?")
        .bind(&case.id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM notice WHERE case_id = ?")
        .bind(&case.id)
        .execute(&mut **tx)
        .await?;
    cases::insert_whole(
        tx,
        &Effects {
            case: case.clone(),
            events: events.to_vec(),
            notices: notices.to_vec(),
        },
        index,
    )
    .await
}

/// A case the county refused to open (its intake was refused and the county has no copy):
/// closed in the queue and marked, so it is neither worked on nor mistaken for a real one.
/// Its intake stays in the conflicts list with the county's reason.
pub async fn mark_refused_by_county(tx: &mut Tx, case_id: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE case_record SET is_open = 0, county_refused = 1 WHERE id = ?")
        .bind(case_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Audit entries after `seq`, in order, at most `limit`.
pub async fn audit_after(
    store: &Store,
    seq: u64,
    limit: u32,
) -> Result<Vec<AuditEntry>, StoreError> {
    let rows = sqlx::query(
        "SELECT seq, at, workstation, actor_id, actor, action, case_id, detail, prev_hash, hash \
         FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
    )
    .bind(seq as i64)
    .bind(i64::from(limit))
    .fetch_all(store.pool())
    .await?;
    Ok(rows.iter().map(crate::journal::audit_row).collect())
}

/// A user as synced down from the county.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalUser {
    pub user_id: String,
    pub username: String,
    pub name: String,
    pub role: String,
    pub department_code: String,
    pub password_hash: String,
    pub active: bool,
}

pub async fn upsert_user(tx: &mut Tx, u: &LocalUser, gseq: i64) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO app_user (user_id, username, name, role, department_code, password_hash, \
         active, gseq) VALUES (?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (user_id) DO UPDATE SET username = excluded.username, name = excluded.name, \
           role = excluded.role, department_code = excluded.department_code, \
           password_hash = excluded.password_hash, active = excluded.active, gseq = excluded.gseq",
    )
    .bind(&u.user_id)
    .bind(&u.username)
    .bind(&u.name)
    .bind(&u.role)
    .bind(&u.department_code)
    .bind(&u.password_hash)
    .bind(u.active)
    .bind(gseq)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn user_by_username(
    store: &Store,
    username: &str,
) -> Result<Option<LocalUser>, StoreError> {
    let row = sqlx::query(
        "SELECT user_id, username, name, role, department_code, password_hash, active \
         FROM app_user WHERE username = ?",
    )
    .bind(username)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(|r| LocalUser {
        user_id: r.get("user_id"),
        username: r.get("username"),
        name: r.get("name"),
        role: r.get("role"),
        department_code: r.get("department_code"),
        password_hash: r.get("password_hash"),
        active: r.get::<i64, _>("active") != 0,
    }))
}

/// A mutation the county refused, as the conflicts list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    pub local_seq: i64,
    pub kind: String,
    pub case_id: Option<String>,
    pub case_no: Option<String>,
    pub code: String,
    pub reason: String,
    pub created_at: String,
    pub decided_at: String,
}

/// Every refused mutation, newest first.
pub async fn conflicts(store: &Store) -> Result<Vec<ConflictRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT o.local_seq, o.kind, o.case_id, c.case_no, o.verdict_code, o.verdict_reason, \
         o.created_at, o.decided_at FROM outbox o LEFT JOIN case_record c ON c.id = o.case_id \
         WHERE o.status = 'rejected' ORDER BY o.local_seq DESC",
    )
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .iter()
        .map(|r| ConflictRow {
            local_seq: r.get("local_seq"),
            kind: r.get("kind"),
            case_id: r.get("case_id"),
            case_no: r.get("case_no"),
            code: r
                .get::<Option<String>, _>("verdict_code")
                .unwrap_or_default(),
            reason: r
                .get::<Option<String>, _>("verdict_reason")
                .unwrap_or_default(),
            created_at: r.get("created_at"),
            decided_at: r.get::<Option<String>, _>("decided_at").unwrap_or_default(),
        })
        .collect())
}

pub async fn conflict_count(store: &Store) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT count(*) FROM outbox WHERE status = 'rejected'")
            .fetch_one(store.pool())
            .await?,
    )
}

/// Whether the cache holds any case or outbox row (enrollment wants a clean cache).
pub async fn holds_cases(store: &Store) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM case_record) + (SELECT count(*) FROM outbox)",
    )
    .fetch_one(store.pool())
    .await?;
    Ok(n > 0)
}

/// Raises each series to at least the county's mark (a re-enrolled PC continues its window's
/// numbers instead of issuing them again).
pub async fn raise_series(tx: &mut Tx, series: &str, last_seq: u64) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO number_series (series, last_seq) VALUES (?, ?) \
         ON CONFLICT (series) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)",
    )
    .bind(series)
    .bind(last_seq as i64)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Every case id with its version, for comparing replicas.
pub async fn case_versions(store: &Store) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT id, version FROM case_record ORDER BY id")
            .fetch_all(store.pool())
            .await?,
    )
}

/// The department's active users as `(user_id, username, name, role)`, by name.
pub async fn department_users(
    store: &Store,
    department: &str,
) -> Result<Vec<(String, String, String, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT user_id, username, name, role FROM app_user \
         WHERE department_code = ? AND active = 1 ORDER BY name",
    )
    .bind(department)
    .fetch_all(store.pool())
    .await?)
}
