//! Stories of sync between windows and the county: offline work converging, a case decided
//! at another window, login, an outdated workstation, and a replaced PC — each against a
//! real PostgreSQL with the hub's server on a loopback port.

mod common;

use common::{County, HubServer, Window};
use yichuang_app::api::{cases, session, sync as sync_api};
use yichuang_app::ErrorCode;
use yichuang_core::case::{ApprovalSubject, CaseCommand, CaseState, Decision};
use yichuang_hub::server::Hub;
use yichuang_local::sync as local_sync;

async fn replica(w: &Window) -> Vec<(String, i64)> {
    let store = yichuang_local::Store::open(&w.dir.path().join("data").join("cache.db"))
        .await
        .expect("open cache");
    let v = local_sync::case_versions(&store).await.expect("versions");
    store.close().await;
    v
}

async fn county_cases(county: &County, department: &str) -> Vec<(String, i64)> {
    let mut tx = county.admin.begin().await.expect("tx");
    sqlx::query("SELECT set_config('yichuang.department', '*', true)")
        .execute(&mut *tx)
        .await
        .expect("scope");
    let rows: Vec<(String, i32)> = sqlx::query_as(
        "SELECT id, version FROM case_record WHERE department_code = $1 ORDER BY id",
    )
    .bind(department)
    .fetch_all(&mut *tx)
    .await
    .expect("cases");
    rows.into_iter().map(|(id, v)| (id, i64::from(v))).collect()
}

#[tokio::test]
async fn two_windows_work_offline_and_converge_with_the_county_once_back() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let port = hub.port;
    let a = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let b = Window::enroll(&county, &hub.url(), "SCJG", "W02", "wangfang").await;

    // The network goes down; both windows keep working.
    hub.kill().await;
    let a1 = a.intake("a-1", 1).await;
    let a2 = a.intake("a-2", 2).await;
    a.accept("a-2-accept", &a2.case.id)
        .await
        .expect("accept offline");
    let _a3 = a.intake("a-3", 3).await;
    let b1 = b.intake("b-1", 4).await;
    let _b2 = b.intake("b-2", 5).await;
    let offline = a.sync().await.expect_err("the hub is down");
    assert_eq!(offline.code, ErrorCode::HubOffline);
    let status = sync_api::status(&a.app, ()).await.expect("status");
    assert_eq!(status.online, Some(false));
    assert_eq!(
        status.pending, 5,
        "3 intakes, a tick and an acceptance wait"
    );

    // Back online: each pushes, then each pulls the other's cases.
    let hub = HubServer::start_on(Hub::new(county.hub_pool.clone()), port).await;
    a.sync().await.expect("a syncs");
    b.sync().await.expect("b syncs");
    let status = a.sync().await.expect("a pulls b's cases");
    assert_eq!(status.pending, 0);
    assert_eq!(status.conflicts, 0);
    assert_eq!(status.online, Some(true));

    // Every case, event, notice and audit entry is at the county exactly once.
    let total_outbox =
        a.count("SELECT count(*) FROM outbox").await + b.count("SELECT count(*) FROM outbox").await;
    assert_eq!(
        county.count("SELECT count(*) FROM mutation_log").await,
        total_outbox
    );
    assert_eq!(
        county
            .count("SELECT count(*) FROM mutation_log WHERE status = 'accepted'")
            .await,
        total_outbox
    );
    assert_eq!(county.count("SELECT count(*) FROM case_record").await, 5);
    assert_eq!(
        county.count("SELECT count(*) FROM case_event").await,
        a.count("SELECT count(*) FROM case_event").await,
        "a holds every timeline of the department, as the county does"
    );
    assert_eq!(
        county.count("SELECT count(*) FROM notice").await,
        b.count("SELECT count(*) FROM notice").await
    );
    let audit_a = a.count("SELECT count(*) FROM audit_log").await;
    let audit_b = b.count("SELECT count(*) FROM audit_log").await;
    assert_eq!(
        county.count("SELECT count(*) FROM audit_entry").await,
        audit_a + audit_b
    );

    // Both replicas equal the county's department.
    b.sync().await.expect("b pulls the last changes");
    let county_view = county_cases(&county, "SCJG").await;
    assert_eq!(replica(&a).await, county_view);
    assert_eq!(replica(&b).await, county_view);

    // B sees A's case as A left it, accepted, and can open it.
    let seen = cases::get(
        &b.app,
        cases::CaseRequest {
            case_id: a2.case.id.clone(),
        },
    )
    .await
    .expect("b opens a's case");
    assert_eq!(seen.case.state, CaseState::Accepted);
    assert!(
        seen.case.case_no.contains("W01"),
        "numbered by A's window: {}",
        seen.case.case_no
    );
    let _ = (a1, b1);
    hub.kill().await;
}

