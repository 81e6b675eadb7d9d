// Success texts for catalog and calendar imports.
import type { CalendarInfo, ImportCatalogResult } from "../../lib/ipc";
import type { Translate } from "../../lib/i18n";

export function catalogImportText(r: ImportCatalogResult, t: Translate): string {
  return r.changed
    ? t("import.catalogSuccess", { version: r.version, count: r.item_count })
    : t("import.catalogUnchanged", { version: r.version });
}

export function calendarImportText(info: CalendarInfo, t: Translate): string {
  return t("import.calendarSuccess", { version: info.version });
}
