//! Deadline alerts: the watcher that raises yellow and red cards and tells the window's clerk
//! (desktop notification, or an in-window alert when there is no notification service), and
//! the alerts the window shows.

use crate::{ApiError, App};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::case::{card_for, Card, Case};
use yichuang_local::journal::{self, AuditInput};
use yichuang_local::{cards as store, cases as case_store};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Alert {
    pub id: i64,
    pub at: String,
    pub case_id: String,
    pub card: Card,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DismissAlertRequest {
    pub id: i64,
}

/// One pass of the watcher: raises new cards and tells this window's clerk once per card.
/// Returns how many were announced. A workstation not yet set up has nothing to watch.
pub async fn watch_once(app: &App) -> Result<u32, ApiError> {
    let raised = match raise_cards(app).await {
        Ok(r) => r,
        Err(e) if e.code == crate::ErrorCode::WorkstationNotConfigured => return Ok(0),
        Err(e) => return Err(e),
    };
    let lang = app.lang();
    for (case, card, due) in &raised {
        // A completed case's card is its bad rating's rectification task running late.
        let task =
            case.rectification.as_ref().is_some_and(|r| r.is_open()) && case.state.is_closed();
        let (title, body) = match (card, lang) {
            _ if task => match lang {
                yichuang_core::Lang::ZhCn => (
                    "差评整改逾期".to_string(),
                    format!(
                        "办件 {}（{}）的差评{}应于 {due} 前完成",
                        case.case_no,
                        case.item.name,
                        if *card == Card::Yellow {
                            "回访"
                        } else {
                            "整改"
                        }
                    ),
                ),
                yichuang_core::Lang::En => (
                    "Rectification late".to_string(),
                    format!(
                        "Case {} ({}): the bad rating's {} was due {due}",
                        case.case_no,
                        case.item.name,
                        if *card == Card::Yellow {
                            "follow-up call"
                        } else {
                            "rectification"
                        }
                    ),
                ),
            },
            (Card::Yellow, yichuang_core::Lang::ZhCn) => (
                "黄牌预警".to_string(),
                format!(
                    "办件 {}（{}）承诺时限 {due} 即将到期或已超期",
                    case.case_no, case.item.name
                ),
            ),
            (Card::Red, yichuang_core::Lang::ZhCn) => (
                "红牌警告".to_string(),
                format!(
                    "办件 {}（{}）已超过法定时限 {due}",
                    case.case_no, case.item.name
                ),
            ),
            (Card::Yellow, yichuang_core::Lang::En) => (
                "Yellow card".to_string(),
                format!(
                    "Case {} ({}) is due {due} (promised)",
                    case.case_no, case.item.name
                ),
            ),
            (Card::Red, yichuang_core::Lang::En) => (
                "Red card".to_string(),
                format!(
                    "Case {} ({}) passed its statutory limit {due}",
                    case.case_no, case.item.name
                ),
            ),
        };
        let notifier = app.notifier.clone();
        let (t, b) = (title.clone(), body.clone());
        let shown = tokio::task::spawn_blocking(move || notifier.notify(&t, &b))
            .await
            .map(|r| r.is_ok())
            .unwrap_or(false);
        if !shown {
            store::add_alert(
                &app.store,
                &app.clock.now().to_rfc3339(),
                &case.id,
                card.as_str(),
                &body,
            )
            .await
            .map_err(|e| ApiError::from_store(e, lang))?;
        }
    }
    Ok(u32::try_from(raised.len()).unwrap_or(u32::MAX))
}

/// Runs the watcher every `every` until `stop` turns true (the App's shutdown).
pub async fn watch(
    app: &App,
    every: std::time::Duration,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        if let Err(e) = watch_once(app).await {
            tracing::warn!(error = %e, "deadline watcher pass failed");
        }
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            break;
        }
    }
}

pub async fn list(app: &App, _req: ()) -> Result<Vec<Alert>, ApiError> {
    Ok(store::open_alerts(&app.store)
        .await
        .map_err(|e| ApiError::from_store(e, app.lang()))?
        .into_iter()
        .map(|a| Alert {
            id: a.id,
            at: a.at,
            case_id: a.case_id,
            card: if a.level == "red" {
                Card::Red
            } else {
                Card::Yellow
            },
            message: a.message,
        })
        .collect())
}

