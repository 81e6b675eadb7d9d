//! The one-time notice, acceptance, refusal and voids, run as the window runs them, with the
//! PDFs read back by pdftotext; and the audit chain that records it all.

mod common;

use common::*;
use std::path::Path;
use yichuang_app::api::{audit, cases, notices};
use yichuang_app::{App, AppConfig, ErrorCode};
use yichuang_core::case::{
    Action, CaseCommand, CaseState, Decision, NoticeKind, ResultDelivery, StartEvent,
};
use yichuang_core::WorkCalendar;

#[tokio::test]
async fn a_case_runs_from_intake_through_the_one_time_notice_to_acceptance_across_spring_festival()
{
    let c = counter_at("2026-02-10 09:00").await;
    let d = cases::intake(&c.app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("intake");
    assert_eq!(d.case.state, CaseState::Reviewing);
    assert_eq!(
        d.case.applicant.id_number(),
        "1101**********002X",
        "the case page is masked"
    );
    let id = d.case.id.clone();
    let d = act(&c.app, "a1", &id, tick(&d, &[1, 3]))
        .await
        .expect("ticked");
    let missing: Vec<String> = [1, 3]
        .iter()
        .map(|i| d.case.checklist[*i].name.clone())
        .collect();
    let d = act(&c.app, "a2", &id, CaseCommand::IssueCorrectionNotice)
        .await
        .expect("notice");
    assert_eq!(d.case.state, CaseState::AwaitingCorrection);
    assert_eq!(
        d.allowed,
        vec![
            Action::CorrectionReceived,
            Action::ReopenReview,
            Action::Withdraw
        ]
    );
    let correction = d.notices[0].number.clone();
    assert_eq!(correction, "431125-SCJG-W03-BZ-2026-000001");

    let file = notices::print(
        &c.app,
        notices::NoticeRequest {
            number: correction.clone(),
        },
    )
    .await
    .expect("pdf");
    let text = pdftotext(Path::new(&file.path));
    for m in &missing {
        assert!(text.contains(m.as_str()), "{m} told in the notice");
    }
    assert!(text.contains(&d.case.case_no));
    assert!(text.contains("一次性告知"));
    assert_eq!(c.desktop.printed.lock().expect("lock").len(), 1);

    let d = act(&c.app, "a3", &id, CaseCommand::CorrectionReceived)
        .await
        .expect("back");
    act(&c.app, "a4", &id, tick(&d, &[])).await.expect("ticked");
    let d = act(&c.app, "a5", &id, CaseCommand::Accept)
        .await
        .expect("accepted");
    let dl = d.deadline.as_ref().expect("deadline");
    assert_eq!(dl.clock.start_event, StartEvent::MaterialsCompleted);
    let expected = WorkCalendar::embedded()
        .add_working_days("2026-02-10".parse().expect("date"), 10)
        .date;
    assert_eq!(dl.deadlines.promised, expected);
    assert_eq!(expected.to_string(), "2026-03-02");

    let acceptance = d
        .notices
        .iter()
        .find(|n| n.number.contains("-SL-"))
        .expect("acceptance");
    let file = notices::pdf(
        &c.app,
        notices::NoticeRequest {
            number: acceptance.number.clone(),
        },
    )
    .await
    .expect("pdf");
    let text = pdftotext(Path::new(&file.path));
    assert!(text.contains("受理通知书"));
    assert!(text.contains("2026年3月2日"), "due date printed: {text}");

    let q = queue(&c.app, "").await;
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].due_date, Some(expected));
    assert_eq!(q[0].applicant_id_masked, "1101**********002X");
    // The timeline names who did what on which workstation.
    assert!(d
        .timeline
        .iter()
        .all(|e| e.actor == "李娜" && e.workstation.starts_with("ws-")));
    let audit = audit::status(&c.app, ()).await.expect("audit");
    assert!(audit.intact);
    assert_eq!(audit.entries, 6);
    assert_eq!(audit.pending_mutations, 6);
}

