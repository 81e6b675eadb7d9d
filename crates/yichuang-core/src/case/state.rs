//! The case state machine. Every change of state is an explicit [`Action`]; anything not
//! listed in [`CaseState::apply`] is refused with an [`IllegalTransition`] and changes nothing.

use crate::Lang;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseState {
    /// 咨询: a person asked; nothing handed in yet.
    Consulted,
    /// 收件: materials handed in at the window.
    Received,
    /// 审查: the clerk is checking the materials.
    Reviewing,
    /// 补正: the one-time notice was issued; the clock is not running.
    AwaitingCorrection,
    /// 受理.
    Accepted,
    /// 办理.
    Processing,
    /// A special procedure (expert review, site survey, …) pauses the clock.
    Suspended,
    /// Waiting for the chief representative's on-site approval.
    AwaitingApproval,
    /// Waiting for the fee to be paid.
    AwaitingFee,
    /// 办结.
    Completed,
    /// 评价: the applicant rated the case.
    Evaluated,
    /// 不予受理 (terminal).
    Rejected,
    /// 撤回 (terminal).
    Withdrawn,
}

/// What a clerk (or chief representative, or applicant) does to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Receive,
    StartReview,
    RequestCorrection,
    CorrectionReceived,
    /// A wrong correction notice was voided: back under review to issue the right one.
    ReopenReview,
    Accept,
    Reject,
    Withdraw,
    StartProcessing,
    Suspend,
    Resume,
    RequestApproval,
    Approve,
    ReturnWithOpinion,
    RequestFee,
    RecordPayment,
    Complete,
    Evaluate,
}

/// A refused transition: the action is not allowed in this state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{action:?} is not allowed while the case is {state:?}")]
pub struct IllegalTransition {
    pub state: CaseState,
    pub action: Action,
}

impl IllegalTransition {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::ZhCn => format!(
                "办件当前状态为“{}”，不能执行“{}”",
                self.state.label_zh(),
                self.action.label_zh()
            ),
            Lang::En => self.to_string(),
        }
    }
}

impl CaseState {
    pub const ALL: [CaseState; 13] = [
        CaseState::Consulted,
        CaseState::Received,
        CaseState::Reviewing,
        CaseState::AwaitingCorrection,
        CaseState::Accepted,
        CaseState::Processing,
        CaseState::Suspended,
        CaseState::AwaitingApproval,
        CaseState::AwaitingFee,
        CaseState::Completed,
        CaseState::Evaluated,
        CaseState::Rejected,
        CaseState::Withdrawn,
    ];

    /// No action leads anywhere from here except, for a completed case, its evaluation.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            CaseState::Completed
                | CaseState::Evaluated
                | CaseState::Rejected
                | CaseState::Withdrawn
        )
    }

    /// The working-day clock runs (for the deadline) only in these states.
    pub fn clock_runs(self) -> bool {
        matches!(
            self,
            CaseState::Accepted
                | CaseState::Processing
                | CaseState::AwaitingApproval
                | CaseState::AwaitingFee
        )
    }

    /// The state after `action`, or why it is not allowed.
    pub fn apply(self, action: Action) -> Result<CaseState, IllegalTransition> {
        use Action as A;
        use CaseState as S;
        let next = match (self, action) {
            (S::Consulted, A::Receive) => S::Received,
            (S::Received, A::StartReview) => S::Reviewing,
            (S::Reviewing, A::RequestCorrection) => S::AwaitingCorrection,
            (S::AwaitingCorrection, A::CorrectionReceived | A::ReopenReview) => S::Reviewing,
            (S::Reviewing, A::Accept) => S::Accepted,
            (S::Reviewing, A::Reject) => S::Rejected,
            (S::Accepted, A::StartProcessing) => S::Processing,
            (S::Processing, A::Suspend) => S::Suspended,
            (S::Suspended, A::Resume) => S::Processing,
            (S::Processing, A::RequestApproval) => S::AwaitingApproval,
            (S::AwaitingApproval, A::Approve | A::ReturnWithOpinion) => S::Processing,
            (S::Processing, A::RequestFee) => S::AwaitingFee,
            (S::AwaitingFee, A::RecordPayment) => S::Processing,
            (S::Processing, A::Complete) => S::Completed,
            (S::Completed, A::Evaluate) => S::Evaluated,
            (s, A::Withdraw) if !s.is_closed() => S::Withdrawn,
            (state, action) => return Err(IllegalTransition { state, action }),
        };
        Ok(next)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            CaseState::Consulted => "咨询",
            CaseState::Received => "已收件",
            CaseState::Reviewing => "审查中",
            CaseState::AwaitingCorrection => "待补正",
            CaseState::Accepted => "已受理",
            CaseState::Processing => "办理中",
            CaseState::Suspended => "特别程序中",
            CaseState::AwaitingApproval => "待首席代表审批",
            CaseState::AwaitingFee => "待缴费",
            CaseState::Completed => "已办结",
            CaseState::Evaluated => "已评价",
            CaseState::Rejected => "不予受理",
            CaseState::Withdrawn => "已撤回",
        }
    }
}

