// The register's day (no later than today at the counter) and clerk (全部, or one of those who
// logged that day, with how many).
// A native date input, not antd's DatePicker: the picker pulls in dayjs, which assigns to
// built-in prototype properties and so cannot start under Tauri's freezePrototype (the whole
// window stayed blank).
import { Input, Select, Space } from "antd";
import type { RegisterClerk } from "../../lib/ipc";
import { useT } from "../../lib/i18n";

const ALL = "__all__";

type Props = {
  day: string;
  today: string;
  clerkId: string | null;
  clerks: RegisterClerk[];
  onDayChange: (day: string) => void;
  onClerkChange: (clerkId: string | null) => void;
};

export function RegisterFilters({ day, today, clerkId, clerks, onDayChange, onClerkChange }: Props) {
  const t = useT();
  return (
    <Space wrap>
      <Input
        type="date"
        data-testid="inquiry-day"
        style={{ width: 170 }}
        value={day}
        max={today}
        onChange={(e) => {
          // A cleared or out-of-range day is ignored: the register always shows one day.
          const next = e.target.value;
          if (/^\d{4}-\d{2}-\d{2}$/.test(next) && next <= today) onDayChange(next);
        }}
      />
      <Select<string>
        data-testid="inquiry-clerk"
        style={{ width: 180 }}
        value={clerkId ?? ALL}
        onChange={(v) => onClerkChange(v === ALL ? null : v)}
        options={[
          { value: ALL, label: t("inquiry.allClerks") },
          ...clerks.map((c) => ({
            value: c.clerk_id,
            label: t("inquiry.clerkCount", { name: c.clerk_name, count: c.count }),
          })),
        ]}
      />
    </Space>
  );
}
