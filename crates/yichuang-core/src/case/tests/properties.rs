//! Properties of the case rules over random command sequences: only legal moves, the
//! one-time rule, and due dates that agree with an independent reading of the holiday file.

use super::*;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeSet;

fn arb_command(n_materials: usize) -> impl Strategy<Value = (u8, Vec<u8>, bool)> {
    (
        0u8..10,
        proptest::collection::vec(0u8..3, n_materials),
        any::<bool>(),
    )
}

fn to_command(case: &Case, (op, marks, flag): &(u8, Vec<u8>, bool)) -> CaseCommand {
    match op {
        0 | 1 => CaseCommand::UpdateChecklist {
            lines: case
                .checklist
                .iter()
                .zip(marks)
                .map(|(l, m)| LineUpdate {
                    code: l.code.clone(),
                    status: match m {
                        0 => MaterialStatus::Received,
                        1 => MaterialStatus::Missing,
                        _ => MaterialStatus::Defective {
                            reason: "复印件不清晰".into(),
                        },
                    },
                })
                .collect(),
        },
        2 | 3 => CaseCommand::IssueCorrectionNotice,
        4 => CaseCommand::CorrectionReceived,
        5 => CaseCommand::Accept,
        6 => CaseCommand::Suspend {
            procedure: "专家评审".into(),
            reason: "技术审查".into(),
            legal_basis: "第四十五条".into(),
        },
        7 => CaseCommand::Resume,
        8 => {
            if *flag {
                CaseCommand::Withdraw {
                    reason: "申请人撤回".into(),
                }
            } else {
                CaseCommand::Reject {
                    reason: "不符合条件".into(),
                    legal_basis: "第三十八条".into(),
                }
            }
        }
        _ => CaseCommand::VoidNotice {
            number: case
                .notices
                .first()
                .map(|n| n.number.clone())
                .unwrap_or_default(),
            reason: "填写错误".into(),
        },
    }
}

/// Every working day of 2026 from the raw holidays-cn file, read without the calendar module.
fn independent_workdays_2026() -> BTreeSet<NaiveDate> {
    let raw: serde_json::Value =
        serde_json::from_str(include_str!("../../../data/holidays-cn/2026.json")).expect("json");
    let mut off = BTreeSet::new();
    let mut on = BTreeSet::new();
    for d in raw["days"].as_array().expect("days") {
        let date =
            NaiveDate::parse_from_str(d["date"].as_str().expect("s"), "%Y-%m-%d").expect("d");
        if d["isOffDay"].as_bool().expect("b") {
            off.insert(date);
        } else {
            on.insert(date);
        }
    }
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("d");
    start
        .iter_days()
        .take_while(|d| d.year() == 2026)
        .filter(|d| on.contains(d) || (d.weekday().number_from_monday() <= 5 && !off.contains(d)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_sequence_of_commands_only_makes_legal_moves(
        cmds in proptest::collection::vec(arb_command(5), 1..25),
        day_steps in proptest::collection::vec(0i64..3, 25),
    ) {
        let mut w = World::new();
        let mut case = w.open("000102002000", "2026-03-02 09:00");
        let mut now = at("2026-03-02 09:00");
        for (i, c) in cmds.iter().enumerate() {
            now += chrono::Duration::days(day_steps[i]) + chrono::Duration::minutes(1);
            let cmd = to_command(&case, c);
            let stamp = now.format("%Y-%m-%d %H:%M").to_string();
            let result = w.run(&case, &cmd, &stamp);
            if let Err(CaseError::IllegalTransition(t)) = &result {
                // A refusal names the state the case is really in.
                prop_assert_eq!(t.state, case.state);
            }
            if let Ok(e) = result {
                {
                    for ev in &e.events {
                        if let (EventKind::Transition(a), Some(from)) = (ev.what, ev.from) {
                            prop_assert_eq!(from.apply(a), Ok(ev.to));
                        }
                    }
                    // A command that changed nothing leaves the version alone.
                    prop_assert_eq!(e.case.version, case.version + u32::from(!e.events.is_empty()));
                    if matches!(e.case.state, CaseState::Accepted) {
                        prop_assert!(is_complete(&e.case.checklist));
                    }
                    case = e.case;
                }
            }
        }
    }

    #[test]
    fn no_later_notice_asks_for_more_than_the_first_without_an_override(
        cmds in proptest::collection::vec(arb_command(5), 1..40),
    ) {
        let mut w = World::new();
        let mut case = w.open("000102002000", "2026-03-02 09:00");
        let mut issued: Vec<IssuedNotice> = Vec::new();
        for (i, c) in cmds.iter().enumerate() {
            let cmd = to_command(&case, c);
            let stamp = format!("2026-03-02 09:{:02}", (i + 1) % 60);
            if let Ok(e) = w.run(&case, &cmd, &stamp) {
                issued.extend(e.notices.iter().cloned());
                case = e.case;
            }
        }
        let valid_first = issued.iter().find(|n| {
            n.content.kind() == NoticeKind::Correction
                && case.notices.iter().any(|r| r.number == n.number && r.voided.is_none())
        });
        if let Some(first) = valid_first {
            let NoticeContent::Correction { lines: first_lines, .. } = &first.content else { unreachable!() };
            let first_codes: BTreeSet<&str> = first_lines.iter().map(|l| l.code.as_str()).collect();
            for n in issued.iter().filter(|n| n.issued_at >= first.issued_at && n.number != first.number) {
                if let NoticeContent::Correction { lines, chief_rep_override, .. } = &n.content {
                    let beyond = lines.iter().any(|l| !first_codes.contains(l.code.as_str()));
                    prop_assert!(!beyond || chief_rep_override.is_some(), "notice {} widened the first", n.number);
                }
            }
        }
    }

    #[test]
    fn due_dates_match_an_independent_count_on_the_official_2026_calendar(
        start_offset in 0i64..240, promised in 1u32..30,
    ) {
        let workdays = independent_workdays_2026();
        let start = NaiveDate::from_ymd_opt(2026, 1, 5).expect("d") + chrono::Duration::days(start_offset);
        let clock = CaseClock {
            start_event: StartEvent::Accepted,
            start,
            promised_days: promised,
            statutory_days: promised * 2,
            extension_days: 0,
            immediate: false,
        };
        let dl = clock.deadlines(&WorkCalendar::embedded(), &[], start);
        let expected = workdays.iter().filter(|d| **d > start).nth(promised as usize - 1).copied();
        prop_assume!(expected.is_some());
        prop_assert_eq!(Some(dl.promised), expected);
        let expected_statutory = workdays.iter().filter(|d| **d > start).nth(promised as usize * 2 - 1).copied();
        if expected_statutory.is_some() {
            prop_assert_eq!(dl.statutory, expected_statutory);
        }
    }
}
