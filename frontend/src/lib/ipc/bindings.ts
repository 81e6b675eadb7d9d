// Generated from the Rust IPC contract (crates/yichuang-app/src/ipc.rs).
// Do not edit: run `make bindings`. `make test` fails when this file is stale.

import { call } from "./call";

export type ApiError = { code: ErrorCode, message: string, };

export type ErrorCode = "catalog_invalid" | "catalog_version_conflict" | "catalog_older_than_current" | "catalog_not_loaded" | "item_not_found" | "calendar_invalid" | "storage_failed";

export type Lang = "zh-CN" | "en";

export type Settings = { lang: Lang, 
/**
 * Where the local cache lives, for IT staff.
 */
data_dir: string, };

export type SetLanguageRequest = { lang: Lang, };

export type CatalogStatus = { 
/**
 * The version new cases use; `null` on first start, before any import.
 */
current: CatalogVersionInfo | null, 
/**
 * Every stored version, newest first (older ones stay for cases opened under them).
 */
versions: Array<CatalogVersionInfo>, };

export type CatalogVersionInfo = { version: string, region_code: string, region_name: string, imported_at: string, item_count: number, department_count: number, };

export type ImportCatalogRequest = { 
/**
 * The `yichuang-catalog/1` file's text.
 */
text: string, };

export type ImportCatalogResult = { version: string, item_count: number, 
/**
 * `false` when this exact version was already loaded and nothing changed.
 */
changed: boolean, };

export type DepartmentInfo = { code: string, name: string, };

export type SearchItemsRequest = { 
/**
 * Part of the item's name, or the start of its code; empty lists everything.
 */
query: string, department: string | null, };

export type ItemSummary = { code: string, name: string, department_code: string, department_name: string, kind: ItemKind, statutory_days: number, promised_days: number, requires_chief_approval: boolean, fee_cents: number | null, };

export type ItemRequest = { code: string, };

export type ItemDetail = { catalog_version: string, department_name: string, item: ServiceItem, };

export type ServiceItem = { code: string, name: string, department: string, kind: ItemKind, 
/**
 * 法定时限, in working days.
 */
statutory_days: number, 
/**
 * 承诺时限, in working days; 0 for 即办件.
 */
promised_days: number, legal_basis: string, requires_chief_approval: boolean, materials: Array<Material>, situations: Array<Situation>, fee?: FeeStandard, special_procedures: Array<string>, joint_departments: Array<string>, };

export type ItemKind = "immediate" | "promised" | "joint";

export type Material = { code: string, name: string, form: MaterialForm, copies: number, required: boolean, note?: string, };

export type MaterialForm = "original" | "copy";

export type Situation = { code: string, name: string, materials: Array<Material>, };

export type FeeStandard = { name: string, 
/**
 * In fen (0.01 yuan), so money is never a float.
 */
amount_cents: number, basis: string, };

export type CalendarInfo = { version: string, years: Array<number>, 
/**
 * Today's date at the counter (China Standard Time).
 */
today: string, 
/**
 * Next year's official notice is loaded; until then deadlines reaching it are provisional.
 */
next_year_loaded: boolean, };

export type ImportCalendarRequest = { 
/**
 * The holidays-cn file's text.
 */
text: string, };

export type DueDateRequest = { item_code: string, };

export type DueDatePreview = { item_code: string, kind: ItemKind, accepted_on: string, 
/**
 * 即办件: today if received on a working day before closing, else the next working day.
 */
on_the_spot: DueDate | null, 
/**
 * 承诺时限 counted on the calendar (承诺件 and 联办件).
 */
promised: DueDate | null, 
/**
 * 法定时限 counted on the calendar, when the item has one.
 */
statutory: DueDate | null, };

export type DueDate = { date: string, working_days: number, 
/**
 * The computation crossed a year whose official calendar is not loaded yet.
 */
provisional: boolean, calendar_version: string, };

/** Every command of the workstation, one typed function each. */
export const api = {
  settingsGet: (): Promise<Settings> => call("settings_get", null),
  settingsSetLanguage: (req: SetLanguageRequest): Promise<Settings> => call("settings_set_language", req),
  catalogStatus: (): Promise<CatalogStatus> => call("catalog_status", null),
  catalogImport: (req: ImportCatalogRequest): Promise<ImportCatalogResult> => call("catalog_import", req),
  catalogLoadDemo: (): Promise<ImportCatalogResult> => call("catalog_load_demo", null),
  catalogDepartments: (): Promise<Array<DepartmentInfo>> => call("catalog_departments", null),
  catalogSearch: (req: SearchItemsRequest): Promise<Array<ItemSummary>> => call("catalog_search", req),
  catalogItem: (req: ItemRequest): Promise<ItemDetail> => call("catalog_item", req),
  calendarInfo: (): Promise<CalendarInfo> => call("calendar_info", null),
  calendarImportYear: (req: ImportCalendarRequest): Promise<CalendarInfo> => call("calendar_import_year", req),
  calendarDueDate: (req: DueDateRequest): Promise<DueDatePreview> => call("calendar_due_date", req),
} as const;
