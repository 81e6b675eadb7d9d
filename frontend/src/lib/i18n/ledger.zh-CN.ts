// Simplified Chinese strings of the monthly ledger (月度台账) page. Merged into zh-CN.ts; keys
// must match ledger.en.ts exactly.
export const ledgerZhCN = {
  "nav.ledger": "台账",

  "ledger.title": "月度台账",
  "ledger.intro":
    "台账含登记、汇总、预警、差评四张表。本机导出的是本部门在本机缓存中的办件；全县台账由县级中心用 yichuang-hub export-ledger 导出。",
  "ledger.month": "月份",
  "ledger.monthPlaceholder": "例如 2026-11",
  "ledger.monthInvalid": "月份应写作“年-月”，例如 2026-11",
  "ledger.export": "导出台账",
  "ledger.exporting": "正在生成台账…",
  "ledger.progress": "正在生成台账：{stage}",
  "ledger.stage.reading": "读取办件",
  "ledger.stage.computing": "计算统计",
  "ledger.stage.choosing": "选择保存位置",
  "ledger.stage.writing": "写入表格",
  "ledger.stage.saving": "保存文件",
  "ledger.saved": "已导出 {cases} 件",
  "ledger.savedTo": "已保存到：{path}",
  "ledger.cancelled": "已取消保存",
  "ledger.cancelledHint": "未选择保存位置，台账没有写入文件。",
  "ledger.failed": "台账未导出",
} as const satisfies Record<string, string>;
