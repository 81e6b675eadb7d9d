//! A case's deadline clock: what starts it, which days are paused, and the due dates it gives,
//! with enough recorded that the deadline can explain itself (DOMAIN.md rule 2).
//!
//! Counting rule: day 1 is the first working day after the start date; a working day does not
//! count when the clock was stopped for the whole of it, i.e. the working days strictly between
//! a pause's start date and its end date (the days it started and ended were partly worked).

use crate::calendar::WorkCalendar;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Working days the clerk has to issue the one-time notice; after that the case counts as
/// accepted on receipt (行政许可法 Art. 32).
pub const NOTICE_WINDOW_DAYS: u32 = 5;

/// What started the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StartEvent {
    /// Accepted on the day the materials were handed in complete.
    AcceptedOnReceipt,
    /// Accepted after correction: counts from the day the materials were complete.
    MaterialsCompleted,
    /// No notice within 5 working days: counts as accepted on receipt.
    DeemedAcceptedOnReceipt,
    /// Accepted after reviewing, with no correction needed.
    Accepted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PauseKind {
    /// 补正: waiting for the applicant's materials (before acceptance).
    Correction,
    /// 特别程序: expert review, site survey, hearing, testing (Art. 45).
    SpecialProcedure,
}

/// One stop of the clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Pause {
    pub kind: PauseKind,
    /// For a special procedure: which one (e.g. 现场核查).
    pub procedure: Option<String>,
    pub reason: String,
    pub legal_basis: String,
    pub start: NaiveDate,
    /// `None` while it lasts.
    pub end: Option<NaiveDate>,
}

impl Pause {
    /// Working days this pause takes off the clock, taking `today` as the end while it lasts.
    pub fn paused_working_days(&self, calendar: &WorkCalendar, today: NaiveDate) -> u32 {
        let end = self.end.unwrap_or(today);
        match end.pred_opt() {
            Some(last) if last > self.start => calendar.working_days_between(self.start, last),
            _ => 0,
        }
    }
}

/// The running deadlines of an accepted case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseClock {
    pub start_event: StartEvent,
    pub start: NaiveDate,
    pub promised_days: u32,
    pub statutory_days: u32,
    /// Working days granted by the chief representative (none until approvals land).
    pub extension_days: u32,
    /// 即办件: due at the counter (end of `start`, or of the next working day).
    pub immediate: bool,
}

/// Due dates as of `today`, with the calendar that gave them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Deadlines {
    pub promised: NaiveDate,
    pub statutory: Option<NaiveDate>,
    pub paused_days: u32,
    pub provisional: bool,
    pub calendar_version: String,
}

impl CaseClock {
    /// Due dates with every special-procedure pause taken off. An open pause is counted up
    /// to `today`, so the dates move on while it lasts.
    pub fn deadlines(
        &self,
        calendar: &WorkCalendar,
        pauses: &[Pause],
        today: NaiveDate,
    ) -> Deadlines {
        let paused: u32 = pauses
            .iter()
            .filter(|p| p.kind == PauseKind::SpecialProcedure && p.start >= self.start)
            .map(|p| p.paused_working_days(calendar, today))
            .sum();
        let promised_n = if self.immediate {
            0
        } else {
            self.promised_days + self.extension_days + paused
        };
        let promised = calendar.add_working_days(self.start, promised_n);
        let statutory = (self.statutory_days > 0).then(|| {
            calendar.add_working_days(
                self.start,
                self.statutory_days + self.extension_days + paused,
            )
        });
        Deadlines {
            promised: promised.date,
            statutory: statutory.as_ref().map(|d| d.date),
            paused_days: paused,
            provisional: promised.provisional || statutory.is_some_and(|d| d.provisional),
            calendar_version: promised.calendar_version,
        }
    }
}

/// The last day to issue the one-time notice for materials received on `received`.
pub fn notice_deadline(calendar: &WorkCalendar, received: NaiveDate) -> NaiveDate {
    calendar.add_working_days(received, NOTICE_WINDOW_DAYS).date
}

/// Electronic supervision cards (DOMAIN.md rule 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Card {
    Yellow,
    Red,
}

