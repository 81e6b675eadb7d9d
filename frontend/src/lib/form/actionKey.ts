// Idempotency keys for counter actions: the backend makes one case (or one state change) per
// key, so a double click or a retry of the same submission can never act twice.

/** A fresh key (`crypto.randomUUID`, with a fallback for old webviews). */
export function newActionKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") {
    return crypto.randomUUID();
  }
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
