//! 电子监察 (electronic supervision) at a window: the board of the department's cards that
//! still matter, per window, with their appeals; a clerk's appeal of a card and a
//! supervisor's ruling, both case commands through the one write path (audited, synced, and
//! replayed by the county). The whole center's board is the county's (`yichuang-hub
//! supervision`): a workstation holds one department's cases only.

use super::workstation::station;
use crate::commit::{commit, commit_as, Draw};
use crate::{ApiError, App, ErrorCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;
use yichuang_core::case::{CardAppeal, CardLevel, CardStatus, CaseCommand, MutationBody, Role};
use yichuang_local::cards as store;

/// One card on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SupervisedCard {
    pub case_id: String,
    pub case_no: String,
    pub item_name: String,
    pub window_code: String,
    pub window_name: String,
    /// The responsible clerk (and the backup holding the case, if handed over).
    pub clerk: String,
    pub level: CardLevel,
    /// RFC 3339.
    pub raised_at: String,
    pub due_date: NaiveDate,
    pub status: CardStatus,
    pub appeal: Option<CardAppeal>,
    /// Whether the case itself is still open.
    pub case_open: bool,
}

/// A window's standing cards (cancelled ones do not count).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WindowCards {
    pub window_code: String,
    pub window_name: String,
    pub yellow: u32,
    pub red: u32,
    /// Late rectification tasks of bad ratings (follow-up call or rectification).
    pub rectification: u32,
    /// Appeals waiting for a ruling.
    pub appealed: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SupervisionBoard {
    pub department_name: String,
    pub cards: Vec<SupervisedCard>,
    pub windows: Vec<WindowCards>,
    /// The logged-in user may appeal (a case-working role) / rule (a supervisor).
    pub can_appeal: bool,
    pub can_rule: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppealCardRequest {
    pub action_key: String,
    pub case_id: String,
    pub card: CardLevel,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RuleAppealRequest {
    pub action_key: String,
    pub case_id: String,
    pub card: CardLevel,
    /// `true` upholds the card, `false` cancels it.
    pub uphold: bool,
    pub note: String,
    /// The supervisor's own password, confirmed at each ruling.
    pub password: String,
}

pub async fn board(app: &App, _req: ()) -> Result<SupervisionBoard, ApiError> {
    let st = station(app).await?;
    // The board is as of now: cards due since the watcher's last pass are raised first (and
    // announced once, as the watcher would within the minute).
    super::alerts::watch_once(app).await?;
    let lang = app.lang();
    let err = |e| ApiError::from_store(e, lang);
    let rows = store::board(&app.store, &st.profile.department_code)
        .await
        .map_err(err)?;
    let names: HashMap<String, String> =
        yichuang_local::sync::department_users(&app.store, &st.profile.department_code)
            .await
            .map_err(err)?
            .into_iter()
            .map(|(id, _, name, _)| (id, name))
            .collect();
    let mut cards = Vec::new();
    let mut windows: BTreeMap<String, WindowCards> = BTreeMap::new();
    for row in rows {
        let Some(level) = CardLevel::parse(&row.level) else {
            continue;
        };
        let Ok(due_date) = row.due_date.parse() else {
            continue;
        };
        let c = &row.case;
        let status = c.card_status(level);
        let owner = names
            .get(&c.owner)
            .cloned()
            .unwrap_or_else(|| c.owner.clone());
        let clerk = match &c.holder {
            Some(h) => format!("{owner}（{} 代办）", h.name),
            None => owner,
        };
        let w = windows
            .entry(c.office.window_code.clone())
            .or_insert_with(|| WindowCards {
                window_code: c.office.window_code.clone(),
                window_name: c.office.window_name.clone(),
                yellow: 0,
                red: 0,
                rectification: 0,
                appealed: 0,
            });
        match (status, level) {
            (CardStatus::Cancelled, _) => {}
            (_, CardLevel::Yellow) => w.yellow += 1,
            (_, CardLevel::Red) => w.red += 1,
            _ => w.rectification += 1,
        }
        if status == CardStatus::Appealed {
            w.appealed += 1;
        }
        cards.push(SupervisedCard {
            case_id: c.id.clone(),
            case_no: c.case_no.clone(),
            item_name: c.item.name.clone(),
            window_code: c.office.window_code.clone(),
            window_name: c.office.window_name.clone(),
            clerk,
            level,
            raised_at: row.raised_at,
            due_date,
            status,
            appeal: c.appeal_of(level).cloned(),
            case_open: !c.state.is_closed(),
        });
    }
    let role = app
        .session
        .lock()
        .expect("session lock")
        .as_ref()
        .map(|u| u.role);
    let enrolled = crate::sync::enrollment(app).await?.is_some();
    Ok(SupervisionBoard {
        department_name: st.department_name.clone(),
        cards,
        windows: windows.into_values().collect(),
        // A PC never enrolled acts as its profile's clerk: it may appeal, and has no
        // supervisor.
        can_appeal: !enrolled || role.is_some_and(|r| r.works_cases()),
        can_rule: enrolled && role == Some(Role::Supervisor),
    })
}

/// Refuses an appeal or ruling on a card the case never earned.
async fn require_card(app: &App, case_id: &str, card: CardLevel) -> Result<(), ApiError> {
    let lang = app.lang();
    if store::exists(&app.store, case_id, card.as_str())
        .await
        .map_err(|e| ApiError::from_store(e, lang))?
    {
        return Ok(());
    }
    Err(ApiError::new(
        ErrorCode::CardNotFound,
        match lang {
            yichuang_core::Lang::ZhCn => format!("该办件没有{}，无从申诉", card.label_zh()),
            yichuang_core::Lang::En => "This case has no such card to appeal".to_string(),
        },
    ))
}

/// A clerk appeals a card, with a reason.
pub async fn appeal(app: &App, req: AppealCardRequest) -> Result<SupervisionBoard, ApiError> {
    let st = station(app).await?;
    require_card(app, &req.case_id, req.card).await?;
    commit(
        app,
        &st,
        &req.action_key,
        Some(&req.case_id),
        Draw::Nothing,
        MutationBody::Command {
            command: CaseCommand::AppealCard {
                card: req.card,
                reason: req.reason.clone(),
            },
        },
        None,
    )
    .await?;
    board(app, ()).await
}

/// The supervisor upholds or cancels an appealed card, with a note.
pub async fn rule(app: &App, req: RuleAppealRequest) -> Result<SupervisionBoard, ApiError> {
    let st = station(app).await?;
    // The card itself may have been raised at another PC (it comes down with the case);
    // the appeal being ruled on proves it, and the county checks it again.
    let supervisor = super::session::supervising_user(app, &st, &req.password).await?;
    commit_as(
        app,
        &st,
        &supervisor,
        &req.action_key,
        Some(&req.case_id),
        Draw::Nothing,
        MutationBody::Command {
            command: CaseCommand::RuleAppeal {
                card: req.card,
                uphold: req.uphold,
                note: req.note.clone(),
            },
        },
        None,
    )
    .await?;
    board(app, ()).await
}
