// Public face of the i18n module.
export { I18nProvider } from "./I18nProvider";
export { useI18n, useT } from "./useI18n";
export { translator, interpolate, dictionaries } from "./translate";
export type { MessageKey, MessageParams, Translate } from "./translate";
