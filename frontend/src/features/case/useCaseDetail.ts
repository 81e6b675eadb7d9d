// Loads one case (`api.caseGet`) and runs commands on it (`api.caseAct`); every successful
// command returns the whole new detail, which replaces the shown one. `reload` reads it again.
import { useCallback, useEffect, useState } from "react";
import {
  api,
  toIpcError,
  type CaseCommand,
  type CaseDetail,
  type IpcError,
} from "../../lib/ipc";

export type CaseActor = (command: CaseCommand, actionKey: string) => Promise<CaseDetail>;

export function useCaseDetail(caseId: string) {
  const [loaded, setLoaded] = useState<{ id: string; detail: CaseDetail } | null>(null);
  const [loadError, setLoadError] = useState<IpcError | null>(null);

  useEffect(() => {
    let live = true;
    api.caseGet({ case_id: caseId }).then(
      (detail) => {
        if (live) setLoaded({ id: caseId, detail });
      },
      (e: unknown) => {
        if (live) setLoadError(toIpcError("case_get", e));
      },
    );
    return () => {
      live = false;
    };
  }, [caseId]);

  /** Throws an `IpcError` when the backend refuses; the shown case is then unchanged. */
  const act: CaseActor = useCallback(
    async (command, actionKey) => {
      try {
        const detail = await api.caseAct({ action_key: actionKey, case_id: caseId, command });
        setLoaded({ id: caseId, detail });
        return detail;
      } catch (e) {
        throw toIpcError("case_act", e);
      }
    },
    [caseId],
  );

  /** Reads the case again (e.g. while the applicant rates it on the rating screen). */
  const reload = useCallback(async () => {
    const detail = await api.caseGet({ case_id: caseId });
    setLoaded({ id: caseId, detail });
  }, [caseId]);

  return {
    detail: loaded && loaded.id === caseId ? loaded.detail : null,
    loadError,
    act,
    reload,
  };
}
