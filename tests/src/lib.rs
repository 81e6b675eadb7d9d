//! Test support shared by the workspace's stories: a throwaway PostgreSQL cluster.
//! No test may assume a running server: each [`PgCluster`] is initdb'd in a temp dir on a
//! random loopback port and removed afterwards, unless `YICHUANG_TEST_PG_URL` names a server
//! to use instead (then each cluster is a fresh database on it).

pub mod pg;

pub use pg::PgCluster;
