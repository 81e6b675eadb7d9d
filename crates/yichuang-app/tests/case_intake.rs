//! Intake and the queue, run exactly as the window runs them against a real SQLite cache:
//! applicant checks, idempotent actions, search, department isolation, the window profile and
//! the first-inquiry register.

mod common;

use common::*;
use std::sync::Arc;
use yichuang_app::api::{audit, cases, catalog, inquiry, workstation};
use yichuang_app::ports::FixedClock;
use yichuang_app::{App, AppConfig, ErrorCode};
use yichuang_core::case::CaseCommand;

#[tokio::test]
async fn an_invalid_id_number_is_refused_on_its_field_and_saves_nothing() {
    let c = counter_at("2026-02-10 09:00").await;
    let err = cases::intake(&c.app, intake_req("k1", "110105194912310021"))
        .await
        .expect_err("refused");
    assert_eq!(err.code, ErrorCode::InvalidApplicant);
    assert_eq!(err.fields.len(), 1);
    assert_eq!(err.fields[0].field, "applicant.id_number");
    assert!(
        err.fields[0].message.contains("校验位"),
        "{}",
        err.fields[0].message
    );
    assert!(queue(&c.app, "").await.is_empty());
    let audit = audit::status(&c.app, ()).await.expect("audit");
    assert_eq!((audit.entries, audit.pending_mutations), (0, 0));
    // The refused intake did not use up a case number.
    let ok = cases::intake(&c.app, intake_req("k2", "11010519491231002X"))
        .await
        .expect("ok");
    assert_eq!(ok.case.case_no, "431125-SCJG-W03-2026-000001");
}

#[tokio::test]
async fn a_double_clicked_intake_makes_one_case() {
    let c = counter_at("2026-02-10 09:00").await;
    let first = cases::intake(&c.app, intake_req("same-key", "11010519491231002X"))
        .await
        .expect("first");
    let again = cases::intake(&c.app, intake_req("same-key", "11010519491231002X"))
        .await
        .expect("again");
    assert_eq!(first.case.id, again.case.id);
    assert_eq!(queue(&c.app, "").await.len(), 1);
    let audit = audit::status(&c.app, ()).await.expect("audit");
    assert_eq!((audit.entries, audit.pending_mutations), (1, 1));
}

