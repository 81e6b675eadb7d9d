// The applicant-facing rating screen (好差评, DOMAIN.md rule 8), a window of its own on the
// customer monitor: idle (欢迎评价) until the clerk invites a rating, then the rating form of
// that case, then a thank-you for a few seconds. It has no menu and no login: the backend lets
// this window only read the invitation and submit the rating, as the applicant.
import { Result, Typography } from "antd";
import { useEffect, useState } from "react";
import { useT } from "../../lib/i18n";
import { RatingForm } from "./RatingForm";
import { useRatingPrompt } from "./useRatingPrompt";

/** How long the thank-you stays before the screen goes back to waiting. */
export const THANKS_MS = 5000;

export function RatingScreen() {
  const t = useT();
  const { prompt, read } = useRatingPrompt();
  const [thanks, setThanks] = useState(false);

  useEffect(() => {
    if (!thanks) return;
    const id = setTimeout(() => setThanks(false), THANKS_MS);
    return () => clearTimeout(id);
  }, [thanks]);

  return (
    <div data-testid="rating-screen" style={{ minHeight: "100vh", padding: 32, background: "#f0f5ff" }}>
      {thanks ? (
        <div data-testid="rating-thanks">
          <Result
            status="success"
            title={<span style={{ fontSize: 32 }}>{t("ratingScreen.thanks")}</span>}
            subTitle={<span style={{ fontSize: 18 }}>{t("ratingScreen.thanksHint")}</span>}
          />
        </div>
      ) : prompt ? (
        // A new invitation starts a fresh form (nothing chosen, a new submission key).
        <RatingForm
          key={prompt.case_id}
          prompt={prompt}
          onSubmitted={() => {
            setThanks(true);
            void read();
          }}
        />
      ) : (
        <div data-testid="rating-idle" style={{ textAlign: "center", marginTop: "20vh" }}>
          <Typography.Title style={{ fontSize: 48 }}>{t("ratingScreen.idleTitle")}</Typography.Title>
          <Typography.Paragraph style={{ fontSize: 24 }} type="secondary">
            {t("ratingScreen.idleHint")}
          </Typography.Paragraph>
        </div>
      )}
    </div>
  );
}
