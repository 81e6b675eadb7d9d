//! The commands a clerk gives a case and their rules: ticking the checklist, the one-time
//! notice, acceptance (with the deemed-acceptance rule), refusal, withdrawal, on-the-spot
//! completion, special procedures, the chief representative's approval, completion (办结),
//! and voiding a wrong notice. `apply` is the one entry
//! point: the workstation and the county hub run the same code.

use super::aggregate::{
    Case, Ctx, Decision, Effects, EventKind, ResultDelivery, ResultIssued, Role,
};
use super::approval::{self, ApprovalSubject};
use super::checklist::MaterialStatus;
use super::clock::{Pause, PauseKind};
use super::error::CaseError;
use super::evaluation::{self, Rating};
use super::fee::FeeInput;
use super::issuing::{acceptance_content, completion_content, issue, start_clock};
use super::notice::{
    materials_beyond_first_notice, CorrectionLine, IssuedNotice, NoticeContent, NoticeKind,
    NoticeVoid,
};
use super::state::{Action, CaseState};
use super::supervision::{self, CardLevel};
use super::{handover, payment};
use crate::catalog::ItemKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The legal basis printed on every one-time notice.
pub const ART_32: &str = "《中华人民共和国行政许可法》第三十二条";

/// One material's new status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LineUpdate {
    pub code: String,
    pub status: MaterialStatus,
}

/// A command on an existing case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum CaseCommand {
    UpdateChecklist {
        lines: Vec<LineUpdate>,
    },
    /// The one-time notice. Asking for materials the first notice did not name needs the
    /// chief representative's approved override (see [`ApprovalSubject::NoticeOverride`]).
    IssueCorrectionNotice,
    CorrectionReceived,
    Accept,
    Reject {
        reason: String,
        legal_basis: String,
    },
    Withdraw {
        reason: String,
    },
    /// 即办件: accepted and completed at the counter.
    CompleteOnTheSpot,
    Suspend {
        procedure: String,
        reason: String,
        legal_basis: String,
    },
    Resume,
    VoidNotice {
        number: String,
        reason: String,
    },
    /// The clerk asks the chief representative to approve a decision, an extension or a
    /// notice override.
    RequestApproval {
        /// Absent in requests queued before subjects existed: the decision, to grant.
        #[serde(default)]
        subject: ApprovalSubject,
        note: String,
    },
    /// The chief representative approves, recording the seal used (审批专用章).
    Approve {
        seal: String,
        opinion: Option<String>,
    },
    /// The chief representative returns the case with an opinion (the clerk works on).
    ReturnWithOpinion {
        opinion: String,
    },
    /// 办结: the decision on an accepted case; issues the completion notice.
    Complete {
        decision: Decision,
    },
    /// 出件: the result handed over at the counter or sent by post.
    IssueResult {
        delivery: ResultDelivery,
    },
    /// AB岗: the owner hands the case to the window's backup clerk…
    HandOver {
        handover_id: String,
        to_id: String,
        to_name: String,
        reason: String,
    },
    /// …and takes it back.
    TakeBack,
    /// 收费: the item's fee, with the fiscal system's payment code and receipt number.
    ChargeFee {
        fee: FeeInput,
    },
    /// Voids (refunds) a charge with a reason.
    VoidFee {
        seq: u32,
        reason: String,
    },
    /// 好差评: the applicant's rating, from the applicant-facing screen only.
    Evaluate {
        rating: Rating,
        reasons: Vec<String>,
        comment: Option<String>,
    },
    /// The follow-up call of a bad rating's rectification task.
    FollowUp {
        note: String,
    },
    /// The rectification itself.
    Rectify {
        note: String,
    },
    /// 电子监察: the clerk appeals a card raised on the case, with a reason…
    AppealCard {
        card: CardLevel,
        reason: String,
    },
    /// …and a supervisor upholds or cancels it, with a note.
    RuleAppeal {
        card: CardLevel,
        uphold: bool,
        note: String,
    },
    /// A fresh acceptance or rejection notice after the previous one was voided. A refusal
    /// may be reissued with a corrected reason or legal basis (`None` keeps the recorded one).
    ReissueNotice {
        kind: NoticeKind,
        reason: Option<String>,
        legal_basis: Option<String>,
    },
}

