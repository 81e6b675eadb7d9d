// Generated from the Rust IPC contract (crates/yichuang-app/src/ipc.rs).
// Do not edit: run `make bindings`. `make test` fails when this file is stale.

import { call } from "./call";

export type ApiError = { code: ErrorCode, message: string, 
/**
 * Per-field problems of a form (e.g. `applicant.id_number`), shown on the field.
 */
fields: Array<FieldError>, };

export type ErrorCode = "catalog_invalid" | "catalog_version_conflict" | "catalog_older_than_current" | "catalog_not_loaded" | "item_not_found" | "calendar_invalid" | "storage_failed" | "workstation_not_configured" | "number_format_invalid" | "invalid_input" | "case_not_found" | "case_changed" | "document_failed" | "desktop_failed" | "action_key_reused" | "login_required" | "not_permitted" | "hub_certificate_untrusted" | "login_failed" | "login_locked" | "not_enrolled" | "already_enrolled" | "enrollment_needs_empty_cache" | "enrollment_refused" | "hub_address_invalid" | "hub_offline" | "hub_refused" | "client_too_old" | "secret_store_failed" | "illegal_transition" | "invalid_applicant" | "unknown_situation" | "unknown_material" | "materials_unreviewed" | "checklist_incomplete" | "nothing_to_correct" | "defect_needs_reason" | "one_time_rule" | "notice_window_passed" | "not_immediate" | "reason_required" | "legal_basis_required" | "notice_not_found" | "notice_already_void" | "notice_still_valid" | "notice_answered" | "chief_rep_only" | "seal_required" | "opinion_required" | "approval_not_required" | "approval_required" | "result_already_issued" | "not_completed" | "delivery_incomplete" | "approval_pending" | "approval_mismatch" | "extension_not_allowed" | "extension_days" | "extension_already_granted" | "handed_over" | "not_owner" | "not_handed_over" | "backup_required" | "nothing_to_hand_over" | "fee_no_standard" | "fee_bad_reduction" | "fee_reason_required" | "fee_bad_payment_code" | "fee_bad_receipt_no" | "fee_already_voided" | "fee_not_now" | "fee_already_charged" | "fee_not_found" | "applicant_only" | "staff_only" | "already_evaluated" | "unknown_reason" | "no_rectification" | "follow_up_first" | "follow_up_done" | "already_appealed" | "no_pending_appeal" | "supervisor_only" | "own_appeal" | "card_not_found" | "handover_required" | "handover_state" | "no_rating_invitation";

export type Lang = "zh-CN" | "en";

export type Settings = { lang: Lang, 
/**
 * Where the local cache lives, for IT staff.
 */
data_dir: string, };

export type LoginRequest = { username: string, password: string, };

export type Role = "clerk" | "chief_rep" | "supervisor" | "admin" | "applicant";

export type SessionUser = { user_id: string, username: string, name: string, role: Role, department_code: string, };

export type SessionState = { 
/**
 * Enrolled with the county: a login is required to act.
 */
enrolled: boolean, user: SessionUser | null, };

export type EnrollRequest = { 
/**
 * e.g. https://hub.county.gov.cn:8443
 */
hub_address: string, 
/**
 * The one-time token county IT printed for this window.
 */
token: string, 
/**
 * The county's own CA certificate (PEM), if its hub certificate is not publicly trusted.
 */
ca_pem: string | null, };

export type SyncStatus = { enrolled: boolean, hub_address: string | null, workstation_id: string | null, 
/**
 * `null` until the first attempt; `false` while the hub cannot be reached.
 */
online: boolean | null, 
/**
 * Actions waiting to reach the county.
 */
pending: number, 
/**
 * Actions the county refused (see the conflicts list).
 */
conflicts: number, 
/**
 * RFC 3339, last successful sync.
 */
last_sync_at: string | null, 
/**
 * The last attempt's error, if it failed.
 */
last_error: ApiError | null, 
/**
 * The hub asks for a newer version of this software; the outbox is kept meanwhile.
 */
needs_update: boolean, };

export type Conflict = { local_seq: number, 
/**
 * The refused action (`intake`, `accept`, …).
 */
action: string, case_id: string | null, case_no: string | null, 
/**
 * Stable code from the county (`case_changed`, `number_taken`, …).
 */
code: string, reason: string, done_at: string, refused_at: string, };

