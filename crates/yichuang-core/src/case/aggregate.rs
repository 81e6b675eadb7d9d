//! The Case aggregate: everything a case is, and its creation at intake. Commands that change
//! it live in `command.rs`; both return the new case with the events and notices to store.

use super::applicant::{check_applicant, Agent, AgentInput, Applicant, ApplicantInput};
use super::approval::{ApprovalRequest, ApprovalSubject};
use super::checklist::{build_checklist, ChecklistLine};
use super::clock::{notice_deadline, CaseClock, Deadlines, Pause, StartEvent};
use super::error::CaseError;
use super::evaluation::{Evaluation, Rectification};
use super::fee::FeeCharge;
use super::handover::Holder;
use super::notice::{ChiefRepOverride, IssuedNotice, NoticeKind, NoticeRef};
use super::state::{Action, CaseState};
use crate::calendar::WorkCalendar;
use crate::catalog::{FeeStandard, ItemKind, ServiceItem};
use crate::Lang;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The roles of DOMAIN.md; only clerks act on cases until approvals land.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Clerk,
    ChiefRep,
    Supervisor,
    Admin,
    /// The applicant, rating a case on the applicant-facing screen; never a logged-in user.
    Applicant,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Clerk => "clerk",
            Role::ChiefRep => "chief_rep",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
            Role::Applicant => "applicant",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        [Role::Clerk, Role::ChiefRep, Role::Supervisor, Role::Admin]
            .into_iter()
            .find(|r| r.as_str() == text)
    }

    /// Clerks, chief representatives and admins act on cases; supervisors watch, and the
    /// applicant only rates.
    pub fn works_cases(self) -> bool {
        !matches!(self, Role::Supervisor | Role::Applicant)
    }
}

/// Who does something, from which workstation, at what local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Actor {
    pub user_id: String,
    pub name: String,
    pub role: Role,
}

/// The context of one command. `now` is China Standard Time at the counter.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub actor: &'a Actor,
    pub workstation: &'a str,
    pub now: NaiveDateTime,
    pub calendar: &'a WorkCalendar,
    pub lang: Lang,
    /// When the counter closes: a 即办件 received later is due the next working day.
    pub closing: NaiveTime,
}

impl Ctx<'_> {
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }
}

/// The item as it was when the case was opened (the catalog may change later).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ItemRef {
    pub code: String,
    pub name: String,
    pub department: String,
    pub kind: ItemKind,
    pub statutory_days: u32,
    pub promised_days: u32,
    pub legal_basis: String,
    pub requires_chief_approval: bool,
    pub catalog_version: String,
    /// The fee standard, if the item may be charged (DOMAIN.md rule 6).
    #[serde(default)]
    pub fee: Option<FeeStandard>,
}

/// Where the case is handled: the department and window of the workstation that opened it,
/// with the names printed on its notices (kept, so a reprint says what the original said).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Office {
    pub region_code: String,
    pub department_code: String,
    pub window_code: String,
    pub center_name: String,
    pub department_name: String,
    pub window_name: String,
}

/// One line of the case's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseEvent {
    /// 1, 2, 3… within the case.
    pub seq: u32,
    pub at: NaiveDateTime,
    pub actor: String,
    pub actor_id: String,
    pub workstation: String,
    /// Under an A/B handover, the clerk B acted for ("B on behalf of A").
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    pub what: EventKind,
    pub from: Option<CaseState>,
    pub to: CaseState,
    /// Reason, notice number, or what changed, in the words recorded.
    pub note: Option<String>,
}

/// What a timeline line records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A change of state.
    Transition(Action),
    ChecklistUpdated,
    NoticeIssued,
    NoticeVoided,
    /// 出件: the result reached the applicant.
    ResultIssued,
    /// An approval was asked for or decided without a change of state (a notice override).
    ApprovalRequested,
    ApprovalDecided,
    /// AB岗: the case went to the backup clerk, and back.
    HandedOver,
    HandedBack,
    FeeCharged,
    FeeVoided,
    /// The applicant rated the case (a second rating after rectification, too).
    Evaluated,
    /// The rectification task of a bad rating: the follow-up call, and the rectification.
    FollowedUp,
    Rectified,
    /// 电子监察: a clerk appealed a card, and the supervisor ruled.
    CardAppealed,
    AppealRuled,
}

