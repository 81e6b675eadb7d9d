//! 好差评 at the window (DOMAIN.md rule 8): the clerk invites the applicant to rate a case,
//! the applicant-facing screen (a second window on the customer monitor) shows the
//! invitation and sends the rating. Ratings are written as the applicant, never as the
//! clerk; the shell lets only the rating screen call `rating_submit` and only the counter
//! window call the rest. Nothing is ever defaulted: an invitation nobody answers expires
//! after [`INVITATION_MINUTES`], and goes when the clerk at the window changes.

use super::cases::{get, CaseDetail, CaseRequest};
use super::workstation::station;
use crate::commit::{commit_as, Draw};
use crate::{ApiError, App, ErrorCode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::case::{Actor, CaseCommand, CaseState, MutationBody, Rating, Role};

/// What the rating screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RatingPrompt {
    pub case_id: String,
    pub case_no: String,
    pub item_name: String,
    /// The applicant's name, masked (the screen faces the hall).
    pub applicant: String,
    pub window_name: String,
    pub clerk: String,
    /// Reason codes and their labels.
    pub reasons: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RatingSubmitRequest {
    pub action_key: String,
    pub case_id: String,
    pub rating: Rating,
    pub reasons: Vec<String>,
    pub comment: Option<String>,
}

/// How long an invitation waits for the applicant.
pub const INVITATION_MINUTES: i64 = 10;

/// The current invitation, unless it expired.
fn current(app: &App) -> Option<RatingPrompt> {
    let mut slot = app.rating.lock().expect("rating lock");
    let now = app.clock.now();
    if slot
        .as_ref()
        .is_some_and(|(_, at)| (now - *at).num_minutes() >= INVITATION_MINUTES)
    {
        slot.take();
    }
    slot.as_ref().map(|(p, _)| p.clone())
}

/// The applicant, as the actor of a rating.
pub fn applicant() -> Actor {
    Actor {
        user_id: "applicant".into(),
        name: "申请人".into(),
        role: Role::Applicant,
    }
}

fn no_invitation(app: &App) -> ApiError {
    ApiError::new(
        ErrorCode::NoRatingInvitation,
        app.lang().pick(
            "评价屏没有待评价的办件，请窗口人员重新邀请评价",
            "The rating screen has no case to rate; ask the clerk to invite again",
        ),
    )
}

fn masked_name(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => format!("{first}{}", "*".repeat(chars.count().max(1))),
        None => String::new(),
    }
}

/// The counter invites the applicant to rate a completed case (replacing any earlier one).
pub async fn invite(app: &App, req: CaseRequest) -> Result<RatingPrompt, ApiError> {
    let st = station(app).await?;
    // The same checks as for reading the case: this department's, and it exists.
    let detail: CaseDetail = get(app, req.clone()).await?;
    let c = &detail.case;
    // The screen faces this window's applicants: only this window's cases are rated here.
    if c.office.window_code != st.profile.window_code {
        return Err(ApiError::new(
            ErrorCode::NotPermitted,
            app.lang().pick(
                "只能邀请本窗口办理的办件评价",
                "Only this window's cases are rated at this window",
            ),
        ));
    }
    let rateable = match c.state {
        CaseState::Completed => c.evaluations.is_empty(),
        CaseState::Evaluated => {
            c.evaluations.len() == 1
                && c.rectification
                    .as_ref()
                    .is_some_and(|r| r.rectified.is_some())
        }
        _ => false,
    };
    if !rateable {
        return Err(ApiError::new(
            ErrorCode::AlreadyEvaluated,
            app.lang().pick(
                "该办件现在不能评价（未办结或已评价）",
                "This case cannot be rated now (not completed, or already rated)",
            ),
        ));
    }
    let clerk = app
        .session
        .lock()
        .expect("session lock")
        .as_ref()
        .map(|u| u.name.clone())
        .unwrap_or_else(|| st.profile.clerk_name.clone());
    let prompt = RatingPrompt {
        case_id: c.id.clone(),
        case_no: c.case_no.clone(),
        item_name: c.item.name.clone(),
        applicant: masked_name(c.applicant.name()),
        window_name: st.profile.window_name.clone(),
        clerk,
        reasons: yichuang_core::case::REASON_CODES
            .iter()
            .map(|(c, l)| (c.to_string(), l.to_string()))
            .collect(),
    };
    *app.rating.lock().expect("rating lock") = Some((prompt.clone(), app.clock.now()));
    Ok(prompt)
}

/// The counter withdraws the invitation (the applicant left without rating: nothing is
/// recorded, never a default).
pub async fn cancel(app: &App, _req: ()) -> Result<Option<RatingPrompt>, ApiError> {
    app.rating.lock().expect("rating lock").take();
    Ok(None)
}

/// What the rating screen shows now.
pub async fn prompt(app: &App, _req: ()) -> Result<Option<RatingPrompt>, ApiError> {
    Ok(current(app))
}

/// The applicant's rating, for the invited case only; written as the applicant.
pub async fn submit(app: &App, req: RatingSubmitRequest) -> Result<Option<RatingPrompt>, ApiError> {
    let invited = current(app);
    if invited.as_ref().is_none_or(|p| p.case_id != req.case_id) {
        return Err(no_invitation(app));
    }
    let st = station(app).await?;
    commit_as(
        app,
        &st,
        &applicant(),
        &req.action_key,
        Some(&req.case_id),
        Draw::Nothing,
        MutationBody::Command {
            command: CaseCommand::Evaluate {
                rating: req.rating,
                reasons: req.reasons.clone(),
                comment: req.comment.clone(),
            },
        },
        None,
    )
    .await?;
    let mut slot = app.rating.lock().expect("rating lock");
    if slot.as_ref().is_some_and(|(p, _)| p.case_id == req.case_id) {
        slot.take();
    }
    Ok(None)
}
