//! Catalog versions in the cache: import (all or nothing), the current version, search and
//! item lookup. Validation already happened in yichuang-core; this module refuses only what
//! depends on what is stored (a reused version number, a downgrade).

use crate::settings;
use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use sqlx::Row;
use std::cmp::Ordering;
use yichuang_core::catalog::{compare_versions, Catalog, ServiceItem};

const CURRENT: &str = "catalog.current";

/// Where an imported catalog came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogSource {
    File,
    Demo,
    Hub,
}

impl CatalogSource {
    fn as_str(self) -> &'static str {
        match self {
            CatalogSource::File => "file",
            CatalogSource::Demo => "demo",
            CatalogSource::Hub => "hub",
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A new version was stored and is now current.
    Imported,
    /// The very same version and content was already there; nothing changed.
    AlreadyPresent,
}

/// One stored version, for the status line ("目录版本 2026.11").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionInfo {
    pub version: String,
    pub region_code: String,
    pub region_name: String,
    pub imported_at: String,
    pub item_count: i64,
    pub department_count: i64,
}

/// A search hit: enough to list the item and filter by department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    pub code: String,
    pub name: String,
    pub department_code: String,
    pub department_name: String,
    pub kind: String,
    pub statutory_days: i64,
    pub promised_days: i64,
    pub requires_chief_approval: bool,
    pub fee_cents: Option<i64>,
}

fn digest(catalog: &Catalog) -> Result<(String, String), StoreError> {
    let document =
        serde_json::to_string(catalog).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let sha = hex::encode(Sha256::digest(document.as_bytes()));
    Ok((document, sha))
}

/// Stores `catalog` as a new version and makes it current, in one transaction.
pub async fn import(
    store: &Store,
    catalog: &Catalog,
    source: CatalogSource,
    now: DateTime<Utc>,
) -> Result<ImportOutcome, StoreError> {
    let (document, sha) = digest(catalog)?;
    let mut tx = store.write().await?;
    let existing: Option<String> =
        sqlx::query_scalar("SELECT sha256 FROM catalog_version WHERE version = ?")
            .bind(&catalog.version)
            .fetch_optional(&mut *tx)
            .await?;
    match existing {
        Some(s) if s == sha => return Ok(ImportOutcome::AlreadyPresent),
        Some(_) => {
            return Err(StoreError::CatalogVersionConflict {
                version: catalog.version.clone(),
            })
        }
        None => {}
    }
    let current: Option<String> = sqlx::query_scalar("SELECT value FROM setting WHERE key = ?")
        .bind(CURRENT)
        .fetch_optional(&mut *tx)
        .await?;
    if let Some(current) = current {
        if compare_versions(&catalog.version, &current) != Ordering::Greater {
            return Err(StoreError::CatalogOlderThanCurrent {
                offered: catalog.version.clone(),
                current,
            });
        }
    }
    sqlx::query(
        "INSERT INTO catalog_version \
         (version, region_code, region_name, sha256, document, source, imported_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&catalog.version)
    .bind(&catalog.region.code)
    .bind(&catalog.region.name)
    .bind(&sha)
    .bind(&document)
    .bind(source.as_str())
    .bind(now.to_rfc3339())
    .execute(&mut *tx)
    .await?;
    for d in &catalog.departments {
        sqlx::query("INSERT INTO catalog_department (version, code, name) VALUES (?, ?, ?)")
            .bind(&catalog.version)
            .bind(&d.code)
            .bind(&d.name)
            .execute(&mut *tx)
            .await?;
    }
    for item in &catalog.items {
        let doc = serde_json::to_string(item).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        sqlx::query(
            "INSERT INTO catalog_item (version, code, name, department_code, kind, \
             statutory_days, promised_days, requires_chief_approval, fee_cents, document) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&catalog.version)
        .bind(&item.code)
        .bind(&item.name)
        .bind(&item.department)
        .bind(item.kind.as_str())
        .bind(i64::from(item.statutory_days))
        .bind(i64::from(item.promised_days))
        .bind(item.requires_chief_approval)
        .bind(item.fee.as_ref().map(|f| i64::from(f.amount_cents)))
        .bind(doc)
        .execute(&mut *tx)
        .await?;
    }
    settings::set_in(&mut tx, CURRENT, &catalog.version).await?;
    tx.commit().await?;
    Ok(ImportOutcome::Imported)
}

/// The version new cases use, if any catalog was imported.
pub async fn current_version(store: &Store) -> Result<Option<String>, StoreError> {
    settings::get(store, CURRENT).await
}

/// Every stored version, newest first.
pub async fn versions(store: &Store) -> Result<Vec<VersionInfo>, StoreError> {
    let rows = sqlx::query(
        "SELECT v.version, v.region_code, v.region_name, v.imported_at, \
           (SELECT count(*) FROM catalog_item i WHERE i.version = v.version) AS items, \
           (SELECT count(*) FROM catalog_department d WHERE d.version = v.version) AS depts \
         FROM catalog_version v",
    )
    .fetch_all(store.pool())
    .await?;
    let mut out: Vec<VersionInfo> = rows
        .iter()
        .map(|r| VersionInfo {
            version: r.get("version"),
            region_code: r.get("region_code"),
            region_name: r.get("region_name"),
            imported_at: r.get("imported_at"),
            item_count: r.get("items"),
            department_count: r.get("depts"),
        })
        .collect();
    out.sort_by(|a, b| compare_versions(&b.version, &a.version));
    Ok(out)
}

/// Departments of a version, in catalog order of their codes.
pub async fn departments(
    store: &Store,
    version: &str,
) -> Result<Vec<(String, String)>, StoreError> {
    let rows =
        sqlx::query("SELECT code, name FROM catalog_department WHERE version = ? ORDER BY rowid")
            .bind(version)
            .fetch_all(store.pool())
            .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get("code"), r.get("name")))
        .collect())
}

