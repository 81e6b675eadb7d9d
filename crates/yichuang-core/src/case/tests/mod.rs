use super::*;
use crate::calendar::WorkCalendar;
use crate::catalog::{Catalog, ServiceItem};
use crate::Lang;
use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;

mod approval;
mod properties;
mod supervision;
mod window;

const DEMO: &str = include_str!("../../../../yichuang-app/data/demo-catalog.json");

fn item(code: &str) -> ServiceItem {
    Catalog::parse(DEMO)
        .expect("demo")
        .item(code)
        .expect("item")
        .clone()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time")
}

fn clerk() -> Actor {
    Actor {
        user_id: "u-li".into(),
        name: "李娜".into(),
        role: Role::Clerk,
    }
}

/// The department's chief representative.
fn chief_rep() -> Actor {
    Actor {
        user_id: "u-zhou".into(),
        name: "周敏".into(),
        role: Role::ChiefRep,
    }
}

struct World {
    calendar: WorkCalendar,
    actor: Actor,
    notices: u32,
}

impl World {
    fn new() -> World {
        World {
            calendar: WorkCalendar::embedded(),
            actor: clerk(),
            notices: 0,
        }
    }

    fn ctx(&self, now: &str) -> Ctx<'_> {
        Ctx {
            actor: &self.actor,
            workstation: "ws-1",
            now: at(now),
            calendar: &self.calendar,
            lang: Lang::ZhCn,
            closing: chrono::NaiveTime::from_hms_opt(17, 30, 0).expect("time"),
        }
    }

    fn open(&self, code: &str, now: &str) -> Case {
        let item = item(code);
        let applicant = ApplicantInput::Person {
            name: "王小明".into(),
            id_number: "11010519491231002X".into(),
            phone: "13812345678".into(),
        };
        Case::intake(
            Intake {
                id: "case-1".into(),
                case_no: "431125-SCJG-W03-2026-000001".into(),
                item: &item,
                catalog_version: "2026.11",
                applicant: &applicant,
                agent: None,
                situations: &[],
                office: Office {
                    region_code: "431125".into(),
                    department_code: "SCJG".into(),
                    window_code: "W03".into(),
                    center_name: "江永县政务服务中心".into(),
                    department_name: "县市场监督管理局".into(),
                    window_name: "3号窗口".into(),
                },
            },
            &self.ctx(now),
        )
        .expect("intake")
        .case
    }

    fn run(
        &mut self,
        case: &Case,
        cmd: impl std::borrow::Borrow<CaseCommand>,
        now: &str,
    ) -> Result<Effects, CaseError> {
        let cmd = cmd.borrow();
        let number = cmd.issues().map(|k| {
            self.notices += 1;
            format!("N-{}-{}", k.series_code(), self.notices)
        });
        apply(case, cmd, number.as_deref(), &self.ctx(now))
    }
}

