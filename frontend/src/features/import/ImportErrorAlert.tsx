// Error alert for a failed import: title from the error code, backend message shown verbatim.
import { Alert } from "antd";
import type { ImportFailure } from "./useImportRunner";

export function ImportErrorAlert({ failure }: { failure: ImportFailure | null }) {
  if (!failure) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="import-error"
      message={failure.title}
      description={<div style={{ whiteSpace: "pre-wrap" }}>{failure.message}</div>}
    />
  );
}
