//! Cases in the cache: writing a command's effects (case row, timeline, notices), reading a
//! case back, and the open queue of a department. What the effects are is decided by
//! yichuang-core; the due-date columns are computed by the caller on the calendar.

use crate::{Store, StoreError};
use chrono::NaiveDate;
use sqlx::{Row, Sqlite, Transaction};
use yichuang_core::case::{Case, CaseEvent, Effects, IssuedNotice};

type Tx = Transaction<'static, Sqlite>;

/// The queue columns of a case, computed on the calendar by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseIndex {
    pub is_open: bool,
    pub clock_running: bool,
    pub due_date: Option<NaiveDate>,
    pub statutory_due: Option<NaiveDate>,
}

fn corrupt(e: serde_json::Error) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

/// Writes a command's effects: the case (inserted or updated, guarded by its version), its
/// new timeline lines and notices, and any void on an earlier notice.
pub async fn save(tx: &mut Tx, effects: &Effects, index: &CaseIndex) -> Result<(), StoreError> {
    let c = &effects.case;
    let doc = serde_json::to_string(c).map_err(corrupt)?;
    let due = index.due_date.map(|d| d.to_string());
    let statutory = index.statutory_due.map(|d| d.to_string());
    let state = serde_json::to_value(c.state).map_err(corrupt)?;
    let state = state.as_str().unwrap_or_default().to_string();
    let updated = sqlx::query(
        "UPDATE case_record SET owner = ?, state = ?, is_open = ?, clock_running = ?, \
         due_date = ?, statutory_due = ?, version = ?, document = ? WHERE id = ? AND version = ?",
    )
    .bind(&c.owner)
    .bind(&state)
    .bind(index.is_open)
    .bind(index.clock_running)
    .bind(&due)
    .bind(&statutory)
    .bind(i64::from(c.version))
    .bind(&doc)
    .bind(&c.id)
    .bind(i64::from(c.version) - 1)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if updated == 0 {
        if c.version != 1 {
            return Err(StoreError::Stale(c.case_no.clone()));
        }
        insert_row(tx, c, index, false).await?;
    }
    write_children(tx, effects).await
}

/// Writes a case received whole (from the county): the row as given (replacing the local
/// one), all its events and notices. The caller has removed the earlier events and notices.
pub async fn insert_whole(
    tx: &mut Tx,
    effects: &Effects,
    index: &CaseIndex,
) -> Result<(), StoreError> {
    insert_row(tx, &effects.case, index, true).await?;
    write_children(tx, effects).await
}

