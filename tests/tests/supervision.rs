//! 电子监察 end to end: cards raised by a window's watcher, appealed by the clerk, ruled on by
//! the department's supervisor at the same PC, synced to the county (which replays the same
//! rules and refuses a forged ruling), and the ledger counting only the cards that stand.

mod common;

use common::{County, HubServer, Window, PASSWORD};
use yichuang_app::api::{alerts, dashboard, supervision};
use yichuang_app::ErrorCode;
use yichuang_core::case::{CardLevel, CardStatus, CaseCommand, Role};
use yichuang_sync::{RejectCode, Verdict};

fn appeal(
    key: &str,
    case_id: &str,
    card: CardLevel,
    reason: &str,
) -> supervision::AppealCardRequest {
    supervision::AppealCardRequest {
        action_key: key.into(),
        case_id: case_id.into(),
        card,
        reason: reason.into(),
    }
}

fn ruling(key: &str, case_id: &str, uphold: bool, note: &str) -> supervision::RuleAppealRequest {
    supervision::RuleAppealRequest {
        action_key: key.into(),
        case_id: case_id.into(),
        card: CardLevel::Yellow,
        uphold,
        note: note.into(),
        password: PASSWORD.into(),
    }
}

fn status_of(board: &supervision::SupervisionBoard, case_id: &str) -> CardStatus {
    board
        .cards
        .iter()
        .find(|c| c.case_id == case_id && c.level == CardLevel::Yellow)
        .map(|c| c.status)
        .expect("the case's yellow card is on the board")
}

