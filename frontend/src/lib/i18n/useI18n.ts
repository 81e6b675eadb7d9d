// Hooks to read the current language and translator.
import { useContext } from "react";
import { I18nContext, type I18nValue } from "./context";
import type { Translate } from "./translate";

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

/** The translator: `t("key", { param })`. */
export function useT(): Translate {
  return useContext(I18nContext).t;
}
