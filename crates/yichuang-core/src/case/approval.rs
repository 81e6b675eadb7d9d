//! The chief representative's on-site approval (DOMAIN.md rules 1, 2 and 4): what a clerk may
//! ask for (the decision of a flagged item, an extension of the time limit, a further
//! correction notice asking for new materials), and the approval or return that answers it.
//! Only a chief representative decides; the county replays the rule with its own record of
//! the actor's role. Notices and numbering are not here.

use super::aggregate::{Approval, Case, CaseEvent, Ctx, Decision, EventKind, Role};
use super::command::illegal;
use super::error::CaseError;
use super::notice::{materials_beyond_first_notice, ChiefRepOverride, CorrectionLine};
use super::state::{Action, CaseState};
use crate::catalog::ItemKind;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a clerk asks the chief representative to approve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ApprovalSubject {
    /// The decision a catalog-flagged item is to be completed with: the approval binds it.
    Decision { decision: Decision },
    /// A longer time limit (行政许可法 Art. 42): up to 10 working days, 15 for items with a
    /// statutory limit over 20 days.
    Extension { days: u32, reason: String },
    /// A further correction notice asking for materials the first did not name (new facts):
    /// exactly these materials (their codes, filled in when asked), no others.
    NoticeOverride {
        reason: String,
        #[serde(default)]
        materials: Vec<String>,
    },
}

impl Default for ApprovalSubject {
    /// What a request or approval recorded before subjects existed was about: the decision
    /// of a flagged item, to grant.
    fn default() -> Self {
        ApprovalSubject::Decision {
            decision: Decision::Granted,
        }
    }
}

impl ApprovalSubject {
    /// How the subject reads in the timeline and on the approvals page.
    pub fn describe(&self) -> String {
        match self {
            ApprovalSubject::Decision {
                decision: Decision::Granted,
            } => "办结决定：准予".into(),
            ApprovalSubject::Decision {
                decision: Decision::Denied { reason, .. },
            } => format!("办结决定：不予许可（{reason}）"),
            ApprovalSubject::Extension { days, reason } => {
                format!("延长办理期限 {days} 个工作日（{reason}）")
            }
            ApprovalSubject::NoticeOverride { reason, .. } => {
                format!("再次告知增加材料（{reason}）")
            }
        }
    }

    /// Decisions and extensions are asked for while the case is being processed and hold its
    /// state at 待审批; an override is asked for during review and leaves the state alone.
    fn holds_state(&self) -> bool {
        !matches!(self, ApprovalSubject::NoticeOverride { .. })
    }
}

/// An approval asked for and not yet decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApprovalRequest {
    pub subject: ApprovalSubject,
    pub note: Option<String>,
    pub by_id: String,
    pub by: String,
    pub at: NaiveDateTime,
}

/// The most working days an extension may add to this item's limit.
pub fn max_extension_days(statutory_days: u32) -> u32 {
    if statutory_days > 20 {
        15
    } else {
        10
    }
}

fn trimmed(s: &str, err: CaseError) -> Result<String, CaseError> {
    let t = s.trim();
    if t.is_empty() {
        Err(err)
    } else {
        Ok(t.to_string())
    }
}

/// The clerk asks. Each subject has its own preconditions; one request at a time.
pub(super) fn request(
    next: &mut Case,
    subject: &ApprovalSubject,
    note: &str,
    ctx: &Ctx<'_>,
    events: &mut Vec<CaseEvent>,
) -> Result<(), CaseError> {
    if next.pending_approval.is_some() {
        return Err(CaseError::ApprovalPending);
    }
    let subject = match subject {
        ApprovalSubject::Decision { decision } => {
            if !next.item.requires_chief_approval {
                return Err(CaseError::ApprovalNotRequired);
            }
            ApprovalSubject::Decision {
                decision: checked_decision(decision)?,
            }
        }
        ApprovalSubject::Extension { days, reason } => {
            if next.item.kind == ItemKind::Immediate || next.clock.is_none() {
                return Err(CaseError::ExtensionNotAllowed);
            }
            let max = max_extension_days(next.item.statutory_days);
            if *days == 0 || *days > max {
                return Err(CaseError::ExtensionDays(max));
            }
            if next.clock.as_ref().is_some_and(|c| c.extension_days > 0) {
                return Err(CaseError::ExtensionAlreadyGranted);
            }
            ApprovalSubject::Extension {
                days: *days,
                reason: trimmed(reason, CaseError::ReasonRequired)?,
            }
        }
        ApprovalSubject::NoticeOverride { reason, .. } => {
            if next.state != CaseState::Reviewing {
                return Err(illegal(next, Action::RequestApproval));
            }
            // The request names the new materials as they stand now; the approval allows
            // those, not whatever else a later notice might add.
            let materials = beyond_first_notice(next);
            if materials.is_empty() {
                return Err(CaseError::ApprovalNotRequired);
            }
            ApprovalSubject::NoticeOverride {
                reason: trimmed(reason, CaseError::ReasonRequired)?,
                materials,
            }
        }
    };
    let note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
    let line = match &note {
        Some(n) => format!("{}；{n}", subject.describe()),
        None => subject.describe(),
    };
    if subject.holds_state() {
        super::command::start_processing_if_accepted(next, ctx, events)?;
        next.transition(Action::RequestApproval, Some(line), ctx, events)?;
    } else {
        next.remark(EventKind::ApprovalRequested, Some(line), ctx, events);
    }
    next.pending_approval = Some(ApprovalRequest {
        subject,
        note,
        by_id: ctx.actor.user_id.clone(),
        by: ctx.actor.name.clone(),
        at: ctx.now,
    });
    Ok(())
}

