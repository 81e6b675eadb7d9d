//! The month's figures from cases run through the real case rules: a month with a handover,
//! a correction, a special procedure, a refusal, fees and a void, an on-the-spot 即办件, a
//! case carried over from the month before, ratings (one bad, rectified) and cards, one
//! upheld and one cancelled on appeal.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use yichuang_core::case::{
    apply, Actor, ApplicantInput, CardLevel, Case, CaseCommand, CaseEvent, Ctx, Decision,
    FeeAdjustment, FeeInput, Intake, LineUpdate, MaterialStatus, Office, PaymentMethod, Rating,
    ResultDelivery, Role,
};
use yichuang_core::catalog::Catalog;
use yichuang_core::{Lang, WorkCalendar};
use yichuang_ledger::{compute, CardRecord, Ledger, Month, Period, SummaryLevel, SummaryRow};

const DEMO: &str = include_str!("../../yichuang-app/data/demo-catalog.json");

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time")
}

fn actor(id: &str, name: &str, role: Role) -> Actor {
    Actor {
        user_id: id.into(),
        name: name.into(),
        role,
    }
}

struct Desk {
    catalog: Catalog,
    calendar: WorkCalendar,
    cases: Vec<(Case, Vec<CaseEvent>)>,
    numbers: u32,
}

impl Desk {
    fn ctx<'a>(&'a self, who: &'a Actor, now: &str) -> Ctx<'a> {
        Ctx {
            actor: who,
            workstation: "ws-1",
            now: at(now),
            calendar: &self.calendar,
            lang: Lang::ZhCn,
            closing: NaiveTime::from_hms_opt(17, 30, 0).expect("time"),
        }
    }

    fn open(&mut self, item: &str, dept: (&str, &str), who: &Actor, now: &str) -> usize {
        self.numbers += 1;
        let applicant = ApplicantInput::Person {
            name: format!("申请人{}", self.numbers),
            id_number: "11010519491231002X".into(),
            phone: "13800000000".into(),
        };
        let item = self.catalog.item(item).expect("item").clone();
        let e = Case::intake(
            Intake {
                id: format!("c{}", self.numbers),
                case_no: format!("431125-{}-W01-2026-{:06}", dept.0, self.numbers),
                item: &item,
                catalog_version: "2026.11",
                applicant: &applicant,
                agent: None,
                situations: &[],
                office: Office {
                    region_code: "431125".into(),
                    department_code: dept.0.into(),
                    window_code: "W01".into(),
                    center_name: "江永县政务服务中心".into(),
                    department_name: dept.1.into(),
                    window_name: "1号窗口".into(),
                },
            },
            &self.ctx(who, now),
        )
        .expect("intake");
        self.cases.push((e.case, e.events));
        self.cases.len() - 1
    }

    fn run(&mut self, i: usize, who: &Actor, now: &str, command: CaseCommand) {
        self.numbers += 1;
        let number = format!("N{}", self.numbers);
        let (case, _) = &self.cases[i];
        let e = apply(case, &command, Some(&number), &self.ctx(who, now))
            .unwrap_or_else(|err| panic!("{command:?} at {now}: {err}"));
        self.cases[i].0 = e.case;
        self.cases[i].1.extend(e.events);
    }

    fn tick(&mut self, i: usize, who: &Actor, now: &str, missing: &[usize]) {
        let lines = self.cases[i]
            .0
            .checklist
            .iter()
            .enumerate()
            .map(|(n, l)| LineUpdate {
                code: l.code.clone(),
                status: if missing.contains(&n) {
                    MaterialStatus::Missing
                } else {
                    MaterialStatus::Received
                },
            })
            .collect();
        self.run(i, who, now, CaseCommand::UpdateChecklist { lines });
    }

    fn accept(&mut self, i: usize, who: &Actor, now: &str) {
        self.tick(i, who, now, &[]);
        self.run(i, who, now, CaseCommand::Accept);
    }
}

fn fee(receipt: &str) -> CaseCommand {
    CaseCommand::ChargeFee {
        fee: FeeInput {
            adjustment: FeeAdjustment::Standard,
            method: PaymentMethod::Cash,
            payment_code: "43112526110500000001".into(),
            receipt_no: receipt.into(),
        },
    }
}

