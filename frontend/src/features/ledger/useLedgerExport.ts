// One run of 导出台账: asks the backend for a month's ledger (it computes the workbook and opens
// the save dialog), and keeps the outcome of the latest run for the page to show.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, toIpcError, type IpcError, type LedgerExportResult } from "../../lib/ipc";

/** `YYYY-MM` with a real month (01–12). */
export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export type LedgerOutcome =
  | { kind: "saved"; path: string; cases: number }
  | { kind: "cancelled"; cases: number }
  | { kind: "failed"; error: IpcError };

function outcomeOf(result: LedgerExportResult): LedgerOutcome {
  return result.saved_to === null
    ? { kind: "cancelled", cases: result.cases }
    : { kind: "saved", path: result.saved_to, cases: result.cases };
}

export function useLedgerExport() {
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<LedgerOutcome | null>(null);
  // One export at a time (a second click while the dialog is open does nothing), and nothing
  // is set once the page is gone.
  const busy = useRef(false);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const run = useCallback(async (month: string) => {
    if (busy.current) return;
    busy.current = true;
    setRunning(true);
    setOutcome(null);
    let next: LedgerOutcome;
    try {
      next = outcomeOf(await api.ledgerExport({ month }));
    } catch (e) {
      next = { kind: "failed", error: toIpcError("ledger_export", e) };
    }
    busy.current = false;
    if (live.current) {
      setOutcome(next);
      setRunning(false);
    }
  }, []);

  const clear = useCallback(() => setOutcome(null), []);

  return { running, outcome, run, clear };
}
