//! The rest of the window's day with the county: fees with fiscal receipts and the daily
//! cash report that balances, and the applicant's rating from the applicant-facing screen
//! with the rectification a bad one opens — which the county accepts only as the applicant's.

mod common;

use common::{County, HubServer, Window};
use yichuang_app::api::{cases, cash, rating};
use yichuang_app::ports::Clock as _;
use yichuang_app::ErrorCode;
use yichuang_core::case::{
    ApprovalSubject, CaseCommand, CaseState, Decision, FeeAdjustment, FeeInput, PaymentMethod,
    Rating, Role,
};
use yichuang_sync::{RejectCode, Verdict};

fn fee(method: PaymentMethod, receipt: &str) -> CaseCommand {
    CaseCommand::ChargeFee {
        fee: FeeInput {
            adjustment: FeeAdjustment::Standard,
            method,
            payment_code: "43112526112300000001".into(),
            receipt_no: receipt.into(),
        },
    }
}

#[tokio::test]
async fn fees_with_fiscal_receipts_balance_in_the_days_cash_report_and_its_pdf() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    // 居民身份证换领 at the police window: 20.00 yuan by the catalog's standard.
    let w = Window::enroll(&county, &hub.url(), "GA", "W11", "chenjing").await;
    let mut ids = Vec::new();
    for n in 1..=3 {
        let c = w.intake_item(&format!("i-{n}"), "000107001000", n).await;
        w.accept(&format!("a-{n}"), &c.case.id)
            .await
            .expect("accepted");
        ids.push(c.case.id);
    }
    let bad = w
        .act("f-bad", &ids[0], fee(PaymentMethod::Scan, "12-34"))
        .await
        .expect_err("receipt format");
    assert_eq!(bad.code, ErrorCode::FeeBadReceiptNo);
    w.act("f-1", &ids[0], fee(PaymentMethod::Scan, "00012345"))
        .await
        .expect("charged");
    w.act("f-2", &ids[1], fee(PaymentMethod::Cash, "00012346"))
        .await
        .expect("charged");
    let exempt = CaseCommand::ChargeFee {
        fee: FeeInput {
            adjustment: FeeAdjustment::Exempt {
                reason: "低保户免收".into(),
            },
            method: PaymentMethod::Cash,
            payment_code: String::new(),
            receipt_no: String::new(),
        },
    };
    w.act("f-3", &ids[2], exempt).await.expect("exempted");
    w.act(
        "v-2",
        &ids[1],
        CaseCommand::VoidFee {
            seq: 1,
            reason: "重复收费，原路退回".into(),
        },
    )
    .await
    .expect("voided");

    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("day");
    let report = cash::report(&w.app, cash::CashReportRequest { day, print: true })
        .await
        .expect("report");
    assert_eq!(report.total.charged_cents, 4000);
    assert_eq!(report.total.voided_cents, 2000);
    assert_eq!(report.total.collected_cents, 2000);
    assert_eq!(
        report.total.charged_cents - report.total.voided_cents,
        report.total.collected_cents
    );
    let per_clerk: i64 = report.rows.iter().map(|r| r.line.collected_cents).sum();
    assert_eq!(
        per_clerk, report.total.collected_cents,
        "clerks add up to the window"
    );
    assert_eq!(report.entries.len(), 3, "the exemption is listed too");
    let path = report.file.expect("the PDF").path;
    let out = std::process::Command::new("pdftotext")
        .args([&path, "-"])
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&out.stdout);
    for expected in ["收费日报", "陈静", "20.00", "合计"] {
        assert!(
            text.contains(expected),
            "the report lacks {expected}: {text}"
        );
    }
    let status = w.sync().await.expect("sync");
    assert_eq!((status.pending, status.conflicts), (0, 0));
    assert_eq!(
        county
            .count(
                "SELECT count(*) FROM case_record WHERE jsonb_array_length(document->'fees') = 1"
            )
            .await,
        3
    );
}

