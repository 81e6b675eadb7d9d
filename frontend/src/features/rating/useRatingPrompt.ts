// What the rating screen should show: the clerk's invitation, read every 2 seconds (the
// counter window invites; this window only asks). A failed read keeps the last answer.
import { useCallback, useEffect, useState } from "react";
import { api, type RatingPrompt } from "../../lib/ipc";

export const POLL_MS = 2000;

export function useRatingPrompt() {
  /** `undefined` until the first answer. */
  const [prompt, setPrompt] = useState<RatingPrompt | null | undefined>(undefined);

  const read = useCallback(async () => {
    try {
      setPrompt(await api.ratingPrompt());
    } catch {
      // The next poll tries again; the screen keeps what it shows.
    }
  }, []);

  useEffect(() => {
    let live = true;
    const tick = () => {
      api.ratingPrompt().then(
        (p) => {
          if (live) setPrompt(p);
        },
        () => {},
      );
    };
    tick();
    const id = setInterval(tick, POLL_MS);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, []);

  return { prompt, read };
}