export type SetLanguageRequest = { lang: Lang, };

export type CatalogStatus = { 
/**
 * The version new cases use; `null` on first start, before any import.
 */
current: CatalogVersionInfo | null, 
/**
 * Every stored version, newest first (older ones stay for cases opened under them).
 */
versions: Array<CatalogVersionInfo>, };

export type CatalogVersionInfo = { version: string, region_code: string, region_name: string, imported_at: string, item_count: number, department_count: number, };

export type ImportCatalogRequest = { 
/**
 * The `yichuang-catalog/1` file's text.
 */
text: string, };

export type ImportCatalogResult = { version: string, item_count: number, 
/**
 * `false` when this exact version was already loaded and nothing changed.
 */
changed: boolean, };

export type DepartmentInfo = { code: string, name: string, };

export type SearchItemsRequest = { 
/**
 * Part of the item's name, or the start of its code; empty lists everything.
 */
query: string, department: string | null, };

export type ItemSummary = { code: string, name: string, department_code: string, department_name: string, kind: ItemKind, statutory_days: number, promised_days: number, requires_chief_approval: boolean, fee_cents: number | null, };

export type ItemRequest = { code: string, };

export type ItemDetail = { catalog_version: string, department_name: string, item: ServiceItem, };

export type ServiceItem = { code: string, name: string, department: string, kind: ItemKind, 
/**
 * 法定时限, in working days.
 */
statutory_days: number, 
/**
 * 承诺时限, in working days; 0 for 即办件.
 */
promised_days: number, legal_basis: string, requires_chief_approval: boolean, materials: Array<Material>, situations: Array<Situation>, fee?: FeeStandard, special_procedures: Array<string>, joint_departments: Array<string>, };

export type ItemKind = "immediate" | "promised" | "joint";

export type Material = { code: string, name: string, form: MaterialForm, copies: number, required: boolean, note?: string, };

export type MaterialForm = "original" | "copy";

export type Situation = { code: string, name: string, materials: Array<Material>, };

export type FeeStandard = { name: string, 
/**
 * In fen (0.01 yuan), so money is never a float.
 */
amount_cents: number, basis: string, };

export type CalendarInfo = { version: string, years: Array<number>, 
/**
 * Today's date at the counter (China Standard Time).
 */
today: string, 
/**
 * Next year's official notice is loaded; until then deadlines reaching it are provisional.
 */
next_year_loaded: boolean, };

export type ImportCalendarRequest = { 
/**
 * The holidays-cn file's text.
 */
text: string, };

export type DueDateRequest = { item_code: string, };

export type DueDatePreview = { item_code: string, kind: ItemKind, accepted_on: string, 
/**
 * 即办件: today if received on a working day before closing, else the next working day.
 */
on_the_spot: DueDate | null, 
/**
 * 承诺时限 counted on the calendar (承诺件 and 联办件).
 */
promised: DueDate | null, 
/**
 * 法定时限 counted on the calendar, when the item has one.
 */
statutory: DueDate | null, };

export type DueDate = { date: string, working_days: number, 
/**
 * The computation crossed a year whose official calendar is not loaded yet.
 */
provisional: boolean, calendar_version: string, };

export type WorkstationProfile = { 
/**
 * Department code of the catalog (e.g. SCJG).
 */
department_code: string, 
/**
 * Window code in numbers (e.g. W03).
 */
window_code: string, 
/**
 * As printed on notices (e.g. 3号窗口).
 */
window_name: string, clerk_id: string, clerk_name: string, 
/**
 * Printed at the top of notices (e.g. 江永县政务服务中心).
 */
center_name: string, case_format: string, notice_format: string, 
/**
 * Yellow card when the promised date is this many working days away or less.
 */
yellow_within_days: number, };

export type WorkstationInfo = { workstation_id: string, region_code: string | null, profile: WorkstationProfile | null, 
/**
 * What a profile starts from (the county's default formats).
 */
defaults: WorkstationProfile, };

export type IntakeRequest = { 
/**
 * Made by the window when the form opens; the same key never makes two cases.
 */
action_key: string, item_code: string, applicant: ApplicantInput, agent: AgentInput | null, situations: Array<string>, };