async fn insert_row(
    tx: &mut Tx,
    c: &Case,
    index: &CaseIndex,
    replace: bool,
) -> Result<(), StoreError> {
    let doc = serde_json::to_string(c).map_err(corrupt)?;
    let due = index.due_date.map(|d| d.to_string());
    let statutory = index.statutory_due.map(|d| d.to_string());
    let state = serde_json::to_value(c.state).map_err(corrupt)?;
    let state = state.as_str().unwrap_or_default().to_string();
    // Replacing keeps the row (cards point at it) and overwrites every column.
    let on_conflict = if replace {
        " ON CONFLICT (id) DO UPDATE SET case_no = excluded.case_no, \
         department_code = excluded.department_code, window_code = excluded.window_code, \
         owner = excluded.owner, state = excluded.state, is_open = excluded.is_open, \
         clock_running = excluded.clock_running, item_code = excluded.item_code, \
         item_name = excluded.item_name, item_kind = excluded.item_kind, \
         applicant_name = excluded.applicant_name, applicant_id = excluded.applicant_id, \
         received_at = excluded.received_at, due_date = excluded.due_date, \
         statutory_due = excluded.statutory_due, version = excluded.version, \
         document = excluded.document"
    } else {
        ""
    };
    sqlx::query(&format!(
        "INSERT INTO case_record (id, case_no, department_code, window_code, owner, state, \
         is_open, clock_running, item_code, item_name, item_kind, applicant_name, \
         applicant_id, received_at, due_date, statutory_due, version, document) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?){on_conflict}"
    ))
    .bind(&c.id)
    .bind(&c.case_no)
    .bind(&c.office.department_code)
    .bind(&c.office.window_code)
    .bind(&c.owner)
    .bind(&state)
    .bind(index.is_open)
    .bind(index.clock_running)
    .bind(&c.item.code)
    .bind(&c.item.name)
    .bind(c.item.kind.as_str())
    .bind(c.applicant.name())
    .bind(c.applicant.id_number())
    .bind(c.received_at.format("%Y-%m-%dT%H:%M:%S").to_string())
    .bind(&due)
    .bind(&statutory)
    .bind(i64::from(c.version))
    .bind(&doc)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn write_children(tx: &mut Tx, effects: &Effects) -> Result<(), StoreError> {
    let c = &effects.case;
    for e in &effects.events {
        sqlx::query("INSERT INTO case_event (case_id, seq, at, document) VALUES (?, ?, ?, ?)")
            .bind(&c.id)
            .bind(i64::from(e.seq))
            .bind(e.at.format("%Y-%m-%dT%H:%M:%S").to_string())
            .bind(serde_json::to_string(e).map_err(corrupt)?)
            .execute(&mut **tx)
            .await?;
    }
    for n in &effects.notices {
        sqlx::query(
            "INSERT INTO notice (number, case_id, kind, issued_at, sha256, document) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(&n.number)
        .bind(&c.id)
        .bind(n.content.kind().as_str())
        .bind(n.issued_at.format("%Y-%m-%dT%H:%M:%S").to_string())
        .bind(n.sha256())
        .bind(serde_json::to_string(n).map_err(corrupt)?)
        .execute(&mut **tx)
        .await?;
    }
    for r in c.notices.iter().filter(|n| n.voided.is_some()) {
        let v = r.voided.as_ref().expect("filtered");
        sqlx::query(
            "UPDATE notice SET voided_reason = ?, voided_at = ? \
             WHERE number = ? AND voided_reason IS NULL",
        )
        .bind(&v.reason)
        .bind(v.at.format("%Y-%m-%dT%H:%M:%S").to_string())
        .bind(&r.number)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

fn parse_case(doc: &str) -> Result<Case, StoreError> {
    serde_json::from_str(doc).map_err(corrupt)
}

/// A case by id, inside a write transaction (so the command sees the latest version).
pub async fn load_in(tx: &mut Tx, id: &str) -> Result<Option<Case>, StoreError> {
    let doc: Option<String> = sqlx::query_scalar("SELECT document FROM case_record WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    doc.as_deref().map(parse_case).transpose()
}

pub async fn load(store: &Store, id: &str) -> Result<Option<Case>, StoreError> {
    let doc: Option<String> = sqlx::query_scalar("SELECT document FROM case_record WHERE id = ?")
        .bind(id)
        .fetch_optional(store.pool())
        .await?;
    doc.as_deref().map(parse_case).transpose()
}

pub async fn timeline(store: &Store, id: &str) -> Result<Vec<CaseEvent>, StoreError> {
    let docs: Vec<String> =
        sqlx::query_scalar("SELECT document FROM case_event WHERE case_id = ? ORDER BY seq")
            .bind(id)
            .fetch_all(store.pool())
            .await?;
    docs.iter()
        .map(|d| serde_json::from_str(d).map_err(corrupt))
        .collect()
}

/// A notice exactly as issued, and its void reason if any.
pub async fn notice(
    store: &Store,
    number: &str,
) -> Result<Option<(IssuedNotice, String, Option<String>)>, StoreError> {
    let row = sqlx::query("SELECT document, sha256, voided_reason FROM notice WHERE number = ?")
        .bind(number)
        .fetch_optional(store.pool())
        .await?;
    row.map(|r| {
        let doc: String = r.get("document");
        let n: IssuedNotice = serde_json::from_str(&doc).map_err(corrupt)?;
        Ok((n, r.get("sha256"), r.get("voided_reason")))
    })
    .transpose()
}

/// What the open queue filters on.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    pub department: String,
    pub states: Vec<String>,
    pub item_code: Option<String>,
    /// Case number, whole ID number / credit code, or the start of the applicant's name.
    pub search: Option<String>,
    /// Only yellow (`Some(false)`) or red (`Some(true)`) cards.
    pub card: Option<bool>,
    pub include_closed: bool,
}

/// One queue line (the App masks the ID number before showing it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueRow {
    pub id: String,
    pub case_no: String,
    pub state: String,
    pub item_code: String,
    pub item_name: String,
    pub applicant_name: String,
    pub applicant_id: String,
    pub received_at: String,
    pub due_date: Option<String>,
    pub statutory_due: Option<String>,
    pub clock_running: bool,
    pub owner: String,
    /// A 即办件: its due date is the on-the-spot one even under review.
    pub immediate: bool,
}

/// The department's cases by due date (soonest first, undated last). `yellow_by` is the last
/// promised date that earns a yellow card today; `today` decides red ones.
pub async fn queue(
    store: &Store,
    f: &QueueFilter,
    today: NaiveDate,
    yellow_by: NaiveDate,
    limit: u32,
) -> Result<Vec<QueueRow>, StoreError> {
    let mut sql = String::from(
        "SELECT id, case_no, state, item_code, item_name, applicant_name, applicant_id, \
         received_at, due_date, statutory_due, clock_running, owner, item_kind FROM case_record \
         WHERE department_code = ?",
    );
    if !f.include_closed {
        sql.push_str(" AND is_open = 1");
    }
    if !f.states.is_empty() {
        sql.push_str(&format!(
            " AND state IN ({})",
            vec!["?"; f.states.len()].join(", ")
        ));
    }
    if f.item_code.is_some() {
        sql.push_str(" AND item_code = ?");
    }
    let search = f.search.as_deref().map(str::trim).filter(|s| !s.is_empty());
    // The serial at the end of a case number, as clerks quote it ("000003", "3").
    let serial = search.filter(|s| s.len() <= 8 && s.chars().all(|c| c.is_ascii_digit()));
    if search.is_some() {
        // The ways to find someone, each answered by its own index; a name prefix is a range
        // because LIKE cannot use the index. A serial is matched within the department.
        sql.push_str(
            " AND id IN (SELECT id FROM case_record WHERE case_no = ? \
             UNION SELECT id FROM case_record WHERE applicant_id = upper(?) \
             UNION SELECT id FROM case_record WHERE department_code = ? \
               AND applicant_name >= ? AND applicant_name < ? || char(1114111)",
        );
        if serial.is_some() {
            sql.push_str(
                " UNION SELECT id FROM case_record WHERE department_code = ? \
                 AND substr(case_no, -?) = ?",
            );
        }
        sql.push(')');
    }
    match f.card {
        Some(true) => sql.push_str(" AND clock_running = 1 AND statutory_due < ?"),
        Some(false) => sql.push_str(
            " AND clock_running = 1 AND due_date <= ? AND (statutory_due IS NULL OR statutory_due >= ?)",
        ),
        None => {}
    }
    sql.push_str(" ORDER BY due_date IS NULL, due_date, received_at LIMIT ?");
    let mut q = sqlx::query(&sql).bind(&f.department);
    for s in &f.states {
        q = q.bind(s);
    }
    if let Some(item) = &f.item_code {
        q = q.bind(item);
    }
    if let Some(s) = search {
        q = q.bind(s).bind(s).bind(&f.department).bind(s).bind(s);
        if let Some(n) = serial {
            // Case numbers ending in these digits ("000003" finds …-2026-000003).
            q = q.bind(&f.department).bind(n.len() as i64).bind(n);
        }
    }
    match f.card {
        Some(true) => q = q.bind(today.to_string()),
        Some(false) => q = q.bind(yellow_by.to_string()).bind(today.to_string()),
        None => {}
    }
    let rows = q.bind(i64::from(limit)).fetch_all(store.pool()).await?;
    Ok(rows
        .iter()
        .map(|r| QueueRow {
            id: r.get("id"),
            case_no: r.get("case_no"),
            state: r.get("state"),
            item_code: r.get("item_code"),
            item_name: r.get("item_name"),
            applicant_name: r.get("applicant_name"),
            applicant_id: r.get("applicant_id"),
            received_at: r.get("received_at"),
            due_date: r.get("due_date"),
            statutory_due: r.get("statutory_due"),
            clock_running: r.get("clock_running"),
            owner: r.get("owner"),
            immediate: r.get::<String, _>("item_kind") == "immediate",
        })
        .collect())
}

/// Open cases whose clock runs, or may have started running (under review past the notice
/// period), with their stored queue columns: what the deadline watcher looks at.
pub async fn running(
    store: &Store,
    department: &str,
) -> Result<Vec<(Case, CaseIndex)>, StoreError> {
    let rows = sqlx::query(
        "SELECT document, is_open, clock_running, due_date, statutory_due FROM case_record \
         WHERE department_code = ? AND is_open = 1 \
         AND (clock_running = 1 OR state IN ('received', 'reviewing', 'suspended'))",
    )
    .bind(department)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(with_index).collect()
}

fn with_index(r: &sqlx::sqlite::SqliteRow) -> Result<(Case, CaseIndex), StoreError> {
    Ok((
        parse_case(&r.get::<String, _>("document"))?,
        stored_index(r),
    ))
}

fn stored_index(r: &sqlx::sqlite::SqliteRow) -> CaseIndex {
    let date = |col: &str| {
        r.get::<Option<String>, _>(col)
            .and_then(|d| d.parse::<NaiveDate>().ok())
    };
    CaseIndex {
        is_open: r.get("is_open"),
        clock_running: r.get("clock_running"),
        due_date: date("due_date"),
        statutory_due: date("statutory_due"),
    }
}

/// Every open case in the cache with its stored queue columns (for recomputing deadlines
/// when the calendar changes).
pub async fn open_cases(tx: &mut Tx) -> Result<Vec<(Case, CaseIndex)>, StoreError> {
    let rows = sqlx::query(
        "SELECT document, is_open, clock_running, due_date, statutory_due FROM case_record \
         WHERE is_open = 1",
    )
    .fetch_all(&mut **tx)
    .await?;
    rows.iter().map(with_index).collect()
}

/// Rewrites the queue columns of a case (its content is unchanged).
pub async fn update_index(tx: &mut Tx, id: &str, index: &CaseIndex) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE case_record SET is_open = ?, clock_running = ?, due_date = ?, statutory_due = ? \
         WHERE id = ?",
    )
    .bind(index.is_open)
    .bind(index.clock_running)
    .bind(index.due_date.map(|d| d.to_string()))
    .bind(index.statutory_due.map(|d| d.to_string()))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// How many open cases a department has in this cache.
pub async fn open_count(store: &Store, department: &str) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM case_record WHERE department_code = ? AND is_open = 1",
    )
    .bind(department)
    .fetch_one(store.pool())
    .await?)
}

