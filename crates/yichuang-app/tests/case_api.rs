//! The counter's case handlers run exactly as the window runs them, against a real SQLite
//! cache in a temp directory, a settable clock, a recording notifier and a headless desktop.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use yichuang_app::api::{alerts, audit, cases, catalog, inquiry, notices, workstation};
use yichuang_app::ports::{FixedClock, HeadlessDesktop, RecordingNotifier};
use yichuang_app::{App, AppConfig, ErrorCode};
use yichuang_core::case::{
    Action, ApplicantInput, Card, CaseCommand, CaseState, LineUpdate, MaterialStatus, StartEvent,
};
use yichuang_core::WorkCalendar;

struct Counter {
    _dir: tempfile::TempDir,
    app: App,
    clock: Arc<FixedClock>,
    notifier: Arc<RecordingNotifier>,
    desktop: Arc<HeadlessDesktop>,
}

async fn counter_at(local: &str) -> Counter {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = Arc::new(FixedClock::at_local(local));
    let notifier = Arc::new(RecordingNotifier::default());
    let desktop = Arc::new(HeadlessDesktop {
        save_dir: Some(dir.path().to_path_buf()),
        ..Default::default()
    });
    let app = App::open(AppConfig {
        data_dir: dir.path().join("data"),
        clock: clock.clone(),
        notifier: notifier.clone(),
        desktop: desktop.clone(),
    })
    .await
    .expect("open");
    catalog::load_demo(&app, ()).await.expect("demo catalog");
    workstation::set(&app, profile())
        .await
        .expect("window set up");
    Counter {
        _dir: dir,
        app,
        clock,
        notifier,
        desktop,
    }
}

fn profile() -> workstation::WorkstationProfile {
    workstation::WorkstationProfile {
        department_code: "SCJG".into(),
        window_code: "W03".into(),
        window_name: "3号窗口".into(),
        clerk_id: "0301".into(),
        clerk_name: "李娜".into(),
        center_name: "江永县政务服务中心".into(),
        case_format: yichuang_core::numbering::DEFAULT_CASE_FORMAT.into(),
        notice_format: yichuang_core::numbering::DEFAULT_NOTICE_FORMAT.into(),
        yellow_within_days: 1,
    }
}

fn set_local(clock: &FixedClock, local: &str) {
    let at = FixedClock::at_local(local);
    use yichuang_app::ports::Clock;
    clock.set(at.now());
}

fn intake_req(key: &str, id_number: &str) -> cases::IntakeRequest {
    cases::IntakeRequest {
        action_key: key.into(),
        item_code: "000102002000".into(),
        applicant: ApplicantInput::Person {
            name: "王小明".into(),
            id_number: id_number.into(),
            phone: "13812345678".into(),
        },
        agent: None,
        situations: vec![],
    }
}

async fn act(
    app: &App,
    key: &str,
    case_id: &str,
    command: CaseCommand,
) -> Result<cases::CaseDetail, yichuang_app::ApiError> {
    cases::act(
        app,
        cases::CaseActionRequest {
            action_key: key.into(),
            case_id: case_id.into(),
            command,
        },
    )
    .await
}

fn tick(detail: &cases::CaseDetail, missing: &[usize]) -> CaseCommand {
    CaseCommand::UpdateChecklist {
        lines: detail
            .case
            .checklist
            .iter()
            .enumerate()
            .map(|(i, l)| LineUpdate {
                code: l.code.clone(),
                status: if missing.contains(&i) {
                    MaterialStatus::Missing
                } else {
                    MaterialStatus::Received
                },
            })
            .collect(),
    }
}

async fn queue(app: &App, search: &str) -> Vec<cases::QueueItem> {
    cases::queue(
        app,
        cases::QueueRequest {
            state: None,
            item_code: None,
            card: None,
            search: search.into(),
            include_closed: false,
        },
    )
    .await
    .expect("queue")
}

fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", path.to_str().expect("path"), "-"])
        .output()
        .expect("pdftotext (poppler-utils) must be installed: make deps");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .split_whitespace()
        .collect()
}

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
    let d = act(
        &c.app,
        "a2",
        &id,
        CaseCommand::IssueCorrectionNotice {
            chief_rep_override: None,
        },
    )
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
async fn a_later_notice_asking_for_more_is_refused_and_nothing_is_numbered() {
    let c = counter_at("2026-03-02 09:00").await;
    let d = cases::intake(&c.app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("intake");
    let id = d.case.id.clone();
    act(&c.app, "a1", &id, tick(&d, &[1]))
        .await
        .expect("ticked");
    act(
        &c.app,
        "a2",
        &id,
        CaseCommand::IssueCorrectionNotice {
            chief_rep_override: None,
        },
    )
    .await
    .expect("first");
    let d = act(&c.app, "a3", &id, CaseCommand::CorrectionReceived)
        .await
        .expect("back");
    let d = act(&c.app, "a4", &id, tick(&d, &[2]))
        .await
        .expect("ticked");
    let before = audit::status(&c.app, ()).await.expect("audit").entries;
    let err = act(
        &c.app,
        "a5",
        &id,
        CaseCommand::IssueCorrectionNotice {
            chief_rep_override: None,
        },
    )
    .await
    .expect_err("refused");
    assert_eq!(err.code, ErrorCode::OneTimeRule);
    assert!(err.message.contains(&d.case.checklist[2].name));
    assert_eq!(
        audit::status(&c.app, ()).await.expect("audit").entries,
        before
    );
    let ok = act(
        &c.app,
        "a6",
        &id,
        CaseCommand::IssueCorrectionNotice {
            chief_rep_override: Some(yichuang_core::case::ChiefRepOverride {
                chief_rep: "赵建国".into(),
                reason: "经营场所变更，需补充新场所证明".into(),
            }),
        },
    )
    .await
    .expect("with override");
    // The refused attempt left no gap: the second notice is number 2.
    assert!(
        ok.notices[1].number.ends_with("BZ-2026-000002"),
        "{}",
        ok.notices[1].number
    );
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
    let db = c._dir.path().join("data").join("cache.db");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display()))
        .await
        .expect("raw");
    sqlx::query("UPDATE audit_log SET actor = '张三' WHERE seq = 1")
        .execute(&pool)
        .await
        .expect("tamper");
    pool.close().await;
    let app = App::open(AppConfig::headless(
        c._dir.path().join("data"),
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
