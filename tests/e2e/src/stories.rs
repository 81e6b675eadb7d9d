//! The stories: what a clerk does in the window, checked against what the window shows.

use crate::county::{self, County};
use crate::webdriver::{Failure, Result, Session, KEY_ENTER, KEY_F2};
use chrono::NaiveDate;
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use yichuang_core::catalog::Catalog;
use yichuang_core::WorkCalendar;

pub(crate) const DEMO: &str = include_str!("../../../crates/yichuang-app/data/demo-catalog.json");

/// The counter's clock in every story (set on the app by `start_driver`): a Tuesday morning
/// two working days before the 2026 Spring Festival holiday, so deadlines cross it.
pub const CLOCK_START: &str = "2026-02-10 09:00";

fn counter_today() -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 2, 10).ok_or_else(|| "bad date".into())
}

pub struct Ctx<'a> {
    pub session: &'a Session,
    pub shots: &'a Path,
    pub scratch: &'a Path,
    /// The county (PostgreSQL, hub, keyring) for a story that [`Needs::County`].
    pub county: Option<&'a County>,
}

/// What a story needs besides a fresh window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Just the window on an empty data dir.
    Window,
    /// Also the county: PostgreSQL set up by `yichuang-hub`, its server, and a keyring.
    County,
}

type Story = fn(&Ctx<'_>) -> Result<()>;

pub const ALL: &[(&str, Needs, Story)] = &[
    (
        "a malformed catalog shows its error and imports nothing",
        Needs::Window,
        malformed_catalog_is_refused,
    ),
    (
        "a clerk loads the demo catalog, finds an item and sees its materials and due date",
        Needs::Window,
        browse_demo_catalog,
    ),
    (
        "a clerk takes a food licence from intake through a one-time notice to acceptance across the Spring Festival",
        Needs::Window,
        food_licence_across_spring_festival,
    ),
    (
        "a window enrolls with the county, a clerk logs in, takes a case and syncs it",
        Needs::County,
        enroll_login_take_a_case_and_sync,
    ),
    (
        "a clerk hands the window to the backup, who accepts a case for her, and takes it back",
        Needs::County,
        crate::window_day::handover_and_return,
    ),
    (
        "the chief representative approves a case at the window and a clerk cannot",
        Needs::County,
        crate::window_day::approval_by_the_chief_representative,
    ),
    (
        "a fee with its fiscal receipt number balances in the day's cash report",
        Needs::Window,
        crate::window_day::fee_and_daily_cash_report,
    ),
    (
        "a bad rating on the applicant's screen opens a rectification task",
        Needs::Window,
        crate::window_day::bad_rating_opens_rectification,
    ),
    (
        "the month's ledger is exported from the window with its four sheets",
        Needs::Window,
        crate::window_day::export_the_months_ledger,
    ),
    (
        "a clerk appeals a card, the supervisor cancels it, and the dashboard counts it",
        Needs::County,
        crate::supervision::a_card_is_appealed_and_cancelled_and_the_dashboard_counts_it,
    ),
];

pub(crate) fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

pub(crate) fn check(cond: bool, what: impl Into<String>) -> Result<()> {
    if cond {
        Ok(())
    } else {
        Err(Failure::Story(what.into()))
    }
}

fn malformed_catalog_is_refused(ctx: &Ctx<'_>) -> Result<()> {
    let s = ctx.session;
    s.wait(&testid("welcome-load-demo"))?;
    let mut doc: Value = serde_json::from_str(DEMO).map_err(|e| e.to_string())?;
    doc["items"][1]["promised_days"] = Value::from(30);
    let file = ctx.scratch.join("bad-catalog.json");
    std::fs::write(&file, doc.to_string()).map_err(|e| e.to_string())?;

    let input = s.wait(&testid("welcome-import-file"))?;
    s.type_text(&input, file.to_str().unwrap_or_default())?;
    let error = s.wait_text(&testid("import-error"), |t| t.contains("promised_days"))?;
    check(
        error.contains("000102002000") && error.contains("承诺时限"),
        format!("the error names the item and explains: {error:?}"),
    )?;
    s.screenshot(&ctx.shots.join("malformed-catalog.png"))?;
    // Nothing was imported: the welcome screen is still offering the demo catalog.
    s.wait(&testid("welcome-load-demo"))?;
    check(
        s.find(&testid("catalog-search"))?.is_none(),
        "no catalog page without a catalog",
    )
}

fn browse_demo_catalog(ctx: &Ctx<'_>) -> Result<()> {
    let s = ctx.session;
    let catalog = Catalog::parse(DEMO).map_err(|e| e.to_string())?;
    let item = catalog.item("000102002000").ok_or("food licence in demo")?;

    let load = s.wait(&testid("welcome-load-demo"))?;
    s.click(&load)?;
    // A loaded catalog opens on the queue; the catalog is one click away.
    s.wait(&testid("queue-page"))?;
    s.click(&s.wait(&testid("nav-catalog"))?)?;
    let search = s.wait(&testid("catalog-search"))?;
    s.wait(&testid("catalog-row-000102001000"))?;
    s.type_text(&search, "食品")?;
    s.wait_gone(&testid("catalog-row-000102001000"))?;
    // WebKitWebDriver will not click a table row itself, only a cell in it.
    let cell = s.wait(&format!("{} td", testid("catalog-row-000102002000")))?;
    s.click(&cell)?;

    s.wait(&testid("item-detail"))?;
    let title = s.wait_text(&testid("item-detail-title"), |t| t == item.name)?;
    check(
        title == item.name,
        "the drawer is titled with the item's name",
    )?;
    let materials = s.wait_text(&testid("item-materials"), |t| !t.is_empty())?;
    for m in &item.materials {
        check(
            materials.contains(&m.name),
            format!("material {} shown", m.name),
        )?;
    }
    // The expected date comes from the calendar core on the counter's (shifted) date.
    let today = counter_today()?;
    let expected = WorkCalendar::embedded().add_working_days(today, item.promised_days);
    let due = s.wait_text(&testid("due-promised"), |t| !t.is_empty())?;
    check(
        due.contains(&expected.date.format("%Y-%m-%d").to_string()),
        format!("promised due date {} shown in {due:?}", expected.date),
    )?;
    if expected.provisional {
        s.wait(&testid("due-provisional"))?;
    }
    // Let the import toast go and the drawer finish sliding in, so the screenshot shows
    // what the clerk sees.
    s.wait_gone(".ant-message-notice")?;
    std::thread::sleep(std::time::Duration::from_millis(800));
    s.screenshot(&ctx.shots.join("catalog-item.png"))
}

/// The food licence of the demo catalog, at the market regulator's window.
pub(crate) const FOOD_LICENCE: &str = "000102002000";

/// Picks an option of an antd Select the way a clerk does with the keyboard: type into its
/// search box until the one wanted option is the only one left, then Enter. (A WebDriver
/// click on an antd option does not select it in WebKitWebDriver.)
pub(crate) fn pick_option(
    s: &Session,
    select_testid: &str,
    typed: &str,
    title_part: &str,
) -> Result<()> {
    s.click(&s.wait(&format!("{} .ant-select-selector", testid(select_testid)))?)?;
    let input = s.wait(&format!("{} input", testid(select_testid)))?;
    s.type_text(&input, typed)?;
    let options = ".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let shown = s.find_all(options)?;
        let wanted = s.find_all(&format!("{options}[title*=\"{title_part}\"]"))?;
        if shown.len() == 1 && wanted.len() == 1 {
            break;
        }
        if std::time::Instant::now() > deadline {
            return Err(format!(
                "{select_testid}: {} options shown for {typed:?}, {} of them {title_part:?}",
                shown.len(),
                wanted.len()
            )
            .into());
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    s.press(&input, KEY_ENTER)?;
    let chosen = format!("{} .ant-select-selection-item", testid(select_testid));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        if s.dom(&chosen, false)?
            .is_some_and(|t| t.contains(title_part))
        {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!(
                "{select_testid} did not take {title_part:?}: {:?}",
                s.dom(&testid(select_testid), true)?
            )
            .into());
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

pub(crate) fn type_into(s: &Session, id: &str, text: &str) -> Result<()> {
    let e = s.wait(&testid(id))?;
    s.type_text(&e, text)
}

/// Clicks the element; when a toast (antd message) lies over it, waits for the toast to go
/// and clicks again, as a clerk would.
pub(crate) fn click_id(s: &Session, id: &str) -> Result<()> {
    let e = s.wait(&testid(id))?;
    match s.click(&e) {
        Err(err) if err.is_driver("element click intercepted") => {
            s.wait_gone(".ant-message-notice")?;
            s.click(&s.wait(&testid(id))?)
        }
        // Re-rendered between finding and clicking: find it again.
        Err(err) if err.is_driver("stale element reference") => {
            std::thread::sleep(std::time::Duration::from_millis(200));
            s.click(&s.wait(&testid(id))?)
        }
        other => other,
    }
}

/// The text of a notice PDF, as a reader (pdftotext) sees it, with spaces and line breaks
/// taken out so a wrapped table cell still reads as one phrase.
pub(crate) fn pdf_text(path: &str) -> Result<String> {
    let out = Command::new("pdftotext")
        .args(["-layout", path, "-"])
        .output()
        .map_err(|e| format!("cannot run pdftotext (poppler-utils): {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "pdftotext {path} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect())
}

/// Prints the notice (the app opens the system viewer) and reads back the PDF it made.
fn print_notice(s: &Session, number: &str) -> Result<String> {
    click_id(s, &format!("notice-print-{number}"))?;
    let path = s.wait_text(&testid(&format!("notice-path-{number}")), |t| {
        t.ends_with(".pdf")
    })?;
    pdf_text(path.trim())
}

/// The numbers of the notices listed on the case page, in order.
fn notice_numbers(s: &Session) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for e in s.find_all("[data-testid^=\"notice-number-\"]")? {
        out.push(s.text(&e)?.trim().to_string());
    }
    Ok(out)
}

fn wait_notice_count(s: &Session, n: usize) -> Result<Vec<String>> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let numbers = notice_numbers(s)?;
        if numbers.len() == n {
            return Ok(numbers);
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("expected {n} notices, see {numbers:?}").into());
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// Ticks the checklist lines and saves, waiting until the save is through.
pub(crate) fn tick_and_save(s: &Session, ticks: &[(&str, &str)]) -> Result<()> {
    for (code, tick) in ticks {
        click_id(s, &format!("check-{code}-{tick}"))?;
    }
    s.wait(&testid("checklist-dirty"))?;
    click_id(s, "checklist-save")?;
    s.wait_gone(&testid("checklist-dirty"))
}

pub(crate) fn fill_intake(s: &Session, id_number: &str) -> Result<()> {
    fill_intake_item(s, FOOD_LICENCE, id_number)
}

pub(crate) fn fill_intake_item(s: &Session, item: &str, id_number: &str) -> Result<()> {
    s.wait(&testid("intake-page"))?;
    pick_option(s, "intake-item", item, item)?;
    type_into(s, "intake-applicant-name", "张三")?;
    type_into(s, "intake-applicant-id_number", id_number)?;
    type_into(s, "intake-applicant-phone", "13800000000")
}

fn food_licence_across_spring_festival(ctx: &Ctx<'_>) -> Result<()> {
    let s = ctx.session;
    let catalog = Catalog::parse(DEMO).map_err(|e| e.to_string())?;
    let item = catalog.item(FOOD_LICENCE).ok_or("food licence in demo")?;

    // First start: load the demo catalog; the queue asks for the window to be set up.
    click_id(s, "welcome-load-demo")?;
    s.wait_text(&testid("workstation-missing"), |t| {
        t.contains("本窗口尚未设置")
    })?;
    click_id(s, "workstation-go-settings")?;

    // Settings → 本窗口: the market regulator's window 3 and its clerk.
    s.wait(&testid("settings-workstation"))?;
    s.wait_text(&testid("ws-case-format"), |_| true)?;
    pick_option(s, "ws-department", "市场监督", "县市场监督管理局")?;
    type_into(s, "ws-window-code", "W03")?;
    type_into(s, "ws-window-name", "3号窗口")?;
    type_into(s, "ws-clerk-id", "S0301")?;
    type_into(s, "ws-clerk-name", "李敏")?;
    type_into(s, "ws-center-name", "江永县政务服务中心")?;
    click_id(s, "ws-save")?;
    s.wait_text(&testid("ws-configured"), |t| t.contains("3号窗口"))?;
    s.wait_text(&testid("header-window"), |t| t.contains("李敏"))?;

    // Intake with a mistyped ID number (wrong check digit): the error sits under the field.
    click_id(s, "nav-intake")?;
    fill_intake(s, "110105194912310021")?;
    click_id(s, "intake-submit")?;
    let error = s.wait_text(
        &format!(
            "{} .ant-form-item-explain-error",
            testid("intake-field-applicant-id_number")
        ),
        |t| !t.is_empty(),
    )?;
    check(
        error.contains("身份证"),
        format!("the ID field explains: {error:?}"),
    )?;
    check(
        s.find(&testid("case-page"))?.is_none(),
        "no case is opened for a refused intake",
    )?;
    s.screenshot(&ctx.shots.join("intake-id-error.png"))?;

    // Nothing was saved: the queue is empty.
    click_id(s, "nav-queue")?;
    s.wait_text(&testid("queue-table"), |t| t.contains("队列中没有办件"))?;
    check(
        s.find("[data-testid^=\"queue-row-\"]")?.is_none(),
        "the queue stays empty after a refused intake",
    )?;

    // F2 from the queue opens a fresh form; this time the ID number is right.
    let search = s.wait(&testid("queue-search"))?;
    s.press(&search, KEY_F2)?;
    fill_intake(s, "11010519491231002X")?;
    click_id(s, "intake-submit")?;

    // The case page: under review, two materials missing, the rest received.
    let case_no = s.wait_text(&testid("case-no"), |t| !t.is_empty())?;
    let case_no = case_no.trim().to_string();
    s.wait_text(&testid("case-state"), |t| t.contains("审查中"))?;
    let missing: Vec<&str> = vec!["LAYOUT", "RULES"];
    let mut ticks: Vec<(&str, &str)> = Vec::new();
    for m in &item.materials {
        let tick = if missing.contains(&m.code.as_str()) {
            "missing"
        } else {
            "received"
        };
        ticks.push((m.code.as_str(), tick));
    }
    tick_and_save(s, &ticks)?;

    // The one-time notice lists both missing materials and the case number.
    click_id(s, "act-issue-correction")?;
    s.wait_text(&testid("case-state"), |t| t.contains("待补正"))?;
    let numbers = wait_notice_count(s, 1)?;
    let correction = numbers.first().ok_or("a correction notice")?.clone();
    let text = print_notice(s, &correction)?;
    for code in &missing {
        let m = item
            .materials
            .iter()
            .find(|m| m.code == *code)
            .ok_or("material in demo")?;
        check(
            text.contains(&m.name),
            format!("the one-time notice names {}: {text}", m.name),
        )?;
    }
    check(
        text.contains(&case_no),
        format!("the one-time notice carries the case number {case_no}: {text}"),
    )?;
    s.screenshot(&ctx.shots.join("case-correction.png"))?;

    // The applicant comes back with the two materials: all received, then accepted.
    click_id(s, "act-correction-received")?;
    s.wait_text(&testid("case-state"), |t| t.contains("审查中"))?;
    s.wait(&testid("checklist-save"))?;
    click_id(s, "checklist-all-received")?;
    s.wait(&testid("checklist-dirty"))?;
    click_id(s, "checklist-save")?;
    s.wait_gone(&testid("checklist-dirty"))?;
    click_id(s, "act-accept")?;
    s.wait_text(&testid("case-state"), |t| t.contains("已受理"))?;

    // Ten working days from 10 February cross the Spring Festival holiday.
    let expected = WorkCalendar::embedded().add_working_days(counter_today()?, item.promised_days);
    let due = expected.date.format("%Y-%m-%d").to_string();
    s.wait_text(&testid("case-due-promised"), |t| t.trim() == due)?;
    s.wait_text(&testid("case-start-event"), |t| t.contains("补正齐全"))?;

    let numbers = wait_notice_count(s, 2)?;
    let acceptance = numbers
        .iter()
        .find(|n| **n != correction)
        .ok_or("an acceptance notice")?
        .clone();
    let text = print_notice(s, &acceptance)?;
    let chinese_due = format!(
        "{}年{}月{}日",
        expected.date.format("%Y"),
        expected.date.format("%-m"),
        expected.date.format("%-d")
    );
    check(
        text.contains(&chinese_due),
        format!("the acceptance notice gives the due date {chinese_due}: {text}"),
    )?;
    // The screenshot shows the top of the case page (header, actions, checklist), toast gone.
    s.wait_gone(".ant-message-notice")?;
    s.execute("window.scrollTo(0, 0);", Vec::new())?;
    s.screenshot(&ctx.shots.join("case-accepted.png"))?;

    // The queue shows the case with the promised due date.
    click_id(s, "nav-queue")?;
    let row = format!("queue-row-{case_no}");
    s.wait(&testid(&row))?;
    s.wait_text(&testid(&format!("queue-due-{case_no}")), |t| {
        t.trim() == due
    })?;
    check(
        s.find_all("[data-testid^=\"queue-row-\"]")?.len() == 1,
        "one case in the queue",
    )?;
    s.screenshot(&ctx.shots.join("queue.png"))
}

/// A fresh PC joins the county: 设置 → 连接县级中心 with the address and the one-time token
/// county IT printed, the login screen, a case taken in and accepted, 立即同步, and the case
/// is in the county's database.
fn enroll_login_take_a_case_and_sync(ctx: &Ctx<'_>) -> Result<()> {
    let s = ctx.session;
    let county = ctx
        .county
        .ok_or("this story needs the county (Needs::County), and none was started")?;

    // A fresh PC has no catalog (the county will send it); the menu still leads to settings.
    s.wait(&testid("welcome-load-demo"))?;
    click_id(s, "nav-settings")?;
    s.wait(&testid("settings-hub"))?;
    check(
        s.find(&testid("hub-enrolled"))?.is_none(),
        "a fresh PC is not enrolled",
    )?;
    type_into(s, "hub-address", &county.hub_url)?;
    type_into(s, "hub-token", &county.token)?;
    s.screenshot(&ctx.shots.join("sync-enroll.png"))?;
    click_id(s, "hub-enroll")?;

    // Enrolled: the county named the window and center; nobody is logged in yet.
    s.wait(&testid("login-screen"))
        .map_err(|e| match s.dom(&testid("hub-error"), false) {
            Ok(Some(refusal)) => format!("enrollment refused: {refusal}").into(),
            _ => e,
        })?;
    let place = s.wait_text(&testid("login-place"), |t| t.contains(county::WINDOW_NAME))?;
    check(
        place.contains(county::CENTER),
        format!("the login screen names the window and the center: {place:?}"),
    )?;
    // The hub credential is in the keyring (Secret Service), filed for this workstation.
    let items = county::keyring_items("yichuang")?;
    check(
        items.contains("attribute.username = hub:"),
        format!("the keyring holds the hub credential: {items:?}"),
    )?;
    type_into(s, "login-username", county::USERNAME)?;
    type_into(s, "login-password", county::PASSWORD)?;
    s.wait_gone(".ant-message-notice")?;
    s.screenshot(&ctx.shots.join("sync-login.png"))?;
    click_id(s, "login-submit")?;
    s.wait_text(&testid("header-user-name"), |t| {
        t.contains(county::USER_NAME)
    })
    .map_err(|e| match s.dom(&testid("login-error"), false) {
        Ok(Some(refusal)) => format!("login refused: {refusal}").into(),
        _ => e,
    })?;

    // The catalog came down from the county: the queue, not the welcome page.
    s.wait(&testid("queue-page"))?;
    s.wait_text(&testid("sync-online"), |t| t.contains("在线"))?;

    // F2 from the queue, then the case as at any window: received, everything there, accepted.
    let search = s.wait(&testid("queue-search"))?;
    s.press(&search, KEY_F2)?;
    fill_intake(s, "11010519491231002X")?;
    click_id(s, "intake-submit")?;
    let case_no = s
        .wait_text(&testid("case-no"), |t| !t.is_empty())?
        .trim()
        .to_string();
    check(
        case_no.contains(&format!("-{}-{}-", county::DEPARTMENT, county::WINDOW)),
        format!("the number is the county's window's: {case_no}"),
    )?;
    s.wait_text(&testid("case-state"), |t| t.contains("审查中"))?;
    s.wait(&testid("checklist-save"))?;
    click_id(s, "checklist-all-received")?;
    s.wait(&testid("checklist-dirty"))?;
    click_id(s, "checklist-save")?;
    s.wait_gone(&testid("checklist-dirty"))?;
    click_id(s, "act-accept")?;
    s.wait_text(&testid("case-state"), |t| t.contains("已受理"))?;
    let before = s.wait_text(&testid("sync-pending"), |t| t.contains("待同步"))?;
    // Told, not checked: the badge is read every 10 s and the PC also syncs every 30 s.
    let at_county = county.query("SELECT count(*) FROM case_record;")?;
    eprintln!(
        "  before 立即同步: the header says {before:?}, the county holds {} case(s)",
        at_county.trim()
    );

    // 立即同步: nothing left waiting, nothing refused, and the county has the case.
    s.wait_gone(".ant-message-notice")?;
    click_id(s, "sync-now")?;
    // The badge may already say 待同步 0 before the click (it is read every 10 s, and the
    // background sync may have run): the toast is what says this sync is through.
    s.wait_text(".ant-message-notice", |t| t.contains("同步完成"))?;
    s.wait_text(&testid("sync-pending"), |t| t.trim() == "待同步 0")?;
    s.wait_text(&testid("sync-conflicts"), |t| t.trim() == "冲突 0")?;
    s.wait_text(&testid("sync-online"), |t| t.contains("在线"))?;
    s.wait_text(&testid("sync-last"), |t| t.contains("上次同步"))?;
    let count = county.query("SELECT count(*) FROM case_record;")?;
    check(
        count.trim() == "1",
        format!("the county holds one case: {count:?}"),
    )?;
    let row = county.query("SELECT case_no, window_code, state FROM case_record;")?;
    let want = format!("{case_no}|{}|accepted", county::WINDOW);
    check(
        row.trim() == want,
        format!("the county's case is {want:?}: {row:?}"),
    )?;
    s.wait_gone(".ant-message-notice")?;
    scroll_to_top(s)?;
    s.screenshot(&ctx.shots.join("sync-status.png"))?;

    // The conflicts list (同步冲突) says the county took everything.
    click_id(s, "sync-conflicts")?;
    s.wait(&testid("conflicts-page"))?;
    s.wait(&testid("conflicts-empty"))?;
    s.screenshot(&ctx.shots.join("sync-conflicts.png"))
}

/// Scrolls the page (and any scrolled box in it) back to the top, as the clicks scrolled it,
/// and waits until nothing is scrolled any more, so a screenshot shows the header whole.
pub(crate) fn scroll_to_top(s: &Session) -> Result<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let scrolled = s.execute(
            "let most = window.scrollY; \
             for (const e of [document.scrollingElement, ...document.querySelectorAll('*')]) { \
               if (e && e.scrollTop) { \
                 most = Math.max(most, e.scrollTop); \
                 e.scrollTo({ top: 0, behavior: 'instant' }); \
               } \
             } \
             return most;",
            Vec::new(),
        )?;
        if scrolled.as_f64() == Some(0.0) {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("the page stays scrolled by {scrolled} px").into());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}
