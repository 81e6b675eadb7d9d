//! What the ledger says, row by row, as plain data: the register, the summary with its
//! rates, the cards and the bad ratings. Computing it is `compute.rs`; writing it, `xlsx.rs`.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a valid month")
    }

    /// The first day of the next month (the month is `first_day()..next_first_day()`).
    pub fn next_first_day(self) -> NaiveDate {
        let (y, m) = if self.month == 12 {
            (self.year + 1, 1)
        } else {
            (self.year, self.month + 1)
        };
        NaiveDate::from_ymd_opt(y, m, 1).expect("a valid month")
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        day >= self.first_day() && day < self.next_first_day()
    }

    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    /// "2026年11月".
    pub fn label_zh(self) -> String {
        format!("{}年{}月", self.year, self.month)
    }
}

/// What a ledger covers: a calendar month (the monthly 台账), or a whole year (年度台账).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Period {
    Month(Month),
    Year(i32),
}

impl Period {
    pub fn first_day(self) -> NaiveDate {
        match self {
            Period::Month(m) => m.first_day(),
            Period::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1).expect("a valid year"),
        }
    }

    /// The day after the period (the period is `first_day()..next_first_day()`).
    pub fn next_first_day(self) -> NaiveDate {
        match self {
            Period::Month(m) => m.next_first_day(),
            Period::Year(y) => NaiveDate::from_ymd_opt(y + 1, 1, 1).expect("a valid year"),
        }
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        day >= self.first_day() && day < self.next_first_day()
    }

    /// "2026年11月", "2026年度".
    pub fn label_zh(self) -> String {
        match self {
            Period::Month(m) => m.label_zh(),
            Period::Year(y) => format!("{y}年度"),
        }
    }
}

impl From<Month> for Period {
    fn from(m: Month) -> Period {
        Period::Month(m)
    }
}

/// A card as stored (the window's `case_card`, the county's `case_card`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardRecord {
    pub case_id: String,
    /// `yellow`, `red`, `follow_up_late`, `rectify_late`.
    pub level: String,
    pub due_date: NaiveDate,
    pub raised_on: NaiveDate,
}

/// One case of the month (received in it, or closed in it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisterRow {
    pub case_no: String,
    pub item_code: String,
    pub item_name: String,
    pub department: String,
    pub window: String,
    /// The clerk who received it (the owner).
    pub clerk: String,
    /// Under an A/B handover: who acted for the owner (names, "、"-joined), else empty.
    pub acted_for_owner_by: String,
    /// Masked: 4301**********1234.
    pub applicant_id_masked: String,
    pub applicant_name: String,
    /// 即办件 / 承诺件 / 联办件.
    pub kind: String,
    pub state: String,
    pub received: NaiveDateTime,
    pub accepted: Option<NaiveDate>,
    /// The promised due date (pauses and extension included).
    pub due: Option<NaiveDate>,
    pub statutory_due: Option<NaiveDate>,
    pub completed: Option<NaiveDateTime>,
    /// Completed by the promised due date; `None` while not completed.
    pub on_time: Option<bool>,
    /// Working days from the clock's start to completion, pauses not counted.
    pub days_used: Option<u32>,
    pub statutory_days: u32,
    pub promised_days: u32,
    /// Working days paused (corrections excluded: they stop the clock before it starts).
    pub paused_days: u32,
    pub pauses: u32,
    pub correction_notices: u32,
    /// Net fees (charged − voided), in fen.
    pub fees_cents: i64,
    /// The last rating's label, or empty.
    pub rating: String,
}

/// What a summary row groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SummaryLevel {
    Department,
    Window,
    Item,
    /// The whole scope (the totals row).
    Total,
}

/// The month's figures of one department, window or item (or the whole scope).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SummaryRow {
    pub level: Option<SummaryLevel>,
    /// Department code; `department/window`; item code; empty for the total.
    pub key: String,
    pub name: String,
    pub received: u32,
    pub accepted: u32,
    pub refused: u32,
    pub completed: u32,
    pub completed_on_time: u32,
    /// 即办件 completed in the month, and of them completed the day they were received.
    pub immediate_completed: u32,
    pub immediate_on_the_spot: u32,
    /// Over the cases completed in the month: working days used, and the statutory limits.
    pub days_used: u64,
    pub statutory_days: u64,
    pub correction_notices: u32,
    /// Further notices asking for new materials with the chief representative's permission.
    pub overrides: u32,
    pub yellow_cards: u32,
    pub red_cards: u32,
    /// Charged − voided within the month, in fen.
    pub fees_cents: i64,
    pub ratings: u32,
    /// 非常满意, 满意 and 基本满意.
    pub satisfied: u32,
    pub bad_ratings: u32,
    /// Bad ratings of the month rectified by their due date.
    pub bad_rectified_on_time: u32,
}

impl SummaryRow {
    fn rate(n: u64, d: u64) -> Option<f64> {
        (d > 0).then(|| n as f64 / d as f64)
    }

    /// 按时办结率.
    pub fn on_time_rate(&self) -> Option<f64> {
        Self::rate(self.completed_on_time.into(), self.completed.into())
    }

    /// 当场办结率 of 即办件.
    pub fn on_the_spot_rate(&self) -> Option<f64> {
        Self::rate(
            self.immediate_on_the_spot.into(),
            self.immediate_completed.into(),
        )
    }

    /// 提速率: how much faster than the statutory limits the completed cases were.
    pub fn speed_up_rate(&self) -> Option<f64> {
        Self::rate(self.days_used, self.statutory_days).map(|r| 1.0 - r)
    }

    /// 满意率.
    pub fn satisfaction_rate(&self) -> Option<f64> {
        Self::rate(self.satisfied.into(), self.ratings.into())
    }
}

/// A card raised in the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardRow {
    pub case_no: String,
    pub item_name: String,
    pub department: String,
    pub window: String,
    pub clerk: String,
    /// 黄牌 / 红牌 / 回访逾期 / 整改逾期.
    pub level: String,
    pub due_date: NaiveDate,
    pub raised_on: NaiveDate,
    /// 已办结 / 办理中 / 已整改 / 整改中.
    pub status: String,
    /// 电子监察 appeal: empty when none; else where it stands, the reason and the ruling.
    pub appeal: String,
}

/// A bad rating given in the month, with its rectification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadRatingRow {
    pub case_no: String,
    pub item_name: String,
    pub department: String,
    pub window: String,
    pub clerk: String,
    pub rating: String,
    /// Reason labels, "、"-joined.
    pub reasons: String,
    pub comment: String,
    pub rated_at: NaiveDateTime,
    pub follow_up_due: Option<NaiveDate>,
    pub followed_up_at: Option<NaiveDateTime>,
    pub rectify_due: Option<NaiveDate>,
    pub rectified_at: Option<NaiveDateTime>,
    /// 按时整改 / 逾期整改 / 整改中 / 整改逾期.
    pub status: String,
}

/// The whole ledger of a month for a scope (a department, or the center).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    pub period: Period,
    /// "县市场监督管理局" or "江永县政务服务中心（全部部门）".
    pub scope: String,
    pub generated_at: NaiveDateTime,
    pub register: Vec<RegisterRow>,
    /// Departments, then windows, then items, then the total row.
    pub summary: Vec<SummaryRow>,
    pub cards: Vec<CardRow>,
    pub bad_ratings: Vec<BadRatingRow>,
}