#[tokio::test]
async fn an_action_on_a_case_decided_at_another_window_is_refused_and_listed_as_a_conflict() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let port = hub.port;
    let a = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let b = Window::enroll(&county, &hub.url(), "SCJG", "W02", "wangfang").await;
    let case = a.intake("a-1", 1).await;
    a.sync().await.expect("a pushes the intake");
    b.sync().await.expect("b pulls it");

    // Offline, A accepts while B refuses the same case.
    hub.kill().await;
    a.accept("a-accept", &case.case.id)
        .await
        .expect("a accepts offline");
    let detail = cases::get(
        &b.app,
        cases::CaseRequest {
            case_id: case.case.id.clone(),
        },
    )
    .await
    .expect("b opens it");
    b.act("b-tick", &case.case.id, common::tick_all(&detail))
        .await
        .expect("b ticks");
    b.act(
        "b-reject",
        &case.case.id,
        CaseCommand::Reject {
            reason: "不属于本部门职权范围".into(),
            legal_basis: "《行政许可法》第三十二条".into(),
        },
    )
    .await
    .expect("b refuses offline");

    let _hub = HubServer::start_on(Hub::new(county.hub_pool.clone()), port).await;
    a.sync().await.expect("a first: accepted");
    let status = b.sync().await.expect("b second");
    assert_eq!(status.pending, 0, "a refused action never blocks the queue");
    assert_eq!(
        status.conflicts, 2,
        "b's tick and refusal were both decided on a stale case"
    );

    let conflicts = sync_api::conflicts(&b.app, ()).await.expect("conflicts");
    assert!(conflicts.iter().any(|c| c.action == "reject"
        && c.code == "case_changed"
        && c.case_no.as_deref() == Some(case.case.case_no.as_str())
        && c.reason.contains("已被其他操作更新")));

    // B now shows the truth: the case is accepted (by A), not refused.
    let seen = cases::get(
        &b.app,
        cases::CaseRequest {
            case_id: case.case.id.clone(),
        },
    )
    .await
    .expect("b opens it again");
    assert_eq!(seen.case.state, CaseState::Accepted);
    assert_eq!(
        county
            .count("SELECT count(*) FROM case_record WHERE state = 'accepted'")
            .await,
        1
    );
    // B's refusal notice number was used at the window and stays recorded as refused.
    assert_eq!(
        county
            .count(
                "SELECT count(*) FROM mutation_log WHERE status = 'rejected' AND kind = 'reject'"
            )
            .await,
        1
    );
}

#[tokio::test]
async fn an_enrolled_window_needs_a_login_of_its_own_department() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let a = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let state = session::current(&a.app, ()).await.expect("session");
    assert_eq!(state.user.as_ref().map(|u| u.name.as_str()), Some("李娜"));
    // The first-inquiry register names who was asked: the logged-in clerk.
    let asked = yichuang_app::api::inquiry::log(
        &a.app,
        yichuang_app::api::inquiry::InquiryRequest {
            action_key: "q1".into(),
            person: "王女士".into(),
            question: "营业执照怎么办".into(),
            item_code: None,
            outcome: yichuang_app::api::inquiry::InquiryOutcome::Answered,
            referred_to: None,
            case_id: None,
        },
    )
    .await
    .expect("inquiry");
    assert_eq!(asked.clerk_name, "李娜");

    session::logout(&a.app, ()).await.expect("logout");
    let refused = cases::intake(
        &a.app,
        cases::IntakeRequest {
            action_key: "k".into(),
            item_code: "000102002000".into(),
            applicant: yichuang_core::case::ApplicantInput::Person {
                name: "王小明".into(),
                id_number: common::resident_id(1),
                phone: "13812345678".into(),
            },
            agent: None,
            situations: vec![],
        },
    )
    .await
    .expect_err("nobody is logged in");
    assert_eq!(refused.code, ErrorCode::LoginRequired);

    for (user, password) in [
        ("lina", "wrong-password"),
        ("chenjing", common::PASSWORD),
        ("nobody", "x"),
    ] {
        let e = session::login(
            &a.app,
            session::LoginRequest {
                username: user.into(),
                password: password.into(),
            },
        )
        .await
        .expect_err("refused");
        assert_eq!(e.code, ErrorCode::LoginFailed, "{user}");
    }
    assert_eq!(
        a.count("SELECT count(*) FROM case_record").await,
        0,
        "nothing was written"
    );
    // Offline login works from the synced hash.
    hub.kill().await;
    a.login().await;
}

