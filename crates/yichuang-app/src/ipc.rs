//! The IPC contract: the one list of commands the window may call, and the TypeScript
//! bindings generated from it. The Tauri shell expands the same list into its handlers, so
//! a command cannot exist on one side only.

use std::fmt::Write as _;
use ts_rs::{Config, TS};

/// Calls `$callback!` with every command as `name: handler, Request => Response;`.
#[macro_export]
macro_rules! for_each_command {
    ($callback:ident) => {
        $callback! {
            settings_get: $crate::api::settings::get, () => $crate::api::settings::Settings;
            settings_set_language: $crate::api::settings::set_language,
                $crate::api::settings::SetLanguageRequest => $crate::api::settings::Settings;
            catalog_status: $crate::api::catalog::status, () => $crate::api::catalog::CatalogStatus;
            catalog_import: $crate::api::catalog::import,
                $crate::api::catalog::ImportCatalogRequest => $crate::api::catalog::ImportCatalogResult;
            catalog_load_demo: $crate::api::catalog::load_demo,
                () => $crate::api::catalog::ImportCatalogResult;
            catalog_departments: $crate::api::catalog::departments,
                () => Vec<$crate::api::catalog::DepartmentInfo>;
            catalog_search: $crate::api::catalog::search,
                $crate::api::catalog::SearchItemsRequest => Vec<$crate::api::catalog::ItemSummary>;
            catalog_item: $crate::api::catalog::item,
                $crate::api::catalog::ItemRequest => $crate::api::catalog::ItemDetail;
            calendar_info: $crate::api::calendar::info, () => $crate::api::calendar::CalendarInfo;
            calendar_import_year: $crate::api::calendar::import_year,
                $crate::api::calendar::ImportCalendarRequest => $crate::api::calendar::CalendarInfo;
            calendar_due_date: $crate::api::calendar::due_date,
                $crate::api::calendar::DueDateRequest => $crate::api::calendar::DueDatePreview;
            workstation_get: $crate::api::workstation::get, () => $crate::api::workstation::WorkstationInfo;
            workstation_set: $crate::api::workstation::set,
                $crate::api::workstation::WorkstationProfile => $crate::api::workstation::WorkstationInfo;
            case_intake: $crate::api::cases::intake,
                $crate::api::cases::IntakeRequest => $crate::api::cases::CaseDetail;
            case_act: $crate::api::cases::act,
                $crate::api::cases::CaseActionRequest => $crate::api::cases::CaseDetail;
            case_get: $crate::api::cases::get,
                $crate::api::cases::CaseRequest => $crate::api::cases::CaseDetail;
            case_queue: $crate::api::cases::queue,
                $crate::api::cases::QueueRequest => Vec<$crate::api::cases::QueueItem>;
            audit_status: $crate::api::audit::status, () => $crate::api::audit::AuditStatus;
            notice_pdf: $crate::api::notices::pdf,
                $crate::api::notices::NoticeRequest => $crate::api::notices::NoticeFile;
            notice_print: $crate::api::notices::print,
                $crate::api::notices::NoticeRequest => $crate::api::notices::NoticeFile;
            notice_save: $crate::api::notices::save,
                $crate::api::notices::NoticeRequest => $crate::api::notices::SaveResult;
            inquiry_log: $crate::api::inquiry::log,
                $crate::api::inquiry::InquiryRequest => $crate::api::inquiry::Inquiry;
            inquiry_today: $crate::api::inquiry::today, () => Vec<$crate::api::inquiry::Inquiry>;
            inquiry_register: $crate::api::inquiry::register,
                $crate::api::inquiry::RegisterRequest => $crate::api::inquiry::Register;
            alerts_list: $crate::api::alerts::list, () => Vec<$crate::api::alerts::Alert>;
            alerts_dismiss: $crate::api::alerts::dismiss,
                $crate::api::alerts::DismissAlertRequest => Vec<$crate::api::alerts::Alert>;
            session_current: $crate::api::session::current, () => $crate::api::session::SessionState;
            session_login: $crate::api::session::login,
                $crate::api::session::LoginRequest => $crate::api::session::SessionState;
            session_logout: $crate::api::session::logout, () => $crate::api::session::SessionState;
            sync_status: $crate::api::sync::status, () => $crate::api::sync::SyncStatus;
            sync_now: $crate::api::sync::sync_now, () => $crate::api::sync::SyncStatus;
            sync_enroll: $crate::api::sync::enroll,
                $crate::api::sync::EnrollRequest => $crate::api::sync::SyncStatus;
            sync_conflicts: $crate::api::sync::conflicts, () => Vec<$crate::api::sync::Conflict>;
            approvals_pending: $crate::api::approvals::pending,
                () => Vec<$crate::api::approvals::PendingApproval>;
            ledger_export: $crate::api::ledger::export,
                $crate::api::ledger::LedgerExportRequest => $crate::api::ledger::LedgerExportResult;
            ledger_progress: $crate::api::ledger::progress,
                () => Option<$crate::api::ledger::ExportProgress>;
            dashboard: $crate::api::dashboard::dashboard,
                $crate::api::dashboard::DashboardRequest => $crate::api::dashboard::Dashboard;
            supervision_board: $crate::api::supervision::board,
                () => $crate::api::supervision::SupervisionBoard;
            supervision_appeal: $crate::api::supervision::appeal,
                $crate::api::supervision::AppealCardRequest => $crate::api::supervision::SupervisionBoard;
            supervision_rule: $crate::api::supervision::rule,
                $crate::api::supervision::RuleAppealRequest => $crate::api::supervision::SupervisionBoard;
            session_end_shift: $crate::api::session::end_shift, () => $crate::api::session::SessionState;
            handover_overview: $crate::api::handover::overview,
                () => $crate::api::handover::HandoverOverview;
            handover_start: $crate::api::handover::start,
                $crate::api::handover::StartHandoverRequest => $crate::api::handover::HandoverInfo;
            handover_return: $crate::api::handover::give_back,
                $crate::api::handover::ReturnHandoverRequest => $crate::api::handover::HandoverInfo;
            handover_sheet: $crate::api::handover::sheet,
                $crate::api::handover::HandoverSheetRequest => $crate::api::handover::DocumentFile;
            cash_report: $crate::api::cash::report,
                $crate::api::cash::CashReportRequest => $crate::api::cash::CashReportView;
            rating_invite: $crate::api::rating::invite,
                $crate::api::cases::CaseRequest => $crate::api::rating::RatingPrompt;
            rating_cancel: $crate::api::rating::cancel, () => Option<$crate::api::rating::RatingPrompt>;
            rating_prompt: $crate::api::rating::prompt, () => Option<$crate::api::rating::RatingPrompt>;
            rating_submit: $crate::api::rating::submit,
                $crate::api::rating::RatingSubmitRequest => Option<$crate::api::rating::RatingPrompt>;
        }
    };
}

