// The case's notices: kind, number, issue time, voided (with reason). 打印 hands the PDF to
// the system viewer and then shows where the file is; 另存为 asks where to copy it; 作废 voids
// a wrong one with a reason (its number stays used); 重新出具 replaces a voided acceptance,
// rejection or completion (办结通知书) notice when no valid one of that kind is left (a
// completion notice only while the case has its decision, from which it is made again).
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api, toIpcError, type CaseDetail, type IpcError, type NoticeKind, type NoticeSummary } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { noticeKindLabel } from "../../lib/format/caseLabels";
import { formatLocalTime } from "../../lib/format/time";
import { newActionKey } from "../../lib/form/actionKey";
import { ActionModal } from "./ActionModal";
import type { CaseActor } from "./useCaseDetail";

type Props = {
  detail: CaseDetail;
  act: CaseActor;
  onError: (error: IpcError | null) => void;
};

/**
 * The voided notices that may be reissued: the latest voided one of a kind with no valid one.
 * A completion notice is made from the case's decision, so only with one (`hasDecision`).
 */
export function reissuable(notices: readonly NoticeSummary[], hasDecision = false): Set<string> {
  const out = new Set<string>();
  const kinds: NoticeKind[] = hasDecision ? ["acceptance", "rejection", "completion"] : ["acceptance", "rejection"];
  for (const kind of kinds) {
    const ofKind = notices.filter((n) => n.kind === kind);
    if (ofKind.length === 0 || ofKind.some((n) => n.voided === null)) continue;
    const last = ofKind[ofKind.length - 1];
    if (last) out.add(last.number);
  }
  return out;
}

export function NoticesCard({ detail, act, onError }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [paths, setPaths] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [voiding, setVoiding] = useState<string | null>(null);
  /** Why printing did not open a viewer (with where the PDF is): stays until closed. */
  const [printWarning, setPrintWarning] = useState<string | null>(null);
  const canReissue = reissuable(detail.notices, detail.case.decision !== null);

  const run = async (id: string, task: () => Promise<void>) => {
    if (busy) return;
    setBusy(id);
    onError(null);
    try {
      await task();
    } catch (e) {
      onError(toIpcError("notice", e));
    } finally {
      setBusy(null);
    }
  };

  const print = (number: string) =>
    run(`print-${number}`, async () => {
      try {
        const file = await api.noticePrint({ number });
        setPaths((p) => ({ ...p, [number]: file.path }));
      } catch (e) {
        const err = toIpcError("notice_print", e);
        if (err.code !== "desktop_failed") throw err;
        // No system viewer: the PDF is still made; say where it is so it can be printed by hand.
        const file = await api.noticePdf({ number });
        setPaths((p) => ({ ...p, [number]: file.path }));
        setPrintWarning(err.message);
      }
    });

  const save = (number: string) =>
    run(`save-${number}`, async () => {
      const result = await api.noticeSave({ number });
      if (result.saved_to) void message.success(t("notice.savedTo", { path: result.saved_to }));
    });

  const [reissuingRefusal, setReissuingRefusal] = useState(false);

  const reissue = (n: NoticeSummary) => {
    // A refusal is reissued with its reason and legal basis, which the clerk may correct.
    if (n.kind === "rejection") {
      setReissuingRefusal(true);
      return;
    }
    return run(`reissue-${n.number}`, async () => {
      await act(
        { type: "reissue_notice", kind: n.kind, reason: null, legal_basis: null },
        newActionKey(),
      );
    });
  };

  const columns: ColumnsType<NoticeSummary> = [
    { title: t("notice.kind"), width: 150, render: (_, n) => noticeKindLabel(n.kind, t) },
    {
      title: t("notice.number"),
      render: (_, n) => (
        <Space direction="vertical" size={0}>
          <Typography.Text data-testid={`notice-number-${n.number}`}>{n.number}</Typography.Text>
          {paths[n.number] && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable>
              <span data-testid={`notice-path-${n.number}`}>{paths[n.number]}</span>
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t("notice.issuedAt"), width: 150, render: (_, n) => formatLocalTime(n.issued_at) },
    {
      title: t("notice.status"),
      width: 200,
      render: (_, n) =>
        n.voided ? (
          <span data-testid={`notice-voided-${n.number}`}>
            <Tag color="default">{t("notice.voided")}</Tag>
            {n.voided.reason}
          </span>
        ) : (
          <Tag color="green">{t("notice.valid")}</Tag>
        ),
    },
    {
      title: "",
      width: 300,
      render: (_, n) => (
        <Space size={4} wrap>
          <Button
            size="small"
            loading={busy === `print-${n.number}`}
            data-testid={`notice-print-${n.number}`}
            onClick={() => void print(n.number)}
          >
            {t("notice.print")}
          </Button>
          <Button
            size="small"
            loading={busy === `save-${n.number}`}
            data-testid={`notice-save-${n.number}`}
            onClick={() => void save(n.number)}
          >
            {t("notice.save")}
          </Button>
          {n.can_void && (
            <Button
              size="small"
              danger
              data-testid={`notice-void-${n.number}`}
              onClick={() => setVoiding(n.number)}
            >
              {t("notice.void")}
            </Button>
          )}
          {canReissue.has(n.number) && (
            <Button
              size="small"
              type="primary"
              loading={busy === `reissue-${n.number}`}
              data-testid={`notice-reissue-${n.number}`}
              onClick={() => void reissue(n)}
            >
              {t("notice.reissue")}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={t("notice.title")} data-testid="case-notices">
      {printWarning && (
        <Alert
          type="warning"
          showIcon
          closable
          style={{ marginBottom: 12 }}
          data-testid="notice-print-warning"
          message={t("notice.printFailed")}
          description={<div style={{ whiteSpace: "pre-wrap" }}>{printWarning}</div>}
          onClose={() => setPrintWarning(null)}
        />
      )}
      <Table<NoticeSummary>
        rowKey="number"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={detail.notices}
        locale={{ emptyText: t("notice.none") }}
      />
      {reissuingRefusal && (
        <ActionModal
          title={t("caseAction.reject")}
          fields={[
            { name: "reason", label: "caseModal.reason", multiline: true },
            { name: "legal_basis", label: "caseModal.legalBasis" },
          ]}
          initialValues={{
            reason: detail.case.closing_reason ?? "",
            legal_basis: detail.case.closing_basis ?? "",
          }}
          danger
          onClose={() => setReissuingRefusal(false)}
          onSubmit={async (v, key) => {
            await act(
              {
                type: "reissue_notice",
                kind: "rejection",
                reason: v.reason ?? "",
                legal_basis: v.legal_basis ?? "",
              },
              key,
            );
            onError(null);
          }}
        />
      )}
      {voiding && (
        <ActionModal
          title={t("notice.voidTitle", { number: voiding })}
          fields={[{ name: "reason", label: "caseModal.reason", multiline: true }]}
          danger
          onClose={() => setVoiding(null)}
          onSubmit={async (v, key) => {
            await act({ type: "void_notice", number: voiding, reason: v.reason ?? "" }, key);
            onError(null);
          }}
        />
      )}
    </Card>
  );
}