impl Card {
    pub fn as_str(self) -> &'static str {
        match self {
            Card::Yellow => "yellow",
            Card::Red => "red",
        }
    }
}

/// The card a running case earns on `today`: red once the statutory date has passed, yellow
/// when the promised date is at most `yellow_within` working days away (or passed).
pub fn card_for(
    calendar: &WorkCalendar,
    deadlines: &Deadlines,
    today: NaiveDate,
    yellow_within: u32,
) -> Option<Card> {
    if deadlines.statutory.is_some_and(|s| today > s) {
        return Some(Card::Red);
    }
    let near = calendar.add_working_days(today, yellow_within).date;
    (deadlines.promised <= near).then_some(Card::Yellow)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn clock(start: &str) -> CaseClock {
        CaseClock {
            start_event: StartEvent::Accepted,
            start: d(start),
            promised_days: 10,
            statutory_days: 20,
            extension_days: 0,
            immediate: false,
        }
    }

    #[test]
    fn a_case_accepted_before_spring_festival_is_due_after_it() {
        let cal = WorkCalendar::embedded();
        let dl = clock("2026-02-13").deadlines(&cal, &[], d("2026-02-13"));
        assert_eq!(dl.promised, d("2026-03-05"));
        assert!(!dl.provisional);
    }

    #[test]
    fn a_special_procedure_moves_the_due_date_by_the_working_days_it_took() {
        let cal = WorkCalendar::embedded();
        // Suspended Mon 2 Mar, resumed Fri 6 Mar: Tue–Thu (3 working days) do not count.
        let pause = Pause {
            kind: PauseKind::SpecialProcedure,
            procedure: Some("现场核查".into()),
            reason: "需现场核查经营场所".into(),
            legal_basis: "《行政许可法》第四十五条".into(),
            start: d("2026-03-02"),
            end: Some(d("2026-03-06")),
        };
        let before = clock("2026-02-13").deadlines(&cal, &[], d("2026-03-06"));
        let after =
            clock("2026-02-13").deadlines(&cal, std::slice::from_ref(&pause), d("2026-03-06"));
        assert_eq!(after.paused_days, 3);
        assert_eq!(cal.working_days_between(before.promised, after.promised), 3);
    }

    #[test]
    fn an_open_pause_keeps_pushing_the_due_date_while_it_lasts() {
        let cal = WorkCalendar::embedded();
        let pause = Pause {
            kind: PauseKind::SpecialProcedure,
            procedure: None,
            reason: "专家评审".into(),
            legal_basis: "《行政许可法》第四十五条".into(),
            start: d("2026-03-02"),
            end: None,
        };
        let c = clock("2026-02-13");
        let monday = c.deadlines(&cal, std::slice::from_ref(&pause), d("2026-03-09"));
        let friday = c.deadlines(&cal, std::slice::from_ref(&pause), d("2026-03-13"));
        assert!(friday.promised > monday.promised);
    }

    #[test]
    fn the_notice_window_is_five_working_days_across_a_holiday() {
        let cal = WorkCalendar::embedded();
        // Received Fri 13 Feb: Sat 14 (make-up), 24, 25, 26, 27 Feb.
        assert_eq!(notice_deadline(&cal, d("2026-02-13")), d("2026-02-27"));
    }

    #[test]
    fn cards_turn_yellow_a_working_day_ahead_and_red_after_the_statutory_date() {
        let cal = WorkCalendar::embedded();
        let dl = clock("2026-03-02").deadlines(&cal, &[], d("2026-03-02"));
        assert_eq!(dl.promised, d("2026-03-16"));
        assert_eq!(card_for(&cal, &dl, d("2026-03-12"), 1), None);
        assert_eq!(card_for(&cal, &dl, d("2026-03-13"), 1), Some(Card::Yellow));
        assert_eq!(card_for(&cal, &dl, d("2026-03-17"), 1), Some(Card::Yellow));
        let statutory = dl.statutory.expect("statutory");
        assert_eq!(card_for(&cal, &dl, statutory, 1), Some(Card::Yellow));
        assert_eq!(
            card_for(&cal, &dl, statutory.succ_opt().expect("d"), 1),
            Some(Card::Red)
        );
    }
}
