//! The county CLI against a real PostgreSQL: what county IT types, and what it leaves in
//! the database.

use serde_json::{json, Value};
use sqlx::PgPool;
use std::path::Path;
use std::process::{Command, Output};
use yichuang_tests::PgCluster;

const SAMPLE: &str = include_str!("../../yichuang-app/data/demo-catalog.json");

fn hub(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yichuang-hub"))
        .env("YICHUANG_HUB_DATABASE_URL", url)
        .args(args)
        .output()
        .expect("run yichuang-hub")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn write(dir: &Path, name: &str, doc: &Value) -> String {
    let path = dir.join(name);
    std::fs::write(&path, doc.to_string()).expect("write catalog");
    path.to_str().expect("utf-8 path").to_string()
}

async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.expect(sql)
}

#[tokio::test]
async fn county_it_migrates_and_publishes_the_sample_catalog() {
    let pg = PgCluster::start().await;
    let out = hub(pg.url(), &["migrate"]);
    assert!(out.status.success(), "{}", text(&out));
    let again = hub(pg.url(), &["migrate"]);
    assert!(again.status.success(), "migrate twice: {}", text(&again));

    let dir = tempfile::tempdir().expect("tempdir");
    let sample: Value = serde_json::from_str(SAMPLE).expect("json");
    let file = write(dir.path(), "catalog.json", &sample);
    let out = hub(pg.url(), &["import-catalog", &file]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("已发布目录 2026.11：14 个部门，24 个事项"),
        "{}",
        text(&out)
    );

    let pool = yichuang_hub::db::connect(pg.url()).await.expect("connect");
    assert_eq!(count(&pool, "SELECT count(*) FROM catalog_item").await, 24);
    let materials: i64 = sqlx::query_scalar(
        "SELECT jsonb_array_length(document->'materials')::bigint FROM catalog_item \
         WHERE code = '000102001000'",
    )
    .fetch_one(&pool)
    .await
    .expect("item document");
    assert_eq!(materials, 3);

    let same = hub(pg.url(), &["import-catalog", &file]);
    assert!(same.status.success());
    assert!(text(&same).contains("无变化"), "{}", text(&same));
    let status = hub(pg.url(), &["catalog-status"]);
    assert!(
        text(&status).contains("当前目录 2026.11，24 个事项"),
        "{}",
        text(&status)
    );
}

#[tokio::test]
async fn a_malformed_catalog_is_refused_whole_and_changes_nothing() {
    let pg = PgCluster::start().await;
    assert!(hub(pg.url(), &["migrate"]).status.success());
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc: Value = serde_json::from_str(SAMPLE).expect("json");
    doc["version"] = json!("2026.12");
    doc["items"][5]["promised_days"] = json!(99);
    let file = write(dir.path(), "bad.json", &doc);

    let out = hub(pg.url(), &["import-catalog", &file]);
    assert!(!out.status.success());
    let msg = text(&out);
    assert!(
        msg.contains("事项 000118003000 的字段 promised_days"),
        "{msg}"
    );
    assert!(msg.contains("未导入"), "{msg}");

    let pool = yichuang_hub::db::connect(pg.url()).await.expect("connect");
    assert_eq!(
        count(&pool, "SELECT count(*) FROM catalog_version").await,
        0
    );
    assert_eq!(count(&pool, "SELECT count(*) FROM catalog_item").await, 0);

    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{ not json").expect("write");
    let out = hub(
        pg.url(),
        &[
            "--lang",
            "en",
            "import-catalog",
            broken.to_str().expect("path"),
        ],
    );
    assert!(!out.status.success());
    assert!(text(&out).contains("not valid JSON"), "{}", text(&out));
}

#[tokio::test]
async fn a_newer_catalog_becomes_current_and_the_old_version_stays_for_its_cases() {
    let pg = PgCluster::start().await;
    assert!(hub(pg.url(), &["migrate"]).status.success());
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc: Value = serde_json::from_str(SAMPLE).expect("json");
    let v1 = write(dir.path(), "v1.json", &doc);
    doc["version"] = json!("2027.1");
    doc["items"][0]["name"] = json!("个体工商户设立登记（2027 版）");
    let v2 = write(dir.path(), "v2.json", &doc);

    assert!(hub(pg.url(), &["import-catalog", &v1]).status.success());
    assert!(hub(pg.url(), &["import-catalog", &v2]).status.success());
    let back = hub(pg.url(), &["import-catalog", &v1]);
    assert!(
        back.status.success(),
        "re-importing v1 is a no-op: {}",
        text(&back)
    );

    let pool = yichuang_hub::db::connect(pg.url()).await.expect("connect");
    let current: String =
        sqlx::query_scalar("SELECT version FROM catalog_version WHERE is_current")
            .fetch_one(&pool)
            .await
            .expect("current");
    assert_eq!(current, "2027.1");
    let old_name: String = sqlx::query_scalar(
        "SELECT name FROM catalog_item WHERE version = '2026.11' AND code = '000102001000'",
    )
    .fetch_one(&pool)
    .await
    .expect("old version kept");
    assert_eq!(old_name, "个体工商户设立登记");

    doc["version"] = json!("2026.10");
    let older = write(dir.path(), "older.json", &doc);
    let out = hub(pg.url(), &["import-catalog", &older]);
    assert!(!out.status.success());
    assert!(text(&out).contains("早于当前版本 2027.1"), "{}", text(&out));
}
