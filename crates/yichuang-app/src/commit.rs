//! The one way a counter action is written: in ONE local transaction, the idempotency check
//! of the UI action, the number drawn from its series, the core rule, then the effect, the
//! audit entry and the outbox row. A refusal rolls everything back, numbers included.

use crate::api::workstation::Station;
use crate::{ApiError, App, ErrorCode};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use yichuang_core::case::{self, Case, CaseState, Ctx, Effects, NoticeKind};
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

fn local_stamp(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// Runs one counter action in one transaction: idempotency check, number allocation, the
/// core rule, then effect + audit + outbox. Returns the case id.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn commit<F>(
    app: &App,
    st: &Station,
    action_key: &str,
    case_id: Option<&str>,
    draw: Draw,
    mutation: &str,
    payload: serde_json::Value,
    rule: F,
) -> Result<String, ApiError>
where
    F: FnOnce(Option<&Case>, Option<String>, &Ctx<'_>) -> Result<Effects, ApiError>,
{
    let lang = app.lang();
    let key = action_key.trim();
    if key.is_empty() {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            lang.pick("缺少操作标识", "Missing action key"),
        ));
    }
    let now = app.clock.local_now();
    let calendar = app.calendar();
    let actor = case::Actor {
        user_id: st.profile.clerk_id.clone(),
        name: st.profile.clerk_name.clone(),
        role: case::Role::Clerk,
    };
    let ctx = Ctx {
        actor: &actor,
        workstation: &st.id,
        now,
        calendar: &calendar,
        lang,
    };
    let mut tx = app.store.write().await.map_err(store_err(lang))?;
    if let Some(done) = journal::action_result(&mut tx, key)
        .await
        .map_err(store_err(lang))?
    {
        return Ok(done);
    }
    let current = match case_id {
        Some(id) => Some(
            store::load_in(&mut tx, id)
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
    let number = match draw {
        Draw::Notice(kind) => {
            let series = format!("notice/{}/{year}", kind.series_code());
            let seq = journal::next_in_series(&mut tx, &series)
                .await
                .map_err(store_err(lang))?;
            Some(
                st.notice_format
                    .render(&st.parts, kind.series_code(), year, seq),
            )
        }
        Draw::CaseNumber => {
            let seq = journal::next_in_series(&mut tx, &format!("case/{year}"))
                .await
                .map_err(store_err(lang))?;
            Some(st.case_format.render(&st.parts, "", year, seq))
        }
        Draw::Nothing => None,
    };
    let effects = rule(current.as_ref(), number.clone(), &ctx)?;
    let index = index_of(&effects.case, &calendar, now.date());
    store::save(&mut tx, &effects, &index)
        .await
        .map_err(store_err(lang))?;
    let c = &effects.case;
    let detail = serde_json::json!({
        "case_no": c.case_no,
        "mutation": mutation,
        "state": c.state,
        "version": c.version,
        "number": number,
    });
    let at = app.clock.now().to_rfc3339();
    journal::append_audit(
        &mut tx,
        AuditInput {
            at: at.clone(),
            workstation: &st.id,
            actor_id: &actor.user_id,
            actor: &actor.name,
            action: mutation,
            case_id: Some(&c.id),
            detail: detail.to_string(),
        },
    )
    .await
    .map_err(store_err(lang))?;
    let envelope = serde_json::json!({
        "mutation": mutation,
        "case_id": c.id,
        "base_version": current.as_ref().map(|c| c.version),
        "actor": actor,
        "workstation": st.id,
        "at": local_stamp(now),
        "number": number,
        "input": payload,
    });
    let mutation_id = uuid::Uuid::new_v4().to_string();
    journal::enqueue(&mut tx, &mutation_id, mutation, Some(&c.id), &envelope, &at)
        .await
        .map_err(store_err(lang))?;
    journal::remember_action(&mut tx, key, &c.id, &at)
        .await
        .map_err(store_err(lang))?;
    tx.commit()
        .await
        .map_err(|e| ApiError::from_store(StoreError::from(e), lang))?;
    tracing::info!(case_no = %c.case_no, mutation, "case action committed");
    Ok(c.id.clone())
}

/// The queue columns: open or not, clock running, the date the queue sorts by.
pub(crate) fn index_of(case: &Case, calendar: &WorkCalendar, today: NaiveDate) -> CaseIndex {
    let deadlines = case.deadlines(calendar, today);
    let reviewing = matches!(case.state, CaseState::Received | CaseState::Reviewing);
    CaseIndex {
        is_open: !case.state.is_closed(),
        clock_running: case.state.clock_runs() && case.open_pause().is_none(),
        due_date: match (&deadlines, reviewing) {
            (Some(d), _) => Some(d.promised),
            (None, true) => Some(case.notice_deadline(calendar)),
            (None, false) => None,
        },
        statutory_due: deadlines.and_then(|d| d.statutory),
    }
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
    for (c, old_due) in store::open_cases(&mut tx).await.map_err(store_err(lang))? {
        let index = index_of(&c, &calendar, today);
        let new_due = index.due_date.map(|d| d.to_string());
        if new_due == old_due {
            continue;
        }
        store::update_index(&mut tx, &c.id, &index)
            .await
            .map_err(store_err(lang))?;
        let detail = serde_json::json!({
            "case_no": c.case_no,
            "due_before": old_due,
            "due_after": new_due,
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
