//! Figures at a glance (数据看板): the month's cases per day, on-time rates per department and
//! window, cards and satisfaction. Cases per day, rates and satisfaction come from the monthly
//! ledger's own computation, so the charts and the workbook never disagree; cards (by their
//! four kinds, with appeals) and ratings by level are counted from the same month's input.
//! Drawing them is the page's business.

use super::ledger::{ledger_of, month_input, parse_month};
use super::workstation::station;
use crate::{ApiError, App};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;
use yichuang_core::case::{CardLevel, CardStatus, Rating};
use yichuang_ledger::{Month, SummaryLevel, SummaryRow};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DashboardRequest {
    /// "2026-11"; `null` for the counter's current month.
    pub month: Option<String>,
}

/// One day of the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DayFigure {
    pub date: NaiveDate,
    pub received: u32,
    pub completed: u32,
}

/// 按时办结率 of one department or window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RateFigure {
    pub key: String,
    pub name: String,
    pub completed: u32,
    pub completed_on_time: u32,
    /// 0–1; `null` when nothing was completed.
    pub on_time_rate: Option<f64>,
}

/// The month's cards, by kind, and their appeals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CardFigure {
    pub yellow: u32,
    pub red: u32,
    pub follow_up_late: u32,
    pub rectify_late: u32,
    /// Appeals waiting for a ruling.
    pub appealed: u32,
    /// Cancelled on appeal (not counted above).
    pub cancelled: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RatingFigure {
    pub rating: Rating,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dashboard {
    /// "2026-11".
    pub month: String,
    pub scope: String,
    /// Every day of the month up to today (the whole month when it is past).
    pub days: Vec<DayFigure>,
    pub departments: Vec<RateFigure>,
    pub windows: Vec<RateFigure>,
    pub cards: CardFigure,
    /// Ratings given in the month, best level first.
    pub ratings: Vec<RatingFigure>,
    /// 0–1; `null` when nobody rated.
    pub satisfaction_rate: Option<f64>,
    pub received: u32,
    pub completed: u32,
    pub on_time_rate: Option<f64>,
}

fn rate(r: &SummaryRow) -> RateFigure {
    RateFigure {
        key: r.key.clone(),
        name: r.name.clone(),
        completed: r.completed,
        completed_on_time: r.completed_on_time,
        on_time_rate: r.on_time_rate(),
    }
}

pub async fn dashboard(app: &App, req: DashboardRequest) -> Result<Dashboard, ApiError> {
    let st = station(app).await?;
    let today = app.clock.local_now().date();
    let month = match &req.month {
        Some(m) => parse_month(app, m)?,
        None => Month::of(today),
    };
    let (cases, cards) = month_input(app, &st, month).await?;
    let ledger = ledger_of(app, &st, month, &cases, &cards);

    let last = (month.next_first_day() - chrono::Duration::days(1)).min(today);
    let mut days: BTreeMap<NaiveDate, DayFigure> = month
        .first_day()
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|date| {
            (
                date,
                DayFigure {
                    date,
                    received: 0,
                    completed: 0,
                },
            )
        })
        .collect();
    for row in &ledger.register {
        if let Some(d) = days.get_mut(&row.received.date()) {
            d.received += 1;
        }
        if let Some(d) = row.completed.and_then(|c| days.get_mut(&c.date())) {
            d.completed += 1;
        }
    }

    let by_id: BTreeMap<&str, &yichuang_core::case::Case> =
        cases.iter().map(|(c, _)| (c.id.as_str(), c)).collect();
    let mut figure = CardFigure {
        yellow: 0,
        red: 0,
        follow_up_late: 0,
        rectify_late: 0,
        appealed: 0,
        cancelled: 0,
    };
    for card in cards.iter().filter(|c| month.contains(c.raised_on)) {
        let (Some(level), Some(case)) = (
            CardLevel::parse(&card.level),
            by_id.get(card.case_id.as_str()),
        ) else {
            continue;
        };
        match case.card_status(level) {
            CardStatus::Cancelled => {
                figure.cancelled += 1;
                continue;
            }
            CardStatus::Appealed => figure.appealed += 1,
            _ => {}
        }
        match level {
            CardLevel::Yellow => figure.yellow += 1,
            CardLevel::Red => figure.red += 1,
            CardLevel::FollowUpLate => figure.follow_up_late += 1,
            CardLevel::RectifyLate => figure.rectify_late += 1,
        }
    }

    let mut ratings: BTreeMap<usize, u32> = BTreeMap::new();
    for (c, _) in &cases {
        for e in c.evaluations.iter().filter(|e| month.contains(e.at.date())) {
            let i = Rating::ALL.iter().position(|r| *r == e.rating).unwrap_or(0);
            *ratings.entry(i).or_default() += 1;
        }
    }
    let total = ledger
        .summary
        .iter()
        .find(|r| r.level == Some(SummaryLevel::Total));
    let of_level = |level| {
        ledger
            .summary
            .iter()
            .filter(|r| r.level == Some(level))
            .map(rate)
            .collect()
    };
    Ok(Dashboard {
        month: format!("{}-{:02}", month.year, month.month),
        scope: ledger.scope.clone(),
        days: days.into_values().collect(),
        departments: of_level(SummaryLevel::Department),
        windows: of_level(SummaryLevel::Window),
        cards: figure,
        ratings: Rating::ALL
            .iter()
            .enumerate()
            .map(|(i, r)| RatingFigure {
                rating: *r,
                count: ratings.get(&i).copied().unwrap_or(0),
            })
            .collect(),
        satisfaction_rate: total.and_then(SummaryRow::satisfaction_rate),
        received: total.map_or(0, |t| t.received),
        completed: total.map_or(0, |t| t.completed),
        on_time_rate: total.and_then(SummaryRow::on_time_rate),
    })
}
