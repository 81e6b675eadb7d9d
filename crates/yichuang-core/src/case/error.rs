//! Why a case command was refused. Each refusal has a stable code the UI branches on and a
//! message in the clerk's language; a refused command changes nothing.

use super::applicant::FieldError;
use super::state::IllegalTransition;
use crate::Lang;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseError {
    #[error("{0}")]
    IllegalTransition(#[from] IllegalTransition),
    #[error("the applicant's details are invalid")]
    InvalidApplicant(Vec<FieldError>),
    #[error("situation {0} is not part of this item")]
    UnknownSituation(String),
    #[error("material {0} is not on this case's checklist")]
    UnknownMaterial(String),
    #[error("materials not yet checked: {0:?}")]
    Unreviewed(Vec<String>),
    #[error("materials still missing or defective: {0:?}")]
    ChecklistIncomplete(Vec<String>),
    #[error("every material is in order; there is nothing to correct")]
    NothingToCorrect,
    #[error("a defective material needs a reason")]
    DefectNeedsReason(String),
    #[error(
        "the first notice did not ask for {0:?}; a chief representative's override is required"
    )]
    OneTimeRule(Vec<String>),
    #[error("an override needs the chief representative's name and a reason")]
    OverrideIncomplete,
    #[error("the notice period ended on {0}: the case counts as accepted on receipt")]
    NoticeWindowPassed(NaiveDate),
    #[error("this item is not handled on the spot")]
    NotImmediate,
    #[error("a reason is required")]
    ReasonRequired,
    #[error("a legal basis is required")]
    LegalBasisRequired,
    #[error("notice {0} is not part of this case")]
    NoticeNotFound(String),
    #[error("notice {0} is already void")]
    NoticeAlreadyVoid(String),
    #[error("the case already has a valid {0} notice")]
    NoticeStillValid(String),
    #[error("correction notice {0} was already answered by the applicant and cannot be voided")]
    NoticeAnswered(String),
    #[error("only the department's chief representative may approve or return a case")]
    ChiefRepOnly,
    #[error("an approval records the seal used")]
    SealRequired,
    #[error("returning a case needs the chief representative's opinion")]
    OpinionRequired,
    #[error("this item does not need a chief representative's approval")]
    ApprovalNotRequired,
    #[error("this item needs the chief representative's approval before it is completed")]
    ApprovalRequired,
    #[error("the result was already issued")]
    ResultAlreadyIssued,
    #[error("the result is issued only after the case is completed")]
    NotCompleted,
    #[error("say who collected the result, or give the postal tracking number")]
    DeliveryIncomplete,
}

impl CaseError {
    /// Stable snake_case code for the IPC boundary.
    pub fn code(&self) -> &'static str {
        match self {
            CaseError::IllegalTransition(_) => "illegal_transition",
            CaseError::InvalidApplicant(_) => "invalid_applicant",
            CaseError::UnknownSituation(_) => "unknown_situation",
            CaseError::UnknownMaterial(_) => "unknown_material",
            CaseError::Unreviewed(_) => "materials_unreviewed",
            CaseError::ChecklistIncomplete(_) => "checklist_incomplete",
            CaseError::NothingToCorrect => "nothing_to_correct",
            CaseError::DefectNeedsReason(_) => "defect_needs_reason",
            CaseError::OneTimeRule(_) => "one_time_rule",
            CaseError::OverrideIncomplete => "override_incomplete",
            CaseError::NoticeWindowPassed(_) => "notice_window_passed",
            CaseError::NotImmediate => "not_immediate",
            CaseError::ReasonRequired => "reason_required",
            CaseError::LegalBasisRequired => "legal_basis_required",
            CaseError::NoticeNotFound(_) => "notice_not_found",
            CaseError::NoticeAlreadyVoid(_) => "notice_already_void",
            CaseError::NoticeStillValid(_) => "notice_still_valid",
            CaseError::NoticeAnswered(_) => "notice_answered",
            CaseError::ChiefRepOnly => "chief_rep_only",
            CaseError::SealRequired => "seal_required",
            CaseError::OpinionRequired => "opinion_required",
            CaseError::ApprovalNotRequired => "approval_not_required",
            CaseError::ApprovalRequired => "approval_required",
            CaseError::ResultAlreadyIssued => "result_already_issued",
            CaseError::NotCompleted => "not_completed",
            CaseError::DeliveryIncomplete => "delivery_incomplete",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return match self {
                CaseError::IllegalTransition(t) => t.message(lang),
                other => {
                    let s = other.to_string();
                    let mut c = s.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default()
                }
            };
        }
        let list = |v: &[String]| v.join("、");
        match self {
            CaseError::IllegalTransition(t) => t.message(lang),
            CaseError::InvalidApplicant(errs) => format!(
                "申请人信息有误：{}",
                errs.iter()
                    .map(|e| e.message.as_str())
                    .collect::<Vec<_>>()
                    .join("；")
            ),
            CaseError::UnknownSituation(c) => format!("情形 {c} 不属于该事项"),
            CaseError::UnknownMaterial(c) => format!("材料 {c} 不在本件的材料清单中"),
            CaseError::Unreviewed(v) => format!("以下材料尚未核对：{}", list(v)),
            CaseError::ChecklistIncomplete(v) => {
                format!("以下材料缺少或不符合要求，不能受理：{}", list(v))
            }
            CaseError::NothingToCorrect => "材料齐全，无需出具补正告知".into(),
            CaseError::DefectNeedsReason(n) => format!("材料“{n}”标为不符合要求，须填写原因"),
            CaseError::OneTimeRule(v) => format!(
                "一次性告知规则：首次补正通知未要求“{}”，再次告知不得增加材料；确因新情况需要的，须由首席代表填写理由后方可出具",
                list(v)
            ),
            CaseError::OverrideIncomplete => "首席代表同意增加材料须填写首席代表姓名和理由".into(),
            CaseError::NoticeWindowPassed(d) => format!(
                "告知期限已于 {d} 届满，依法自收到材料之日起视为受理，不能再出具补正通知"
            ),
            CaseError::NotImmediate => "该事项不是即办件，不能当场办结".into(),
            CaseError::ReasonRequired => "须填写理由".into(),
            CaseError::LegalBasisRequired => "须填写法律依据".into(),
            CaseError::NoticeNotFound(n) => format!("本件没有编号为 {n} 的通知书"),
            CaseError::NoticeAlreadyVoid(n) => format!("通知书 {n} 已作废"),
            CaseError::NoticeStillValid(k) => format!("本件已有有效的{k}，请先作废后再重新出具"),
            CaseError::NoticeAnswered(n) => format!(
                "补正通知书 {n} 申请人已按其补正，不能作废（它是一次性告知的依据）"
            ),
            CaseError::ChiefRepOnly => "只有本部门首席代表可以审批或退回办件".into(),
            CaseError::SealRequired => "审批须记录所用印章（审批专用章）".into(),
            CaseError::OpinionRequired => "退回须填写首席代表意见".into(),
            CaseError::ApprovalNotRequired => "该事项无需首席代表审批".into(),
            CaseError::ApprovalRequired => "该事项须经首席代表审批同意后方可办结".into(),
            CaseError::ResultAlreadyIssued => "办理结果已出件".into(),
            CaseError::NotCompleted => "办件办结后才能出件".into(),
            CaseError::DeliveryIncomplete => "请填写领取人，或邮寄的快递单号".into(),
        }
    }
}
