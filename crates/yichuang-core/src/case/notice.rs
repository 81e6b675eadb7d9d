//! Notices a case issues (补正/一次性告知, 受理, 不予受理, 办结): exactly what the applicant was told,
//! its hash, and the one-time notification rule (DOMAIN.md rule 1). Rendering them as PDF is
//! the documents crate's business.

use super::aggregate::{Approval, Decision};
use super::checklist::{ChecklistLine, MaterialStatus};
use super::clock::StartEvent;
use crate::catalog::MaterialForm;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// 材料补正通知书（一次性告知书）.
    Correction,
    /// 受理通知书.
    Acceptance,
    /// 不予受理通知书.
    Rejection,
    /// 办结通知书: the decision on a completed case.
    Completion,
}

impl NoticeKind {
    /// The short code in notice numbers: 补正 BZ, 受理 SL, 不予受理 BY.
    pub fn series_code(self) -> &'static str {
        match self {
            NoticeKind::Correction => "BZ",
            NoticeKind::Acceptance => "SL",
            NoticeKind::Rejection => "BY",
            NoticeKind::Completion => "BJ",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Correction => "correction",
            NoticeKind::Acceptance => "acceptance",
            NoticeKind::Rejection => "rejection",
            NoticeKind::Completion => "completion",
        }
    }

    pub fn parse(s: &str) -> Option<NoticeKind> {
        [
            NoticeKind::Correction,
            NoticeKind::Acceptance,
            NoticeKind::Rejection,
            NoticeKind::Completion,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// One material the applicant is told about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CorrectionLine {
    pub code: String,
    pub name: String,
    pub form: MaterialForm,
    pub copies: u32,
    /// `None`: missing; `Some(reason)`: handed in but defective.
    pub defect: Option<String>,
}

impl CorrectionLine {
    pub(crate) fn from_checklist(line: &ChecklistLine) -> CorrectionLine {
        CorrectionLine {
            code: line.code.clone(),
            name: line.name.clone(),
            form: line.form,
            copies: line.copies,
            defect: match &line.status {
                MaterialStatus::Defective { reason } => Some(reason.clone()),
                _ => None,
            },
        }
    }
}

/// A chief representative's recorded permission to ask for materials the first notice did
/// not name (new facts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChiefRepOverride {
    pub chief_rep: String,
    pub reason: String,
    /// The material codes the permission covers (empty on a notice issued before overrides
    /// named them).
    #[serde(default)]
    pub materials: Vec<String>,
}

/// What a notice says, kind by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NoticeContent {
    Correction {
        lines: Vec<CorrectionLine>,
        legal_basis: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        chief_rep_override: Option<ChiefRepOverride>,
    },
    Acceptance {
        start_event: StartEvent,
        start: NaiveDate,
        due_date: NaiveDate,
        working_days: u32,
        statutory_due: Option<NaiveDate>,
        provisional: bool,
        calendar_version: String,
        legal_basis: String,
    },
    Rejection {
        reason: String,
        legal_basis: String,
    },
    Completion {
        decision: Decision,
        completed_on: NaiveDate,
        /// The item's legal basis (the decision is taken under it).
        legal_basis: String,
        /// The chief representative's approval the decision rests on, if the item needed one.
        approval: Option<Approval>,
    },
}

impl NoticeContent {
    pub fn kind(&self) -> NoticeKind {
        match self {
            NoticeContent::Correction { .. } => NoticeKind::Correction,
            NoticeContent::Acceptance { .. } => NoticeKind::Acceptance,
            NoticeContent::Rejection { .. } => NoticeKind::Rejection,
            NoticeContent::Completion { .. } => NoticeKind::Completion,
        }
    }
}

/// A notice as issued: who, when, to whom, what, and the hash of all of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IssuedNotice {
    pub number: String,
    pub case_id: String,
    pub case_no: String,
    pub issued_at: NaiveDateTime,
    pub issued_by: String,
    pub on_behalf_of: Option<String>,
    pub workstation: String,
    pub applicant_name: String,
    pub applicant_id_masked: String,
    pub item_code: String,
    pub item_name: String,
    /// Printed at the head and foot of the notice; part of the hash.
    pub center_name: String,
    pub department_name: String,
    pub window_name: String,
    pub content: NoticeContent,
}

impl IssuedNotice {
    /// SHA-256 of the notice's canonical JSON: what was told can be proven unchanged.
    pub fn sha256(&self) -> String {
        let json = serde_json::to_vec(self).expect("a notice always serialises");
        hex::encode(Sha256::digest(json))
    }
}

/// The void of a wrong notice: its number stays used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NoticeVoid {
    pub reason: String,
    pub at: NaiveDateTime,
    pub by: String,
}

/// A notice as the case remembers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NoticeRef {
    pub number: String,
    pub kind: NoticeKind,
    pub issued_at: NaiveDateTime,
    pub sha256: String,
    /// Material codes a correction notice asked for.
    pub requested: Vec<String>,
    pub voided: Option<NoticeVoid>,
}

/// The one-time rule: the materials a new correction notice would ask for that the first
/// valid correction notice of the case did not. Empty means the new notice is allowed. (A
/// correction notice can only be voided before the applicant answered it, so a voided one
/// was replaced, never acted on.)
pub fn materials_beyond_first_notice<'a>(
    notices: &[NoticeRef],
    requested: &'a [CorrectionLine],
) -> Vec<&'a CorrectionLine> {
    let Some(first) = notices
        .iter()
        .find(|n| n.kind == NoticeKind::Correction && n.voided.is_none())
    else {
        return Vec::new();
    };
    requested
        .iter()
        .filter(|l| !first.requested.contains(&l.code))
        .collect()
}
