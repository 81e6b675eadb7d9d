//! The official working-day calendar: weekends off, statutory holidays off, make-up working
//! days (调休) on, built from the State Council's yearly notices (holidays-cn files).
//! A date in a year whose notice is not loaded falls back to Monday–Friday and makes any
//! deadline reaching it *provisional*. Where the files come from (embedded, imported) is the
//! caller's business.

use crate::Lang;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use ts_rs::TS;

/// The years shipped with the product, newest last.
const EMBEDDED: &[&str] = &[
    include_str!("../data/holidays-cn/2020.json"),
    include_str!("../data/holidays-cn/2021.json"),
    include_str!("../data/holidays-cn/2022.json"),
    include_str!("../data/holidays-cn/2023.json"),
    include_str!("../data/holidays-cn/2024.json"),
    include_str!("../data/holidays-cn/2025.json"),
    include_str!("../data/holidays-cn/2026.json"),
];

/// One year's notice, as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayYear {
    pub year: i32,
    pub days: Vec<HolidayDay>,
    /// SHA-256 of the file, so the calendar version names exactly what was used.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayDay {
    pub name: String,
    pub date: NaiveDate,
    /// `true`: a holiday; `false`: a make-up working day.
    pub is_off_day: bool,
}

#[derive(Debug, Deserialize)]
struct RawYear {
    year: Option<i64>,
    days: Option<Vec<RawDay>>,
}

#[derive(Debug, Deserialize)]
struct RawDay {
    name: String,
    date: String,
    #[serde(rename = "isOffDay")]
    is_off_day: bool,
}

/// A holiday file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("not a holidays-cn file: {0}")]
    NotJson(String),
    #[error("the file has no year or no days")]
    Incomplete,
    #[error("year {0} is out of range")]
    YearOutOfRange(i64),
    #[error("bad date {0:?}")]
    BadDate(String),
    #[error("date {date} is more than a month away from year {year}")]
    DateOutsideYear { year: i32, date: NaiveDate },
}

impl CalendarError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CalendarError::NotJson(d), Lang::ZhCn) => format!("不是有效的节假日安排文件（{d}）"),
            (CalendarError::Incomplete, Lang::ZhCn) => "文件缺少年份或日期列表".into(),
            (CalendarError::YearOutOfRange(y), Lang::ZhCn) => format!("年份 {y} 不合理"),
            (CalendarError::BadDate(d), Lang::ZhCn) => format!("日期“{d}”格式错误"),
            (CalendarError::DateOutsideYear { year, date }, Lang::ZhCn) => {
                format!("日期 {date} 与年份 {year} 相距过远")
            }
            (e, Lang::En) => e.to_string(),
        }
    }
}

impl HolidayYear {
    /// Reads one holidays-cn file (`{ "year": 2026, "days": [{name, date, isOffDay}] }`).
    pub fn parse(text: &str) -> Result<HolidayYear, CalendarError> {
        let raw: RawYear =
            serde_json::from_str(text).map_err(|e| CalendarError::NotJson(e.to_string()))?;
        let (Some(year), Some(days)) = (raw.year, raw.days) else {
            return Err(CalendarError::Incomplete);
        };
        if !(2000..=2100).contains(&year) {
            return Err(CalendarError::YearOutOfRange(year));
        }
        let year = year as i32;
        let mut out = Vec::with_capacity(days.len());
        for d in days {
            let date = NaiveDate::parse_from_str(&d.date, "%Y-%m-%d")
                .map_err(|_| CalendarError::BadDate(d.date.clone()))?;
            // A notice may mention the neighbouring year's first or last days, never more.
            if (date.year() - year).abs() > 1 {
                return Err(CalendarError::DateOutsideYear { year, date });
            }
            out.push(HolidayDay {
                name: d.name,
                date,
                is_off_day: d.is_off_day,
            });
        }
        Ok(HolidayYear {
            year,
            days: out,
            sha256: hex::encode(Sha256::digest(text.as_bytes())),
        })
    }