export type CaseActionRequest = { action_key: string, case_id: string, command: CaseCommand, };

export type CaseRequest = { case_id: string, };

export type NoticeSummary = { number: string, kind: NoticeKind, issued_at: string, sha256: string, voided: NoticeVoid | null, 
/**
 * It may be voided now: not void yet, and, for a correction notice, not yet answered.
 */
can_void: boolean, };

export type DeadlineExplained = { clock: CaseClock, deadlines: Deadlines, pauses: Array<Pause>, };

export type CaseDetail = { 
/**
 * The case, with the applicant's ID number and phone masked.
 */
case: Case, timeline: Array<CaseEvent>, notices: Array<NoticeSummary>, deadline: DeadlineExplained | null, 
/**
 * While under review: the last day to issue the one-time notice.
 */
notice_deadline: string | null, card: Card | null, 
/**
 * What the state machine allows next (the window shows only these buttons).
 */
allowed: Array<Action>, };

export type QueueRequest = { state: CaseState | null, item_code: string | null, card: Card | null, 
/**
 * Case number, whole ID number or credit code, or the start of the applicant's name.
 */
search: string, include_closed: boolean, };

export type QueueItem = { id: string, case_no: string, state: CaseState, item_code: string, item_name: string, applicant_name: string, applicant_id_masked: string, received_at: string, due_date: string | null, 
/**
 * `true`: the due date is the promised one; `false`: the notice deadline under review.
 */
due_is_promised: boolean, statutory_due: string | null, card: Card | null, };

export type AuditStatus = { entries: number, intact: boolean, 
/**
 * Where the chain breaks, in words.
 */
problem: string | null, pending_mutations: number, };

export type NoticeRequest = { number: string, };

export type NoticeFile = { number: string, 
/**
 * Where the PDF is kept on this workstation.
 */
path: string, sha256: string, voided: boolean, };

export type SaveResult = { 
/**
 * `null` when the clerk cancelled the dialog.
 */
saved_to: string | null, };

export type InquiryOutcome = "answered" | "referred" | "case_opened";

export type InquiryRequest = { 
/**
 * Made by the window for this submission: a double-click logs once.
 */
action_key: string, 
/**
 * Who asked (name, or a description such as 王女士).
 */
person: string, question: string, item_code: string | null, outcome: InquiryOutcome, 
/**
 * Where the person was sent (e.g. 5号窗口 不动产登记).
 */
referred_to: string | null, case_id: string | null, };

export type RegisterRequest = { 
/**
 * `YYYY-MM-DD`, China Standard Time.
 */
day: string, 
/**
 * One clerk's entries only (their user id), or everyone's.
 */
clerk_id: string | null, };

export type RegisterClerk = { clerk_id: string, clerk_name: string, count: number, };

export type Register = { day: string, entries: Array<Inquiry>, 
/**
 * Who logged inquiries that day, with how many (for the clerk filter).
 */
clerks: Array<RegisterClerk>, };

export type Inquiry = { id: string, at: string, clerk_name: string, person: string, question: string, item_code: string | null, item_name: string | null, outcome: InquiryOutcome, referred_to: string | null, case_id: string | null, };

export type Alert = { id: number, at: string, case_id: string, card: Card, message: string, };

export type DismissAlertRequest = { id: number, };

export type FieldError = { 
/**
 * e.g. `applicant.id_number`, `agent.phone`.
 */
field: string, message: string, };

export type ApplicantInput = { "type": "person", name: string, id_number: string, phone: string, } | { "type": "organisation", name: string, credit_code: string, legal_representative: string, phone: string, };

export type AgentInput = { name: string, id_number: string, phone: string, };

export type Applicant = { "type": "person", name: string, id_number: string, phone: string, } | { "type": "organisation", name: string, credit_code: string, legal_representative: string, phone: string, };

export type Agent = { name: string, id_number: string, phone: string, };

