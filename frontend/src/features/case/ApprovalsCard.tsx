// The chief representative's decisions on the case (审批记录), oldest first: 同意 or 退回, who
// decided and when (China time), the seal used and the opinion.
import { Card, Tag, Timeline, Typography } from "antd";
import type { Approval } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { formatChinaTime } from "../../lib/format/time";

export function ApprovalsCard({ approvals }: { approvals: readonly Approval[] }) {
  const t = useT();
  if (approvals.length === 0) return null;
  return (
    <Card size="small" title={t("approval.title")} data-testid="case-approvals">
      <Timeline
        items={approvals.map((a, i) => ({
          key: i,
          color: a.approved ? "green" : "orange",
          children: (
            <div data-testid={`approval-${i}`}>
              <Tag color={a.approved ? "green" : "orange"} bordered={false}>
                {t(a.approved ? "approval.approved" : "approval.returned")}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("approval.line", { at: formatChinaTime(a.at), by: a.by })}
              </Typography.Text>
              {a.seal && <div>{t("approval.seal", { seal: a.seal })}</div>}
              {a.opinion && (
                <div style={{ whiteSpace: "pre-wrap" }}>{t("approval.opinion", { opinion: a.opinion })}</div>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