fn rate(r: Rating) -> CaseCommand {
    CaseCommand::Evaluate {
        rating: r,
        reasons: vec!["slow".into()],
        comment: None,
    }
}

const SCJG: (&str, &str) = ("SCJG", "县市场监督管理局");
const GA: (&str, &str) = ("GA", "县公安局");
const COMPANY: &str = "000102003000";
const SOLE_TRADER: &str = "000102001000";
const ID_CARD: &str = "000107001000";

/// November 2026 at two departments.
fn november() -> (Ledger, Vec<(Case, Vec<CaseEvent>)>) {
    let li = actor("u-li", "李娜", Role::Clerk);
    let wang = actor("u-wang", "王芳", Role::Clerk);
    let chen = actor("u-chen", "陈静", Role::Clerk);
    let applicant = actor("applicant", "申请人", Role::Applicant);
    let mut d = Desk {
        catalog: Catalog::parse(DEMO).expect("demo catalog"),
        calendar: WorkCalendar::embedded(),
        cases: Vec::new(),
        numbers: 0,
    };
    // Carried over: received in October, completed in November.
    let carried = d.open(COMPANY, SCJG, &li, "2026-10-29 09:00");
    d.accept(carried, &li, "2026-10-29 09:10");
    d.run(carried, &li, "2026-11-02 10:00", complete());
    // On time, and rated well.
    let quick = d.open(COMPANY, SCJG, &li, "2026-11-02 09:00");
    d.accept(quick, &li, "2026-11-02 09:10");
    d.run(quick, &li, "2026-11-03 15:00", complete());
    d.run(
        quick,
        &applicant,
        "2026-11-03 15:05",
        rate(Rating::VerySatisfied),
    );
    // A correction, a special procedure, late; a bad rating, rectified on time.
    let slow = d.open(COMPANY, SCJG, &li, "2026-11-02 10:00");
    d.tick(slow, &li, "2026-11-02 10:05", &[1]);
    d.run(
        slow,
        &li,
        "2026-11-02 10:06",
        CaseCommand::IssueCorrectionNotice,
    );
    d.run(
        slow,
        &li,
        "2026-11-04 09:00",
        CaseCommand::CorrectionReceived,
    );
    d.accept(slow, &li, "2026-11-04 09:05");
    d.run(
        slow,
        &li,
        "2026-11-05 09:00",
        CaseCommand::Suspend {
            procedure: "现场核查".into(),
            reason: "核查经营场所".into(),
            legal_basis: "《行政许可法》第四十五条".into(),
        },
    );
    d.run(slow, &li, "2026-11-10 09:00", CaseCommand::Resume);
    d.run(slow, &li, "2026-11-20 09:00", complete());
    d.run(
        slow,
        &applicant,
        "2026-11-20 09:10",
        rate(Rating::VeryDissatisfied),
    );
    d.run(
        slow,
        &li,
        "2026-11-23 09:00",
        CaseCommand::FollowUp {
            note: "已回访".into(),
        },
    );
    d.run(
        slow,
        &li,
        "2026-11-25 09:00",
        CaseCommand::Rectify {
            note: "已整改".into(),
        },
    );
    // Refused.
    let refused = d.open(COMPANY, SCJG, &li, "2026-11-03 09:00");
    d.tick(refused, &li, "2026-11-03 09:05", &[]);
    d.run(
        refused,
        &li,
        "2026-11-03 09:10",
        CaseCommand::Reject {
            reason: "不属于本机关职权范围".into(),
            legal_basis: "《行政许可法》第三十二条".into(),
        },
    );
    // Handed over: accepted by the backup for the owner.
    let held = d.open(COMPANY, SCJG, &li, "2026-11-04 14:00");
    d.run(
        held,
        &li,
        "2026-11-04 17:00",
        CaseCommand::HandOver {
            handover_id: "h1".into(),
            to_id: "u-wang".into(),
            to_name: "王芳".into(),
            reason: "请假".into(),
        },
    );
    d.accept(held, &wang, "2026-11-05 09:00");
    // 即办件 on the spot.
    let spot = d.open(SOLE_TRADER, SCJG, &li, "2026-11-06 10:00");
    d.tick(spot, &li, "2026-11-06 10:05", &[]);
    d.run(
        spot,
        &li,
        "2026-11-06 10:10",
        CaseCommand::CompleteOnTheSpot,
    );
    // Fees at the police window: charged, voided, charged again.
    let card = d.open(ID_CARD, GA, &chen, "2026-11-05 09:00");
    d.accept(card, &chen, "2026-11-05 09:05");
    d.run(card, &chen, "2026-11-05 09:10", fee("00010001"));
    d.run(
        card,
        &chen,
        "2026-11-05 09:20",
        CaseCommand::VoidFee {
            seq: 1,
            reason: "票据错误".into(),
        },
    );
    d.run(card, &chen, "2026-11-05 09:30", fee("00010002"));
    d.run(card, &chen, "2026-11-05 09:35", complete());
    d.run(
        card,
        &chen,
        "2026-11-05 09:40",
        CaseCommand::IssueResult {
            delivery: ResultDelivery::Counter {
                collected_by: "本人".into(),
            },
        },
    );
    // 电子监察: the slow case's yellow card is appealed and upheld; the quick case's is
    // cancelled on appeal (listed, not counted).
    let zhao = actor("u-zhao", "赵督查", Role::Supervisor);
    let appeal = |reason: &str| CaseCommand::AppealCard {
        card: CardLevel::Yellow,
        reason: reason.into(),
    };
    let ruling = |uphold: bool, note: &str| CaseCommand::RuleAppeal {
        card: CardLevel::Yellow,
        uphold,
        note: note.into(),
    };
    d.run(slow, &li, "2026-11-26 10:00", appeal("申请人要求暂缓"));
    d.run(
        slow,
        &zhao,
        "2026-11-27 09:00",
        ruling(true, "未办理暂停手续"),
    );
    d.run(quick, &li, "2026-11-26 10:05", appeal("全楼停电一天"));
    d.run(quick, &zhao, "2026-11-27 09:05", ruling(false, "停电属实"));
    let cards = vec![
        CardRecord {
            case_id: d.cases[quick].0.id.clone(),
            level: "yellow".into(),
            due_date: NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(),
            raised_on: NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(),
        },
        CardRecord {
            case_id: d.cases[slow].0.id.clone(),
            level: "yellow".into(),
            due_date: NaiveDate::from_ymd_opt(2026, 11, 12).unwrap(),
            raised_on: NaiveDate::from_ymd_opt(2026, 11, 11).unwrap(),
        },
        // Raised in October: not this month's.
        CardRecord {
            case_id: d.cases[carried].0.id.clone(),
            level: "red".into(),
            due_date: NaiveDate::from_ymd_opt(2026, 10, 30).unwrap(),
            raised_on: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        },
    ];
    let ledger = compute(
        Month {
            year: 2026,
            month: 11,
        },
        "江永县政务服务中心（全部部门）",
        &d.cases,
        &cards,
        &d.calendar,
        at("2026-11-30 18:00"),
    );
    (ledger, d.cases)
}