    /// The years shipped inside the product.
    pub fn embedded() -> Vec<HolidayYear> {
        EMBEDDED
            .iter()
            .map(|t| HolidayYear::parse(t).expect("embedded holiday files are valid"))
            .collect()
    }
}

/// A computed due date and how much it can be trusted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueDate {
    pub date: NaiveDate,
    pub working_days: u32,
    /// The computation crossed a year whose official calendar is not loaded yet.
    pub provisional: bool,
    pub calendar_version: String,
}

/// What the calendar says about one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DayInfo {
    pub date: NaiveDate,
    pub workday: bool,
    /// Name of the holiday, or of the holiday a make-up day belongs to.
    pub holiday: Option<String>,
    /// The year's official calendar is loaded.
    pub known: bool,
}

#[derive(Debug, Clone)]
struct Special {
    off: bool,
    name: String,
}

/// The working-day calendar built from any number of yearly notices.
#[derive(Debug, Clone)]
pub struct WorkCalendar {
    special: BTreeMap<NaiveDate, Special>,
    years: BTreeSet<i32>,
    version: String,
}

impl WorkCalendar {
    /// Builds the calendar. For a date mentioned by two files, its own year's file wins; a
    /// later file for the same year replaces an earlier one.
    pub fn new(years: impl IntoIterator<Item = HolidayYear>) -> WorkCalendar {
        let mut by_year: BTreeMap<i32, HolidayYear> = BTreeMap::new();
        for y in years {
            by_year.insert(y.year, y);
        }
        let mut special = BTreeMap::new();
        // Neighbour-year mentions first, then each year's own dates overwrite them.
        for own in [false, true] {
            for y in by_year.values() {
                for d in y.days.iter().filter(|d| (d.date.year() == y.year) == own) {
                    special.insert(
                        d.date,
                        Special {
                            off: d.is_off_day,
                            name: d.name.clone(),
                        },
                    );
                }
            }
        }
        let mut hasher = Sha256::new();
        for y in by_year.values() {
            hasher.update(y.sha256.as_bytes());
        }
        let digest = hex::encode(hasher.finalize());
        let version = match (by_year.keys().next(), by_year.keys().last()) {
            (Some(first), Some(last)) => format!("cn-{first}-{last}-{}", &digest[..8]),
            _ => "cn-none".to_string(),
        };
        WorkCalendar {
            special,
            years: by_year.keys().copied().collect(),
            version,
        }
    }

    /// The calendar shipped with the product.
    pub fn embedded() -> WorkCalendar {
        WorkCalendar::new(HolidayYear::embedded())
    }

    /// Names the exact set of notices used, for audit and for "explain this deadline".
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Years whose official notice is loaded.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    pub fn knows_year(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    pub fn is_workday(&self, date: NaiveDate) -> bool {
        match self.special.get(&date) {
            Some(s) => !s.off,
            None => !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    pub fn day(&self, date: NaiveDate) -> DayInfo {
        DayInfo {
            date,
            workday: self.is_workday(date),
            holiday: self.special.get(&date).map(|s| s.name.clone()),
            known: self.knows_year(date.year()),
        }
    }

    /// The `n`th working day after `start` (day 1 is the first working day after the start
    /// day; the start day itself never counts). `n = 0` gives `start`.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> DueDate {
        let mut date = start;
        let mut counted = 0;
        let mut provisional = false;
        while counted < n {
            date = date
                .succ_opt()
                .expect("dates stay far from chrono's limits");
            provisional |= !self.knows_year(date.year());
            if self.is_workday(date) {
                counted += 1;
            }
        }
        DueDate {
            date,
            working_days: n,
            provisional,
            calendar_version: self.version.clone(),
        }
    }

    /// Working days strictly after `from` up to and including `to` (0 if `to <= from`).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days()
            .skip(1)
            .take_while(|d| *d <= to)
            .filter(|d| self.is_workday(*d))
            .count() as u32
    }
}

#[cfg(test)]
mod tests;