impl CaseCommand {
    /// The notice number series this command draws from, if it issues a notice; the caller
    /// allocates the number inside the same transaction.
    pub fn issues(&self) -> Option<NoticeKind> {
        match self {
            CaseCommand::IssueCorrectionNotice => Some(NoticeKind::Correction),
            CaseCommand::Accept | CaseCommand::CompleteOnTheSpot => Some(NoticeKind::Acceptance),
            CaseCommand::Reject { .. } => Some(NoticeKind::Rejection),
            CaseCommand::Complete { .. } => Some(NoticeKind::Completion),
            CaseCommand::ReissueNotice { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    /// Short name for the audit log and the outbox.
    pub fn name(&self) -> &'static str {
        match self {
            CaseCommand::UpdateChecklist { .. } => "update_checklist",
            CaseCommand::IssueCorrectionNotice => "issue_correction_notice",
            CaseCommand::CorrectionReceived => "correction_received",
            CaseCommand::Accept => "accept",
            CaseCommand::Reject { .. } => "reject",
            CaseCommand::Withdraw { .. } => "withdraw",
            CaseCommand::CompleteOnTheSpot => "complete_on_the_spot",
            CaseCommand::Suspend { .. } => "suspend",
            CaseCommand::Resume => "resume",
            CaseCommand::VoidNotice { .. } => "void_notice",
            CaseCommand::ReissueNotice { .. } => "reissue_notice",
            CaseCommand::RequestApproval { .. } => "request_approval",
            CaseCommand::Approve { .. } => "approve",
            CaseCommand::ReturnWithOpinion { .. } => "return_with_opinion",
            CaseCommand::Complete { .. } => "complete",
            CaseCommand::IssueResult { .. } => "issue_result",
            CaseCommand::HandOver { .. } => "hand_over",
            CaseCommand::TakeBack => "take_back",
            CaseCommand::ChargeFee { .. } => "charge_fee",
            CaseCommand::VoidFee { .. } => "void_fee",
            CaseCommand::Evaluate { .. } => "evaluate",
            CaseCommand::FollowUp { .. } => "follow_up",
            CaseCommand::Rectify { .. } => "rectify",
            CaseCommand::AppealCard { .. } => "appeal_card",
            CaseCommand::RuleAppeal { .. } => "rule_appeal",
        }
    }
}

fn non_empty(s: &str, err: CaseError) -> Result<String, CaseError> {
    let t = s.trim();
    if t.is_empty() {
        Err(err)
    } else {
        Ok(t.to_string())
    }
}

/// Applies `command` to `case`. `number` is the notice number allocated for it (when
/// [`CaseCommand::issues`] says so). A refusal changes nothing.
pub fn apply(
    case: &Case,
    command: &CaseCommand,
    number: Option<&str>,
    ctx: &Ctx<'_>,
) -> Result<Effects, CaseError> {
    let mut next = case.clone();
    let mut events = Vec::new();
    let mut notices = Vec::new();
    let number = number.unwrap_or_default().to_string();
    // The applicant only rates; everyone else never rates.
    let rating = matches!(command, CaseCommand::Evaluate { .. });
    if ctx.actor.role == Role::Applicant && !rating {
        return Err(CaseError::StaffOnly);
    }
    handover::fence(case, ctx, matches!(command, CaseCommand::TakeBack))?;
    match command {
        CaseCommand::UpdateChecklist { lines } => {
            if !matches!(case.state, CaseState::Reviewing) {
                return Err(illegal(case, Action::StartReview));
            }
            let mut changed = Vec::new();
            for u in lines {
                let line = next
                    .checklist
                    .iter_mut()
                    .find(|l| l.code == u.code)
                    .ok_or_else(|| CaseError::UnknownMaterial(u.code.clone()))?;
                let status = match &u.status {
                    MaterialStatus::Defective { reason } => MaterialStatus::Defective {
                        reason: non_empty(reason, CaseError::DefectNeedsReason(line.name.clone()))?,
                    },
                    s => s.clone(),
                };
                if line.status != status {
                    let result = match &status {
                        MaterialStatus::Pending => "未核对".to_string(),
                        MaterialStatus::Received => "已收".to_string(),
                        MaterialStatus::Missing => "缺少".to_string(),
                        MaterialStatus::Defective { reason } => format!("不符合要求（{reason}）"),
                    };
                    changed.push(format!("{}：{result}", line.name));
                    line.status = status;
                }
            }
            if !changed.is_empty() {
                next.remark(
                    EventKind::ChecklistUpdated,
                    Some(changed.join("、")),
                    ctx,
                    &mut events,
                );
            }
        }
        CaseCommand::IssueCorrectionNotice => {
            next.state.apply(Action::RequestCorrection)?;
            require_reviewed(&next)?;
            let lines: Vec<CorrectionLine> = next
                .checklist
                .iter()
                .filter(|l| l.needs_correction())
                .map(CorrectionLine::from_checklist)
                .collect();
            if lines.is_empty() {
                return Err(CaseError::NothingToCorrect);
            }
            let deadline = next.notice_deadline(ctx.calendar);
            if ctx.today() > deadline {
                return Err(CaseError::NoticeWindowPassed(deadline));
            }
            let beyond: Vec<String> = materials_beyond_first_notice(&next.notices, &lines)
                .into_iter()
                .map(|l| l.name.clone())
                .collect();
            // New materials need the chief representative's approved override covering
            // exactly them; it is used up here.
            let new_codes = approval::beyond_first_notice(&next);
            let chief_rep_override = match beyond.is_empty() {
                true => None,
                false => Some(
                    next.granted_override
                        .take()
                        .filter(|o| new_codes.iter().all(|c| o.materials.contains(c)))
                        .ok_or(CaseError::OneTimeRule(beyond))?,
                ),
            };
            approval::lapse_notice_override(&mut next);
            let requested = lines.iter().map(|l| l.code.clone()).collect();
            let content = NoticeContent::Correction {
                lines,
                legal_basis: ART_32.to_string(),
                chief_rep_override,
            };
            issue(
                &mut next,
                &number,
                content,
                requested,
                ctx,
                &mut events,
                &mut notices,
            );
            next.transition(
                Action::RequestCorrection,
                Some(number.clone()),
                ctx,
                &mut events,
            )?;
            next.pauses.push(Pause {
                kind: PauseKind::Correction,
                procedure: None,
                reason: "材料补正".into(),
                legal_basis: ART_32.to_string(),
                start: ctx.today(),
                end: None,
            });
        }
        CaseCommand::CorrectionReceived => {
            next.transition(Action::CorrectionReceived, None, ctx, &mut events)?;
            close_pause(&mut next, PauseKind::Correction, ctx);
            next.materials_completed_on = Some(ctx.today());
            // The corrected materials are checked again.
            for line in next.checklist.iter_mut() {
                if line.needs_correction() {
                    line.status = MaterialStatus::Pending;
                }
            }
        }
        CaseCommand::Accept => {
            accept(&mut next, &number, ctx, &mut events, &mut notices)?;
            approval::lapse_notice_override(&mut next);
        }
        CaseCommand::CompleteOnTheSpot => {
            if next.item.kind != ItemKind::Immediate {
                return Err(CaseError::NotImmediate);
            }
            // A catalog may flag even a 即办件 for approval: then it is accepted and completed
            // through the chief representative like any other, never on the spot.
            if next.item.requires_chief_approval {
                return Err(CaseError::ApprovalRequired);
            }
            accept(&mut next, &number, ctx, &mut events, &mut notices)?;
            next.transition(Action::StartProcessing, None, ctx, &mut events)?;
            next.transition(Action::Complete, None, ctx, &mut events)?;
            next.closed_at = Some(ctx.now);
        }
        CaseCommand::Reject {
            reason,
            legal_basis,
        } => {
            next.state.apply(Action::Reject)?;
            let reason = non_empty(reason, CaseError::ReasonRequired)?;
            let legal_basis = non_empty(legal_basis, CaseError::LegalBasisRequired)?;
            let content = NoticeContent::Rejection {
                reason: reason.clone(),
                legal_basis: legal_basis.clone(),
            };
            issue(
                &mut next,
                &number,
                content,
                Vec::new(),
                ctx,
                &mut events,
                &mut notices,
            );
            next.transition(Action::Reject, Some(reason.clone()), ctx, &mut events)?;
            close_pause(&mut next, PauseKind::Correction, ctx);
            next.closed_at = Some(ctx.now);
            next.closing_reason = Some(reason);
            next.closing_basis = Some(legal_basis);
            approval::lapse_notice_override(&mut next);
        }
        CaseCommand::Withdraw { reason } => {
            next.state.apply(Action::Withdraw)?;
            let reason = non_empty(reason, CaseError::ReasonRequired)?;
            next.transition(Action::Withdraw, Some(reason.clone()), ctx, &mut events)?;
            // Whatever was asked of the chief representative lapses with the case.
            next.pending_approval = None;
            next.granted_override = None;
            close_pause(&mut next, PauseKind::Correction, ctx);
            close_pause(&mut next, PauseKind::SpecialProcedure, ctx);
            next.closed_at = Some(ctx.now);
            next.closing_reason = Some(reason);
        }
        CaseCommand::Suspend {
            procedure,
            reason,
            legal_basis,
        } => {
            start_processing_if_accepted(&mut next, ctx, &mut events)?;
            next.state.apply(Action::Suspend)?;
            let procedure = non_empty(procedure, CaseError::ReasonRequired)?;
            let reason = non_empty(reason, CaseError::ReasonRequired)?;
            let legal_basis = non_empty(legal_basis, CaseError::LegalBasisRequired)?;
            next.transition(
                Action::Suspend,
                Some(format!("{procedure}：{reason}")),
                ctx,
                &mut events,
            )?;
            approval::cancel_standing_decision(
                &mut next,
                &format!("其后启动特别程序：{procedure}"),
            );
            next.pauses.push(Pause {
                kind: PauseKind::SpecialProcedure,
                procedure: Some(procedure),
                reason,
                legal_basis,
                start: ctx.today(),
                end: None,
            });
        }
        CaseCommand::Resume => {
            next.transition(Action::Resume, None, ctx, &mut events)?;
            close_pause(&mut next, PauseKind::SpecialProcedure, ctx);
        }
        CaseCommand::RequestApproval { subject, note } => {
            approval::request(&mut next, subject, note, ctx, &mut events)?
        }
        CaseCommand::Approve { seal, opinion } => approval::decide(
            &mut next,
            true,
            Some(seal),
            opinion.as_deref(),
            ctx,
            &mut events,
        )?,
        CaseCommand::ReturnWithOpinion { opinion } => {
            approval::decide(&mut next, false, None, Some(opinion), ctx, &mut events)?
        }
        CaseCommand::HandOver {
            handover_id,
            to_id,
            to_name,
            reason,
        } => handover::hand_over(
            &mut next,
            handover_id,
            to_id,
            to_name,
            reason,
            ctx,
            &mut events,
        )?,
        CaseCommand::TakeBack => handover::take_back(&mut next, ctx, &mut events)?,
        CaseCommand::ChargeFee { fee } => payment::charge(&mut next, fee, ctx, &mut events)?,
        CaseCommand::VoidFee { seq, reason } => {
            payment::void(&mut next, *seq, reason, ctx, &mut events)?
        }
        CaseCommand::Evaluate {
            rating,
            reasons,
            comment,
        } => evaluation::evaluate(
            &mut next,
            *rating,
            reasons,
            comment.as_deref(),
            ctx,
            &mut events,
        )?,
        CaseCommand::FollowUp { note } => {
            evaluation::record_step(&mut next, false, note, ctx, &mut events)?
        }
        CaseCommand::Rectify { note } => {
            evaluation::record_step(&mut next, true, note, ctx, &mut events)?
        }
        CaseCommand::AppealCard { card, reason } => {
            supervision::appeal(&mut next, *card, reason, ctx, &mut events)?
        }
        CaseCommand::RuleAppeal { card, uphold, note } => {
            supervision::rule(&mut next, *card, *uphold, note, ctx, &mut events)?
        }
        CaseCommand::Complete { decision } => {
            start_processing_if_accepted(&mut next, ctx, &mut events)?;
            next.state.apply(Action::Complete)?;
            let decision = &approval::checked_decision(decision)?;
            // A flagged item completes with the very decision the chief representative approved.
            approval::require_approved_decision(case, decision)?;
            let note = match decision {
                Decision::Granted => None,
                Decision::Denied {
                    reason,
                    legal_basis,
                } => {
                    next.closing_reason = Some(reason.clone());
                    next.closing_basis = Some(legal_basis.clone());
                    Some(reason.clone())
                }
            };
            next.transition(Action::Complete, note, ctx, &mut events)?;
            next.closed_at = Some(ctx.now);
            next.decision = Some(decision.clone());
            let content = completion_content(&next, ctx);
            issue(
                &mut next,
                &number,
                content,
                Vec::new(),
                ctx,
                &mut events,
                &mut notices,
            );
        }
        CaseCommand::IssueResult { delivery } => {
            if !matches!(case.state, CaseState::Completed | CaseState::Evaluated) {
                return Err(CaseError::NotCompleted);
            }
            if case.result.is_some() {
                return Err(CaseError::ResultAlreadyIssued);
            }
            let delivery = match delivery {
                ResultDelivery::Counter { collected_by } => ResultDelivery::Counter {
                    collected_by: non_empty(collected_by, CaseError::DeliveryIncomplete)?,
                },
                ResultDelivery::Post { tracking_no } => ResultDelivery::Post {
                    tracking_no: non_empty(tracking_no, CaseError::DeliveryIncomplete)?,
                },
            };
            let note = match &delivery {
                ResultDelivery::Counter { collected_by } => format!("窗口领取：{collected_by}"),
                ResultDelivery::Post { tracking_no } => format!("邮寄：{tracking_no}"),
            };
            next.result = Some(ResultIssued {
                delivery,
                at: ctx.now,
                by: ctx.actor.name.clone(),
            });
            next.remark(EventKind::ResultIssued, Some(note), ctx, &mut events);
        }
        CaseCommand::VoidNotice {
            number: target,
            reason,
        } => {
            let reason = non_empty(reason, CaseError::ReasonRequired)?;
            let notice = next
                .notices
                .iter_mut()
                .find(|n| &n.number == target)
                .ok_or_else(|| CaseError::NoticeNotFound(target.clone()))?;
            if notice.voided.is_some() {
                return Err(CaseError::NoticeAlreadyVoid(target.clone()));
            }
            // A correction notice the applicant has already answered cannot be withdrawn: it
            // is the reference of the one-time rule. Only the pending one — the latest valid
            // correction notice, while the case awaits its answer — can be replaced.
            let pending = case
                .notices
                .iter()
                .rev()
                .find(|n| n.kind == NoticeKind::Correction && n.voided.is_none())
                .map(|n| n.number.as_str());
            if notice.kind == NoticeKind::Correction
                && (case.state != CaseState::AwaitingCorrection || pending != Some(target))
            {
                return Err(CaseError::NoticeAnswered(target.clone()));
            }
            notice.voided = Some(NoticeVoid {
                reason: reason.clone(),
                at: ctx.now,
                by: ctx.actor.name.clone(),
            });
            let kind = notice.kind;
            next.remark(
                EventKind::NoticeVoided,
                Some(format!("{target}：{reason}")),
                ctx,
                &mut events,
            );
            // A wrong correction notice is replaced: the case goes back under review so the
            // clerk can issue the right one.
            if kind == NoticeKind::Correction && next.state == CaseState::AwaitingCorrection {
                next.transition(Action::ReopenReview, None, ctx, &mut events)?;
                close_pause(&mut next, PauseKind::Correction, ctx);
            }
        }
        CaseCommand::ReissueNotice {
            kind,
            reason,
            legal_basis,
        } => {
            let (allowed, label) = match kind {
                NoticeKind::Acceptance => (
                    next.clock.is_some() && next.state != CaseState::Withdrawn,
                    "受理通知书",
                ),
                NoticeKind::Rejection => (next.state == CaseState::Rejected, "不予受理通知书"),
                NoticeKind::Correction => (false, "补正通知书"),
                NoticeKind::Completion => (next.decision.is_some(), "办结通知书"),
            };
            if !allowed {
                return Err(illegal(case, Action::Accept));
            }
            if next
                .notices
                .iter()
                .any(|n| n.kind == *kind && n.voided.is_none())
            {
                return Err(CaseError::NoticeStillValid(label.into()));
            }
            let content = match kind {
                NoticeKind::Acceptance => acceptance_content(&next, ctx),
                NoticeKind::Completion => completion_content(&next, ctx),
                _ => {
                    if let Some(r) = reason {
                        next.closing_reason = Some(non_empty(r, CaseError::ReasonRequired)?);
                    }
                    if let Some(b) = legal_basis {
                        next.closing_basis = Some(non_empty(b, CaseError::LegalBasisRequired)?);
                    }
                    NoticeContent::Rejection {
                        reason: next.closing_reason.clone().unwrap_or_default(),
                        legal_basis: next.closing_basis.clone().unwrap_or_default(),
                    }
                }
            };
            issue(
                &mut next,
                &number,
                content,
                Vec::new(),
                ctx,
                &mut events,
                &mut notices,
            );
        }
    }
    // A command that changed nothing (e.g. a checklist saved unchanged) is not a new version.
    if events.is_empty() {
        return Ok(Effects {
            case: case.clone(),
            events,
            notices,
        });
    }
    next.version += 1;
    Ok(Effects {
        case: next,
        events,
        notices,
    })
}

/// The refusal of `action` in the case's current state.
pub(super) fn illegal(case: &Case, action: Action) -> CaseError {
    CaseError::IllegalTransition(super::state::IllegalTransition {
        state: case.state,
        action,
    })
}

/// 受理: the materials must be complete; the clock starts and the acceptance notice says when
/// the case is due.
fn accept(
    next: &mut Case,
    number: &str,
    ctx: &Ctx<'_>,
    events: &mut Vec<super::aggregate::CaseEvent>,
    notices: &mut Vec<IssuedNotice>,
) -> Result<(), CaseError> {
    next.state.apply(Action::Accept)?;
    require_complete(next)?;
    start_clock(next, ctx);
    let content = acceptance_content(next, ctx);
    issue(next, number, content, Vec::new(), ctx, events, notices);
    next.transition(Action::Accept, Some(number.to_string()), ctx, events)
}

/// Every material has been looked at: a notice or a decision on half a checklist would not
/// be the "all at once" the law asks for.
fn require_reviewed(case: &Case) -> Result<(), CaseError> {
    let unreviewed: Vec<String> = case
        .checklist
        .iter()
        .filter(|l| l.status == MaterialStatus::Pending)
        .map(|l| l.name.clone())
        .collect();
    if unreviewed.is_empty() {
        Ok(())
    } else {
        Err(CaseError::Unreviewed(unreviewed))
    }
}

fn require_complete(case: &Case) -> Result<(), CaseError> {
    require_reviewed(case)?;
    let open: Vec<String> = case
        .checklist
        .iter()
        .filter(|l| l.needs_correction())
        .map(|l| l.name.clone())
        .collect();
    if open.is_empty() {
        Ok(())
    } else {
        Err(CaseError::ChecklistIncomplete(open))
    }
}

fn close_pause(case: &mut Case, kind: PauseKind, ctx: &Ctx<'_>) {
    if let Some(p) = case
        .pauses
        .iter_mut()
        .rev()
        .find(|p| p.kind == kind && p.end.is_none())
    {
        p.end = Some(ctx.today());
    }
}

/// Work on an accepted case starts with whatever comes next (a special procedure, a request
/// for approval, completion): the 办理 step is recorded on the way.
pub(super) fn start_processing_if_accepted(
    case: &mut Case,
    ctx: &Ctx<'_>,
    events: &mut Vec<super::aggregate::CaseEvent>,
) -> Result<(), CaseError> {
    if case.state == CaseState::Accepted {
        case.transition(Action::StartProcessing, None, ctx, events)?;
    }
    Ok(())
}
