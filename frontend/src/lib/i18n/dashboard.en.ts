// English strings of the dashboard page. Typed against dashboard.zh-CN.ts so a missing or
// extra key fails the typecheck.
import type { dashboardZhCN } from "./dashboard.zh-CN";

export const dashboardEn: Record<keyof typeof dashboardZhCN, string> = {
  "nav.dashboard": "Dashboard",

  "dashboard.title": "Dashboard",
  "dashboard.intro":
    "This month's figures for your department's cases held on this computer, counted like the monthly ledger; the county's figures are in the ledger exported at the county center (yichuang-hub export-ledger).",
  "dashboard.received": "Received",
  "dashboard.completed": "Completed",
  "dashboard.onTime": "On-time rate",
  "dashboard.satisfaction": "Satisfaction",
  "dashboard.cases": "{count} cases",
  "dashboard.empty": "No case data for {month}",
  "dashboard.listSep": ", ",
  "dashboard.groupSep": "; ",
  "dashboard.noData": "No data this month yet",

  "dashboard.days.title": "Cases received and completed per day",
  "dashboard.days.x": "Day",
  "dashboard.days.y": "Cases",
  "dashboard.days.summary": "{month} per day: {received} received, {completed} completed in all",
  "dashboard.days.line": "{date}: {received} received, {completed} completed",

  "dashboard.onTime.title": "On-time completion rate",
  "dashboard.onTime.x": "On-time rate (%)",
  "dashboard.onTime.departments": "Departments",
  "dashboard.onTime.windows": "Windows",
  "dashboard.onTime.value": "{rate} ({onTime}/{completed})",
  "dashboard.onTime.none": "none completed",
  "dashboard.onTime.section": "{title}: {rows}",
  "dashboard.onTime.summary": "On-time completion rate: {lines}",

  "dashboard.cards.title": "Cards",
  "dashboard.cards.x": "Kind",
  "dashboard.cards.y": "Cards",
  "dashboard.cards.count": "{kind} {count}",
  "dashboard.cards.summary": "Cards this month: {lines}; {appealed} appeals pending, {cancelled} cancelled on appeal",
  "dashboard.cards.appeals": "{appealed} appeals pending; {cancelled} cancelled on appeal (not counted above)",

  "dashboard.ratings.title": "Ratings",
  "dashboard.ratings.x": "Rating",
  "dashboard.ratings.y": "Ratings",
  "dashboard.ratings.count": "{rating} {count}",
  "dashboard.ratings.summary": "Ratings this month: {lines}; satisfaction {rate}",
  "dashboard.ratings.satisfaction": "Satisfaction {rate}",
};