/// The department's cases with a rectification task not yet done (a bad rating's).
pub async fn open_rectifications(store: &Store, department: &str) -> Result<Vec<Case>, StoreError> {
    let docs: Vec<String> = sqlx::query_scalar(
        "SELECT document FROM case_record WHERE department_code = ? \
         AND json_type(document, '$.rectification') = 'object' \
         AND json_type(document, '$.rectification.rectified') IS NOT 'object'",
    )
    .bind(department)
    .fetch_all(store.pool())
    .await?;
    docs.iter().map(|d| parse_case(d)).collect()
}

/// The department's cases waiting for a chief representative's decision, oldest request
/// first.
pub async fn awaiting_approval(store: &Store, department: &str) -> Result<Vec<Case>, StoreError> {
    let docs: Vec<String> = sqlx::query_scalar(
        "SELECT document FROM case_record WHERE department_code = ? \
         AND (json_type(document, '$.pending_approval') = 'object' \
              OR state = 'awaiting_approval') \
         ORDER BY json_extract(document, '$.pending_approval.at'), case_no",
    )
    .bind(department)
    .fetch_all(store.pool())
    .await?;
    docs.iter().map(|d| parse_case(d)).collect()
}

/// What a month's ledger needs from this cache: every case of `department` that the month
/// touched (a timeline line in it, or a card raised in it) with its timeline, and the cards
/// of those cases as `(case_id, level, due_date, raised_at)`. `local` bounds the month in
/// counter time (timeline lines), `utc` in UTC (cards are stamped in RFC 3339 UTC).
#[allow(clippy::type_complexity)]
pub async fn ledger_input(
    store: &Store,
    department: &str,
    local: (&str, &str),
    utc: (&str, &str),
) -> Result<
    (
        Vec<(Case, Vec<CaseEvent>)>,
        Vec<(String, String, String, String)>,
    ),
    StoreError,
