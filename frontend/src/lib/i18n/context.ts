// The i18n React context: current language, translator, and the backend settings it came from.
import { createContext } from "react";
import type { IpcError, Lang, Settings } from "../ipc";
import { translator, type Translate } from "./translate";

export type I18nValue = {
  lang: Lang;
  t: Translate;
  /** Backend settings (language, data directory); `null` until loaded. */
  settings: Settings | null;
  settingsError: IpcError | null;
  /** Persists the language through the backend, then switches the UI. */
  setLang: (lang: Lang) => Promise<void>;
};

export const I18nContext = createContext<I18nValue>({
  lang: "zh-CN",
  t: translator("zh-CN"),
  settings: null,
  settingsError: null,
  setLang: async () => {},
});
