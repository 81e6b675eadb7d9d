// Placeholder for pages that are not built yet; says so plainly.
import { Result } from "antd";
import { useT, type MessageKey } from "../lib/i18n";
import type { UnbuiltNavKey } from "./nav";

const TEXT: Record<UnbuiltNavKey, MessageKey> = {
  ledger: "todo.ledger",
};

export function UnderConstruction({ page }: { page: UnbuiltNavKey }) {
  const t = useT();
  return (
    <div data-testid="under-construction">
      <Result status="info" title={t("todo.title")} subTitle={t(TEXT[page])} />
    </div>
  );
}
