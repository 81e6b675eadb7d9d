// The handover under way at this window: from A to B, why, since when and until when A
// expects to be back, the sheet of cases handed over; 打印交接单, and 交回 — A, back at the
// window, confirms with A's own password, every case still held goes back to A and the
// window is A's again.
import { Alert, Button, Card, Descriptions, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { api, toIpcError, type HandoverInfo, type IpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { errorTitleKey } from "../../lib/format/errors";
import { SheetTable } from "./SheetTable";

type Props = {
  info: HandoverInfo;
  onReturned: (info: HandoverInfo) => Promise<void>;
  onPrint: (handoverId: string, back: boolean) => void;
  printing: boolean;
  onOpenCase: (caseId: string) => void;
};

export function ActiveHandover({ info, onReturned, onPrint, printing, onOpenCase }: Props) {
  const t = useT();
  const [returning, setReturning] = useState(false);
  return (
    <Card
      size="small"
      title={t("handover.activeTitle")}
      data-testid="handover-active"
      extra={
        <Space>
          <Button loading={printing} data-testid="handover-print" onClick={() => onPrint(info.id, false)}>
            {t("handover.printSheet")}
          </Button>
          <Button type="primary" data-testid="handover-return" onClick={() => setReturning(true)}>
            {t("handover.return")}
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t("handover.fromTo")} span={2}>
          <Typography.Text strong data-testid="handover-active-parties">
            {t("handover.fromToLine", { from: info.from_name, to: info.to_name })}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("handover.reason")}>
          <span data-testid="handover-active-reason">{info.reason}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("handover.since")}>{info.started_at}</Descriptions.Item>
        <Descriptions.Item label={t("handover.expectedReturn")} span={2}>
          {info.expected_return ?? t("detail.none")}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{t("handover.activeHint", { from: info.from_name, to: info.to_name })}</Typography.Paragraph>
      <SheetTable lines={info.handed} testId="handover-active-sheet" onOpenCase={onOpenCase} />
      {returning && (
        <ReturnModal info={info} onClose={() => setReturning(false)} onReturned={onReturned} />
      )}
    </Card>
  );
}

function ReturnModal({
  info,
  onClose,
  onReturned,
}: {
  info: HandoverInfo;
  onClose: () => void;
  onReturned: (info: HandoverInfo) => Promise<void>;
}) {
  const t = useT();
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const submit = async () => {
    if (busy || password === "") return;
    setBusy(true);
    setFailure(null);
    try {
      const back = await api.handoverReturn({ owner_password: password });
      onClose();
      await onReturned(back);
    } catch (e) {
      setFailure(toIpcError("handover_return", e));
      setPassword("");
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t("handover.returnTitle", { from: info.from_name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t("handover.return")}
      cancelText={t("modal.cancel")}
      confirmLoading={busy}
      okButtonProps={{ disabled: password === "", ...({ "data-testid": "handover-return-ok" } as object) }}
      maskClosable={false}
    >
      <div data-testid="handover-return-modal">
        <Typography.Paragraph>{t("handover.returnHint", { from: info.from_name })}</Typography.Paragraph>
        {failure && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="handover-return-error"
            message={t(errorTitleKey(failure.code))}
            description={failure.message}
          />
        )}
        <Input.Password
          data-testid="handover-owner-password"
          placeholder={t("handover.ownerPassword", { from: info.from_name })}
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          onPressEnter={() => void submit()}
        />
      </div>
    </Modal>
  );
}