#[tokio::test]
async fn a_clerk_appeals_two_cards_the_supervisor_upholds_one_and_cancels_the_other_and_the_county_agrees(
) {
    let county = County::start().await;
    yichuang_hub::admin::add_user(
        &county.admin,
        "zhaodu",
        "赵督查",
        Role::Supervisor,
        "SCJG",
        PASSWORD,
    )
    .await
    .expect("supervisor");
    let hub = HubServer::start(&county.hub_pool).await;
    let w = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    // Two cases promised in 3 working days, accepted on Monday the 23rd.
    let kept = w.intake_item("i-1", "000102003000", 1).await.case;
    w.accept("a-1", &kept.id).await.expect("accepted");
    let lifted = w.intake_item("i-2", "000102003000", 2).await.case;
    w.accept("a-2", &lifted.id).await.expect("accepted");
    // Wednesday: one working day left, so the watcher raises a yellow card on each.
    w.clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-11-25T10:00:00+08:00")
            .expect("time")
            .with_timezone(&chrono::Utc),
    );
    assert_eq!(alerts::watch_once(&w.app).await.expect("watch"), 2);

    let board = supervision::board(&w.app, ()).await.expect("board");
    assert!(board.can_appeal && !board.can_rule);
    assert_eq!(board.cards.len(), 2);
    assert_eq!(status_of(&board, &kept.id), CardStatus::Standing);
    assert_eq!(
        (
            board.windows.len(),
            board.windows[0].yellow,
            board.windows[0].red
        ),
        (1, 2, 0)
    );

    // A card the case never earned cannot be appealed, and nothing is written.
    let queued = w.count("SELECT count(*) FROM outbox").await;
    let none = supervision::appeal(&w.app, appeal("p-0", &kept.id, CardLevel::Red, "没有红牌"))
        .await
        .expect_err("no red card");
    assert_eq!(none.code, ErrorCode::CardNotFound);
    assert_eq!(w.count("SELECT count(*) FROM outbox").await, queued);

    for (key, id, reason) in [
        ("p-1", &kept.id, "申请人要求暂缓"),
        ("p-2", &lifted.id, "全楼停电一天，系统无法登录"),
    ] {
        supervision::appeal(&w.app, appeal(key, id, CardLevel::Yellow, reason))
            .await
            .expect("appealed");
    }
    // The clerk cannot rule on their own appeal.
    let own = supervision::rule(&w.app, ruling("r-0", &lifted.id, false, "自行撤销"))
        .await
        .expect_err("a clerk does not rule");
    assert_eq!(own.code, ErrorCode::SupervisorOnly);

    // The supervisor comes to the PC: rules, and does nothing else to a case.
    w.login_as("zhaodu").await;
    let board = supervision::board(&w.app, ()).await.expect("board");
    assert!(board.can_rule && !board.can_appeal);
    assert_eq!(board.windows[0].appealed, 2);
    let refused = w
        .act("x-1", &kept.id, CaseCommand::Resume)
        .await
        .expect_err("a supervisor does not work cases");
    assert_eq!(refused.code, ErrorCode::NotPermitted);
    // Each ruling is confirmed with the supervisor's own password; a wrong one writes nothing.
    let queued = w.count("SELECT count(*) FROM outbox").await;
    let wrong = supervision::rule(
        &w.app,
        supervision::RuleAppealRequest {
            password: "not-the-password".into(),
            ..ruling("r-x", &kept.id, false, "撤销")
        },
    )
    .await
    .expect_err("the password");
    assert_eq!(wrong.code, ErrorCode::LoginFailed);
    assert_eq!(w.count("SELECT count(*) FROM outbox").await, queued);
    supervision::rule(&w.app, ruling("r-1", &kept.id, true, "未办理暂停手续"))
        .await
        .expect("upheld");
    let board = supervision::rule(&w.app, ruling("r-2", &lifted.id, false, "停电属实"))
        .await
        .expect("cancelled");
    assert_eq!(status_of(&board, &kept.id), CardStatus::Upheld);
    assert_eq!(status_of(&board, &lifted.id), CardStatus::Cancelled);
    assert_eq!(
        (board.windows[0].yellow, board.windows[0].appealed),
        (1, 0),
        "a cancelled card no longer counts"
    );
    let cancelled = board
        .cards
        .iter()
        .find(|c| c.case_id == lifted.id)
        .and_then(|c| c.appeal.clone())
        .expect("the appeal");
    let verdict = cancelled.ruling.expect("ruled");
    assert_eq!((verdict.by.as_str(), verdict.upheld), ("赵督查", false));

    // The figures at a glance count the standing card only.
    let figures = dashboard::dashboard(&w.app, dashboard::DashboardRequest { month: None })
        .await
        .expect("dashboard");
    assert_eq!(
        (
            figures.cards.yellow,
            figures.cards.cancelled,
            figures.cards.appealed
        ),
        (1, 1, 0)
    );
    assert_eq!(figures.received, 2);

    let status = w.sync().await.expect("sync");
    assert_eq!((status.pending, status.conflicts), (0, 0));
    // The county holds both appeals with their rulings, by the county's supervisor, and the
    // audit entries that say so.
    assert_eq!(
        county
            .count(
                "SELECT count(*) FROM case_record c, jsonb_array_elements(c.document->'appeals') a \
                 WHERE a->'ruling'->>'by' = '赵督查'"
            )
            .await,
        2
    );
    assert_eq!(
        county
            .count(
                "SELECT count(*) FROM case_record c, jsonb_array_elements(c.document->'appeals') a \
                 WHERE (a->'ruling'->>'upheld')::boolean = false"
            )
            .await,
        1
    );
    assert_eq!(
        county
            .count(
                "SELECT count(*) FROM audit_entry WHERE action IN ('appeal_card', 'rule_appeal')"
            )
            .await,
        4
    );

    // The county's ledger counts the standing card only, as plain SQL over its cards and
    // the rulings on them says.
    let scratch = tempfile::tempdir().expect("tempdir");
    let out = scratch.path().join("county.xlsx");
    yichuang_hub::ledger::export(
        &county.admin,
        yichuang_ledger::Month {
            year: 2026,
            month: 11,
        },
        Some("SCJG"),
        &out,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
            .and_then(|d| d.and_hms_opt(18, 0, 0))
            .expect("time"),
    )
    .await
    .expect("county export");
    let book = common::read_back(&out);
    let standing = county
        .count(
            "SELECT count(*) FROM case_card k JOIN case_record c ON c.id = k.case_id \
             WHERE k.level IN ('yellow', 'follow_up_late') AND NOT EXISTS ( \
               SELECT 1 FROM jsonb_array_elements(c.document->'appeals') a \
               WHERE a->>'card' = k.level AND (a->'ruling'->>'upheld')::boolean = false)",
        )
        .await;
    assert_eq!(standing, 1);
    assert_eq!(common::total(&book, "黄牌"), standing as f64);
    let listed = common::cells(&book, "预警");
    assert_eq!(
        listed.len(),
        3,
        "a header and both cards, the cancelled one listed"
    );
    assert!(
        listed.iter().any(|r| r
            .iter()
            .any(|(_, v)| v.as_str().is_some_and(|t| t.starts_with("已撤销")))),
        "{listed:?}"
    );

    // The center's board at the county: both cards, their rulings, one standing.
    let county_board = yichuang_hub::supervision::board(&county.admin, None)
        .await
        .expect("county board");
    let statuses: Vec<CardStatus> = county_board.iter().map(|l| l.status).collect();
    assert_eq!(statuses.len(), 2);
    assert!(statuses.contains(&CardStatus::Upheld) && statuses.contains(&CardStatus::Cancelled));
    let printed = yichuang_hub::supervision::render(&county_board);
    assert!(
        printed.contains("市场监督管理局\t1号窗口\t1\t0\t0\t0"),
        "{printed}"
    );
    assert!(printed.contains("停电属实（赵督查）"), "{printed}");
    assert!(
        yichuang_hub::supervision::board(&county.admin, Some("GA"))
            .await
            .expect("GA board")
            .is_empty(),
        "another department's board holds none of them"
    );

    // Another PC of the department, enrolled afterwards, has the cards from the county with
    // their rulings (its own watcher, on Monday the 23rd, would raise none).
    let other = Window::enroll(&county, &hub.url(), "SCJG", "W02", "wangfang").await;
    other.sync().await.expect("pull");
    let theirs = supervision::board(&other.app, ()).await.expect("board");
    assert_eq!(status_of(&theirs, &kept.id), CardStatus::Upheld);
    assert_eq!(status_of(&theirs, &lifted.id), CardStatus::Cancelled);

    // A clerk's PC pushing a ruling in a clerk's name is refused by the county.
    w.login().await;
    let (stored, pushed) = w.stored_case(&kept.id).await;
    let forged = common::forged_on(
        &stored,
        "赵督查",
        Role::Supervisor,
        CaseCommand::RuleAppeal {
            card: CardLevel::Red,
            uphold: false,
            note: "伪造".into(),
        },
    );
    match w.push_forged(&hub.url(), pushed + 1, &forged).await {
        Verdict::Rejected { code, reason } => {
            assert_eq!(code, RejectCode::UnknownUser);
            assert!(reason.contains("监督员"), "{reason}");
        }
        Verdict::Accepted => panic!("the county took a ruling pushed in a clerk's name"),
    }
}
