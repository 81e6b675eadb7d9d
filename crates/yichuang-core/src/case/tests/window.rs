//! The rest of the counter's day on one case: the A/B handover and its fence, fees on a
//! case, the applicant's rating and the rectification a bad one opens, extensions and the
//! binding of an approval to a decision.

use super::*;

fn backup() -> Actor {
    Actor {
        user_id: "u-wang".into(),
        name: "王芳".into(),
        role: Role::Clerk,
    }
}

fn applicant() -> Actor {
    Actor {
        user_id: "applicant".into(),
        name: "申请人".into(),
        role: Role::Applicant,
    }
}

fn accepted(w: &mut World, code: &str) -> Case {
    let case = w.open(code, "2026-03-02 09:00");
    let case = w
        .run(&case, mark(&case, &[]), "2026-03-02 09:05")
        .expect("ticked")
        .case;
    w.run(&case, CaseCommand::Accept, "2026-03-02 09:10")
        .expect("accepted")
        .case
}

fn hand_over() -> CaseCommand {
    CaseCommand::HandOver {
        handover_id: "h-1".into(),
        to_id: "u-wang".into(),
        to_name: "王芳".into(),
        reason: "请假".into(),
    }
}

#[test]
fn under_a_handover_the_backup_acts_for_the_owner_and_the_owner_is_fenced_until_the_return() {
    let mut w = World::new();
    let case = accepted(&mut w, "000102003000");
    let epoch = case.owner_epoch;
    let case = w
        .run(&case, hand_over(), "2026-03-02 12:00")
        .expect("handed over")
        .case;
    assert_eq!(case.owner_epoch, epoch + 1);
    assert_eq!(case.holder.as_ref().map(|h| h.name.as_str()), Some("王芳"));

    // A (the owner) may not write while B holds the case.
    let refused = w
        .run(
            &case,
            CaseCommand::Complete {
                decision: Decision::Granted,
            },
            "2026-03-02 13:00",
        )
        .expect_err("fenced");
    assert_eq!(refused, CaseError::HandedOver("王芳".into()));

    // B acts, and every line and notice says "on behalf of A".
    w.actor = backup();
    let e = w
        .run(
            &case,
            CaseCommand::Complete {
                decision: Decision::Granted,
            },
            "2026-03-02 14:00",
        )
        .expect("B completes");
    assert!(e
        .events
        .iter()
        .all(|ev| ev.actor == "王芳" && ev.on_behalf_of.as_deref() == Some("李娜")));
    assert_eq!(e.notices[0].issued_by, "王芳");
    assert_eq!(e.notices[0].on_behalf_of.as_deref(), Some("李娜"));
    // Only A takes the case back.
    assert_eq!(
        w.run(&e.case, CaseCommand::TakeBack, "2026-03-03 09:00"),
        Err(CaseError::NotOwner)
    );
    w.actor = clerk();
    let back = w
        .run(&e.case, CaseCommand::TakeBack, "2026-03-03 09:00")
        .expect("taken back")
        .case;
    assert_eq!(back.holder, None);
    assert_eq!(back.owner_epoch, epoch + 2);
    assert_eq!(
        w.run(&back, CaseCommand::TakeBack, "2026-03-03 09:01"),
        Err(CaseError::NotHandedOver)
    );
}

#[test]
fn a_handover_goes_to_someone_else_only_by_the_owner_and_only_for_cases_with_work_left() {
    let mut w = World::new();
    let case = accepted(&mut w, "000102003000");
    let to_self = CaseCommand::HandOver {
        handover_id: "h-1".into(),
        to_id: clerk().user_id,
        to_name: clerk().name,
        reason: String::new(),
    };
    assert_eq!(
        w.run(&case, to_self, "2026-03-02 12:00"),
        Err(CaseError::BackupRequired)
    );
    w.actor = backup();
    assert_eq!(
        w.run(&case, hand_over(), "2026-03-02 12:00"),
        Err(CaseError::NotOwner)
    );
    w.actor = clerk();
    let done = w
        .run(
            &case,
            CaseCommand::Complete {
                decision: Decision::Granted,
            },
            "2026-03-02 12:00",
        )
        .expect("completed")
        .case;
    assert!(done.needs_work(), "the result is still to be issued");
    let out = w
        .run(
            &done,
            CaseCommand::IssueResult {
                delivery: ResultDelivery::Counter {
                    collected_by: "张三".into(),
                },
            },
            "2026-03-02 12:10",
        )
        .expect("issued")
        .case;
    assert!(!out.needs_work());
    assert_eq!(
        w.run(&out, hand_over(), "2026-03-02 12:20"),
        Err(CaseError::NothingToHandOver)
    );
}

fn fee(code: &str, receipt: &str) -> CaseCommand {
    CaseCommand::ChargeFee {
        fee: FeeInput {
            adjustment: FeeAdjustment::Standard,
            method: PaymentMethod::Scan,
            payment_code: code.into(),
            receipt_no: receipt.into(),
        },
    }
}

