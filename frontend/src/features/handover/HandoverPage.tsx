// AB岗交接 (DOMAIN.md rule 5): a window never stops and no case is orphaned. With a handover
// under way the page shows it (with 交回 and 打印交接单); otherwise the form that hands the
// window and every open case to the backup clerk. Starting or returning changes who is logged
// in (B, then A again), so the session is read again after each. Past handovers below.
import { Alert, App, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { toIpcError, type HandoverInfo, type IpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { errorTitleKey } from "../../lib/format/errors";
import { useSession } from "../session/context";
import { ActiveHandover } from "./ActiveHandover";
import { HandoverForm } from "./HandoverForm";
import { HandoverHistory } from "./HandoverHistory";
import { printSheet } from "./printSheet";
import { useHandoverOverview } from "./useHandoverOverview";

type Props = { onOpenCase: (caseId: string) => void };

export function HandoverPage({ onOpenCase }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const session = useSession();
  const [reloads, setReloads] = useState(0);
  const { overview, loading, error } = useHandoverOverview(reloads);
  const [printing, setPrinting] = useState<string | null>(null);
  const [printed, setPrinted] = useState<{ path: string; warning: string | null } | null>(null);
  const [printError, setPrintError] = useState<IpcError | null>(null);

  const after = async (done: string) => {
    // The window changed hands: whoever is logged in now is shown in the header.
    await session.refresh();
    setReloads((n) => n + 1);
    void message.success(done);
  };
  const started = (info: HandoverInfo) => after(t("handover.started", { to: info.to_name }));
  const returned = (info: HandoverInfo) => after(t("handover.returned", { from: info.from_name }));

  const print = (handoverId: string, back: boolean) => {
    if (printing) return;
    setPrinting(handoverId);
    setPrintError(null);
    printSheet(handoverId, back)
      .then(setPrinted, (e: unknown) => setPrintError(toIpcError("handover_sheet", e)))
      .finally(() => setPrinting(null));
  };

  const failure = error ?? printError;
  return (
    <div data-testid="handover-page">
      <Typography.Title level={3}>{t("handover.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("handover.hint")}</Typography.Paragraph>
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="handover-load-error"
          message={t(errorTitleKey(failure.code))}
          description={<div style={{ whiteSpace: "pre-wrap" }}>{failure.message}</div>}
        />
      )}
      {printed && (
        <Alert
          type={printed.warning ? "warning" : "success"}
          showIcon
          closable
          style={{ marginBottom: 12 }}
          data-testid="handover-printed"
          message={printed.warning ? t("notice.printFailed") : t("handover.printed")}
          description={
            <Typography.Text copyable={{ text: printed.path }}>
              {printed.warning ? `${printed.warning}\n${printed.path}` : printed.path}
            </Typography.Text>
          }
          onClose={() => setPrinted(null)}
        />
      )}
      {!overview && loading && <Spin style={{ display: "block", marginTop: 60 }} />}
      {overview && (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          {overview.active ? (
            <ActiveHandover
              info={overview.active}
              onReturned={returned}
              onPrint={print}
              printing={printing === overview.active.id}
              onOpenCase={onOpenCase}
            />
          ) : (
            <HandoverForm overview={overview} onStarted={started} onOpenCase={onOpenCase} />
          )}
          <HandoverHistory history={overview.history} onPrint={print} />
        </Space>
      )}
    </div>
  );
}
