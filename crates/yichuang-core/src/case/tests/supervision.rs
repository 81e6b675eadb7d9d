//! 电子监察 appeals on a case: the clerk appeals a card once with a reason, and only a
//! supervisor rules on it, upholding or cancelling it with a note.

use super::*;

fn supervisor() -> Actor {
    Actor {
        user_id: "u-zhao".into(),
        name: "赵督查".into(),
        role: Role::Supervisor,
    }
}

fn appeal(card: CardLevel, reason: &str) -> CaseCommand {
    CaseCommand::AppealCard {
        card,
        reason: reason.into(),
    }
}

fn ruling(card: CardLevel, uphold: bool, note: &str) -> CaseCommand {
    CaseCommand::RuleAppeal {
        card,
        uphold,
        note: note.into(),
    }
}

#[test]
fn a_clerk_appeals_a_card_with_a_reason_and_the_timeline_says_so() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 09:00");
    assert_eq!(
        w.run(&case, appeal(CardLevel::Yellow, "  "), "2026-03-02 10:00")
            .unwrap_err(),
        CaseError::ReasonRequired
    );
    let done = w
        .run(
            &case,
            appeal(CardLevel::Yellow, "全楼停电"),
            "2026-03-02 10:00",
        )
        .expect("appealed");
    assert_eq!(
        done.case.card_status(CardLevel::Yellow),
        CardStatus::Appealed
    );
    assert_eq!(done.case.card_status(CardLevel::Red), CardStatus::Standing);
    assert_eq!(
        done.case.state, case.state,
        "an appeal leaves the state alone"
    );
    let line = done.events.last().expect("a timeline line");
    assert_eq!(line.what, EventKind::CardAppealed);
    assert_eq!(line.note.as_deref(), Some("申诉黄牌：全楼停电"));
    assert_eq!(line.actor, "李娜");
}

#[test]
fn a_card_is_appealed_once_even_after_the_ruling() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 09:00");
    let case = w
        .run(
            &case,
            appeal(CardLevel::Red, "系统故障"),
            "2026-03-02 10:00",
        )
        .unwrap()
        .case;
    assert!(matches!(
        w.run(
            &case,
            appeal(CardLevel::Red, "再次申诉"),
            "2026-03-02 10:05"
        ),
        Err(CaseError::AlreadyAppealed(_))
    ));
    w.actor = supervisor();
    let case = w
        .run(
            &case,
            ruling(CardLevel::Red, true, "理由不成立"),
            "2026-03-03 09:00",
        )
        .unwrap()
        .case;
    w.actor = clerk();
    assert!(matches!(
        w.run(
            &case,
            appeal(CardLevel::Red, "再次申诉"),
            "2026-03-03 10:00"
        ),
        Err(CaseError::AlreadyAppealed(_))
    ));
}

#[test]
fn only_a_supervisor_rules_and_only_on_a_waiting_appeal() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 09:00");
    w.actor = supervisor();
    assert!(matches!(
        w.run(
            &case,
            ruling(CardLevel::Yellow, false, "属实"),
            "2026-03-02 09:30"
        ),
        Err(CaseError::NoPendingAppeal(_))
    ));
    w.actor = clerk();
    let case = w
        .run(
            &case,
            appeal(CardLevel::Yellow, "申请人要求延后"),
            "2026-03-02 10:00",
        )
        .unwrap()
        .case;
    assert_eq!(
        w.run(
            &case,
            ruling(CardLevel::Yellow, false, "自己撤销"),
            "2026-03-02 10:01"
        )
        .unwrap_err(),
        CaseError::SupervisorOnly,
        "the clerk cannot cancel their own card"
    );
    w.actor = chief_rep();
    assert_eq!(
        w.run(
            &case,
            ruling(CardLevel::Yellow, false, "撤销"),
            "2026-03-02 10:02"
        )
        .unwrap_err(),
        CaseError::SupervisorOnly
    );
    w.actor = supervisor();
    assert_eq!(
        w.run(
            &case,
            ruling(CardLevel::Yellow, false, " "),
            "2026-03-02 10:03"
        )
        .unwrap_err(),
        CaseError::ReasonRequired
    );
    let done = w
        .run(
            &case,
            ruling(CardLevel::Yellow, false, "停电属实"),
            "2026-03-03 09:00",
        )
        .expect("ruled");
    assert_eq!(
        done.case.card_status(CardLevel::Yellow),
        CardStatus::Cancelled
    );
    let ruled = done.case.appeal_of(CardLevel::Yellow).unwrap();
    assert_eq!(ruled.ruling.as_ref().unwrap().by, "赵督查");
    assert_eq!(
        done.events.last().unwrap().note.as_deref(),
        Some("监察裁定：撤销黄牌（停电属实）")
    );
    assert!(matches!(
        w.run(
            &done.case,
            ruling(CardLevel::Yellow, true, "改判"),
            "2026-03-03 10:00"
        ),
        Err(CaseError::NoPendingAppeal(_)),
    ));
}

#[test]
fn a_supervisor_does_nothing_else_to_a_case_and_the_applicant_cannot_appeal() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 09:00");
    w.actor = supervisor();
    assert_eq!(
        w.run(
            &case,
            appeal(CardLevel::Yellow, "代为申诉"),
            "2026-03-02 10:00"
        )
        .unwrap_err(),
        CaseError::StaffOnly
    );
    w.actor = Actor {
        user_id: "applicant".into(),
        name: "申请人".into(),
        role: Role::Applicant,
    };
    assert_eq!(
        w.run(
            &case,
            appeal(CardLevel::Yellow, "我要申诉"),
            "2026-03-02 10:00"
        )
        .unwrap_err(),
        CaseError::StaffOnly
    );
}

#[test]
fn a_case_without_appeals_keeps_its_stored_form_and_fingerprint() {
    let w = World::new();
    let case = w.open("000102002000", "2026-03-02 09:00");
    let json = serde_json::to_string(&case).unwrap();
    assert!(!json.contains("appeals"), "{json}");
    let back: Case = serde_json::from_str(&json).unwrap();
    assert_eq!(back.fingerprint(), case.fingerprint());
    assert!(back.appeals.is_empty());
}

#[test]
fn no_one_rules_on_an_appeal_of_a_case_they_answer_for() {
    let mut w = World::new();
    let case = w.open("000102002000", "2026-03-02 09:00");
    let case = w
        .run(&case, appeal(CardLevel::Yellow, "停电"), "2026-03-02 10:00")
        .unwrap()
        .case;
    // The owner's own id, even under a supervisor's role, cannot rule.
    w.actor = Actor {
        user_id: case.owner.clone(),
        name: "李娜".into(),
        role: Role::Supervisor,
    };
    assert_eq!(
        w.run(
            &case,
            ruling(CardLevel::Yellow, false, "撤销"),
            "2026-03-02 11:00"
        )
        .unwrap_err(),
        CaseError::OwnAppeal
    );
}
