//! The one way a counter action is written: in ONE local transaction, the idempotency check
//! of the UI action, the number drawn from its series, the core rule, then the effect, the
//! audit entry and the outbox row. A refusal rolls everything back, numbers included.

use crate::api::workstation::Station;
use crate::{ApiError, App, ErrorCode};
use chrono::{Datelike, NaiveDate, NaiveTime};
use yichuang_core::case::{
    Actor, Case, CaseMutation, CaseState, MutationBody, NoticeKind, Numbered,
};
use yichuang_core::catalog::{ItemKind, ServiceItem};
use yichuang_core::WorkCalendar;
use yichuang_local::cases::{self as store, CaseIndex};
use yichuang_local::journal::{self, AuditInput};
use yichuang_local::StoreError;

fn store_err(lang: yichuang_core::Lang) -> impl Fn(StoreError) -> ApiError {
    move |e| ApiError::from_store(e, lang)
}

pub(crate) fn case_not_found(app: &App, id: &str) -> ApiError {
    ApiError::new(
        ErrorCode::CaseNotFound,
        match app.lang() {
            yichuang_core::Lang::ZhCn => format!("找不到办件 {id}"),
            yichuang_core::Lang::En => format!("No case {id}"),
        },
    )
}

/// Which series an action draws a number from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Draw {
    Nothing,
    CaseNumber,
    Notice(NoticeKind),
}

/// Runs one counter action in one transaction: idempotency check, number allocation, the
/// core rule (the same [`CaseMutation::run`] the county hub replays), then effect + audit +
/// outbox. `item` is the catalog item of an intake. Returns the case id.
pub(crate) async fn commit(
    app: &App,
    st: &Station,
    action_key: &str,
    case_id: Option<&str>,
    draw: Draw,
    body: MutationBody,
    item: Option<&ServiceItem>,
) -> Result<String, ApiError> {
    let actor = crate::api::session::acting_user(app, st).await?;
    commit_as(app, st, &actor, action_key, case_id, draw, body, item).await
}

/// [`commit`] by a given actor: the applicant at the rating screen, or the two clerks of a
/// handover, whoever is logged in.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn commit_as(
    app: &App,
    st: &Station,
    actor: &Actor,
    action_key: &str,
    case_id: Option<&str>,
    draw: Draw,
    body: MutationBody,
    item: Option<&ServiceItem>,
) -> Result<String, ApiError> {
    let lang = app.lang();
    let key = action_key.trim();
    if key.is_empty() {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            lang.pick("缺少操作标识", "Missing action key"),
        ));
    }
    let body_json = serde_json::to_string(&body).expect("mutation body serialises");
    let request_sha = hex_sha256(&format!("{}\n{body_json}", case_id.unwrap_or("")));
    let mut tx = app.store.write().await.map_err(store_err(lang))?;
    if let Some(done) = journal::action_result(&mut tx, key)
        .await
        .map_err(store_err(lang))?
    {
        // The same press again (double-click, retry): its first result, nothing written.
        // The same key on a different request is a bug in the caller, refused loudly.
        if done.request_sha256 == request_sha {
            return Ok(done.case_id);
        }
        return Err(ApiError::new(
            ErrorCode::ActionKeyReused,
            lang.pick(
                "操作标识已用于另一操作，本次未执行。请刷新后重试。",
                "This action key was already used for another action; nothing was done. Refresh and retry.",
            ),
        ));
    }
    let id = write_in(&mut tx, app, st, actor, case_id, draw, body, item).await?;
    let at = app.clock.now().to_rfc3339();
    let name = id.1;
    journal::remember_action(&mut tx, key, &id.0, name, &request_sha, &at)
        .await
        .map_err(store_err(lang))?;
    tx.commit()
        .await
        .map_err(|e| ApiError::from_store(StoreError::from(e), lang))?;
    Ok(id.0)
}

