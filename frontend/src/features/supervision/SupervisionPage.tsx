// 电子监察: this department's cards held on this computer (yellow and red cards of the
// deadlines, late follow-up calls and rectifications of bad ratings), the tally per window,
// and each card's appeal. A clerk appeals a card once, with a reason (申诉); a supervisor of
// the center upholds or cancels it, with a note (裁定). Both go through the case's one write
// path and answer with the whole board, which replaces the one shown. The whole center's
// board is the county's (`yichuang-hub supervision`).
import { Alert, App, Button, Select, Space, Switch, Typography } from "antd";
import { useState } from "react";
import { api, type SupervisedCard } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { cardLevelLabel } from "../../lib/format/caseLabels";
import { errorTitleKey } from "../../lib/format/errors";
import { formatChinaTime } from "../../lib/format/time";
import { ActionModal, type ModalField } from "../case/ActionModal";
import { doneMessageKey } from "../case/actionFeedback";
import { NotConfiguredAlert } from "../workstation/NotConfiguredAlert";
import { CardsTable, WindowsTable, chinaDay, windowName } from "./SupervisionTables";
import { useSupervisionBoard } from "./useSupervisionBoard";

type Props = {
  onOpenCase: (caseId: string) => void;
  onGoSettings: () => void;
};

/** The appeal's one field; its textarea is `appeal-reason`. */
const APPEAL_FIELDS: readonly ModalField[] = [
  { name: "reason", label: "supervision.appealReason", multiline: true, testId: "appeal-reason" },
];

/** The ruling: uphold or cancel (radios `rule-verdict-uphold` / `-cancel`), and why (`rule-note`). */
const RULE_FIELDS: readonly ModalField[] = [
  {
    name: "verdict",
    label: "supervision.verdict",
    testId: "rule-verdict",
    choices: [
      { value: "uphold", label: "supervision.uphold" },
      { value: "cancel", label: "supervision.cancel" },
    ],
  },
  { name: "note", label: "supervision.note", multiline: true, testId: "rule-note" },
  // Confirmed at each ruling: the supervisor may be at a clerk's PC.
  { name: "password", label: "supervision.password", secret: true, testId: "rule-password" },
];

type Acting = { card: SupervisedCard; kind: "appeal" | "rule" };

export function SupervisionPage({ onOpenCase, onGoSettings }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [reloads, setReloads] = useState(0);
  const { board, loading, error, replace } = useSupervisionBoard(reloads);
  const [windowFilter, setWindowFilter] = useState<string | null>(null);
  const [appealedOnly, setAppealedOnly] = useState(false);
  const [acting, setActing] = useState<Acting | null>(null);

  if (error?.code === "workstation_not_configured") {
    return (
      <div data-testid="supervision-page">
        <NotConfiguredAlert onGoSettings={onGoSettings} />
      </div>
    );
  }

  const cards = board?.cards ?? [];
  const shown = cards.filter(
    (c) => (windowFilter === null || c.window_code === windowFilter) && (!appealedOnly || c.status === "appealed"),
  );

  // Each sends its request and shows the board it answers with; a refusal is thrown back to
  // the modal, which shows it and keeps the action key for a retry.
  const appeal = (card: SupervisedCard) => async (values: Record<string, string>, actionKey: string) => {
    const reason = (values.reason ?? "").trim();
    replace(await api.supervisionAppeal({ action_key: actionKey, case_id: card.case_id, card: card.level, reason }));
    void message.success(t(doneMessageKey({ type: "appeal_card", card: card.level, reason })));
  };
  const rule = (card: SupervisedCard) => async (values: Record<string, string>, actionKey: string) => {
    const uphold = values.verdict === "uphold";
    const note = (values.note ?? "").trim();
    const password = values.password ?? "";
    replace(
      await api.supervisionRule({
        action_key: actionKey,
        case_id: card.case_id,
        card: card.level,
        uphold,
        note,
        password,
      }),
    );
    void message.success(t(doneMessageKey({ type: "rule_appeal", card: card.level, uphold, note })));
  };

  const cardIntro = (c: SupervisedCard) => (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="supervision-modal-card"
      message={t("supervision.cardIntro", {
        item: c.item_name,
        window: windowName(c),
        clerk: c.clerk,
        raised: chinaDay(c.raised_at),
        due: c.due_date,
      })}
      description={
        c.appeal
          ? t("supervision.appealLine", { reason: c.appeal.reason, by: c.appeal.by, at: formatChinaTime(c.appeal.at) })
          : undefined
      }
    />
  );

  return (
    <div data-testid="supervision-page">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("supervision.title")}
          {board && (
            <Typography.Text type="secondary" data-testid="supervision-department">
              {" · "}
              {board.department_name}
            </Typography.Text>
          )}
        </Typography.Title>
        <Button onClick={() => setReloads((n) => n + 1)} data-testid="supervision-refresh">
          {t("queue.refresh")}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" data-testid="supervision-intro">
        {t("supervision.intro")}
        <br />
        {t("supervision.rules")}
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="supervision-error"
          message={t(errorTitleKey(error.code))}
          description={<div style={{ whiteSpace: "pre-wrap" }}>{error.message}</div>}
        />
      )}
      {board && board.windows.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{t("supervision.byWindow")}</Typography.Title>
          <WindowsTable rows={board.windows} />
        </div>
      )}
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("supervision.cards")}
        </Typography.Title>
        {cards.length > 0 && (
          <Space wrap>
            <Select<string>
              data-testid="supervision-window-filter"
              style={{ width: 180 }}
              allowClear
              placeholder={t("supervision.allWindows")}
              value={windowFilter ?? undefined}
              onChange={(v) => setWindowFilter(v ?? null)}
              options={(board?.windows ?? []).map((w) => ({ value: w.window_code, label: windowName(w) }))}
            />
            <Space size={6}>
              <Switch
                size="small"
                checked={appealedOnly}
                onChange={setAppealedOnly}
                data-testid="supervision-appealed-only"
              />
              <Typography.Text>{t("supervision.appealedOnly")}</Typography.Text>
            </Space>
          </Space>
        )}
      </Space>
      <CardsTable
        rows={shown}
        loading={loading && board === null}
        filtered={cards.length > 0}
        onOpenCase={onOpenCase}
        onAppeal={board?.can_appeal ? (card) => setActing({ card, kind: "appeal" }) : undefined}
        onRule={board?.can_rule ? (card) => setActing({ card, kind: "rule" }) : undefined}
      />
      {acting?.kind === "appeal" && (
        <ActionModal
          title={t("supervision.appealTitle", {
            card: cardLevelLabel(acting.card.level, t),
            caseNo: acting.card.case_no,
          })}
          intro={cardIntro(acting.card)}
          fields={APPEAL_FIELDS}
          okText={t("supervision.appeal")}
          onClose={() => setActing(null)}
          onSubmit={appeal(acting.card)}
        />
      )}
      {acting?.kind === "rule" && (
        <ActionModal
          title={t("supervision.ruleTitle", {
            card: cardLevelLabel(acting.card.level, t),
            caseNo: acting.card.case_no,
          })}
          intro={cardIntro(acting.card)}
          fields={RULE_FIELDS}
          okText={t("supervision.rule")}
          onClose={() => setActing(null)}
          onSubmit={rule(acting.card)}
        />
      )}
    </div>
  );
}
