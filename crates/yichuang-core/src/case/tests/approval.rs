//! The chief representative's approval, completion and the on-the-spot rule for flagged
//! items, on the same test world as the rest of the case rules.

use super::*;

/// A food licence (approval required) accepted on 2026-03-02.
fn accepted_food_licence(w: &mut World) -> Case {
    let case = w.open("000102002000", "2026-03-02 09:00");
    let case = w
        .run(&case, mark(&case, &[]), "2026-03-02 09:05")
        .expect("ticked")
        .case;
    w.run(&case, CaseCommand::Accept, "2026-03-02 09:10")
        .expect("accepted")
        .case
}

fn grant() -> ApprovalSubject {
    ApprovalSubject::Decision {
        decision: Decision::Granted,
    }
}

fn approve(seal: &str) -> CaseCommand {
    CaseCommand::Approve {
        seal: seal.into(),
        opinion: None,
    }
}

#[test]
fn only_the_chief_representative_approves_and_the_approval_names_the_seal() {
    let mut w = World::new();
    let case = accepted_food_licence(&mut w);
    let case = w
        .run(
            &case,
            CaseCommand::RequestApproval {
                subject: grant(),
                note: "现场核查已完成".into(),
            },
            "2026-03-03 10:00",
        )
        .expect("requested")
        .case;
    assert_eq!(case.state, CaseState::AwaitingApproval);

    let refused = w
        .run(&case, approve("审批专用章（一）"), "2026-03-03 10:05")
        .expect_err("a clerk cannot approve");
    assert_eq!(refused, CaseError::ChiefRepOnly);

    w.actor = chief_rep();
    assert_eq!(
        w.run(&case, approve("  "), "2026-03-03 10:06"),
        Err(CaseError::SealRequired)
    );
    let e = w
        .run(&case, approve("审批专用章（一）"), "2026-03-03 10:07")
        .expect("approved");
    assert_eq!(e.case.state, CaseState::Processing);
    let a = e.case.approvals.last().expect("recorded");
    assert!(a.approved);
    assert_eq!(a.by, "周敏");
    assert_eq!(a.seal.as_deref(), Some("审批专用章（一）"));
    assert_eq!(e.events.last().map(|ev| ev.actor.as_str()), Some("周敏"));
}

#[test]
fn a_case_that_needs_approval_is_completed_only_after_the_last_decision_approved_it() {
    let mut w = World::new();
    let case = accepted_food_licence(&mut w);
    let granted = CaseCommand::Complete {
        decision: Decision::Granted,
    };
    assert_eq!(
        w.run(&case, &granted, "2026-03-03 09:00")
            .expect_err("no approval yet"),
        CaseError::ApprovalRequired
    );
    let case = w
        .run(
            &case,
            CaseCommand::RequestApproval {
                subject: grant(),
                note: String::new(),
            },
            "2026-03-03 10:00",
        )
        .expect("requested")
        .case;
    w.actor = chief_rep();
    assert_eq!(
        w.run(
            &case,
            CaseCommand::ReturnWithOpinion {
                opinion: String::new()
            },
            "2026-03-03 10:05"
        ),
        Err(CaseError::OpinionRequired)
    );
    let case = w
        .run(
            &case,
            CaseCommand::ReturnWithOpinion {
                opinion: "经营场所平面图与现场不符，请核实".into(),
            },
            "2026-03-03 10:06",
        )
        .expect("returned")
        .case;
    assert_eq!(case.state, CaseState::Processing);
    w.actor = clerk();
    assert_eq!(
        w.run(&case, &granted, "2026-03-03 11:00")
            .expect_err("returned, not approved"),
        CaseError::ApprovalRequired
    );
    let case = w
        .run(
            &case,
            CaseCommand::RequestApproval {
                subject: grant(),
                note: "已核实".into(),
            },
            "2026-03-04 10:00",
        )
        .expect("asked again")
        .case;
    w.actor = chief_rep();
    let case = w
        .run(&case, approve("审批专用章（一）"), "2026-03-04 10:30")
        .expect("approved")
        .case;
    w.actor = clerk();
    let done = w
        .run(&case, &granted, "2026-03-04 11:00")
        .expect("completed")
        .case;
    assert_eq!(done.state, CaseState::Completed);
    assert_eq!(done.closed_at, Some(at("2026-03-04 11:00")));
    assert_eq!(done.approvals.len(), 2, "both decisions stay on record");
}