/// Every type that crosses the boundary, declared once in the bindings file.
fn declarations(cfg: &Config) -> Vec<String> {
    use crate::api::{
        alerts, approvals, audit, calendar, cases, cash, catalog, dashboard, handover, inquiry,
        ledger, notices, rating, session, settings, supervision, sync, workstation,
    };
    use yichuang_core::{calendar as cal, case, catalog as core_catalog, deadline};
    vec![
        crate::ApiError::decl(cfg),
        crate::ErrorCode::decl(cfg),
        yichuang_core::Lang::decl(cfg),
        settings::Settings::decl(cfg),
        session::LoginRequest::decl(cfg),
        case::Role::decl(cfg),
        session::SessionUser::decl(cfg),
        session::SessionState::decl(cfg),
        sync::EnrollRequest::decl(cfg),
        sync::SyncStatus::decl(cfg),
        sync::Conflict::decl(cfg),
        settings::SetLanguageRequest::decl(cfg),
        catalog::CatalogStatus::decl(cfg),
        catalog::CatalogVersionInfo::decl(cfg),
        catalog::ImportCatalogRequest::decl(cfg),
        catalog::ImportCatalogResult::decl(cfg),
        catalog::DepartmentInfo::decl(cfg),
        catalog::SearchItemsRequest::decl(cfg),
        catalog::ItemSummary::decl(cfg),
        catalog::ItemRequest::decl(cfg),
        catalog::ItemDetail::decl(cfg),
        core_catalog::ServiceItem::decl(cfg),
        core_catalog::ItemKind::decl(cfg),
        core_catalog::Material::decl(cfg),
        core_catalog::MaterialForm::decl(cfg),
        core_catalog::Situation::decl(cfg),
        core_catalog::FeeStandard::decl(cfg),
        calendar::CalendarInfo::decl(cfg),
        calendar::ImportCalendarRequest::decl(cfg),
        calendar::DueDateRequest::decl(cfg),
        deadline::DueDatePreview::decl(cfg),
        cal::DueDate::decl(cfg),
        workstation::WorkstationProfile::decl(cfg),
        workstation::WorkstationInfo::decl(cfg),
        cases::IntakeRequest::decl(cfg),
        cases::CaseActionRequest::decl(cfg),
        cases::CaseRequest::decl(cfg),
        cases::NoticeSummary::decl(cfg),
        cases::DeadlineExplained::decl(cfg),
        cases::CaseDetail::decl(cfg),
        cases::QueueRequest::decl(cfg),
        cases::QueueItem::decl(cfg),
        audit::AuditStatus::decl(cfg),
        notices::NoticeRequest::decl(cfg),
        notices::NoticeFile::decl(cfg),
        notices::SaveResult::decl(cfg),
        inquiry::InquiryOutcome::decl(cfg),
        inquiry::InquiryRequest::decl(cfg),
        inquiry::RegisterRequest::decl(cfg),
        inquiry::RegisterClerk::decl(cfg),
        inquiry::Register::decl(cfg),
        inquiry::Inquiry::decl(cfg),
        alerts::Alert::decl(cfg),
        alerts::DismissAlertRequest::decl(cfg),
        case::FieldError::decl(cfg),
        case::ApplicantInput::decl(cfg),
        case::AgentInput::decl(cfg),
        case::Applicant::decl(cfg),
        case::Agent::decl(cfg),
        case::Case::decl(cfg),
        case::Approval::decl(cfg),
        case::Decision::decl(cfg),
        case::ResultDelivery::decl(cfg),
        case::ResultIssued::decl(cfg),
        case::CaseState::decl(cfg),
        case::Action::decl(cfg),
        case::CaseEvent::decl(cfg),
        case::EventKind::decl(cfg),
        case::ItemRef::decl(cfg),
        case::Office::decl(cfg),
        case::ChecklistLine::decl(cfg),
        case::MaterialStatus::decl(cfg),
        case::CaseCommand::decl(cfg),
        case::LineUpdate::decl(cfg),
        case::ChiefRepOverride::decl(cfg),
        case::NoticeKind::decl(cfg),
        case::NoticeRef::decl(cfg),
        case::NoticeVoid::decl(cfg),
        case::Pause::decl(cfg),
        case::PauseKind::decl(cfg),
        case::CaseClock::decl(cfg),
        case::StartEvent::decl(cfg),
        case::Deadlines::decl(cfg),
        case::Card::decl(cfg),
        case::ApprovalSubject::decl(cfg),
        case::ApprovalRequest::decl(cfg),
        case::Holder::decl(cfg),
        case::FeeInput::decl(cfg),
        case::FeeAdjustment::decl(cfg),
        case::PaymentMethod::decl(cfg),
        case::FeeCharge::decl(cfg),
        case::FeeVoid::decl(cfg),
        case::CashLine::decl(cfg),
        case::Rating::decl(cfg),
        case::Evaluation::decl(cfg),
        case::Rectification::decl(cfg),
        case::TaskStep::decl(cfg),
        handover::SheetLine::decl(cfg),
        handover::Colleague::decl(cfg),
        handover::HandoverInfo::decl(cfg),
        handover::HandoverOverview::decl(cfg),
        handover::StartHandoverRequest::decl(cfg),
        handover::ReturnHandoverRequest::decl(cfg),
        handover::HandoverSheetRequest::decl(cfg),
        handover::DocumentFile::decl(cfg),
        cash::CashReportRequest::decl(cfg),
        cash::CashRow::decl(cfg),
        cash::CashEntry::decl(cfg),
        cash::CashReportView::decl(cfg),
        approvals::PendingApproval::decl(cfg),
        ledger::LedgerExportRequest::decl(cfg),
        ledger::LedgerExportResult::decl(cfg),
        ledger::ExportStage::decl(cfg),
        ledger::ExportProgress::decl(cfg),
        dashboard::DashboardRequest::decl(cfg),
        dashboard::DayFigure::decl(cfg),
        dashboard::RateFigure::decl(cfg),
        dashboard::CardFigure::decl(cfg),
        dashboard::RatingFigure::decl(cfg),
        dashboard::Dashboard::decl(cfg),
        supervision::SupervisedCard::decl(cfg),
        supervision::WindowCards::decl(cfg),
        supervision::SupervisionBoard::decl(cfg),
        supervision::AppealCardRequest::decl(cfg),
        supervision::RuleAppealRequest::decl(cfg),
        case::CardLevel::decl(cfg),
        case::CardStatus::decl(cfg),
        case::CardAppeal::decl(cfg),
        case::AppealRuling::decl(cfg),
        rating::RatingPrompt::decl(cfg),
        rating::RatingSubmitRequest::decl(cfg),
    ]
}