/// The body of a counter action inside the caller's transaction: the number, the core rule,
/// the effect, the audit entry and the outbox row. Several run in one transaction for a
/// handover. Returns the case id and the mutation's name.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn write_in(
    tx: &mut yichuang_local::WriteTx,
    app: &App,
    st: &Station,
    actor: &Actor,
    case_id: Option<&str>,
    draw: Draw,
    body: MutationBody,
    item: Option<&ServiceItem>,
) -> Result<(String, &'static str), ApiError> {
    let lang = app.lang();
    let now = app.clock.local_now();
    let calendar = app.calendar();
    let current = match case_id {
        Some(id) => Some(
            store::load_in(tx, id)
                .await
                .map_err(store_err(lang))?
                .filter(|c| c.office.department_code == st.profile.department_code)
                .ok_or_else(|| case_not_found(app, id))?,
        ),
        None => None,
    };
    // Numbers are drawn inside the transaction: if the rule refuses, the rollback returns
    // the number and the series stays gap-free.
    let year = now.year();
    let (series, number_of) = match draw {
        // A series is named by its rendered prefix, so a workstation moved to another window
        // starts that window's series instead of continuing its old count under a new name.
        Draw::Notice(kind) => (
            Some(format!(
                "notice:{}",
                st.notice_format
                    .render(&st.parts, kind.series_code(), year, 0)
            )),
            Box::new(move |seq| {
                st.notice_format
                    .render(&st.parts, kind.series_code(), year, seq)
            }) as Box<dyn Fn(u64) -> String + Send + Sync>,
        ),
        Draw::CaseNumber => (
            Some(format!(
                "case:{}",
                st.case_format.render(&st.parts, "", year, 0)
            )),
            Box::new(move |seq| st.case_format.render(&st.parts, "", year, seq))
                as Box<dyn Fn(u64) -> String + Send + Sync>,
        ),
        Draw::Nothing => (
            None,
            Box::new(|_| String::new()) as Box<dyn Fn(u64) -> String + Send + Sync>,
        ),
    };
    let number = match series {
        Some(series) => {
            let seq = journal::next_in_series(tx, &series)
                .await
                .map_err(store_err(lang))?;
            Some(Numbered {
                series,
                seq,
                number: number_of(seq),
            })
        }
        None => None,
    };
    let mutation = CaseMutation {
        case_id: current
            .as_ref()
            .map(|c| c.id.clone())
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        base_version: current.as_ref().map(|c| c.version),
        base_fingerprint: current.as_ref().map(Case::fingerprint),
        actor: actor.clone(),
        workstation: st.id.clone(),
        at: now,
        number,
        body,
    };
    let effects = mutation
        .run(current.as_ref(), item, &calendar, lang, closing_time())
        .map_err(|e| ApiError::from_mutation(e, lang))?;
    if effects.events.is_empty() {
        // Nothing changed (e.g. the checklist saved as it was): nothing to record.
        return Ok((effects.case.id, mutation.name()));
    }
    let index = index_of(&effects.case, &calendar, now.date());
    store::save(tx, &effects, &index)
        .await
        .map_err(store_err(lang))?;
    let c = &effects.case;
    let name = mutation.name();
    let number = mutation.number.as_ref().map(|n| n.number.clone());
    // The entry seals what the action wrote: the case as stored and each notice's hash, so
    // an edit to those rows no longer matches the chain.
    let detail = serde_json::json!({
        "case_no": c.case_no,
        "mutation": name,
        "state": c.state,
        "version": c.version,
        "number": number,
        "case_sha256": hex_sha256(&serde_json::to_string(c).expect("case serialises")),
        "notices": effects.notices.iter().map(|n| n.sha256()).collect::<Vec<_>>(),
        "events": effects.events.iter().map(|e| e.seq).collect::<Vec<_>>(),
    });
    let at = app.clock.now().to_rfc3339();
    journal::append_audit(
        tx,
        AuditInput {
            at: at.clone(),
            workstation: &st.id,
            actor_id: &actor.user_id,
            actor: &actor.name,
            action: name,
            case_id: Some(&c.id),
            detail: detail.to_string(),
        },
    )
    .await
    .map_err(store_err(lang))?;
    // The outbox carries the intent, not the resulting rows: the county replays it with the
    // same rule against its own copy, so a case decided elsewhere meanwhile is refused there.
    let envelope = serde_json::to_value(&mutation).expect("mutation serialises");
    let mutation_id = uuid::Uuid::new_v4().to_string();
    journal::enqueue(tx, &mutation_id, name, Some(&c.id), &envelope, &at)
        .await
        .map_err(store_err(lang))?;
    tracing::info!(case_no = %c.case_no, mutation = name, "case action written");
    Ok((c.id.clone(), name))
}

