// The window's queue for the chosen filters (latest request wins), sorted by the backend by
// due date.
import { useEffect, useState } from "react";
import { api, toIpcError, type IpcError, type QueueItem, type QueueRequest } from "../../lib/ipc";

type Settled = { key: string; rows: QueueItem[]; error: IpcError | null };

export function useQueue(req: QueueRequest, reloads: number) {
  const key = JSON.stringify([req, reloads]);
  const [settled, setSettled] = useState<Settled | null>(null);

  useEffect(() => {
    let live = true;
    const request: QueueRequest = JSON.parse(key)[0];
    api.caseQueue(request).then(
      (rows) => {
        if (live) setSettled({ key, rows, error: null });
      },
      (e: unknown) => {
        if (live) setSettled({ key, rows: [], error: toIpcError("case_queue", e) });
      },
    );
    return () => {
      live = false;
    };
  }, [key]);

  return {
    rows: settled?.rows ?? [],
    loading: settled?.key !== key,
    error: settled?.key === key ? settled.error : null,
  };
}
