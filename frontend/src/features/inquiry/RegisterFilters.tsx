// The register's day (no later than today at the counter) and clerk (全部, or one of those who
// logged that day, with how many).
import { DatePicker, Select, Space } from "antd";
import dayjs from "dayjs";
// The picker's week days and months in Chinese under the zh-CN antd locale.
import "dayjs/locale/zh-cn";
import type { RegisterClerk } from "../../lib/ipc";
import { useT } from "../../lib/i18n";

const ALL = "__all__";
const DAY_FORMAT = "YYYY-MM-DD";

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
      <DatePicker
        data-testid="inquiry-day"
        allowClear={false}
        format={DAY_FORMAT}
        value={dayjs(day, DAY_FORMAT)}
        disabledDate={(d) => d.format(DAY_FORMAT) > today}
        onChange={(d) => {
          if (d) onDayChange(d.format(DAY_FORMAT));
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
