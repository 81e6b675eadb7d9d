//! The A/B post handover of a window (AB岗, DOMAIN.md rule 5). Done at A's window with both
//! present: B confirms with B's own password, every case A still answers for is handed over
//! in ONE transaction (each a synced case mutation that bumps its owner epoch), and the
//! session passes to B. The return is the same the other way, confirmed by A's password.
//! Both produce a printable sheet. The per-case rule (fencing, "B on behalf of A") is
//! yichuang-core's; two-workstation handovers take effect as they sync.

use super::session::{self, LoginRequest, SessionUser};
use super::workstation::{station, Station};
use crate::commit::{write_in, Draw};
use crate::{ApiError, App, ErrorCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::case::{Actor, Case, CaseCommand, CaseState, MutationBody};
use yichuang_core::Lang;
use yichuang_local::handover::{self as store, HandoverRecord};
use yichuang_local::journal::{self, AuditInput};

/// One line of a handover sheet: a case and what it still needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SheetLine {
    pub case_id: String,
    pub case_no: String,
    pub item_name: String,
    pub applicant_name: String,
    pub state: CaseState,
    pub due_date: Option<NaiveDate>,
    /// What is pending: an approval, the result, a notice answer, a rectification.
    pub pending: String,
}

/// A colleague who can take over the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Colleague {
    pub user_id: String,
    pub username: String,
    pub name: String,
}

/// A handover as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HandoverInfo {
    pub id: String,
    pub from_id: String,
    pub from_name: String,
    pub to_id: String,
    pub to_name: String,
    pub reason: String,
    pub expected_return: Option<String>,
    pub started_at: String,
    pub ended_at: Option<String>,
    pub handed: Vec<SheetLine>,
    pub returned: Option<Vec<SheetLine>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HandoverOverview {
    /// The handover under way at this window, if any.
    pub active: Option<HandoverInfo>,
    /// Who may take over (the department's other clerks and chief representatives).
    pub colleagues: Vec<Colleague>,
    /// What the logged-in clerk would hand over now.
    pub open_cases: Vec<SheetLine>,
    pub history: Vec<HandoverInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StartHandoverRequest {
    pub to_username: String,
    /// B's own password: B confirms at A's window.
    pub to_password: String,
    /// 请假 / 会议 / 下班 / …
    pub reason: String,
    pub expected_return: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReturnHandoverRequest {
    /// A's password: A confirms taking the window back.
    pub owner_password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HandoverSheetRequest {
    pub handover_id: String,
    /// The return sheet instead of the handover sheet.
    pub back: bool,
    /// Open it in the system viewer to print.
    pub print: bool,
}

/// A rendered document kept on this workstation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DocumentFile {
    pub path: String,
}

fn err(lang: Lang) -> impl Fn(yichuang_local::StoreError) -> ApiError {
    move |e| ApiError::from_store(e, lang)
}

fn state_err(app: &App, zh: &str, en: &str) -> ApiError {
    ApiError::new(ErrorCode::HandoverState, app.lang().pick(zh, en))
}

fn logged_in(app: &App) -> Result<SessionUser, ApiError> {
    app.session
        .lock()
        .expect("session lock")
        .clone()
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::LoginRequired,
                app.lang().pick(
                    "AB岗交接须在已注册到县级中心的窗口登录后进行",
                    "A handover needs a logged-in user on an enrolled PC",
                ),
            )
        })
}

fn actor(u: &SessionUser) -> Actor {
    Actor {
        user_id: u.user_id.clone(),
        name: u.name.clone(),
        role: u.role,
    }
}

/// What a case still needs, in the words of the sheet.
fn pending(c: &Case) -> String {
    if let Some(p) = &c.pending_approval {
        return format!("待首席代表审批：{}", p.subject.describe());
    }
    if c.rectification.as_ref().is_some_and(|r| r.is_open()) {
        return "差评整改任务未完成".into();
    }
    match c.state {
        CaseState::Completed | CaseState::Evaluated => "已办结，待出件".into(),
        CaseState::AwaitingCorrection => "已出具补正告知，等待申请人补正".into(),
        CaseState::Reviewing | CaseState::Received => "材料审查中".into(),
        CaseState::Suspended => "特别程序中".into(),
        other => other.label_zh().into(),
    }
}

