// Loads the language from the backend settings and provides `t` to the tree.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, toIpcError, type IpcError, type Lang, type Settings } from "../ipc";
import { I18nContext, type I18nValue } from "./context";
import { translator } from "./translate";

export function I18nProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [settingsError, setSettingsError] = useState<IpcError | null>(null);

  useEffect(() => {
    let live = true;
    api.settingsGet().then(
      (s) => {
        if (live) setSettings(s);
      },
      (e: unknown) => {
        if (live) setSettingsError(toIpcError("settings_get", e));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const setLang = useCallback(async (lang: Lang) => {
    const next = await api.settingsSetLanguage({ lang });
    setSettings(next);
    setSettingsError(null);
  }, []);

  const lang: Lang = settings?.lang ?? "zh-CN";

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18nValue>(
    () => ({ lang, t: translator(lang), settings, settingsError, setLang }),
    [lang, settings, settingsError, setLang],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
