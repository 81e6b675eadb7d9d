// The department's requests waiting for the chief representative (`api.approvalsPending`):
// a flagged item's decision, an extension, a one-time-notice override asked for under review,
// each with what is asked, oldest request first. `reloads` reads them again.
import { useEffect, useState } from "react";
import { api, toIpcError, type IpcError, type PendingApproval } from "../../lib/ipc";

type Settled = { reloads: number; rows: PendingApproval[]; error: IpcError | null };

export function usePendingApprovals(reloads: number) {
  const [settled, setSettled] = useState<Settled | null>(null);
  useEffect(() => {
    let live = true;
    api.approvalsPending().then(
      (rows) => {
        if (live) setSettled({ reloads, rows, error: null });
      },
      (e: unknown) => {
        if (live) setSettled({ reloads, rows: [], error: toIpcError("approvals_pending", e) });
      },
    );
    return () => {
      live = false;
    };
  }, [reloads]);
  return {
    rows: settled?.rows ?? [],
    loading: settled?.reloads !== reloads,
    error: settled?.reloads === reloads ? settled.error : null,
  };
}
