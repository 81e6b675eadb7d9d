//! 好差评 (DOMAIN.md rule 8): the applicant's five-level rating, never entered by a clerk and
//! never defaulted, and the rectification task a bad rating opens (follow-up call within 1
//! working day, rectification within 15, then the applicant may rate once more). Where the
//! rating comes from (the applicant-facing screen) is the application's business.

use super::aggregate::{Case, CaseEvent, Ctx, EventKind, Role};
use super::clock::Card;
use super::error::CaseError;
use super::state::{Action, CaseState};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The five levels, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    VerySatisfied,
    Satisfied,
    Basic,
    Dissatisfied,
    VeryDissatisfied,
}

impl Rating {
    pub const ALL: [Rating; 5] = [
        Rating::VerySatisfied,
        Rating::Satisfied,
        Rating::Basic,
        Rating::Dissatisfied,
        Rating::VeryDissatisfied,
    ];

    pub fn label_zh(self) -> &'static str {
        match self {
            Rating::VerySatisfied => "非常满意",
            Rating::Satisfied => "满意",
            Rating::Basic => "基本满意",
            Rating::Dissatisfied => "不满意",
            Rating::VeryDissatisfied => "非常不满意",
        }
    }

    /// 差评: the last two levels.
    pub fn is_bad(self) -> bool {
        matches!(self, Rating::Dissatisfied | Rating::VeryDissatisfied)
    }
}

/// The reasons an applicant may tick (the national 好差评 system's common codes).
pub const REASON_CODES: [(&str, &str); 6] = [
    ("slow", "办理时间长"),
    ("repeat_visits", "多次跑腿"),
    ("unclear_notice", "告知不清楚"),
    ("attitude", "服务态度差"),
    ("extra_materials", "要求额外材料"),
    ("other", "其他"),
];

/// One rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Evaluation {
    pub rating: Rating,
    pub reasons: Vec<String>,
    pub comment: Option<String>,
    pub at: NaiveDateTime,
    /// Where it was given (the applicant-facing screen's workstation).
    pub workstation: String,
}

/// A step of the rectification task, done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TaskStep {
    pub note: String,
    pub at: NaiveDateTime,
    pub by: String,
}

/// What a bad rating opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Rectification {
    pub opened_at: NaiveDateTime,
    /// The follow-up call is due by the end of this day (1 working day).
    pub follow_up_due: NaiveDate,
    /// The rectification is due by the end of this day (15 working days).
    pub rectify_due: NaiveDate,
    pub follow_up: Option<TaskStep>,
    pub rectified: Option<TaskStep>,
}

impl Rectification {
    pub fn is_open(&self) -> bool {
        self.rectified.is_none()
    }

    /// The card an open task earns on `today`: yellow once the follow-up call is late, red
    /// once the rectification is.
    pub fn card(&self, today: NaiveDate) -> Option<Card> {
        if self.rectified.is_some() {
            return None;
        }
        if today > self.rectify_due {
            Some(Card::Red)
        } else if self.follow_up.is_none() && today > self.follow_up_due {
            Some(Card::Yellow)
        } else {
            None
        }
    }
}

/// The applicant rates: a completed case once, and once more after a rectification.
pub(super) fn evaluate(
    next: &mut Case,
    rating: Rating,
    reasons: &[String],
    comment: Option<&str>,
    ctx: &Ctx<'_>,
    events: &mut Vec<CaseEvent>,
) -> Result<(), CaseError> {
    if ctx.actor.role != Role::Applicant {
        return Err(CaseError::ApplicantOnly);
    }
    let second = match (next.state, next.evaluations.len(), &next.rectification) {
        (CaseState::Completed, 0, _) => false,
        (CaseState::Evaluated, 1, Some(r)) if r.rectified.is_some() => true,
        (CaseState::Evaluated, _, _) => return Err(CaseError::AlreadyEvaluated),
        _ => return Err(super::command::illegal(next, Action::Evaluate)),
    };
    let mut codes = Vec::new();
    for r in reasons {
        if !REASON_CODES.iter().any(|(c, _)| c == r) {
            return Err(CaseError::UnknownReason(r.clone()));
        }
        if !codes.contains(r) {
            codes.push(r.clone());
        }
    }
    let comment = comment
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string);
    let note = Some(rating.label_zh().to_string());
    if second {
        next.remark(EventKind::Evaluated, note, ctx, events);
    } else {
        next.transition(Action::Evaluate, note, ctx, events)?;
        if rating.is_bad() {
            next.rectification = Some(Rectification {
                opened_at: ctx.now,
                follow_up_due: ctx.calendar.add_working_days(ctx.today(), 1).date,
                rectify_due: ctx.calendar.add_working_days(ctx.today(), 15).date,
                follow_up: None,
                rectified: None,
            });
        }
    }
    next.evaluations.push(Evaluation {
        rating,
        reasons: codes,
        comment,
        at: ctx.now,
        workstation: ctx.workstation.to_string(),
    });
    Ok(())
}

/// The window records the follow-up call, then the rectification.
pub(super) fn record_step(
    next: &mut Case,
    rectified: bool,
    note: &str,
    ctx: &Ctx<'_>,
    events: &mut Vec<CaseEvent>,
) -> Result<(), CaseError> {
    let note = note.trim();
    if note.is_empty() {
        return Err(CaseError::ReasonRequired);
    }
    let task = next
        .rectification
        .as_mut()
        .filter(|r| r.is_open())
        .ok_or(CaseError::NoRectification)?;
    let step = Some(TaskStep {
        note: note.to_string(),
        at: ctx.now,
        by: ctx.actor.name.clone(),
    });
    let what = if rectified {
        if task.follow_up.is_none() {
            return Err(CaseError::FollowUpFirst);
        }
        task.rectified = step;
        EventKind::Rectified
    } else {
        if task.follow_up.is_some() {
            return Err(CaseError::FollowUpDone);
        }
        task.follow_up = step;
        EventKind::FollowedUp
    };
    next.remark(what, Some(note.to_string()), ctx, events);
    Ok(())
}