/// The queue columns: open or not, clock running, the date the queue sorts by.
pub(crate) fn index_of(case: &Case, calendar: &WorkCalendar, today: NaiveDate) -> CaseIndex {
    let deadlines = case.deadlines(calendar, today);
    let reviewing = matches!(case.state, CaseState::Received | CaseState::Reviewing);
    CaseIndex {
        is_open: !case.state.is_closed(),
        clock_running: case.clock_running(calendar, today),
        due_date: match (&deadlines, reviewing) {
            (Some(d), _) => Some(d.promised),
            // A 即办件 under review is due at the counter, not at the notice deadline.
            (None, true) if case.item.kind == ItemKind::Immediate => {
                Some(on_the_spot_due(case, calendar))
            }
            (None, true) => Some(case.notice_deadline(calendar)),
            (None, false) => None,
        },
        statutory_due: deadlines.and_then(|d| d.statutory),
    }
}

/// The day a 即办件 is due: the day it was received, or the next working day when it came in
/// after closing time or on a day off.
pub(crate) fn on_the_spot_due(case: &Case, calendar: &WorkCalendar) -> NaiveDate {
    let received = case.received_at.date();
    if calendar.is_workday(received) && case.received_at.time() < closing_time() {
        received
    } else {
        calendar.add_working_days(received, 1).date
    }
}

/// When the counter closes (a 即办件 received later is due the next working day).
pub(crate) fn closing_time() -> NaiveTime {
    let (h, m) = yichuang_core::deadline::DEFAULT_CLOSING_TIME;
    NaiveTime::from_hms_opt(h, m, 0).expect("a valid closing time")
}

pub(crate) fn hex_sha256(text: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// After a calendar year is imported: every open case's due dates are computed again on the
/// new calendar (DOMAIN.md rule 2: provisional deadlines are recomputed), and each one that
/// moved gets an audit entry saying from what to what. Returns how many moved.
pub(crate) async fn recompute_deadlines(app: &App, workstation: &str) -> Result<u32, ApiError> {
    let lang = app.lang();
    let calendar = app.calendar();
    let today = app.clock.local_now().date();
    let at = app.clock.now().to_rfc3339();
    let mut tx = app.store.write().await.map_err(store_err(lang))?;
    let mut moved = 0;
    for (c, old) in store::open_cases(&mut tx).await.map_err(store_err(lang))? {
        let index = index_of(&c, &calendar, today);
        if index == old {
            continue;
        }
        store::update_index(&mut tx, &c.id, &index)
            .await
            .map_err(store_err(lang))?;
        let detail = serde_json::json!({
            "case_no": c.case_no,
            "due_before": old.due_date,
            "due_after": index.due_date,
            "statutory_before": old.statutory_due,
            "statutory_after": index.statutory_due,
            "calendar_version": calendar.version(),
        });
        journal::append_audit(
            &mut tx,
            AuditInput {
                at: at.clone(),
                workstation,
                actor_id: "system",
                actor: "日历更新",
                action: "deadline_recomputed",
                case_id: Some(&c.id),
                detail: detail.to_string(),
            },
        )
        .await
        .map_err(store_err(lang))?;
        moved += 1;
    }
    tx.commit()
        .await
        .map_err(|e| ApiError::from_store(StoreError::from(e), lang))?;
    Ok(moved)
}
