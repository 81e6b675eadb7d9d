//! The A/B post handover (DOMAIN.md rule 5) with the county: at one window B confirms with
//! B's password, acts "on behalf of A", and A takes the window back; from two workstations,
//! an owner's offline write after the handover synced is refused at the county and shows in
//! the owner's conflicts, never merged.

mod common;

use common::{County, HubServer, Window, PASSWORD};
use yichuang_app::api::{cases, handover, session, sync as sync_api};
use yichuang_app::ErrorCode;
use yichuang_core::case::{CaseCommand, Role};
use yichuang_sync::{RejectCode, Verdict};

fn start(to: &str, password: &str) -> handover::StartHandoverRequest {
    handover::StartHandoverRequest {
        to_username: to.into(),
        to_password: password.into(),
        reason: "请假".into(),
        expected_return: Some("2026-11-23 14:00".into()),
    }
}

async fn pdf_text(path: &str) -> String {
    let out = tokio::process::Command::new("pdftotext")
        .args([path, "-"])
        .output()
        .await
        .expect("pdftotext (poppler-utils)");
    assert!(out.status.success(), "pdftotext failed on {path}");
    // Cells wrap; what was printed is compared without the line breaks.
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .split_whitespace()
        .collect()
}

#[tokio::test]
async fn the_backup_works_the_owners_cases_on_their_behalf_until_the_owner_takes_them_back() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let w = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let first = w.intake("i-1", 1).await.case;
    let second = w.intake("i-2", 2).await.case;
    w.accept("acc-1", &first.id).await.expect("accepted");

    // A window is never left without a responsible clerk.
    let refused = session::end_shift(&w.app, ())
        .await
        .expect_err("open cases need a handover");
    assert_eq!(refused.code, ErrorCode::HandoverRequired);
    assert!(refused.message.contains("2 件"), "{}", refused.message);

    // B's password, not A's, confirms; a wrong one changes nothing.
    let wrong = handover::start(&w.app, start("wangfang", "not-her-password"))
        .await
        .expect_err("wrong password");
    assert_eq!(wrong.code, ErrorCode::LoginFailed);
    let overview = handover::overview(&w.app, ()).await.expect("overview");
    assert!(overview.active.is_none());
    assert_eq!(overview.open_cases.len(), 2, "the sheet would list both");

    let h = handover::start(&w.app, start("wangfang", PASSWORD))
        .await
        .expect("handed over");
    assert_eq!((h.from_name.as_str(), h.to_name.as_str()), ("李娜", "王芳"));
    assert_eq!(h.handed.len(), 2);
    let now = session::current(&w.app, ()).await.expect("session");
    assert_eq!(now.user.expect("someone").username, "wangfang");

    // B accepts the second case "for A": the timeline and the notice say so.
    w.accept("acc-2", &second.id).await.expect("B accepts");
    let d = cases::get(
        &w.app,
        cases::CaseRequest {
            case_id: second.id.clone(),
        },
    )
    .await
    .expect("case");
    let accept_line = d.timeline.last().expect("timeline");
    assert_eq!(accept_line.actor, "王芳");
    assert_eq!(accept_line.on_behalf_of.as_deref(), Some("李娜"));
    assert_eq!(
        d.case.holder.as_ref().map(|h| h.name.as_str()),
        Some("王芳")
    );

    let sheet = handover::sheet(
        &w.app,
        handover::HandoverSheetRequest {
            handover_id: h.id.clone(),
            back: false,
            print: false,
        },
    )
    .await
    .expect("sheet");
    let text = pdf_text(&sheet.path).await;
    for expected in [
        "AB岗交接单",
        "李娜",
        "王芳",
        "请假",
        &first.case_no,
        &second.case_no,
    ] {
        assert!(
            text.contains(expected),
            "the sheet lacks {expected}: {text}"
        );
    }

    // The return: A's password; the cases come back and A is at the window again.
    let bad = handover::give_back(
        &w.app,
        handover::ReturnHandoverRequest {
            owner_password: "wrong-password".into(),
        },
    )
    .await
    .expect_err("A's password");
    assert_eq!(bad.code, ErrorCode::LoginFailed);
    let back = handover::give_back(
        &w.app,
        handover::ReturnHandoverRequest {
            owner_password: PASSWORD.into(),
        },
    )
    .await
    .expect("returned");
    assert_eq!(back.returned.as_ref().map(Vec::len), Some(2));
    let d = cases::get(
        &w.app,
        cases::CaseRequest {
            case_id: second.id.clone(),
        },
    )
    .await
    .expect("case");
    assert!(d.case.holder.is_none());
    assert_eq!(d.case.owner_epoch, 2, "handed over and back");
    let now = session::current(&w.app, ()).await.expect("session");
    assert_eq!(now.user.expect("someone").username, "lina");
    let back_sheet = handover::sheet(
        &w.app,
        handover::HandoverSheetRequest {
            handover_id: h.id.clone(),
            back: true,
            print: false,
        },
    )
    .await
    .expect("return sheet");
    assert!(pdf_text(&back_sheet.path).await.contains("AB岗交回单"));

    // The county holds B's action as B's, for A.
    let status = w.sync().await.expect("sync");
    assert_eq!((status.pending, status.conflicts), (0, 0));
    assert_eq!(
        county
            .count(
                "SELECT count(*) FROM case_event WHERE document->>'actor' = '王芳' \
                 AND document->>'on_behalf_of' = '李娜'"
            )
            .await,
        d.timeline
            .iter()
            .filter(|e| e.on_behalf_of.is_some())
            .count() as i64
    );
    assert_eq!(
        county
            .count("SELECT count(*) FROM case_record WHERE (document->>'owner_epoch')::int = 2")
            .await,
        2
    );
}