#[test]
fn a_fee_follows_the_items_standard_once_per_case_and_a_void_keeps_the_charge() {
    let mut w = World::new();
    // 居民身份证换领 has a fee standard of 20.00 yuan.
    let id_card = w.open("000107001000", "2026-03-02 09:00");
    assert_eq!(
        w.run(
            &id_card,
            fee("12345678901234567890", "00012345"),
            "2026-03-02 09:01"
        ),
        Err(CaseError::FeeNotNow),
        "not before acceptance"
    );
    let case = accepted(&mut w, "000107001000");
    assert_eq!(
        w.run(&case, fee("1234", "00012345"), "2026-03-02 10:00")
            .map(|_| ())
            .map_err(|e| e.code()),
        Err("fee_bad_payment_code")
    );
    let charged = w
        .run(
            &case,
            fee("12345678901234567890", "00012345"),
            "2026-03-02 10:00",
        )
        .expect("charged")
        .case;
    assert_eq!(charged.fees[0].charged_cents, 2000);
    assert_eq!(
        w.run(
            &charged,
            fee("12345678901234567890", "00012346"),
            "2026-03-02 10:01"
        ),
        Err(CaseError::FeeAlreadyCharged)
    );
    let voided = w
        .run(
            &charged,
            CaseCommand::VoidFee {
                seq: 1,
                reason: "票据打印错误".into(),
            },
            "2026-03-02 10:02",
        )
        .expect("voided")
        .case;
    assert_eq!(voided.fees.len(), 1, "a void never deletes");
    assert!(voided.fees[0].voided.is_some());
    let again = w
        .run(
            &voided,
            fee("12345678901234567890", "00012347"),
            "2026-03-02 10:03",
        )
        .expect("charged again");
    assert_eq!(again.case.fees.len(), 2);

    // An item without a standard cannot be charged at all.
    let free = accepted(&mut w, "000102003000");
    assert_eq!(
        w.run(
            &free,
            fee("12345678901234567890", "00012345"),
            "2026-03-02 10:00"
        )
        .map(|_| ())
        .map_err(|e| e.code()),
        Err("fee_no_standard")
    );
}

fn rate(rating: Rating) -> CaseCommand {
    CaseCommand::Evaluate {
        rating,
        reasons: vec!["slow".into()],
        comment: Some("等了很久".into()),
    }
}

#[test]
fn only_the_applicant_rates_and_a_bad_rating_opens_a_rectification_on_working_days() {
    let mut w = World::new();
    let case = accepted(&mut w, "000102003000");
    // Friday 2026-03-06: the follow-up is due Monday, the rectification 15 working days on.
    let done = w
        .run(
            &case,
            CaseCommand::Complete {
                decision: Decision::Granted,
            },
            "2026-03-06 10:00",
        )
        .expect("completed")
        .case;
    assert_eq!(
        w.run(&done, rate(Rating::Satisfied), "2026-03-06 10:01"),
        Err(CaseError::ApplicantOnly),
        "a clerk can never enter a rating"
    );
    w.actor = applicant();
    assert_eq!(
        w.run(
            &done,
            CaseCommand::FollowUp { note: "x".into() },
            "2026-03-06 10:01"
        ),
        Err(CaseError::StaffOnly)
    );
    let unknown = CaseCommand::Evaluate {
        rating: Rating::Satisfied,
        reasons: vec!["bribe".into()],
        comment: None,
    };
    assert_eq!(
        w.run(&done, unknown, "2026-03-06 10:01"),
        Err(CaseError::UnknownReason("bribe".into()))
    );
    let rated = w
        .run(&done, rate(Rating::VeryDissatisfied), "2026-03-06 10:02")
        .expect("rated")
        .case;
    assert_eq!(rated.state, CaseState::Evaluated);
    let task = rated
        .rectification
        .clone()
        .expect("a bad rating opens a task");
    assert_eq!(
        task.follow_up_due,
        NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()
    );
    assert_eq!(
        task.rectify_due,
        w.calendar
            .add_working_days(NaiveDate::from_ymd_opt(2026, 3, 6).unwrap(), 15)
            .date
    );
    assert_eq!(
        task.card(NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()),
        None
    );
    assert_eq!(
        task.card(NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()),
        Some(Card::Yellow),
        "the follow-up call is late"
    );
    assert_eq!(
        task.card(task.rectify_due.succ_opt().unwrap()),
        Some(Card::Red)
    );
    assert_eq!(
        w.run(&rated, rate(Rating::Satisfied), "2026-03-06 10:03"),
        Err(CaseError::AlreadyEvaluated),
        "no second rating before the rectification"
    );

    w.actor = clerk();
    assert_eq!(
        w.run(
            &rated,
            CaseCommand::Rectify { note: "x".into() },
            "2026-03-09 09:00"
        ),
        Err(CaseError::FollowUpFirst)
    );
    let called = w
        .run(
            &rated,
            CaseCommand::FollowUp {
                note: "已电话回访，申请人反映排队时间长".into(),
            },
            "2026-03-09 09:00",
        )
        .expect("followed up")
        .case;
    let fixed = w
        .run(
            &called,
            CaseCommand::Rectify {
                note: "增开高峰时段窗口".into(),
            },
            "2026-03-12 09:00",
        )
        .expect("rectified")
        .case;
    assert!(!fixed.rectification.as_ref().expect("task").is_open());
    w.actor = applicant();
    let again = w
        .run(&fixed, rate(Rating::Satisfied), "2026-03-12 10:00")
        .expect("rated once more")
        .case;
    assert_eq!(again.evaluations.len(), 2);
    assert_eq!(
        w.run(&again, rate(Rating::VerySatisfied), "2026-03-12 10:01"),
        Err(CaseError::AlreadyEvaluated),
        "once more, not twice more"
    );
}