fn mark(case: &Case, missing: &[usize]) -> CaseCommand {
    CaseCommand::UpdateChecklist {
        lines: case
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

#[test]
fn intake_opens_a_case_under_review_with_the_items_checklist() {
    let w = World::new();
    let case = w.open("000102002000", "2026-02-13 10:00");
    assert_eq!(case.state, CaseState::Reviewing);
    assert_eq!(case.checklist.len(), item("000102002000").materials.len());
    assert_eq!(case.event_count, 2, "收件 and 审查 on the timeline");
}

#[test]
fn a_situation_adds_its_materials_and_an_unknown_one_is_refused() {
    let w = World::new();
    let it = item("000102002000");
    let applicant = ApplicantInput::Person {
        name: "王小明".into(),
        id_number: "11010519491231002X".into(),
        phone: "13812345678".into(),
    };
    let intake = |situations: &'static [String]| Intake {
        id: "c".into(),
        case_no: "n".into(),
        item: &it,
        catalog_version: "2026.11",
        applicant: &applicant,
        agent: None,
        situations,
        office: Office {
            region_code: "431125".into(),
            department_code: "SCJG".into(),
            window_code: "W03".into(),
            center_name: "江永县政务服务中心".into(),
            department_name: "县市场监督管理局".into(),
            window_name: "3号窗口".into(),
        },
    };
    let agent: &'static [String] = Box::leak(Box::new(["agent".to_string()]));
    let with_agent = Case::intake(intake(agent), &w.ctx("2026-03-02 09:00")).expect("intake");
    let extra = &it
        .situations
        .iter()
        .find(|s| s.code == "agent")
        .expect("agent")
        .materials;
    assert_eq!(
        with_agent.case.checklist.len(),
        it.materials.len() + extra.len()
    );
    let bogus: &'static [String] = Box::leak(Box::new(["martian".to_string()]));
    assert_eq!(
        Case::intake(intake(bogus), &w.ctx("2026-03-02 09:00")).map(|_| ()),
        Err(CaseError::UnknownSituation("martian".into()))
    );
}

#[test]
fn the_full_story_runs_through_correction_to_acceptance_across_spring_festival() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-02-10 10:00");
    let case = w
        .run(&case, mark(&case, &[1, 3]), "2026-02-10 10:05")
        .expect("ticked")
        .case;
    let e = w
        .run(
            &case,
            CaseCommand::IssueCorrectionNotice,
            "2026-02-10 10:06",
        )
        .expect("notice");
    assert_eq!(e.notices.len(), 1);
    let NoticeContent::Correction { lines, .. } = &e.notices[0].content else {
        panic!("a correction notice");
    };
    assert_eq!(lines.len(), 2, "both missing materials told at once");
    assert_eq!(e.case.notices[0].sha256, e.notices[0].sha256());
    let case = e.case;
    assert_eq!(case.state, CaseState::AwaitingCorrection);

    let case = w
        .run(&case, CaseCommand::CorrectionReceived, "2026-02-13 09:00")
        .expect("back")
        .case;
    let case = w
        .run(&case, mark(&case, &[]), "2026-02-13 09:10")
        .expect("ticked")
        .case;
    let e = w
        .run(&case, CaseCommand::Accept, "2026-02-13 09:20")
        .expect("accepted");
    let NoticeContent::Acceptance {
        due_date,
        start_event,
        ..
    } = &e.notices[0].content
    else {
        panic!("an acceptance notice");
    };
    assert_eq!(*start_event, StartEvent::MaterialsCompleted);
    assert_eq!(
        due_date.to_string(),
        "2026-03-05",
        "10 working days over the Spring Festival"
    );
    assert_eq!(e.case.state, CaseState::Accepted);
}

#[test]
fn accepting_with_a_material_missing_is_refused_and_changes_nothing() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 10:00");
    let case = w
        .run(&case, mark(&case, &[0]), "2026-03-02 10:01")
        .expect("ticked")
        .case;
    let before = case.clone();
    let err = w
        .run(&case, CaseCommand::Accept, "2026-03-02 10:02")
        .expect_err("refused");
    assert_eq!(err.code(), "checklist_incomplete");
    assert!(err.message(Lang::ZhCn).contains(&case.checklist[0].name));
    assert_eq!(case, before);
}

#[test]
fn a_notice_is_refused_while_a_material_is_unchecked() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 10:00");
    let err = w
        .run(
            &case,
            CaseCommand::IssueCorrectionNotice,
            "2026-03-02 10:01",
        )
        .expect_err("refused");
    assert_eq!(err.code(), "materials_unreviewed");
}

