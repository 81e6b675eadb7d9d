//! Publishing a catalog version in the county database: all or nothing, never a downgrade,
//! never two different files under one version number.

use sha2::{Digest, Sha256};
use sqlx::types::Json;
use sqlx::PgPool;
use std::cmp::Ordering;
use yichuang_core::catalog::{compare_versions, Catalog, CatalogError};
use yichuang_core::Lang;

/// Why the county refused a catalog file.
#[derive(Debug, thiserror::Error)]
pub enum HubCatalogError {
    #[error("{0}")]
    Invalid(#[from] CatalogError),
    #[error("catalog version {0} is already published with different content")]
    VersionConflict(String),
    #[error("catalog version {offered} is older than the current version {current}")]
    Older { offered: String, current: String },
    #[error("county database error: {0}")]
    Database(#[from] sqlx::Error),
}

impl HubCatalogError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (HubCatalogError::Invalid(e), lang) => e.message(lang),
            (HubCatalogError::VersionConflict(v), Lang::ZhCn) => {
                format!("目录版本 {v} 已发布过，但内容不同；未导入。请为新内容使用新的版本号。")
            }
            (HubCatalogError::Older { offered, current }, Lang::ZhCn) => {
                format!("目录版本 {offered} 早于当前版本 {current}，未导入。")
            }
            (HubCatalogError::Database(e), Lang::ZhCn) => format!("县级数据库错误：{e}"),
            (e, Lang::En) => e.to_string(),
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogImport {
    pub version: String,
    pub items: usize,
    pub departments: usize,
    /// `false`: the same version with the same content was already published.
    pub changed: bool,
}

/// Validates `text` and publishes it as the current catalog, in one transaction.
pub async fn import_catalog(pool: &PgPool, text: &str) -> Result<CatalogImport, HubCatalogError> {
    let catalog = Catalog::parse(text)?;
    let document = serde_json::to_string(&catalog).map_err(|e| {
        HubCatalogError::Database(sqlx::Error::Protocol(format!("cannot serialise: {e}")))
    })?;
    let sha = hex::encode(Sha256::digest(document.as_bytes()));
    let report = CatalogImport {
        version: catalog.version.clone(),
        items: catalog.items.len(),
        departments: catalog.departments.len(),
        changed: true,
    };

    let mut tx = pool.begin().await?;
    // Serialise publishers: two imports at once must not both become current.
    sqlx::query("LOCK TABLE catalog_version IN SHARE ROW EXCLUSIVE MODE")
        .execute(&mut *tx)
        .await?;
    let existing: Option<String> =
        sqlx::query_scalar("SELECT sha256 FROM catalog_version WHERE version = $1")
            .bind(&catalog.version)
            .fetch_optional(&mut *tx)
            .await?;
    match existing {
        Some(s) if s == sha => {
            return Ok(CatalogImport {
                changed: false,
                ..report
            })
        }
        Some(_) => return Err(HubCatalogError::VersionConflict(catalog.version)),
        None => {}
    }
    let current: Option<String> =
        sqlx::query_scalar("SELECT version FROM catalog_version WHERE is_current")
            .fetch_optional(&mut *tx)
            .await?;
    if let Some(current) = current {
        if compare_versions(&catalog.version, &current) != Ordering::Greater {
            return Err(HubCatalogError::Older {
                offered: catalog.version,
                current,
            });
        }
    }
    sqlx::query("UPDATE catalog_version SET is_current = FALSE WHERE is_current")
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO catalog_version (version, region_code, region_name, sha256, document, \
         is_current, source_text) VALUES ($1, $2, $3, $4, $5::jsonb, TRUE, $6)",
    )
    .bind(&catalog.version)
    .bind(&catalog.region.code)
    .bind(&catalog.region.name)
    .bind(&sha)
    .bind(&document)
    // The file as published: workstations import exactly this text.
    .bind(text)
    .execute(&mut *tx)
    .await?;
    for d in &catalog.departments {
        sqlx::query("INSERT INTO catalog_department (version, code, name) VALUES ($1, $2, $3)")
            .bind(&catalog.version)
            .bind(&d.code)
            .bind(&d.name)
            .execute(&mut *tx)
            .await?;
    }
    for item in &catalog.items {
        sqlx::query(
            "INSERT INTO catalog_item (version, code, name, department_code, kind, statutory_days, \
             promised_days, requires_chief_approval, fee_cents, document) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&catalog.version)
        .bind(&item.code)
        .bind(&item.name)
        .bind(&item.department)
        .bind(item.kind.as_str())
        .bind(i32::try_from(item.statutory_days).unwrap_or(i32::MAX))
        .bind(i32::try_from(item.promised_days).unwrap_or(i32::MAX))
        .bind(item.requires_chief_approval)
        .bind(item.fee.as_ref().map(|f| i64::from(f.amount_cents)))
        .bind(Json(item))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(report)
}

/// The current version and its item count, if any catalog is published.
pub async fn current(pool: &PgPool) -> Result<Option<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT v.version, (SELECT count(*) FROM catalog_item i WHERE i.version = v.version) \
         FROM catalog_version v WHERE v.is_current",
    )
    .fetch_optional(pool)
    .await
}
