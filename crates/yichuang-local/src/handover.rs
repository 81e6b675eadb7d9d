//! A/B handovers of a window as kept on this workstation: the record with both sheets, and
//! the cases a clerk owns or holds. What a handover may do is yichuang-core's rule (per case)
//! and the App's (per window).

use crate::{Store, StoreError, WriteTx};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use yichuang_core::case::Case;

/// One handover, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverRecord {
    pub id: String,
    pub workstation: String,
    pub window_code: String,
    pub from_id: String,
    pub from_name: String,
    pub to_id: String,
    pub to_name: String,
    pub reason: String,
    pub expected_return: Option<String>,
    pub started_at: String,
    /// JSON of the sheet's lines, written by the App.
    pub start_sheet: String,
    pub ended_at: Option<String>,
    pub return_sheet: Option<String>,
}

fn corrupt(e: serde_json::Error) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

fn record(r: &sqlx::sqlite::SqliteRow) -> HandoverRecord {
    HandoverRecord {
        id: r.get("id"),
        workstation: r.get("workstation"),
        window_code: r.get("window_code"),
        from_id: r.get("from_id"),
        from_name: r.get("from_name"),
        to_id: r.get("to_id"),
        to_name: r.get("to_name"),
        reason: r.get("reason"),
        expected_return: r.get("expected_return"),
        started_at: r.get("started_at"),
        start_sheet: r.get("start_sheet"),
        ended_at: r.get("ended_at"),
        return_sheet: r.get("return_sheet"),
    }
}

pub async fn insert(tx: &mut WriteTx, h: &HandoverRecord) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO handover (id, workstation, window_code, from_id, from_name, to_id, to_name, \
         reason, expected_return, started_at, start_sheet) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    )
    .bind(&h.id)
    .bind(&h.workstation)
    .bind(&h.window_code)
    .bind(&h.from_id)
    .bind(&h.from_name)
    .bind(&h.to_id)
    .bind(&h.to_name)
    .bind(&h.reason)
    .bind(&h.expected_return)
    .bind(&h.started_at)
    .bind(&h.start_sheet)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Closes the handover with the return sheet; `false` if it was not open.
pub async fn close(
    tx: &mut WriteTx,
    id: &str,
    ended_at: &str,
    return_sheet: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE handover SET ended_at = ?, return_sheet = ? WHERE id = ? AND ended_at IS NULL",
    )
    .bind(ended_at)
    .bind(return_sheet)
    .bind(id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(done == 1)
}

/// The window's open handover, if any.
pub async fn open_for_window(
    store: &Store,
    window_code: &str,
) -> Result<Option<HandoverRecord>, StoreError> {
    let row = sqlx::query("SELECT * FROM handover WHERE window_code = ? AND ended_at IS NULL")
        .bind(window_code)
        .fetch_optional(store.pool())
        .await?;
    Ok(row.as_ref().map(record))
}

pub async fn by_id(store: &Store, id: &str) -> Result<Option<HandoverRecord>, StoreError> {
    let row = sqlx::query("SELECT * FROM handover WHERE id = ?")
        .bind(id)
        .fetch_optional(store.pool())
        .await?;
    Ok(row.as_ref().map(record))
}

/// The window's handovers, newest first.
pub async fn history(
    store: &Store,
    window_code: &str,
    limit: i64,
) -> Result<Vec<HandoverRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT * FROM handover WHERE window_code = ? ORDER BY started_at DESC LIMIT ?",
    )
    .bind(window_code)
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    Ok(rows.iter().map(record).collect())
}

/// The department's cases `user_id` owns or holds that are not refused or withdrawn (the
/// caller keeps those that still need work), oldest first.
pub async fn cases_of(
    tx: &mut WriteTx,
    department: &str,
    user_id: &str,
) -> Result<Vec<Case>, StoreError> {
    let docs: Vec<String> = sqlx::query_scalar(
        "SELECT document FROM case_record WHERE department_code = ? \
         AND state NOT IN ('rejected', 'withdrawn') \
         AND (owner = ? OR json_extract(document, '$.holder.user_id') = ?) \
         ORDER BY received_at, case_no",
    )
    .bind(department)
    .bind(user_id)
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?;
    docs.iter()
        .map(|d| serde_json::from_str(d).map_err(corrupt))
        .collect()
}

/// Every case held under handover `id`, in any state.
pub async fn held_under(tx: &mut WriteTx, id: &str) -> Result<Vec<Case>, StoreError> {
    let docs: Vec<String> = sqlx::query_scalar(
        "SELECT document FROM case_record WHERE json_extract(document, '$.holder.handover_id') = ? \
         ORDER BY received_at, case_no",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    docs.iter()
        .map(|d| serde_json::from_str(d).map_err(corrupt))
        .collect()
}

/// The window's cases that carry a fee charge (for the daily cash report).
pub async fn cases_with_fees(
    store: &Store,
    department: &str,
    window_code: &str,
) -> Result<Vec<Case>, StoreError> {
    let docs: Vec<String> = sqlx::query_scalar(
        "SELECT document FROM case_record WHERE department_code = ? AND window_code = ? \
         AND json_array_length(document, '$.fees') > 0",
    )
    .bind(department)
    .bind(window_code)
    .fetch_all(store.pool())
    .await?;
    docs.iter()
        .map(|d| serde_json::from_str(d).map_err(corrupt))
        .collect()
}