pub async fn dismiss(app: &App, req: DismissAlertRequest) -> Result<Vec<Alert>, ApiError> {
    store::dismiss_alert(&app.store, req.id)
        .await
        .map_err(|e| ApiError::from_store(e, app.lang()))?;
    list(app, ()).await
}

/// Raises the cards the department's running cases earn today, each new card in one
/// transaction with its audit entry and outbox row (cards are part of the ledger). Queue
/// columns that went stale with time (a case now deemed accepted, a pause that goes on) are
/// refreshed on the way. Returns the new cards of this window's cases: those are announced.
async fn raise_cards(app: &App) -> Result<Vec<(Case, Card, NaiveDate)>, ApiError> {
    let st = super::workstation::station(app).await?;
    let lang = app.lang();
    let err = |e| ApiError::from_store(e, lang);
    let calendar = app.calendar();
    let today = app.clock.local_now().date();
    let at = app.clock.now().to_rfc3339();
    let mut raised = Vec::new();
    for (c, stored) in case_store::running(&app.store, &st.profile.department_code)
        .await
        .map_err(err)?
    {
        let index = crate::commit::index_of(&c, &calendar, today);
        let card = c
            .deadlines(&calendar, today)
            .filter(|_| index.clock_running)
            .and_then(|dl| {
                card_for(&calendar, &dl, today, st.profile.yellow_within_days).map(|card| {
                    let due = match card {
                        Card::Red => dl.statutory.unwrap_or(dl.promised),
                        Card::Yellow => dl.promised,
                    };
                    (card, due)
                })
            });
        if index == stored && card.is_none() {
            continue;
        }
        let mut tx = app.store.write().await.map_err(err)?;
        if index != stored {
            case_store::update_index(&mut tx, &c.id, &index)
                .await
                .map_err(err)?;
        }
        if let Some((card, due)) = card {
            if raise_in(&mut tx, &st, &c, card.as_str(), due, &at)
                .await
                .map_err(err)?
                && c.office.window_code == st.profile.window_code
            {
                raised.push((c.clone(), card, due));
            }
        }
        tx.commit()
            .await
            .map_err(|e| ApiError::from_store(e.into(), lang))?;
    }
    // A bad rating's rectification task earns its own cards when late.
    for c in case_store::open_rectifications(&app.store, &st.profile.department_code)
        .await
        .map_err(err)?
    {
        let Some(task) = &c.rectification else {
            continue;
        };
        let Some(card) = task.card(today) else {
            continue;
        };
        let (level, due) = match card {
            Card::Yellow => ("follow_up_late", task.follow_up_due),
            Card::Red => ("rectify_late", task.rectify_due),
        };
        let mut tx = app.store.write().await.map_err(err)?;
        if raise_in(&mut tx, &st, &c, level, due, &at)
            .await
            .map_err(err)?
            && c.office.window_code == st.profile.window_code
        {
            raised.push((c.clone(), card, due));
        }
        tx.commit()
            .await
            .map_err(|e| ApiError::from_store(e.into(), lang))?;
    }
    Ok(raised)
}

/// Records a new card in the caller's transaction with its audit entry and outbox row (cards
/// are part of the ledger); `true` if it is new.
async fn raise_in(
    tx: &mut yichuang_local::WriteTx,
    st: &super::workstation::Station,
    c: &Case,
    level: &str,
    due: NaiveDate,
    at: &str,
) -> Result<bool, yichuang_local::StoreError> {
    if !store::raise(tx, &c.id, level, &due.to_string(), at).await? {
        return Ok(false);
    }
    let detail = serde_json::json!({
        "case_no": c.case_no, "card": level, "due": due, "window": c.office.window_code,
    });
    journal::append_audit(
        tx,
        AuditInput {
            at: at.to_string(),
            workstation: &st.id,
            actor_id: "system",
            actor: "电子监察",
            action: "card_raised",
            case_id: Some(&c.id),
            detail: detail.to_string(),
        },
    )
    .await?;
    let mutation_id = uuid::Uuid::new_v4().to_string();
    journal::enqueue(tx, &mutation_id, "card_raised", Some(&c.id), &detail, at).await?;
    Ok(true)
}