#[tokio::test]
async fn a_workstation_too_old_for_the_hub_is_told_to_update_and_keeps_its_outbox() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let port = hub.port;
    let a = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    a.intake("a-1", 1).await;
    hub.kill().await;
    let mut newer = Hub::new(county.hub_pool.clone());
    newer.min_protocol = yichuang_sync::PROTOCOL_VERSION + 1;
    let hub = HubServer::start_on(newer, port).await;

    let e = a.sync().await.expect_err("too old");
    assert_eq!(e.code, ErrorCode::ClientTooOld);
    assert!(e.message.contains("更新"), "{}", e.message);
    let status = sync_api::status(&a.app, ()).await.expect("status");
    assert!(status.needs_update);
    assert_eq!(status.pending, 1, "the outbox is kept");
    assert_eq!(county.count("SELECT count(*) FROM case_record").await, 0);

    // After the update (here: a hub that accepts this version), it all goes through.
    hub.kill().await;
    let _hub = HubServer::start_on(Hub::new(county.hub_pool.clone()), port).await;
    let status = a.sync().await.expect("updated");
    assert!(!status.needs_update);
    assert_eq!(county.count("SELECT count(*) FROM case_record").await, 1);
}

#[tokio::test]
async fn a_replaced_pc_continues_its_windows_number_series_and_the_old_one_is_locked_out() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let old = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let first = old.intake("o-1", 1).await;
    let second = old.intake("o-2", 2).await;
    assert!(
        first.case.case_no.ends_with("000001"),
        "{}",
        first.case.case_no
    );
    assert!(second.case.case_no.ends_with("000002"));
    old.sync().await.expect("sync");

    let new = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let third = new.intake("n-1", 3).await;
    assert!(
        third.case.case_no.ends_with("000003"),
        "the series goes on: {}",
        third.case.case_no
    );
    new.sync().await.expect("sync");
    assert_eq!(
        county
            .count("SELECT max(last_seq) FROM series_mark WHERE series LIKE 'case:%'")
            .await,
        3
    );
    let e = old.sync().await.expect_err("the replaced PC is revoked");
    assert_eq!(e.code, ErrorCode::HubRefused);
}

#[tokio::test]
async fn a_change_committed_late_is_never_skipped_by_a_pull() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let a = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let b = Window::enroll(&county, &hub.url(), "SCJG", "W02", "wangfang").await;
    let first = a.intake("a-1", 1).await;
    a.sync().await.expect("sync");
    b.sync().await.expect("b is up to date");

    // A slow county transaction takes the next change number and does not commit yet.
    let mut slow = county.admin.begin().await.expect("tx");
    sqlx::query("SELECT set_config('yichuang.department', '*', true)")
        .execute(&mut *slow)
        .await
        .expect("scope");
    let late: i64 =
        sqlx::query_scalar("UPDATE sync_counter SET value = value + 1 WHERE id RETURNING value")
            .fetch_one(&mut *slow)
            .await
            .expect("counter");
    let mut doc = serde_json::to_value(&first.case).expect("case json");
    doc["id"] = "late-case".into();
    doc["case_no"] = "LATE-1".into();
    sqlx::query(
        "INSERT INTO case_record (id, case_no, department_code, window_code, state, version, \
         document, gseq) VALUES ('late-case', 'LATE-1', 'SCJG', 'W01', 'reviewing', 1, $1, $2)",
    )
    .bind(sqlx::types::Json(&doc))
    .bind(late)
    .execute(&mut *slow)
    .await
    .expect("late row");

    // Meanwhile A pushes a new case, and B pulls: A's change must wait for the slow one, so
    // B can never see a later change and move its cursor past the slow one.
    a.intake("a-2", 2).await;
    let (pushed, ()) = tokio::join!(a.sync(), async {
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        assert_eq!(
            county.count("SELECT count(*) FROM mutation_log").await,
            1,
            "the later change is held back behind the uncommitted one"
        );
        b.sync().await.expect("b pulls meanwhile");
        slow.commit()
            .await
            .expect("the slow transaction commits at last");
    });
    pushed.expect("a's push completes after the slow commit");
    b.sync().await.expect("b pulls again");
    let held = replica(&b).await;
    assert!(
        held.iter().any(|(id, _)| id == "late-case"),
        "the late row reached b"
    );
    assert_eq!(held.len(), 3, "and so did a's second case: {held:?}");
}

