// "Why is this case due on that day?": start event and date, promised and statutory limits and
// due dates, paused working days with each pause, extension, calendar version, provisional.
// Before acceptance there is no clock yet; under review the notice deadline (告知期限) shows.
import { Card, Descriptions, Table, Tag, Tooltip, Typography } from "antd";
import type { CaseDetail, Pause } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { pauseKindLabel, startEventLabel } from "../../lib/format/caseLabels";

export function DeadlineCard({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const dl = detail.deadline;
  // A 即办件 is completed at the counter: no notice deadline to keep.
  const immediate = detail.case.item.kind === "immediate";
  const noticeDeadline = immediate ? null : detail.notice_deadline;
  // Once a one-time notice was issued, "deemed accepted if none is issued" no longer applies.
  const correctionIssued = detail.notices.some((n) => n.kind === "correction");
  return (
    <Card size="small" title={t("deadline.title")} data-testid="case-deadline">
      {noticeDeadline && (
        <Typography.Paragraph data-testid="case-notice-deadline">
          {t("deadline.noticeDeadline")}{" "}
          <Typography.Text strong>{noticeDeadline}</Typography.Text>
          {!correctionIssued && (
            <Typography.Text type="secondary"> {t("deadline.noticeDeadlineHint")}</Typography.Text>
          )}
        </Typography.Paragraph>
      )}
      {!dl && immediate && detail.case.state === "reviewing" && (
        <Typography.Paragraph data-testid="case-on-the-spot">{t("deadline.onTheSpotHint")}</Typography.Paragraph>
      )}
      {!dl && !noticeDeadline && !(immediate && detail.case.state === "reviewing") && (
        <Typography.Text type="secondary">{t("deadline.none")}</Typography.Text>
      )}
      {dl && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t("deadline.startEvent")}>
              <span data-testid="case-start-event">{startEventLabel(dl.clock.start_event, t)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("deadline.start")}>{dl.clock.start}</Descriptions.Item>
            <Descriptions.Item label={t("deadline.promised")}>
              {dl.clock.immediate
                ? t("deadline.immediate")
                : t("limits.days", { days: dl.clock.promised_days })}
            </Descriptions.Item>
            <Descriptions.Item label={t("deadline.promisedDue")}>
              <Typography.Text strong data-testid="case-due-promised">
                {dl.deadlines.promised}
              </Typography.Text>
              {dl.deadlines.provisional && (
                <Tooltip title={t("due.provisionalHint")}>
                  <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="case-due-provisional">
                    {t("due.provisional")}
                  </Tag>
                </Tooltip>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("deadline.statutory")}>
              {dl.clock.statutory_days > 0
                ? t("limits.days", { days: dl.clock.statutory_days })
                : t("detail.none")}
            </Descriptions.Item>
            <Descriptions.Item label={t("deadline.statutoryDue")}>
              <span data-testid="case-due-statutory">{dl.deadlines.statutory ?? t("detail.none")}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("deadline.pausedDays")}>
              <span data-testid="case-paused-days">{t("limits.days", { days: dl.deadlines.paused_days })}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("deadline.extension")}>
              {t("limits.days", { days: dl.clock.extension_days })}
            </Descriptions.Item>
            <Descriptions.Item label={t("deadline.calendar")} span={2}>
              <Typography.Text type="secondary">{dl.deadlines.calendar_version}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {dl.pauses.length > 0 && <PauseTable pauses={dl.pauses} />}
        </>
      )}
    </Card>
  );
}

function PauseTable({ pauses }: { pauses: Pause[] }) {
  const t = useT();
  return (
    <Table<Pause>
      style={{ marginTop: 12 }}
      data-testid="case-pauses"
      size="small"
      pagination={false}
      rowKey={(p) => `${p.kind}-${p.start}-${p.procedure ?? ""}`}
      dataSource={pauses}
      columns={[
        { title: t("deadline.pauseKind"), width: 120, render: (_, p) => pauseKindLabel(p.kind, t) },
        { title: t("caseModal.procedure"), width: 100, render: (_, p) => p.procedure ?? "" },
        { title: t("caseModal.reason"), dataIndex: "reason" },
        { title: t("caseModal.legalBasis"), dataIndex: "legal_basis" },
        {
          title: t("deadline.pausePeriod"),
          width: 210,
          render: (_, p) => `${p.start} – ${p.end ?? t("deadline.ongoing")}`,
        },
      ]}
    />
  );
}
