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

/// Runs the hub with `stdin` as standard input (the password of add-user).
fn hub_with_input(url: &str, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_yichuang-hub"))
        .env("YICHUANG_HUB_DATABASE_URL", url)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run yichuang-hub");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

#[tokio::test]
async fn county_it_sets_up_a_department_with_windows_users_and_a_pc_enrollment() {
    let pg = PgCluster::start().await;
    let url = pg.url();
    for args in [
        vec!["migrate"],
        vec!["set-center", "江永县政务服务中心"],
        vec!["add-department", "SCJG", "市场监督管理局"],
        vec!["add-window", "SCJG", "W01", "1号窗口"],
        vec!["add-window", "SCJG", "W02", "2号窗口"],
        vec!["set-backup", "SCJG", "W01", "W02"],
    ] {
        let out = hub(url, &args);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
    }
    let out = hub_with_input(
        url,
        &[
            "add-user",
            "lina",
            "李娜",
            "--role",
            "clerk",
            "--department",
            "SCJG",
        ],
        "chuangkou-2026\n",
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("已添加用户 lina"));

    // Refusals, each in Chinese, each changing nothing.
    let refusals: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            vec![
                "add-user",
                "wangfang",
                "王芳",
                "--role",
                "clerk",
                "--department",
                "SCJG",
            ],
            "short\n",
            "密码至少需要 8 个字符",
        ),
        (
            vec![
                "add-user",
                "wangfang",
                "王芳",
                "--role",
                "boss",
                "--department",
                "SCJG",
            ],
            "chuangkou-2026\n",
            "未知角色 boss",
        ),
        (
            vec![
                "add-user",
                "wangfang",
                "王芳",
                "--role",
                "clerk",
                "--department",
                "XX",
            ],
            "chuangkou-2026\n",
            "部门 XX 不存在",
        ),
        (
            vec![
                "add-user",
                "lina",
                "另一个李娜",
                "--role",
                "clerk",
                "--department",
                "SCJG",
            ],
            "chuangkou-2026\n",
            "用户名 lina 已被使用",
        ),
        (vec!["set-backup", "SCJG", "W01", "W01"], "", "输入无效"),
        (
            vec!["enroll-workstation", "SCJG", "W09"],
            "",
            "部门 SCJG 没有窗口 W09",
        ),
        (
            vec!["serve", "--listen", "0.0.0.0:18443"],
            "",
            "只能监听本机回环地址",
        ),
    ];
    for (args, input, message) in refusals {
        let out = hub_with_input(url, &args, input);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(text(&out).contains(message), "{args:?}: {}", text(&out));
    }
    let pool = PgPool::connect(url).await.expect("connect");
    assert_eq!(count(&pool, "SELECT count(*) FROM app_user").await, 1);
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM app_user")
        .fetch_one(&pool)
        .await
        .expect("hash");
    assert!(hash.starts_with("$argon2id$") && !hash.contains("chuangkou"));

    // The enrollment token is printed once; the county keeps only its hash.
    let out = hub(url, &["enroll-workstation", "SCJG", "W01"]);
    assert!(out.status.success(), "{}", text(&out));
    let token = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(token.starts_with("enr_") && token.len() > 60, "{token}");
    let stored: String = sqlx::query_scalar("SELECT token_sha256 FROM enrollment_token")
        .fetch_one(&pool)
        .await
        .expect("token row");
    assert_ne!(stored, token);
    assert!(!stored.contains(&token[4..20]));

    // Next year's calendar.
    let calendar =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../yichuang-core/data/holidays-cn/2026.json");
    let out = hub(url, &["import-calendar", calendar.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("已导入 2026 年节假日安排"));
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("2027.json");
    std::fs::write(&bad, "{\"year\": 2027, \"days\": [{\"name\": 1}]}").expect("write");
    let out = hub(url, &["import-calendar", bad.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    assert!(text(&out).contains("节假日文件无效"), "{}", text(&out));
    assert_eq!(count(&pool, "SELECT count(*) FROM calendar_year").await, 1);
}

#[tokio::test]
async fn the_sync_server_refuses_to_run_as_a_role_that_row_level_security_does_not_bind() {
    let pg = PgCluster::start().await;
    let out = hub(pg.url(), &["migrate"]);
    assert!(out.status.success(), "{}", text(&out));
    // The test cluster's own user is a superuser: exactly what must not serve.
    let out = hub(pg.url(), &["serve", "--listen", "127.0.0.1:0"]);
    assert!(!out.status.success());
    assert!(text(&out).contains("不能以"), "{}", text(&out));
}