#[tokio::test]
async fn an_action_on_a_case_that_reached_the_same_version_differently_elsewhere_is_refused() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let port = hub.port;
    let a = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let b = Window::enroll(&county, &hub.url(), "SCJG", "W02", "wangfang").await;
    let case = a.intake("a-1", 1).await;
    a.sync().await.expect("sync");
    b.sync().await.expect("b has version 1");

    // A checks the materials (the county's copy becomes version 2) …
    a.act("a-tick", &case.case.id, common::tick_all(&case))
        .await
        .expect("a ticks");
    a.sync().await.expect("a syncs");
    // … while B, offline, checks them too (its own, different version 2) and refuses the
    // case on it.
    hub.kill().await;
    // B finds the first material missing: B's version 2 is not the county's version 2.
    let mut b_check = common::tick_all(&case);
    if let CaseCommand::UpdateChecklist { lines } = &mut b_check {
        lines[0].status = yichuang_core::case::MaterialStatus::Missing;
    }
    b.act("b-tick", &case.case.id, b_check)
        .await
        .expect("b ticks");
    b.act(
        "b-reject",
        &case.case.id,
        CaseCommand::Reject {
            reason: "材料不符合法定形式".into(),
            legal_basis: "《行政许可法》第三十二条".into(),
        },
    )
    .await
    .expect("b refuses offline");
    let _hub = HubServer::start_on(Hub::new(county.hub_pool.clone()), port).await;
    let status = b.sync().await.expect("b syncs");
    let listed = sync_api::conflicts(&b.app, ()).await.expect("conflicts");
    assert_eq!(
        status.conflicts, 2,
        "version 2 at B is not the county's version 2: both of B's actions are refused: {listed:?}"
    );
    assert_eq!(
        county
            .count("SELECT count(*) FROM case_record WHERE state = 'rejected'")
            .await,
        0,
        "the county never refused a case on a state it did not have"
    );
    let seen = cases::get(
        &b.app,
        cases::CaseRequest {
            case_id: case.case.id.clone(),
        },
    )
    .await
    .expect("b opens it");
    assert_eq!(
        seen.case.state,
        CaseState::Reviewing,
        "b shows the county's copy"
    );
}

#[tokio::test]
async fn a_refused_notice_still_uses_its_number_and_the_series_shows_no_gap() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let a = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let b = Window::enroll(&county, &hub.url(), "SCJG", "W02", "wangfang").await;
    let mut ids = Vec::new();
    for i in 1..=2 {
        let c = a.intake(&format!("a-{i}"), i).await;
        a.accept(&format!("a-{i}-ok"), &c.case.id)
            .await
            .expect("accepted");
        a.act(
            &format!("a-{i}-ask"),
            &c.case.id,
            CaseCommand::RequestApproval {
                subject: ApprovalSubject::Decision {
                    decision: Decision::Granted,
                },
                note: String::new(),
            },
        )
        .await
        .expect("asked");
        ids.push(c.case.id.clone());
    }
    a.login_as("zhoumin").await;
    for (i, id) in ids.iter().enumerate() {
        a.act(
            &format!("z-{i}"),
            id,
            CaseCommand::Approve {
                seal: "审批专用章".into(),
                opinion: None,
            },
        )
        .await
        .expect("approved");
    }
    a.login_as("lina").await;
    a.sync().await.expect("a syncs");
    b.sync().await.expect("b pulls");
    // The applicant of the first case withdraws at window B.
    b.act(
        "b-withdraw",
        &ids[0],
        CaseCommand::Withdraw {
            reason: "申请人撤回".into(),
        },
    )
    .await
    .expect("withdrawn");
    b.sync().await.expect("b syncs");
    // A, not yet aware, completes both: the first completion notice is refused by the county.
    let granted = CaseCommand::Complete {
        decision: yichuang_core::case::Decision::Granted,
    };
    a.act("a-done-1", &ids[0], granted.clone())
        .await
        .expect("completed at a");
    a.act("a-done-2", &ids[1], granted)
        .await
        .expect("completed");
    let status = a.sync().await.expect("a syncs");
    assert_eq!(status.conflicts, 1);
    assert_eq!(
        county.count("SELECT count(*) FROM series_gap").await,
        0,
        "the refused notice's number counts as used"
    );
    assert_eq!(
        county
            .count("SELECT max(last_seq) FROM series_mark WHERE series LIKE 'notice:%-BJ-%'")
            .await,
        2
    );
}