#[tokio::test]
async fn the_applicant_rates_on_the_screen_a_bad_rating_opens_a_rectification_and_a_clerk_cannot_rate(
) {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let w = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let c = w.intake("i-1", 1).await.case;
    w.accept("a-1", &c.id).await.expect("accepted");
    let granted = ApprovalSubject::Decision {
        decision: Decision::Granted,
    };
    w.act(
        "ask",
        &c.id,
        CaseCommand::RequestApproval {
            subject: granted,
            note: String::new(),
        },
    )
    .await
    .expect("asked");
    w.login_as("zhoumin").await;
    w.act(
        "ok",
        &c.id,
        CaseCommand::Approve {
            seal: "审批专用章（一）".into(),
            opinion: None,
        },
    )
    .await
    .expect("approved");
    w.login_as("lina").await;
    let req = |id: &str| cases::CaseRequest { case_id: id.into() };
    let early = rating::invite(&w.app, req(&c.id)).await;
    assert!(early.is_err(), "only a completed case is rated");
    w.act(
        "done",
        &c.id,
        CaseCommand::Complete {
            decision: Decision::Granted,
        },
    )
    .await
    .expect("completed");

    // The clerk can never rate, not even through the case command.
    let by_clerk = w
        .act(
            "clerk-rates",
            &c.id,
            CaseCommand::Evaluate {
                rating: Rating::VerySatisfied,
                reasons: vec![],
                comment: None,
            },
        )
        .await
        .expect_err("a clerk cannot rate");
    // Refused before the rule runs; the rule (and the county) would refuse it as well.
    assert_eq!(by_clerk.code, ErrorCode::NotPermitted);
    let submit = |r: Rating| rating::RatingSubmitRequest {
        action_key: format!("rate-{r:?}"),
        case_id: c.id.clone(),
        rating: r,
        reasons: vec!["slow".into()],
        comment: Some("排队太久".into()),
    };
    let uninvited = rating::submit(&w.app, submit(Rating::Satisfied))
        .await
        .expect_err("no invitation");
    assert_eq!(uninvited.code, ErrorCode::NoRatingInvitation);

    // An invitation goes with the clerk who made it, and expires unanswered.
    rating::invite(&w.app, req(&c.id)).await.expect("invited");
    w.login_as("lina").await;
    assert!(rating::prompt(&w.app, ()).await.expect("prompt").is_none());
    rating::invite(&w.app, req(&c.id)).await.expect("invited");
    let now = w.clock.now();
    w.clock
        .set(now + chrono::Duration::minutes(rating::INVITATION_MINUTES));
    assert!(rating::prompt(&w.app, ()).await.expect("prompt").is_none());
    w.clock.set(now);
    let prompt = rating::invite(&w.app, req(&c.id)).await.expect("invited");
    assert!(
        !prompt.applicant.contains("申请人1"),
        "the name is masked on the screen"
    );
    assert_eq!(
        rating::prompt(&w.app, ())
            .await
            .expect("prompt")
            .map(|p| p.case_id),
        Some(c.id.clone())
    );
    rating::submit(&w.app, submit(Rating::VeryDissatisfied))
        .await
        .expect("rated");
    assert!(rating::prompt(&w.app, ()).await.expect("prompt").is_none());
    let d = cases::get(&w.app, req(&c.id)).await.expect("case");
    assert_eq!(d.case.state, CaseState::Evaluated);
    let task = d.case.rectification.clone().expect("a rectification task");
    assert!(task.follow_up_due > chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    let line = d.timeline.last().expect("timeline");
    assert_eq!(
        (line.actor.as_str(), line.note.as_deref()),
        ("申请人", Some("非常不满意"))
    );
    w.act(
        "call",
        &c.id,
        CaseCommand::FollowUp {
            note: "已电话回访".into(),
        },
    )
    .await
    .expect("followed up");

    let status = w.sync().await.expect("sync");
    assert_eq!((status.pending, status.conflicts), (0, 0));
    assert_eq!(
        county
            .count("SELECT count(*) FROM case_record WHERE document->'evaluations'->0->>'rating' = 'very_dissatisfied'")
            .await,
        1
    );

    // A clerk's PC pushing a rating in its own name is refused by the county. The case is
    // read raw from the cache (the API masks the applicant, which would change its hash).
    let (stored, pushed) = w.stored_case(&c.id).await;
    let forged = common::forged_on(
        &stored,
        "申请人",
        Role::Applicant,
        CaseCommand::Evaluate {
            rating: Rating::VerySatisfied,
            reasons: vec![],
            comment: None,
        },
    );
    match w.push_forged(&hub.url(), pushed + 1, &forged).await {
        Verdict::Rejected { code, reason } => {
            assert_eq!(code, RejectCode::RuleRefused);
            assert!(reason.contains("申请人"), "{reason}");
        }
        Verdict::Accepted => panic!("the county took a rating pushed in a clerk's name"),
    }
}
