// 首问登记 page: the form, and below it the register (首问登记簿) of a chosen day, by clerk,
// with where each person was sent and a link to the case if one was opened. The register
// opens on today at the counter and is read again after each entry.
import { Alert, Card, Space, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../lib/i18n";
import { errorTitleKey } from "../../lib/format/errors";
import { NotConfiguredAlert } from "../workstation/NotConfiguredAlert";
import { useWorkstation } from "../workstation/context";
import { InquiryForm } from "./InquiryForm";
import { InquiryTable } from "./InquiryTable";
import { RegisterFilters } from "./RegisterFilters";
import { TODAY_VIEW, useCounterToday, useRegister, type RegisterView } from "./useRegister";

type Props = {
  catalogVersion: string;
  onGoSettings: () => void;
  onOpenCase: (caseId: string) => void;
  /** Day and clerk kept by the caller (so they survive opening a case); local when not given. */
  view?: RegisterView;
  onViewChange?: (next: RegisterView) => void;
};

export function InquiryPage({ catalogVersion, onGoSettings, onOpenCase, view: keptView, onViewChange }: Props) {
  const t = useT();
  const { info } = useWorkstation();
  const [localView, setLocalView] = useState<RegisterView>(TODAY_VIEW);
  const view = keptView ?? localView;
  const setView = onViewChange ?? setLocalView;
  const [reloads, setReloads] = useState(0);
  const today = useCounterToday();
  const day = view.day ?? today;
  const { register, loading, error } = useRegister(
    day === null ? null : { day, clerk_id: view.clerk_id },
    reloads,
  );

  if (info !== undefined && !info.profile) {
    return (
      <div data-testid="inquiry-page">
        <NotConfiguredAlert onGoSettings={onGoSettings} />
      </div>
    );
  }

  return (
    <div data-testid="inquiry-page">
      <Typography.Title level={3}>{t("inquiry.title")}</Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <InquiryForm catalogVersion={catalogVersion} onLogged={() => setReloads((n) => n + 1)} />
        <Card
          size="small"
          title={t("inquiry.registerTitle")}
          extra={
            day !== null &&
            today !== null && (
              <RegisterFilters
                day={day}
                today={today}
                clerkId={view.clerk_id}
                clerks={register?.clerks ?? []}
                // Another day has other clerks: the register of a new day starts with everyone.
                onDayChange={(d) => setView({ day: d === today ? null : d, clerk_id: null })}
                onClerkChange={(clerk_id) => setView({ ...view, clerk_id })}
              />
            )
          }
        >
          {error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="inquiry-register-error"
              message={t(errorTitleKey(error.code))}
              description={error.message}
            />
          )}
          <InquiryTable
            rows={error ? [] : (register?.entries ?? [])}
            loading={loading}
            onOpenCase={onOpenCase}
          />
        </Card>
      </Space>
    </div>
  );
}