/// The chief representative approves (with the seal) or returns (with an opinion) the
/// pending request.
pub(super) fn decide(
    next: &mut Case,
    approved: bool,
    seal: Option<&str>,
    opinion: Option<&str>,
    ctx: &Ctx<'_>,
    events: &mut Vec<CaseEvent>,
) -> Result<(), CaseError> {
    let action = if approved {
        Action::Approve
    } else {
        Action::ReturnWithOpinion
    };
    // A case left waiting by a version before requests were recorded waits for its
    // decision, to grant.
    let request = next
        .pending_approval
        .clone()
        .or_else(|| {
            (next.state == CaseState::AwaitingApproval).then(|| ApprovalRequest {
                subject: ApprovalSubject::default(),
                note: None,
                by_id: String::new(),
                by: String::new(),
                at: ctx.now,
            })
        })
        .ok_or_else(|| illegal(next, action))?;
    // The county replays this with its own record of the actor's role: a clerk's approval
    // is refused at the window and again at the hub.
    if ctx.actor.role != Role::ChiefRep {
        return Err(CaseError::ChiefRepOnly);
    }
    let opinion = opinion
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(str::to_string);
    let seal = if approved {
        Some(trimmed(seal.unwrap_or_default(), CaseError::SealRequired)?)
    } else if opinion.is_none() {
        return Err(CaseError::OpinionRequired);
    } else {
        None
    };
    let what = request.subject.describe();
    let line = match (&seal, &opinion) {
        (Some(s), Some(o)) => format!("{what}；{s}；{o}"),
        (Some(s), None) => format!("{what}；{s}"),
        (None, o) => format!("{what}；退回：{}", o.clone().unwrap_or_default()),
    };
    if request.subject.holds_state() {
        next.transition(action, Some(line), ctx, events)?;
    } else {
        next.remark(EventKind::ApprovalDecided, Some(line), ctx, events);
    }
    if approved {
        match &request.subject {
            ApprovalSubject::Extension { days, .. } => {
                if let Some(c) = next.clock.as_mut() {
                    c.extension_days += days;
                }
            }
            ApprovalSubject::NoticeOverride { reason, materials } => {
                next.granted_override = Some(ChiefRepOverride {
                    chief_rep: ctx.actor.name.clone(),
                    reason: reason.clone(),
                    materials: materials.clone(),
                });
            }
            ApprovalSubject::Decision { .. } => {}
        }
    }
    next.pending_approval = None;
    next.approvals.push(Approval {
        approved,
        by_id: ctx.actor.user_id.clone(),
        by: ctx.actor.name.clone(),
        at: ctx.now,
        seal,
        opinion,
        subject: request.subject,
        cancelled: None,
    });
    Ok(())
}

/// The codes of the materials marked for correction now that the first notice did not name.
pub(super) fn beyond_first_notice(case: &Case) -> Vec<String> {
    let lines: Vec<CorrectionLine> = case
        .checklist
        .iter()
        .filter(|l| l.needs_correction())
        .map(CorrectionLine::from_checklist)
        .collect();
    materials_beyond_first_notice(&case.notices, &lines)
        .into_iter()
        .map(|l| l.code.clone())
        .collect()
}

/// Leaving review (accepted, refused, withdrawn, or a notice issued) ends what was asked or
/// allowed for the notice: an override request still pending lapses, and an unused
/// permission is dropped.
pub(super) fn lapse_notice_override(case: &mut Case) {
    if matches!(
        case.pending_approval.as_ref().map(|p| &p.subject),
        Some(ApprovalSubject::NoticeOverride { .. })
    ) {
        case.pending_approval = None;
    }
    case.granted_override = None;
}

/// A flagged item completes only with the very decision its standing approval names.
pub(super) fn require_approved_decision(case: &Case, decision: &Decision) -> Result<(), CaseError> {
    if !case.item.requires_chief_approval {
        return Ok(());
    }
    let standing = case
        .approvals
        .iter()
        .rev()
        .find(|a| matches!(a.subject, ApprovalSubject::Decision { .. }))
        .filter(|a| a.approved && a.cancelled.is_none());
    match standing.map(|a| &a.subject) {
        Some(ApprovalSubject::Decision { decision: approved }) if approved == decision => Ok(()),
        Some(_) => Err(CaseError::ApprovalMismatch),
        None => Err(CaseError::ApprovalRequired),
    }
}

/// A special procedure after the approval may change the facts it rested on: the approved
/// decision no longer holds and is asked for again afterwards.
pub(super) fn cancel_standing_decision(case: &mut Case, why: &str) {
    if let Some(a) = case
        .approvals
        .iter_mut()
        .rev()
        .find(|a| matches!(a.subject, ApprovalSubject::Decision { .. }))
        .filter(|a| a.approved && a.cancelled.is_none())
    {
        a.cancelled = Some(why.to_string());
    }
}

/// The denial reason and legal basis are required, trimmed.
pub(super) fn checked_decision(decision: &Decision) -> Result<Decision, CaseError> {
    Ok(match decision {
        Decision::Granted => Decision::Granted,
        Decision::Denied {
            reason,
            legal_basis,
        } => Decision::Denied {
            reason: trimmed(reason, CaseError::ReasonRequired)?,
            legal_basis: trimmed(legal_basis, CaseError::LegalBasisRequired)?,
        },
    })
}
