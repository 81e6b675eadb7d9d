// The chief representative's approvals on the case (审批记录): the request waiting for a
// decision, if any (what is asked, by whom, when), then every decision, oldest first: 同意 or
// 退回, what it was about, who decided and when (China time), the seal and the opinion, and
// 已撤销 when a later special procedure cancelled it; and a granted notice override not yet
// used by a notice.
import { Alert, Card, Tag, Timeline, Typography } from "antd";
import type { Case } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { formatChinaTime } from "../../lib/format/time";
import { subjectText } from "./approvalSubject";

type Props = { case: Pick<Case, "approvals" | "pending_approval" | "granted_override"> };

export function ApprovalsCard({ case: c }: Props) {
  const t = useT();
  const { approvals, pending_approval: pending, granted_override: granted } = c;
  if (approvals.length === 0 && !pending && !granted) return null;
  return (
    <Card size="small" title={t("approval.title")} data-testid="case-approvals">
      {pending && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="approval-pending"
          message={t("approval.pending", { subject: subjectText(pending.subject, t) })}
          description={
            <>
              {t("approval.requestedBy", { by: pending.by, at: formatChinaTime(pending.at) })}
              {pending.note && <div style={{ whiteSpace: "pre-wrap" }}>{t("approval.note", { note: pending.note })}</div>}
            </>
          }
        />
      )}
      {granted && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="approval-granted-override"
          message={t("approval.grantedOverride", { by: granted.chief_rep, reason: granted.reason })}
        />
      )}
      <Timeline
        items={approvals.map((a, i) => ({
          key: i,
          color: a.cancelled ? "gray" : a.approved ? "green" : "orange",
          children: (
            <div data-testid={`approval-${i}`}>
              <Tag color={a.approved ? "green" : "orange"} bordered={false}>
                {t(a.approved ? "approval.approved" : "approval.returned")}
              </Tag>
              {a.cancelled && (
                <Tag color="default" data-testid={`approval-cancelled-${i}`}>
                  {t("approval.cancelled", { why: a.cancelled })}
                </Tag>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("approval.line", { at: formatChinaTime(a.at), by: a.by })}
              </Typography.Text>
              <div data-testid={`approval-subject-${i}`}>{subjectText(a.subject, t)}</div>
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
