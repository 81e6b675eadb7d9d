//! The window's day in the real window: the A/B handover and its return, the chief
//! representative's approval (and a clerk who cannot give it), a fee with its fiscal receipt
//! and the day's cash report, and a bad rating from the applicant-facing screen opening a
//! rectification task. Each story starts from an empty data directory.

use crate::county::{self, County};
use crate::stories::{
    check, click_id, fill_intake_item, pdf_text, pick_option, scroll_to_top, testid, type_into,
    Ctx, FOOD_LICENCE,
};
use crate::webdriver::{Result, Session};

/// 企业设立登记: promised, no approval needed, no fee.
pub(crate) const COMPANY: &str = "000102003000";
/// 居民身份证换领: 20.00 yuan by the catalog's fee standard.
const ID_CARD: &str = "000107001000";

pub(crate) fn county_of<'a>(ctx: &'a Ctx<'_>) -> Result<&'a County> {
    ctx.county
        .ok_or_else(|| "this story needs the county (Needs::County), and none was started".into())
}

/// Enrolls the fresh PC with the county through 设置 and logs `username` in.
pub(crate) fn enroll_and_login(
    s: &Session,
    county: &County,
    username: &str,
    name: &str,
) -> Result<()> {
    s.wait(&testid("welcome-load-demo"))?;
    click_id(s, "nav-settings")?;
    s.wait(&testid("settings-hub"))?;
    type_into(s, "hub-address", &county.hub_url)?;
    type_into(s, "hub-token", &county.token)?;
    click_id(s, "hub-enroll")?;
    s.wait(&testid("login-screen"))?;
    login(s, username, name)?;
    s.wait(&testid("queue-page")).map(|_| ())
}

pub(crate) fn login(s: &Session, username: &str, name: &str) -> Result<()> {
    type_into(s, "login-username", username)?;
    type_into(s, "login-password", county::PASSWORD)?;
    click_id(s, "login-submit")?;
    s.wait_text(&testid("header-user-name"), |t| t.contains(name))
        .map(|_| ())
}

/// A training PC (never enrolled) set up as `department`'s window with the demo catalog.
fn training_window(s: &Session, department: (&str, &str), window: &str, clerk: &str) -> Result<()> {
    click_id(s, "welcome-load-demo")?;
    click_id(s, "workstation-go-settings")?;
    s.wait(&testid("settings-workstation"))?;
    s.wait_text(&testid("ws-case-format"), |_| true)?;
    pick_option(s, "ws-department", department.0, department.1)?;
    type_into(s, "ws-window-code", window)?;
    type_into(s, "ws-window-name", &format!("{window}窗口"))?;
    type_into(s, "ws-clerk-id", "C0001")?;
    type_into(s, "ws-clerk-name", clerk)?;
    type_into(s, "ws-center-name", county::CENTER)?;
    click_id(s, "ws-save")?;
    s.wait_text(&testid("header-window"), |t| t.contains(clerk))
        .map(|_| ())
}

/// Takes an intake of `item` from the intake page; returns the case number.
pub(crate) fn take_case(s: &Session, item: &str, id_number: &str) -> Result<String> {
    click_id(s, "nav-intake")?;
    fill_intake_item(s, item, id_number)?;
    click_id(s, "intake-submit")?;
    let no = s.wait_text(&testid("case-no"), |t| !t.trim().is_empty())?;
    s.wait_text(&testid("case-state"), |t| t.contains("审查中"))?;
    Ok(no.trim().to_string())
}

/// Every material received, saved, and accepted.
pub(crate) fn accept(s: &Session) -> Result<()> {
    s.wait(&testid("checklist-save"))?;
    click_id(s, "checklist-all-received")?;
    s.wait(&testid("checklist-dirty"))?;
    click_id(s, "checklist-save")?;
    s.wait_gone(&testid("checklist-dirty"))?;
    click_id(s, "act-accept")?;
    s.wait_text(&testid("case-state"), |t| t.contains("已受理"))
        .map(|_| ())
}

