//! The chief representative's queue (审批): the department's cases with a request waiting for
//! a decision — a flagged item's decision, an extension, a one-time-notice override — with
//! what is asked. Deciding is a case command (`approve`, `return_with_opinion`).

use super::workstation::station;
use crate::{ApiError, App};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::case::{ApprovalRequest, CaseState};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PendingApproval {
    pub case_id: String,
    pub case_no: String,
    pub item_name: String,
    pub applicant_name: String,
    pub applicant_id_masked: String,
    pub state: CaseState,
    pub due_date: Option<NaiveDate>,
    pub request: ApprovalRequest,
}

pub async fn pending(app: &App, _req: ()) -> Result<Vec<PendingApproval>, ApiError> {
    let st = station(app).await?;
    let calendar = app.calendar();
    let today = app.clock.local_now().date();
    let cases = yichuang_local::cases::awaiting_approval(&app.store, &st.profile.department_code)
        .await
        .map_err(|e| ApiError::from_store(e, app.lang()))?;
    Ok(cases
        .into_iter()
        .filter_map(|c| {
            // A case left waiting by an earlier version has no recorded request: it waits
            // for its decision, to grant.
            let request = c.pending_approval.clone().or_else(|| {
                (c.state == CaseState::AwaitingApproval).then(|| ApprovalRequest {
                    subject: Default::default(),
                    note: None,
                    by_id: String::new(),
                    by: String::new(),
                    at: c.received_at,
                })
            })?;
            Some(PendingApproval {
                due_date: c.deadlines(&calendar, today).map(|d| d.promised),
                case_id: c.id.clone(),
                case_no: c.case_no.clone(),
                item_name: c.item.name.clone(),
                applicant_name: c.applicant.name().to_string(),
                applicant_id_masked: c.applicant.masked_id(),
                state: c.state,
                request,
            })
        })
        .collect())
}
