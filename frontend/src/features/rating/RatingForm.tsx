// The applicant's rating of one case: which case (number, item, masked name, window, clerk),
// the five levels as big buttons with none chosen to begin with (a rating is never defaulted),
// the reasons to tick (for any level; asked for with emphasis after a bad one), an optional
// comment, and 提交评价, enabled only once a level is chosen. The submission's key is made
// once for this case and reused for every retry.
import { Alert, Button, Card, Checkbox, Input, Space, Typography } from "antd";
import { useState } from "react";
import { api, toIpcError, type IpcError, type Rating, type RatingPrompt } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { newActionKey } from "../../lib/form/actionKey";
import { RATINGS, isBadRating, ratingLabel } from "../../lib/format/serviceLabels";

const LEVEL_COLORS: Record<Rating, string> = {
  very_satisfied: "#237804",
  satisfied: "#389e0d",
  basic: "#1f5fae",
  dissatisfied: "#d46b08",
  very_dissatisfied: "#cf1322",
};

type Props = { prompt: RatingPrompt; onSubmitted: () => void };

export function RatingForm({ prompt, onSubmitted }: Props) {
  const t = useT();
  const [rating, setRating] = useState<Rating | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState("");
  const [key, setKey] = useState(newActionKey);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const bad = rating !== null && isBadRating(rating);

  const submit = async () => {
    if (rating === null || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await api.ratingSubmit({
        action_key: key,
        case_id: prompt.case_id,
        rating,
        reasons,
        comment: comment.trim() === "" ? null : comment.trim(),
      });
      onSubmitted();
    } catch (e) {
      const err = toIpcError("rating_submit", e);
      if (err.code === "action_key_reused") setKey(newActionKey());
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card data-testid="rating-form" style={{ maxWidth: 860, margin: "0 auto" }}>
      <Typography.Title level={2} style={{ textAlign: "center" }}>
        {t("ratingScreen.question")}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: "center", fontSize: 18 }} data-testid="rating-case">
        {t("ratingScreen.caseLine", { caseNo: prompt.case_no, item: prompt.item_name })}
        <br />
        {t("ratingScreen.whoLine", { applicant: prompt.applicant, window: prompt.window_name, clerk: prompt.clerk })}
      </Typography.Paragraph>
      <div role="radiogroup" aria-label={t("ratingScreen.question")} style={{ display: "flex", gap: 12, justifyContent: "center", flexWrap: "wrap", margin: "24px 0" }}>
        {RATINGS.map((r) => {
          const chosen = rating === r;
          return (
            <Button
              key={r}
              role="radio"
              aria-checked={chosen}
              data-testid={`rating-${r}`}
              data-selected={chosen ? "true" : "false"}
              onClick={() => setRating(r)}
              style={{
                height: 96,
                minWidth: 140,
                fontSize: 24,
                borderWidth: 3,
                borderColor: LEVEL_COLORS[r],
                background: chosen ? LEVEL_COLORS[r] : "#fff",
                color: chosen ? "#fff" : LEVEL_COLORS[r],
              }}
            >
              {ratingLabel(r, t)}
            </Button>
          );
        })}
      </div>
      {bad && (
        <Alert type="warning" showIcon style={{ marginBottom: 12, fontSize: 16 }} data-testid="rating-bad-hint" message={t("ratingScreen.badHint")} />
      )}
      <Typography.Text strong style={{ fontSize: bad ? 18 : 16 }}>
        {t(bad ? "ratingScreen.reasonsBad" : "ratingScreen.reasons")}
      </Typography.Text>
      <Checkbox.Group
        data-testid="rating-reasons"
        value={reasons}
        onChange={(v) => setReasons(v as string[])}
        style={{ display: "flex", flexWrap: "wrap", gap: 12, margin: "12px 0 16px", fontSize: 16 }}
      >
        {prompt.reasons.map(([code, label]) => (
          <Checkbox key={code} value={code} data-testid={`rating-reason-${code}`} style={{ fontSize: 16 }}>
            {label}
          </Checkbox>
        ))}
      </Checkbox.Group>
      <Input.TextArea
        data-testid="rating-comment"
        rows={3}
        maxLength={500}
        placeholder={t("ratingScreen.comment")}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        style={{ fontSize: 16 }}
      />
      {failure && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} data-testid="rating-error" message={failure.message} />
      )}
      <Space style={{ width: "100%", justifyContent: "center", marginTop: 24 }}>
        <Button
          type="primary"
          size="large"
          disabled={rating === null}
          loading={busy}
          data-testid="rating-submit"
          onClick={() => void submit()}
          style={{ height: 64, minWidth: 240, fontSize: 24 }}
        >
          {t("ratingScreen.submit")}
        </Button>
      </Space>
    </Card>
  );
}
