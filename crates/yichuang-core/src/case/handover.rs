//! The A/B post handover on one case (AB岗, DOMAIN.md rule 5): the owner A hands the case to
//! the window's backup B and takes it back; meanwhile B's actions say "B on behalf of A" and
//! A's own writes are fenced (refused, never merged). Each handover bumps the owner epoch.
//! The window-wide handover (who is responsible for the window, the sheet, both passwords)
//! is the application's; this is the per-case rule both the window and the county run.

use super::aggregate::{Case, CaseEvent, Ctx, EventKind};
use super::error::CaseError;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The backup clerk working a case for its owner while a handover lasts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Holder {
    pub user_id: String,
    pub name: String,
    /// The owner (A).
    pub for_id: String,
    pub for_name: String,
    /// The window-wide handover this is part of (its sheet).
    pub handover_id: String,
    pub since: NaiveDateTime,
}

/// A's writes are refused while the case is handed over: only the return is A's to make.
/// This is the owner-epoch fence; the county runs it too, so an offline A elsewhere cannot
/// slip a write in after the handover synced.
pub(super) fn fence(case: &Case, ctx: &Ctx<'_>, is_take_back: bool) -> Result<(), CaseError> {
    match &case.holder {
        Some(h) if ctx.actor.user_id == case.owner && !is_take_back => {
            Err(CaseError::HandedOver(h.name.clone()))
        }
        _ => Ok(()),
    }
}

/// A hands the case to B.
pub(super) fn hand_over(
    next: &mut Case,
    handover_id: &str,
    to_id: &str,
    to_name: &str,
    reason: &str,
    ctx: &Ctx<'_>,
    events: &mut Vec<CaseEvent>,
) -> Result<(), CaseError> {
    if ctx.actor.user_id != next.owner {
        return Err(CaseError::NotOwner);
    }
    if let Some(h) = &next.holder {
        return Err(CaseError::HandedOver(h.name.clone()));
    }
    let to_id = to_id.trim();
    let to_name = to_name.trim();
    if to_id.is_empty() || to_name.is_empty() || to_id == ctx.actor.user_id {
        return Err(CaseError::BackupRequired);
    }
    if !next.needs_work() {
        return Err(CaseError::NothingToHandOver);
    }
    let reason = reason.trim();
    let note = if reason.is_empty() {
        format!("交接给 {to_name}")
    } else {
        format!("交接给 {to_name}（{reason}）")
    };
    next.remark(EventKind::HandedOver, Some(note), ctx, events);
    next.holder = Some(Holder {
        user_id: to_id.to_string(),
        name: to_name.to_string(),
        for_id: ctx.actor.user_id.clone(),
        for_name: ctx.actor.name.clone(),
        handover_id: handover_id.to_string(),
        since: ctx.now,
    });
    next.owner_epoch += 1;
    Ok(())
}

/// A takes the case back (the handover back, with both present).
pub(super) fn take_back(
    next: &mut Case,
    ctx: &Ctx<'_>,
    events: &mut Vec<CaseEvent>,
) -> Result<(), CaseError> {
    if ctx.actor.user_id != next.owner {
        return Err(CaseError::NotOwner);
    }
    let holder = next.holder.take().ok_or(CaseError::NotHandedOver)?;
    next.remark(
        EventKind::HandedBack,
        Some(format!("由 {} 交回", holder.name)),
        ctx,
        events,
    );
    next.owner_epoch += 1;
    Ok(())
}