/// Items of `version` whose name contains `query` or whose code starts with it, optionally
/// of one department; at most `limit`, by code.
pub async fn search(
    store: &Store,
    version: &str,
    query: &str,
    department: Option<&str>,
    limit: u32,
) -> Result<Vec<ItemRow>, StoreError> {
    let q = escape_like(query.trim());
    let rows = sqlx::query(
        "SELECT i.code, i.name, i.department_code, d.name AS department_name, i.kind, \
                i.statutory_days, i.promised_days, i.requires_chief_approval, i.fee_cents \
         FROM catalog_item i \
         JOIN catalog_department d ON d.version = i.version AND d.code = i.department_code \
         WHERE i.version = ?1 \
           AND (?2 IS NULL OR i.department_code = ?2) \
           AND (i.name LIKE '%' || ?3 || '%' ESCAPE '\\' OR i.code LIKE ?3 || '%' ESCAPE '\\') \
         ORDER BY i.code \
         LIMIT ?4",
    )
    .bind(version)
    .bind(department)
    .bind(q)
    .bind(i64::from(limit))
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .iter()
        .map(|r| ItemRow {
            code: r.get("code"),
            name: r.get("name"),
            department_code: r.get("department_code"),
            department_name: r.get("department_name"),
            kind: r.get("kind"),
            statutory_days: r.get("statutory_days"),
            promised_days: r.get("promised_days"),
            requires_chief_approval: r.get("requires_chief_approval"),
            fee_cents: r.get("fee_cents"),
        })
        .collect())
}

/// One item of one version, whole (materials, situations, fee, …).
pub async fn item(
    store: &Store,
    version: &str,
    code: &str,
) -> Result<Option<ServiceItem>, StoreError> {
    let doc: Option<String> =
        sqlx::query_scalar("SELECT document FROM catalog_item WHERE version = ? AND code = ?")
            .bind(version)
            .bind(code)
            .fetch_optional(store.pool())
            .await?;
    doc.map(|d| serde_json::from_str(&d).map_err(|e| StoreError::Corrupt(e.to_string())))
        .transpose()
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

#[cfg(test)]
mod tests;
