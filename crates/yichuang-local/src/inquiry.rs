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

/// Logs one inquiry with its audit entry and outbox row, in one transaction.
pub async fn log(
    store: &Store,
    row: &InquiryRow,
    audit: crate::journal::AuditInput<'_>,
    mutation_id: &str,
) -> Result<(), StoreError> {
    let mut tx = store.write().await?;
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
    tx.commit().await?;
    Ok(())
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
    Ok(rows
        .iter()
        .map(|r| InquiryRow {
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
        })
        .collect())
}
