//! Which cases and events belong to a month and what they add up to. A case is on the
//! register when it was received or closed in the month; the summary counts what happened in
//! the month (received, accepted, refused, completed, notices, cards, fees, ratings), whatever
//! month the case itself came in.

use crate::model::*;
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;
use yichuang_core::case::{
    Action, ApprovalSubject, CardLevel, CardStatus, Case, CaseEvent, CaseState, EventKind,
    NoticeKind, PauseKind, REASON_CODES,
};
use yichuang_core::catalog::ItemKind;
use yichuang_core::WorkCalendar;

/// The ledger of `period` (a month, or a whole year) over `cases` (each with its timeline)
/// and the `cards` raised on them.
pub fn compute(
    period: impl Into<Period>,
    scope: &str,
    cases: &[(Case, Vec<CaseEvent>)],
    cards: &[CardRecord],
    calendar: &WorkCalendar,
    generated_at: NaiveDateTime,
) -> Ledger {
    let month: Period = period.into();
    let last_day = month.next_first_day().pred_opt().expect("a day before");
    let mut facts: Vec<Facts> = cases
        .iter()
        .map(|(c, events)| Facts::of(c, events, calendar, last_day))
        .collect();
    facts.sort_by(|a, b| {
        (a.case.received_at, &a.case.case_no).cmp(&(b.case.received_at, &b.case.case_no))
    });
    let by_id: BTreeMap<&str, &Facts> = facts.iter().map(|f| (f.case.id.as_str(), f)).collect();

    let register = facts
        .iter()
        .filter(|f| {
            month.contains(f.case.received_at.date())
                || f.case.closed_at.is_some_and(|t| month.contains(t.date()))
        })
        .map(|f| f.register_row())
        .collect();

    let mut groups: BTreeMap<(SummaryLevel, String), SummaryRow> = BTreeMap::new();
    let mut add = |f: &Facts, apply: &dyn Fn(&mut SummaryRow)| {
        for (level, key, name) in f.groups() {
            let row = groups
                .entry((level, key.clone()))
                .or_insert_with(|| SummaryRow {
                    level: Some(level),
                    key,
                    name,
                    ..SummaryRow::default()
                });
            apply(row);
        }
    };
    for f in &facts {
        let c = f.case;
        let within = |t: NaiveDateTime| month.contains(t.date());
        let received = within(c.received_at) as u32;
        let accepted = f.accepted.is_some_and(|d| month.contains(d)) as u32;
        let refused = (c.state == CaseState::Rejected && c.closed_at.is_some_and(within)) as u32;
        let completed_here = f.completed.filter(|t| within(*t));
        let completed = completed_here.is_some() as u32;
        let on_time = (completed == 1 && f.on_time == Some(true)) as u32;
        let immediate = c.item.kind == ItemKind::Immediate;
        let imm_done = (immediate && completed == 1) as u32;
        let on_the_spot = (imm_done == 1
            && completed_here.is_some_and(|t| t.date() == c.received_at.date()))
            as u32;
        let days_used = if completed == 1 {
            u64::from(f.days_used.unwrap_or(0))
        } else {
            0
        };
        let statutory = if completed == 1 {
            u64::from(c.item.statutory_days)
        } else {
            0
        };
        let notices = c
            .notices
            .iter()
            .filter(|n| n.kind == NoticeKind::Correction && within(n.issued_at))
            .count() as u32;
        let overrides = c
            .approvals
            .iter()
            .filter(|a| {
                a.approved
                    && within(a.at)
                    && matches!(a.subject, ApprovalSubject::NoticeOverride { .. })
            })
            .count() as u32;
        let fees: i64 = c
            .fees
            .iter()
            .map(|fee| {
                let charged = if within(fee.at) {
                    i64::from(fee.charged_cents)
                } else {
                    0
                };
                let voided = fee
                    .voided
                    .as_ref()
                    .filter(|v| within(v.at))
                    .map_or(0, |_| i64::from(fee.charged_cents));
                charged - voided
            })
            .sum();
        let rated: Vec<_> = c.evaluations.iter().filter(|e| within(e.at)).collect();
        let ratings = rated.len() as u32;
        let bad = rated.iter().filter(|e| e.rating.is_bad()).count() as u32;
        let satisfied = ratings - bad;
        // A task belongs to the first rating, which opened it.
        let rectified_on_time = (c
            .evaluations
            .first()
            .is_some_and(|e| e.rating.is_bad() && within(e.at))
            && c.rectification.as_ref().is_some_and(|r| {
                r.rectified
                    .as_ref()
                    .is_some_and(|s| s.at.date() <= r.rectify_due)
            })) as u32;
        add(f, &|r: &mut SummaryRow| {
            r.received += received;
            r.accepted += accepted;
            r.refused += refused;
            r.completed += completed;
            r.completed_on_time += on_time;
            r.immediate_completed += imm_done;
            r.immediate_on_the_spot += on_the_spot;
            r.days_used += days_used;
            r.statutory_days += statutory;
            r.correction_notices += notices;
            r.overrides += overrides;
            r.fees_cents += fees;
            r.ratings += ratings;
            r.satisfied += satisfied;
            r.bad_ratings += bad;
            r.bad_rectified_on_time += rectified_on_time;
        });
    }
    let mut card_rows = Vec::new();
    for card in cards.iter().filter(|c| month.contains(c.raised_on)) {
        let Some(f) = by_id.get(card.case_id.as_str()) else {
            continue;
        };
        let red = matches!(card.level.as_str(), "red" | "rectify_late");
        // A card the supervisor cancelled on appeal is listed, not counted.
        let cancelled = CardLevel::parse(&card.level)
            .is_some_and(|l| f.case.card_status(l) == CardStatus::Cancelled);
        if !cancelled {
            add(f, &|r: &mut SummaryRow| {
                if red {
                    r.red_cards += 1;
                } else {
                    r.yellow_cards += 1;
                }
            });
        }
        card_rows.push(f.card_row(card));
    }
    card_rows.sort_by(|a, b| (a.raised_on, &a.case_no).cmp(&(b.raised_on, &b.case_no)));

    let bad_ratings = facts
        .iter()
        .flat_map(|f| f.bad_rating_rows(month, generated_at.date()))
        .collect();

    Ledger {
        period: month,
        scope: scope.to_string(),
        generated_at,
        register,
        summary: groups.into_values().collect(),
        cards: card_rows,
        bad_ratings,
    }
}

