// Simplified Chinese strings of the 数据看板 page (the month's figures and charts). Merged into
// zh-CN.ts; keys must match dashboard.en.ts exactly.
export const dashboardZhCN = {
  "nav.dashboard": "数据看板",

  "dashboard.title": "数据看板",
  "dashboard.intro":
    "本机缓存中本部门当月的办件数据，与月度台账口径一致；全县数据以县级中心导出的台账为准（yichuang-hub export-ledger）。",
  "dashboard.received": "收件",
  "dashboard.completed": "办结",
  "dashboard.onTime": "按时办结率",
  "dashboard.satisfaction": "满意率",
  "dashboard.cases": "{count} 件",
  "dashboard.empty": "{month} 没有办件数据",
  "dashboard.listSep": "，",
  "dashboard.groupSep": "；",
  "dashboard.noData": "本月暂无数据",

  "dashboard.days.title": "每日收件与办结",
  "dashboard.days.x": "日期",
  "dashboard.days.y": "件数",
  "dashboard.days.summary": "{month} 每日收件与办结：共收件 {received} 件，办结 {completed} 件",
  "dashboard.days.line": "{date} 收件 {received} 件、办结 {completed} 件",

  "dashboard.onTime.title": "按时办结率",
  "dashboard.onTime.x": "按时办结率（%）",
  "dashboard.onTime.departments": "部门",
  "dashboard.onTime.windows": "窗口",
  "dashboard.onTime.value": "{rate}（{onTime}/{completed}）",
  "dashboard.onTime.none": "无办结",
  "dashboard.onTime.section": "{title}：{rows}",
  "dashboard.onTime.summary": "按时办结率：{lines}",

  "dashboard.cards.title": "预警",
  "dashboard.cards.x": "预警类别",
  "dashboard.cards.y": "张数",
  "dashboard.cards.count": "{kind} {count} 张",
  "dashboard.cards.summary": "本月预警：{lines}；申诉待裁定 {appealed} 张，申诉撤销 {cancelled} 张",
  "dashboard.cards.appeals": "申诉待裁定 {appealed} 张；申诉撤销 {cancelled} 张（不计入上图）",

  "dashboard.ratings.title": "好差评",
  "dashboard.ratings.x": "评价等级",
  "dashboard.ratings.y": "次数",
  "dashboard.ratings.count": "{rating} {count} 次",
  "dashboard.ratings.summary": "本月评价：{lines}；满意率 {rate}",
  "dashboard.ratings.satisfaction": "满意率 {rate}",
} as const satisfies Record<string, string>;