#[tokio::test]
async fn an_owners_offline_write_after_a_handover_elsewhere_is_refused_and_shows_in_conflicts() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let window = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let elsewhere = Window::enroll(&county, &hub.url(), "SCJG", "W03", "lina").await;
    let case = window.intake("i-1", 1).await;
    let id = case.case.id.clone();
    window.sync().await.expect("sync");
    elsewhere.sync().await.expect("the other PC has the case");

    // At her window, lina hands over to wangfang; it reaches the county.
    handover::start(&window.app, start("wangfang", PASSWORD))
        .await
        .expect("handed over");
    window.sync().await.expect("sync");

    // Meanwhile, offline at the other PC, lina works the case: locally it looks fine.
    let detail = cases::get(
        &elsewhere.app,
        cases::CaseRequest {
            case_id: id.clone(),
        },
    )
    .await
    .expect("case");
    elsewhere
        .act("e-tick", &id, common::tick_all(&detail))
        .await
        .expect("offline, the other PC does not know yet");

    // Back online: refused at the county, in lina's conflicts, and the county's copy wins.
    let status = elsewhere.sync().await.expect("sync");
    assert_eq!(status.conflicts, 1);
    let conflicts = sync_api::conflicts(&elsewhere.app, ()).await.expect("list");
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].code, "case_changed");
    assert!(
        conflicts[0].reason.contains("交接给 王芳"),
        "{}",
        conflicts[0].reason
    );
    let now = cases::get(
        &elsewhere.app,
        cases::CaseRequest {
            case_id: id.clone(),
        },
    )
    .await
    .expect("case");
    assert_eq!(
        now.case.holder.as_ref().map(|h| h.name.as_str()),
        Some("王芳")
    );
    assert!(
        now.case
            .checklist
            .iter()
            .all(|l| l.status == yichuang_core::case::MaterialStatus::Pending),
        "the refused write was not merged"
    );
    // Knowing of the handover now, the other PC refuses lina's next write itself.
    let again = elsewhere
        .act("e-tick-2", &id, common::tick_all(&now))
        .await
        .expect_err("fenced locally");
    assert_eq!(again.code, ErrorCode::HandedOver);
}

#[tokio::test]
async fn a_handover_passes_only_through_the_handover_with_both_clerks_and_to_a_real_colleague() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let w = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let case = w.intake("i-1", 1).await.case;
    w.sync().await.expect("sync");

    // Not a button of the case page.
    let direct = w
        .act(
            "direct",
            &case.id,
            CaseCommand::HandOver {
                handover_id: "h-x".into(),
                to_id: "nobody".into(),
                to_name: "无此人".into(),
                reason: "请假".into(),
            },
        )
        .await
        .expect_err("refused at the window");
    assert_eq!(direct.code, ErrorCode::NotPermitted);

    // A tampered PC pushing a handover to someone the county does not know is refused.
    let (stored, pushed) = w.stored_case(&case.id).await;
    let forged = common::forged_on(
        &stored,
        "李娜",
        Role::Clerk,
        CaseCommand::HandOver {
            handover_id: "h-x".into(),
            to_id: "nobody".into(),
            to_name: "无此人".into(),
            reason: "请假".into(),
        },
    );
    match w.push_forged(&hub.url(), pushed + 1, &forged).await {
        Verdict::Rejected { code, .. } => assert_eq!(code, RejectCode::UnknownUser),
        Verdict::Accepted => panic!("the county took a handover to nobody"),
    }

    // The return is made with B at the window: after B locked it, A's password alone is
    // not enough.
    handover::start(&w.app, start("wangfang", PASSWORD))
        .await
        .expect("handed over");
    session::logout(&w.app, ()).await.expect("B steps away");
    let alone = handover::give_back(
        &w.app,
        handover::ReturnHandoverRequest {
            owner_password: PASSWORD.into(),
        },
    )
    .await
    .expect_err("B is not here");
    assert_eq!(alone.code, ErrorCode::LoginRequired);
    w.login_as("wangfang").await;
    handover::give_back(
        &w.app,
        handover::ReturnHandoverRequest {
            owner_password: PASSWORD.into(),
        },
    )
    .await
    .expect("both present");
}
