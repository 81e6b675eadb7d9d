//! Deadlines and cards as the window sees them: the watcher, deemed acceptance, 即办件 due
//! dates and a calendar year arriving.

mod common;

use common::*;
use std::sync::atomic::Ordering;
use yichuang_app::api::{alerts, audit, cases, workstation};
use yichuang_core::case::{Card, CaseCommand, StartEvent};

#[tokio::test]
async fn the_watcher_raises_cards_once_and_falls_back_to_an_in_window_alert() {
    let c = counter_at("2026-03-02 09:00").await;
    let d = cases::intake(&c.app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("intake");
    let id = d.case.id.clone();
    let d = act(&c.app, "a1", &id, tick(&d, &[])).await.expect("ticked");
    act(&c.app, "a2", &id, CaseCommand::Accept)
        .await
        .expect("accepted");
    // Promised due 16 March; nothing yet on 12 March.
    set_local(&c.clock, "2026-03-12 09:00");
    assert_eq!(alerts::watch_once(&c.app).await.expect("pass"), 0);
    set_local(&c.clock, "2026-03-13 09:00");
    assert_eq!(alerts::watch_once(&c.app).await.expect("pass"), 1);
    assert_eq!(
        alerts::watch_once(&c.app).await.expect("pass"),
        0,
        "told once"
    );
    let sent = c.notifier.sent.lock().expect("lock").clone();
    assert_eq!(sent.len(), 1);
    assert!(sent[0].1.contains(&d.case.case_no));
    let yellow = cases::queue(
        &c.app,
        cases::QueueRequest {
            state: None,
            item_code: None,
            card: Some(Card::Yellow),
            search: String::new(),
            include_closed: false,
        },
    )
    .await
    .expect("queue");
    assert_eq!(yellow.len(), 1);

    // No notification service: the red card waits in the window instead.
    c.notifier.fail.store(true, Ordering::SeqCst);
    set_local(&c.clock, "2026-04-01 09:00");
    assert_eq!(alerts::watch_once(&c.app).await.expect("pass"), 1);
    let list = alerts::list(&c.app, ()).await.expect("alerts");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].card, Card::Red);
    let list = alerts::dismiss(&c.app, alerts::DismissAlertRequest { id: list[0].id })
        .await
        .expect("dismiss");
    assert!(list.is_empty());
}

#[tokio::test]
async fn a_deadline_reaching_an_unpublished_year_is_provisional_until_the_calendar_arrives() {
    let c = counter_at("2026-12-10 09:00").await;
    let mut req = intake_req("i1", "11010519491231002X");
    req.item_code = "000107001000".into(); // 居民身份证换领: promised 30 working days
    let d = cases::intake(&c.app, req).await.expect("intake");
    let id = d.case.id.clone();
    act(&c.app, "a1", &id, tick(&d, &[])).await.expect("ticked");
    let d = act(&c.app, "a2", &id, CaseCommand::Accept)
        .await
        .expect("accepted");
    let before = d.deadline.expect("deadline").deadlines;
    assert!(before.provisional, "30 working days from 10 Dec reach 2027");
    let audit_before = audit::status(&c.app, ()).await.expect("audit").entries;

    // The State Council's notice for 2027 arrives (test data: New Year and two more days off).
    let notice = r#"{"year": 2027, "days": [
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
        {"name": "元旦", "date": "2027-01-04", "isOffDay": true},
        {"name": "元旦", "date": "2027-01-05", "isOffDay": true}]}"#;
    yichuang_app::api::calendar::import_year(
        &c.app,
        yichuang_app::api::calendar::ImportCalendarRequest {
            text: notice.into(),
        },
    )
    .await
    .expect("calendar imported");
    let after = cases::get(
        &c.app,
        cases::CaseRequest {
            case_id: id.clone(),
        },
    )
    .await
    .expect("get")
    .deadline
    .expect("deadline")
    .deadlines;
    assert!(!after.provisional);
    assert_ne!(after.calendar_version, before.calendar_version);
    assert!(
        after.promised > before.promised,
        "two more days off push the date"
    );
    assert_eq!(queue(&c.app, "").await[0].due_date, Some(after.promised));
    let audit_after = audit::status(&c.app, ()).await.expect("audit");
    assert_eq!(
        audit_after.entries,
        audit_before + 1,
        "the recomputation is audited"
    );
    assert!(audit_after.intact);
}

#[tokio::test]
async fn a_case_forgotten_under_review_counts_from_receipt_and_earns_its_cards() {
    let c = counter_at("2026-03-02 09:00").await;
    let d = cases::intake(&c.app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("intake");
    // Never ticked, never accepted. Promised 10 working days from receipt: 16 March.
    set_local(&c.clock, "2026-03-13 09:00");
    assert_eq!(alerts::watch_once(&c.app).await.expect("pass"), 1);
    let q = queue(&c.app, "").await;
    assert_eq!(
        q[0].due_date.map(|d| d.to_string()).as_deref(),
        Some("2026-03-16")
    );
    assert!(q[0].due_is_promised);
    assert_eq!(q[0].card, Some(Card::Yellow));
    let detail = cases::get(
        &c.app,
        cases::CaseRequest {
            case_id: d.case.id.clone(),
        },
    )
    .await
    .expect("get");
    let clock = detail.deadline.expect("deemed clock").clock;
    assert_eq!(clock.start_event, StartEvent::DeemedAcceptedOnReceipt);
    let audit = audit::status(&c.app, ()).await.expect("audit");
    assert!(audit.intact);
    assert_eq!(
        audit.pending_mutations, 2,
        "intake and the card go to the county"
    );
}

#[tokio::test]
async fn only_the_cases_own_window_is_told_about_its_card() {
    let c = counter_at("2026-03-02 09:00").await;
    let d = cases::intake(&c.app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("intake");
    let d = act(&c.app, "a1", &d.case.id, tick(&d, &[]))
        .await
        .expect("ticked");
    act(&c.app, "a2", &d.case.id, CaseCommand::Accept)
        .await
        .expect("accepted");
    let mut other_window = profile();
    other_window.window_code = "W04".into();
    workstation::set(&c.app, other_window)
        .await
        .expect("same department, next window");
    set_local(&c.clock, "2026-03-13 09:00");
    assert_eq!(alerts::watch_once(&c.app).await.expect("pass"), 0);
    assert!(c.notifier.sent.lock().expect("lock").is_empty());
    // The card is raised all the same (the supervisor's ledger needs it).
    let yellow = cases::queue(
        &c.app,
        cases::QueueRequest {
            state: None,
            item_code: None,
            card: Some(Card::Yellow),
            search: String::new(),
            include_closed: false,
        },
    )
    .await
    .expect("queue");
    assert_eq!(yellow.len(), 1);
}

#[tokio::test]
async fn an_immediate_item_under_review_is_due_at_the_counter_not_at_the_notice_deadline() {
    let c = counter_at("2026-03-03 18:00").await;
    let mut req = intake_req("i1", "11010519491231002X");
    req.item_code = "000102001000".into(); // 个体工商户设立登记, a 即办件 of this department
    cases::intake(&c.app, req).await.expect("intake");
    let q = queue(&c.app, "").await;
    assert_eq!(
        q[0].due_date.map(|d| d.to_string()).as_deref(),
        Some("2026-03-04"),
        "received after closing: due the next working day"
    );
    assert!(q[0].due_is_promised);
}