#[tokio::test]
async fn a_later_notice_asking_for_more_is_refused_and_nothing_is_numbered() {
    let c = counter_at("2026-03-02 09:00").await;
    let d = cases::intake(&c.app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("intake");
    let id = d.case.id.clone();
    act(&c.app, "a1", &id, tick(&d, &[1]))
        .await
        .expect("ticked");
    act(&c.app, "a2", &id, CaseCommand::IssueCorrectionNotice)
        .await
        .expect("first");
    let d = act(&c.app, "a3", &id, CaseCommand::CorrectionReceived)
        .await
        .expect("back");
    let d = act(&c.app, "a4", &id, tick(&d, &[2]))
        .await
        .expect("ticked");
    let before = audit::status(&c.app, ()).await.expect("audit").entries;
    let err = act(&c.app, "a5", &id, CaseCommand::IssueCorrectionNotice)
        .await
        .expect_err("refused");
    assert_eq!(err.code, ErrorCode::OneTimeRule);
    assert!(err.message.contains(&d.case.checklist[2].name));
    assert_eq!(
        audit::status(&c.app, ()).await.expect("audit").entries,
        before
    );
    // The override is the chief representative's: a clerk may ask for it, not give it.
    act(
        &c.app,
        "a6",
        &id,
        CaseCommand::RequestApproval {
            subject: yichuang_core::case::ApprovalSubject::NoticeOverride {
                reason: "经营场所变更，需补充新场所证明".into(),
                materials: vec![],
            },
            note: String::new(),
        },
    )
    .await
    .expect("asked");
    // It waits on the chief representative's queue, saying what is asked, under review.
    let queue = yichuang_app::api::approvals::pending(&c.app, ())
        .await
        .expect("queue");
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].state, CaseState::Reviewing);
    assert!(matches!(
        queue[0].request.subject,
        yichuang_core::case::ApprovalSubject::NoticeOverride { .. }
    ));
    let err = act(
        &c.app,
        "a7",
        &id,
        CaseCommand::Approve {
            seal: "审批专用章".into(),
            opinion: None,
        },
    )
    .await
    .expect_err("a clerk cannot approve");
    assert_eq!(err.code, ErrorCode::ChiefRepOnly);
    // Asking only for what the first notice named needs nobody's permission.
    let d = act(&c.app, "a8", &id, tick(&d, &[1]))
        .await
        .expect("ticked");
    let ok = act(&c.app, "a9", &id, CaseCommand::IssueCorrectionNotice)
        .await
        .expect("the same materials again");
    assert_eq!(d.case.state, CaseState::Reviewing);
    // The refused attempt left no gap: the second notice is number 2.
    assert!(
        ok.notices[1].number.ends_with("BZ-2026-000002"),
        "{}",
        ok.notices[1].number
    );
}

