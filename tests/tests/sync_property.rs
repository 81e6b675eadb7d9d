//! Property: random interleavings of three windows' actions, network cuts and syncs, against
//! one county. Once the network is back and everyone has synced: no mutation lost or applied
//! twice, every number series contiguous, no case decided twice, and every replica equal to
//! the county.

mod common;

use common::proxy::{Fault, FaultProxy};
use common::{County, HubServer, Window};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use yichuang_app::api::cases;
use yichuang_core::case::{ApprovalSubject, CaseCommand, Decision};

#[derive(Debug, Clone, Copy)]
enum Step {
    Intake,
    Accept(u8),
    Reject(u8),
    /// Ask for the chief representative's approval, who then comes to this window and gives it.
    Approve(u8),
    Complete(u8),
    Sync,
    Cut,
    Mend,
}

fn step() -> impl Strategy<Value = (usize, Step)> {
    (
        0..3usize,
        prop_oneof![
            3 => Just(Step::Intake),
            2 => any::<u8>().prop_map(Step::Accept),
            1 => any::<u8>().prop_map(Step::Reject),
            1 => any::<u8>().prop_map(Step::Approve),
            1 => any::<u8>().prop_map(Step::Complete),
            2 => Just(Step::Sync),
            1 => Just(Step::Cut),
            1 => Just(Step::Mend),
        ],
    )
}

async fn open_cases(w: &Window) -> Vec<cases::QueueItem> {
    cases::queue(
        &w.app,
        cases::QueueRequest {
            state: None,
            item_code: None,
            card: None,
            search: String::new(),
            include_closed: false,
        },
    )
    .await
    .expect("queue")
}

async fn county_documents(county: &County) -> Vec<(String, String)> {
    let mut tx = county.admin.begin().await.expect("tx");
    sqlx::query("SELECT set_config('yichuang.department', '*', true)")
        .execute(&mut *tx)
        .await
        .expect("scope");
    sqlx::query_as("SELECT id, document::text FROM case_record WHERE department_code = 'SCJG'")
        .fetch_all(&mut *tx)
        .await
        .expect("county cases")
}

