// 好差评 on the case page (DOMAIN.md rule 8). The applicant rates on the applicant-facing
// screen, never here: this card only invites them (请申请人评价 opens that screen with this
// case) or withdraws the invitation, and shows the ratings given (level, reasons, comment,
// time). A bad rating's rectification task is worked here: the follow-up call (记录回访,
// within 1 working day) and then the rectification (记录整改, within 15); after it the
// applicant may be invited to rate once more. While an invitation is out, the case is read
// again every few seconds, so the rating shows as soon as it is given.
import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { api, toIpcError, type Case, type IpcError, type TaskStep } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { RATING_COLORS, isBadRating, ratingLabel, reasonLabel } from "../../lib/format/serviceLabels";
import { formatLocalTime } from "../../lib/format/time";
import { ActionModal } from "./ActionModal";
import type { CaseActor } from "./useCaseDetail";

/** How often the case is read again while the applicant is invited to rate. */
const POLL_MS = 3000;

/** The applicant may be invited: completed and not rated, or rated once and rectified since. */
export function rateable(c: Pick<Case, "state" | "evaluations" | "rectification">): boolean {
  if (c.state === "completed") return c.evaluations.length === 0;
  if (c.state === "evaluated") return c.evaluations.length === 1 && !!c.rectification?.rectified;
  return false;
}

type Props = {
  case: Case;
  act: CaseActor;
  onReload: () => Promise<void>;
  onError: (error: IpcError | null) => void;
};

export function RatingCard({ case: c, act, onReload, onError }: Props) {
  const t = useT();
  const { message } = App.useApp();
  /** The number of ratings when the invitation went out; a new one ends the wait. */
  const [invitedAt, setInvitedAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<"follow_up" | "rectify" | null>(null);
  const waiting = invitedAt !== null && c.evaluations.length === invitedAt && rateable(c);

  useEffect(() => {
    if (!waiting) return;
    const id = setInterval(() => void onReload().catch(() => {}), POLL_MS);
    return () => clearInterval(id);
  }, [waiting, onReload]);

  if (!rateable(c) && c.evaluations.length === 0 && !c.rectification) return null;

  const run = async (task: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    onError(null);
    try {
      await task();
    } catch (e) {
      onError(toIpcError("rating", e));
    } finally {
      setBusy(false);
    }
  };
  const invite = () =>
    run(async () => {
      await api.ratingInvite({ case_id: c.id });
      setInvitedAt(c.evaluations.length);
      void message.success(t("rate.invited"));
    });
  const cancel = () =>
    run(async () => {
      await api.ratingCancel();
      setInvitedAt(null);
    });

  const task = c.rectification;
  return (
    <Card size="small" title={t("rate.title")} data-testid="case-rating">
      {rateable(c) && (
        <Space wrap style={{ marginBottom: 12 }}>
          {waiting ? (
            <>
              <Tag color="processing" data-testid="case-rating-waiting">
                {t("rate.waiting")}
              </Tag>
              <Button loading={busy} data-testid="case-rating-cancel" onClick={() => void cancel()}>
                {t("rate.cancel")}
              </Button>
            </>
          ) : (
            <Button type="primary" loading={busy} data-testid="case-rating-invite" onClick={() => void invite()}>
              {t("rate.invite")}
            </Button>
          )}
          <Typography.Text type="secondary">{t("rate.inviteHint")}</Typography.Text>
        </Space>
      )}
      {c.evaluations.map((e, i) => (
        <div key={i} data-testid={`case-rating-${i}`} style={{ marginBottom: 8 }}>
          <Tag color={RATING_COLORS[e.rating]}>{ratingLabel(e.rating, t)}</Tag>
          {isBadRating(e.rating) && <Tag color="red">{t("rate.bad")}</Tag>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatLocalTime(e.at)}
          </Typography.Text>
          {e.reasons.length > 0 && <div>{t("rate.reasons", { reasons: e.reasons.map((r) => reasonLabel(r, t)).join("、") })}</div>}
          {e.comment && <div style={{ whiteSpace: "pre-wrap" }}>{t("rate.comment", { comment: e.comment })}</div>}
        </div>
      ))}
      {task && (
        <div data-testid="case-rectification">
          {!task.rectified && (
            <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t("rect.open")} />
          )}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t("rect.followUp")}>
              <StepLine step={task.follow_up} due={task.follow_up_due} testId="rect-follow-up" />
              {!task.follow_up && (
                <Button size="small" type="primary" data-testid="act-follow-up" onClick={() => setStep("follow_up")}>
                  {t("rect.recordFollowUp")}
                </Button>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("rect.rectify")}>
              <StepLine step={task.rectified} due={task.rectify_due} testId="rect-rectified" />
              {task.follow_up && !task.rectified && (
                <Button size="small" type="primary" data-testid="act-rectify" onClick={() => setStep("rectify")}>
                  {t("rect.recordRectify")}
                </Button>
              )}
            </Descriptions.Item>
          </Descriptions>
        </div>
      )}
      {step && (
        <ActionModal
          title={t(step === "follow_up" ? "rect.recordFollowUp" : "rect.recordRectify")}
          fields={[{ name: "note", label: step === "follow_up" ? "rect.followUpNote" : "rect.rectifyNote", multiline: true }]}
          onClose={() => setStep(null)}
          onSubmit={(v, key) => act({ type: step, note: v.note?.trim() ?? "" }, key)}
        />
      )}
    </Card>
  );
}

/** A step of the task: done (note, by, when), or still due by its day. */
function StepLine({ step, due, testId }: { step: TaskStep | null; due: string; testId: string }) {
  const t = useT();
  return (
    <div data-testid={testId}>
      {step ? (
        <>
          <Tag color="green">{t("rect.done")}</Tag>
          {t("rect.doneLine", { by: step.by, at: formatLocalTime(step.at) })}
          <div style={{ whiteSpace: "pre-wrap" }}>{step.note}</div>
        </>
      ) : (
        <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
          {t("rect.due", { date: due })}
        </Typography.Text>
      )}
    </div>
  );
}
