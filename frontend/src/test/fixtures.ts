// Test fixtures: a tiny fake backend answering IPC commands like the Rust side would.
import type {
  CalendarInfo,
  CaseDetail,
  CatalogStatus,
  ChecklistLine,
  DepartmentInfo,
  DueDatePreview,
  ItemDetail,
  ItemSummary,
  SearchItemsRequest,
  WorkstationInfo,
  WorkstationProfile,
} from "../lib/ipc";

export const DEPARTMENTS: DepartmentInfo[] = [
  { code: "SCJG", name: "县市场监督管理局" },
  { code: "ZRZY", name: "县自然资源局" },
];

export const ITEMS: ItemSummary[] = [
  {
    code: "000102001000",
    name: "个体工商户设立登记",
    department_code: "SCJG",
    department_name: "县市场监督管理局",
    kind: "immediate",
    statutory_days: 15,
    promised_days: 0,
    requires_chief_approval: false,
    fee_cents: null,
  },
  {
    code: "000118001000",
    name: "不动产首次登记",
    department_code: "ZRZY",
    department_name: "县自然资源局",
    kind: "promised",
    statutory_days: 30,
    promised_days: 5,
    requires_chief_approval: true,
    fee_cents: 8000,
  },
];

export const DETAIL: ItemDetail = {
  catalog_version: "2026.11",
  department_name: "县自然资源局",
  item: {
    code: "000118001000",
    name: "不动产首次登记",
    department: "ZRZY",
    kind: "promised",
    statutory_days: 30,
    promised_days: 5,
    legal_basis: "《不动产登记暂行条例》",
    requires_chief_approval: true,
    materials: [
      { code: "APP", name: "不动产登记申请书", form: "original", copies: 1, required: true },
      { code: "ID", name: "身份证件", form: "copy", copies: 2, required: false, note: "核验原件" },
    ],
    situations: [
      {
        code: "agent",
        name: "委托代理人办理",
        materials: [{ code: "AUTH", name: "授权委托书", form: "original", copies: 1, required: true }],
      },
    ],
    fee: { name: "不动产登记费（住宅）", amount_cents: 8000, basis: "发改价格规〔2016〕2559号" },
    special_procedures: ["现场核查"],
    joint_departments: ["SCJG"],
  },
};

export const DUE: DueDatePreview = {
  item_code: "000118001000",
  kind: "promised",
  accepted_on: "2026-12-28",
  on_the_spot: null,
  promised: { date: "2027-01-05", working_days: 5, provisional: true, calendar_version: "cn-2020-2026-abcd" },
  statutory: { date: "2027-02-08", working_days: 30, provisional: true, calendar_version: "cn-2020-2026-abcd" },
};

export const CALENDAR: CalendarInfo = {
  version: "cn-2020-2026-abcd",
  years: [2025, 2026],
  today: "2026-12-28",
  next_year_loaded: false,
};

export const LOADED_STATUS: CatalogStatus = {
  current: {
    version: "2026.11",
    region_code: "431125",
    region_name: "江永县",
    imported_at: "2026-11-22T10:00:00+08:00",
    item_count: 24,
    department_count: 14,
  },
  versions: [],
};

export function searchItems(req: SearchItemsRequest): ItemSummary[] {
  return ITEMS.filter(
    (i) =>
      (req.department === null || i.department_code === req.department) &&
      (i.name.includes(req.query) || i.code.startsWith(req.query)),
  );
}

export const PROFILE: WorkstationProfile = {
  department_code: "SCJG",
  window_code: "W03",
  window_name: "3号窗口",
  clerk_id: "S0301",
  clerk_name: "李敏",
  center_name: "江永县政务服务中心",
  case_format: "{region}-{dept}-{window}-{year}-{seq:6}",
  notice_format: "{region}-{dept}-{window}-{kind}-{year}-{seq:6}",
  yellow_within_days: 1,
};

export function workstation(profile: WorkstationProfile | null): WorkstationInfo {
  return {
    workstation_id: "ws-test",
    region_code: "431125",
    profile,
    defaults: { ...PROFILE, department_code: "", window_code: "", window_name: "", clerk_id: "", clerk_name: "", center_name: "" },
  };
}

/** A food-licence case under review, two materials checked. */
export function caseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  const lines: ChecklistLine[] = [
    { code: "APP", name: "食品经营许可申请书", form: "original", copies: 1, required: true, situation: null, status: { status: "received" } },
    { code: "LAYOUT", name: "经营场所平面图和设备布局图", form: "original", copies: 1, required: true, situation: null, status: { status: "missing" } },
    { code: "AUTH", name: "授权委托书", form: "original", copies: 1, required: true, situation: "agent", status: { status: "pending" } },
  ];
  return {
    case: {
      id: "case-1",
      case_no: "431125-SCJG-W03-2026-000001",
      version: 2,
      state: "reviewing",
      item: {
        code: "000102002000",
        name: "食品经营许可（新办）",
        department: "SCJG",
        kind: "promised",
        statutory_days: 20,
        promised_days: 10,
        legal_basis: "《中华人民共和国食品安全法》第三十五条",
        requires_chief_approval: true,
        catalog_version: "2026.11",
        fee: null,
      },
      applicant: { type: "person", name: "张三", id_number: "1101**********002X", phone: "138****0000" },
      agent: null,
      situations: ["agent"],
      checklist: lines,
      received_at: "2026-02-10T09:05:00",
      office: {
        region_code: "431125",
        department_code: "SCJG",
        window_code: "W03",
        center_name: "江永县政务服务中心",
        department_name: "县市场监督管理局",
        window_name: "3号窗口",
      },
      owner: "S0301",
      notices: [],
      pauses: [],
      clock: null,
      materials_completed_on: null,
      closed_at: null,
      closing_reason: null,
      closing_basis: null,
      event_count: 2,
      approvals: [],
      decision: null,
      result: null,
      pending_approval: null,
      granted_override: null,
      holder: null,
      owner_epoch: 0,
      fees: [],
      evaluations: [],
      rectification: null,
    },
    timeline: [
      { seq: 1, at: "2026-02-10T09:05:00", actor: "李敏", actor_id: "S0301", workstation: "ws-test", on_behalf_of: null, what: { transition: "receive" }, from: null, to: "received", note: null },
      { seq: 2, at: "2026-02-10T09:05:00", actor: "李敏", actor_id: "S0301", workstation: "ws-test", on_behalf_of: null, what: { transition: "start_review" }, from: "received", to: "reviewing", note: null },
    ],
    notices: [],
    deadline: null,
    notice_deadline: "2026-02-24",
    card: null,
    allowed: ["request_correction", "accept", "reject", "withdraw"],
    ...overrides,
  };
}