#[tokio::test]
async fn the_queue_finds_a_case_by_number_name_or_whole_id_number_only() {
    let c = counter_at("2026-03-02 09:00").await;
    let d = cases::intake(&c.app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("intake");
    assert_eq!(queue(&c.app, &d.case.case_no).await.len(), 1);
    assert_eq!(queue(&c.app, "王小").await.len(), 1);
    assert_eq!(
        queue(&c.app, "000001").await.len(),
        1,
        "the serial as clerks quote it"
    );
    assert_eq!(queue(&c.app, "000002").await.len(), 0);
    assert_eq!(queue(&c.app, "11010519491231002x").await.len(), 1);
    assert_eq!(
        queue(&c.app, "1101").await.len(),
        0,
        "no fishing by partial ID number"
    );
    assert_eq!(queue(&c.app, "张").await.len(), 0);
}

#[tokio::test]
async fn an_illegal_step_is_refused_with_a_typed_error_and_writes_nothing() {
    let c = counter_at("2026-03-02 09:00").await;
    let d = cases::intake(&c.app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("intake");
    let err = act(&c.app, "a1", &d.case.id, CaseCommand::Resume)
        .await
        .expect_err("refused");
    assert_eq!(err.code, ErrorCode::IllegalTransition);
    assert!(err.message.contains("审查中"), "{}", err.message);
    let after = cases::get(
        &c.app,
        cases::CaseRequest {
            case_id: d.case.id.clone(),
        },
    )
    .await
    .expect("get");
    assert_eq!(after.case.version, d.case.version);
    assert_eq!(audit::status(&c.app, ()).await.expect("audit").entries, 1);
}

#[tokio::test]
async fn without_a_window_profile_the_counter_says_what_to_set_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(AppConfig::headless(
        dir.path().to_path_buf(),
        Arc::new(FixedClock::at_local("2026-03-02 09:00")),
    ))
    .await
    .expect("open");
    catalog::load_demo(&app, ()).await.expect("demo");
    let err = cases::intake(&app, intake_req("k", "11010519491231002X"))
        .await
        .expect_err("not set up");
    assert_eq!(err.code, ErrorCode::WorkstationNotConfigured);
    let mut bad = profile();
    bad.case_format = "{region}-{seq}".into();
    let err = workstation::set(&app, bad).await.expect_err("bad format");
    assert_eq!(err.code, ErrorCode::NumberFormatInvalid);
    assert_eq!(err.fields[0].field, "case_format");
}

#[tokio::test]
async fn another_departments_window_cannot_see_or_touch_the_case() {
    let c = counter_at("2026-03-02 09:00").await;
    let d = cases::intake(&c.app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("intake");
    let mut other = profile();
    other.department_code = "ZRZY".into();
    let err = workstation::set(&c.app, other)
        .await
        .expect_err("an open case keeps the window in its department");
    assert_eq!(err.fields[0].field, "department_code");
    assert!(err.message.contains("1 件未办结"), "{}", err.message);
    act(
        &c.app,
        "w",
        &d.case.id,
        CaseCommand::Withdraw {
            reason: "申请人撤回".into(),
        },
    )
    .await
    .expect("withdrawn");
    let mut other = profile();
    other.department_code = "ZRZY".into();
    other.window_code = "W05".into();
    workstation::set(&c.app, other)
        .await
        .expect("now a land-registry window");
    assert!(cases::queue(
        &c.app,
        cases::QueueRequest {
            state: None,
            item_code: None,
            card: None,
            search: String::new(),
            include_closed: true,
        },
    )
    .await
    .expect("queue")
    .is_empty());
    let err = cases::get(
        &c.app,
        cases::CaseRequest {
            case_id: d.case.id.clone(),
        },
    )
    .await
    .expect_err("hidden");
    assert_eq!(err.code, ErrorCode::CaseNotFound);
    let err = act(
        &c.app,
        "a1",
        &d.case.id,
        CaseCommand::Withdraw { reason: "x".into() },
    )
    .await
    .expect_err("hidden");
    assert_eq!(err.code, ErrorCode::CaseNotFound);
}

#[tokio::test]
async fn an_action_key_used_for_another_request_is_refused_not_taken_for_the_first() {
    let c = counter_at("2026-03-02 09:00").await;
    let a = cases::intake(&c.app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("a");
    let b = cases::intake(&c.app, intake_req("i2", "11010519491231002X"))
        .await
        .expect("b");
    act(&c.app, "k", &a.case.id, tick(&a, &[]))
        .await
        .expect("ticked a");
    let err = act(&c.app, "k", &b.case.id, tick(&b, &[]))
        .await
        .expect_err("same key, other case");
    assert_eq!(err.code, ErrorCode::ActionKeyReused);
}

#[tokio::test]
async fn saving_the_checklist_unchanged_writes_nothing() {
    let c = counter_at("2026-03-02 09:00").await;
    let d = cases::intake(&c.app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("intake");
    let d = act(&c.app, "a1", &d.case.id, tick(&d, &[]))
        .await
        .expect("ticked");
    let before = audit::status(&c.app, ()).await.expect("audit");
    let same = act(&c.app, "a2", &d.case.id, tick(&d, &[]))
        .await
        .expect("saved again");
    assert_eq!(same.case.version, d.case.version);
    assert_eq!(audit::status(&c.app, ()).await.expect("audit"), before);
}

#[tokio::test]
async fn a_first_inquiry_is_logged_with_where_the_person_was_sent() {
    let c = counter_at("2026-03-02 09:00").await;
    let err = inquiry::log(
        &c.app,
        inquiry::InquiryRequest {
            action_key: "q1".into(),
            person: "王女士".into(),
            question: "二手房过户要带什么".into(),
            item_code: Some("000118002000".into()),
            outcome: inquiry::InquiryOutcome::Referred,
            referred_to: None,
            case_id: None,
        },
    )
    .await
    .expect_err("where to?");
    assert_eq!(err.fields[0].field, "referred_to");
    let req = inquiry::InquiryRequest {
        action_key: "q2".into(),
        person: "王女士".into(),
        question: "二手房过户要带什么".into(),
        item_code: Some("000118002000".into()),
        outcome: inquiry::InquiryOutcome::Referred,
        referred_to: Some("5号窗口 不动产登记".into()),
        case_id: None,
    };
    let first = inquiry::log(&c.app, req.clone()).await.expect("logged");
    let again = inquiry::log(&c.app, req).await.expect("double-click");
    assert_eq!(first.id, again.id, "a double-click logs once");
    let today = inquiry::today(&c.app, ()).await.expect("today");
    assert_eq!(today.len(), 1);
    assert_eq!(today[0].referred_to.as_deref(), Some("5号窗口 不动产登记"));
    assert!(today[0]
        .item_name
        .as_deref()
        .is_some_and(|n| n.contains("转移登记")));
}

#[tokio::test]
async fn the_first_inquiry_register_is_read_by_day_and_by_clerk() {
    let c = counter_at("2026-03-02 09:00").await;
    let ask = |key: &str, person: &str| inquiry::InquiryRequest {
        action_key: key.into(),
        person: person.into(),
        question: "营业执照怎么办".into(),
        item_code: None,
        outcome: inquiry::InquiryOutcome::Answered,
        referred_to: None,
        case_id: None,
    };
    inquiry::log(&c.app, ask("q1", "王女士"))
        .await
        .expect("logged");
    inquiry::log(&c.app, ask("q2", "张先生"))
        .await
        .expect("logged");
    set_local(&c.clock, "2026-03-03 10:00");
    inquiry::log(&c.app, ask("q3", "赵女士"))
        .await
        .expect("logged");

    let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("day");
    let monday = inquiry::register(
        &c.app,
        inquiry::RegisterRequest {
            day: day("2026-03-02"),
            clerk_id: None,
        },
    )
    .await
    .expect("register");
    let people: Vec<_> = monday.entries.iter().map(|e| e.person.as_str()).collect();
    assert_eq!(people, ["张先生", "王女士"], "that day only, newest first");
    assert_eq!(monday.clerks.len(), 1);
    assert_eq!(monday.clerks[0].clerk_name, "李娜");
    assert_eq!(monday.clerks[0].count, 2);
    let someone_else = inquiry::register(
        &c.app,
        inquiry::RegisterRequest {
            day: day("2026-03-02"),
            clerk_id: Some("another-clerk".into()),
        },
    )
    .await
    .expect("register");
    assert!(someone_else.entries.is_empty());
}
