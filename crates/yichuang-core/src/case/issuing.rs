//! What a notice says and how it is issued: where the clock starts at acceptance, the
//! acceptance and completion notices' content, and issuing a notice (its reference on the
//! case, its timeline line, the notice to store). The commands that call these are in
//! `command.rs`.

use super::aggregate::{Case, Ctx, Decision, EventKind};
use super::clock::{CaseClock, StartEvent};
use super::notice::{IssuedNotice, NoticeContent, NoticeKind, NoticeRef};
use crate::catalog::ItemKind;

/// Where the clock starts (DOMAIN.md rule 1): on receipt when no notice was issued within the
/// notice window, from the day the materials were complete after a correction, else today.
pub(super) fn start_clock(case: &mut Case, ctx: &Ctx<'_>) {
    let received = case.received_at.date();
    let had_correction = case
        .notices
        .iter()
        .any(|n| n.kind == NoticeKind::Correction);
    let (start_event, start) =
        if let (true, Some(done)) = (had_correction, case.materials_completed_on) {
            (StartEvent::MaterialsCompleted, done)
        } else if ctx.today() > case.notice_deadline(ctx.calendar) {
            (StartEvent::DeemedAcceptedOnReceipt, received)
        } else if ctx.today() == received {
            (StartEvent::AcceptedOnReceipt, received)
        } else {
            (StartEvent::Accepted, ctx.today())
        };
    let immediate = case.item.kind == ItemKind::Immediate;
    // A 即办件 is due the day it was received, or the next working day if it came in after
    // closing time or on a day off (DOMAIN.md rule 2; the same rule as the due-date preview).
    let start = if immediate {
        let received_at = case.received_at;
        let late = received_at.time() >= ctx.closing || !ctx.calendar.is_workday(received);
        let base = if late {
            ctx.calendar.add_working_days(received, 1).date
        } else {
            received
        };
        base.max(start_for_immediate(start, ctx))
    } else {
        start
    };
    case.clock = Some(CaseClock {
        start_event,
        start,
        promised_days: case.item.promised_days,
        statutory_days: case.item.statutory_days,
        extension_days: 0,
        immediate,
    });
}

/// A 即办件 accepted on a later day than receipt is due that day at the earliest.
fn start_for_immediate(start: chrono::NaiveDate, ctx: &Ctx<'_>) -> chrono::NaiveDate {
    if ctx.calendar.is_workday(start) {
        start
    } else {
        ctx.calendar.add_working_days(start, 1).date
    }
}

pub(super) fn acceptance_content(case: &Case, ctx: &Ctx<'_>) -> NoticeContent {
    let clock = case
        .clock
        .as_ref()
        .expect("the clock started before the notice");
    let dl = clock.deadlines(ctx.calendar, &case.pauses, ctx.today());
    NoticeContent::Acceptance {
        start_event: clock.start_event,
        start: clock.start,
        due_date: dl.promised,
        working_days: if clock.immediate {
            0
        } else {
            clock.promised_days
        },
        statutory_due: dl.statutory,
        provisional: dl.provisional,
        calendar_version: dl.calendar_version,
        legal_basis: case.item.legal_basis.clone(),
    }
}

/// What the completion notice says: the decision, the day, and the approval it rests on.
pub(super) fn completion_content(case: &Case, ctx: &Ctx<'_>) -> NoticeContent {
    NoticeContent::Completion {
        decision: case.decision.clone().unwrap_or(Decision::Granted),
        completed_on: case.closed_at.map_or(ctx.now.date(), |t| t.date()),
        legal_basis: case.item.legal_basis.clone(),
        approval: case
            .approvals
            .last()
            .filter(|a| a.approved && case.item.requires_chief_approval)
            .cloned(),
    }
}

pub(super) fn issue(
    case: &mut Case,
    number: &str,
    content: NoticeContent,
    requested: Vec<String>,
    ctx: &Ctx<'_>,
    events: &mut Vec<super::aggregate::CaseEvent>,
    notices: &mut Vec<IssuedNotice>,
) {
    let notice = IssuedNotice {
        number: number.to_string(),
        case_id: case.id.clone(),
        case_no: case.case_no.clone(),
        issued_at: ctx.now,
        issued_by: ctx.actor.name.clone(),
        on_behalf_of: case.acting_for(ctx.actor),
        workstation: ctx.workstation.to_string(),
        applicant_name: case.applicant.name().to_string(),
        applicant_id_masked: case.applicant.masked_id(),
        item_code: case.item.code.clone(),
        item_name: case.item.name.clone(),
        center_name: case.office.center_name.clone(),
        department_name: case.office.department_name.clone(),
        window_name: case.office.window_name.clone(),
        content,
    };
    let kind = notice.content.kind();
    case.notices.push(NoticeRef {
        number: number.to_string(),
        kind,
        issued_at: ctx.now,
        sha256: notice.sha256(),
        requested,
        voided: None,
    });
    case.remark(
        EventKind::NoticeIssued,
        Some(number.to_string()),
        ctx,
        events,
    );
    notices.push(notice);
}
