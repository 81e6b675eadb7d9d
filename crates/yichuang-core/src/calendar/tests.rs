use super::*;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn cal() -> WorkCalendar {
    WorkCalendar::embedded()
}

#[test]
fn the_embedded_calendar_covers_2020_to_2026() {
    let c = cal();
    assert_eq!(
        c.years().collect::<Vec<_>>(),
        (2020..=2026).collect::<Vec<_>>()
    );
    assert!(c.version().starts_with("cn-2020-2026-"), "{}", c.version());
}

#[test]
fn spring_festival_2026_is_nine_days_off_with_two_make_up_saturdays() {
    let c = cal();
    for day in d("2026-02-15")
        .iter_days()
        .take_while(|x| *x <= d("2026-02-23"))
    {
        assert!(!c.is_workday(day), "{day} should be off");
    }
    assert!(
        c.is_workday(d("2026-02-14")),
        "Saturday 14 Feb is a make-up working day"
    );
    assert!(
        c.is_workday(d("2026-02-28")),
        "Saturday 28 Feb is a make-up working day"
    );
    assert_eq!(c.day(d("2026-02-17")).holiday.as_deref(), Some("春节"));
}

#[test]
fn a_case_accepted_before_spring_festival_runs_across_it() {
    // Accepted Friday 13 Feb 2026. Day 1 = Sat 14 (make-up), then the holiday runs to
    // Mon 23, so day 2 = Tue 24 … day 5 = Fri 27, day 6 = Sat 28 (make-up), day 7 = Mon 2 Mar.
    let c = cal();
    assert_eq!(c.add_working_days(d("2026-02-13"), 1).date, d("2026-02-14"));
    assert_eq!(c.add_working_days(d("2026-02-13"), 2).date, d("2026-02-24"));
    assert_eq!(c.add_working_days(d("2026-02-13"), 6).date, d("2026-02-28"));
    let due = c.add_working_days(d("2026-02-13"), 7);
    assert_eq!(due.date, d("2026-03-02"));
    assert!(!due.provisional);
}

#[test]
fn national_day_and_mid_autumn_2025_make_one_eight_day_break() {
    let c = cal();
    for day in d("2025-10-01")
        .iter_days()
        .take_while(|x| *x <= d("2025-10-08"))
    {
        assert!(!c.is_workday(day), "{day} should be off");
    }
    assert!(
        c.is_workday(d("2025-09-28")),
        "Sunday 28 Sep is a make-up working day"
    );
    assert!(
        c.is_workday(d("2025-10-11")),
        "Saturday 11 Oct is a make-up working day"
    );
    // Accepted Tue 30 Sep: day 1 = Thu 9 Oct, day 2 = Fri 10, day 3 = Sat 11 (make-up).
    assert_eq!(c.add_working_days(d("2025-09-30"), 3).date, d("2025-10-11"));
}

#[test]
fn the_start_day_never_counts_even_when_it_is_a_working_day() {
    let c = cal();
    // Monday 2 Mar 2026 → day 1 is Tuesday.
    assert_eq!(c.add_working_days(d("2026-03-02"), 1).date, d("2026-03-03"));
    // Accepted on a Saturday → day 1 is Monday.
    assert_eq!(c.add_working_days(d("2026-03-07"), 1).date, d("2026-03-09"));
}

#[test]
fn new_year_crosses_the_year_boundary() {
    let c = cal();
    // Wed 31 Dec 2025 → 1–3 Jan 2026 off, Sun 4 Jan make-up day is day 1.
    assert!(!c.is_workday(d("2026-01-01")));
    assert_eq!(c.add_working_days(d("2025-12-31"), 1).date, d("2026-01-04"));
    assert_eq!(c.add_working_days(d("2025-12-31"), 2).date, d("2026-01-05"));
}

#[test]
fn a_deadline_reaching_an_unloaded_year_is_provisional() {
    let c = cal();
    let due = c.add_working_days(d("2026-12-21"), 20);
    assert!(due.date.year() == 2027);
    assert!(due.provisional);
    let inside = c.add_working_days(d("2026-11-02"), 20);
    assert!(!inside.provisional);
}

#[test]
fn loading_next_years_notice_makes_the_deadline_firm() {
    let mut years = HolidayYear::embedded();
    let next = r#"{"year": 2027, "days": [
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
        {"name": "春节", "date": "2027-01-04", "isOffDay": true}
    ]}"#;
    years.push(HolidayYear::parse(next).expect("valid file"));
    let c = WorkCalendar::new(years);
    let due = c.add_working_days(d("2026-12-30"), 2);
    assert!(!due.provisional);
    // Thu 31 Dec is day 1; Fri 1 Jan and (made-up) Mon 4 Jan are off; Tue 5 Jan is day 2.
    assert_eq!(due.date, d("2027-01-05"));
    assert_ne!(c.version(), cal().version());
}

#[test]
fn a_holiday_file_with_a_bad_date_is_refused() {
    let bad = r#"{"year": 2027, "days": [{"name": "x", "date": "2027-13-01", "isOffDay": true}]}"#;
    assert_eq!(
        HolidayYear::parse(bad),
        Err(CalendarError::BadDate("2027-13-01".into()))
    );
    assert!(matches!(
        HolidayYear::parse("[]"),
        Err(CalendarError::NotJson(_))
    ));
    assert!(HolidayYear::parse(r#"{"days": []}"#).is_err());
}

#[test]
fn working_days_between_counts_what_add_working_days_adds() {
    let c = cal();
    assert_eq!(c.working_days_between(d("2026-02-13"), d("2026-03-02")), 7);
    assert_eq!(c.working_days_between(d("2026-03-02"), d("2026-03-02")), 0);
}

/// An independent reading of the raw files: a date is a working day iff listed as a make-up
/// day, or not listed as a holiday and not a weekend.
fn naive_is_workday(date: NaiveDate) -> bool {
    static LISTED: std::sync::OnceLock<std::collections::HashMap<String, bool>> =
        std::sync::OnceLock::new();
    let listed = LISTED.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for text in EMBEDDED {
            let v: serde_json::Value = serde_json::from_str(text).expect("json");
            let year = v["year"].as_i64().expect("year").to_string();
            for day in v["days"].as_array().expect("days") {
                let date = day["date"].as_str().expect("date");
                // Only a year's own file speaks for its dates.
                if date.starts_with(&year) {
                    m.insert(date.to_string(), !day["isOffDay"].as_bool().expect("bool"));
                }
            }
        }
        m
    });
    match listed.get(&date.format("%Y-%m-%d").to_string()) {
        Some(work) => *work,
        None => date.weekday().number_from_monday() <= 5,
    }
}

proptest! {
    #[test]
    fn the_due_date_is_the_nth_working_day_by_independent_count(
        offset in 0u32..2400, n in 0u32..60
    ) {
        let c = cal();
        let start = d("2020-01-01") + chrono::Days::new(u64::from(offset));
        let due = c.add_working_days(start, n);
        let mut counted = 0;
        let mut day = start;
        while counted < n {
            day = day.succ_opt().expect("date");
            if naive_is_workday(day) { counted += 1; }
        }
        prop_assert_eq!(due.date, day);
        prop_assert!(n == 0 || naive_is_workday(due.date));
        prop_assert_eq!(c.working_days_between(start, due.date), n);
    }
}