#[test]
fn a_second_notice_asking_for_something_new_needs_the_chief_representative() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 10:00");
    let case = w
        .run(&case, mark(&case, &[1]), "2026-03-02 10:01")
        .expect("ticked")
        .case;
    let issue = CaseCommand::IssueCorrectionNotice;
    let case = w
        .run(&case, issue.clone(), "2026-03-02 10:02")
        .expect("first")
        .case;
    let case = w
        .run(&case, CaseCommand::CorrectionReceived, "2026-03-04 10:00")
        .expect("in")
        .case;
    let case = w
        .run(&case, mark(&case, &[2]), "2026-03-04 10:01")
        .expect("ticked")
        .case;
    let err = w
        .run(&case, &issue, "2026-03-04 10:02")
        .expect_err("refused");
    assert_eq!(
        err,
        CaseError::OneTimeRule(vec![case.checklist[2].name.clone()])
    );
    assert!(err.message(Lang::ZhCn).contains("首席代表"));
    // The clerk asks; the logged-in chief representative approves; the override is used up
    // by the notice it allowed.
    let case = w
        .run(
            &case,
            CaseCommand::RequestApproval {
                subject: ApprovalSubject::NoticeOverride {
                    reason: "申请人变更经营场所，需补充新场所证明".into(),
                    // Filled in by the rule from the checklist as it stands.
                    materials: vec![],
                },
                note: String::new(),
            },
            "2026-03-04 10:03",
        )
        .expect("asked")
        .case;
    assert_eq!(case.state, CaseState::Reviewing, "review goes on meanwhile");
    assert_eq!(
        w.run(&case, &issue, "2026-03-04 10:04")
            .expect_err("not yet approved"),
        CaseError::OneTimeRule(vec![case.checklist[2].name.clone()])
    );
    w.actor = chief_rep();
    let case = w
        .run(
            &case,
            CaseCommand::Approve {
                seal: "审批专用章（一）".into(),
                opinion: None,
            },
            "2026-03-04 10:05",
        )
        .expect("approved")
        .case;
    w.actor = clerk();
    // The permission covers the material it was asked for, not one more.
    let wider = w
        .run(&case, mark(&case, &[2, 3]), "2026-03-04 10:06")
        .expect("ticked")
        .case;
    assert!(matches!(
        w.run(&wider, &issue, "2026-03-04 10:06"),
        Err(CaseError::OneTimeRule(_))
    ));
    let e = w
        .run(&case, &issue, "2026-03-04 10:06")
        .expect("allowed with the approved override");
    let NoticeContent::Correction {
        chief_rep_override, ..
    } = &e.notices[0].content
    else {
        panic!("correction");
    };
    assert_eq!(
        chief_rep_override.as_ref().map(|o| o.chief_rep.as_str()),
        Some("周敏"),
        "the notice names the chief representative who approved, not a typed name"
    );
    assert_eq!(e.case.granted_override, None, "used up");
}

#[test]
fn no_notice_within_five_working_days_means_accepted_on_receipt() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 10:00");
    let case = w
        .run(&case, mark(&case, &[1]), "2026-03-10 10:00")
        .expect("ticked")
        .case;
    let err = w
        .run(
            &case,
            CaseCommand::IssueCorrectionNotice,
            "2026-03-10 10:01",
        )
        .expect_err("too late");
    assert_eq!(err.code(), "notice_window_passed");
    let case = w
        .run(&case, mark(&case, &[]), "2026-03-10 10:02")
        .expect("ticked")
        .case;
    let e = w
        .run(&case, CaseCommand::Accept, "2026-03-10 10:03")
        .expect("accepted");
    let clock = e.case.clock.expect("clock");
    assert_eq!(clock.start_event, StartEvent::DeemedAcceptedOnReceipt);
    assert_eq!(clock.start.to_string(), "2026-03-02");
}

#[test]
fn an_immediate_item_is_completed_at_the_counter_and_a_promised_one_is_not() {
    let mut w = World::new();
    let case = w.open("000107002000", "2026-03-03 09:00");
    let case = w
        .run(&case, mark(&case, &[]), "2026-03-03 09:05")
        .expect("ticked")
        .case;
    let e = w
        .run(&case, CaseCommand::CompleteOnTheSpot, "2026-03-03 09:10")
        .expect("done");
    assert_eq!(e.case.state, CaseState::Completed);
    let dl = e
        .case
        .deadlines(&w.calendar, at("2026-03-03 09:10").date())
        .expect("clock");
    assert_eq!(dl.promised.to_string(), "2026-03-03");

    let case = w.open("000102002000", "2026-03-03 09:00");
    let case = w
        .run(&case, mark(&case, &[]), "2026-03-03 09:05")
        .expect("ticked")
        .case;
    assert_eq!(
        w.run(&case, CaseCommand::CompleteOnTheSpot, "2026-03-03 09:10")
            .map(|_| ()),
        Err(CaseError::NotImmediate)
    );
}

