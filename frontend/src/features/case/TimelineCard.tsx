// The case's timeline: every recorded step with time, clerk (under an A/B handover "王芳（代
// 李娜）": B on behalf of A), workstation, what and the note.
import { Card, Tag, Timeline, Typography } from "antd";
import type { CaseEvent } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { eventLabel, stateLabel, STATE_COLORS } from "../../lib/format/caseLabels";
import { formatLocalTime } from "../../lib/format/time";

export function TimelineCard({ events }: { events: CaseEvent[] }) {
  const t = useT();
  return (
    <Card size="small" title={t("timeline.title")} data-testid="case-timeline">
      <Timeline
        items={events.map((e) => ({
          key: e.seq,
          children: (
            <div data-testid={`timeline-${e.seq}`}>
              <Typography.Text strong>{eventLabel(e.what, t)}</Typography.Text>{" "}
              <Tag color={STATE_COLORS[e.to]} bordered={false}>
                {stateLabel(e.to, t)}
              </Tag>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("timeline.line", {
                  at: formatLocalTime(e.at),
                  actor: e.on_behalf_of ? t("timeline.onBehalf", { actor: e.actor, owner: e.on_behalf_of }) : e.actor,
                  workstation: e.workstation,
                })}
              </Typography.Text>
              {e.note && <div style={{ whiteSpace: "pre-wrap" }}>{e.note}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
