// Navigation keys of the left menu, in display order, with their labels.
import type { MessageKey } from "../lib/i18n";

export type NavKey =
  | "queue"
  | "intake"
  | "inquiry"
  | "catalog"
  | "approvals"
  | "supervision"
  | "handover"
  | "cash"
  | "ledger"
  | "dashboard"
  | "conflicts"
  | "settings";

/** Pages that need a loaded catalog (without one they show the welcome page). */
export const NEEDS_CATALOG: ReadonlySet<NavKey> = new Set(["queue", "intake", "inquiry", "catalog"]);

export const NAV_ITEMS: ReadonlyArray<{ key: NavKey; label: MessageKey }> = [
  { key: "queue", label: "nav.queue" },
  { key: "intake", label: "nav.intake" },
  { key: "inquiry", label: "nav.inquiry" },
  { key: "catalog", label: "nav.catalog" },
  { key: "approvals", label: "nav.approvals" },
  { key: "supervision", label: "nav.supervision" },
  { key: "handover", label: "nav.handover" },
  { key: "cash", label: "nav.cash" },
  { key: "ledger", label: "nav.ledger" },
  { key: "dashboard", label: "nav.dashboard" },
  { key: "conflicts", label: "nav.conflicts" },
  { key: "settings", label: "nav.settings" },
];

/**
 * Pages only a PC enrolled with the county has (hidden otherwise): sync conflicts, and the
 * A/B handover, which passes the logged-in session from one clerk to the other.
 */
export const ENROLLED_ONLY: ReadonlySet<NavKey> = new Set(["conflicts", "handover"]);

/** The menu as this PC shows it. */
export function visibleNav(enrolled: boolean): ReadonlyArray<{ key: NavKey; label: MessageKey }> {
  return NAV_ITEMS.filter((item) => enrolled || !ENROLLED_ONLY.has(item.key));
}

/** The clerk's day starts at the queue (the welcome page stands in until a catalog is loaded). */
export const DEFAULT_NAV: NavKey = "queue";

export function isNavKey(value: string): value is NavKey {
  return NAV_ITEMS.some((item) => item.key === value);
}