/// A case (办件).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Case {
    pub id: String,
    pub case_no: String,
    /// Bumped by every command: a compare-and-set guard for sync.
    pub version: u32,
    pub state: CaseState,
    pub item: ItemRef,
    pub applicant: Applicant,
    pub agent: Option<Agent>,
    pub situations: Vec<String>,
    pub checklist: Vec<ChecklistLine>,
    pub received_at: NaiveDateTime,
    pub office: Office,
    /// The responsible clerk's user id.
    pub owner: String,
    pub notices: Vec<NoticeRef>,
    pub pauses: Vec<Pause>,
    pub clock: Option<CaseClock>,
    /// The day the last correction came in (acceptance counts from it).
    pub materials_completed_on: Option<NaiveDate>,
    pub closed_at: Option<NaiveDateTime>,
    /// Rejection or withdrawal reason.
    pub closing_reason: Option<String>,
    /// The legal basis of a rejection.
    pub closing_basis: Option<String>,
    /// Timeline lines so far (the next one gets `event_count + 1`).
    pub event_count: u32,
    /// The chief representative's decisions on this case, oldest first.
    #[serde(default)]
    pub approvals: Vec<Approval>,
    /// The decision it was completed with (办结).
    #[serde(default)]
    pub decision: Option<Decision>,
    /// How the result reached the applicant (出件).
    #[serde(default)]
    pub result: Option<ResultIssued>,
    /// The approval asked for and not yet decided.
    #[serde(default)]
    pub pending_approval: Option<ApprovalRequest>,
    /// A chief representative's permission for the next correction notice to ask for
    /// materials the first did not name; used up by that notice.
    #[serde(default)]
    pub granted_override: Option<ChiefRepOverride>,
    /// AB岗: the backup clerk working this case for its owner, while a handover lasts.
    #[serde(default)]
    pub holder: Option<Holder>,
    /// Bumped by every handover and return: the owner's writes from before it are fenced.
    #[serde(default)]
    pub owner_epoch: u32,
    /// Fees charged (voids are kept on the charge).
    #[serde(default)]
    pub fees: Vec<FeeCharge>,
    /// The applicant's ratings, oldest first (at most two: the second after rectification).
    #[serde(default)]
    pub evaluations: Vec<Evaluation>,
    /// What a bad rating opened.
    #[serde(default)]
    pub rectification: Option<Rectification>,
    /// 电子监察: appeals of the case's cards and their rulings. Left out of the stored JSON
    /// while empty, so cases without appeals keep their fingerprints across the upgrade.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<super::supervision::CardAppeal>>", optional)]
    pub appeals: Vec<super::supervision::CardAppeal>,
}

/// How the result (licence, certificate, decision letter) reached the applicant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ResultDelivery {
    /// Collected at the counter, by the applicant or someone they sent.
    Counter { collected_by: String },
    /// Sent by post (EMS), with the tracking number.
    Post { tracking_no: String },
}

/// 出件: the result issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResultIssued {
    pub delivery: ResultDelivery,
    pub at: NaiveDateTime,
    pub by: String,
}

/// A chief representative's decision on a case (DOMAIN.md rule 4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Approval {
    pub approved: bool,
    pub by_id: String,
    pub by: String,
    pub at: NaiveDateTime,
    /// The seal used (审批专用章), for an approval.
    pub seal: Option<String>,
    pub opinion: Option<String>,
    /// What was approved or returned (an approval stored before subjects existed was of the
    /// item's decision, to grant).
    #[serde(default)]
    pub subject: ApprovalSubject,
    /// Why a given approval no longer holds (a special procedure came after it).
    #[serde(default)]
    pub cancelled: Option<String>,
}

/// How a case ended (办结).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Decision {
    /// 准予许可 / 办结.
    Granted,
    /// 不予许可, with the reason and legal basis.
    Denied { reason: String, legal_basis: String },
}

/// What a command produced: the case after it, and what to append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effects {
    pub case: Case,
    pub events: Vec<CaseEvent>,
    pub notices: Vec<IssuedNotice>,
}

/// Everything intake needs besides the context.
#[derive(Debug, Clone)]
pub struct Intake<'a> {
    pub id: String,
    pub case_no: String,
    pub item: &'a ServiceItem,
    pub catalog_version: &'a str,
    pub applicant: &'a ApplicantInput,
    pub agent: Option<&'a AgentInput>,
    pub situations: &'a [String],
    pub office: Office,
}

impl Case {
    /// Opens a case: the applicant is checked, the checklist built from the item and its
    /// situations, and the case starts under review (收件, then 审查).
    pub fn intake(intake: Intake<'_>, ctx: &Ctx<'_>) -> Result<Effects, CaseError> {
        let (applicant, agent) =
            check_applicant(intake.applicant, intake.agent, ctx.today(), ctx.lang)
                .map_err(CaseError::InvalidApplicant)?;
        let checklist =
            build_checklist(intake.item, intake.situations).map_err(CaseError::UnknownSituation)?;
        let item = intake.item;
        let mut case = Case {
            id: intake.id,
            case_no: intake.case_no,
            version: 0,
            state: CaseState::Consulted,
            item: ItemRef {
                code: item.code.clone(),
                name: item.name.clone(),
                department: item.department.clone(),
                kind: item.kind,
                statutory_days: item.statutory_days,
                promised_days: item.promised_days,
                legal_basis: item.legal_basis.clone(),
                requires_chief_approval: item.requires_chief_approval,
                catalog_version: intake.catalog_version.to_string(),
                fee: item.fee.clone(),
            },
            applicant,
            agent,
            situations: intake.situations.to_vec(),
            checklist,
            received_at: ctx.now,
            office: intake.office,
            owner: ctx.actor.user_id.clone(),
            notices: Vec::new(),
            pauses: Vec::new(),
            clock: None,
            materials_completed_on: None,
            closed_at: None,
            closing_reason: None,
            closing_basis: None,
            event_count: 0,
            approvals: Vec::new(),
            decision: None,
            result: None,
            pending_approval: None,
            granted_override: None,
            holder: None,
            owner_epoch: 0,
            fees: Vec::new(),
            evaluations: Vec::new(),
            rectification: None,
            appeals: Vec::new(),
        };
        let mut events = Vec::new();
        case.transition(Action::Receive, None, ctx, &mut events)?;
        case.transition(Action::StartReview, None, ctx, &mut events)?;
        case.version = 1;
        Ok(Effects {
            case,
            events,
            notices: Vec::new(),
        })
    }