fn open_case(s: &Session, case_no: &str) -> Result<()> {
    click_id(s, "nav-queue")?;
    // A table row is not "interactable" to WebKitWebDriver; the page's own click opens it.
    let row = testid(&format!("queue-row-{case_no}"));
    s.wait(&row)?;
    s.execute(
        "document.querySelector(arguments[0]).click();",
        vec![serde_json::Value::from(row)],
    )?;
    s.wait_text(&testid("case-no"), |t| t.contains(case_no))
        .map(|_| ())
}

/// Picks the option of a (non-search) select whose title contains `title_part`.
fn choose(s: &Session, select_testid: &str, title_part: &str) -> Result<()> {
    let option = format!(
        ".ant-select-dropdown:not(.ant-select-dropdown-hidden) \
         .ant-select-item-option[title*=\"{title_part}\"]"
    );
    // WebKitWebDriver reads a Select's chosen value as empty text; the DOM has it.
    let chosen = format!("{} .ant-select-selection-item", testid(select_testid));
    // A click on an option still sliding in is lost (more so on a busy machine): the list is
    // opened and the option clicked again until the select shows it.
    for _ in 0..5 {
        if s.find(&option)?.is_none() {
            s.click(&s.wait(&format!("{} .ant-select-selector", testid(select_testid)))?)?;
        }
        if let Ok(e) = s.wait(&option) {
            let _ = s.click(&e);
        }
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while std::time::Instant::now() < deadline {
            if s.dom(&chosen, false)?
                .is_some_and(|t| t.contains(title_part))
            {
                return Ok(());
            }
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
    }
    Err(format!("{select_testid} did not take {title_part:?}").into())
}

/// The path of the PDF a "printed" notice names.
fn printed_pdf(s: &Session, id: &str) -> Result<String> {
    let text = s.wait_text(&testid(id), |t| t.contains(".pdf"))?;
    let start = text
        .find('/')
        .ok_or_else(|| format!("no path in {text:?}"))?;
    let end = text.find(".pdf").map(|i| i + 4).unwrap_or(text.len());
    Ok(text[start..end].to_string())
}

/// Chooses a radio option: antd keeps the radio's input (which carries the test id) visually
/// hidden, so WebDriver calls it not interactable; the page's own click reaches it.
pub(crate) fn choose_radio(s: &Session, id: &str) -> Result<()> {
    s.wait(&testid(id))?;
    s.execute(
        "document.querySelector(arguments[0]).click();",
        vec![serde_json::Value::from(testid(id))],
    )
    .map(|_| ())
}

/// Clicks a button that opens something; a click that lands while the page re-renders (the
/// case reloads after an action) is lost, so it is given again until `opens` shows.
pub(crate) fn open_with(s: &Session, id: &str, opens: &str) -> Result<()> {
    for _ in 0..5 {
        click_id(s, id)?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
        while std::time::Instant::now() < deadline {
            if s.find(&testid(opens))?.is_some() {
                return Ok(());
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }
    Err(format!("{id} did not open {opens}").into())
}

/// A screenshot for the user guide, once the toasts are gone and the page is at its top.
pub(crate) fn shot(ctx: &Ctx<'_>, name: &str) -> Result<()> {
    ctx.session.wait_gone(".ant-message-notice")?;
    scroll_to_top(ctx.session)?;
    ctx.session.screenshot(&ctx.shots.join(name))
}

/// Confirms the action modal. A click that lands while the modal is still opening (or the
/// page re-renders under it) is lost, so it is given again while the modal stays open with no
/// refusal shown; the modal keeps its action key, so a repeat can never act twice.
pub(crate) fn modal_ok(s: &Session) -> Result<()> {
    for _ in 0..5 {
        click_id(s, "modal-ok")?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(4);
        while std::time::Instant::now() < deadline {
            if s.find(&testid("action-modal"))?.is_none() {
                return Ok(());
            }
            if s.find(&testid("modal-error"))?.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        if s.find(&testid("modal-error"))?.is_some() {
            break;
        }
    }
    s.wait_gone(&testid("action-modal"))
}

/// Gives A's password in the return modal and confirms, until the window is A's again. The
/// OK button stays disabled until the typed password reaches the page, and a click that lands
/// while the modal still opens is lost: the password is typed again if the field is empty and
/// the click is given again. A refusal shown in the modal ends it.
fn confirm_return(s: &Session) -> Result<()> {
    let field = testid("handover-owner-password");
    for _ in 0..5 {
        if s.find(&testid("handover-return-modal"))?.is_some() {
            let typed = s.execute(
                "const e = document.querySelector(arguments[0]); \
                 const i = e && (e.tagName === 'INPUT' ? e : e.querySelector('input')); \
                 return i ? i.value : '';",
                vec![serde_json::Value::from(field.clone())],
            )?;
            if typed.as_str().unwrap_or_default().is_empty() {
                type_into(s, "handover-owner-password", county::PASSWORD)?;
            }
            // A click on a button still disabled or animating in is simply given again.
            let _ = click_id(s, "handover-return-ok");
        }
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while std::time::Instant::now() < deadline {
            if s.dom(&testid("header-user-name"), false)?
                .is_some_and(|t| t.contains(county::USER_NAME))
            {
                return Ok(());
            }
            if let Some(refusal) = s.dom(&testid("handover-return-error"), false)? {
                return Err(format!("the return was refused: {refusal}").into());
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }
    Err("the return did not go through: the window is still the backup's".into())
}

pub(crate) fn handover_and_return(ctx: &Ctx<'_>) -> Result<()> {
    let s = ctx.session;
    let county = county_of(ctx)?;
    enroll_and_login(s, county, county::USERNAME, county::USER_NAME)?;
    let case_no = take_case(s, COMPANY, "11010519491231002X")?;

    // 下班 with an open case: refused, with the way to the handover.
    click_id(s, "end-shift")?;
    s.wait_text(&testid("end-shift-refusal"), |t| t.contains("交接"))?;
    click_id(s, "end-shift-go-handover")?;
    s.wait(&testid("handover-form"))?;
    choose(s, "handover-to", county::BACKUP_NAME)?;
    type_into(s, "handover-password", county::PASSWORD)?;
    choose_radio(s, "handover-reason-leave")?;
    s.wait(&testid(&format!("sheet-line-{case_no}")))?;
    shot(ctx, "handover-form.png")?;
    click_id(s, "handover-submit")?;
    s.wait(&testid("handover-active")).map_err(|e| {
        match s.dom(&testid("handover-error"), false) {
            Ok(Some(refusal)) => format!("handover refused: {refusal}").into(),
            _ => e,
        }
    })?;
    s.wait_text(&testid("header-user-name"), |t| {
        t.contains(county::BACKUP_NAME)
    })?;
    click_id(s, "handover-print")?;
    let sheet = pdf_text(&printed_pdf(s, "handover-printed")?)?;
    for expected in [
        "AB岗交接单",
        county::USER_NAME,
        county::BACKUP_NAME,
        &case_no,
    ] {
        check(
            sheet.contains(expected),
            format!("the handover sheet names {expected}: {sheet}"),
        )?;
    }
    shot(ctx, "handover-active.png")?;

    // B accepts the case for A: the case and its timeline say so.
    open_case(s, &case_no)?;
    s.wait_text(&testid("case-holder"), |t| {
        t.contains(county::BACKUP_NAME) && t.contains(county::USER_NAME)
    })?;
    accept(s)?;
    let on_behalf = format!("{}（代 {}）", county::BACKUP_NAME, county::USER_NAME);
    s.wait_text(&testid("case-timeline"), |t| t.contains(&on_behalf))?;
    shot(ctx, "handover-case.png")?;

    // A is back: A's password, and the window is A's again.
    click_id(s, "nav-handover")?;
    open_with(s, "handover-return", "handover-return-modal")?;
    confirm_return(s)?;
    s.wait_gone(&testid("handover-active"))?;
    open_case(s, &case_no)?;
    check(
        s.find(&testid("case-holder"))?.is_none(),
        "the case is A's again",
    )
}

pub(crate) fn approval_by_the_chief_representative(ctx: &Ctx<'_>) -> Result<()> {
    let s = ctx.session;
    let county = county_of(ctx)?;
    enroll_and_login(s, county, county::USERNAME, county::USER_NAME)?;
    let case_no = take_case(s, FOOD_LICENCE, "11010519491231002X")?;
    accept(s)?;
    open_with(s, "act-request-approval", "action-modal")?;
    choose_radio(s, "modal-field-decision-granted")?;
    type_into(s, "modal-field-note", "现场核查已完成")?;
    modal_ok(s)?;
    s.wait_text(&testid("case-state"), |t| t.contains("待首席代表审批"))?;

    // The clerk sees the request on 审批 but cannot decide it.
    click_id(s, "nav-approvals")?;
    s.wait_text(&testid(&format!("approval-subject-{case_no}")), |t| {
        t.contains("准予")
    })?;
    s.wait(&testid("approvals-chief-only"))?;
    check(
        s.find(&testid(&format!("approval-approve-{case_no}")))?
            .is_none(),
        "a clerk has no 审批同意",
    )?;

    // The chief representative logs in at the window and approves with the seal.
    click_id(s, "logout")?;
    s.wait(&testid("login-screen"))?;
    login(s, county::CHIEF_USERNAME, county::CHIEF_NAME)?;
    click_id(s, "nav-approvals")?;
    s.wait(&testid(&format!("approval-approve-{case_no}")))?;
    shot(ctx, "approvals-queue.png")?;
    click_id(s, &format!("approval-approve-{case_no}"))?;
    s.wait(&testid("approval-subject"))?;
    modal_ok(s)?;
    s.wait(&testid("approvals-empty"))?;
    open_case(s, &case_no)?;
    s.wait_text(&testid("case-approvals"), |t| {
        t.contains(county::CHIEF_NAME) && t.contains("审批专用章")
    })?;
    s.wait_text(&testid("case-state"), |t| t.contains("办理中"))
        .map(|_| ())
}

pub(crate) fn fee_and_daily_cash_report(ctx: &Ctx<'_>) -> Result<()> {
    let s = ctx.session;
    training_window(s, ("公安", "县公安局"), "W11", "陈静")?;
    let case_no = take_case(s, ID_CARD, "11010519491231002X")?;
    accept(s)?;
    open_with(s, "fee-charge", "action-modal")?;
    check(
        s.dom(&testid("fee-standard"), false)?
            .is_some_and(|t| t.contains("20.00")),
        "the fee modal shows the standard amount",
    )?;
    choose_radio(s, "modal-field-method-scan")?;
    type_into(s, "modal-field-payment_code", "43112526021000000001")?;
    // A wrong receipt number is caught before anything is saved.
    type_into(s, "modal-field-receipt_no", "12-34")?;
    click_id(s, "modal-ok")?;
    s.wait(&testid("action-modal"))?;
    check(
        s.find(&testid("fee-row-1"))?.is_none(),
        "nothing charged with a bad receipt number",
    )?;
    // Select all, delete, type again, as the clerk does (the field keeps its own state, so
    // WebDriver's clear would not reach it).
    let receipt = s.wait(&testid("modal-field-receipt_no"))?;
    s.type_text(&receipt, "\u{E009}a\u{E000}\u{E003}")?;
    s.type_text(&s.wait(&testid("modal-field-receipt_no"))?, "00012345")?;
    modal_ok(s)?;
    s.wait_text(&testid("fee-amount-1"), |t| t.contains("20.00"))?;
    s.wait_text(&testid("fee-receipt-1"), |t| t.contains("00012345"))?;
    shot(ctx, "fee-case.png")?;

    click_id(s, "nav-cash")?;
    s.wait(&testid("cash-page"))?;
    s.wait_text(&testid("cash-total-charged"), |t| t.contains("20.00"))?;
    s.wait_text(&testid("cash-total-voided"), |t| t.contains("0.00"))?;
    s.wait_text(&testid("cash-total-collected"), |t| t.contains("20.00"))?;
    s.wait_text(&testid("cash-entries"), |t| t.contains(&case_no))?;
    shot(ctx, "cash-report.png")?;
    click_id(s, "cash-print")?;
    let report = pdf_text(&printed_pdf(s, "cash-printed")?)?;
    for expected in ["收费日报", "陈静", "20.00", "合计"] {
        check(
            report.contains(expected),
            format!("the printed report shows {expected}: {report}"),
        )?;
    }
    Ok(())
}

pub(crate) fn bad_rating_opens_rectification(ctx: &Ctx<'_>) -> Result<()> {
    let s = ctx.session;
    training_window(s, ("市场监督", "县市场监督管理局"), "W03", "李敏")?;
    take_case(s, COMPANY, "11010519491231002X")?;
    accept(s)?;
    open_with(s, "act-complete", "action-modal")?;
    choose_radio(s, "modal-field-decision-granted")?;
    modal_ok(s)?;
    s.wait_text(&testid("case-state"), |t| t.contains("已办结"))?;
    check(
        s.find("[data-testid^=\"rating-\"]")?.is_none(),
        "the counter window has no rating control",
    )?;

    // The invitation opens the applicant-facing screen; the applicant rates there.
    let main = s.window_handle()?;
    click_id(s, "case-rating-invite")?;
    s.wait(&testid("case-rating-waiting"))?;
    let screen = s.wait_new_window(std::slice::from_ref(&main))?;
    s.switch_to_window(&screen)?;
    s.wait(&testid("rating-form"))?;
    let submit = s.wait(&testid("rating-submit"))?;
    check(!s.enabled(&submit)?, "nothing is chosen for the applicant")?;
    click_id(s, "rating-very_dissatisfied")?;
    click_id(s, "rating-reason-slow")?;
    type_into(s, "rating-comment", "排队时间太长")?;
    shot(ctx, "rating-screen.png")?;
    click_id(s, "rating-submit")?;
    s.wait(&testid("rating-thanks"))?;

    // Back at the counter: the rating and the rectification task it opened.
    s.switch_to_window(&main)?;
    s.wait_text(&testid("case-rating-0"), |t| t.contains("非常不满意"))?;
    s.wait_text(&testid("case-rectification"), |t| t.contains("回访"))?;
    open_with(s, "act-follow-up", "action-modal")?;
    type_into(s, "modal-field-note", "已电话回访，致歉并说明原因")?;
    modal_ok(s)?;
    s.wait_text(&testid("rect-follow-up"), |t| t.contains("已电话回访"))?;
    shot(ctx, "rating-rectification.png")
}

pub(crate) fn export_the_months_ledger(ctx: &Ctx<'_>) -> Result<()> {
    let s = ctx.session;
    training_window(s, ("市场监督", "县市场监督管理局"), "W03", "李敏")?;
    let case_no = take_case(s, COMPANY, "11010519491231002X")?;
    accept(s)?;
    click_id(s, "nav-ledger")?;
    s.wait_text(&testid("ledger-month"), |_| true)?;
    click_id(s, "ledger-export")?;
    let saved = s.wait_text(&testid("ledger-saved"), |t| t.contains(".xlsx"))?;
    shot(ctx, "ledger-export.png")?;
    let start = saved
        .find('/')
        .ok_or_else(|| format!("no path in {saved:?}"))?;
    let end = saved.find(".xlsx").map(|i| i + 5).unwrap_or(saved.len());
    let path = &saved[start..end];
    // Read back with a second implementation (openpyxl): the four sheets, the case on the
    // register.
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../crates/yichuang-ledger/tests/read_back.py"
    );
    let out = std::process::Command::new("python3")
        .args([script, path])
        .output()
        .map_err(|e| format!("python3 (make deps installs openpyxl): {e}"))?;
    check(
        out.status.success(),
        format!(
            "openpyxl read {path}: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    )?;
    let book: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("read_back JSON: {e}"))?;
    let names: Vec<&str> = book["sheets"]
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["name"].as_str()).collect())
        .unwrap_or_default();
    check(
        names == ["登记", "汇总", "预警", "差评"],
        format!("the workbook's sheets: {names:?}"),
    )?;
    check(
        out.stdout
            .windows(case_no.len())
            .any(|w| w == case_no.as_bytes()),
        format!("the register lists {case_no}"),
    )
}
