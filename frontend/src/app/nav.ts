// Navigation keys of the left menu, in display order, with their labels.
import type { MessageKey } from "../lib/i18n";

export type NavKey = "queue" | "intake" | "catalog" | "approvals" | "handover" | "ledger" | "settings";

/** Pages that exist only as placeholders so far. */
export type UnbuiltNavKey = Exclude<NavKey, "catalog" | "settings">;

export const NAV_ITEMS: ReadonlyArray<{ key: NavKey; label: MessageKey }> = [
  { key: "queue", label: "nav.queue" },
  { key: "intake", label: "nav.intake" },
  { key: "catalog", label: "nav.catalog" },
  { key: "approvals", label: "nav.approvals" },
  { key: "handover", label: "nav.handover" },
  { key: "ledger", label: "nav.ledger" },
  { key: "settings", label: "nav.settings" },
];

export const DEFAULT_NAV: NavKey = "catalog";

export function isNavKey(value: string): value is NavKey {
  return NAV_ITEMS.some((item) => item.key === value);
}
