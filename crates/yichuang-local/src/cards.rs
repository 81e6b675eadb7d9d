//! Electronic supervision cards raised on cases, and the in-window alerts shown when the
//! desktop has no notification service. Which card a case earns is yichuang-core's rule.

use crate::{Store, StoreError};
use sqlx::Row;

/// Records a card inside the caller's transaction; `true` if it is new (so the clerk is told
/// once, not every minute).
pub async fn raise(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    case_id: &str,
    level: &str,
    due_date: &str,
    at: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO case_card (case_id, level, raised_at, due_date) VALUES (?, ?, ?, ?) \
         ON CONFLICT (case_id, level) DO NOTHING",
    )
    .bind(case_id)
    .bind(level)
    .bind(at)
    .bind(due_date)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(done == 1)
}

/// Cards of one case, as `(level, raised_at)`.
pub async fn of_case(store: &Store, case_id: &str) -> Result<Vec<(String, String)>, StoreError> {
    let rows =
        sqlx::query("SELECT level, raised_at FROM case_card WHERE case_id = ? ORDER BY raised_at")
            .bind(case_id)
            .fetch_all(store.pool())
            .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get("level"), r.get("raised_at")))
        .collect())
}

pub async fn add_alert(
    store: &Store,
    at: &str,
    case_id: &str,
    level: &str,
    message: &str,
) -> Result<(), StoreError> {
    let mut tx = store.write().await?;
    sqlx::query("INSERT INTO alert (at, case_id, level, message) VALUES (?, ?, ?, ?)")
        .bind(at)
        .bind(case_id)
        .bind(level)
        .bind(message)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// An in-window alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertRow {
    pub id: i64,
    pub at: String,
    pub case_id: String,
    pub level: String,
    pub message: String,
}

pub async fn open_alerts(store: &Store) -> Result<Vec<AlertRow>, StoreError> {
    let rows = sqlx::query("SELECT id, at, case_id, level, message FROM alert WHERE dismissed = 0 ORDER BY id DESC LIMIT 50")
        .fetch_all(store.pool())
        .await?;
    Ok(rows
        .iter()
        .map(|r| AlertRow {
            id: r.get("id"),
            at: r.get("at"),
            case_id: r.get("case_id"),
            level: r.get("level"),
            message: r.get("message"),
        })
        .collect())
}

pub async fn dismiss_alert(store: &Store, id: i64) -> Result<(), StoreError> {
    let mut tx = store.write().await?;
    sqlx::query("UPDATE alert SET dismissed = 1 WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
