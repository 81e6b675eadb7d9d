// Puts the backend's per-field messages (`ApiError.fields`) on the form's own fields, so the
// clerk sees each problem where it is. Field paths are dotted (`applicant.id_number`) and the
// forms use the same nested names.
import type { FormInstance } from "antd";
import type { FieldError } from "../ipc";

/**
 * Shows each message on its field when the form has that field (`known`); returns the
 * messages no field could show, for a general alert. Every known field's earlier error is
 * cleared first, so a field corrected since the last attempt no longer shows one.
 */
export function showFieldErrors(
  form: FormInstance,
  fields: readonly FieldError[],
  known: readonly string[],
): FieldError[] {
  const byField = new Map<string, string[]>(known.map((k) => [k, []]));
  const leftover: FieldError[] = [];
  for (const f of fields) {
    const shown = byField.get(f.field);
    if (shown) {
      shown.push(f.message);
    } else {
      leftover.push(f);
    }
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: field.split("."), errors })));
  return leftover;
}

/** Clears the errors of the `known` fields (after a success, or before a new attempt). */
export function clearFieldErrors(form: FormInstance, known: readonly string[]): void {
  form.setFields(known.map((field) => ({ name: field.split("."), errors: [] })));
}

/** The dotted paths of the leaves of a nested `onValuesChange` object. */
export function changedPaths(changed: unknown, prefix = ""): string[] {
  if (changed === null || typeof changed !== "object" || Array.isArray(changed)) {
    return prefix ? [prefix] : [];
  }
  const proto = Object.getPrototypeOf(changed) as unknown;
  if (proto !== Object.prototype && proto !== null) return prefix ? [prefix] : [];
  return Object.entries(changed as Record<string, unknown>).flatMap(([k, v]) =>
    changedPaths(v, prefix ? `${prefix}.${k}` : k),
  );
}

/**
 * For a form's `onValuesChange`: a field the clerk edits loses the backend's error at once
 * (its own rules still run as usual).
 */
export function clearEditedFieldErrors(form: FormInstance, changed: unknown): void {
  const paths = changedPaths(changed);
  const stale = paths.filter((p) => form.getFieldError(p.split(".")).length > 0);
  if (stale.length > 0) clearFieldErrors(form, stale);
}

/** Test id of a form item, from its dotted field path (`applicant.id_number` → `…-applicant-id_number`). */
export function fieldTestId(prefix: string, field: string): string {
  return `${prefix}-${field.replace(/\./g, "-")}`;
}
