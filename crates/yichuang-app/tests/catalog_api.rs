//! The App's catalog and calendar handlers, run as the window runs them, against a temp
//! data directory (a real SQLite cache) and a fixed clock.

use serde_json::{json, Value};
use std::sync::Arc;
use yichuang_app::api::{calendar, catalog, settings};
use yichuang_app::ports::FixedClock;
use yichuang_app::{App, AppConfig, ErrorCode, DEMO_CATALOG};
use yichuang_core::Lang;

async fn open_at(local: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(AppConfig::headless(
        dir.path().to_path_buf(),
        Arc::new(FixedClock::at_local(local)),
    ))
    .await
    .expect("open app");
    (dir, app)
}

fn search(query: &str, department: Option<&str>) -> catalog::SearchItemsRequest {
    catalog::SearchItemsRequest {
        query: query.into(),
        department: department.map(str::to_owned),
    }
}

#[tokio::test]
async fn on_first_start_there_is_no_catalog_and_browsing_says_so() {
    let (_d, app) = open_at("2026-11-23 09:00").await;
    let status = catalog::status(&app, ()).await.expect("status");
    assert_eq!(status.current, None);
    let err = catalog::search(&app, search("", None))
        .await
        .expect_err("no catalog");
    assert_eq!(err.code, ErrorCode::CatalogNotLoaded);
    assert!(err.message.contains("尚未导入事项目录"), "{}", err.message);
}

#[tokio::test]
async fn a_clerk_loads_the_demo_catalog_and_finds_an_item_by_name_code_or_department() {
    let (_d, app) = open_at("2026-11-23 09:00").await;
    let loaded = catalog::load_demo(&app, ()).await.expect("demo");
    assert_eq!(
        (loaded.version.as_str(), loaded.item_count, loaded.changed),
        ("2026.11", 24, true)
    );
    let status = catalog::status(&app, ()).await.expect("status");
    let current = status.current.expect("current");
    assert_eq!(current.region_name, "江永县");
    assert_eq!(current.department_count, 14);

    let hits = catalog::search(&app, search("食品", None))
        .await
        .expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].code, "000102002000");
    assert_eq!(hits[0].department_name, "县市场监督管理局");

    let by_code = catalog::search(&app, search("000118", None))
        .await
        .expect("search");
    assert_eq!(by_code.len(), 3);
    let zrzy = catalog::search(&app, search("", Some("ZRZY")))
        .await
        .expect("search");
    assert!(zrzy.iter().all(|i| i.department_code == "ZRZY"));
    let depts = catalog::departments(&app, ()).await.expect("departments");
    assert_eq!(depts.len(), 14);
}

#[tokio::test]
async fn an_opened_item_shows_materials_situations_limits_fee_and_approval() {
    let (_d, app) = open_at("2026-11-23 09:00").await;
    catalog::load_demo(&app, ()).await.expect("demo");
    let detail = catalog::item(
        &app,
        catalog::ItemRequest {
            code: "000118002000".into(),
        },
    )
    .await
    .expect("item");
    assert_eq!(detail.catalog_version, "2026.11");
    assert_eq!(detail.department_name, "县自然资源局");
    let item = detail.item;
    assert_eq!(item.materials.len(), 5);
    assert_eq!(item.situations.len(), 2);
    assert!(item.fee.is_some());
    assert_eq!(item.joint_departments, ["SW"]);

    let missing = catalog::item(&app, catalog::ItemRequest { code: "999".into() })
        .await
        .expect_err("unknown item");
    assert_eq!(missing.code, ErrorCode::ItemNotFound);
}

#[tokio::test]
async fn the_due_date_helper_counts_across_the_2026_spring_festival() {
    let (_d, app) = open_at("2026-02-13 10:00").await;
    catalog::load_demo(&app, ()).await.expect("demo");
    let due = calendar::due_date(
        &app,
        calendar::DueDateRequest {
            item_code: "000102002000".into(),
        },
    )
    .await
    .expect("due date");
    let promised = due.promised.expect("promised");
    assert_eq!(promised.date.to_string(), "2026-03-05");
    assert_eq!(promised.working_days, 10);
    assert!(!promised.provisional);
    assert_eq!(promised.calendar_version, app.calendar().version());
}

#[tokio::test]
async fn a_deadline_into_2027_is_provisional_until_the_2027_notice_is_imported() {
    let (_d, app) = open_at("2026-12-21 10:00").await;
    catalog::load_demo(&app, ()).await.expect("demo");
    let req = || calendar::DueDateRequest {
        item_code: "000102002000".into(),
    };
    let before = calendar::due_date(&app, req()).await.expect("due");
    assert!(before.promised.as_ref().expect("promised").provisional);
    assert!(
        !calendar::info(&app, ())
            .await
            .expect("info")
            .next_year_loaded
    );

    let notice = json!({"year": 2027, "days": [
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true}
    ]});
    let info = calendar::import_year(
        &app,
        calendar::ImportCalendarRequest {
            text: notice.to_string(),
        },
    )
    .await
    .expect("import 2027");
    assert!(info.next_year_loaded);
    assert!(info.years.contains(&2027));
    let after = calendar::due_date(&app, req()).await.expect("due");
    let promised = after.promised.expect("promised");
    assert!(!promised.provisional);
    assert_eq!(promised.calendar_version, info.version);

    let bad = calendar::import_year(
        &app,
        calendar::ImportCalendarRequest {
            text: "{\"year\": 2028}".into(),
        },
    )
    .await
    .expect_err("refused");
    assert_eq!(bad.code, ErrorCode::CalendarInvalid);
}

#[tokio::test]
async fn a_malformed_catalog_is_refused_naming_item_and_field_and_changes_nothing() {
    let (_d, app) = open_at("2026-11-23 09:00").await;
    catalog::load_demo(&app, ()).await.expect("demo");
    let mut doc: Value = serde_json::from_str(DEMO_CATALOG).expect("json");
    doc["version"] = json!("2026.12");
    doc["items"][2]["department"] = json!("XYZ");
    let err = catalog::import(
        &app,
        catalog::ImportCatalogRequest {
            text: doc.to_string(),
        },
    )
    .await
    .expect_err("refused");
    assert_eq!(err.code, ErrorCode::CatalogInvalid);
    assert!(
        err.message.contains("事项 000102003000 的字段 department"),
        "{}",
        err.message
    );
    let status = catalog::status(&app, ()).await.expect("status");
    assert_eq!(status.versions.len(), 1);
    assert_eq!(status.current.expect("current").version, "2026.11");
}

#[tokio::test]
async fn errors_follow_the_language_the_clerk_chose_and_it_survives_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = || {
        AppConfig::headless(
            dir.path().to_path_buf(),
            Arc::new(FixedClock::at_local("2026-11-23 09:00")),
        )
    };
    let app = App::open(config()).await.expect("open");
    settings::set_language(&app, settings::SetLanguageRequest { lang: Lang::En })
        .await
        .expect("set language");
    app.shutdown().await;
    drop(app);

    let app = App::open(config()).await.expect("reopen");
    assert_eq!(
        settings::get(&app, ()).await.expect("settings").lang,
        Lang::En
    );
    let err = catalog::import(
        &app,
        catalog::ImportCatalogRequest {
            text: "nope".into(),
        },
    )
    .await
    .expect_err("refused");
    assert!(
        err.message.starts_with("The catalog file is invalid"),
        "{}",
        err.message
    );
}
