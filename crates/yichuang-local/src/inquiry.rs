//! The first-inquiry register (首问登记): who asked what, about which item, and where the
//! person was sent.

use crate::{Store, StoreError};
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InquiryRow {
    pub id: String,
    pub at: String,
    pub clerk_id: String,
    pub clerk_name: String,
    pub person: String,
    pub question: String,
    pub item_code: Option<String>,
    pub item_name: Option<String>,
    pub outcome: String,
    pub referred_to: Option<String>,
    pub case_id: Option<String>,
}

/// What logging an inquiry did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Logged {
    New,
    /// The same UI action again: the inquiry it logged the first time.
    Already(String),
    /// The key was used for a different request: nothing logged.
    KeyReused,
}

/// Logs one inquiry with its audit entry and outbox row, in one transaction; the UI action's
/// key makes a double-click log it once.
pub async fn log(
    store: &Store,
    row: &InquiryRow,
    audit: crate::journal::AuditInput<'_>,
    mutation_id: &str,
    action_key: &str,
    request_sha256: &str,
) -> Result<Logged, StoreError> {
    let mut tx = store.write().await?;
    if let Some(done) = crate::journal::action_result(&mut tx, action_key).await? {
        return Ok(if done.request_sha256 == request_sha256 {
            Logged::Already(done.case_id)
        } else {
            Logged::KeyReused
        });
    }
    sqlx::query(
        "INSERT INTO first_inquiry (id, at, clerk_id, clerk_name, person, question, item_code, \
         item_name, outcome, referred_to, case_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&row.id)
    .bind(&row.at)
    .bind(&row.clerk_id)
    .bind(&row.clerk_name)
    .bind(&row.person)
    .bind(&row.question)
    .bind(&row.item_code)
    .bind(&row.item_name)
    .bind(&row.outcome)
    .bind(&row.referred_to)
    .bind(&row.case_id)
    .execute(&mut *tx)
    .await?;
    let at = audit.at.clone();
    let payload = serde_json::json!({
        "id": row.id, "at": row.at, "clerk_id": row.clerk_id, "person": row.person,
        "question": row.question, "item_code": row.item_code, "outcome": row.outcome,
        "referred_to": row.referred_to, "case_id": row.case_id,
    });
    crate::journal::append_audit(&mut tx, audit).await?;
    crate::journal::enqueue(&mut tx, mutation_id, "first_inquiry", None, &payload, &at).await?;
    crate::journal::remember_action(
        &mut tx,
        action_key,
        &row.id,
        "first_inquiry",
        request_sha256,
        &at,
    )
    .await?;
    tx.commit().await?;
    Ok(Logged::New)
}

/// One logged inquiry.
pub async fn by_id(store: &Store, id: &str) -> Result<Option<InquiryRow>, StoreError> {
    let row = sqlx::query(
        "SELECT id, at, clerk_id, clerk_name, person, question, item_code, item_name, outcome, \
         referred_to, case_id FROM first_inquiry WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.as_ref().map(to_row))
}

/// The register of one day (`YYYY-MM-DD`), newest first.
pub async fn of_day(store: &Store, day: &str) -> Result<Vec<InquiryRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, at, clerk_id, clerk_name, person, question, item_code, item_name, outcome, \
         referred_to, case_id FROM first_inquiry WHERE at LIKE ? || '%' ORDER BY at DESC",
    )
    .bind(day)
    .fetch_all(store.pool())
    .await?;
    Ok(rows.iter().map(to_row).collect())
}

fn to_row(r: &sqlx::sqlite::SqliteRow) -> InquiryRow {
    {
        InquiryRow {
            id: r.get("id"),
            at: r.get("at"),
            clerk_id: r.get("clerk_id"),
            clerk_name: r.get("clerk_name"),
            person: r.get("person"),
            question: r.get("question"),
            item_code: r.get("item_code"),
            item_name: r.get("item_name"),
            outcome: r.get("outcome"),
            referred_to: r.get("referred_to"),
            case_id: r.get("case_id"),
        }
    }
}