export type Case = { id: string, case_no: string, 
/**
 * Bumped by every command: a compare-and-set guard for sync.
 */
version: number, state: CaseState, item: ItemRef, applicant: Applicant, agent: Agent | null, situations: Array<string>, checklist: Array<ChecklistLine>, received_at: string, office: Office, 
/**
 * The responsible clerk's user id.
 */
owner: string, notices: Array<NoticeRef>, pauses: Array<Pause>, clock: CaseClock | null, 
/**
 * The day the last correction came in (acceptance counts from it).
 */
materials_completed_on: string | null, closed_at: string | null, 
/**
 * Rejection or withdrawal reason.
 */
closing_reason: string | null, 
/**
 * The legal basis of a rejection.
 */
closing_basis: string | null, 
/**
 * Timeline lines so far (the next one gets `event_count + 1`).
 */
event_count: number, 
/**
 * The chief representative's decisions on this case, oldest first.
 */
approvals: Array<Approval>, 
/**
 * The decision it was completed with (办结).
 */
decision: Decision | null, 
/**
 * How the result reached the applicant (出件).
 */
result: ResultIssued | null, 
/**
 * The approval asked for and not yet decided.
 */
pending_approval: ApprovalRequest | null, 
/**
 * A chief representative's permission for the next correction notice to ask for
 * materials the first did not name; used up by that notice.
 */
granted_override: ChiefRepOverride | null, 
/**
 * AB岗: the backup clerk working this case for its owner, while a handover lasts.
 */
holder: Holder | null, 
/**
 * Bumped by every handover and return: the owner's writes from before it are fenced.
 */
owner_epoch: number, 
/**
 * Fees charged (voids are kept on the charge).
 */
fees: Array<FeeCharge>, 
/**
 * The applicant's ratings, oldest first (at most two: the second after rectification).
 */
evaluations: Array<Evaluation>, 
/**
 * What a bad rating opened.
 */
rectification: Rectification | null, 
/**
 * 电子监察: appeals of the case's cards and their rulings. Left out of the stored JSON
 * while empty, so cases without appeals keep their fingerprints across the upgrade.
 */
appeals?: Array<CardAppeal>, };

export type Approval = { approved: boolean, by_id: string, by: string, at: string, 
/**
 * The seal used (审批专用章), for an approval.
 */
seal: string | null, opinion: string | null, 
/**
 * What was approved or returned (an approval stored before subjects existed was of the
 * item's decision, to grant).
 */
subject: ApprovalSubject, 
/**
 * Why a given approval no longer holds (a special procedure came after it).
 */
cancelled: string | null, };

export type Decision = { "type": "granted" } | { "type": "denied", reason: string, legal_basis: string, };

export type ResultDelivery = { "type": "counter", collected_by: string, } | { "type": "post", tracking_no: string, };

export type ResultIssued = { delivery: ResultDelivery, at: string, by: string, };

export type CaseState = "consulted" | "received" | "reviewing" | "awaiting_correction" | "accepted" | "processing" | "suspended" | "awaiting_approval" | "awaiting_fee" | "completed" | "evaluated" | "rejected" | "withdrawn";

export type Action = "receive" | "start_review" | "request_correction" | "correction_received" | "reopen_review" | "accept" | "reject" | "withdraw" | "start_processing" | "suspend" | "resume" | "request_approval" | "approve" | "return_with_opinion" | "request_fee" | "record_payment" | "complete" | "evaluate";

export type CaseEvent = { 
/**
 * 1, 2, 3… within the case.
 */
seq: number, at: string, actor: string, actor_id: string, workstation: string, 
/**
 * Under an A/B handover, the clerk B acted for ("B on behalf of A").
 */
on_behalf_of: string | null, what: EventKind, from: CaseState | null, to: CaseState, 
/**
 * Reason, notice number, or what changed, in the words recorded.
 */
note: string | null, };

export type EventKind = { "transition": Action } | "checklist_updated" | "notice_issued" | "notice_voided" | "result_issued" | "approval_requested" | "approval_decided" | "handed_over" | "handed_back" | "fee_charged" | "fee_voided" | "evaluated" | "followed_up" | "rectified" | "card_appealed" | "appeal_ruled";

export type ItemRef = { code: string, name: string, department: string, kind: ItemKind, statutory_days: number, promised_days: number, legal_basis: string, requires_chief_approval: boolean, catalog_version: string, 
/**
 * The fee standard, if the item may be charged (DOMAIN.md rule 6).
 */
fee: FeeStandard | null, };

export type Office = { region_code: string, department_code: string, window_code: string, center_name: string, department_name: string, window_name: string, };

