//! The service-item catalog as the clerk uses it: what is loaded, importing a file or the
//! demo catalog, browsing departments, searching items and opening one.

use crate::{ApiError, App, ErrorCode, DEMO_CATALOG};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::catalog::{Catalog, ItemKind, ServiceItem};
use yichuang_core::Lang;
use yichuang_local::catalog::{self as store, CatalogSource, ImportOutcome, VersionInfo};

/// Most hits a search returns; a county has ~300 items, so this only guards the UI.
const SEARCH_LIMIT: u32 = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CatalogVersionInfo {
    pub version: String,
    pub region_code: String,
    pub region_name: String,
    pub imported_at: String,
    pub item_count: u32,
    pub department_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CatalogStatus {
    /// The version new cases use; `null` on first start, before any import.
    pub current: Option<CatalogVersionInfo>,
    /// Every stored version, newest first (older ones stay for cases opened under them).
    pub versions: Vec<CatalogVersionInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportCatalogRequest {
    /// The `yichuang-catalog/1` file's text.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportCatalogResult {
    pub version: String,
    pub item_count: u32,
    /// `false` when this exact version was already loaded and nothing changed.
    pub changed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DepartmentInfo {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchItemsRequest {
    /// Part of the item's name, or the start of its code; empty lists everything.
    pub query: String,
    pub department: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ItemSummary {
    pub code: String,
    pub name: String,
    pub department_code: String,
    pub department_name: String,
    pub kind: ItemKind,
    pub statutory_days: u32,
    pub promised_days: u32,
    pub requires_chief_approval: bool,
    pub fee_cents: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ItemRequest {
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ItemDetail {
    pub catalog_version: String,
    pub department_name: String,
    pub item: ServiceItem,
}

fn to_info(v: VersionInfo) -> CatalogVersionInfo {
    CatalogVersionInfo {
        version: v.version,
        region_code: v.region_code,
        region_name: v.region_name,
        imported_at: v.imported_at,
        item_count: u32::try_from(v.item_count).unwrap_or(u32::MAX),
        department_count: u32::try_from(v.department_count).unwrap_or(u32::MAX),
    }
}

fn store_err(app: &App) -> impl Fn(yichuang_local::StoreError) -> ApiError {
    let lang = app.lang();
    move |e| ApiError::from_store(e, lang)
}

pub async fn status(app: &App, _req: ()) -> Result<CatalogStatus, ApiError> {
    let current = store::current_version(&app.store)
        .await
        .map_err(store_err(app))?;
    let versions: Vec<CatalogVersionInfo> = store::versions(&app.store)
        .await
        .map_err(store_err(app))?
        .into_iter()
        .map(to_info)
        .collect();
    Ok(CatalogStatus {
        current: versions
            .iter()
            .find(|v| Some(&v.version) == current.as_ref())
            .cloned(),
        versions,
    })
}

/// Imports a catalog file. A malformed file is refused whole, naming item and field.
pub async fn import(app: &App, req: ImportCatalogRequest) -> Result<ImportCatalogResult, ApiError> {
    import_text(app, &req.text, CatalogSource::File).await
}

/// Loads the bundled sample county catalog (first start, demos, training).
pub async fn load_demo(app: &App, _req: ()) -> Result<ImportCatalogResult, ApiError> {
    import_text(app, DEMO_CATALOG, CatalogSource::Demo).await
}

pub(crate) async fn import_text(
    app: &App,
    text: &str,
    source: CatalogSource,
) -> Result<ImportCatalogResult, ApiError> {
    let lang = app.lang();
    let catalog = Catalog::parse(text)
        .map_err(|e| ApiError::new(ErrorCode::CatalogInvalid, e.message(lang)))?;
    let outcome = store::import(&app.store, &catalog, source, app.clock.now())
        .await
        .map_err(store_err(app))?;
    tracing::info!(version = %catalog.version, ?outcome, "catalog import");
    Ok(ImportCatalogResult {
        version: catalog.version,
        item_count: u32::try_from(catalog.items.len()).unwrap_or(u32::MAX),
        changed: outcome == ImportOutcome::Imported,
    })
}

async fn require_current(app: &App) -> Result<String, ApiError> {
    store::current_version(&app.store)
        .await
        .map_err(store_err(app))?
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::CatalogNotLoaded,
                app.lang().pick(
                    "尚未导入事项目录。请先导入目录文件或加载演示目录。",
                    "No catalog is loaded yet. Import a catalog file or load the demo catalog.",
                ),
            )
        })
}

pub async fn departments(app: &App, _req: ()) -> Result<Vec<DepartmentInfo>, ApiError> {
    let version = require_current(app).await?;
    Ok(store::departments(&app.store, &version)
        .await
        .map_err(store_err(app))?
        .into_iter()
        .map(|(code, name)| DepartmentInfo { code, name })
        .collect())
}

pub async fn search(app: &App, req: SearchItemsRequest) -> Result<Vec<ItemSummary>, ApiError> {
    let version = require_current(app).await?;
    let department = req.department.as_deref().filter(|d| !d.is_empty());
    let rows = store::search(&app.store, &version, &req.query, department, SEARCH_LIMIT)
        .await
        .map_err(store_err(app))?;
    Ok(rows
        .into_iter()
        .map(|r| ItemSummary {
            kind: ItemKind::parse(&r.kind).unwrap_or(ItemKind::Promised),
            code: r.code,
            name: r.name,
            department_code: r.department_code,
            department_name: r.department_name,
            statutory_days: u32::try_from(r.statutory_days).unwrap_or(0),
            promised_days: u32::try_from(r.promised_days).unwrap_or(0),
            requires_chief_approval: r.requires_chief_approval,
            fee_cents: r.fee_cents.and_then(|c| u32::try_from(c).ok()),
        })
        .collect())
}

pub async fn item(app: &App, req: ItemRequest) -> Result<ItemDetail, ApiError> {
    let version = require_current(app).await?;
    let item = current_item(app, &req.code).await?;
    let department_name = store::departments(&app.store, &version)
        .await
        .map_err(store_err(app))?
        .into_iter()
        .find(|(code, _)| *code == item.department)
        .map(|(_, name)| name)
        .unwrap_or_else(|| item.department.clone());
    Ok(ItemDetail {
        catalog_version: version,
        department_name,
        item,
    })
}

/// An item of the current catalog, or a typed "not found".
pub(crate) async fn current_item(app: &App, code: &str) -> Result<ServiceItem, ApiError> {
    let version = require_current(app).await?;
    store::item(&app.store, &version, code)
        .await
        .map_err(store_err(app))?
        .ok_or_else(|| not_found(app.lang(), code, &version))
}

fn not_found(lang: Lang, code: &str, version: &str) -> ApiError {
    ApiError::new(
        ErrorCode::ItemNotFound,
        match lang {
            Lang::ZhCn => format!("目录 {version} 中没有事项 {code}"),
            Lang::En => format!("Catalog {version} has no item {code}"),
        },
    )
}
