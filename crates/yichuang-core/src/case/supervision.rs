//! 电子监察 appeals (DOMAIN.md rule 3): a clerk appeals a card raised on a case, with a
//! reason; a supervisor of the center upholds or cancels it, with a note. Both are case
//! commands, so they are audited, synced and replayed at the county like any other. Whether
//! the card was really raised is the callers' check (cards are stored beside cases, not in
//! them); which card a case earns is `clock.rs` and `evaluation.rs`.

use super::aggregate::{Case, CaseEvent, Ctx, EventKind, Role};
use super::error::CaseError;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The four cards a case can earn: its deadlines' (yellow, red) and a bad rating's late
/// rectification task's (the follow-up call, the rectification).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardLevel {
    Yellow,
    Red,
    FollowUpLate,
    RectifyLate,
}

impl CardLevel {
    pub const ALL: [CardLevel; 4] = [
        CardLevel::Yellow,
        CardLevel::Red,
        CardLevel::FollowUpLate,
        CardLevel::RectifyLate,
    ];

    /// As stored in `case_card.level`.
    pub fn as_str(self) -> &'static str {
        match self {
            CardLevel::Yellow => "yellow",
            CardLevel::Red => "red",
            CardLevel::FollowUpLate => "follow_up_late",
            CardLevel::RectifyLate => "rectify_late",
        }
    }

    pub fn parse(s: &str) -> Option<CardLevel> {
        CardLevel::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            CardLevel::Yellow => "黄牌",
            CardLevel::Red => "红牌",
            CardLevel::FollowUpLate => "差评回访逾期",
            CardLevel::RectifyLate => "差评整改逾期",
        }
    }

    /// Red-weight cards: the statutory limit passed, or the rectification is late.
    pub fn is_red(self) -> bool {
        matches!(self, CardLevel::Red | CardLevel::RectifyLate)
    }
}

/// A clerk's appeal of one card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CardAppeal {
    pub card: CardLevel,
    pub reason: String,
    pub by_id: String,
    pub by: String,
    pub at: NaiveDateTime,
    pub ruling: Option<AppealRuling>,
}

/// The supervisor's ruling on an appeal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppealRuling {
    /// `true`: the card stands; `false`: it is cancelled and leaves the ledger's counts.
    pub upheld: bool,
    pub note: String,
    pub by_id: String,
    pub by: String,
    pub at: NaiveDateTime,
}

/// Where a card stands after its appeal, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardStatus {
    /// Raised, not appealed.
    Standing,
    /// Appealed, waiting for the supervisor.
    Appealed,
    Upheld,
    Cancelled,
}

impl CardStatus {
    pub fn label_zh(self) -> &'static str {
        match self {
            CardStatus::Standing => "未申诉",
            CardStatus::Appealed => "申诉待裁定",
            CardStatus::Upheld => "已维持",
            CardStatus::Cancelled => "已撤销",
        }
    }
}

impl Case {
    /// The appeal of `card`, if one was made.
    pub fn appeal_of(&self, card: CardLevel) -> Option<&CardAppeal> {
        self.appeals.iter().find(|a| a.card == card)
    }

    pub fn card_status(&self, card: CardLevel) -> CardStatus {
        match self.appeal_of(card).map(|a| a.ruling.as_ref()) {
            None => CardStatus::Standing,
            Some(None) => CardStatus::Appealed,
            Some(Some(r)) if r.upheld => CardStatus::Upheld,
            Some(Some(_)) => CardStatus::Cancelled,
        }
    }
}

/// The clerk appeals: once per card, with a reason, by someone who works cases.
pub(super) fn appeal(
    next: &mut Case,
    card: CardLevel,
    reason: &str,
    ctx: &Ctx<'_>,
    events: &mut Vec<CaseEvent>,
) -> Result<(), CaseError> {
    if !ctx.actor.role.works_cases() {
        return Err(CaseError::StaffOnly);
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(CaseError::ReasonRequired);
    }
    if next.appeal_of(card).is_some() {
        return Err(CaseError::AlreadyAppealed(card.label_zh().to_string()));
    }
    next.appeals.push(CardAppeal {
        card,
        reason: reason.to_string(),
        by_id: ctx.actor.user_id.clone(),
        by: ctx.actor.name.clone(),
        at: ctx.now,
        ruling: None,
    });
    next.remark(
        EventKind::CardAppealed,
        Some(format!("申诉{}：{reason}", card.label_zh())),
        ctx,
        events,
    );
    Ok(())
}

/// The supervisor rules on a waiting appeal: upholds the card or cancels it, with a note.
pub(super) fn rule(
    next: &mut Case,
    card: CardLevel,
    uphold: bool,
    note: &str,
    ctx: &Ctx<'_>,
    events: &mut Vec<CaseEvent>,
) -> Result<(), CaseError> {
    if ctx.actor.role != Role::Supervisor {
        return Err(CaseError::SupervisorOnly);
    }
    let note = note.trim();
    if note.is_empty() {
        return Err(CaseError::ReasonRequired);
    }
    // Whoever answers for the case, or made the appeal, never rules on it.
    let involved = |id: &str| {
        id == next.owner
            || next.holder.as_ref().is_some_and(|h| h.user_id == id)
            || next.appeals.iter().any(|a| a.card == card && a.by_id == id)
    };
    if involved(&ctx.actor.user_id) {
        return Err(CaseError::OwnAppeal);
    }
    let appeal = next
        .appeals
        .iter_mut()
        .find(|a| a.card == card && a.ruling.is_none())
        .ok_or_else(|| CaseError::NoPendingAppeal(card.label_zh().to_string()))?;
    appeal.ruling = Some(AppealRuling {
        upheld: uphold,
        note: note.to_string(),
        by_id: ctx.actor.user_id.clone(),
        by: ctx.actor.name.clone(),
        at: ctx.now,
    });
    let verdict = if uphold { "维持" } else { "撤销" };
    next.remark(
        EventKind::AppealRuled,
        Some(format!("监察裁定：{verdict}{}（{note}）", card.label_zh())),
        ctx,
        events,
    );
    Ok(())
}
