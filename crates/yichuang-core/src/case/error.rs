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
        "the first notice did not ask for {0:?}; the chief representative must approve an override first"
    )]
    OneTimeRule(Vec<String>),
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
    #[error("an approval is already waiting for the chief representative")]
    ApprovalPending,
    #[error("the decision differs from the one the chief representative approved")]
    ApprovalMismatch,
    #[error("this case's time limit cannot be extended")]
    ExtensionNotAllowed,
    #[error("an extension is 1 to {0} working days")]
    ExtensionDays(u32),
    #[error("this case's time limit was already extended")]
    ExtensionAlreadyGranted,
    #[error("this case is handed over to {0}; take it back first")]
    HandedOver(String),
    #[error("only the case's responsible clerk may hand it over or take it back")]
    NotOwner,
    #[error("the case is not handed over")]
    NotHandedOver,
    #[error("choose the window's backup clerk to hand over to")]
    BackupRequired,
    #[error("the case needs nothing more from the window")]
    NothingToHandOver,
    #[error("{0}")]
    Fee(super::fee::FeeError),
    #[error("a fee is charged after acceptance and before the result is issued")]
    FeeNotNow,
    #[error("this case's fee is already charged; void it first to charge again")]
    FeeAlreadyCharged,
    #[error("charge {0} is not part of this case")]
    FeeNotFound(u32),
    #[error("only the applicant rates a case, on the applicant-facing screen")]
    ApplicantOnly,
    #[error("the applicant only rates cases")]
    StaffOnly,
    #[error("the case was already rated")]
    AlreadyEvaluated,
    #[error("unknown rating reason {0}")]
    UnknownReason(String),
    #[error("the case has no open rectification task")]
    NoRectification,
    #[error("record the follow-up call before the rectification")]
    FollowUpFirst,
    #[error("the follow-up call is already recorded")]
    FollowUpDone,
    #[error("the {0} was already appealed")]
    AlreadyAppealed(String),
    #[error("the {0} has no appeal waiting for a ruling")]
    NoPendingAppeal(String),
    #[error("only a supervisor of the center rules on appeals")]
    SupervisorOnly,
    #[error("no one rules on an appeal of a case they answer for or appealed")]
    OwnAppeal,
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
            CaseError::ApprovalPending => "approval_pending",
            CaseError::ApprovalMismatch => "approval_mismatch",
            CaseError::ExtensionNotAllowed => "extension_not_allowed",
            CaseError::ExtensionDays(_) => "extension_days",
            CaseError::ExtensionAlreadyGranted => "extension_already_granted",
            CaseError::HandedOver(_) => "handed_over",
            CaseError::NotOwner => "not_owner",
            CaseError::NotHandedOver => "not_handed_over",
            CaseError::BackupRequired => "backup_required",
            CaseError::NothingToHandOver => "nothing_to_hand_over",
            CaseError::Fee(e) => e.code(),
            CaseError::FeeNotNow => "fee_not_now",
            CaseError::FeeAlreadyCharged => "fee_already_charged",
            CaseError::FeeNotFound(_) => "fee_not_found",
            CaseError::ApplicantOnly => "applicant_only",
            CaseError::StaffOnly => "staff_only",
            CaseError::AlreadyEvaluated => "already_evaluated",
            CaseError::UnknownReason(_) => "unknown_reason",
            CaseError::NoRectification => "no_rectification",
            CaseError::FollowUpFirst => "follow_up_first",
            CaseError::FollowUpDone => "follow_up_done",
            CaseError::AlreadyAppealed(_) => "already_appealed",
            CaseError::NoPendingAppeal(_) => "no_pending_appeal",
            CaseError::SupervisorOnly => "supervisor_only",
            CaseError::OwnAppeal => "own_appeal",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return match self {
                CaseError::IllegalTransition(t) => t.message(lang),
                CaseError::Fee(e) => e.message(lang),
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
                "一次性告知规则：首次补正通知未要求“{}”，再次告知不得增加材料；确因新情况需要的，须先报首席代表审批同意（说明新情况）后方可出具",
                list(v)
            ),
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
            CaseError::ApprovalPending => "已有一项审批在等待首席代表决定".into(),
            CaseError::ApprovalMismatch => "办结决定与首席代表审批同意的决定不一致，请按审批的决定办结或重新报批".into(),
            CaseError::ExtensionNotAllowed => "本件不能延长办理期限（即办件或尚未受理）".into(),
            CaseError::ExtensionDays(max) => format!("延长期限应为 1 至 {max} 个工作日"),
            CaseError::ExtensionAlreadyGranted => "本件已延长过办理期限".into(),
            CaseError::HandedOver(to) => format!("本件已交接给 {to} 办理（AB岗），交回前不能由原经办人操作"),
            CaseError::NotOwner => "只有本件的经办人才能交接或收回".into(),
            CaseError::NotHandedOver => "本件未处于交接状态".into(),
            CaseError::BackupRequired => "请选择本窗口的B岗人员接收交接".into(),
            CaseError::NothingToHandOver => "本件已无待办事项，无需交接".into(),
            CaseError::Fee(e) => e.message(lang),
            CaseError::FeeNotNow => "受理后、出件前才能收费".into(),
            CaseError::FeeAlreadyCharged => "本件已收费；如需重新收费，请先作废原收费".into(),
            CaseError::FeeNotFound(n) => format!("本件没有第 {n} 笔收费"),
            CaseError::ApplicantOnly => "评价只能由申请人在评价屏上作出，工作人员不能代为评价".into(),
            CaseError::StaffOnly => "申请人只能评价办件".into(),
            CaseError::AlreadyEvaluated => "本件已评价".into(),
            CaseError::UnknownReason(r) => format!("未知的评价原因：{r}"),
            CaseError::NoRectification => "本件没有待办的整改任务".into(),
            CaseError::FollowUpFirst => "请先记录回访，再记录整改".into(),
            CaseError::FollowUpDone => "回访已记录".into(),
            CaseError::AlreadyAppealed(c) => format!("该{c}已申诉过，每张预警只能申诉一次"),
            CaseError::NoPendingAppeal(c) => format!("该{c}没有待裁定的申诉"),
            CaseError::SupervisorOnly => "只有中心监督员可以裁定申诉".into(),
            CaseError::OwnAppeal => "经办或提出申诉的人员不能裁定该申诉".into(),
        }
    }
}
