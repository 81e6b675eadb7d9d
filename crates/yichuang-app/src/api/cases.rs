//! Cases at the counter: intake, every command on a case, opening one (timeline, notices, the
//! deadline explained) and the window's queue. Each action is ONE local transaction writing
//! its effect, an audit entry and an outbox row; a repeated UI action (same `action_key`)
//! returns the first result and writes nothing.

use super::workstation::{station, Station};
use crate::{ApiError, App, ErrorCode};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::case::{
    self, card_for, Action, AgentInput, ApplicantInput, Card, Case, CaseClock, CaseCommand,
    CaseEvent, CaseState, Ctx, Deadlines, Effects, Intake, NoticeKind, NoticeVoid, Office, Pause,
};
use yichuang_core::WorkCalendar;
use yichuang_local::cases::{self as store, CaseIndex, QueueFilter};
use yichuang_local::journal::{self, AuditInput};
use yichuang_local::{cards as card_store, catalog as catalog_store, StoreError};

/// Most lines the queue shows at once; search narrows it.
const QUEUE_LIMIT: u32 = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IntakeRequest {
    /// Made by the window when the form opens; the same key never makes two cases.
    pub action_key: String,
    pub item_code: String,
    pub applicant: ApplicantInput,
    pub agent: Option<AgentInput>,
    pub situations: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseActionRequest {
    pub action_key: String,
    pub case_id: String,
    pub command: CaseCommand,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseRequest {
    pub case_id: String,
}

/// A notice as the case page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NoticeSummary {
    pub number: String,
    pub kind: NoticeKind,
    pub issued_at: NaiveDateTime,
    pub sha256: String,
    pub voided: Option<NoticeVoid>,
}

/// "Why is this case due on that day?"
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeadlineExplained {
    pub clock: CaseClock,
    pub deadlines: Deadlines,
    pub pauses: Vec<Pause>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseDetail {
    /// The case, with the applicant's ID number and phone masked.
    pub case: Case,
    pub timeline: Vec<CaseEvent>,
    pub notices: Vec<NoticeSummary>,
    pub deadline: Option<DeadlineExplained>,
    /// While under review: the last day to issue the one-time notice.
    pub notice_deadline: Option<NaiveDate>,
    pub card: Option<Card>,
    /// What the state machine allows next (the window shows only these buttons).
    pub allowed: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QueueRequest {
    pub state: Option<CaseState>,
    pub item_code: Option<String>,
    pub card: Option<Card>,
    /// Case number, whole ID number or credit code, or the start of the applicant's name.
    pub search: String,
    pub include_closed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QueueItem {
    pub id: String,
    pub case_no: String,
    pub state: CaseState,
    pub item_code: String,
    pub item_name: String,
    pub applicant_name: String,
    pub applicant_id_masked: String,
    pub received_at: String,
    pub due_date: Option<NaiveDate>,
    /// `true`: the due date is the promised one; `false`: the notice deadline under review.
    pub due_is_promised: bool,
    pub statutory_due: Option<NaiveDate>,
    pub card: Option<Card>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditStatus {
    pub entries: u32,
    pub intact: bool,
    /// Where the chain breaks, in words.
    pub problem: Option<String>,
    pub pending_mutations: u32,
}

fn store_err(lang: yichuang_core::Lang) -> impl Fn(StoreError) -> ApiError {
    move |e| ApiError::from_store(e, lang)
}

fn case_not_found(app: &App, id: &str) -> ApiError {
    ApiError::new(
        ErrorCode::CaseNotFound,
        match app.lang() {
            yichuang_core::Lang::ZhCn => format!("找不到办件 {id}"),
            yichuang_core::Lang::En => format!("No case {id}"),
        },
    )
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

fn masked(mut c: Case) -> Case {
    use yichuang_core::case::Applicant;
    let (id, phone) = (c.applicant.masked_id(), c.applicant.masked_phone());
    match &mut c.applicant {
        Applicant::Person {
            id_number,
            phone: p,
            ..
        } => {
            *id_number = id;
            *p = phone;
        }
        Applicant::Organisation { phone: p, .. } => *p = phone,
    }
    if let Some(a) = &mut c.agent {
        a.id_number = case::mask_id(&a.id_number);
        a.phone = yichuang_core::ids::mask_phone(&a.phone);
    }
    c
}

/// Which series an action draws a number from.
#[derive(Debug, Clone, Copy)]
enum Draw {
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
async fn commit<F>(
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

/// Opens a case from the intake form.
pub async fn intake(app: &App, req: IntakeRequest) -> Result<CaseDetail, ApiError> {
    let st = station(app).await?;
    let item = super::catalog::current_item(app, &req.item_code).await?;
    let version = catalog_store::current_version(&app.store)
        .await
        .map_err(store_err(app.lang()))?
        .unwrap_or_default();
    let lang = app.lang();
    let payload = serde_json::to_value(&req).expect("request serialises");
    let id = commit(
        app,
        &st,
        &req.action_key,
        None,
        Draw::CaseNumber,
        "intake",
        payload,
        |_, case_no, ctx| {
            Case::intake(
                Intake {
                    id: uuid::Uuid::new_v4().to_string(),
                    case_no: case_no.unwrap_or_default(),
                    item: &item,
                    catalog_version: &version,
                    applicant: &req.applicant,
                    agent: req.agent.as_ref(),
                    situations: &req.situations,
                    office: office(&st),
                },
                ctx,
            )
            .map_err(|e| ApiError::from_case(e, lang))
        },
    )
    .await?;
    get(app, CaseRequest { case_id: id }).await
}

fn office(st: &Station) -> Office {
    Office {
        region_code: st.parts.region.clone(),
        department_code: st.profile.department_code.clone(),
        window_code: st.profile.window_code.clone(),
    }
}

/// Any command on an existing case.
pub async fn act(app: &App, req: CaseActionRequest) -> Result<CaseDetail, ApiError> {
    let st = station(app).await?;
    let lang = app.lang();
    let draw = match req.command.issues() {
        Some(kind) => Draw::Notice(kind),
        None => Draw::Nothing,
    };
    let payload = serde_json::to_value(&req.command).expect("command serialises");
    let command = req.command.clone();
    let id = commit(
        app,
        &st,
        &req.action_key,
        Some(&req.case_id),
        draw,
        command.name(),
        payload,
        |current, number, ctx| {
            let current = current.expect("loaded for an existing case");
            case::apply(current, &command, number.as_deref(), ctx)
                .map_err(|e| ApiError::from_case(e, lang))
        },
    )
    .await?;
    get(app, CaseRequest { case_id: id }).await
}

/// A case with its timeline, notices and deadline explained.
pub async fn get(app: &App, req: CaseRequest) -> Result<CaseDetail, ApiError> {
    let lang = app.lang();
    let c = store::load(&app.store, &req.case_id)
        .await
        .map_err(store_err(lang))?
        .ok_or_else(|| case_not_found(app, &req.case_id))?;
    let timeline = store::timeline(&app.store, &c.id)
        .await
        .map_err(store_err(lang))?;
    let calendar = app.calendar();
    let today = app.clock.local_now().date();
    let yellow = station(app)
        .await
        .map(|s| s.profile.yellow_within_days)
        .unwrap_or(1);
    let deadline = c.clock.clone().map(|clock| DeadlineExplained {
        deadlines: clock.deadlines(&calendar, &c.pauses, today),
        clock,
        pauses: c.pauses.clone(),
    });
    let running = c.state.clock_runs() && c.open_pause().is_none();
    let card = deadline
        .as_ref()
        .filter(|_| running)
        .and_then(|d| card_for(&calendar, &d.deadlines, today, yellow));
    let notice_deadline = matches!(c.state, CaseState::Reviewing | CaseState::Received)
        .then(|| c.notice_deadline(&calendar));
    let allowed = Action::ALL
        .into_iter()
        .filter(|a| c.state.apply(*a).is_ok())
        .collect();
    Ok(CaseDetail {
        notices: c
            .notices
            .iter()
            .map(|n| NoticeSummary {
                number: n.number.clone(),
                kind: n.kind,
                issued_at: n.issued_at,
                sha256: n.sha256.clone(),
                voided: n.voided.clone(),
            })
            .collect(),
        case: masked(c),
        timeline,
        deadline,
        notice_deadline,
        card,
        allowed,
    })
}

/// The window's department queue, soonest due first, with cards; ID numbers masked.
pub async fn queue(app: &App, req: QueueRequest) -> Result<Vec<QueueItem>, ApiError> {
    let st = station(app).await?;
    let lang = app.lang();
    let calendar = app.calendar();
    let today = app.clock.local_now().date();
    let yellow_by = calendar
        .add_working_days(today, st.profile.yellow_within_days)
        .date;
    let filter = QueueFilter {
        department: st.profile.department_code.clone(),
        states: req
            .state
            .map(|s| {
                vec![serde_json::to_value(s)
                    .expect("state")
                    .as_str()
                    .unwrap_or_default()
                    .to_string()]
            })
            .unwrap_or_default(),
        item_code: req.item_code.filter(|c| !c.is_empty()),
        search: Some(req.search),
        card: req.card.map(|c| c == Card::Red),
        include_closed: req.include_closed,
    };
    let rows = store::queue(&app.store, &filter, today, yellow_by, QUEUE_LIMIT)
        .await
        .map_err(store_err(lang))?;
    let date = |s: &Option<String>| s.as_deref().and_then(|d| d.parse::<NaiveDate>().ok());
    Ok(rows
        .into_iter()
        .map(|r| {
            let due = date(&r.due_date);
            let statutory = date(&r.statutory_due);
            let card = if !r.clock_running {
                None
            } else if statutory.is_some_and(|s| today > s) {
                Some(Card::Red)
            } else if due.is_some_and(|d| d <= yellow_by) {
                Some(Card::Yellow)
            } else {
                None
            };
            let state: CaseState = serde_json::from_value(serde_json::Value::String(r.state))
                .unwrap_or(CaseState::Reviewing);
            QueueItem {
                due_is_promised: !matches!(state, CaseState::Received | CaseState::Reviewing),
                id: r.id,
                case_no: r.case_no,
                state,
                item_code: r.item_code,
                item_name: r.item_name,
                applicant_name: r.applicant_name,
                applicant_id_masked: case::mask_id(&r.applicant_id),
                received_at: r.received_at,
                due_date: due,
                statutory_due: statutory,
                card,
            }
        })
        .collect())
}

/// Checks this workstation's audit chain (an edited or deleted entry is named).
pub async fn audit_status(app: &App, _req: ()) -> Result<AuditStatus, ApiError> {
    let lang = app.lang();
    let result = journal::verify_audit(&app.store)
        .await
        .map_err(store_err(lang))?;
    let pending = journal::pending_mutations(&app.store)
        .await
        .map_err(store_err(lang))?;
    let count: i64 = sqlx_count(app).await?;
    Ok(AuditStatus {
        entries: u32::try_from(count).unwrap_or(u32::MAX),
        intact: result.is_ok(),
        problem: result.err().map(|b| match b {
            yichuang_core::audit::ChainBreak::Edited { seq } => {
                format!(
                    "{}{seq}",
                    lang.pick("审计记录被改动：第 ", "Audit entry edited: #")
                )
            }
            yichuang_core::audit::ChainBreak::Missing { seq } => {
                format!(
                    "{}{seq}",
                    lang.pick("审计记录缺失：第 ", "Audit entry missing before #")
                )
            }
            yichuang_core::audit::ChainBreak::HeadMismatch {
                expected_seq,
                found_seq,
            } => format!(
                "{} {expected_seq} / {found_seq}",
                lang.pick(
                    "审计记录末尾被删除：应有/实有",
                    "Audit tail deleted: expected/found"
                )
            ),
        }),
        pending_mutations: u32::try_from(pending).unwrap_or(u32::MAX),
    })
}

async fn sqlx_count(app: &App) -> Result<i64, ApiError> {
    journal::audit_count(&app.store)
        .await
        .map_err(store_err(app.lang()))
}

/// Raises the cards the window's running cases earn today; returns the newly raised ones.
pub(crate) async fn raise_cards(app: &App) -> Result<Vec<(Case, Card, NaiveDate)>, ApiError> {
    let st = station(app).await?;
    let lang = app.lang();
    let calendar = app.calendar();
    let today = app.clock.local_now().date();
    let at = app.clock.now().to_rfc3339();
    let mut raised = Vec::new();
    for c in store::running(&app.store, &st.profile.department_code)
        .await
        .map_err(store_err(lang))?
    {
        let Some(dl) = c.deadlines(&calendar, today) else {
            continue;
        };
        if let Some(card) = card_for(&calendar, &dl, today, st.profile.yellow_within_days) {
            let due = if card == Card::Red {
                dl.statutory.unwrap_or(dl.promised)
            } else {
                dl.promised
            };
            if card_store::raise(&app.store, &c.id, card.as_str(), &due.to_string(), &at)
                .await
                .map_err(store_err(lang))?
            {
                raised.push((c, card, due));
            }
        }
    }
    Ok(raised)
}
