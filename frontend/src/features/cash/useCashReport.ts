// The window's daily cash report (收费日报) for a day (latest request wins), read for the
// screen; printing asks for the same report again with its PDF.
import { useEffect, useState } from "react";
import { api, toIpcError, type CashReportView, type IpcError } from "../../lib/ipc";

type Settled = { key: string; report: CashReportView | null; error: IpcError | null };

/** The report of `day` (nothing while it is `null`); `reloads` reads it again. */
export function useCashReport(day: string | null, reloads: number) {
  const key = day === null ? null : `${day}#${reloads}`;
  const [settled, setSettled] = useState<Settled | null>(null);
  useEffect(() => {
    if (key === null || day === null) return;
    let live = true;
    api.cashReport({ day, print: false }).then(
      (report) => {
        if (live) setSettled({ key, report, error: null });
      },
      (e: unknown) => {
        if (live) setSettled({ key, report: null, error: toIpcError("cash_report", e) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, day]);
  const current = settled !== null && settled.key === key;
  return {
    report: current ? settled.report : null,
    loading: !current,
    error: current ? settled.error : null,
  };
}
