//! Calendar years imported at run time (the State Council's notice for next year), kept so
//! the calendar can be rebuilt at every start. The embedded years live in yichuang-core.

use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use sqlx::Row;
use yichuang_core::calendar::HolidayYear;

/// Stores (or replaces) one year's notice, keeping the file exactly as published.
pub async fn import_year(
    store: &Store,
    year: &HolidayYear,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut tx = store.write().await?;
    sqlx::query(
        "INSERT INTO calendar_year (year, sha256, document, imported_at) VALUES (?, ?, ?, ?) \
         ON CONFLICT (year) DO UPDATE SET sha256 = excluded.sha256, \
           document = excluded.document, imported_at = excluded.imported_at",
    )
    .bind(year.year)
    .bind(&year.sha256)
    .bind(text)
    .bind(now.to_rfc3339())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Every imported year, parsed again (the files were valid when imported).
pub async fn imported_years(store: &Store) -> Result<Vec<HolidayYear>, StoreError> {
    let rows = sqlx::query("SELECT document FROM calendar_year ORDER BY year")
        .fetch_all(store.pool())
        .await?;
    rows.iter()
        .map(|r| {
            let text: String = r.get("document");
            HolidayYear::parse(&text).map_err(|e| StoreError::Corrupt(e.to_string()))
        })
        .collect()
}
