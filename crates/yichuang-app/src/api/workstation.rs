//! This workstation's place in the center: its department and window, the clerk at it, the
//! number formats of its series and the yellow-card threshold. Set once in 设置; every case
//! and notice number is drawn from the series these name. Once the PC is enrolled with the
//! county, its department, window and center come from the hub and cannot be changed here,
//! and the clerk is whoever logs in (see `session`).

use crate::{ApiError, App, ErrorCode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::numbering::{
    NumberFormat, SeriesParts, DEFAULT_CASE_FORMAT, DEFAULT_NOTICE_FORMAT,
};
use yichuang_local::{catalog as catalog_store, settings};

const PROFILE_KEY: &str = "workstation.profile";
const ID_KEY: &str = "workstation.id";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkstationProfile {
    /// Department code of the catalog (e.g. SCJG).
    pub department_code: String,
    /// Window code in numbers (e.g. W03).
    pub window_code: String,
    /// As printed on notices (e.g. 3号窗口).
    pub window_name: String,
    pub clerk_id: String,
    pub clerk_name: String,
    /// Printed at the top of notices (e.g. 江永县政务服务中心).
    pub center_name: String,
    pub case_format: String,
    pub notice_format: String,
    /// Yellow card when the promised date is this many working days away or less.
    pub yellow_within_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkstationInfo {
    pub workstation_id: String,
    pub region_code: Option<String>,
    pub profile: Option<WorkstationProfile>,
    /// What a profile starts from (the county's default formats).
    pub defaults: WorkstationProfile,
}

fn defaults() -> WorkstationProfile {
    WorkstationProfile {
        department_code: String::new(),
        window_code: String::new(),
        window_name: String::new(),
        clerk_id: String::new(),
        clerk_name: String::new(),
        center_name: String::new(),
        case_format: DEFAULT_CASE_FORMAT.into(),
        notice_format: DEFAULT_NOTICE_FORMAT.into(),
        yellow_within_days: 1,
    }
}

fn store_err(app: &App) -> impl Fn(yichuang_local::StoreError) -> ApiError {
    let lang = app.lang();
    move |e| ApiError::from_store(e, lang)
}

/// This installation's id, made on first use and never changed (it names the audit chain).
pub(crate) async fn workstation_id(app: &App) -> Result<String, ApiError> {
    if let Some(id) = settings::get(&app.store, ID_KEY)
        .await
        .map_err(store_err(app))?
    {
        return Ok(id);
    }
    let id = format!("ws-{}", uuid::Uuid::new_v4().simple());
    settings::set(&app.store, ID_KEY, &id)
        .await
        .map_err(store_err(app))?;
    Ok(id)
}

async fn region(app: &App) -> Result<Option<String>, ApiError> {
    let Some(version) = catalog_store::current_version(&app.store)
        .await
        .map_err(store_err(app))?
    else {
        return Ok(None);
    };
    Ok(catalog_store::versions(&app.store)
        .await
        .map_err(store_err(app))?
        .into_iter()
        .find(|v| v.version == version)
        .map(|v| v.region_code))
}

pub async fn get(app: &App, _req: ()) -> Result<WorkstationInfo, ApiError> {
    let profile = settings::get(&app.store, PROFILE_KEY)
        .await
        .map_err(store_err(app))?
        .and_then(|p| serde_json::from_str(&p).ok());
    Ok(WorkstationInfo {
        workstation_id: workstation_id(app).await?,
        region_code: region(app).await?,
        profile,
        defaults: defaults(),
    })
}

fn invalid(app: &App, field: &str, zh: &str, en: &str) -> ApiError {
    let mut e = ApiError::new(ErrorCode::InvalidInput, app.lang().pick(zh, en));
    e.fields.push(yichuang_core::case::FieldError {
        field: field.into(),
        message: app.lang().pick(zh, en).into(),
    });
    e
}

/// Saves the profile after checking it: a department of the current catalog, a window code
/// fit for numbers, a clerk, and number formats that keep numbers unique and gap-free.
pub async fn set(app: &App, req: WorkstationProfile) -> Result<WorkstationInfo, ApiError> {
    let lang = app.lang();
    let mut p = req;
    for f in [
        &mut p.department_code,
        &mut p.window_code,
        &mut p.window_name,
        &mut p.clerk_id,
        &mut p.clerk_name,
        &mut p.center_name,
        &mut p.case_format,
        &mut p.notice_format,
    ] {
        *f = f.trim().to_string();
    }
    let enrolled = crate::sync::enrollment(app).await?;
    let previous = get(app, ()).await?.profile;
    if let (Some(e), Some(old)) = (&enrolled, &previous) {
        // The county decides where this PC sits; the rest stays the window's choice.
        p.department_code = e.department_code.clone();
        p.window_code = e.window_code.clone();
        p.center_name = old.center_name.clone();
        if p.window_name.is_empty() {
            p.window_name = old.window_name.clone();
        }
    }
    let version = catalog_store::current_version(&app.store)
        .await
        .map_err(store_err(app))?
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::CatalogNotLoaded,
                lang.pick("请先导入事项目录", "Import a catalog first"),
            )
        })?;
    let departments = catalog_store::departments(&app.store, &version)
        .await
        .map_err(store_err(app))?;
    if !departments.iter().any(|(c, _)| *c == p.department_code) {
        return Err(invalid(
            app,
            "department_code",
            "请选择本窗口所属部门",
            "Choose the window's department",
        ));
    }
    // Cases are never orphaned: a window with open cases keeps its department until they are
    // closed (or, once AB岗 lands, handed over).
    if let Some(old) = previous.filter(|old| old.department_code != p.department_code) {
        let open = yichuang_local::cases::open_count(&app.store, &old.department_code)
            .await
            .map_err(store_err(app))?;
        if open > 0 {
            let zh = format!("本窗口尚有 {open} 件未办结办件，办结或移交前不能更换所属部门");
            let en = format!("This window still has {open} open cases; close or hand them over before changing its department");
            return Err(invalid(app, "department_code", &zh, &en));
        }
    }
    if p.window_code.is_empty()
        || p.window_code.len() > 8
        || !p.window_code.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return Err(invalid(
            app,
            "window_code",
            "窗口编号须为 1–8 位字母或数字（如 W03）",
            "Window code: 1–8 letters or digits (e.g. W03)",
        ));
    }
    if enrolled.is_none() && (p.clerk_name.is_empty() || p.clerk_id.is_empty()) {
        return Err(invalid(
            app,
            "clerk_name",
            "请填写窗口工作人员姓名和工号",
            "Enter the clerk's name and staff number",
        ));
    }
    if p.window_name.is_empty() {
        p.window_name = p.window_code.clone();
    }
    if p.center_name.is_empty() {
        return Err(invalid(
            app,
            "center_name",
            "请填写政务服务中心名称",
            "Enter the service center's name",
        ));
    }
    for (field, template, notices) in [
        ("case_format", &p.case_format, false),
        ("notice_format", &p.notice_format, true),
    ] {
        NumberFormat::parse(template, notices).map_err(|e| {
            let mut err = ApiError::new(ErrorCode::NumberFormatInvalid, e.message(lang));
            err.fields.push(yichuang_core::case::FieldError {
                field: field.into(),
                message: e.message(lang),
            });
            err
        })?;
    }
    if !(0..=5).contains(&p.yellow_within_days) {
        return Err(invalid(
            app,
            "yellow_within_days",
            "黄牌提前天数应为 0–5 个工作日",
            "Yellow-card lead: 0–5 working days",
        ));
    }
    let json = serde_json::to_string(&p).expect("profile serialises");
    settings::set(&app.store, PROFILE_KEY, &json)
        .await
        .map_err(store_err(app))?;
    get(app, ()).await
}

