//! Story: the county publishes a catalog and a workstation imports the same file; both hold
//! the same items with the same limits, so a deadline computed at the counter matches the
//! county's.

use std::sync::Arc;
use yichuang_app::api::catalog;
use yichuang_app::ports::FixedClock;
use yichuang_app::{App, AppConfig, DEMO_CATALOG};
use yichuang_tests::PgCluster;

#[tokio::test]
async fn the_county_and_a_workstation_hold_the_same_catalog_from_the_same_file() {
    let pg = PgCluster::start().await;
    let pool = yichuang_hub::db::connect(pg.url()).await.expect("connect");
    yichuang_hub::db::migrate(&pool).await.expect("migrate");
    let published = yichuang_hub::import_catalog(&pool, DEMO_CATALOG)
        .await
        .expect("county import");
    assert!(published.changed);

    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(AppConfig::headless(
        dir.path().to_path_buf(),
        Arc::new(FixedClock::at_local("2026-11-23 09:00")),
    ))
    .await
    .expect("open");
    catalog::import(
        &app,
        catalog::ImportCatalogRequest {
            text: DEMO_CATALOG.into(),
        },
    )
    .await
    .expect("workstation import");

    let county: Vec<(String, i32, i32)> = sqlx::query_as(
        "SELECT code, statutory_days, promised_days FROM catalog_item \
         WHERE version = '2026.11' ORDER BY code",
    )
    .fetch_all(&pool)
    .await
    .expect("county items");
    let local: Vec<(String, i32, i32)> = catalog::search(
        &app,
        catalog::SearchItemsRequest {
            query: String::new(),
            department: None,
        },
    )
    .await
    .expect("local items")
    .into_iter()
    .map(|i| (i.code, i.statutory_days as i32, i.promised_days as i32))
    .collect();
    assert_eq!(county.len(), 24);
    assert_eq!(county, local);
}