export type ChecklistLine = { code: string, name: string, form: MaterialForm, copies: number, required: boolean, 
/**
 * The situation that added this material; `None` for the item's own materials.
 */
situation: string | null, status: MaterialStatus, };

export type MaterialStatus = { "status": "pending" } | { "status": "received" } | { "status": "missing" } | { "status": "defective", reason: string, };

export type CaseCommand = { "type": "update_checklist", lines: Array<LineUpdate>, } | { "type": "issue_correction_notice" } | { "type": "correction_received" } | { "type": "accept" } | { "type": "reject", reason: string, legal_basis: string, } | { "type": "withdraw", reason: string, } | { "type": "complete_on_the_spot" } | { "type": "suspend", procedure: string, reason: string, legal_basis: string, } | { "type": "resume" } | { "type": "void_notice", number: string, reason: string, } | { "type": "request_approval", 
/**
 * Absent in requests queued before subjects existed: the decision, to grant.
 */
subject: ApprovalSubject, note: string, } | { "type": "approve", seal: string, opinion: string | null, } | { "type": "return_with_opinion", opinion: string, } | { "type": "complete", decision: Decision, } | { "type": "issue_result", delivery: ResultDelivery, } | { "type": "hand_over", handover_id: string, to_id: string, to_name: string, reason: string, } | { "type": "take_back" } | { "type": "charge_fee", fee: FeeInput, } | { "type": "void_fee", seq: number, reason: string, } | { "type": "evaluate", rating: Rating, reasons: Array<string>, comment: string | null, } | { "type": "follow_up", note: string, } | { "type": "rectify", note: string, } | { "type": "appeal_card", card: CardLevel, reason: string, } | { "type": "rule_appeal", card: CardLevel, uphold: boolean, note: string, } | { "type": "reissue_notice", kind: NoticeKind, reason: string | null, legal_basis: string | null, };

export type LineUpdate = { code: string, status: MaterialStatus, };

export type ChiefRepOverride = { chief_rep: string, reason: string, 
/**
 * The material codes the permission covers (empty on a notice issued before overrides
 * named them).
 */
materials: Array<string>, };

export type NoticeKind = "correction" | "acceptance" | "rejection" | "completion";

export type NoticeRef = { number: string, kind: NoticeKind, issued_at: string, sha256: string, 
/**
 * Material codes a correction notice asked for.
 */
requested: Array<string>, voided: NoticeVoid | null, };

export type NoticeVoid = { reason: string, at: string, by: string, };

export type Pause = { kind: PauseKind, 
/**
 * For a special procedure: which one (e.g. 现场核查).
 */
procedure: string | null, reason: string, legal_basis: string, start: string, 
/**
 * `None` while it lasts.
 */
end: string | null, };

export type PauseKind = "correction" | "special_procedure";

export type CaseClock = { start_event: StartEvent, start: string, promised_days: number, statutory_days: number, 
/**
 * Working days granted by the chief representative (none until approvals land).
 */
extension_days: number, 
/**
 * 即办件: due at the counter (end of `start`, or of the next working day).
 */
immediate: boolean, };

export type StartEvent = "accepted_on_receipt" | "materials_completed" | "deemed_accepted_on_receipt" | "accepted";

export type Deadlines = { promised: string, statutory: string | null, paused_days: number, provisional: boolean, calendar_version: string, };

export type Card = "yellow" | "red";

export type ApprovalSubject = { "type": "decision", decision: Decision, } | { "type": "extension", days: number, reason: string, } | { "type": "notice_override", reason: string, materials: Array<string>, };

export type ApprovalRequest = { subject: ApprovalSubject, note: string | null, by_id: string, by: string, at: string, };

export type Holder = { user_id: string, name: string, 
/**
 * The owner (A).
 */
for_id: string, for_name: string, 
/**
 * The window-wide handover this is part of (its sheet).
 */
handover_id: string, since: string, };

export type FeeInput = { adjustment: FeeAdjustment, method: PaymentMethod, 
/**
 * 非税收入缴款码: 20 digits (none for an exemption).
 */
payment_code: string, 
/**
 * 财政电子票据号: 8 to 12 digits (none for an exemption).
 */
receipt_no: string, };

export type FeeAdjustment = { "type": "standard" } | { "type": "reduced", amount_cents: number, reason: string, } | { "type": "exempt", reason: string, };

