// Language switch (简体中文 / English); the choice is persisted by the backend.
import { App, Card, Radio } from "antd";
import { useState } from "react";
import type { Lang } from "../../lib/ipc";
import { useI18n } from "../../lib/i18n";

export function LanguageCard() {
  const { lang, setLang, t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const change = async (next: Lang) => {
    setBusy(true);
    try {
      await setLang(next);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t("settings.language")} size="small">
      <div data-testid="settings-lang">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={lang}
          disabled={busy}
          onChange={(e) => void change(e.target.value as Lang)}
        >
          <Radio.Button value="zh-CN">
            <span data-testid="settings-lang-zh-CN">{t("settings.langZh")}</span>
          </Radio.Button>
          <Radio.Button value="en">
            <span data-testid="settings-lang-en">{t("settings.langEn")}</span>
          </Radio.Button>
        </Radio.Group>
      </div>
    </Card>
  );
}
