// The window's handover overview (AB岗交接): the handover under way, who may take over, what
// the logged-in clerk would hand over now, and the past handovers. `reloads` reads it again.
import { useEffect, useState } from "react";
import { api, toIpcError, type HandoverOverview, type IpcError } from "../../lib/ipc";

type Settled = { reloads: number; overview: HandoverOverview | null; error: IpcError | null };

export function useHandoverOverview(reloads: number) {
  const [settled, setSettled] = useState<Settled | null>(null);
  useEffect(() => {
    let live = true;
    api.handoverOverview().then(
      (overview) => {
        if (live) setSettled({ reloads, overview, error: null });
      },
      (e: unknown) => {
        if (live) setSettled({ reloads, overview: null, error: toIpcError("handover_overview", e) });
      },
    );
    return () => {
      live = false;
    };
  }, [reloads]);
  const current = settled?.reloads === reloads;
  return {
    // The last overview stays up while the next one loads.
    overview: settled?.overview ?? null,
    loading: !current,
    error: current ? settled.error : null,
  };
}