#[test]
fn an_item_without_the_approval_flag_is_completed_directly_and_a_denial_needs_its_reason() {
    let mut w = World::new();
    let case = w.open("000102003000", "2026-03-02 09:00");
    let case = w
        .run(&case, mark(&case, &[]), "2026-03-02 09:05")
        .expect("ticked")
        .case;
    let case = w
        .run(&case, CaseCommand::Accept, "2026-03-02 09:10")
        .expect("accepted")
        .case;
    assert_eq!(
        w.run(
            &case,
            CaseCommand::RequestApproval {
                subject: grant(),
                note: String::new()
            },
            "2026-03-02 10:00"
        ),
        Err(CaseError::ApprovalNotRequired)
    );
    let denied = |reason: &str| CaseCommand::Complete {
        decision: Decision::Denied {
            reason: reason.into(),
            legal_basis: "《食品经营许可管理办法》第十九条".into(),
        },
    };
    assert_eq!(
        w.run(&case, denied(" "), "2026-03-03 09:00"),
        Err(CaseError::ReasonRequired)
    );
    let done = w
        .run(&case, denied("经营场所不符合要求"), "2026-03-03 09:00")
        .expect("completed with a denial")
        .case;
    assert_eq!(done.state, CaseState::Completed);
    assert_eq!(done.closing_reason.as_deref(), Some("经营场所不符合要求"));
}

#[test]
fn an_immediate_item_flagged_for_approval_is_never_completed_on_the_spot() {
    let mut w = World::new();
    let mut case = w.open("000102001000", "2026-03-02 09:00");
    // A county catalog may flag a 即办件 for approval: it then goes through the chief
    // representative like any other item.
    case.item.requires_chief_approval = true;
    let case = w
        .run(&case, mark(&case, &[]), "2026-03-02 09:01")
        .expect("ticked")
        .case;
    assert_eq!(
        w.run(&case, CaseCommand::CompleteOnTheSpot, "2026-03-02 09:02"),
        Err(CaseError::ApprovalRequired)
    );
}

#[test]
fn the_approval_binds_the_decision_and_a_later_special_procedure_cancels_it() {
    let mut w = World::new();
    let case = accepted_food_licence(&mut w);
    let case = w
        .run(
            &case,
            CaseCommand::RequestApproval {
                subject: grant(),
                note: String::new(),
            },
            "2026-03-03 10:00",
        )
        .expect("requested")
        .case;
    w.actor = chief_rep();
    let case = w
        .run(&case, approve("审批专用章（一）"), "2026-03-03 10:30")
        .expect("approved")
        .case;
    w.actor = clerk();
    let denied = CaseCommand::Complete {
        decision: Decision::Denied {
            reason: "场所不符".into(),
            legal_basis: "第十九条".into(),
        },
    };
    assert_eq!(
        w.run(&case, &denied, "2026-03-03 11:00"),
        Err(CaseError::ApprovalMismatch),
        "a grant was approved, not a denial"
    );
    let suspended = w
        .run(
            &case,
            CaseCommand::Suspend {
                procedure: "现场核查".into(),
                reason: "群众举报场所变更".into(),
                legal_basis: "《行政许可法》第四十五条".into(),
            },
            "2026-03-03 11:00",
        )
        .expect("suspended")
        .case;
    assert!(suspended.approvals.last().unwrap().cancelled.is_some());
    let resumed = w
        .run(&suspended, CaseCommand::Resume, "2026-03-05 09:00")
        .expect("resumed")
        .case;
    assert_eq!(
        w.run(
            &resumed,
            CaseCommand::Complete {
                decision: Decision::Granted
            },
            "2026-03-05 10:00"
        ),
        Err(CaseError::ApprovalRequired),
        "the facts may have changed: approve again"
    );
}

#[test]
fn a_withdrawn_case_leaves_nothing_waiting_for_the_chief_representative() {
    let mut w = World::new();
    let case = accepted_food_licence(&mut w);
    let asked = w
        .run(
            &case,
            CaseCommand::RequestApproval {
                subject: grant(),
                note: String::new(),
            },
            "2026-03-03 10:00",
        )
        .expect("requested")
        .case;
    let gone = w
        .run(
            &asked,
            CaseCommand::Withdraw {
                reason: "申请人撤回申请".into(),
            },
            "2026-03-03 11:00",
        )
        .expect("withdrawn")
        .case;
    assert_eq!(gone.pending_approval, None);
}

#[test]
fn a_case_stored_before_approvals_had_subjects_still_reads_and_can_be_decided() {
    let mut w = World::new();
    let case = accepted_food_licence(&mut w);
    let asked = w
        .run(
            &case,
            CaseCommand::RequestApproval {
                subject: grant(),
                note: String::new(),
            },
            "2026-03-03 10:00",
        )
        .expect("requested")
        .case;
    // As an earlier version stored it: waiting, with no recorded request, and an old
    // returned approval without a subject.
    let mut doc = serde_json::to_value(&asked).expect("json");
    doc.as_object_mut()
        .expect("object")
        .remove("pending_approval");
    doc["approvals"] = serde_json::json!([{
        "approved": false, "by_id": "u-zhou", "by": "周敏", "at": "2026-03-02T15:00:00",
        "seal": null, "opinion": "请补充现场照片"
    }]);
    let old: Case = serde_json::from_value(doc).expect("an old case still reads");
    assert_eq!(old.approvals[0].subject, grant());
    w.actor = chief_rep();
    let decided = w
        .run(&old, approve("审批专用章（一）"), "2026-03-03 10:30")
        .expect("the waiting case can still be approved");
    assert_eq!(decided.case.state, CaseState::Processing);
}
