//! Opening the cache file and handing out connections and write transactions.

use crate::StoreError;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};
use std::path::Path;
use std::time::Duration;

static MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/local");

/// The local cache. Cheap to clone (a pool handle).
#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens (creating if needed) the cache at `path` and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // With WAL, NORMAL keeps every committed transaction across a process crash and
            // only risks the last ones on power loss; FULL would cost an fsync per action.
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        MIGRATIONS.run(&pool).await?;
        Ok(Store { pool })
    }

    /// Starts a write transaction that takes the write lock at once, so two writers never
    /// both read and then fail to upgrade (SQLITE_BUSY in the middle of a clerk's action).
    pub async fn write(&self) -> Result<Transaction<'static, Sqlite>, StoreError> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Closes every connection; pending writes are already committed or rolled back.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_cache_runs_in_wal_mode_with_foreign_keys_on() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("cache.db"))
            .await
            .expect("open");
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(store.pool())
            .await
            .expect("pragma");
        assert_eq!(mode, "wal");
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(store.pool())
            .await
            .expect("pragma");
        assert_eq!(fk, 1);
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(store.pool())
            .await
            .expect("pragma");
        assert_eq!(sync, 1, "NORMAL");
    }

    #[tokio::test]
    async fn reopening_an_existing_cache_keeps_its_schema() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("cache.db");
        Store::open(&path).await.expect("first open").close().await;
        let again = Store::open(&path).await.expect("second open");
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM catalog_version")
            .fetch_one(again.pool())
            .await
            .expect("table exists");
        assert_eq!(n, 0);
    }
}