#[test]
fn a_good_rating_opens_nothing() {
    let mut w = World::new();
    let case = accepted(&mut w, "000102003000");
    let done = w
        .run(
            &case,
            CaseCommand::Complete {
                decision: Decision::Granted,
            },
            "2026-03-06 10:00",
        )
        .expect("completed")
        .case;
    w.actor = applicant();
    let rated = w
        .run(&done, rate(Rating::Basic), "2026-03-06 10:02")
        .expect("rated")
        .case;
    assert_eq!(rated.rectification, None);
}

#[test]
fn an_extension_needs_the_chief_representative_and_moves_the_due_dates() {
    let mut w = World::new();
    let case = accepted(&mut w, "000102003000");
    let before = case
        .deadlines(&w.calendar, case.received_at.date())
        .expect("running");
    let ask = |days: u32| CaseCommand::RequestApproval {
        subject: ApprovalSubject::Extension {
            days,
            reason: "需现场核查".into(),
        },
        note: String::new(),
    };
    let max = max_extension_days(case.item.statutory_days);
    assert_eq!(
        w.run(&case, ask(max + 1), "2026-03-03 09:00"),
        Err(CaseError::ExtensionDays(max))
    );
    let asked = w
        .run(&case, ask(5), "2026-03-03 09:00")
        .expect("asked")
        .case;
    assert_eq!(asked.state, CaseState::AwaitingApproval);
    assert_eq!(
        w.run(&asked, ask(3), "2026-03-03 09:01"),
        Err(CaseError::ApprovalPending)
    );
    w.actor = chief_rep();
    let approved = w
        .run(
            &asked,
            CaseCommand::Approve {
                seal: "审批专用章（一）".into(),
                opinion: None,
            },
            "2026-03-03 10:00",
        )
        .expect("approved")
        .case;
    let after = approved
        .deadlines(&w.calendar, approved.received_at.date())
        .expect("running");
    assert_eq!(
        after.promised,
        w.calendar.add_working_days(before.promised, 5).date
    );
    w.actor = clerk();
    assert_eq!(
        w.run(&approved, ask(2), "2026-03-04 09:00"),
        Err(CaseError::ExtensionAlreadyGranted)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whoever acts, in any order, with handovers and returns in between: while a case is
    /// handed over nothing is ever written by its owner except the return, everything B
    /// writes says "for A", and each handover or return moves the owner epoch by one.
    #[test]
    fn handover_fencing_holds_for_any_interleaving_of_owner_and_backup(
        steps in proptest::collection::vec((0u8..3, 0u8..6), 1..30),
    ) {
        let mut w = World::new();
        let mut case = accepted(&mut w, "000102003000");
        let mut minute = 0;
        for (who, what) in steps {
            minute += 1;
            w.actor = match who { 0 => clerk(), 1 => backup(), _ => chief_rep() };
            let cmd = match what {
                0 => hand_over(),
                1 => CaseCommand::TakeBack,
                2 => CaseCommand::Suspend {
                    procedure: "现场核查".into(),
                    reason: "核查".into(),
                    legal_basis: "第四十五条".into(),
                },
                3 => CaseCommand::Resume,
                4 => CaseCommand::Complete { decision: Decision::Granted },
                _ => CaseCommand::IssueResult {
                    delivery: ResultDelivery::Counter { collected_by: "张三".into() },
                },
            };
            let stamp = format!("2026-03-03 {:02}:{:02}", 9 + minute / 60, minute % 60);
            let before = case.clone();
            match w.run(&before, &cmd, &stamp) {
                Ok(e) => {
                    let held = before.holder.clone();
                    if let Some(h) = &held {
                        if w.actor.user_id == before.owner {
                            prop_assert!(matches!(cmd, CaseCommand::TakeBack), "the owner wrote under a handover");
                        }
                        if w.actor.user_id == h.user_id {
                            for ev in &e.events {
                                prop_assert_eq!(ev.on_behalf_of.as_deref(), Some("李娜"));
                            }
                        }
                    }
                    let moved = matches!(cmd, CaseCommand::HandOver { .. } | CaseCommand::TakeBack);
                    prop_assert_eq!(e.case.owner_epoch, before.owner_epoch + u32::from(moved && !e.events.is_empty()));
                    case = e.case;
                }
                Err(err) => {
                    if before.holder.is_some()
                        && w.actor.user_id == before.owner
                        && !matches!(cmd, CaseCommand::TakeBack)
                    {
                        prop_assert_eq!(err, CaseError::HandedOver("王芳".into()));
                    }
                }
            }
        }
    }
}
