// One run of 导出台账: asks the backend for a month's ledger (it computes the workbook and opens
// the save dialog), polls how far it has got while it runs, and keeps the outcome of the
// latest run for the page to show.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, toIpcError, type ExportProgress, type IpcError, type LedgerExportResult } from "../../lib/ipc";

/** How often the running export's progress is read. */
export const PROGRESS_POLL_MS = 300;

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
  const progress = useExportProgress(running);

  return { running, progress, outcome, run, clear };
}

/**
 * The backend's progress of the running export, read every `PROGRESS_POLL_MS` while `running`
 * (`null` before the first answer, and once it stops). Reading stops when the export returns
 * or the page goes; a failed read just waits for the next one.
 */
function useExportProgress(running: boolean): ExportProgress | null {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  useEffect(() => {
    if (!running) return;
    let live = true;
    // One read at a time: a slow answer is not overtaken by the next tick.
    let reading = false;
    const read = () => {
      if (reading) return;
      reading = true;
      api.ledgerProgress().then(
        (p) => {
          reading = false;
          // `null` between stages (or once done) keeps the last figure rather than jumping back.
          if (live && p !== null) setProgress(p);
        },
        () => {
          reading = false;
        },
      );
    };
    read();
    const timer = setInterval(read, PROGRESS_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
      setProgress(null);
    };
  }, [running]);
  return progress;
}