/// A command as the TypeScript client sees it.
struct CommandSpec {
    name: &'static str,
    request: String,
    response: String,
}

macro_rules! command_specs {
    ($($name:ident : $handler:path, $req:ty => $resp:ty;)*) => {
        fn command_specs(cfg: &Config) -> Vec<CommandSpec> {
            vec![$(CommandSpec {
                name: stringify!($name),
                request: <$req as TS>::name(cfg),
                response: <$resp as TS>::name(cfg),
            }),*]
        }
    };
}
for_each_command!(command_specs);

fn camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for ch in snake.chars() {
        if ch == '_' {
            upper = true;
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// The whole bindings file, as committed at `frontend/src/lib/ipc/bindings.ts`.
pub fn render_bindings() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the Rust IPC contract (crates/yichuang-app/src/ipc.rs).\n\
         // Do not edit: run `make bindings`. `make test` fails when this file is stale.\n\n\
         import { call } from \"./call\";\n\n",
    );
    for decl in declarations(&cfg) {
        let _ = writeln!(out, "export {decl}\n");
    }
    out.push_str(
        "/** Every command of the workstation, one typed function each. */\nexport const api = {\n",
    );
    for c in command_specs(&cfg) {
        let arg = if c.request == "null" {
            String::new()
        } else {
            format!("req: {}", c.request)
        };
        let pass = if c.request == "null" { "null" } else { "req" };
        let _ = writeln!(
            out,
            "  {}: ({arg}): Promise<{}> => call(\"{}\", {pass}),",
            camel(c.name),
            c.response,
            c.name
        );
    }
    out.push_str("} as const;\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_typescript_bindings_match_the_rust_contract() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../frontend/src/lib/ipc/bindings.ts"
        );
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == render_bindings(),
            "frontend/src/lib/ipc/bindings.ts is stale: run `make bindings` and commit it"
        );
    }

    #[test]
    fn command_names_become_camel_case_functions() {
        assert_eq!(camel("catalog_load_demo"), "catalogLoadDemo");
    }
}