fn complete() -> CaseCommand {
    CaseCommand::Complete {
        decision: Decision::Granted,
    }
}

fn row<'a>(l: &'a Ledger, level: SummaryLevel, key: &str) -> &'a SummaryRow {
    l.summary
        .iter()
        .find(|r| r.level == Some(level) && r.key == key)
        .unwrap_or_else(|| panic!("no {level:?} row {key}"))
}

#[test]
fn the_register_holds_the_cases_received_or_closed_in_the_month() {
    let (l, cases) = november();
    assert_eq!(l.register.len(), cases.len(), "every case touched November");
    let carried = &l.register[0];
    assert_eq!(
        carried.received.date(),
        NaiveDate::from_ymd_opt(2026, 10, 29).unwrap()
    );
    let held = l
        .register
        .iter()
        .find(|r| r.case_no == cases[4].0.case_no)
        .expect("held case");
    assert_eq!(held.clerk, "李娜");
    assert_eq!(held.acted_for_owner_by, "王芳");
    let slow = l
        .register
        .iter()
        .find(|r| r.case_no == cases[2].0.case_no)
        .expect("slow case");
    assert_eq!(slow.correction_notices, 1);
    assert_eq!(slow.pauses, 1);
    assert!(slow.paused_days > 0);
    assert_eq!(slow.rating, "非常不满意");
    assert!(
        slow.applicant_id_masked.contains('*'),
        "masked: {}",
        slow.applicant_id_masked
    );
    let fees = l
        .register
        .iter()
        .find(|r| r.case_no == cases[6].0.case_no)
        .expect("fee case");
    assert_eq!(fees.fees_cents, 2000, "the voided charge does not count");
}