#[test]
fn a_special_procedure_pauses_and_resuming_moves_the_due_date() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 09:00");
    let case = w
        .run(&case, mark(&case, &[]), "2026-03-02 09:05")
        .expect("ticked")
        .case;
    let case = w
        .run(&case, CaseCommand::Accept, "2026-03-02 09:10")
        .expect("accepted")
        .case;
    let due_before = case
        .deadlines(&w.calendar, at("2026-03-02 09:10").date())
        .expect("dl")
        .promised;
    let suspend = CaseCommand::Suspend {
        procedure: "现场核查".into(),
        reason: "核查经营场所".into(),
        legal_basis: "《行政许可法》第四十五条".into(),
    };
    let case = w
        .run(&case, suspend, "2026-03-03 10:00")
        .expect("suspended")
        .case;
    assert_eq!(case.state, CaseState::Suspended);
    let case = w
        .run(&case, CaseCommand::Resume, "2026-03-09 10:00")
        .expect("resumed")
        .case;
    let due_after = case
        .deadlines(&w.calendar, at("2026-03-20 10:00").date())
        .expect("dl")
        .promised;
    // Paused Wed 4 – Fri 6 March: three working days.
    assert_eq!(w.calendar.working_days_between(due_before, due_after), 3);
}

#[test]
fn a_voided_correction_notice_keeps_its_number_and_reopens_review() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 09:00");
    let case = w
        .run(&case, mark(&case, &[0]), "2026-03-02 09:05")
        .expect("ticked")
        .case;
    let case = w
        .run(
            &case,
            CaseCommand::IssueCorrectionNotice,
            "2026-03-02 09:06",
        )
        .expect("notice")
        .case;
    let number = case.notices[0].number.clone();
    let void = CaseCommand::VoidNotice {
        number: number.clone(),
        reason: " ".into(),
    };
    assert_eq!(
        w.run(&case, void, "2026-03-02 09:07").map(|_| ()),
        Err(CaseError::ReasonRequired)
    );
    let void = CaseCommand::VoidNotice {
        number: number.clone(),
        reason: "材料名称勾选错误".into(),
    };
    let case = w
        .run(&case, void.clone(), "2026-03-02 09:08")
        .expect("voided")
        .case;
    assert_eq!(case.state, CaseState::Reviewing);
    assert_eq!(case.notices.len(), 1, "the number stays used");
    assert!(case.notices[0].voided.is_some());
    assert_eq!(
        w.run(&case, void, "2026-03-02 09:09").map(|_| ()),
        Err(CaseError::NoticeAlreadyVoid(number))
    );
}

#[test]
fn an_answered_correction_notice_cannot_be_voided_to_widen_the_next_one() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 09:00");
    let case = w
        .run(&case, mark(&case, &[1]), "2026-03-02 09:01")
        .expect("ticked")
        .case;
    let issue = CaseCommand::IssueCorrectionNotice;
    let case = w
        .run(&case, &issue, "2026-03-02 09:02")
        .expect("first")
        .case;
    let first = case.notices[0].number.clone();
    let case = w
        .run(&case, CaseCommand::CorrectionReceived, "2026-03-04 10:00")
        .expect("in")
        .case;
    let void = CaseCommand::VoidNotice {
        number: first.clone(),
        reason: "想重开".into(),
    };
    assert_eq!(
        w.run(&case, void, "2026-03-04 10:01").map(|_| ()),
        Err(CaseError::NoticeAnswered(first))
    );
}

#[test]
fn an_immediate_item_received_after_closing_is_due_the_next_working_day() {
    let mut w = World::new();
    let case = w.open("000107002000", "2026-03-03 18:00");
    let case = w
        .run(&case, mark(&case, &[]), "2026-03-03 18:05")
        .expect("ticked")
        .case;
    let e = w
        .run(&case, CaseCommand::Accept, "2026-03-03 18:10")
        .expect("accepted");
    let dl = e
        .case
        .deadlines(&w.calendar, at("2026-03-03 18:10").date())
        .expect("clock");
    assert_eq!(dl.promised.to_string(), "2026-03-04");
}

