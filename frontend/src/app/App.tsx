// Root providers: i18n (language from backend settings), antd ConfigProvider with matching locale,
// the session (login screen on an enrolled PC), this window's profile, and sync status.
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { I18nProvider, useI18n } from "../lib/i18n";
import { useSession } from "../features/session/context";
import { SessionGate } from "../features/session/SessionGate";
import { SessionProvider } from "../features/session/SessionProvider";
import { SyncProvider } from "../features/sync/SyncProvider";
import { WorkstationProvider } from "../features/workstation/WorkstationProvider";
import { Shell } from "./Shell";

const FONT_STACK =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

/** The shell, with the sync status read only on a PC enrolled with the county. */
function Synced() {
  const { enrolled } = useSession();
  return (
    <SyncProvider enabled={enrolled}>
      <Shell />
    </SyncProvider>
  );
}

function Themed() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === "en" ? enUS : zhCN}
      theme={{ token: { fontFamily: FONT_STACK, colorPrimary: "#1f5fae" } }}
    >
      <AntApp>
        <SessionProvider>
          <WorkstationProvider>
            <SessionGate>
              <Synced />
            </SessionGate>
          </WorkstationProvider>
        </SessionProvider>
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
