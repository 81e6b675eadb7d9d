// The department's 电子监察 board (`api.supervisionBoard`): the cards held on this computer,
// the tally per window, and what the logged-in user may do with them. `reloads` reads it
// again; `replace` puts in the board an appeal or a ruling answered with.
import { useCallback, useEffect, useState } from "react";
import { api, toIpcError, type IpcError, type SupervisionBoard } from "../../lib/ipc";

type Settled = { reloads: number; board: SupervisionBoard | null; error: IpcError | null };

export function useSupervisionBoard(reloads: number) {
  const [settled, setSettled] = useState<Settled | null>(null);
  useEffect(() => {
    let live = true;
    api.supervisionBoard().then(
      (board) => {
        if (live) setSettled({ reloads, board, error: null });
      },
      (e: unknown) => {
        if (live) setSettled({ reloads, board: null, error: toIpcError("supervision_board", e) });
      },
    );
    return () => {
      live = false;
    };
  }, [reloads]);
  const replace = useCallback((board: SupervisionBoard) => setSettled({ reloads, board, error: null }), [reloads]);
  return {
    board: settled?.board ?? null,
    loading: settled?.reloads !== reloads,
    error: settled?.reloads === reloads ? settled.error : null,
    replace,
  };
}