#[test]
fn a_case_left_under_review_past_the_notice_period_runs_from_receipt() {
    let w = World::new();
    let case = w.open("000102002000", "2026-03-02 09:00");
    let cal = &w.calendar;
    assert!(
        case.deadlines(cal, at("2026-03-09 09:00").date()).is_none(),
        "still in time"
    );
    let dl = case
        .deadlines(cal, at("2026-03-10 09:00").date())
        .expect("deemed accepted");
    assert_eq!(
        dl.promised,
        cal.add_working_days(at("2026-03-02 09:00").date(), 10).date
    );
    assert!(case.clock_running(cal, at("2026-03-10 09:00").date()));
}

#[test]
fn saving_an_unchanged_checklist_is_not_a_new_version() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 09:00");
    let case = w
        .run(&case, mark(&case, &[]), "2026-03-02 09:01")
        .expect("ticked")
        .case;
    let again = w
        .run(&case, mark(&case, &[]), "2026-03-02 09:02")
        .expect("same");
    assert!(again.events.is_empty());
    assert_eq!(again.case, case);
}

#[test]
fn a_rejection_needs_a_reason_and_a_legal_basis_and_closes_the_case() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 09:00");
    let reject = |reason: &str, basis: &str| CaseCommand::Reject {
        reason: reason.into(),
        legal_basis: basis.into(),
    };
    assert_eq!(
        w.run(&case, reject("", "x"), "2026-03-02 09:01")
            .map(|_| ()),
        Err(CaseError::ReasonRequired)
    );
    assert_eq!(
        w.run(
            &case,
            reject("不属于本部门职权范围", ""),
            "2026-03-02 09:01"
        )
        .map(|_| ()),
        Err(CaseError::LegalBasisRequired)
    );
    let e = w
        .run(
            &case,
            reject(
                "不属于本部门职权范围",
                "《行政许可法》第三十二条第一款第（二）项",
            ),
            "2026-03-02 09:02",
        )
        .expect("rejected");
    assert_eq!(e.case.state, CaseState::Rejected);
    assert_eq!(e.notices[0].content.kind(), NoticeKind::Rejection);
    assert!(w
        .run(&e.case, CaseCommand::Accept, "2026-03-02 09:03")
        .is_err());
}

#[test]
fn an_earlier_answered_correction_notice_cannot_be_voided_while_a_later_one_is_pending() {
    // Found by the one-time-rule property: voiding the first (answered) notice while the
    // third awaited its answer made the second the "first", and the third then widened it.
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 09:00");
    let case = w
        .run(&case, mark(&case, &[2, 3]), "2026-03-02 09:01")
        .expect("two missing")
        .case;
    let notice = |c: &Case| c.notices.last().expect("a notice").number.clone();
    let case = w
        .run(
            &case,
            CaseCommand::IssueCorrectionNotice,
            "2026-03-02 09:02",
        )
        .expect("first notice")
        .case;
    let first = notice(&case);
    let case = w
        .run(&case, CaseCommand::CorrectionReceived, "2026-03-03 09:00")
        .expect("answered")
        .case;
    let case = w
        .run(&case, mark(&case, &[3]), "2026-03-03 09:01")
        .expect("one still missing")
        .case;
    let case = w
        .run(
            &case,
            CaseCommand::IssueCorrectionNotice,
            "2026-03-03 09:02",
        )
        .expect("second notice, within the first")
        .case;
    assert_eq!(case.state, CaseState::AwaitingCorrection);
    assert_eq!(
        w.run(
            &case,
            CaseCommand::VoidNotice {
                number: first.clone(),
                reason: "填写错误".into(),
            },
            "2026-03-03 09:03",
        ),
        Err(CaseError::NoticeAnswered(first))
    );
    let second = notice(&case);
    w.run(
        &case,
        CaseCommand::VoidNotice {
            number: second,
            reason: "填写错误".into(),
        },
        "2026-03-03 09:04",
    )
    .expect("the pending notice can still be replaced");
}