fn line(c: &Case, app: &App) -> SheetLine {
    let calendar = app.calendar();
    let today = app.clock.local_now().date();
    SheetLine {
        case_id: c.id.clone(),
        case_no: c.case_no.clone(),
        item_name: c.item.name.clone(),
        applicant_name: c.applicant.name().to_string(),
        state: c.state,
        due_date: c.deadlines(&calendar, today).map(|d| d.promised),
        pending: pending(c),
    }
}

fn info(h: &HandoverRecord) -> Result<HandoverInfo, ApiError> {
    let parse = |s: &str| -> Result<Vec<SheetLine>, ApiError> {
        serde_json::from_str(s).map_err(|e| {
            ApiError::from_store(
                yichuang_local::StoreError::Corrupt(e.to_string()),
                Lang::ZhCn,
            )
        })
    };
    Ok(HandoverInfo {
        id: h.id.clone(),
        from_id: h.from_id.clone(),
        from_name: h.from_name.clone(),
        to_id: h.to_id.clone(),
        to_name: h.to_name.clone(),
        reason: h.reason.clone(),
        expected_return: h.expected_return.clone(),
        started_at: h.started_at.clone(),
        ended_at: h.ended_at.clone(),
        handed: parse(&h.start_sheet)?,
        returned: h.return_sheet.as_deref().map(parse).transpose()?,
    })
}

/// The cases `user` answers for at this department (owned and not handed over), needing work.
async fn answering_for(
    app: &App,
    tx: &mut yichuang_local::WriteTx,
    st: &Station,
    user_id: &str,
) -> Result<Vec<Case>, ApiError> {
    Ok(store::cases_of(tx, &st.profile.department_code, user_id)
        .await
        .map_err(err(app.lang()))?
        .into_iter()
        .filter(|c| c.owner == user_id && c.holder.is_none() && c.needs_work())
        .collect())
}

pub async fn overview(app: &App, _req: ()) -> Result<HandoverOverview, ApiError> {
    let lang = app.lang();
    let st = station(app).await?;
    let me = app.session.lock().expect("session lock").clone();
    let active = store::open_for_window(&app.store, &st.profile.window_code)
        .await
        .map_err(err(lang))?
        .as_ref()
        .map(info)
        .transpose()?;
    let colleagues =
        yichuang_local::sync::department_users(&app.store, &st.profile.department_code)
            .await
            .map_err(err(lang))?
            .into_iter()
            .filter(|(id, _, _, role)| {
                me.as_ref().is_none_or(|m| &m.user_id != id)
                    && yichuang_core::case::Role::parse(role).is_some_and(|r| r.works_cases())
            })
            .map(|(user_id, username, name, _)| Colleague {
                user_id,
                username,
                name,
            })
            .collect();
    let open_cases = match &me {
        Some(m) => {
            let mut tx = app.store.write().await.map_err(err(lang))?;
            let cases = answering_for(app, &mut tx, &st, &m.user_id).await?;
            drop(tx);
            cases.iter().map(|c| line(c, app)).collect()
        }
        None => Vec::new(),
    };
    let history = store::history(&app.store, &st.profile.window_code, 20)
        .await
        .map_err(err(lang))?
        .iter()
        .map(info)
        .collect::<Result<_, _>>()?;
    Ok(HandoverOverview {
        active,
        colleagues,
        open_cases,
        history,
    })
}

