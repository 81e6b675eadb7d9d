//! A workstation process killed (SIGKILL) after the county committed its push but before the
//! reply reached it: the restarted workstation pushes the same mutations again and gets the
//! county's stored verdicts; nothing is applied twice and nothing is lost.

mod common;

use common::proxy::{Fault, FaultProxy};
use common::{County, HubServer, Window};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;
use yichuang_app::ports::{FixedClock, MemorySecretStore, Secret, SecretStore};
use yichuang_app::{App, AppConfig};

const CHILD_DIR: &str = "YICHUANG_SYNC_CHILD_DIR";
const CHILD_ACCOUNT: &str = "YICHUANG_SYNC_CHILD_ACCOUNT";
const CHILD_CREDENTIAL: &str = "YICHUANG_SYNC_CHILD_CREDENTIAL";
const TEST: &str =
    "a_workstation_killed_before_the_reply_pushes_again_and_nothing_is_applied_twice";

async fn open(dir: &std::path::Path, secrets: Arc<MemorySecretStore>) -> App {
    let mut config = AppConfig::headless(
        dir.join("data"),
        Arc::new(FixedClock::at_local("2026-11-23 09:30")),
    );
    config.secrets = secrets;
    App::open(config).await.expect("open")
}

/// The child: the same PC (cache and keyring) syncing until it is killed.
async fn sync_forever(dir: &std::path::Path) {
    let secrets = Arc::new(MemorySecretStore::default());
    secrets
        .set(
            &std::env::var(CHILD_ACCOUNT).expect("account"),
            &Secret::new(std::env::var(CHILD_CREDENTIAL).expect("credential")),
        )
        .expect("keyring");
    let app = open(dir, secrets).await;
    loop {
        let _ = yichuang_app::sync::sync_once(&app).await;
    }
}

#[tokio::test]
async fn a_workstation_killed_before_the_reply_pushes_again_and_nothing_is_applied_twice() {
    if let Some(dir) = std::env::var_os(CHILD_DIR) {
        sync_forever(std::path::Path::new(&dir)).await;
        return;
    }
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let proxy = FaultProxy::start(hub.port, 1).await;
    let a = Window::enroll(&county, &proxy.url(), "SCJG", "W01", "lina").await;
    for i in 1..=40 {
        a.intake(&format!("a-{i}"), i).await;
    }
    let account = yichuang_app::sync::enrollment(&a.app)
        .await
        .expect("enrollment")
        .expect("enrolled")
        .account();
    let credential = a.credential().await;
    a.app.shutdown().await;

    // Replies are held back half a second: the county commits, the child never hears.
    proxy.set(Fault::Delay);
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", TEST, "--nocapture"])
        .env(CHILD_DIR, a.dir.path())
        .env(CHILD_ACCOUNT, &account)
        .env(CHILD_CREDENTIAL, &credential)
        .spawn()
        .expect("child");
    let mut committed = 0;
    for _ in 0..500 {
        committed = county.count("SELECT count(*) FROM mutation_log").await;
        if committed == 40 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    assert_eq!(committed, 40, "the county committed the push");

    let secrets = Arc::new(MemorySecretStore::default());
    secrets
        .set(&account, &Secret::new(credential))
        .expect("keyring");
    let app = open(a.dir.path(), secrets).await;
    let pending = yichuang_app::api::sync::status(&app, ())
        .await
        .expect("status")
        .pending;
    assert_eq!(
        pending, 40,
        "the killed process never recorded the county's verdicts"
    );

    proxy.set(Fault::Pass);
    let status = yichuang_app::api::sync::sync_now(&app, ())
        .await
        .expect("sync after the restart");
    assert_eq!((status.pending, status.conflicts), (0, 0));
    assert_eq!(county.count("SELECT count(*) FROM mutation_log").await, 40);
    assert_eq!(county.count("SELECT count(*) FROM case_record").await, 40);
    assert_eq!(
        county
            .count("SELECT max(version)::bigint FROM case_record")
            .await,
        1,
        "no intake ran twice"
    );
    app.shutdown().await;
}
