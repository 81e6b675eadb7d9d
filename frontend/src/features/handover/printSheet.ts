// Prints a handover (or return) sheet: the PDF goes to the system viewer. Without a viewer the
// PDF is still made, and where it is is said, so it can be printed by hand.
import { api, toIpcError } from "../../lib/ipc";

export type Printed = { path: string; warning: string | null };

export async function printSheet(handoverId: string, back: boolean): Promise<Printed> {
  try {
    const file = await api.handoverSheet({ handover_id: handoverId, back, print: true });
    return { path: file.path, warning: null };
  } catch (e) {
    const err = toIpcError("handover_sheet", e);
    if (err.code !== "desktop_failed") throw err;
    const file = await api.handoverSheet({ handover_id: handoverId, back, print: false });
    return { path: file.path, warning: err.message };
  }
}