#[tokio::test]
async fn a_voided_notice_keeps_its_number_and_shows_the_void_on_its_pdf() {
    let c = counter_at("2026-03-02 09:00").await;
    let d = cases::intake(&c.app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("intake");
    let id = d.case.id.clone();
    act(&c.app, "a1", &id, tick(&d, &[])).await.expect("ticked");
    let d = act(&c.app, "a2", &id, CaseCommand::Accept)
        .await
        .expect("accepted");
    let number = d.notices[0].number.clone();
    let d = act(
        &c.app,
        "a3",
        &id,
        CaseCommand::VoidNotice {
            number: number.clone(),
            reason: "申请人姓名打印错误".into(),
        },
    )
    .await
    .expect("voided");
    assert!(d.notices[0].voided.is_some());
    let file = notices::pdf(
        &c.app,
        notices::NoticeRequest {
            number: number.clone(),
        },
    )
    .await
    .expect("pdf");
    assert!(file.voided);
    let text = pdftotext(Path::new(&file.path));
    assert!(text.contains("作废"), "{text}");
    let d = act(
        &c.app,
        "a4",
        &id,
        CaseCommand::ReissueNotice {
            kind: yichuang_core::case::NoticeKind::Acceptance,
            reason: None,
            legal_basis: None,
        },
    )
    .await
    .expect("reissued");
    assert_eq!(d.notices.len(), 2);
    assert!(d.notices[1].number.ends_with("SL-2026-000002"));
}

#[tokio::test]
async fn a_refusal_with_a_wrong_reason_is_voided_and_reissued_with_the_right_one() {
    let c = counter_at("2026-03-02 09:00").await;
    let d = cases::intake(&c.app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("intake");
    let id = d.case.id.clone();
    let d = act(
        &c.app,
        "a1",
        &id,
        CaseCommand::Reject {
            reason: "不属于本部门职权范围（写错）".into(),
            legal_basis: "《行政许可法》第三十二条".into(),
        },
    )
    .await
    .expect("rejected");
    let first = d.notices[0].number.clone();
    act(
        &c.app,
        "a2",
        &id,
        CaseCommand::VoidNotice {
            number: first,
            reason: "理由写错".into(),
        },
    )
    .await
    .expect("voided");
    let d = act(
        &c.app,
        "a3",
        &id,
        CaseCommand::ReissueNotice {
            kind: yichuang_core::case::NoticeKind::Rejection,
            reason: Some("申请事项依法不需要取得行政许可".into()),
            legal_basis: None,
        },
    )
    .await
    .expect("reissued");
    assert_eq!(
        d.case.closing_reason.as_deref(),
        Some("申请事项依法不需要取得行政许可")
    );
    let file = notices::pdf(
        &c.app,
        notices::NoticeRequest {
            number: d.notices[1].number.clone(),
        },
    )
    .await
    .expect("pdf");
    let text = pdftotext(Path::new(&file.path));
    assert!(text.contains("依法不需要取得行政许可"), "{text}");
    assert!(!text.contains("写错"));
}

#[tokio::test]
async fn an_edited_audit_entry_is_detected_by_the_verifier() {
    let c = counter_at("2026-03-02 09:00").await;
    let d = cases::intake(&c.app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("intake");
    act(&c.app, "a1", &d.case.id, tick(&d, &[]))
        .await
        .expect("ticked");
    assert!(audit::status(&c.app, ()).await.expect("audit").intact);
    c.app.shutdown().await;
    let db = c.dir.path().join("data").join("cache.db");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display()))
        .await
        .expect("raw");
    sqlx::query("UPDATE audit_log SET actor = '张三' WHERE seq = 1")
        .execute(&pool)
        .await
        .expect("tamper");
    pool.close().await;
    let app = App::open(AppConfig::headless(
        c.dir.path().join("data"),
        c.clock.clone(),
    ))
    .await
    .expect("reopen");
    let status = audit::status(&app, ()).await.expect("audit");
    assert!(!status.intact);
    assert!(
        status.problem.as_deref().is_some_and(|p| p.contains('1')),
        "{status:?}"
    );
}

#[tokio::test]
async fn a_completed_case_gets_its_completion_notice_and_its_result_is_issued_once() {
    let c = counter_at("2026-03-02 09:00").await;
    let mut req = intake_req("i1", "11010519491231002X");
    // An item that needs no chief representative's approval.
    req.item_code = "000102003000".into();
    let d = cases::intake(&c.app, req).await.expect("intake");
    let id = d.case.id.clone();
    act(&c.app, "t", &id, tick(&d, &[])).await.expect("ticked");
    let d = act(&c.app, "a", &id, CaseCommand::Accept)
        .await
        .expect("accepted");
    assert!(d.allowed.contains(&Action::Complete));
    assert!(
        d.allowed.contains(&Action::RequestApproval),
        "an extension of the time limit may be asked for any accepted case"
    );
    assert!(
        !d.allowed.contains(&Action::Approve),
        "nothing to approve while nothing is asked"
    );
    let early = act(
        &c.app,
        "r0",
        &id,
        CaseCommand::IssueResult {
            delivery: ResultDelivery::Counter {
                collected_by: "王小明".into(),
            },
        },
    )
    .await
    .expect_err("not completed yet");
    assert_eq!(early.code, ErrorCode::NotCompleted);
    set_local(&c.clock, "2026-03-05 15:00");
    let d = act(
        &c.app,
        "c",
        &id,
        CaseCommand::Complete {
            decision: Decision::Granted,
        },
    )
    .await
    .expect("completed");
    assert_eq!(d.case.state, CaseState::Completed);
    let notice = d
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::Completion)
        .expect("a completion notice");
    assert!(notice.number.contains("-BJ-2026-"), "{}", notice.number);
    let file = notices::pdf(
        &c.app,
        notices::NoticeRequest {
            number: notice.number.clone(),
        },
    )
    .await
    .expect("pdf");
    let text = pdftotext(Path::new(&file.path));
    assert!(text.contains("办结通知书"), "{text}");
    assert!(text.contains("2026年3月5日办结，决定准予许可"), "{text}");

    let blank = act(
        &c.app,
        "r1",
        &id,
        CaseCommand::IssueResult {
            delivery: ResultDelivery::Counter {
                collected_by: " ".into(),
            },
        },
    )
    .await
    .expect_err("who collected it?");
    assert_eq!(blank.code, ErrorCode::DeliveryIncomplete);
    let d = act(
        &c.app,
        "r2",
        &id,
        CaseCommand::IssueResult {
            delivery: ResultDelivery::Counter {
                collected_by: "王小明（本人）".into(),
            },
        },
    )
    .await
    .expect("issued");
    let issued = d.case.result.as_ref().expect("recorded");
    assert_eq!(issued.by, "李娜");
    assert!(d
        .timeline
        .iter()
        .any(|e| e.note.as_deref() == Some("窗口领取：王小明（本人）")));
    let again = act(
        &c.app,
        "r3",
        &id,
        CaseCommand::IssueResult {
            delivery: ResultDelivery::Post {
                tracking_no: "EMS1234567890".into(),
            },
        },
    )
    .await
    .expect_err("once only");
    assert_eq!(again.code, ErrorCode::ResultAlreadyIssued);
}
