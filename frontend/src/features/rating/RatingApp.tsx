// The rating window's root (`index.html#/rating`): the rating screen alone, in Simplified
// Chinese for the applicant, without the counter's providers — the backend refuses this
// window every command but reading the invitation and submitting the rating, so nothing
// (settings, session, catalog) is read here.
import { App as AntApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import { useMemo } from "react";
import { I18nContext, type I18nValue } from "../../lib/i18n/context";
import { translator } from "../../lib/i18n";
import { RatingScreen } from "./RatingScreen";

/** The hash the shell opens the rating window with. */
export const RATING_HASH = "#/rating";

export function RatingApp() {
  const value = useMemo<I18nValue>(
    () => ({ lang: "zh-CN", t: translator("zh-CN"), settings: null, settingsError: null, setLang: async () => {} }),
    [],
  );
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: "#1f5fae", fontSize: 16 } }}>
        <AntApp>
          <RatingScreen />
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
