//! The one error type that crosses the IPC boundary: a stable code the UI branches on and a
//! message in the user's language. Raw database or IO text never reaches a clerk; it goes to
//! the log instead.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::case::{CaseError, FieldError};
use yichuang_core::Lang;
use yichuang_local::StoreError;

/// Stable, language-neutral error codes. The UI switches on these, never on messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
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
    // Login and sync.
    LoginRequired,
    NotPermitted,
    HubCertificateUntrusted,
    LoginFailed,
    LoginLocked,
    NotEnrolled,
    AlreadyEnrolled,
    EnrollmentNeedsEmptyCache,
    EnrollmentRefused,
    HubAddressInvalid,
    HubOffline,
    HubRefused,
    ClientTooOld,
    SecretStoreFailed,
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
    NoticeWindowPassed,
    NotImmediate,
    ReasonRequired,
    LegalBasisRequired,
    NoticeNotFound,
    NoticeAlreadyVoid,
    NoticeStillValid,
    NoticeAnswered,
    ChiefRepOnly,
    SealRequired,
    OpinionRequired,
    ApprovalNotRequired,
    ApprovalRequired,
    ResultAlreadyIssued,
    NotCompleted,
    DeliveryIncomplete,
    ApprovalPending,
    ApprovalMismatch,
    ExtensionNotAllowed,
    ExtensionDays,
    ExtensionAlreadyGranted,
    HandedOver,
    NotOwner,
    NotHandedOver,
    BackupRequired,
    NothingToHandOver,
    FeeNoStandard,
    FeeBadReduction,
    FeeReasonRequired,
    FeeBadPaymentCode,
    FeeBadReceiptNo,
    FeeAlreadyVoided,
    FeeNotNow,
    FeeAlreadyCharged,
    FeeNotFound,
    ApplicantOnly,
    StaffOnly,
    AlreadyEvaluated,
    UnknownReason,
    NoRectification,
    FollowUpFirst,
    FollowUpDone,
    // 电子监察.
    AlreadyAppealed,
    NoPendingAppeal,
    SupervisorOnly,
    OwnAppeal,
    /// The card appealed was never raised on the case.
    CardNotFound,
    // The window's day.
    /// Ending a shift while holding open cases: hand them over first.
    HandoverRequired,
    /// A handover is already under way at this window (or none is, for a return).
    HandoverState,
    /// The rating screen has no case to rate (or the call did not come from it).
    NoRatingInvitation,
}

/// An error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
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
            CaseError::NoticeWindowPassed(_) => C::NoticeWindowPassed,
            CaseError::NotImmediate => C::NotImmediate,
            CaseError::ReasonRequired => C::ReasonRequired,
            CaseError::LegalBasisRequired => C::LegalBasisRequired,
            CaseError::NoticeNotFound(_) => C::NoticeNotFound,
            CaseError::NoticeAlreadyVoid(_) => C::NoticeAlreadyVoid,
            CaseError::NoticeStillValid(_) => C::NoticeStillValid,
            CaseError::NoticeAnswered(_) => C::NoticeAnswered,
            CaseError::ChiefRepOnly => C::ChiefRepOnly,
            CaseError::SealRequired => C::SealRequired,
            CaseError::OpinionRequired => C::OpinionRequired,
            CaseError::ApprovalNotRequired => C::ApprovalNotRequired,
            CaseError::ApprovalRequired => C::ApprovalRequired,
            CaseError::ResultAlreadyIssued => C::ResultAlreadyIssued,
            CaseError::NotCompleted => C::NotCompleted,
            CaseError::DeliveryIncomplete => C::DeliveryIncomplete,
            CaseError::ApprovalPending => C::ApprovalPending,
            CaseError::ApprovalMismatch => C::ApprovalMismatch,
            CaseError::ExtensionNotAllowed => C::ExtensionNotAllowed,
            CaseError::ExtensionDays(_) => C::ExtensionDays,
            CaseError::ExtensionAlreadyGranted => C::ExtensionAlreadyGranted,
            CaseError::HandedOver(_) => C::HandedOver,
            CaseError::NotOwner => C::NotOwner,
            CaseError::NotHandedOver => C::NotHandedOver,
            CaseError::BackupRequired => C::BackupRequired,
            CaseError::NothingToHandOver => C::NothingToHandOver,
            CaseError::Fee(f) => {
                use yichuang_core::case::FeeError as F;
                match f {
                    F::NoStandard => C::FeeNoStandard,
                    F::BadReduction => C::FeeBadReduction,
                    F::ReasonRequired => C::FeeReasonRequired,
                    F::BadPaymentCode => C::FeeBadPaymentCode,
                    F::BadReceiptNo => C::FeeBadReceiptNo,
                    F::AlreadyVoided => C::FeeAlreadyVoided,
                }
            }
            CaseError::FeeNotNow => C::FeeNotNow,
            CaseError::FeeAlreadyCharged => C::FeeAlreadyCharged,
            CaseError::FeeNotFound(_) => C::FeeNotFound,
            CaseError::ApplicantOnly => C::ApplicantOnly,
            CaseError::StaffOnly => C::StaffOnly,
            CaseError::AlreadyEvaluated => C::AlreadyEvaluated,
            CaseError::UnknownReason(_) => C::UnknownReason,
            CaseError::NoRectification => C::NoRectification,
            CaseError::FollowUpFirst => C::FollowUpFirst,
            CaseError::FollowUpDone => C::FollowUpDone,
            CaseError::AlreadyAppealed(_) => C::AlreadyAppealed,
            CaseError::NoPendingAppeal(_) => C::NoPendingAppeal,
            CaseError::SupervisorOnly => C::SupervisorOnly,
            CaseError::OwnAppeal => C::OwnAppeal,
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

    /// A mutation that could not run: its case rule's refusal, or a missing/duplicate case.
    pub fn from_mutation(err: yichuang_core::case::MutationError, lang: Lang) -> Self {
        use yichuang_core::case::MutationError as M;
        match err {
            M::Case(e) => ApiError::from_case(e, lang),
            M::MissingCase => ApiError::new(
                ErrorCode::CaseNotFound,
                lang.pick("找不到该办件", "No such case"),
            ),
            M::CaseExists => ApiError::new(
                ErrorCode::InvalidInput,
                lang.pick("该办件已存在", "The case already exists"),
            ),
            M::UnknownItem(code) => ApiError::new(
                ErrorCode::ItemNotFound,
                match lang {
                    Lang::ZhCn => format!("目录中没有事项 {code}"),
                    Lang::En => format!("No item {code} in the catalog"),
                },
            ),
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
