// Root providers: i18n (language from backend settings) and antd ConfigProvider with matching locale.
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { I18nProvider, useI18n } from "../lib/i18n";
import { WorkstationProvider } from "../features/workstation/WorkstationProvider";
import { Shell } from "./Shell";

const FONT_STACK =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

function Themed() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === "en" ? enUS : zhCN}
      theme={{ token: { fontFamily: FONT_STACK, colorPrimary: "#1f5fae" } }}
    >
      <AntApp>
        <WorkstationProvider>
          <Shell />
        </WorkstationProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
