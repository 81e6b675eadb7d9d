//! The county's copy of cases: reading one for update, writing a mutation's effects under the
//! next `gseq`, and reading cases back whole for a pull. Every function runs inside the
//! caller's transaction, whose `yichuang.department` setting row-level security enforces.

use sqlx::types::Json;
use sqlx::{PgConnection, Postgres, Row, Transaction};
use std::collections::HashMap;
use yichuang_core::case::{Case, CaseEvent, Effects, IssuedNotice};
use yichuang_sync::{CaseBundle, PulledCard};

pub type Tx = Transaction<'static, Postgres>;

/// The next value of the county's change counter. Its row stays locked until the caller
/// commits, so values are taken in commit order (see the migration).
pub async fn next_gseq(tx: &mut PgConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("UPDATE sync_counter SET value = value + 1 WHERE id RETURNING value")
        .fetch_one(&mut *tx)
        .await
}

/// Names the department this transaction works for (row-level security reads it).
pub async fn scope_to(tx: &mut PgConnection, department: &str) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT set_config('yichuang.department', $1, true)")
        .bind(department)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// The county's case, locked until the transaction ends.
pub async fn load_for_update(tx: &mut PgConnection, id: &str) -> Result<Option<Case>, sqlx::Error> {
    let doc: Option<Json<Case>> =
        sqlx::query_scalar("SELECT document FROM case_record WHERE id = $1 FOR UPDATE")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    Ok(doc.map(|d| d.0))
}

/// Writes a mutation's effects: the case row, new events and notices, and voids of earlier
/// notices. The row's change number is set by [`stamp`] just before the transaction commits.
pub async fn write(tx: &mut PgConnection, effects: &Effects) -> Result<(), sqlx::Error> {
    let c = &effects.case;
    let gseq: i64 = 0;
    let state = serde_json::to_value(c.state)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    sqlx::query(
        "INSERT INTO case_record (id, case_no, department_code, window_code, state, version, \
         document, gseq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, version = excluded.version, \
           document = excluded.document, updated_at = now()",
    )
    .bind(&c.id)
    .bind(&c.case_no)
    .bind(&c.office.department_code)
    .bind(&c.office.window_code)
    .bind(&state)
    .bind(i32::try_from(c.version).unwrap_or(i32::MAX))
    .bind(Json(c))
    .bind(gseq)
    .execute(&mut *tx)
    .await?;
    for e in &effects.events {
        sqlx::query(
            "INSERT INTO case_event (case_id, seq, department_code, document) VALUES ($1, $2, $3, $4)",
        )
        .bind(&c.id)
        .bind(i32::try_from(e.seq).unwrap_or(i32::MAX))
        .bind(&c.office.department_code)
        .bind(Json(e))
        .execute(&mut *tx)
        .await?;
    }
    for n in &effects.notices {
        sqlx::query(
            "INSERT INTO notice (number, case_id, department_code, kind, sha256, document) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&n.number)
        .bind(&c.id)
        .bind(&c.office.department_code)
        .bind(n.content.kind().as_str())
        .bind(n.sha256())
        .bind(Json(n))
        .execute(&mut *tx)
        .await?;
    }
    for r in c.notices.iter().filter(|n| n.voided.is_some()) {
        let v = r.voided.as_ref().expect("filtered");
        sqlx::query(
            "UPDATE notice SET voided_reason = $1, voided_at = $2 \
             WHERE number = $3 AND voided_reason IS NULL",
        )
        .bind(&v.reason)
        .bind(v.at)
        .bind(&r.number)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// Gives each case written by this transaction its change number, in order, taking the
/// county-wide counter once. Call last, just before commit.
pub async fn stamp(tx: &mut PgConnection, case_ids: &[String]) -> Result<(), sqlx::Error> {
    if case_ids.is_empty() {
        return Ok(());
    }
    let n = case_ids.len() as i64;
    let last: i64 =
        sqlx::query_scalar("UPDATE sync_counter SET value = value + $1 WHERE id RETURNING value")
            .bind(n)
            .fetch_one(&mut *tx)
            .await?;
    let numbers: Vec<i64> = (last - n + 1..=last).collect();
    sqlx::query(
        "UPDATE case_record c SET gseq = v.g FROM unnest($1::text[], $2::bigint[]) AS v(id, g)          WHERE c.id = v.id",
    )
    .bind(case_ids)
    .bind(&numbers)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Cases whole (row, timeline, notices) by id, in the order of `ids`.
pub async fn bundles(
    tx: &mut PgConnection,
    ids: &[String],
) -> Result<Vec<CaseBundle>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = sqlx::query("SELECT id, gseq, document FROM case_record WHERE id = ANY($1)")
        .bind(ids)
        .fetch_all(&mut *tx)
        .await?;
    let mut cases: HashMap<String, (i64, Case)> = HashMap::new();
    for r in rows {
        let Json(case): Json<Case> = r.get("document");
        cases.insert(r.get("id"), (r.get("gseq"), case));
    }
    let mut events: HashMap<String, Vec<CaseEvent>> = HashMap::new();
    for r in sqlx::query(
        "SELECT case_id, document FROM case_event WHERE case_id = ANY($1) ORDER BY case_id, seq",
    )
    .bind(ids)
    .fetch_all(&mut *tx)
    .await?
    {
        let Json(e): Json<CaseEvent> = r.get("document");
        events.entry(r.get("case_id")).or_default().push(e);
    }
    let mut notices: HashMap<String, Vec<IssuedNotice>> = HashMap::new();
    for r in sqlx::query(
        "SELECT case_id, document FROM notice WHERE case_id = ANY($1) ORDER BY case_id, number",
    )
    .bind(ids)
    .fetch_all(&mut *tx)
    .await?
    {
        let Json(n): Json<IssuedNotice> = r.get("document");
        notices.entry(r.get("case_id")).or_default().push(n);
    }
    let mut cards: HashMap<String, Vec<PulledCard>> = HashMap::new();
    for r in sqlx::query(
        "SELECT case_id, level, due_date, raised_at FROM case_card WHERE case_id = ANY($1) \
         ORDER BY case_id, raised_at",
    )
    .bind(ids)
    .fetch_all(&mut *tx)
    .await?
    {
        cards.entry(r.get("case_id")).or_default().push(PulledCard {
            level: r.get("level"),
            due_date: r.get("due_date"),
            raised_at: r.get("raised_at"),
        });
    }
    Ok(ids
        .iter()
        .filter_map(|id| {
            let (gseq, case) = cases.remove(id)?;
            Some(CaseBundle {
                gseq,
                case,
                events: events.remove(id).unwrap_or_default(),
                notices: notices.remove(id).unwrap_or_default(),
                cards: cards.remove(id).unwrap_or_default(),
            })
        })
        .collect())
}

/// The working-day calendar the county holds (embedded years plus imported ones).
pub async fn calendar(pool: &sqlx::PgPool) -> Result<yichuang_core::WorkCalendar, sqlx::Error> {
    use yichuang_core::calendar::HolidayYear;
    let texts: Vec<String> = sqlx::query_scalar("SELECT document FROM calendar_year ORDER BY year")
        .fetch_all(pool)
        .await?;
    let imported = texts.iter().filter_map(|t| HolidayYear::parse(t).ok());
    Ok(yichuang_core::WorkCalendar::new(
        HolidayYear::embedded()
            .into_iter()
            .chain(imported)
            .collect::<Vec<_>>(),
    ))
}