/// What the ledger needs to know of one case, worked out once.
struct Facts<'a> {
    case: &'a Case,
    clerk: String,
    acted_for_owner_by: String,
    accepted: Option<NaiveDate>,
    completed: Option<NaiveDateTime>,
    due: Option<NaiveDate>,
    statutory_due: Option<NaiveDate>,
    paused_days: u32,
    days_used: Option<u32>,
    on_time: Option<bool>,
}

impl<'a> Facts<'a> {
    fn of(
        case: &'a Case,
        events: &[CaseEvent],
        calendar: &WorkCalendar,
        last_day: NaiveDate,
    ) -> Facts<'a> {
        let completed = case
            .closed_at
            .filter(|_| matches!(case.state, CaseState::Completed | CaseState::Evaluated));
        // Due dates as they stood at completion, or at the month's end for a case still open.
        let as_of = completed.map_or(last_day, |t| t.date());
        let deadlines = case.deadlines(calendar, as_of);
        let start = case.clock.as_ref().map(|c| c.start);
        let paused_days = deadlines.as_ref().map_or(0, |d| d.paused_days);
        let days_used = match (start, completed) {
            (Some(s), Some(done)) => Some(
                calendar
                    .working_days_between(s, done.date())
                    .saturating_sub(paused_days),
            ),
            _ => None,
        };
        let due = deadlines.as_ref().map(|d| d.promised);
        let mut helpers: Vec<String> = Vec::new();
        for e in events.iter().filter(|e| e.on_behalf_of.is_some()) {
            if !helpers.contains(&e.actor) {
                helpers.push(e.actor.clone());
            }
        }
        Facts {
            case,
            clerk: events.first().map(|e| e.actor.clone()).unwrap_or_default(),
            acted_for_owner_by: helpers.join("、"),
            accepted: events
                .iter()
                .find(|e| e.what == EventKind::Transition(Action::Accept))
                .map(|e| e.at.date())
                .or_else(|| case.clock.as_ref().map(|c| c.start)),
            completed,
            due,
            statutory_due: deadlines.as_ref().and_then(|d| d.statutory),
            paused_days,
            days_used,
            on_time: completed.zip(due).map(|(t, d)| t.date() <= d),
        }
    }

    /// The summary rows this case counts in: its department, window, item and the total.
    fn groups(&self) -> [(SummaryLevel, String, String); 4] {
        let c = self.case;
        [
            (
                SummaryLevel::Department,
                c.office.department_code.clone(),
                c.office.department_name.clone(),
            ),
            (
                SummaryLevel::Window,
                format!("{}/{}", c.office.department_code, c.office.window_code),
                format!("{} {}", c.office.department_name, c.office.window_name),
            ),
            (SummaryLevel::Item, c.item.code.clone(), c.item.name.clone()),
            (SummaryLevel::Total, String::new(), "合计".into()),
        ]
    }

    fn register_row(&self) -> RegisterRow {
        let c = self.case;
        RegisterRow {
            case_no: c.case_no.clone(),
            item_code: c.item.code.clone(),
            item_name: c.item.name.clone(),
            department: c.office.department_name.clone(),
            window: c.office.window_name.clone(),
            clerk: self.clerk.clone(),
            acted_for_owner_by: self.acted_for_owner_by.clone(),
            applicant_id_masked: c.applicant.masked_id(),
            applicant_name: c.applicant.name().to_string(),
            kind: match c.item.kind {
                ItemKind::Immediate => "即办件",
                ItemKind::Promised => "承诺件",
                ItemKind::Joint => "联办件",
            }
            .into(),
            state: c.state.label_zh().into(),
            received: c.received_at,
            accepted: self.accepted,
            due: self.due,
            statutory_due: self.statutory_due,
            completed: self.completed,
            on_time: self.on_time,
            days_used: self.days_used,
            statutory_days: c.item.statutory_days,
            promised_days: c.item.promised_days,
            paused_days: self.paused_days,
            pauses: c
                .pauses
                .iter()
                .filter(|p| p.kind == PauseKind::SpecialProcedure)
                .count() as u32,
            correction_notices: c
                .notices
                .iter()
                .filter(|n| n.kind == NoticeKind::Correction)
                .count() as u32,
            fees_cents: c
                .fees
                .iter()
                .filter(|f| f.voided.is_none())
                .map(|f| i64::from(f.charged_cents))
                .sum(),
            rating: c
                .evaluations
                .last()
                .map(|e| e.rating.label_zh().to_string())
                .unwrap_or_default(),
        }
    }

    fn card_row(&self, card: &CardRecord) -> CardRow {
        let c = self.case;
        let task = matches!(card.level.as_str(), "follow_up_late" | "rectify_late");
        let status = if task {
            if c.rectification
                .as_ref()
                .is_some_and(|r| r.rectified.is_some())
            {
                "已整改"
            } else {
                "整改中"
            }
        } else if c.state.is_closed() {
            "已办结"
        } else {
            "办理中"
        };
        CardRow {
            case_no: c.case_no.clone(),
            item_name: c.item.name.clone(),
            department: c.office.department_name.clone(),
            window: c.office.window_name.clone(),
            clerk: self.clerk.clone(),
            level: match card.level.as_str() {
                "red" => "红牌",
                "follow_up_late" => "回访逾期",
                "rectify_late" => "整改逾期",
                _ => "黄牌",
            }
            .into(),
            due_date: card.due_date,
            raised_on: card.raised_on,
            status: status.into(),
            appeal: appeal_text(c, card),
        }
    }

    fn bad_rating_rows(&self, month: Period, today: NaiveDate) -> Vec<BadRatingRow> {
        let c = self.case;
        c.evaluations
            .iter()
            .enumerate()
            .filter(|(_, e)| e.rating.is_bad() && month.contains(e.at.date()))
            .map(|(i, e)| {
                // The task is the first rating's; a second bad rating is recorded as given.
                let task = c.rectification.as_ref().filter(|_| i == 0);
                let status = match task {
                    None => "复评",
                    Some(t) => match &t.rectified {
                        Some(s) if s.at.date() <= t.rectify_due => "按时整改",
                        Some(_) => "逾期整改",
                        None if today > t.rectify_due => "整改逾期",
                        None => "整改中",
                    },
                };
                BadRatingRow {
                    case_no: c.case_no.clone(),
                    item_name: c.item.name.clone(),
                    department: c.office.department_name.clone(),
                    window: c.office.window_name.clone(),
                    clerk: self.clerk.clone(),
                    rating: e.rating.label_zh().into(),
                    reasons: e
                        .reasons
                        .iter()
                        .map(|code| {
                            REASON_CODES
                                .iter()
                                .find(|(c, _)| c == code)
                                .map_or(code.as_str(), |(_, l)| l)
                                .to_string()
                        })
                        .collect::<Vec<_>>()
                        .join("、"),
                    comment: e.comment.clone().unwrap_or_default(),
                    rated_at: e.at,
                    follow_up_due: task.map(|t| t.follow_up_due),
                    followed_up_at: task.and_then(|t| t.follow_up.as_ref().map(|s| s.at)),
                    rectify_due: task.map(|t| t.rectify_due),
                    rectified_at: task.and_then(|t| t.rectified.as_ref().map(|s| s.at)),
                    status: status.into(),
                }
            })
            .collect()
    }
}

/// The 申诉 cell of a card: empty when not appealed, else the status, the reason and the
/// ruling's note.
fn appeal_text(c: &Case, card: &CardRecord) -> String {
    let Some(appeal) = CardLevel::parse(&card.level).and_then(|l| c.appeal_of(l)) else {
        return String::new();
    };
    match &appeal.ruling {
        None => format!("申诉待裁定：{}", appeal.reason),
        Some(r) => format!(
            "{}：{}；裁定：{}（{}）",
            if r.upheld { "已维持" } else { "已撤销" },
            appeal.reason,
            r.note,
            r.by
        ),
    }
}
