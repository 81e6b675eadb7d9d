//! A workstation killed in the middle of writing loses nothing it committed and keeps nothing
//! half-written: the test runs itself again as a child process that takes intakes as fast as
//! it can, kills it with SIGKILL, and checks the cache it left behind.

mod common;

use std::process::Command;
use std::sync::Arc;
use std::time::Duration;
use yichuang_app::api::{audit, cases, catalog, workstation};
use yichuang_app::ports::FixedClock;
use yichuang_app::{App, AppConfig};
use yichuang_core::case::ApplicantInput;

const CHILD_ENV: &str = "YICHUANG_CRASH_CHILD_DIR";

async fn open(dir: &std::path::Path) -> App {
    App::open(AppConfig::headless(
        dir.to_path_buf(),
        Arc::new(FixedClock::at_local("2026-03-02 09:00")),
    ))
    .await
    .expect("open")
}

/// The child: set up, then take intakes until killed.
async fn take_intakes_forever(dir: &std::path::Path) {
    let app = open(dir).await;
    catalog::load_demo(&app, ()).await.expect("demo");
    workstation::set(&app, common::profile())
        .await
        .expect("profile");
    std::fs::write(dir.join("ready"), b"").expect("ready flag");
    for i in 0.. {
        cases::intake(
            &app,
            cases::IntakeRequest {
                action_key: format!("k{i}"),
                item_code: "000102002000".into(),
                applicant: ApplicantInput::Person {
                    name: "王小明".into(),
                    id_number: "11010519491231002X".into(),
                    phone: "13812345678".into(),
                },
                agent: None,
                situations: vec![],
            },
        )
        .await
        .expect("intake");
    }
}

#[tokio::test]
async fn a_workstation_killed_mid_write_keeps_every_committed_action_whole() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        take_intakes_forever(std::path::Path::new(&dir)).await;
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "a_workstation_killed_mid_write_keeps_every_committed_action_whole",
            "--nocapture",
        ])
        .env(CHILD_ENV, dir.path())
        .spawn()
        .expect("child");
    // Let it get going, then pull the plug (SIGKILL: no destructors, no rollback handler).
    let ready = dir.path().join("ready");
    for _ in 0..600 {
        if ready.exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(ready.exists(), "the child set up its window");
    std::thread::sleep(Duration::from_millis(700));
    child.kill().expect("kill");
    child.wait().expect("reaped");

    let app = open(dir.path()).await;
    let status = audit::status(&app, ()).await.expect("audit");
    assert!(status.intact, "{status:?}");
    assert!(status.entries > 0, "the child committed some intakes");
    // Every committed intake has its case, its audit entry and its outbox row — or none.
    assert_eq!(status.entries, status.pending_mutations);
    app.shutdown().await;
    let pool = sqlx::SqlitePool::connect(&format!(
        "sqlite://{}",
        dir.path().join("cache.db").display()
    ))
    .await
    .expect("raw read");
    let case_nos: Vec<String> = sqlx::query_scalar("SELECT case_no FROM case_record")
        .fetch_all(&pool)
        .await
        .expect("cases");
    let outbox: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox WHERE kind = 'intake'")
        .fetch_one(&pool)
        .await
        .expect("outbox");
    assert_eq!(case_nos.len() as u32, status.entries);
    assert_eq!(outbox as u32, status.entries);
    // And the case numbers run 1..n without a gap.
    let mut seqs: Vec<u32> = case_nos
        .iter()
        .map(|c| c.rsplit('-').next().expect("seq").parse().expect("digits"))
        .collect();
    seqs.sort_unstable();
    assert_eq!(seqs, (1..=seqs.len() as u32).collect::<Vec<_>>());
    pool.close().await;
}