/// A hands the window to B: B's password confirms, every case A answers for is handed over
/// in one transaction, and B is logged in.
pub async fn start(app: &App, req: StartHandoverRequest) -> Result<HandoverInfo, ApiError> {
    let lang = app.lang();
    let st = station(app).await?;
    let from = logged_in(app)?;
    let reason = req.reason.trim().to_string();
    if reason.is_empty() {
        return Err(ApiError::new(
            ErrorCode::ReasonRequired,
            lang.pick("请选择或填写交接事由", "Give the reason for the handover"),
        ));
    }
    let to = session::verify(
        app,
        &LoginRequest {
            username: req.to_username.clone(),
            password: req.to_password.clone(),
        },
    )
    .await?;
    if to.user_id == from.user_id || !to.role.works_cases() {
        return Err(ApiError::new(
            ErrorCode::BackupRequired,
            lang.pick(
                "请由本部门的另一位窗口人员接收交接",
                "Hand over to another clerk of the department",
            ),
        ));
    }
    if store::open_for_window(&app.store, &st.profile.window_code)
        .await
        .map_err(err(lang))?
        .is_some()
    {
        return Err(state_err(
            app,
            "本窗口已有进行中的交接，请先交回",
            "A handover is already under way at this window; return it first",
        ));
    }
    let id = uuid::Uuid::new_v4().to_string();
    let now = app.clock.local_now();
    let mut tx = app.store.write().await.map_err(err(lang))?;
    let cases = answering_for(app, &mut tx, &st, &from.user_id).await?;
    let a = actor(&from);
    for c in &cases {
        let command = CaseCommand::HandOver {
            handover_id: id.clone(),
            to_id: to.user_id.clone(),
            to_name: to.name.clone(),
            reason: reason.clone(),
        };
        write_in(
            &mut tx,
            app,
            &st,
            &a,
            Some(&c.id),
            Draw::Nothing,
            MutationBody::Command { command },
            None,
        )
        .await?;
    }
    let lines: Vec<SheetLine> = cases.iter().map(|c| line(c, app)).collect();
    let record = HandoverRecord {
        id: id.clone(),
        workstation: st.id.clone(),
        window_code: st.profile.window_code.clone(),
        from_id: from.user_id.clone(),
        from_name: from.name.clone(),
        to_id: to.user_id.clone(),
        to_name: to.name.clone(),
        reason: reason.clone(),
        expected_return: req
            .expected_return
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty()),
        started_at: now.format("%Y-%m-%d %H:%M").to_string(),
        start_sheet: serde_json::to_string(&lines).expect("sheet serialises"),
        ended_at: None,
        return_sheet: None,
    };
    store::insert(&mut tx, &record).await.map_err(err(lang))?;
    audit(
        &mut tx,
        app,
        &st,
        &from,
        "handover_start",
        &record,
        lines.len(),
    )
    .await?;
    tx.commit()
        .await
        .map_err(|e| ApiError::from_store(e.into(), lang))?;
    session::record(app, &to, "login").await?;
    session::switch(app, Some(to));
    info(&record)
}

/// A is back: A's password confirms, every case still held under this handover goes back
/// in one transaction, and A is logged in again.
pub async fn give_back(app: &App, req: ReturnHandoverRequest) -> Result<HandoverInfo, ApiError> {
    let lang = app.lang();
    let st = station(app).await?;
    let Some(open) = store::open_for_window(&app.store, &st.profile.window_code)
        .await
        .map_err(err(lang))?
    else {
        return Err(state_err(
            app,
            "本窗口没有进行中的交接",
            "No handover is under way at this window",
        ));
    };
    // Both present: B is at the window (logged in) and A types A's password.
    if logged_in(app)?.user_id != open.to_id {
        return Err(state_err(
            app,
            "交回须由接收人（B岗）在本窗口登录后办理，并由原经办人输入密码确认",
            "The return is made with the backup logged in at this window and the owner's password",
        ));
    }
    let username = yichuang_local::sync::department_users(&app.store, &st.profile.department_code)
        .await
        .map_err(err(lang))?
        .into_iter()
        .find(|(id, _, _, _)| id == &open.from_id)
        .map(|(_, username, _, _)| username)
        .unwrap_or_default();
    let owner = session::verify(
        app,
        &LoginRequest {
            username,
            password: req.owner_password.clone(),
        },
    )
    .await?;
    let now = app.clock.local_now();
    let mut tx = app.store.write().await.map_err(err(lang))?;
    // Every case still held under this handover, whatever B did with it (a refusal or a
    // withdrawal by B comes back too, so A can void or reissue its notice).
    let held: Vec<Case> = store::held_under(&mut tx, &open.id)
        .await
        .map_err(err(lang))?;
    let a = actor(&owner);
    for c in &held {
        write_in(
            &mut tx,
            app,
            &st,
            &a,
            Some(&c.id),
            Draw::Nothing,
            MutationBody::Command {
                command: CaseCommand::TakeBack,
            },
            None,
        )
        .await?;
    }
    // The return sheet lists the cases as they come back (B may have moved them on).
    let mut lines = Vec::new();
    for c in &held {
        if let Some(now_case) = yichuang_local::cases::load_in(&mut tx, &c.id)
            .await
            .map_err(err(lang))?
        {
            lines.push(line(&now_case, app));
        }
    }
    let sheet = serde_json::to_string(&lines).expect("sheet serialises");
    let ended = now.format("%Y-%m-%d %H:%M").to_string();
    if !store::close(&mut tx, &open.id, &ended, &sheet)
        .await
        .map_err(err(lang))?
    {
        return Err(state_err(
            app,
            "该交接已交回",
            "This handover was already returned",
        ));
    }
    let mut closed = open.clone();
    closed.ended_at = Some(ended);
    closed.return_sheet = Some(sheet);
    audit(
        &mut tx,
        app,
        &st,
        &owner,
        "handover_return",
        &closed,
        lines.len(),
    )
    .await?;
    tx.commit()
        .await
        .map_err(|e| ApiError::from_store(e.into(), lang))?;
    session::record(app, &owner, "login").await?;
    session::switch(app, Some(owner));
    info(&closed)
}

