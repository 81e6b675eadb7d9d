// The department's requests waiting for the chief representative, with what each asks for.
// The queue cannot filter on a pending request, so two lists are read — cases 待首席代表审批
// (a decision or an extension) and cases under review (where a notice override is asked for
// without changing the state) — and each case is opened for its `pending_approval`: cases
// under review without one are left out. Latest request wins.
import { useEffect, useState } from "react";
import {
  api,
  toIpcError,
  type ApprovalRequest,
  type IpcError,
  type QueueItem,
  type QueueRequest,
} from "../../lib/ipc";

/** A queue row with the request it waits on (`null` if the case could not be read). */
export type PendingRow = QueueItem & { request: ApprovalRequest | null };

const ask = (state: "awaiting_approval" | "reviewing"): QueueRequest => ({
  state,
  item_code: null,
  card: null,
  search: "",
  include_closed: false,
});

async function pendingOf(row: QueueItem): Promise<PendingRow | null> {
  const request = await api.caseGet({ case_id: row.id }).then(
    (d) => d.case.pending_approval,
    () => null,
  );
  // A case awaiting approval is listed even if it could not be read; one under review only
  // with an override asked for.
  if (request === null && row.state !== "awaiting_approval") return null;
  return { ...row, request };
}

export async function loadPendingApprovals(): Promise<PendingRow[]> {
  const awaiting = await api.caseQueue(ask("awaiting_approval"));
  const reviewing = await api.caseQueue(ask("reviewing"));
  const rows = await Promise.all([...awaiting, ...reviewing].map(pendingOf));
  return rows.filter((r): r is PendingRow => r !== null);
}

type Settled = { reloads: number; rows: PendingRow[]; error: IpcError | null };

export function usePendingApprovals(reloads: number) {
  const [settled, setSettled] = useState<Settled | null>(null);
  useEffect(() => {
    let live = true;
    loadPendingApprovals().then(
      (rows) => {
        if (live) setSettled({ reloads, rows, error: null });
      },
      (e: unknown) => {
        if (live) setSettled({ reloads, rows: [], error: toIpcError("case_queue", e) });
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
