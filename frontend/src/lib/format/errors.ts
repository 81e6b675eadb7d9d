// Maps an IPC error code to its alert title. Exhaustive: a new backend code fails the typecheck.
import type { IpcErrorCode } from "../ipc";
import type { MessageKey } from "../i18n";

export function errorTitleKey(code: IpcErrorCode): MessageKey {
  switch (code) {
    case "catalog_invalid":
      return "error.catalog_invalid";
    case "catalog_version_conflict":
      return "error.catalog_version_conflict";
    case "catalog_older_than_current":
      return "error.catalog_older_than_current";
    case "catalog_not_loaded":
      return "error.catalog_not_loaded";
    case "item_not_found":
      return "error.item_not_found";
    case "calendar_invalid":
      return "error.calendar_invalid";
    case "storage_failed":
      return "error.storage_failed";
    case "ipc_failed":
      return "error.ipc_failed";
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
