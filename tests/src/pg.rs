//! A throwaway PostgreSQL cluster from Debian's binaries (initdb, pg_ctl).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

/// A PostgreSQL database for one test; dropped → stopped and deleted.
#[derive(Debug)]
pub struct PgCluster {
    url: String,
    owned: Option<Owned>,
}

#[derive(Debug)]
struct Owned {
    dir: TempDir,
    bin: PathBuf,
    as_postgres: bool,
}

impl PgCluster {
    /// Starts a cluster, or creates a database on `YICHUANG_TEST_PG_URL` when given.
    pub async fn start() -> PgCluster {
        match std::env::var("YICHUANG_TEST_PG_URL") {
            Ok(base) if !base.is_empty() => PgCluster::on_server(&base).await,
            _ => PgCluster::throwaway(),
        }
    }

    /// The `postgres://` URL of this test's database.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The same database as another role (e.g. the hub's least-privileged login).
    pub fn url_as(&self, user: &str) -> String {
        let after_scheme = self.url.find("://").map_or(0, |i| i + 3);
        let at = self.url[after_scheme..]
            .find('@')
            .map(|i| after_scheme + i + 1)
            .unwrap_or(after_scheme);
        format!("{}{user}@{}", &self.url[..after_scheme], &self.url[at..])
    }

    /// Restarts the server (fast shutdown: open connections are cut, as in a real restart).
    /// Only a throwaway cluster can be restarted; a shared server is never touched.
    pub fn restart(&self) {
        let owned = self
            .owned
            .as_ref()
            .expect("restarting needs a throwaway cluster (unset YICHUANG_TEST_PG_URL)");
        let data = owned.dir.path().join("data");
        let log = owned.dir.path().join("server.log");
        // With a log file, the server does not hold pg_ctl's output pipe open.
        owned.pg(
            "pg_ctl",
            &[
                "restart",
                "-m",
                "fast",
                "-w",
                "-t",
                "60",
                "-D",
                path_str(&data),
                "-l",
                path_str(&log),
            ],
        );
    }

    async fn on_server(base: &str) -> PgCluster {
        use sqlx::Connection;
        let name = format!("yichuang_test_{}_{}", std::process::id(), unique());
        let mut conn = sqlx::PgConnection::connect(base)
            .await
            .expect("YICHUANG_TEST_PG_URL must be reachable");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .expect("create test database");
        // Same server and credentials, this test's own database.
        let after_scheme = base.find("://").map_or(0, |i| i + 3);
        let host_end = base[after_scheme..]
            .find('/')
            .map_or(base.len(), |i| after_scheme + i);
        let url = format!("{}/{name}", &base[..host_end]);
        PgCluster { url, owned: None }
    }

    fn throwaway() -> PgCluster {
        let bin = pg_bin_dir();
        let dir = tempfile::Builder::new()
            .prefix("yichuang-pg-")
            .tempdir()
            .expect("temp dir for the cluster");
        // initdb refuses to run as root; CI and our machines are root, so use the
        // `postgres` system user that Debian's package creates.
        let as_postgres = is_root();
        if as_postgres {
            run(Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path()));
        }
        let data = dir.path().join("data");
        let port = free_port();
        let owned = Owned {
            dir,
            bin,
            as_postgres,
        };
        owned.pg(
            "initdb",
            &[
                "-D",
                path_str(&data),
                "-U",
                "yichuang",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
        );
        let opts = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off",
            path_str(owned.dir.path())
        );
        let log = owned.dir.path().join("server.log");
        owned.pg(
            "pg_ctl",
            &[
                "start",
                "-w",
                "-t",
                "60",
                "-D",
                path_str(&data),
                "-l",
                path_str(&log),
                "-o",
                &opts,
            ],
        );
        PgCluster {
            url: format!("postgres://yichuang@127.0.0.1:{port}/postgres"),
            owned: Some(owned),
        }
    }
}

impl Owned {
    fn pg(&self, tool: &str, args: &[&str]) -> Output {
        let exe = self.bin.join(tool);
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        cmd.args(args).current_dir(self.dir.path());
        run(&mut cmd)
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        if let Some(owned) = &self.owned {
            let data = owned.dir.path().join("data");
            let _ = owned.pg(
                "pg_ctl",
                &["stop", "-m", "immediate", "-D", path_str(&data)],
            );
        }
    }
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

/// Debian installs server binaries per major version; take the newest.
fn pg_bin_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("YICHUANG_PG_BIN") {
        return PathBuf::from(dir);
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL server binaries (apt-get install postgresql; `make test` does it)")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let major = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((major, bin))
        })
        .collect();
    found.sort();
    found
        .pop()
        .expect("an initdb under /usr/lib/postgresql/*/bin")
        .1
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    u64::from(nanos) * 1000 + NEXT.fetch_add(1, Ordering::Relaxed)
}
