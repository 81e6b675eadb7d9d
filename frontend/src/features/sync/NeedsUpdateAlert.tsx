// The county asks for a newer version of this software: a warning that stays until it is
// installed. Work goes on; what waits for the county is kept on this PC.
import { Alert } from "antd";
import { useT } from "../../lib/i18n";
import { useSync } from "./context";

export function NeedsUpdateAlert() {
  const t = useT();
  const { status } = useSync();
  if (!status?.needs_update) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="sync-needs-update"
      message={t("sync.needsUpdate")}
      description={t("sync.needsUpdateHint")}
    />
  );
}
