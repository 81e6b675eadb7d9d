//! Charging a case's fee and voiding it (收费, DOMAIN.md rule 6), on top of the fee arithmetic
//! in `fee.rs`: when in a case's life a fee may be charged, one valid charge at a time, and
//! the timeline lines. The daily cash report is `fee::cash_report` over the stored charges.

use super::aggregate::{Case, CaseEvent, Ctx, EventKind};
use super::error::CaseError;
use super::fee::{self, FeeAdjustment, FeeInput};
use super::state::CaseState;

/// Charges the item's fee: after acceptance (the clock runs), before the result is issued.
pub(super) fn charge(
    next: &mut Case,
    input: &FeeInput,
    ctx: &Ctx<'_>,
    events: &mut Vec<CaseEvent>,
) -> Result<(), CaseError> {
    let open = next.clock.is_some()
        && !matches!(next.state, CaseState::Rejected | CaseState::Withdrawn)
        && next.result.is_none();
    if !open {
        return Err(CaseError::FeeNotNow);
    }
    if next.fees.iter().any(|c| c.voided.is_none()) {
        return Err(CaseError::FeeAlreadyCharged);
    }
    let seq = next.fees.len() as u32 + 1;
    let charge = fee::charge(
        next.item.fee.as_ref(),
        input,
        seq,
        ctx.now,
        &ctx.actor.user_id,
        &ctx.actor.name,
    )
    .map_err(CaseError::Fee)?;
    let yuan = |c: u32| format!("{}.{:02} 元", c / 100, c % 100);
    let note = match (&charge.adjustment, &charge.receipt_no) {
        (FeeAdjustment::Exempt { reason }, _) => format!("免收（{reason}）"),
        (FeeAdjustment::Reduced { reason, .. }, r) => format!(
            "减收 {}（{reason}），票据号 {}",
            yuan(charge.charged_cents),
            r.clone().unwrap_or_default()
        ),
        (FeeAdjustment::Standard, r) => format!(
            "收费 {}，票据号 {}",
            yuan(charge.charged_cents),
            r.clone().unwrap_or_default()
        ),
    };
    next.fees.push(charge);
    next.remark(EventKind::FeeCharged, Some(note), ctx, events);
    Ok(())
}

/// Voids (refunds) charge `seq` with a reason; the charge stays on record.
pub(super) fn void(
    next: &mut Case,
    seq: u32,
    reason: &str,
    ctx: &Ctx<'_>,
    events: &mut Vec<CaseEvent>,
) -> Result<(), CaseError> {
    let by = ctx.actor.name.clone();
    let charge = next
        .fees
        .iter_mut()
        .find(|c| c.seq == seq)
        .ok_or(CaseError::FeeNotFound(seq))?;
    fee::void(charge, reason, ctx.now, &by).map_err(CaseError::Fee)?;
    let note = format!(
        "作废收费（票据号 {}）：{}",
        charge.receipt_no.clone().unwrap_or_else(|| "—".into()),
        reason.trim()
    );
    next.remark(EventKind::FeeVoided, Some(note), ctx, events);
    Ok(())
}
