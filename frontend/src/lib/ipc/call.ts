// The single IPC entry point: the only place in the frontend that calls Tauri's `invoke`.
// Every rejection is turned into an `IpcError` whose `code` the UI can branch on.
import { invoke } from "@tauri-apps/api/core";
import type { ApiError, ErrorCode, FieldError } from "./bindings";

/** Backend error codes, plus `ipc_failed` when the call itself broke (no `ApiError` came back). */
export type IpcErrorCode = ErrorCode | "ipc_failed";

/** Every backend code, checked against `ErrorCode` at compile time (missing or extra keys fail). */
const KNOWN_CODES: Record<ErrorCode, true> = {
  catalog_invalid: true,
  catalog_version_conflict: true,
  catalog_older_than_current: true,
  catalog_not_loaded: true,
  item_not_found: true,
  calendar_invalid: true,
  storage_failed: true,
  workstation_not_configured: true,
  number_format_invalid: true,
  invalid_input: true,
  case_not_found: true,
  case_changed: true,
  document_failed: true,
  desktop_failed: true,
  action_key_reused: true,
  login_required: true,
  login_failed: true,
  login_locked: true,
  not_enrolled: true,
  already_enrolled: true,
  enrollment_needs_empty_cache: true,
  enrollment_refused: true,
  hub_address_invalid: true,
  hub_offline: true,
  hub_certificate_untrusted: true,
  not_permitted: true,
  hub_refused: true,
  client_too_old: true,
  secret_store_failed: true,
  illegal_transition: true,
  invalid_applicant: true,
  unknown_situation: true,
  unknown_material: true,
  materials_unreviewed: true,
  checklist_incomplete: true,
  nothing_to_correct: true,
  defect_needs_reason: true,
  one_time_rule: true,
  notice_window_passed: true,
  not_immediate: true,
  reason_required: true,
  legal_basis_required: true,
  notice_not_found: true,
  notice_already_void: true,
  notice_still_valid: true,
  notice_answered: true,
  chief_rep_only: true,
  seal_required: true,
  opinion_required: true,
  approval_not_required: true,
  approval_required: true,
  result_already_issued: true,
  not_completed: true,
  delivery_incomplete: true,
  approval_pending: true,
  approval_mismatch: true,
  extension_not_allowed: true,
  extension_days: true,
  extension_already_granted: true,
  handed_over: true,
  not_owner: true,
  not_handed_over: true,
  backup_required: true,
  nothing_to_hand_over: true,
  fee_no_standard: true,
  fee_bad_reduction: true,
  fee_reason_required: true,
  fee_bad_payment_code: true,
  fee_bad_receipt_no: true,
  fee_already_voided: true,
  fee_not_now: true,
  fee_already_charged: true,
  fee_not_found: true,
  applicant_only: true,
  staff_only: true,
  already_evaluated: true,
  unknown_reason: true,
  no_rectification: true,
  follow_up_first: true,
  follow_up_done: true,
  already_appealed: true,
  no_pending_appeal: true,
  supervisor_only: true,
  own_appeal: true,
  card_not_found: true,
  handover_required: true,
  handover_state: true,
  no_rating_invitation: true,
};

export class IpcError extends Error {
  /** Stable, language-neutral code; branch on this, never on `message`. */
  readonly code: IpcErrorCode;
  /** The command that failed, for logs. */
  readonly command: string;
  /** Per-field problems (e.g. `applicant.id_number`) for forms to show on the field. */
  readonly fields: FieldError[];

  constructor(
    code: IpcErrorCode,
    message: string,
    command: string,
    cause?: unknown,
    fields: FieldError[] = [],
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "IpcError";
    this.code = code;
    this.command = command;
    this.fields = fields;
  }
}

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(KNOWN_CODES, code);
}

/** `fields` is checked loosely: an older backend may omit it, and a bad entry is dropped. */
function isApiError(value: unknown): value is Omit<ApiError, "fields"> & { fields?: unknown } {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return isKnownCode(v.code) && typeof v.message === "string";
}

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (f): f is FieldError =>
      typeof f === "object" &&
      f !== null &&
      typeof (f as Record<string, unknown>).field === "string" &&
      typeof (f as Record<string, unknown>).message === "string",
  );
}

/** Converts whatever `invoke` rejected with into an `IpcError`. */
export function toIpcError(command: string, reason: unknown): IpcError {
  if (reason instanceof IpcError) return reason;
  if (isApiError(reason)) {
    return new IpcError(reason.code, reason.message, command, undefined, fieldErrors(reason.fields));
  }
  let message: string;
  if (typeof reason === "string") {
    message = reason;
  } else if (reason instanceof Error) {
    message = reason.message;
  } else if (
    typeof reason === "object" &&
    reason !== null &&
    typeof (reason as { message?: unknown }).message === "string"
  ) {
    message = (reason as { message: string }).message;
  } else {
    message = `IPC call "${command}" failed`;
  }
  return new IpcError("ipc_failed", message, command, reason);
}

type ErrorListener = (error: IpcError) => void;
const listeners = new Set<ErrorListener>();

/**
 * Hears every failed command before its caller does (e.g. the session provider brings back
 * the login screen on `login_required`). Returns the unsubscribe function.
 */
export function onIpcError(listener: ErrorListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

type SuccessListener = (command: string) => void;
const successListeners = new Set<SuccessListener>();

/**
 * Hears every command that succeeded (e.g. the sync badge re-reads its count after a case
 * action queued something for the county). Returns the unsubscribe function.
 */
export function onIpcSuccess(listener: SuccessListener): () => void {
  successListeners.add(listener);
  return () => {
    successListeners.delete(listener);
  };
}

/** Calls a backend command with its request as the `req` argument. */
export async function call<T>(command: string, req: unknown): Promise<T> {
  try {
    const result = await invoke<T>(command, { req });
    for (const listener of [...successListeners]) {
      try {
        listener(command);
      } catch {
        // A listener's failure must not turn a success into an error.
      }
    }
    return result;
  } catch (reason) {
    const error = toIpcError(command, reason);
    for (const listener of [...listeners]) {
      try {
        listener(error);
      } catch {
        // A listener's own failure must not replace the command's error.
      }
    }
    throw error;
  }
}
