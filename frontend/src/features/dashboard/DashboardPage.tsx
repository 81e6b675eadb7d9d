// 数据看板: a month's figures for this department's cases held on this computer, from the same
// computation as the monthly ledger — received, completed, the on-time and satisfaction rates,
// and four charts (per day, on-time per department and window, cards, ratings). The month is
// a plain text input (`YYYY-MM`, the counter's by default), like the ledger's: antd's pickers
// cannot start under freezePrototype. The charts are plain SVG (no chart library).
import { Alert, Button, Card, Col, Empty, Form, Input, Row, Spin, Statistic, Typography } from "antd";
import { useState } from "react";
import type { Dashboard } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { errorTitleKey } from "../../lib/format/errors";
import { useCounterToday } from "../inquiry/useRegister";
import { isMonth } from "../ledger/useLedgerExport";
import { NotConfiguredAlert } from "../workstation/NotConfiguredAlert";
import { CardsChart, DaysChart, OnTimeChart, RatingsChart } from "./DashboardCharts";
import { formatRate } from "./format";
import { useDashboard } from "./useDashboard";

type Props = { onGoSettings: () => void };

/** Nothing happened in the month: no case in or out, no card, no rating. */
export function isEmptyMonth(d: Dashboard): boolean {
  const c = d.cards;
  return (
    d.received === 0 &&
    d.completed === 0 &&
    d.days.every((day) => day.received === 0 && day.completed === 0) &&
    c.yellow + c.red + c.follow_up_late + c.rectify_late + c.appealed + c.cancelled === 0 &&
    d.ratings.every((r) => r.count === 0)
  );
}

export function DashboardPage({ onGoSettings }: Props) {
  const t = useT();
  const today = useCounterToday();
  // `null` until the clerk types: the month follows the counter's today.
  const [typed, setTyped] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const month = (typed ?? (today === null ? "" : today.slice(0, 7))).trim();
  const valid = isMonth(month);
  const showInvalid = typed !== null && month !== "" && !valid;
  const { dashboard, loading, error } = useDashboard(valid ? month : null, reloads);

  if (error?.code === "workstation_not_configured") {
    return (
      <div data-testid="dashboard-page">
        <NotConfiguredAlert onGoSettings={onGoSettings} />
      </div>
    );
  }

  return (
    <div data-testid="dashboard-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("dashboard.title")}
        {dashboard && (
          <Typography.Text type="secondary" data-testid="dashboard-scope">
            {" · "}
            {dashboard.scope}
          </Typography.Text>
        )}
      </Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="dashboard-intro">
        {t("dashboard.intro")}
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" component="div" style={{ rowGap: 12 }}>
          <Form.Item
            label={t("ledger.month")}
            validateStatus={showInvalid ? "error" : undefined}
            help={
              showInvalid ? (
                <span data-testid="dashboard-month-invalid">{t("ledger.monthInvalid")}</span>
              ) : undefined
            }
          >
            <Input
              data-testid="dashboard-month"
              style={{ width: 140 }}
              inputMode="numeric"
              maxLength={7}
              placeholder={t("ledger.monthPlaceholder")}
              value={typed ?? month}
              onChange={(e) => setTyped(e.target.value)}
            />
          </Form.Item>
          <Form.Item>
            <Button data-testid="dashboard-refresh" disabled={!valid} onClick={() => setReloads((n) => n + 1)}>
              {t("queue.refresh")}
            </Button>
          </Form.Item>
          {loading && dashboard !== null && <Spin size="small" />}
        </Form>
      </Card>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="dashboard-error"
          message={t(errorTitleKey(error.code))}
          description={<div style={{ whiteSpace: "pre-wrap" }}>{error.message}</div>}
        />
      )}
      {loading && dashboard === null && <Spin style={{ display: "block", marginTop: 40 }} />}
      {dashboard && !error && valid && <Figures dashboard={dashboard} />}
    </div>
  );
}

function Figures({ dashboard: d }: { dashboard: Dashboard }) {
  const t = useT();
  const headline = (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={12} md={6}>
        <Card size="small" data-testid="dashboard-received">
          <Statistic title={t("dashboard.received")} value={d.received} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small" data-testid="dashboard-completed">
          <Statistic title={t("dashboard.completed")} value={d.completed} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small" data-testid="dashboard-on-time">
          <Statistic title={t("dashboard.onTime")} value={formatRate(d.on_time_rate)} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small" data-testid="dashboard-satisfaction">
          <Statistic title={t("dashboard.satisfaction")} value={formatRate(d.satisfaction_rate)} />
        </Card>
      </Col>
    </Row>
  );
  if (isEmptyMonth(d)) {
    return (
      <>
        {headline}
        <Empty
          style={{ marginTop: 32 }}
          description={<span data-testid="dashboard-empty">{t("dashboard.empty", { month: d.month })}</span>}
        />
      </>
    );
  }
  return (
    <>
      {headline}
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <DaysChart month={d.month} days={d.days} />
        </Col>
        <Col span={24}>
          <OnTimeChart departments={d.departments} windows={d.windows} />
        </Col>
        <Col xs={24} lg={12}>
          <CardsChart cards={d.cards} />
        </Col>
        <Col xs={24} lg={12}>
          <RatingsChart ratings={d.ratings} satisfaction={d.satisfaction_rate} />
        </Col>
      </Row>
    </>
  );
}