async fn audit(
    tx: &mut yichuang_local::WriteTx,
    app: &App,
    st: &Station,
    by: &SessionUser,
    action: &str,
    h: &HandoverRecord,
    cases: usize,
) -> Result<(), ApiError> {
    let detail = serde_json::json!({
        "handover_id": h.id,
        "window": h.window_code,
        "from": h.from_id,
        "to": h.to_id,
        "reason": h.reason,
        "expected_return": h.expected_return,
        "cases": cases,
    });
    journal::append_audit(
        tx,
        AuditInput {
            at: app.clock.now().to_rfc3339(),
            workstation: &st.id,
            actor_id: &by.user_id,
            actor: &by.name,
            action,
            case_id: None,
            detail: detail.to_string(),
        },
    )
    .await
    .map(|_| ())
    .map_err(err(app.lang()))
}

/// The handover (or return) sheet as a PDF, kept under the data directory.
pub async fn sheet(app: &App, req: HandoverSheetRequest) -> Result<DocumentFile, ApiError> {
    let lang = app.lang();
    let st = station(app).await?;
    let h = store::by_id(&app.store, &req.handover_id)
        .await
        .map_err(err(lang))?
        .filter(|h| h.window_code == st.profile.window_code)
        .ok_or_else(|| {
            state_err(
                app,
                "本窗口没有该交接记录",
                "No such handover at this window",
            )
        })?;
    let i = info(&h)?;
    let (title, lines, at) = if req.back {
        let Some(back) = i.returned.clone() else {
            return Err(state_err(app, "该交接尚未交回", "Not returned yet"));
        };
        ("AB岗交回单", back, i.ended_at.clone().unwrap_or_default())
    } else {
        ("AB岗交接单", i.handed.clone(), i.started_at.clone())
    };
    let (giver, taker) = if req.back {
        (&i.to_name, &i.from_name)
    } else {
        (&i.from_name, &i.to_name)
    };
    use yichuang_documents::{Sheet, SheetAlign, SheetColumn};
    let sheet = Sheet {
        title: title.into(),
        subtitle: Some(st.profile.center_name.clone()),
        reference: Some(format!("交接单号：{}", &i.id[..8])),
        fields: vec![
            ("部门".into(), st.department_name.clone()),
            ("窗口".into(), st.profile.window_name.clone()),
            ("交出人".into(), giver.clone()),
            ("接收人".into(), taker.clone()),
            ("事由".into(), i.reason.clone()),
            (
                "预计返回".into(),
                i.expected_return.clone().unwrap_or_else(|| "—".into()),
            ),
            ("交接时间".into(), at),
            ("办件数".into(), lines.len().to_string()),
        ],
        columns: vec![
            // Wide enough for a whole case number on one line.
            SheetColumn::new("办件编号", 4.4, SheetAlign::Left),
            SheetColumn::new("事项", 3.0, SheetAlign::Left),
            SheetColumn::new("申请人", 1.4, SheetAlign::Left),
            SheetColumn::new("承诺期限", 1.6, SheetAlign::Center),
            SheetColumn::new("待办事项", 2.6, SheetAlign::Left),
        ],
        rows: lines
            .iter()
            .map(|l| {
                vec![
                    l.case_no.clone(),
                    l.item_name.clone(),
                    l.applicant_name.clone(),
                    l.due_date
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "—".into()),
                    l.pending.clone(),
                ]
            })
            .collect(),
        totals: None,
        empty_text: "无未办结办件".into(),
        signatures: vec!["交出人签字".into(), "接收人签字".into()],
        footer: Some(
            "交接期间接收人以“代原经办人”名义办理，所有操作记入审计日志；原经办人返回后办理交回。"
                .into(),
        ),
    };
    let name = format!(
        "handover-{}-{}.pdf",
        &i.id[..8],
        if req.back { "back" } else { "start" }
    );
    let path = super::notices::keep_sheet_pdf(app, "sheets", &name, &sheet).await?;
    if req.print {
        super::notices::open_for_print(app, &path)?;
    }
    Ok(DocumentFile { path })
}