export type PaymentMethod = "cash" | "bank_card" | "scan";

export type FeeCharge = { 
/**
 * 1, 2, 3… within the case.
 */
seq: number, standard_name: string, standard_cents: number, charged_cents: number, adjustment: FeeAdjustment, method: PaymentMethod, payment_code: string | null, receipt_no: string | null, at: string, by_id: string, by: string, voided: FeeVoid | null, };

export type FeeVoid = { reason: string, at: string, by: string, };

export type CashLine = { charged_cents: number, 
/**
 * Refunded this day (of charges from this day or earlier).
 */
voided_cents: number, 
/**
 * charged − voided: negative on a day with more refunds than takings.
 */
collected_cents: number, 
/**
 * Charges made this day.
 */
count: number, };

export type Rating = "very_satisfied" | "satisfied" | "basic" | "dissatisfied" | "very_dissatisfied";

export type Evaluation = { rating: Rating, reasons: Array<string>, comment: string | null, at: string, 
/**
 * Where it was given (the applicant-facing screen's workstation).
 */
workstation: string, };

export type Rectification = { opened_at: string, 
/**
 * The follow-up call is due by the end of this day (1 working day).
 */
follow_up_due: string, 
/**
 * The rectification is due by the end of this day (15 working days).
 */
rectify_due: string, follow_up: TaskStep | null, rectified: TaskStep | null, };

export type TaskStep = { note: string, at: string, by: string, };

export type SheetLine = { case_id: string, case_no: string, item_name: string, applicant_name: string, state: CaseState, due_date: string | null, 
/**
 * What is pending: an approval, the result, a notice answer, a rectification.
 */
pending: string, };

export type Colleague = { user_id: string, username: string, name: string, };

export type HandoverInfo = { id: string, from_id: string, from_name: string, to_id: string, to_name: string, reason: string, expected_return: string | null, started_at: string, ended_at: string | null, handed: Array<SheetLine>, returned: Array<SheetLine> | null, };

export type HandoverOverview = { 
/**
 * The handover under way at this window, if any.
 */
active: HandoverInfo | null, 
/**
 * Who may take over (the department's other clerks and chief representatives).
 */
colleagues: Array<Colleague>, 
/**
 * What the logged-in clerk would hand over now.
 */
open_cases: Array<SheetLine>, history: Array<HandoverInfo>, };

export type StartHandoverRequest = { to_username: string, 
/**
 * B's own password: B confirms at A's window.
 */
to_password: string, 
/**
 * 请假 / 会议 / 下班 / …
 */
reason: string, expected_return: string | null, };

export type ReturnHandoverRequest = { 
/**
 * A's password: A confirms taking the window back.
 */
owner_password: string, };

export type HandoverSheetRequest = { handover_id: string, 
/**
 * The return sheet instead of the handover sheet.
 */
back: boolean, 
/**
 * Open it in the system viewer to print.
 */
print: boolean, };

export type DocumentFile = { path: string, };

export type CashReportRequest = { day: string, 
/**
 * Open the PDF in the system viewer to print (the on-screen figures are returned too).
 */
print: boolean, };

export type CashRow = { clerk_id: string, clerk: string, method: PaymentMethod, line: CashLine, };

export type CashEntry = { case_id: string, case_no: string, charge: FeeCharge, };

export type CashReportView = { day: string, window_name: string, rows: Array<CashRow>, 
/**
 * The window's totals per payment method.
 */
by_method: Array<[PaymentMethod, CashLine]>, total: CashLine, entries: Array<CashEntry>, 
/**
 * The PDF, when asked to print.
 */
file: DocumentFile | null, };

export type PendingApproval = { case_id: string, case_no: string, item_name: string, applicant_name: string, applicant_id_masked: string, state: CaseState, due_date: string | null, request: ApprovalRequest, };

export type LedgerExportRequest = { 
/**
 * "2026-11".
 */
month: string, };

export type LedgerExportResult = { 
/**
 * `null` when the save dialog was cancelled.
 */
saved_to: string | null, 
/**
 * Cases on the register.
 */
cases: number, };

export type ExportStage = "reading" | "computing" | "choosing" | "writing" | "saving";

export type ExportProgress = { stage: ExportStage, 
/**
 * 0–100, over the whole export.
 */
percent: number, };

