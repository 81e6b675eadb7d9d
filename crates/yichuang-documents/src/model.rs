//! What a notice says. The App stores exactly this as JSON, so a reprint shows what was told.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// The three notices a window hands over at the end of a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NoticeKind {
    /// 材料补正通知书（一次性告知书）
    Correction,
    /// 受理通知书
    Acceptance,
    /// 不予受理通知书
    Rejection,
    /// 办结通知书
    Completion,
}

impl NoticeKind {
    /// The printed title.
    pub fn title(self) -> &'static str {
        match self {
            NoticeKind::Correction => "材料补正通知书（一次性告知书）",
            NoticeKind::Acceptance => "受理通知书",
            NoticeKind::Rejection => "不予受理通知书",
            NoticeKind::Completion => "办结通知书",
        }
    }
}

/// One notice, complete: everything printed on it is here, nothing is looked up at render time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub kind: NoticeKind,
    /// Notice number, e.g. "431125-SCJ-W03-BZ-2026-000012".
    pub number: String,
    /// Case number, e.g. "431125-SCJ-W03-2026-000007"; printed and encoded in the QR code.
    pub case_no: String,
    /// e.g. "示例县政务服务中心".
    pub center_name: String,
    pub department_name: String,
    /// e.g. "03号窗口".
    pub window: String,
    pub item_code: String,
    pub item_name: String,
    pub applicant_name: String,
    /// Already masked by the caller, e.g. "4311**********1234": this crate never sees a full ID.
    pub applicant_id_masked: String,
    pub clerk_name: String,
    /// Local China time.
    pub issued_at: NaiveDateTime,
    pub body: NoticeBody,
    /// `Some(reason)`: the notice was voided; it prints a large "作废" mark and the reason.
    pub voided: Option<String>,
}

/// The part that differs by kind. It should match `Notice::kind`; when it does not, the body
/// wins (it is what was decided) and the title follows it, see [`Notice::effective_kind`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum NoticeBody {
    Correction {
        lines: Vec<CorrectionLine>,
        legal_basis: String,
    },
    Acceptance {
        due_date: NaiveDate,
        working_days: u32,
        /// The due date crosses into a year whose holidays are not yet published.
        provisional: bool,
        legal_basis: String,
        calendar_version: String,
    },
    Rejection {
        reason: String,
        legal_basis: String,
    },
    Completion {
        /// `None`: granted; `Some(reason)`: not granted (不予许可), with its legal basis.
        denied: Option<(String, String)>,
        completed_on: NaiveDate,
        legal_basis: String,
        /// "周敏（审批专用章（一））" when a chief representative approved it.
        approved_by: Option<String>,
    },
}

impl NoticeBody {
    pub fn kind(&self) -> NoticeKind {
        match self {
            NoticeBody::Correction { .. } => NoticeKind::Correction,
            NoticeBody::Acceptance { .. } => NoticeKind::Acceptance,
            NoticeBody::Rejection { .. } => NoticeKind::Rejection,
            NoticeBody::Completion { .. } => NoticeKind::Completion,
        }
    }
}

impl Notice {
    /// The kind actually printed: the body's, so a title can never contradict its content.
    pub fn effective_kind(&self) -> NoticeKind {
        self.body.kind()
    }
}

/// One material the applicant must bring (again).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionLine {
    pub material_name: String,
    /// "原件" or "复印件".
    pub form: String,
    pub copies: u32,
    pub problem: LineProblem,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineProblem {
    /// Not handed in at all.
    Missing,
    /// Handed in but not acceptable.
    Defective { reason: String },
}

impl LineProblem {
    /// The text of the table's 问题 column.
    pub fn describe(&self) -> String {
        match self {
            LineProblem::Missing => "缺少".to_owned(),
            LineProblem::Defective { reason } => format!("不符合要求：{reason}"),
        }
    }
}
