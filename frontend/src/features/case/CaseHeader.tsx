// The case page header: number, state, card, who holds it under an A/B handover (由 B 代 A
// 办理), item, applicant (masked by the backend), agent,
// when it was received and, once issued, how the result reached the applicant (出件).
import { Descriptions, Space, Tag, Typography } from "antd";
import type { Applicant, CaseDetail, ResultIssued } from "../../lib/ipc";
import { useT, type Translate } from "../../lib/i18n";
import { CARD_COLORS, cardLabel, stateLabel, STATE_COLORS } from "../../lib/format/caseLabels";
import { kindLabel } from "../../lib/format/labels";
import { formatLocalTime } from "../../lib/format/time";

function applicantId(a: Applicant): string {
  return a.type === "person" ? a.id_number : a.credit_code;
}

/** 窗口领取 王小明 · 2026-03-05 15:00 · 经办 李娜, or 邮寄 EMS… the same way. */
export function resultLine(r: ResultIssued, t: Translate): string {
  const how =
    r.delivery.type === "counter"
      ? t("case.resultCounter", { name: r.delivery.collected_by })
      : t("case.resultPost", { trackingNo: r.delivery.tracking_no });
  return t("case.resultLine", { how, at: formatLocalTime(r.at), by: r.by });
}

export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const c = detail.case;
  return (
    <div data-testid="case-header">
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-no">
          {c.case_no}
        </Typography.Title>
        <Tag color={STATE_COLORS[c.state]} data-testid="case-state">
          {stateLabel(c.state, t)}
        </Tag>
        {detail.card && (
          <Tag color={CARD_COLORS[detail.card]} data-testid="case-card">
            {cardLabel(detail.card, t)}
          </Tag>
        )}
        {c.holder && (
          <Tag color="purple" data-testid="case-holder">
            {t("case.holder", { name: c.holder.name, forName: c.holder.for_name })}
          </Tag>
        )}
      </Space>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t("case.item")} span={2}>
          <span data-testid="case-item">
            {c.item.name}（{c.item.code}） · {kindLabel(c.item.kind, t)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t("case.receivedAt")}>{formatLocalTime(c.received_at)}</Descriptions.Item>
        <Descriptions.Item label={t("case.applicant")} span={2}>
          <span data-testid="case-applicant">
            {c.applicant.name} {applicantId(c.applicant)}
            {c.applicant.type === "organisation" &&
              ` · ${t("intake.legalRep")} ${c.applicant.legal_representative}`}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t("intake.phone")}>{c.applicant.phone}</Descriptions.Item>
        {c.agent && (
          <Descriptions.Item label={t("case.agent")} span={3}>
            {c.agent.name} {c.agent.id_number} {c.agent.phone}
          </Descriptions.Item>
        )}
        {c.closing_reason && (
          <Descriptions.Item label={t("case.closingReason")} span={3}>
            {c.closing_reason}
            {c.closing_basis && `（${c.closing_basis}）`}
          </Descriptions.Item>
        )}
        {c.result && (
          <Descriptions.Item label={t("case.result")} span={3}>
            <span data-testid="case-result">{resultLine(c.result, t)}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </div>
  );
}