export type DashboardRequest = { 
/**
 * "2026-11"; `null` for the counter's current month.
 */
month: string | null, };

export type DayFigure = { date: string, received: number, completed: number, };

export type RateFigure = { key: string, name: string, completed: number, completed_on_time: number, 
/**
 * 0–1; `null` when nothing was completed.
 */
on_time_rate: number | null, };

export type CardFigure = { yellow: number, red: number, follow_up_late: number, rectify_late: number, 
/**
 * Appeals waiting for a ruling.
 */
appealed: number, 
/**
 * Cancelled on appeal (not counted above).
 */
cancelled: number, };

export type RatingFigure = { rating: Rating, count: number, };

export type Dashboard = { 
/**
 * "2026-11".
 */
month: string, scope: string, 
/**
 * Every day of the month up to today (the whole month when it is past).
 */
days: Array<DayFigure>, departments: Array<RateFigure>, windows: Array<RateFigure>, cards: CardFigure, 
/**
 * Ratings given in the month, best level first.
 */
ratings: Array<RatingFigure>, 
/**
 * 0–1; `null` when nobody rated.
 */
satisfaction_rate: number | null, received: number, completed: number, on_time_rate: number | null, };

export type SupervisedCard = { case_id: string, case_no: string, item_name: string, window_code: string, window_name: string, 
/**
 * The responsible clerk (and the backup holding the case, if handed over).
 */
clerk: string, level: CardLevel, 
/**
 * RFC 3339.
 */
raised_at: string, due_date: string, status: CardStatus, appeal: CardAppeal | null, 
/**
 * Whether the case itself is still open.
 */
case_open: boolean, };

export type WindowCards = { window_code: string, window_name: string, yellow: number, red: number, 
/**
 * Late rectification tasks of bad ratings (follow-up call or rectification).
 */
rectification: number, 
/**
 * Appeals waiting for a ruling.
 */
appealed: number, };

export type SupervisionBoard = { department_name: string, cards: Array<SupervisedCard>, windows: Array<WindowCards>, 
/**
 * The logged-in user may appeal (a case-working role) / rule (a supervisor).
 */
can_appeal: boolean, can_rule: boolean, };

export type AppealCardRequest = { action_key: string, case_id: string, card: CardLevel, reason: string, };

export type RuleAppealRequest = { action_key: string, case_id: string, card: CardLevel, 
/**
 * `true` upholds the card, `false` cancels it.
 */
uphold: boolean, note: string, 
/**
 * The supervisor's own password, confirmed at each ruling.
 */
password: string, };

export type CardLevel = "yellow" | "red" | "follow_up_late" | "rectify_late";

export type CardStatus = "standing" | "appealed" | "upheld" | "cancelled";

export type CardAppeal = { card: CardLevel, reason: string, by_id: string, by: string, at: string, ruling: AppealRuling | null, };

export type AppealRuling = { 
/**
 * `true`: the card stands; `false`: it is cancelled and leaves the ledger's counts.
 */
upheld: boolean, note: string, by_id: string, by: string, at: string, };

export type RatingPrompt = { case_id: string, case_no: string, item_name: string, 
/**
 * The applicant's name, masked (the screen faces the hall).
 */
applicant: string, window_name: string, clerk: string, 
/**
 * Reason codes and their labels.
 */
reasons: Array<[string, string]>, };

export type RatingSubmitRequest = { action_key: string, case_id: string, rating: Rating, reasons: Array<string>, comment: string | null, };