    /// Moves along the state machine and records the timeline line.
    pub(crate) fn transition(
        &mut self,
        action: Action,
        note: Option<String>,
        ctx: &Ctx<'_>,
        events: &mut Vec<CaseEvent>,
    ) -> Result<(), CaseError> {
        let next = self.state.apply(action)?;
        let from =
            (self.state != CaseState::Consulted || action != Action::Receive).then_some(self.state);
        self.record(EventKind::Transition(action), from, next, note, ctx, events);
        self.state = next;
        Ok(())
    }

    /// Records a timeline line that changes nothing about the state (a fee, a handover, a
    /// rating, …).
    pub(crate) fn remark(
        &mut self,
        what: EventKind,
        note: Option<String>,
        ctx: &Ctx<'_>,
        events: &mut Vec<CaseEvent>,
    ) {
        let state = self.state;
        self.record(what, Some(state), state, note, ctx, events);
    }

    pub(crate) fn record(
        &mut self,
        what: EventKind,
        from: Option<CaseState>,
        to: CaseState,
        note: Option<String>,
        ctx: &Ctx<'_>,
        events: &mut Vec<CaseEvent>,
    ) {
        self.event_count += 1;
        events.push(CaseEvent {
            seq: self.event_count,
            at: ctx.now,
            actor: ctx.actor.name.clone(),
            actor_id: ctx.actor.user_id.clone(),
            workstation: ctx.workstation.to_string(),
            on_behalf_of: self.acting_for(ctx.actor),
            what,
            from,
            to,
            note,
        });
    }

    /// The owner's name when `actor` is the backup clerk holding this case under a handover.
    pub fn acting_for(&self, actor: &Actor) -> Option<String> {
        self.holder
            .as_ref()
            .filter(|h| h.user_id == actor.user_id)
            .map(|h| h.for_name.clone())
    }

    /// The case still asks something of its window: it is undecided, its result is not out,
    /// or a rectification is open. Such cases go on a handover sheet and block a shift's end.
    pub fn needs_work(&self) -> bool {
        match self.state {
            CaseState::Rejected | CaseState::Withdrawn => false,
            CaseState::Completed | CaseState::Evaluated => {
                self.result.is_none() || self.rectification.as_ref().is_some_and(|r| r.is_open())
            }
            _ => true,
        }
    }

    /// The day the clerk must have issued any one-time notice by: five working days after
    /// receipt, or after the last correction came in.
    pub fn notice_deadline(&self, calendar: &WorkCalendar) -> NaiveDate {
        let from = self
            .materials_completed_on
            .unwrap_or(self.received_at.date());
        notice_deadline(calendar, from)
    }

    /// Current due dates, once the clock runs — or, for a case still under review past its
    /// notice deadline with no notice issued, from receipt (it counts as accepted then).
    pub fn deadlines(&self, calendar: &WorkCalendar, today: NaiveDate) -> Option<Deadlines> {
        self.effective_clock(calendar, today)
            .map(|c| c.deadlines(calendar, &self.pauses, today))
    }

    /// The clock that runs: the recorded one, or the deemed one of rule 1.
    pub fn effective_clock(&self, calendar: &WorkCalendar, today: NaiveDate) -> Option<CaseClock> {
        if let Some(c) = &self.clock {
            return Some(c.clone());
        }
        self.is_deemed_accepted(calendar, today).then(|| CaseClock {
            start_event: StartEvent::DeemedAcceptedOnReceipt,
            start: self.received_at.date(),
            promised_days: self.item.promised_days,
            statutory_days: self.item.statutory_days,
            extension_days: 0,
            immediate: self.item.kind == ItemKind::Immediate,
        })
    }

    /// Under review, no correction notice ever issued, and the notice period is over.
    pub fn is_deemed_accepted(&self, calendar: &WorkCalendar, today: NaiveDate) -> bool {
        self.clock.is_none()
            && matches!(self.state, CaseState::Received | CaseState::Reviewing)
            && !self
                .notices
                .iter()
                .any(|n| n.kind == NoticeKind::Correction)
            && today > self.notice_deadline(calendar)
    }

    /// The deadline clock is running now (cards apply).
    pub fn clock_running(&self, calendar: &WorkCalendar, today: NaiveDate) -> bool {
        (self.state.clock_runs() && self.open_pause().is_none())
            || self.is_deemed_accepted(calendar, today)
    }

    /// A special procedure is under way.
    pub fn open_pause(&self) -> Option<&Pause> {
        self.pauses.iter().rev().find(|p| p.end.is_none())
    }
}