> {
    let docs: Vec<String> = sqlx::query_scalar(
        "SELECT c.document FROM case_record c WHERE c.department_code = ? AND ( \
           EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.at >= ? AND e.at < ?) \
           OR EXISTS (SELECT 1 FROM case_card k WHERE k.case_id = c.id \
                      AND k.raised_at >= ? AND k.raised_at < ?)) \
         ORDER BY c.received_at, c.case_no",
    )
    .bind(department)
    .bind(local.0)
    .bind(local.1)
    .bind(utc.0)
    .bind(utc.1)
    .fetch_all(store.pool())
    .await?;
    let cases: Vec<Case> = docs
        .iter()
        .map(|d| parse_case(d))
        .collect::<Result<_, _>>()?;
    // Their timelines and cards in one query each (a month is thousands of cases).
    let ids = serde_json::to_string(&cases.iter().map(|c| c.id.as_str()).collect::<Vec<_>>())
        .map_err(corrupt)?;
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT case_id, document FROM case_event \
         WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY case_id, seq",
    )
    .bind(&ids)
    .fetch_all(store.pool())
    .await?;
    let mut timelines: std::collections::HashMap<String, Vec<CaseEvent>> = Default::default();
    for (id, doc) in rows {
        timelines
            .entry(id)
            .or_default()
            .push(serde_json::from_str(&doc).map_err(corrupt)?);
    }
    let cards: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT case_id, level, due_date, raised_at FROM case_card \
         WHERE case_id IN (SELECT value FROM json_each(?))",
    )
    .bind(&ids)
    .fetch_all(store.pool())
    .await?;
    let out = cases
        .into_iter()
        .map(|c| {
            let events = timelines.remove(&c.id).unwrap_or_default();
            (c, events)
        })
        .collect();
    Ok((out, cards))
}
