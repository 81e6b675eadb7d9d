// English strings of the monthly ledger page. Typed against ledger.zh-CN.ts so a missing or
// extra key fails the typecheck.
import type { ledgerZhCN } from "./ledger.zh-CN";

export const ledgerEn: Record<keyof typeof ledgerZhCN, string> = {
  "nav.ledger": "Ledger",

  "ledger.title": "Monthly ledger",
  "ledger.intro":
    "The ledger has four sheets: register, summary, warnings and poor ratings. Exported here, it covers your department's cases in this computer's cache; the whole county's ledger is exported at the county center with yichuang-hub export-ledger.",
  "ledger.month": "Month",
  "ledger.monthPlaceholder": "e.g. 2026-11",
  "ledger.monthInvalid": "Write the month as year-month, e.g. 2026-11",
  "ledger.export": "Export ledger",
  "ledger.exporting": "Generating the ledger…",
  "ledger.progress": "Generating the ledger: {stage}",
  "ledger.stage.reading": "Reading cases",
  "ledger.stage.computing": "Computing figures",
  "ledger.stage.choosing": "Choosing where to save",
  "ledger.stage.writing": "Writing the workbook",
  "ledger.stage.saving": "Saving the file",
  "ledger.saved": "Exported {cases} cases",
  "ledger.savedTo": "Saved to: {path}",
  "ledger.cancelled": "Saving cancelled",
  "ledger.cancelledHint": "No place to save was chosen; the ledger was not written.",
  "ledger.failed": "The ledger was not exported",
};
