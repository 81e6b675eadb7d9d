//! The stories: what a clerk does in the window, checked against what the window shows.

use crate::webdriver::{Result, Session};
use chrono::{FixedOffset, Utc};
use serde_json::Value;
use std::path::Path;
use yichuang_core::catalog::Catalog;
use yichuang_core::WorkCalendar;

const DEMO: &str = include_str!("../../../crates/yichuang-app/data/demo-catalog.json");

pub struct Ctx<'a> {
    pub session: &'a Session,
    pub shots: &'a Path,
    pub scratch: &'a Path,
}

type Story = fn(&Ctx<'_>) -> Result<()>;

pub const ALL: &[(&str, Story)] = &[
    (
        "a malformed catalog shows its error and imports nothing",
        malformed_catalog_is_refused,
    ),
    (
        "a clerk loads the demo catalog, finds an item and sees its materials and due date",
        browse_demo_catalog,
    ),
];

fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

fn check(cond: bool, what: impl Into<String>) -> Result<()> {
    if cond {
        Ok(())
    } else {
        Err(what.into())
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
    // The expected date comes from the calendar core on today's date at the counter.
    let today = Utc::now()
        .with_timezone(&FixedOffset::east_opt(8 * 3600).ok_or("tz")?)
        .date_naive();
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
