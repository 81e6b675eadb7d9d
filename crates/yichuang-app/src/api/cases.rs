//! Cases at the counter: intake, every command on a case, opening one (timeline, notices, the
//! deadline explained) and the window's queue. Each action is ONE local transaction writing
//! its effect, an audit entry and an outbox row; a repeated UI action (same `action_key`)
//! returns the first result and writes nothing.

use super::workstation::{station, Station};
use crate::commit::{case_not_found, commit, Draw};
use crate::{ApiError, App};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::case::{
    self, card_for, Action, AgentInput, ApplicantInput, Card, Case, CaseClock, CaseCommand,
    CaseEvent, CaseState, Deadlines, MutationBody, NoticeKind, NoticeVoid, Office, Pause,
};
use yichuang_local::cases::{self as store, QueueFilter};
use yichuang_local::{catalog as catalog_store, StoreError};

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
    /// It may be voided now: not void yet, and, for a correction notice, not yet answered.
    pub can_void: bool,
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

fn store_err(lang: yichuang_core::Lang) -> impl Fn(StoreError) -> ApiError {
    move |e| ApiError::from_store(e, lang)
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

/// Opens a case from the intake form.
pub async fn intake(app: &App, req: IntakeRequest) -> Result<CaseDetail, ApiError> {
    let st = station(app).await?;
    let item = super::catalog::current_item(app, &req.item_code).await?;
    let version = catalog_store::current_version(&app.store)
        .await
        .map_err(store_err(app.lang()))?
        .unwrap_or_default();
    let id = commit(
        app,
        &st,
        &req.action_key,
        None,
        Draw::CaseNumber,
        MutationBody::Intake {
            item_code: item.code.clone(),
            catalog_version: version,
            applicant: req.applicant.clone(),
            agent: req.agent.clone(),
            situations: req.situations.clone(),
            office: office(&st),
        },
        Some(&item),
    )
    .await?;
    get(app, CaseRequest { case_id: id }).await
}

fn office(st: &Station) -> Office {
    Office {
        region_code: st.parts.region.clone(),
        department_code: st.profile.department_code.clone(),
        window_code: st.profile.window_code.clone(),
        center_name: st.profile.center_name.clone(),
        department_name: st.department_name.clone(),
        window_name: st.profile.window_name.clone(),
    }
}

/// Any command on an existing case.
pub async fn act(app: &App, req: CaseActionRequest) -> Result<CaseDetail, ApiError> {
    let st = station(app).await?;
    // A handover passes with both clerks' passwords (the handover API), and a rating comes
    // from the applicant's screen: neither is a button of the case page.
    if matches!(
        req.command,
        CaseCommand::HandOver { .. }
            | CaseCommand::TakeBack
            | CaseCommand::Evaluate { .. }
            | CaseCommand::AppealCard { .. }
            | CaseCommand::RuleAppeal { .. }
    ) {
        return Err(ApiError::new(
            crate::ErrorCode::NotPermitted,
            app.lang().pick(
                "交接、收回、评价和预警申诉不能在办件页面直接操作",
                "Handovers, returns, ratings and card appeals are not case-page actions",
            ),
        ));
    }
    let draw = match req.command.issues() {
        Some(kind) => Draw::Notice(kind),
        None => Draw::Nothing,
    };
    let id = commit(
        app,
        &st,
        &req.action_key,
        Some(&req.case_id),
        draw,
        MutationBody::Command {
            command: req.command.clone(),
        },
        None,
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
    // A department sees only its own cases, whatever id the window asks for.
    let st = station(app).await?;
    if c.office.department_code != st.profile.department_code {
        return Err(case_not_found(app, &req.case_id));
    }
    let timeline = store::timeline(&app.store, &c.id)
        .await
        .map_err(store_err(lang))?;
    let calendar = app.calendar();
    let today = app.clock.local_now().date();
    let yellow = st.profile.yellow_within_days;
    let deadline = c
        .effective_clock(&calendar, today)
        .map(|clock| DeadlineExplained {
            deadlines: clock.deadlines(&calendar, &c.pauses, today),
            clock,
            pauses: c.pauses.clone(),
        });
    let running = c.clock_running(&calendar, today);
    let card = deadline
        .as_ref()
        .filter(|_| running)
        .and_then(|d| card_for(&calendar, &d.deadlines, today, yellow))
        .or_else(|| c.rectification.as_ref().and_then(|r| r.card(today)));
    let notice_deadline = matches!(c.state, CaseState::Reviewing | CaseState::Received)
        .then(|| c.notice_deadline(&calendar));
    let mut allowed: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| c.state.apply(*a).is_ok())
        .collect();
    // A special procedure can start right after acceptance (the command starts processing
    // itself), so the window offers it there too.
    if allowed.contains(&Action::StartProcessing) {
        allowed.push(Action::Suspend);
        allowed.push(Action::RequestApproval);
        allowed.push(Action::Complete);
    }
    // Completion of a flagged item only with a standing approval of its decision (the rule
    // refuses the rest anyway); an approval request is offered while processing (decision or
    // extension), and approving only while one is pending.
    let approved = c
        .approvals
        .iter()
        .rev()
        .find(|a| matches!(a.subject, case::ApprovalSubject::Decision { .. }))
        .is_some_and(|a| a.approved && a.cancelled.is_none());
    allowed.retain(|a| match a {
        Action::Complete => !c.item.requires_chief_approval || approved,
        Action::RequestApproval => c.pending_approval.is_none(),
        Action::Approve | Action::ReturnWithOpinion => c.pending_approval.is_some(),
        _ => true,
    });
    // A notice override is asked for and decided while the case is under review.
    if c.state == CaseState::Reviewing {
        if c.pending_approval.is_none() {
            allowed.push(Action::RequestApproval);
        } else {
            allowed.push(Action::Approve);
            allowed.push(Action::ReturnWithOpinion);
        }
    }
    // The owner of a case handed over does nothing with it until it comes back.
    let me = app
        .session
        .lock()
        .expect("session lock")
        .as_ref()
        .map(|u| u.user_id.clone());
    if c.holder.is_some() && me.as_deref() == Some(c.owner.as_str()) {
        allowed.clear();
    }
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
                can_void: n.voided.is_none()
                    && (n.kind != NoticeKind::Correction
                        || c.state == CaseState::AwaitingCorrection),
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
                due_is_promised: r.clock_running
                    || r.immediate
                    || !matches!(state, CaseState::Received | CaseState::Reviewing),
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
