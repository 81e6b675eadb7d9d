//! The chief representative's on-site approval (DOMAIN.md rule 4) across a window and the
//! county: a clerk cannot approve (refused at the window, and again at the county even when
//! the request claims otherwise); the chief representative approves with the seal; a case
//! that needs approval is completed only after it.

mod common;

use common::{County, HubServer, Window};
use yichuang_app::api::cases;
use yichuang_app::ErrorCode;
use yichuang_core::case::{
    Actor, ApprovalSubject, CaseCommand, CaseMutation, CaseState, Decision, MutationBody, Role,
};
use yichuang_sync::{RejectCode, Verdict};

#[tokio::test]
async fn only_the_chief_representative_approves_at_the_window_and_at_the_county() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let a = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let case = a.intake("a-1", 1).await;
    let id = case.case.id.clone();
    a.accept("a-accept", &id).await.expect("accepted");
    let granted = CaseCommand::Complete {
        decision: Decision::Granted,
    };
    let early = a
        .act("a-complete-early", &id, granted.clone())
        .await
        .expect_err("the food licence needs approval first");
    assert_eq!(early.code, ErrorCode::ApprovalRequired);
    let asked = a
        .act(
            "a-ask",
            &id,
            CaseCommand::RequestApproval {
                subject: ApprovalSubject::Decision {
                    decision: Decision::Granted,
                },
                note: "现场核查已完成".into(),
            },
        )
        .await
        .expect("asked");
    assert_eq!(asked.case.state, CaseState::AwaitingApproval);
    let approve = CaseCommand::Approve {
        seal: "审批专用章（一）".into(),
        opinion: None,
    };
    let refused = a
        .act("a-approve", &id, approve.clone())
        .await
        .expect_err("a clerk cannot approve");
    assert_eq!(refused.code, ErrorCode::ChiefRepOnly);

    // The chief representative comes to the window and approves; the clerk completes.
    a.login_as("zhoumin").await;
    let approved = a.act("z-approve", &id, approve).await.expect("approved");
    assert_eq!(approved.case.state, CaseState::Processing);
    assert_eq!(approved.case.approvals[0].by, "周敏");
    a.login_as("lina").await;
    let done = a.act("a-complete", &id, granted).await.expect("completed");
    assert_eq!(done.case.state, CaseState::Completed);
    let status = a.sync().await.expect("sync");
    assert_eq!((status.pending, status.conflicts), (0, 0));
    assert_eq!(
        county
            .count("SELECT count(*) FROM case_record WHERE state = 'completed' AND document->'approvals'->0->>'by' = '周敏'")
            .await,
        1,
        "the county holds the approval with its seal and the completion"
    );

    // A second case; a clerk's PC claims the chief representative's role in its request.
    let second = a.intake("a-2", 2).await;
    a.accept("a-2-accept", &second.case.id)
        .await
        .expect("accepted");
    a.act(
        "a-2-ask",
        &second.case.id,
        CaseCommand::RequestApproval {
            subject: ApprovalSubject::Decision {
                decision: Decision::Granted,
            },
            note: String::new(),
        },
    )
    .await
    .expect("asked");
    a.sync().await.expect("sync");
    let current = cases::get(
        &a.app,
        cases::CaseRequest {
            case_id: second.case.id.clone(),
        },
    )
    .await
    .expect("case");
    let (stored, pushed) = a.stored_case(&second.case.id).await;
    let lina = current.case.owner.clone();
    let forged = CaseMutation {
        case_id: stored.id.clone(),
        base_version: Some(stored.version),
        base_fingerprint: Some(stored.fingerprint()),
        actor: Actor {
            user_id: lina,
            name: "周敏".into(),
            role: Role::ChiefRep,
        },
        workstation: "ws-forged".into(),
        at: chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(11, 0, 0))
            .expect("time"),
        number: None,
        body: MutationBody::Command {
            command: CaseCommand::Approve {
                seal: "审批专用章（一）".into(),
                opinion: None,
            },
        },
    };
    match a.push_forged(&hub.url(), pushed + 1, &forged).await {
        Verdict::Rejected { code, reason } => {
            assert_eq!(code, RejectCode::RuleRefused);
            assert!(reason.contains("首席代表"), "{reason}");
        }
        Verdict::Accepted => panic!("the county took a clerk's approval"),
    }
    assert_eq!(
        county
            .count("SELECT count(*) FROM case_record WHERE state = 'awaiting_approval'")
            .await,
        1,
        "the second case still waits for the chief representative"
    );
}

#[tokio::test]
async fn the_chief_representatives_queue_shows_decisions_and_extensions_with_what_is_asked() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let a = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let licence = a.intake("i-1", 1).await.case;
    a.accept("acc-1", &licence.id).await.expect("accepted");
    let other = a.intake_item("i-2", "000102003000", 2).await.case;
    a.accept("acc-2", &other.id).await.expect("accepted");
    a.act(
        "ask-1",
        &licence.id,
        CaseCommand::RequestApproval {
            subject: ApprovalSubject::Decision {
                decision: Decision::Denied {
                    reason: "经营场所不符合要求".into(),
                    legal_basis: "《食品经营许可管理办法》第十九条".into(),
                },
            },
            note: String::new(),
        },
    )
    .await
    .expect("asked");
    a.act(
        "ask-2",
        &other.id,
        CaseCommand::RequestApproval {
            subject: ApprovalSubject::Extension {
                days: 5,
                reason: "需现场核查".into(),
            },
            note: String::new(),
        },
    )
    .await
    .expect("asked");
    let queue = yichuang_app::api::approvals::pending(&a.app, ())
        .await
        .expect("queue");
    let asked: Vec<String> = queue.iter().map(|p| p.request.subject.describe()).collect();
    assert_eq!(
        asked,
        vec![
            "办结决定：不予许可（经营场所不符合要求）".to_string(),
            "延长办理期限 5 个工作日（需现场核查）".to_string()
        ]
    );
    // The chief representative approves the extension; the denial is completed as approved.
    a.login_as("zhoumin").await;
    for (key, id) in [("ok-1", &licence.id), ("ok-2", &other.id)] {
        a.act(
            key,
            id,
            CaseCommand::Approve {
                seal: "审批专用章（一）".into(),
                opinion: None,
            },
        )
        .await
        .expect("approved");
    }
    a.login_as("lina").await;
    assert!(yichuang_app::api::approvals::pending(&a.app, ())
        .await
        .expect("queue")
        .is_empty());
    let granted = a
        .act(
            "done-wrong",
            &licence.id,
            CaseCommand::Complete {
                decision: Decision::Granted,
            },
        )
        .await
        .expect_err("not what was approved");
    assert_eq!(granted.code, ErrorCode::ApprovalMismatch);
    let extended = cases::get(
        &a.app,
        cases::CaseRequest {
            case_id: other.id.clone(),
        },
    )
    .await
    .expect("case");
    assert_eq!(extended.deadline.expect("running").clock.extension_days, 5);
    let status = a.sync().await.expect("sync");
    assert_eq!((status.pending, status.conflicts), (0, 0));
}
