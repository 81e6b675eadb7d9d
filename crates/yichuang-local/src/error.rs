//! What can go wrong keeping the local cache.

/// A failure of the local store. Domain refusals are typed so the App can explain them.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("local database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("local database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("catalog version {version} is already imported with different content")]
    CatalogVersionConflict { version: String },
    #[error("catalog version {offered} is older than the current version {current}")]
    CatalogOlderThanCurrent { offered: String, current: String },
    #[error("case {0} was changed by another action meanwhile")]
    Stale(String),
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
}
