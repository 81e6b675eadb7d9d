// Display labels for catalog enums (item kind, material form, required) and time limits.
import type { ItemKind, MaterialForm } from "../ipc";
import type { MessageKey, Translate } from "../i18n";

const KIND_KEYS: Record<ItemKind, MessageKey> = {
  immediate: "kind.immediate",
  promised: "kind.promised",
  joint: "kind.joint",
};

export const KIND_COLORS: Record<ItemKind, string> = {
  immediate: "green",
  promised: "blue",
  joint: "purple",
};

const FORM_KEYS: Record<MaterialForm, MessageKey> = {
  original: "form.original",
  copy: "form.copy",
};

/** 即办件 / 承诺件 / 联办件. */
export function kindLabel(kind: ItemKind, t: Translate): string {
  return t(KIND_KEYS[kind]);
}

/** 原件 / 复印件. */
export function formLabel(form: MaterialForm, t: Translate): string {
  return t(FORM_KEYS[form]);
}

/** 必交 / 选交. */
export function requiredLabel(required: boolean, t: Translate): string {
  return t(required ? "required.yes" : "required.no");
}

/** "承诺 10 / 法定 20 个工作日"; 即办件 (promised 0) read "即办 / 法定 15 个工作日". */
export function limitsText(promisedDays: number, statutoryDays: number, t: Translate): string {
  if (statutoryDays > 0) {
    return promisedDays > 0
      ? t("limits.both", { promised: promisedDays, statutory: statutoryDays })
      : t("limits.immediate", { statutory: statutoryDays });
  }
  return promisedDays > 0
    ? t("limits.promisedOnly", { promised: promisedDays })
    : t("limits.immediateOnly");
}
