//! Faults between a window and the county: a reply lost after the county committed, the hub
//! killed in the middle of a push, PostgreSQL restarting, a flaky network (drops, resets,
//! delays, truncation) and corrupted, forged or replayed requests. In every case nothing is
//! lost and nothing is applied twice.

mod common;

use common::proxy::{Fault, FaultProxy};
use common::{County, HubServer, Window};
use yichuang_app::api::sync as sync_api;
use yichuang_app::ErrorCode;
use yichuang_hub::server::Hub;

/// Syncs until nothing is pending (a few tries: the network may still be recovering).
async fn sync_until_quiet(w: &Window) -> sync_api::SyncStatus {
    for _ in 0..10 {
        if let Ok(s) = w.sync().await {
            if s.pending == 0 {
                return s;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the window did not get through to the county");
}

#[tokio::test]
async fn a_reply_lost_after_the_county_committed_is_answered_from_the_stored_verdict_after_a_restart(
) {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let proxy = FaultProxy::start(hub.port, 1).await;
    let a = Window::enroll(&county, &proxy.url(), "SCJG", "W01", "lina").await;
    for i in 1..=3 {
        a.intake(&format!("a-{i}"), i).await;
    }
    proxy.set(Fault::SwallowReply);
    let e = a.sync().await.expect_err("the reply never arrives");
    assert_eq!(e.code, ErrorCode::HubOffline);
    assert_eq!(
        county.count("SELECT count(*) FROM case_record").await,
        3,
        "the county committed"
    );
    assert_eq!(
        a.count("SELECT count(*) FROM outbox WHERE status = 'pending'")
            .await,
        3
    );

    // The workstation process ends and starts again; it pushes the same mutations again.
    let a = a.restart().await;
    proxy.set(Fault::Pass);
    let status = a.sync().await.expect("sync after the restart");
    assert_eq!(status.pending, 0);
    assert_eq!(
        status.conflicts, 0,
        "duplicates get their stored verdict, not a refusal"
    );
    assert_eq!(county.count("SELECT count(*) FROM case_record").await, 3);
    assert_eq!(county.count("SELECT count(*) FROM mutation_log").await, 3);
    assert_eq!(
        county.count("SELECT count(*) FROM case_event").await,
        a.count("SELECT count(*) FROM case_event").await
    );
}

const HUB_CHILD_DB: &str = "YICHUANG_HUB_CHILD_DB";
const HUB_CHILD_PORT: &str = "YICHUANG_HUB_CHILD_PORT";
const HUB_KILL_TEST: &str =
    "a_hub_process_killed_in_the_middle_of_a_push_commits_all_or_nothing_and_the_retry_finishes";

/// The hub's server in a process of its own (this test binary run again), so it can be
/// killed for real: SIGKILL, no destructor, no graceful shutdown, transactions cut off.
fn spawn_hub(db_url: &str, port: u16) -> std::process::Child {
    std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", HUB_KILL_TEST, "--nocapture"])
        .env(HUB_CHILD_DB, db_url)
        .env(HUB_CHILD_PORT, port.to_string())
        .spawn()
        .expect("hub process")
}

async fn wait_for_port(port: u16) {
    for _ in 0..300 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("the hub process did not start listening");
}

#[tokio::test]
async fn a_hub_process_killed_in_the_middle_of_a_push_commits_all_or_nothing_and_the_retry_finishes(
) {
    if let (Ok(db), Ok(port)) = (std::env::var(HUB_CHILD_DB), std::env::var(HUB_CHILD_PORT)) {
        let pool = yichuang_hub::db::connect(&db).await.expect("hub connects");
        let listener =
            tokio::net::TcpListener::bind(("127.0.0.1", port.parse::<u16>().expect("port")))
                .await
                .expect("bind");
        yichuang_hub::server::serve_plain(listener, Hub::new(pool), std::future::pending())
            .await
            .expect("serve");
        return;
    }
    let county = County::start().await;
    let db_url = county.pg.url_as("yichuang_hub");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let mut hub = spawn_hub(&db_url, port);
    wait_for_port(port).await;
    let proxy = FaultProxy::start(port, 1).await;
    let a = Window::enroll(&county, &proxy.url(), "SCJG", "W01", "lina").await;
    for i in 1..=200 {
        a.intake(&format!("a-{i}"), i).await;
    }
    let (result, ()) = tokio::join!(a.sync(), async {
        proxy.request_reached_hub().await;
        // Let the hub get into its transaction, then pull the plug.
        tokio::time::sleep(std::time::Duration::from_millis(40)).await;
        hub.kill().expect("SIGKILL the hub");
        let _ = hub.wait();
    });
    assert!(result.is_err(), "the hub died before answering");
    let held = county.count("SELECT count(*) FROM case_record").await;
    let logged = county.count("SELECT count(*) FROM mutation_log").await;
    assert!(
        held == 0 || held == 200,
        "one transaction per batch: {held}"
    );
    assert_eq!(held, logged, "cases and their log entries commit together");

    let mut hub = spawn_hub(&db_url, port);
    wait_for_port(port).await;
    let status = sync_until_quiet(&a).await;
    assert_eq!(status.conflicts, 0);
    assert_eq!(county.count("SELECT count(*) FROM case_record").await, 200);
    assert_eq!(county.count("SELECT count(*) FROM mutation_log").await, 200);
    assert_eq!(
        county.count("SELECT max(last_seq) FROM series_mark").await,
        200,
        "the series is contiguous at the county"
    );
    assert_eq!(county.count("SELECT count(*) FROM series_gap").await, 0);
    hub.kill().expect("stop the hub");
    let _ = hub.wait();
}

#[tokio::test]
async fn the_county_database_restarting_is_an_outage_not_a_loss() {
    let county = County::start().await;
    let _hub = HubServer::start(&county.hub_pool).await;
    let a = Window::enroll(&county, &_hub.url(), "SCJG", "W01", "lina").await;
    a.intake("a-1", 1).await;
    a.sync().await.expect("first sync");
    a.intake("a-2", 2).await;
    county.pg.restart();
    a.intake("a-3", 3).await;
    let mut refusals = Vec::new();
    let status = loop {
        match a.sync().await {
            Ok(s) => break s,
            Err(e) => {
                refusals.push(e.code);
                assert!(refusals.len() < 10, "never recovered: {refusals:?}");
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
        }
    };
    assert!(
        refusals.iter().all(|c| *c == ErrorCode::HubOffline),
        "an outage reads as offline: {refusals:?}"
    );
    assert_eq!(status.pending, 0);
    assert_eq!(county.count("SELECT count(*) FROM case_record").await, 3);
}

#[tokio::test]
async fn a_flaky_network_between_windows_and_hub_converges_without_duplicates() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let proxy = FaultProxy::start(hub.port, 20261122).await;
    let a = Window::enroll(&county, &proxy.url(), "SCJG", "W01", "lina").await;
    let b = Window::enroll(&county, &proxy.url(), "SCJG", "W02", "wangfang").await;
    proxy.set(Fault::Random);
    let mut accepted = Vec::new();
    for round in 1..=12u32 {
        let case = a.intake(&format!("a-{round}"), round).await;
        if round % 3 == 0 {
            a.accept(&format!("a-{round}-ok"), &case.case.id)
                .await
                .expect("accept");
            accepted.push(case.case.id.clone());
        }
        b.intake(&format!("b-{round}"), 100 + round).await;
        let _ = a.sync().await;
        let _ = b.sync().await;
    }
    assert!(proxy.forwarded() > 0);
    proxy.set(Fault::Pass);
    let sa = sync_until_quiet(&a).await;
    let sb = sync_until_quiet(&b).await;
    sync_until_quiet(&a).await;
    assert_eq!((sa.conflicts, sb.conflicts), (0, 0));
    let outbox =
        a.count("SELECT count(*) FROM outbox").await + b.count("SELECT count(*) FROM outbox").await;
    assert_eq!(
        county.count("SELECT count(*) FROM mutation_log").await,
        outbox
    );
    assert_eq!(county.count("SELECT count(*) FROM case_record").await, 24);
    assert_eq!(
        county
            .count("SELECT count(*) FROM case_record WHERE state = 'accepted'")
            .await,
        accepted.len() as i64
    );
    assert_eq!(
        county.count("SELECT count(*) FROM audit_entry").await,
        a.count("SELECT count(*) FROM audit_log").await
            + b.count("SELECT count(*) FROM audit_log").await
    );
    assert_eq!(
        a.count("SELECT count(*) FROM case_record").await,
        24,
        "a holds b's cases too"
    );
}

/// The protocol this build speaks, as its header value.
const PROTOCOL: &str = match yichuang_sync::PROTOCOL_VERSION {
    2 => "2",
    _ => panic!("update PROTOCOL with the protocol version"),
};

fn post(url: &str, credential: Option<&str>, protocol: Option<&str>, body: &str) -> (u16, String) {
    let mut r = ureq::post(url).set("content-type", "application/json");
    if let Some(c) = credential {
        r = r.set("authorization", &format!("Bearer {c}"));
    }
    if let Some(p) = protocol {
        r = r.set(yichuang_sync::PROTOCOL_HEADER, p);
    }
    match r.send_string(body) {
        Ok(resp) => (resp.status(), resp.into_string().unwrap_or_default()),
        Err(ureq::Error::Status(code, resp)) => (code, resp.into_string().unwrap_or_default()),
        Err(e) => panic!("transport: {e}"),
    }
}

#[tokio::test]
async fn a_corrupted_forged_or_replayed_request_changes_nothing() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let a = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    a.intake("a-1", 1).await;
    a.sync().await.expect("sync");
    let credential = a.credential().await;
    let push = format!("{}/v1/push", hub.url());
    let before = (
        county.count("SELECT count(*) FROM mutation_log").await,
        county.count("SELECT count(*) FROM case_record").await,
        county.count("SELECT sum(version) FROM case_record").await,
    );

    // The push that already went through, byte for byte again (a replay).
    let store = yichuang_local::Store::open(&a.dir.path().join("data").join("cache.db"))
        .await
        .expect("cache");
    let (seq, id, kind, case_id, payload): (i64, String, String, Option<String>, String) =
        sqlx::query_as("SELECT local_seq, mutation_id, kind, case_id, payload FROM outbox ORDER BY local_seq LIMIT 1")
            .fetch_one(store.pool())
            .await
            .expect("outbox row");
    store.close().await;
    let mutation = |id: &str, seq: i64| {
        serde_json::json!({
            "mutations": [{
                "local_seq": seq, "mutation_id": id, "kind": kind, "case_id": case_id,
                "payload": serde_json::from_str::<serde_json::Value>(&payload).expect("json"),
            }],
            "audit": [],
        })
        .to_string()
    };
    let (credential2, push2) = (credential.clone(), push.clone());
    let replay = mutation(&id, seq);
    let (status, body) = tokio::task::spawn_blocking(move || {
        post(&push2, Some(&credential2), Some(PROTOCOL), &replay)
    })
    .await
    .expect("join");
    assert_eq!(status, 200, "{body}");
    let reply: yichuang_sync::PushReply = serde_json::from_str(&body).expect("reply");
    assert!(reply.outcomes[0].duplicate);
    assert_eq!(reply.outcomes[0].verdict, yichuang_sync::Verdict::Accepted);

    // (credential, protocol header, body, expected status, expected error code)
    type Probe = (
        Option<String>,
        Option<&'static str>,
        String,
        u16,
        Option<&'static str>,
    );
    let cases: Vec<Probe> = vec![
        // Forged: another mutation under a number the county already holds.
        (
            Some(credential.clone()),
            Some(PROTOCOL),
            mutation("forged-id", seq),
            409,
            Some("out_of_order"),
        ),
        // A gap in the series of mutations.
        (
            Some(credential.clone()),
            Some(PROTOCOL),
            mutation("gap-id", seq + 5),
            409,
            Some("out_of_order"),
        ),
        // Not JSON, and JSON cut short.
        (
            Some(credential.clone()),
            Some(PROTOCOL),
            "{\"mutations\": [".into(),
            400,
            Some("malformed"),
        ),
        (
            Some(credential.clone()),
            Some(PROTOCOL),
            "\u{0}\u{1}garbage".into(),
            400,
            Some("malformed"),
        ),
        // No credential, a wrong one, no protocol version.
        (
            None,
            Some(PROTOCOL),
            mutation("x", seq + 1),
            401,
            Some("unauthorized"),
        ),
        (
            Some("wks_not_a_real_one".into()),
            Some(PROTOCOL),
            mutation("x", seq + 1),
            401,
            Some("unauthorized"),
        ),
        (
            Some(credential.clone()),
            None,
            mutation("x", seq + 1),
            426,
            Some("client_too_old"),
        ),
    ];
    for (cred, protocol, body, want, code) in cases {
        let url = push.clone();
        let shown = body.chars().take(40).collect::<String>();
        let protocol = protocol.map(str::to_string);
        let (status, reply) = tokio::task::spawn_blocking(move || {
            post(&url, cred.as_deref(), protocol.as_deref(), &body)
        })
        .await
        .expect("join");
        assert_eq!(status, want, "{shown}: {reply}");
        if let Some(code) = code {
            assert!(
                reply.contains(&format!("\"code\":\"{code}\"")),
                "{shown}: {reply}"
            );
        }
    }
    let after = (
        county.count("SELECT count(*) FROM mutation_log").await,
        county.count("SELECT count(*) FROM case_record").await,
        county.count("SELECT sum(version) FROM case_record").await,
    );
    assert_eq!(before, after, "nothing changed at the county");
    // And the window carries on normally.
    a.intake("a-2", 2).await;
    let s = a.sync().await.expect("sync");
    assert_eq!((s.pending, s.conflicts), (0, 0));
}

#[tokio::test]
async fn an_edited_audit_entry_stops_the_audit_stream_at_the_county_but_not_the_cases() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let a = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let before = a.count("SELECT count(*) FROM audit_log").await;
    a.intake("a-1", 1).await;
    a.intake("a-2", 2).await;
    // Someone edits an entry in the window's cache (the hash no longer matches).
    let store = yichuang_local::Store::open(&a.dir.path().join("data").join("cache.db"))
        .await
        .expect("cache");
    sqlx::query("UPDATE audit_log SET detail = '{}' WHERE seq = ?")
        .bind(before + 1)
        .execute(store.pool())
        .await
        .expect("tamper");
    store.close().await;

    let status = a.sync().await.expect("sync still works");
    assert_eq!(
        (status.pending, status.conflicts),
        (0, 0),
        "the cases went through"
    );
    assert_eq!(county.count("SELECT count(*) FROM case_record").await, 2);
    assert_eq!(
        county.count("SELECT count(*) FROM audit_entry").await,
        before,
        "the county took the chain up to the edited entry and no further"
    );
    let listed = yichuang_hub::admin::workstations(&county.admin)
        .await
        .expect("status");
    assert!(listed.iter().any(|w| w.audit_broken), "county IT sees it");
    // A second sync neither loops nor takes the broken entry.
    a.sync().await.expect("sync again");
    assert_eq!(
        county.count("SELECT count(*) FROM audit_entry").await,
        before
    );
}
