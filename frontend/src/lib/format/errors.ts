// Maps an IPC error code to its alert title. A Record over every code: a new backend code
// fails the typecheck until it has a title in both languages.
import type { IpcErrorCode } from "../ipc";
import type { MessageKey } from "../i18n";

const TITLES: Record<IpcErrorCode, MessageKey> = {
  catalog_invalid: "error.catalog_invalid",
  catalog_version_conflict: "error.catalog_version_conflict",
  catalog_older_than_current: "error.catalog_older_than_current",
  catalog_not_loaded: "error.catalog_not_loaded",
  item_not_found: "error.item_not_found",
  calendar_invalid: "error.calendar_invalid",
  storage_failed: "error.storage_failed",
  workstation_not_configured: "error.workstation_not_configured",
  number_format_invalid: "error.number_format_invalid",
  invalid_input: "error.invalid_input",
  case_not_found: "error.case_not_found",
  case_changed: "error.case_changed",
  document_failed: "error.document_failed",
  desktop_failed: "error.desktop_failed",
  action_key_reused: "error.action_key_reused",
  illegal_transition: "error.illegal_transition",
  invalid_applicant: "error.invalid_applicant",
  unknown_situation: "error.unknown_situation",
  unknown_material: "error.unknown_material",
  materials_unreviewed: "error.materials_unreviewed",
  checklist_incomplete: "error.checklist_incomplete",
  nothing_to_correct: "error.nothing_to_correct",
  defect_needs_reason: "error.defect_needs_reason",
  one_time_rule: "error.one_time_rule",
  override_incomplete: "error.override_incomplete",
  notice_window_passed: "error.notice_window_passed",
  not_immediate: "error.not_immediate",
  reason_required: "error.reason_required",
  legal_basis_required: "error.legal_basis_required",
  notice_not_found: "error.notice_not_found",
  notice_already_void: "error.notice_already_void",
  notice_still_valid: "error.notice_still_valid",
  notice_answered: "error.notice_answered",
  login_required: "error.login_required",
  login_failed: "error.login_failed",
  login_locked: "error.login_locked",
  not_enrolled: "error.not_enrolled",
  already_enrolled: "error.already_enrolled",
  enrollment_needs_empty_cache: "error.enrollment_needs_empty_cache",
  enrollment_refused: "error.enrollment_refused",
  hub_address_invalid: "error.hub_address_invalid",
  hub_offline: "error.hub_offline",
  hub_certificate_untrusted: "error.hub_certificate_untrusted",
  not_permitted: "error.not_permitted",
  hub_refused: "error.hub_refused",
  client_too_old: "error.client_too_old",
  secret_store_failed: "error.secret_store_failed",
  ipc_failed: "error.ipc_failed",
};

export function errorTitleKey(code: IpcErrorCode): MessageKey {
  return TITLES[code];
}
