// The first-inquiry register (首问登记簿) of a day at this workstation, optionally one clerk's
// entries (latest request wins), and the counter's "today" that the register opens on.
import { useEffect, useState } from "react";
import { api, toIpcError, type IpcError, type Register, type RegisterRequest } from "../../lib/ipc";

/** The day and clerk the register shows; `day: null` is today at the counter. */
export type RegisterView = { day: string | null; clerk_id: string | null };

export const TODAY_VIEW: RegisterView = { day: null, clerk_id: null };

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** This PC's date in China Standard Time (`YYYY-MM-DD`), for when the backend cannot say. */
export function chinaToday(now: number = Date.now()): string {
  return new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today by the counter's clock (the backend calendar's `today`); `null` until it is known. */
export function useCounterToday(): string | null {
  const [today, setToday] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.calendarInfo().then(
      (info) => {
        if (live) setToday(info.today);
      },
      () => {
        if (live) setToday(chinaToday());
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return today;
}

type Settled = { key: string; register: Register | null; error: IpcError | null };

/** The register for `req` (nothing while `req` is `null`); `reloads` reads it again. */
export function useRegister(req: RegisterRequest | null, reloads: number) {
  const key = req ? JSON.stringify([req, reloads]) : null;
  const [settled, setSettled] = useState<Settled | null>(null);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    const request: RegisterRequest = JSON.parse(key)[0];
    api.inquiryRegister(request).then(
      (register) => {
        if (live) setSettled({ key, register, error: null });
      },
      (e: unknown) => {
        if (live) setSettled({ key, register: null, error: toIpcError("inquiry_register", e) });
      },
    );
    return () => {
      live = false;
    };
  }, [key]);

  const current = settled !== null && settled.key === key;
  return {
    // The last register read stays up while the next one loads (no flicker of the clerk list).
    register: settled?.register ?? null,
    loading: !current,
    error: current ? settled.error : null,
  };
}
