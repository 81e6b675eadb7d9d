//! Small key/value settings of the workstation (language, current catalog version).

use crate::{Store, StoreError};
use sqlx::{Sqlite, Transaction};

pub async fn get(store: &Store, key: &str) -> Result<Option<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT value FROM setting WHERE key = ?")
            .bind(key)
            .fetch_optional(store.pool())
            .await?,
    )
}

pub async fn set(store: &Store, key: &str, value: &str) -> Result<(), StoreError> {
    let mut tx = store.write().await?;
    set_in(&mut tx, key, value).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets a value inside the caller's write transaction.
pub async fn set_in_tx(
    tx: &mut Transaction<'static, Sqlite>,
    key: &str,
    value: &str,
) -> Result<(), StoreError> {
    set_in(tx, key, value).await
}

pub(crate) async fn set_in(
    tx: &mut Transaction<'static, Sqlite>,
    key: &str,
    value: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO setting (key, value) VALUES (?, ?) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