/// Takes the department, window and center the county enrolled this PC for, keeping the
/// window's own choices (formats, yellow-card lead) when a profile exists.
pub(crate) async fn adopt_enrollment(
    app: &App,
    reply: &yichuang_sync::EnrollReply,
) -> Result<(), ApiError> {
    let mut p = get(app, ()).await?.profile.unwrap_or_else(defaults);
    p.department_code = reply.department_code.clone();
    p.window_code = reply.window_code.clone();
    p.window_name = reply.window_name.clone();
    p.center_name = reply.center_name.clone();
    let json = serde_json::to_string(&p).expect("profile serialises");
    settings::set(&app.store, PROFILE_KEY, &json)
        .await
        .map_err(store_err(app))
}

/// Everything a counter action needs to know about this workstation.
#[derive(Debug, Clone)]
pub(crate) struct Station {
    pub id: String,
    pub profile: WorkstationProfile,
    /// The department's name in the current catalog (printed on notices).
    pub department_name: String,
    pub parts: SeriesParts,
    pub case_format: NumberFormat,
    pub notice_format: NumberFormat,
}

/// The configured workstation, or a clear "set up this window first".
pub(crate) async fn station(app: &App) -> Result<Station, ApiError> {
    let info = get(app, ()).await?;
    let lang = app.lang();
    let (Some(profile), Some(region)) = (info.profile, info.region_code) else {
        return Err(ApiError::new(
            ErrorCode::WorkstationNotConfigured,
            lang.pick(
                "本窗口尚未设置（部门、窗口编号、工作人员）。请到“设置 → 本窗口”填写。",
                "This window is not set up yet (department, window, clerk). Go to Settings → This window.",
            ),
        ));
    };
    let version = catalog_store::current_version(&app.store)
        .await
        .map_err(store_err(app))?
        .unwrap_or_default();
    let department_name = catalog_store::departments(&app.store, &version)
        .await
        .map_err(store_err(app))?
        .into_iter()
        .find(|(c, _)| *c == profile.department_code)
        .map(|(_, n)| n)
        .unwrap_or_else(|| profile.department_code.clone());
    let bad = |e: yichuang_core::numbering::NumberFormatError| {
        ApiError::new(ErrorCode::NumberFormatInvalid, e.message(lang))
    };
    Ok(Station {
        parts: SeriesParts {
            region,
            dept: profile.department_code.clone(),
            window: profile.window_code.clone(),
            workstation: info.workstation_id.clone(),
        },
        case_format: NumberFormat::parse(&profile.case_format, false).map_err(bad)?,
        notice_format: NumberFormat::parse(&profile.notice_format, true).map_err(bad)?,
        id: info.workstation_id,
        department_name,
        profile,
    })
}