async fn story(county: &County, hub: &HubServer, run: u32, steps: Vec<(usize, Step)>) {
    let mut proxies = Vec::new();
    let mut windows = Vec::new();
    for (i, (window, user)) in [("W01", "lina"), ("W02", "wangfang"), ("W03", "zhaolei")]
        .into_iter()
        .enumerate()
    {
        let proxy = FaultProxy::start(hub.port, u64::from(run) * 10 + i as u64 + 1).await;
        windows.push(Window::enroll(county, &proxy.url(), "SCJG", window, user).await);
        proxies.push(proxy);
    }
    for (n, (w, s)) in steps.iter().enumerate() {
        let win = &windows[*w];
        let key = format!("r{run}-{n}");
        match s {
            Step::Intake => {
                win.intake(&key, run * 100 + n as u32).await;
            }
            Step::Accept(pick) | Step::Reject(pick) => {
                let open = open_cases(win).await;
                if open.is_empty() {
                    continue;
                }
                let id = open[*pick as usize % open.len()].id.clone();
                // A refusal at the window (e.g. no longer open here) writes nothing; fine.
                let _ = if matches!(s, Step::Accept(_)) {
                    win.accept(&key, &id).await
                } else {
                    let detail = cases::get(
                        &win.app,
                        cases::CaseRequest {
                            case_id: id.clone(),
                        },
                    )
                    .await;
                    match detail {
                        Ok(d) => {
                            let _ = win
                                .act(&format!("{key}-t"), &id, common::tick_all(&d))
                                .await;
                            win.act(
                                &key,
                                &id,
                                CaseCommand::Reject {
                                    reason: "材料不符合法定形式".into(),
                                    legal_basis: "《行政许可法》第三十二条".into(),
                                },
                            )
                            .await
                            .map(|_| ())
                        }
                        Err(e) => Err(e),
                    }
                };
            }
            Step::Approve(pick) | Step::Complete(pick) => {
                let open = open_cases(win).await;
                if open.is_empty() {
                    continue;
                }
                let id = open[*pick as usize % open.len()].id.clone();
                // Refusals at the window (wrong state, no approval yet) write nothing; fine.
                if matches!(s, Step::Approve(_)) {
                    let _ = win
                        .act(
                            &format!("{key}-ask"),
                            &id,
                            CaseCommand::RequestApproval {
                                subject: ApprovalSubject::Decision {
                                    decision: Decision::Granted,
                                },
                                note: String::new(),
                            },
                        )
                        .await;
                    win.login_as("zhoumin").await;
                    let _ = win
                        .act(
                            &key,
                            &id,
                            CaseCommand::Approve {
                                seal: "审批专用章".into(),
                                opinion: None,
                            },
                        )
                        .await;
                    win.login().await;
                } else {
                    let _ = win
                        .act(
                            &key,
                            &id,
                            CaseCommand::Complete {
                                decision: yichuang_core::case::Decision::Granted,
                            },
                        )
                        .await;
                }
            }
            Step::Sync => {
                let _ = win.sync().await;
            }
            Step::Cut => proxies[*w].set(Fault::Refuse),
            Step::Mend => proxies[*w].set(Fault::Pass),
        }
    }
    // Quiet: the network is back and everyone syncs until nothing moves.
    for p in &proxies {
        p.set(Fault::Pass);
    }
    for _ in 0..2 {
        for w in &windows {
            let s = w.sync().await.expect("sync once the network is back");
            assert_eq!(s.pending, 0);
        }
    }

    for w in &windows {
        let id = yichuang_app::sync::enrollment(&w.app)
            .await
            .expect("enrollment")
            .expect("enrolled")
            .workstation_id;
        let store = yichuang_local::Store::open(&w.dir.path().join("data").join("cache.db"))
            .await
            .expect("cache");
        let outbox: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox")
            .fetch_one(store.pool())
            .await
            .expect("outbox");
        let local: Vec<(String, String)> = sqlx::query_as("SELECT id, document FROM case_record")
            .fetch_all(store.pool())
            .await
            .expect("replica");
        store.close().await;
        let at_county = county
            .count(&format!(
                "SELECT count(*) FROM mutation_log WHERE workstation_id = '{id}'"
            ))
            .await;
        assert_eq!(at_county, outbox, "every mutation reached the county once");
        // Whole cases, not just versions: each replica holds exactly the county's documents.
        let fingerprints = |rows: Vec<(String, String)>| {
            rows.into_iter()
                .map(|(id, doc)| {
                    let case: yichuang_core::case::Case =
                        serde_json::from_str(&doc).expect("a case document");
                    (id, case.fingerprint())
                })
                .collect::<std::collections::BTreeMap<_, _>>()
        };
        assert_eq!(
            fingerprints(local),
            fingerprints(county_documents(county).await),
            "every replica equals the county"
        );
    }
    // Applied exactly once: a case's version counts the accepted mutations on it.
    assert_eq!(
        county
            .count(
                "SELECT count(*) FROM case_record c WHERE c.version <> \
                 (SELECT count(*) FROM mutation_log m WHERE m.case_id = c.id \
                  AND m.status = 'accepted' AND m.kind <> 'card_raised')"
            )
            .await,
        0,
        "no mutation applied twice or lost"
    );
    for (kinds, what) in [
        (
            "'accept', 'reject', 'complete_on_the_spot'",
            "no case accepted or refused twice",
        ),
        (
            "'complete', 'reject', 'complete_on_the_spot', 'withdraw'",
            "no case closed twice",
        ),
    ] {
        assert_eq!(
            county
                .count(&format!(
                    "SELECT count(*) FROM case_record c WHERE \
                     (SELECT count(*) FROM mutation_log m WHERE m.case_id = c.id \
                      AND m.status = 'accepted' AND m.kind IN ({kinds})) > 1"
                ))
                .await,
            0,
            "{what}"
        );
    }
    // Every completed case that needed approval has the chief representative's approval.
    assert_eq!(
        county
            .count(
                "SELECT count(*) FROM case_record WHERE state = 'completed' \
                 AND (document->'item'->>'requires_chief_approval')::boolean \
                 AND NOT (document->'approvals'->-1->>'approved')::boolean IS TRUE"
            )
            .await,
        0,
        "no case that needs approval completed without it"
    );
    assert_eq!(
        county.count("SELECT count(*) FROM series_gap").await,
        0,
        "every number series is contiguous"
    );
    // Only legal moves: the county ran every mutation through the same state machine as the
    // window (its own property tests cover the moves), so a refused move shows as refused.
    // Here: no case both accepted and refused, and no terminal case moved on afterwards.
    assert_eq!(
        county
            .count(
                "SELECT count(*) FROM case_record c WHERE c.state = 'rejected' AND EXISTS \
                 (SELECT 1 FROM mutation_log m WHERE m.case_id = c.id AND m.status = 'accepted' \
                  AND m.kind = 'accept')"
            )
            .await,
        0
    );
}

#[test]
fn random_interleavings_of_three_windows_converge_with_the_county() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let county = rt.block_on(County::start());
    let hub = rt.block_on(HubServer::start(&county.hub_pool));
    let mut runner = TestRunner::new(Config {
        cases: 16,
        failure_persistence: None,
        ..Config::default()
    });
    let run = std::sync::atomic::AtomicU32::new(0);
    runner
        .run(&proptest::collection::vec(step(), 5..30), |steps| {
            let n = run.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
            rt.block_on(story(&county, &hub, n, steps));
            Ok(())
        })
        .expect("every interleaving converges");
}
