//! The one error type that crosses the IPC boundary: a stable code the UI branches on and a
//! message in the user's language. Raw database or IO text never reaches a clerk; it goes to
//! the log instead.

use serde::Serialize;
use ts_rs::TS;
use yichuang_core::case::{CaseError, FieldError};
use yichuang_core::Lang;
use yichuang_local::StoreError;

/// Stable, language-neutral error codes. The UI switches on these, never on messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    CatalogInvalid,
    CatalogVersionConflict,
    CatalogOlderThanCurrent,
    CatalogNotLoaded,
    ItemNotFound,
    CalendarInvalid,
    StorageFailed,
    WorkstationNotConfigured,
    NumberFormatInvalid,
    InvalidInput,
    CaseNotFound,
    CaseChanged,
    DocumentFailed,
    DesktopFailed,
    ActionKeyReused,
    // Case rules (yichuang-core `CaseError::code`).
    IllegalTransition,
    InvalidApplicant,
    UnknownSituation,
    UnknownMaterial,
    MaterialsUnreviewed,
    ChecklistIncomplete,
    NothingToCorrect,
    DefectNeedsReason,
    OneTimeRule,
    OverrideIncomplete,
    NoticeWindowPassed,
    NotImmediate,
    ReasonRequired,
    LegalBasisRequired,
    NoticeNotFound,
    NoticeAlreadyVoid,
    NoticeStillValid,
    NoticeAnswered,
}

/// An error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{code:?}: {message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// Per-field problems of a form (e.g. `applicant.id_number`), shown on the field.
    pub fields: Vec<FieldError>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            fields: Vec::new(),
        }
    }

    /// A refused case command, with its rule's code and message.
    pub fn from_case(err: CaseError, lang: Lang) -> Self {
        use ErrorCode as C;
        let code = match &err {
            CaseError::IllegalTransition(_) => C::IllegalTransition,
            CaseError::InvalidApplicant(_) => C::InvalidApplicant,
            CaseError::UnknownSituation(_) => C::UnknownSituation,
            CaseError::UnknownMaterial(_) => C::UnknownMaterial,
            CaseError::Unreviewed(_) => C::MaterialsUnreviewed,
            CaseError::ChecklistIncomplete(_) => C::ChecklistIncomplete,
            CaseError::NothingToCorrect => C::NothingToCorrect,
            CaseError::DefectNeedsReason(_) => C::DefectNeedsReason,
            CaseError::OneTimeRule(_) => C::OneTimeRule,
            CaseError::OverrideIncomplete => C::OverrideIncomplete,
            CaseError::NoticeWindowPassed(_) => C::NoticeWindowPassed,
            CaseError::NotImmediate => C::NotImmediate,
            CaseError::ReasonRequired => C::ReasonRequired,
            CaseError::LegalBasisRequired => C::LegalBasisRequired,
            CaseError::NoticeNotFound(_) => C::NoticeNotFound,
            CaseError::NoticeAlreadyVoid(_) => C::NoticeAlreadyVoid,
            CaseError::NoticeStillValid(_) => C::NoticeStillValid,
            CaseError::NoticeAnswered(_) => C::NoticeAnswered,
        };
        let fields = match &err {
            CaseError::InvalidApplicant(f) => f.clone(),
            _ => Vec::new(),
        };
        ApiError {
            code,
            message: err.message(lang),
            fields,
        }
    }

    /// Translates a store failure; unexpected ones are logged with their detail and shown
    /// to the clerk as a plain "could not save" message.
    pub fn from_store(err: StoreError, lang: Lang) -> Self {
        match err {
            StoreError::CatalogVersionConflict { version } => ApiError::new(
                ErrorCode::CatalogVersionConflict,
                match lang {
                    Lang::ZhCn => format!(
                        "目录版本 {version} 已导入过，但内容不同。请向县数据中心确认正确的目录文件。"
                    ),
                    Lang::En => format!(
                        "Catalog version {version} was already imported with different content. \
                         Ask the county data center for the correct file."
                    ),
                },
            ),
            StoreError::Stale(case_no) => ApiError::new(
                ErrorCode::CaseChanged,
                match lang {
                    Lang::ZhCn => format!("办件 {case_no} 刚被另一操作修改，本次操作未生效，请刷新后重试"),
                    Lang::En => format!("Case {case_no} was just changed by another action; nothing was done. Refresh and retry."),
                },
            ),
            StoreError::CatalogOlderThanCurrent { offered, current } => ApiError::new(
                ErrorCode::CatalogOlderThanCurrent,
                match lang {
                    Lang::ZhCn => format!(
                        "目录版本 {offered} 早于当前使用的版本 {current}，未导入。"
                    ),
                    Lang::En => format!(
                        "Catalog version {offered} is older than the current version {current}; \
                         nothing was imported."
                    ),
                },
            ),
            other => {
                tracing::error!(error = %other, "local store failure");
                ApiError::new(
                    ErrorCode::StorageFailed,
                    lang.pick(
                        "本机数据库读写失败，操作未生效。请重试；如仍失败请联系信息科。",
                        "The local database failed; nothing was changed. Try again, or call IT.",
                    ),
                )
            }
        }
    }
}
