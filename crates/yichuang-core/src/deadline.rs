//! Deadlines of a service item counted from a given moment: what the "due date" helper shows
//! before a case exists, and what acceptance will record. Pauses and extensions come with cases.

use crate::calendar::{DueDate, WorkCalendar};
use crate::catalog::{ItemKind, ServiceItem};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// When the counter closes by default; a 即办件 received later is due the next working day.
pub const DEFAULT_CLOSING_TIME: (u32, u32) = (17, 30);

/// The deadlines an item would get if accepted at `accepted_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueDatePreview {
    pub item_code: String,
    pub kind: ItemKind,
    pub accepted_on: NaiveDate,
    /// 即办件: today if received on a working day before closing, else the next working day.
    pub on_the_spot: Option<DueDate>,
    /// 承诺时限 counted on the calendar (承诺件 and 联办件).
    pub promised: Option<DueDate>,
    /// 法定时限 counted on the calendar, when the item has one.
    pub statutory: Option<DueDate>,
}

impl DueDatePreview {
    /// Any of the shown dates rests on a year whose calendar is not loaded yet.
    pub fn provisional(&self) -> bool {
        [&self.on_the_spot, &self.promised, &self.statutory]
            .into_iter()
            .flatten()
            .any(|d| d.provisional)
    }
}

/// Computes the preview; `closing` is the counter's closing time (local, China Standard Time).
pub fn preview(
    item: &ServiceItem,
    calendar: &WorkCalendar,
    accepted_at: NaiveDateTime,
    closing: NaiveTime,
) -> DueDatePreview {
    let day = accepted_at.date();
    let on_the_spot = (item.kind == ItemKind::Immediate).then(|| {
        if calendar.is_workday(day) && accepted_at.time() < closing {
            calendar.add_working_days(day, 0)
        } else {
            calendar.add_working_days(day, 1)
        }
    });
    let promised = (item.kind != ItemKind::Immediate && item.promised_days > 0)
        .then(|| calendar.add_working_days(day, item.promised_days));
    let statutory =
        (item.statutory_days > 0).then(|| calendar.add_working_days(day, item.statutory_days));
    DueDatePreview {
        item_code: item.code.clone(),
        kind: item.kind,
        accepted_on: day,
        on_the_spot,
        promised,
        statutory,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Catalog;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test time")
    }

    fn closing() -> NaiveTime {
        NaiveTime::from_hms_opt(DEFAULT_CLOSING_TIME.0, DEFAULT_CLOSING_TIME.1, 0).expect("time")
    }

    fn item(code: &str) -> ServiceItem {
        let c = Catalog::parse(include_str!("../../yichuang-app/data/demo-catalog.json"))
            .expect("sample");
        c.item(code).expect("item").clone()
    }

    #[test]
    fn a_promised_item_accepted_before_spring_festival_is_due_after_it() {
        // 食品经营许可: promised 10, statutory 20 working days.
        let p = preview(
            &item("000102002000"),
            &WorkCalendar::embedded(),
            at("2026-02-13 10:00"),
            closing(),
        );
        assert!(!p.provisional());
        let promised = p.promised.expect("promised");
        // 14 Feb (make-up), 24–27 Feb, 28 Feb (make-up), 2–5 Mar → 10th is Thu 5 Mar.
        assert_eq!(promised.date.to_string(), "2026-03-05");
        assert_eq!(p.on_the_spot, None);
        assert!(p.statutory.expect("statutory").date > promised.date);
    }

    #[test]
    fn an_immediate_item_is_due_today_before_closing_and_tomorrow_after() {
        let cal = WorkCalendar::embedded();
        let birth = item("000107002000");
        let morning = preview(&birth, &cal, at("2026-03-03 09:00"), closing());
        assert_eq!(
            morning.on_the_spot.expect("due").date.to_string(),
            "2026-03-03"
        );
        let evening = preview(&birth, &cal, at("2026-03-03 18:00"), closing());
        assert_eq!(
            evening.on_the_spot.expect("due").date.to_string(),
            "2026-03-04"
        );
        let saturday = preview(&birth, &cal, at("2026-03-07 10:00"), closing());
        assert_eq!(
            saturday.on_the_spot.expect("due").date.to_string(),
            "2026-03-09"
        );
        assert_eq!(saturday.statutory, None, "出生登记 has no statutory days");
    }

    #[test]
    fn a_preview_reaching_next_year_is_marked_provisional() {
        let p = preview(
            &item("000107001000"),
            &WorkCalendar::embedded(),
            at("2026-11-22 10:00"),
            closing(),
        );
        assert!(
            p.provisional(),
            "60 working days from late November reach 2027"
        );
    }
}
