// A window-wide function key (F2 = new intake): works from any page, even inside a field,
// because a clerk with an applicant at the counter should not have to reach for the mouse.
import { useEffect, useRef } from "react";

export function useHotkey(key: string, handler: () => void) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== key || e.ctrlKey || e.altKey || e.metaKey || e.repeat) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [key]);
}
