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

/// A card on the supervision board, with its case.
#[derive(Debug, Clone)]
pub struct BoardCard {
    pub case: yichuang_core::case::Case,
    pub level: String,
    pub raised_at: String,
    pub due_date: String,
}

/// The department's cards that still matter (电子监察): those of open cases, those of bad
/// ratings whose rectification is still open, and any appeal waiting for a ruling, oldest
/// first.
pub async fn board(store: &Store, department: &str) -> Result<Vec<BoardCard>, StoreError> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT c.document, k.level, k.raised_at, k.due_date FROM case_card k \
         JOIN case_record c ON c.id = k.case_id \
         WHERE c.department_code = ? AND ( \
           c.is_open = 1 \
           OR (k.level IN ('follow_up_late', 'rectify_late') \
               AND json_type(c.document, '$.rectification.rectified') IS NOT 'object') \
           OR EXISTS (SELECT 1 FROM json_each(c.document, '$.appeals') a \
                      WHERE json_extract(a.value, '$.card') = k.level \
                        AND json_type(a.value, '$.ruling') IS NOT 'object')) \
         ORDER BY k.raised_at, c.case_no",
    )
    .bind(department)
    .fetch_all(store.pool())
    .await?;
    rows.into_iter()
        .map(|(doc, level, raised_at, due_date)| {
            Ok(BoardCard {
                case: serde_json::from_str(&doc)
                    .map_err(|e| StoreError::Corrupt(format!("case document: {e}")))?,
                level,
                raised_at,
                due_date,
            })
        })
        .collect()
}

/// Whether `level` was raised on the case (an appeal needs a card to appeal).
/// Cards are never deleted, so a check before the write holds at the write.
pub async fn exists(store: &Store, case_id: &str, level: &str) -> Result<bool, StoreError> {
    let n: i64 =
        sqlx::query_scalar("SELECT count(*) FROM case_card WHERE case_id = ? AND level = ?")
            .bind(case_id)
            .bind(level)
            .fetch_one(store.pool())
            .await?;
    Ok(n > 0)
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
