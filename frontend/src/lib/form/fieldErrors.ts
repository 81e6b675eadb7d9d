// Puts the backend's per-field messages (`ApiError.fields`) on the form's own fields, so the
// clerk sees each problem where it is. Field paths are dotted (`applicant.id_number`) and the
// forms use the same nested names.
import type { FormInstance } from "antd";
import type { FieldError } from "../ipc";

/**
 * Shows each message on its field when the form has that field (`known`); returns the
 * messages no field could show, for a general alert.
 */
export function showFieldErrors(
  form: FormInstance,
  fields: readonly FieldError[],
  known: readonly string[],
): FieldError[] {
  const byField = new Map<string, string[]>();
  const leftover: FieldError[] = [];
  for (const f of fields) {
    if (known.includes(f.field)) {
      byField.set(f.field, [...(byField.get(f.field) ?? []), f.message]);
    } else {
      leftover.push(f);
    }
  }
  form.setFields(
    [...byField].map(([field, errors]) => ({ name: field.split("."), errors })),
  );
  return leftover;
}

/** Test id of a form item, from its dotted field path (`applicant.id_number` → `…-applicant-id_number`). */
export function fieldTestId(prefix: string, field: string): string {
  return `${prefix}-${field.replace(/\./g, "-")}`;
}
