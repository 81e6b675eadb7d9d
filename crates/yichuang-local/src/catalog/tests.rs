use super::*;

const SAMPLE: &str = include_str!("../../../yichuang-app/data/demo-catalog.json");

async fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("cache.db"))
        .await
        .expect("open");
    (dir, store)
}

fn sample() -> Catalog {
    Catalog::parse(SAMPLE).expect("sample")
}

fn with_version(version: &str) -> Catalog {
    let mut c = sample();
    c.version = version.into();
    c
}

#[tokio::test]
async fn importing_the_sample_makes_it_current_and_searchable() {
    let (_d, s) = store().await;
    let out = import(&s, &sample(), CatalogSource::Demo, Utc::now())
        .await
        .expect("import");
    assert_eq!(out, ImportOutcome::Imported);
    assert_eq!(
        current_version(&s).await.expect("v").as_deref(),
        Some("2026.11")
    );
    let hits = search(&s, "2026.11", "登记", None, 100)
        .await
        .expect("search");
    assert!(hits.len() >= 5);
    assert!(hits.iter().all(|h| h.name.contains("登记")));
    let by_code = search(&s, "2026.11", "000107", None, 100)
        .await
        .expect("search");
    assert_eq!(by_code.len(), 3);
    let ga = search(&s, "2026.11", "", Some("GA"), 100)
        .await
        .expect("search");
    assert_eq!(ga.len(), 3);
    assert!(ga.iter().all(|h| h.department_name == "县公安局"));
}

#[tokio::test]
async fn a_search_for_a_percent_sign_matches_nothing_rather_than_everything() {
    let (_d, s) = store().await;
    import(&s, &sample(), CatalogSource::Demo, Utc::now())
        .await
        .expect("import");
    assert!(search(&s, "2026.11", "%", None, 100)
        .await
        .expect("search")
        .is_empty());
}

#[tokio::test]
async fn an_item_comes_back_whole() {
    let (_d, s) = store().await;
    import(&s, &sample(), CatalogSource::Demo, Utc::now())
        .await
        .expect("import");
    let got = item(&s, "2026.11", "000102001000")
        .await
        .expect("read")
        .expect("found");
    assert_eq!(&got, sample().item("000102001000").expect("item"));
}

#[tokio::test]
async fn a_newer_version_becomes_current_and_the_old_one_is_kept() {
    let (_d, s) = store().await;
    import(&s, &sample(), CatalogSource::File, Utc::now())
        .await
        .expect("v1");
    let mut newer = with_version("2026.12");
    newer.items[0].name = "个体工商户设立登记（新版）".into();
    import(&s, &newer, CatalogSource::File, Utc::now())
        .await
        .expect("v2");
    assert_eq!(
        current_version(&s).await.expect("v").as_deref(),
        Some("2026.12")
    );
    let old = item(&s, "2026.11", "000102001000")
        .await
        .expect("read")
        .expect("kept");
    assert_eq!(old.name, "个体工商户设立登记");
    let all = versions(&s).await.expect("versions");
    assert_eq!(
        all.iter().map(|v| v.version.as_str()).collect::<Vec<_>>(),
        ["2026.12", "2026.11"]
    );
    assert_eq!(all[0].item_count, 24);
}

#[tokio::test]
async fn re_importing_the_same_file_changes_nothing() {
    let (_d, s) = store().await;
    import(&s, &sample(), CatalogSource::File, Utc::now())
        .await
        .expect("v1");
    let again = import(&s, &sample(), CatalogSource::File, Utc::now())
        .await
        .expect("again");
    assert_eq!(again, ImportOutcome::AlreadyPresent);
}

#[tokio::test]
async fn a_reused_version_number_with_other_content_is_refused() {
    let (_d, s) = store().await;
    import(&s, &sample(), CatalogSource::File, Utc::now())
        .await
        .expect("v1");
    let mut changed = sample();
    changed.items[0].promised_days = 0;
    changed.items[0].statutory_days = 1;
    let err = import(&s, &changed, CatalogSource::File, Utc::now())
        .await
        .expect_err("refused");
    assert!(matches!(err, StoreError::CatalogVersionConflict { .. }));
}

#[tokio::test]
async fn an_older_version_is_refused_and_the_current_one_stays() {
    let (_d, s) = store().await;
    import(
        &s,
        &with_version("2026.11"),
        CatalogSource::File,
        Utc::now(),
    )
    .await
    .expect("v");
    let err = import(&s, &with_version("2026.9"), CatalogSource::File, Utc::now())
        .await
        .expect_err("older refused");
    assert!(matches!(err, StoreError::CatalogOlderThanCurrent { .. }));
    assert_eq!(
        current_version(&s).await.expect("v").as_deref(),
        Some("2026.11")
    );
    assert_eq!(versions(&s).await.expect("versions").len(), 1);
}
