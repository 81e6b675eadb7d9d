//! The supervisors' day in the real window: a card appealed by the clerk and cancelled by the
//! supervisor on 电子监察, and the month at a glance on 数据看板.

use crate::county;
use crate::stories::{check, click_id, testid, type_into, Ctx};
use crate::webdriver::Result;
use crate::window_day::{
    accept, choose_radio, county_of, enroll_and_login, login, modal_ok, open_with, shot, take_case,
    COMPANY,
};

pub(crate) fn a_card_is_appealed_and_cancelled_and_the_dashboard_counts_it(
    ctx: &Ctx<'_>,
) -> Result<()> {
    let s = ctx.session;
    let county = county_of(ctx)?;
    enroll_and_login(s, county, county::USERNAME, county::USER_NAME)?;
    // This window warns five working days ahead: a case promised in three earns its yellow
    // card as soon as it is accepted.
    click_id(s, "nav-settings")?;
    s.wait(&testid("settings-workstation"))?;
    let days = s.wait(&testid("ws-yellow-days"))?;
    // Backspace over the default 1, then 5.
    s.type_text(&days, "\u{E003}5")?;
    click_id(s, "ws-save")?;
    s.wait_gone(".ant-btn-loading")?;
    let case_no = take_case(s, COMPANY, "11010519491231002X")?;
    accept(s)?;

    // The clerk appeals the card with a reason.
    click_id(s, "nav-supervision")?;
    let row = format!(
        "[data-testid=\"supervision-card\"][data-case-no=\"{case_no}\"][data-level=\"yellow\"]"
    );
    s.wait(&row)?;
    s.wait_text(&testid("supervision-windows"), |t| t.contains("1号窗口"))?;
    check(
        s.find(&testid("rule-open"))?.is_none(),
        "a clerk has no 裁定",
    )?;
    open_with(s, "appeal-open", "action-modal")?;
    type_into(s, "appeal-reason", "申请人书面要求暂缓办理，已电话确认")?;
    modal_ok(s)?;
    let status = format!("{row} {}", testid("card-status"));
    s.wait_text(&status, |t| t.contains("申诉待裁定"))?;

    // The supervisor logs in at the window and cancels it, with a note.
    click_id(s, "logout")?;
    s.wait(&testid("login-screen"))?;
    login(s, county::SUPERVISOR_USERNAME, county::SUPERVISOR_NAME)?;
    click_id(s, "nav-supervision")?;
    s.wait(&row)?;
    check(
        s.find(&testid("appeal-open"))?.is_none(),
        "a supervisor does not appeal",
    )?;
    open_with(s, "rule-open", "action-modal")?;
    choose_radio(s, "rule-verdict-cancel")?;
    type_into(s, "rule-note", "经核实，申请人书面要求暂缓")?;
    type_into(s, "rule-password", county::PASSWORD)?;
    modal_ok(s)?;
    s.wait_text(&status, |t| t.contains("已撤销"))?;
    // The ruling as the system records it: who ruled, on the row.
    s.wait_text(&format!("{row} {}", testid("card-ruling")), |t| {
        t.contains(county::SUPERVISOR_NAME)
    })?;
    shot(ctx, "supervision-board.png")?;

    // The month at a glance: the case received, the card cancelled and not counted.
    click_id(s, "nav-dashboard")?;
    s.wait_text(&testid("dashboard-received"), |t| {
        t.trim().trim_start_matches("收件").trim() == "1"
    })?;
    s.wait(&testid("chart-cards"))?;
    // The chart's words for screen readers: the SVG's aria-label.
    let label = s
        .execute(
            "const c = document.querySelector(arguments[0]); \
             const svg = c && (c.matches('[role=img]') ? c : c.querySelector('[role=img]')); \
             return svg ? (svg.getAttribute('aria-label') || '') : '';",
            vec![serde_json::Value::from(testid("chart-cards"))],
        )?
        .as_str()
        .unwrap_or_default()
        .to_string();
    check(
        label.contains("撤销 1") || label.contains("撤销1"),
        format!("the cards chart says one was cancelled: {label:?}"),
    )?;
    shot(ctx, "dashboard.png")
}