/** Every command of the workstation, one typed function each. */
export const api = {
  settingsGet: (): Promise<Settings> => call("settings_get", null),
  settingsSetLanguage: (req: SetLanguageRequest): Promise<Settings> => call("settings_set_language", req),
  catalogStatus: (): Promise<CatalogStatus> => call("catalog_status", null),
  catalogImport: (req: ImportCatalogRequest): Promise<ImportCatalogResult> => call("catalog_import", req),
  catalogLoadDemo: (): Promise<ImportCatalogResult> => call("catalog_load_demo", null),
  catalogDepartments: (): Promise<Array<DepartmentInfo>> => call("catalog_departments", null),
  catalogSearch: (req: SearchItemsRequest): Promise<Array<ItemSummary>> => call("catalog_search", req),
  catalogItem: (req: ItemRequest): Promise<ItemDetail> => call("catalog_item", req),
  calendarInfo: (): Promise<CalendarInfo> => call("calendar_info", null),
  calendarImportYear: (req: ImportCalendarRequest): Promise<CalendarInfo> => call("calendar_import_year", req),
  calendarDueDate: (req: DueDateRequest): Promise<DueDatePreview> => call("calendar_due_date", req),
  workstationGet: (): Promise<WorkstationInfo> => call("workstation_get", null),
  workstationSet: (req: WorkstationProfile): Promise<WorkstationInfo> => call("workstation_set", req),
  caseIntake: (req: IntakeRequest): Promise<CaseDetail> => call("case_intake", req),
  caseAct: (req: CaseActionRequest): Promise<CaseDetail> => call("case_act", req),
  caseGet: (req: CaseRequest): Promise<CaseDetail> => call("case_get", req),
  caseQueue: (req: QueueRequest): Promise<Array<QueueItem>> => call("case_queue", req),
  auditStatus: (): Promise<AuditStatus> => call("audit_status", null),
  noticePdf: (req: NoticeRequest): Promise<NoticeFile> => call("notice_pdf", req),
  noticePrint: (req: NoticeRequest): Promise<NoticeFile> => call("notice_print", req),
  noticeSave: (req: NoticeRequest): Promise<SaveResult> => call("notice_save", req),
  inquiryLog: (req: InquiryRequest): Promise<Inquiry> => call("inquiry_log", req),
  inquiryToday: (): Promise<Array<Inquiry>> => call("inquiry_today", null),
  inquiryRegister: (req: RegisterRequest): Promise<Register> => call("inquiry_register", req),
  alertsList: (): Promise<Array<Alert>> => call("alerts_list", null),
  alertsDismiss: (req: DismissAlertRequest): Promise<Array<Alert>> => call("alerts_dismiss", req),
  sessionCurrent: (): Promise<SessionState> => call("session_current", null),
  sessionLogin: (req: LoginRequest): Promise<SessionState> => call("session_login", req),
  sessionLogout: (): Promise<SessionState> => call("session_logout", null),
  syncStatus: (): Promise<SyncStatus> => call("sync_status", null),
  syncNow: (): Promise<SyncStatus> => call("sync_now", null),
  syncEnroll: (req: EnrollRequest): Promise<SyncStatus> => call("sync_enroll", req),
  syncConflicts: (): Promise<Array<Conflict>> => call("sync_conflicts", null),
  approvalsPending: (): Promise<Array<PendingApproval>> => call("approvals_pending", null),
  ledgerExport: (req: LedgerExportRequest): Promise<LedgerExportResult> => call("ledger_export", req),
  ledgerProgress: (): Promise<ExportProgress | null> => call("ledger_progress", null),
  dashboard: (req: DashboardRequest): Promise<Dashboard> => call("dashboard", req),
  supervisionBoard: (): Promise<SupervisionBoard> => call("supervision_board", null),
  supervisionAppeal: (req: AppealCardRequest): Promise<SupervisionBoard> => call("supervision_appeal", req),
  supervisionRule: (req: RuleAppealRequest): Promise<SupervisionBoard> => call("supervision_rule", req),
  sessionEndShift: (): Promise<SessionState> => call("session_end_shift", null),
  handoverOverview: (): Promise<HandoverOverview> => call("handover_overview", null),
  handoverStart: (req: StartHandoverRequest): Promise<HandoverInfo> => call("handover_start", req),
  handoverReturn: (req: ReturnHandoverRequest): Promise<HandoverInfo> => call("handover_return", req),
  handoverSheet: (req: HandoverSheetRequest): Promise<DocumentFile> => call("handover_sheet", req),
  cashReport: (req: CashReportRequest): Promise<CashReportView> => call("cash_report", req),
  ratingInvite: (req: CaseRequest): Promise<RatingPrompt> => call("rating_invite", req),
  ratingCancel: (): Promise<RatingPrompt | null> => call("rating_cancel", null),
  ratingPrompt: (): Promise<RatingPrompt | null> => call("rating_prompt", null),
  ratingSubmit: (req: RatingSubmitRequest): Promise<RatingPrompt | null> => call("rating_submit", req),
} as const;