impl Action {
    pub const ALL: [Action; 18] = [
        Action::Receive,
        Action::StartReview,
        Action::RequestCorrection,
        Action::CorrectionReceived,
        Action::ReopenReview,
        Action::Accept,
        Action::Reject,
        Action::Withdraw,
        Action::StartProcessing,
        Action::Suspend,
        Action::Resume,
        Action::RequestApproval,
        Action::Approve,
        Action::ReturnWithOpinion,
        Action::RequestFee,
        Action::RecordPayment,
        Action::Complete,
        Action::Evaluate,
    ];

    pub fn label_zh(self) -> &'static str {
        match self {
            Action::Receive => "收件",
            Action::StartReview => "开始审查",
            Action::RequestCorrection => "出具补正告知",
            Action::CorrectionReceived => "补正材料已收",
            Action::ReopenReview => "重新审查",
            Action::Accept => "受理",
            Action::Reject => "不予受理",
            Action::Withdraw => "撤回",
            Action::StartProcessing => "开始办理",
            Action::Suspend => "启动特别程序",
            Action::Resume => "结束特别程序",
            Action::RequestApproval => "提交首席代表审批",
            Action::Approve => "审批通过",
            Action::ReturnWithOpinion => "退回并附意见",
            Action::RequestFee => "通知缴费",
            Action::RecordPayment => "登记缴费",
            Action::Complete => "办结",
            Action::Evaluate => "评价",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_usual_path_runs_from_receipt_to_evaluation() {
        let path = [
            Action::StartReview,
            Action::RequestCorrection,
            Action::CorrectionReceived,
            Action::Accept,
            Action::StartProcessing,
            Action::Suspend,
            Action::Resume,
            Action::RequestApproval,
            Action::Approve,
            Action::RequestFee,
            Action::RecordPayment,
            Action::Complete,
            Action::Evaluate,
        ];
        let end = path
            .iter()
            .try_fold(CaseState::Received, |s, a| s.apply(*a))
            .expect("a legal path");
        assert_eq!(end, CaseState::Evaluated);
    }

    #[test]
    fn a_rejected_case_cannot_be_accepted_and_says_why_in_chinese() {
        let err = CaseState::Rejected
            .apply(Action::Accept)
            .expect_err("refused");
        assert_eq!(
            err.message(Lang::ZhCn),
            "办件当前状态为“不予受理”，不能执行“受理”"
        );
    }

    #[test]
    fn a_case_cannot_be_accepted_without_review() {
        assert!(CaseState::Received.apply(Action::Accept).is_err());
        assert!(CaseState::AwaitingCorrection.apply(Action::Accept).is_err());
    }

    #[test]
    fn any_open_case_can_be_withdrawn_and_a_closed_one_cannot() {
        for s in CaseState::ALL {
            assert_eq!(s.apply(Action::Withdraw).is_ok(), !s.is_closed(), "{s:?}");
        }
    }

    #[test]
    fn the_clock_stops_for_correction_and_special_procedures() {
        assert!(!CaseState::AwaitingCorrection.clock_runs());
        assert!(!CaseState::Suspended.clock_runs());
        assert!(CaseState::Processing.clock_runs());
    }

    proptest! {
        #[test]
        fn any_sequence_of_actions_only_ever_moves_along_the_diagram(
            actions in proptest::collection::vec(0usize..Action::ALL.len(), 0..60)
        ) {
            let mut state = CaseState::Received;
            for i in actions {
                let action = Action::ALL[i];
                match state.apply(action) {
                    Ok(next) => {
                        // Closed states are never left, except a completed case being rated.
                        prop_assert!(!state.is_closed() || (state == CaseState::Completed && action == Action::Evaluate));
                        // Nothing ever goes back to before receipt.
                        prop_assert!(next != CaseState::Consulted && next != CaseState::Received);
                        state = next;
                    }
                    Err(e) => prop_assert_eq!(e, IllegalTransition { state, action }),
                }
            }
        }
    }
}