#[test]
fn the_summary_counts_what_happened_in_the_month_and_the_totals_add_up() {
    let (l, _) = november();
    let total = row(&l, SummaryLevel::Total, "");
    assert_eq!(
        total.received, 6,
        "the October case is not received in November"
    );
    assert_eq!(total.refused, 1);
    assert_eq!(total.completed, 5);
    assert_eq!(total.correction_notices, 1);
    assert_eq!(total.immediate_completed, 1);
    assert_eq!(total.immediate_on_the_spot, 1);
    assert_eq!(total.on_the_spot_rate(), Some(1.0));
    assert_eq!(total.fees_cents, 2000, "charged 40.00, voided 20.00");
    assert_eq!(
        (total.ratings, total.satisfied, total.bad_ratings),
        (2, 1, 1)
    );
    assert_eq!(total.satisfaction_rate(), Some(0.5));
    assert_eq!(total.bad_rectified_on_time, 1);
    assert_eq!(
        (total.yellow_cards, total.red_cards),
        (1, 0),
        "October's card is not counted, nor the one cancelled on appeal"
    );
    // Departments (and windows, and items) add up to the total.
    let depts: Vec<&SummaryRow> = l
        .summary
        .iter()
        .filter(|r| r.level == Some(SummaryLevel::Department))
        .collect();
    assert_eq!(depts.len(), 2);
    for level in [
        SummaryLevel::Department,
        SummaryLevel::Window,
        SummaryLevel::Item,
    ] {
        let rows = l.summary.iter().filter(|r| r.level == Some(level));
        let (received, completed, fees) = rows.fold((0, 0, 0), |(a, b, c), r| {
            (a + r.received, b + r.completed, c + r.fees_cents)
        });
        assert_eq!(
            (received, completed, fees),
            (total.received, total.completed, total.fees_cents),
            "{level:?}"
        );
    }
    assert_eq!(row(&l, SummaryLevel::Department, "GA").fees_cents, 2000);
    // The late case is not on time; the others completed in the month are.
    assert_eq!(total.completed_on_time, 4);
    assert!(total.speed_up_rate().is_some_and(|r| r > 0.0 && r < 1.0));
}

#[test]
fn cards_and_bad_ratings_carry_their_follow_up() {
    let (l, cases) = november();
    assert_eq!(l.cards.len(), 2, "the cancelled card is still listed");
    let cancelled = &l.cards[0];
    assert_eq!(cancelled.case_no, cases[1].0.case_no);
    assert_eq!(
        cancelled.appeal,
        "已撤销：全楼停电一天；裁定：停电属实（赵督查）"
    );
    let upheld = &l.cards[1];
    assert_eq!(upheld.level, "黄牌");
    assert_eq!(upheld.status, "已办结");
    assert_eq!(
        upheld.appeal,
        "已维持：申请人要求暂缓；裁定：未办理暂停手续（赵督查）"
    );
    assert_eq!(l.bad_ratings.len(), 1);
    let bad = &l.bad_ratings[0];
    assert_eq!(bad.case_no, cases[2].0.case_no);
    assert_eq!(bad.reasons, "办理时间长");
    assert_eq!(bad.status, "按时整改");
    assert!(bad.followed_up_at.is_some() && bad.rectified_at.is_some());
}

#[test]
fn the_years_ledger_holds_what_the_months_left_to_october() {
    let (november, cases) = november();
    let year = compute(
        Period::Year(2026),
        "江永县政务服务中心（全部部门）",
        &cases,
        &[],
        &WorkCalendar::embedded(),
        at("2026-12-31 18:00"),
    );
    let received = |l: &Ledger| row(l, SummaryLevel::Total, "").received;
    assert_eq!(received(&november), 6);
    assert_eq!(
        received(&year),
        7,
        "the case received in October counts in the year"
    );
    assert_eq!(year.register.len(), 7);
    assert_eq!(year.period.label_zh(), "2026年度");
}
