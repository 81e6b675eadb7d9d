//! A case's life (办件), as in DOMAIN.md ("A case's life", rules 1–3): the aggregate, its
//! state machine, the checklist and the one-time notice rule, the deadline clock and cards,
//! and the commands that change a case. Storage, numbering of series and transport are the
//! callers' business; the workstation and the county hub run these same functions.

mod aggregate;
mod applicant;
mod approval;
mod checklist;
mod clock;
mod command;
mod error;
mod evaluation;
mod fee;
mod handover;
mod issuing;
mod mutation;
mod notice;
mod payment;
mod state;
mod supervision;

pub use aggregate::{
    Actor, Approval, Case, CaseEvent, Ctx, Decision, Effects, EventKind, Intake, ItemRef, Office,
    ResultDelivery, ResultIssued, Role,
};
pub use applicant::{
    check_applicant, mask_id, Agent, AgentInput, Applicant, ApplicantInput, FieldError,
};
pub use approval::{max_extension_days, ApprovalRequest, ApprovalSubject};
pub use checklist::{build_checklist, is_complete, ChecklistLine, MaterialStatus};
pub use clock::{
    card_for, notice_deadline, Card, CaseClock, Deadlines, Pause, PauseKind, StartEvent,
    NOTICE_WINDOW_DAYS,
};
pub use command::{apply, CaseCommand, LineUpdate, ART_32};
pub use error::CaseError;
pub use evaluation::{Evaluation, Rating, Rectification, TaskStep, REASON_CODES};
pub use fee::void as void_fee;
pub use fee::{
    cash_report, charge, CashLine, CashReport, FeeAdjustment, FeeCharge, FeeError, FeeInput,
    FeeVoid, PaymentMethod,
};
pub use handover::Holder;
pub use mutation::{CaseMutation, MutationBody, MutationError, Numbered};
pub use notice::{
    materials_beyond_first_notice, ChiefRepOverride, CorrectionLine, IssuedNotice, NoticeContent,
    NoticeKind, NoticeRef, NoticeVoid,
};
pub use state::{Action, CaseState, IllegalTransition};
pub use supervision::{AppealRuling, CardAppeal, CardLevel, CardStatus};

#[cfg(test)]
mod tests;
