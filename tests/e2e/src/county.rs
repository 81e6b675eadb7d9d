//! The county side of the sync story, set up the way county IT does it (docs/OPERATIONS.md):
//! a throwaway PostgreSQL cluster from Debian's binaries, the real `yichuang-hub` command line
//! for the schema, catalog, center, department, window, user and enrollment token, and
//! `yichuang-hub serve` on a loopback port as the least-privileged `yichuang_hub` role (so
//! row-level security applies, as in production). Also the desktop's keyring: an unlocked
//! gnome-keyring-daemon on the run's private D-Bus session, where the app files the hub
//! credential.
//!
//! Everything is a child process or a temp dir owned by [`County`] and torn down when it is
//! dropped (hub, then PostgreSQL, then the keyring). Nothing is skipped: a missing program or
//! a failing step is an error naming what to install or what went wrong.

use crate::webdriver::Result;
use std::io::Write;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// The clerk county IT creates for the story, and the password typed at the login screen.
pub const USERNAME: &str = "lina";
pub const USER_NAME: &str = "李娜";
pub const PASSWORD: &str = "counter-pass-1";
pub const BACKUP_USERNAME: &str = "wangfang";
pub const BACKUP_NAME: &str = "王芳";
pub const CHIEF_USERNAME: &str = "zhoumin";
pub const CHIEF_NAME: &str = "周敏";
pub const SUPERVISOR_USERNAME: &str = "zhaodu";
pub const SUPERVISOR_NAME: &str = "赵督查";
pub const DEPARTMENT: &str = "SCJG";
pub const WINDOW: &str = "W01";
pub const WINDOW_NAME: &str = "1号窗口";
pub const CENTER: &str = "江永县政务服务中心";

const DEMO: &str = include_str!("../../../crates/yichuang-app/data/demo-catalog.json");

/// The county for one story: dropped → hub killed, cluster stopped, keyring stopped.
/// (Fields drop in declaration order.)
#[derive(Debug)]
pub struct County {
    /// e.g. `http://127.0.0.1:40123`, typed into 设置 → 连接县级中心.
    pub hub_url: String,
    /// The one-time token `yichuang-hub enroll-workstation` printed.
    pub token: String,
    _hub: Daemon,
    pg: Postgres,
    _keyring: Keyring,
    /// Logs of the hub and the keyring daemon (kept until the end of the story).
    logs: TempDir,
}

impl County {
    /// Starts the keyring, PostgreSQL and the hub, and sets the county up; `hub_bin` is the
    /// built `yichuang-hub`.
    pub fn start(hub_bin: &Path) -> Result<County> {
        if !hub_bin.is_file() {
            return Err(format!(
                "no yichuang-hub at {} (`cargo build -p yichuang-hub`; make e2e does it)",
                hub_bin.display()
            )
            .into());
        }
        let logs = tempdir("yichuang-e2e-county-")?;
        let keyring = Keyring::start(logs.path())?;
        let pg = Postgres::start()?;
        let owner_url = pg.url("yichuang");
        let hub = |args: &[&str], stdin: Option<&str>| run_hub(hub_bin, &owner_url, args, stdin);

        // docs/OPERATIONS.md, "From an empty PostgreSQL", in order.
        hub(&["migrate"], None)?;
        let catalog = logs.path().join("demo-catalog.json");
        std::fs::write(&catalog, DEMO).map_err(|e| format!("cannot write the catalog: {e}"))?;
        hub(&["import-catalog", path_str(&catalog)?], None)?;
        hub(&["set-center", CENTER], None)?;
        hub(&["add-department", DEPARTMENT, "市场监督管理局"], None)?;
        hub(&["add-window", DEPARTMENT, WINDOW, WINDOW_NAME], None)?;
        hub(
            &[
                "add-user",
                USERNAME,
                USER_NAME,
                "--role",
                "clerk",
                "--department",
                DEPARTMENT,
            ],
            Some(&format!("{PASSWORD}\n")),
        )?;
        // The server's own login role: a member of the group role `migrate` created.
        // The window's backup clerk (AB岗), the department's chief representative and a
        // supervisor of the center (电子监察).
        for (username, name, role) in [
            (BACKUP_USERNAME, BACKUP_NAME, "clerk"),
            (CHIEF_USERNAME, CHIEF_NAME, "chief_rep"),
            (SUPERVISOR_USERNAME, SUPERVISOR_NAME, "supervisor"),
        ] {
            hub(
                &[
                    "add-user",
                    username,
                    name,
                    "--role",
                    role,
                    "--department",
                    DEPARTMENT,
                ],
                Some(&format!("{PASSWORD}\n")),
            )?;
        }
        pg.psql(
            "yichuang",
            "CREATE ROLE yichuang_hub LOGIN IN ROLE yichuang_app;",
        )?;
        let token = hub(&["enroll-workstation", DEPARTMENT, WINDOW], None)?
            .trim()
            .to_string();
        if !token.starts_with("enr_") {
            return Err(format!("enroll-workstation printed {token:?}, not an enr_… token").into());
        }

        let port = crate::free_port();
        let listen = format!("127.0.0.1:{port}");
        let log_path = logs.path().join("hub.log");
        let log = std::fs::File::create(&log_path).map_err(|e| format!("hub log: {e}"))?;
        let child = Command::new(hub_bin)
            .args(["serve", "--listen", &listen])
            .env("YICHUANG_HUB_DATABASE_URL", pg.url("yichuang_hub"))
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_err(|e| format!("hub log: {e}"))?)
            .stderr(log)
            .spawn()
            .map_err(|e| format!("cannot start {} serve: {e}", hub_bin.display()))?;
        let mut hub = Daemon {
            child,
            what: "yichuang-hub serve",
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = hub.child.try_wait() {
                return Err(
                    format!("yichuang-hub serve exited ({status}): {}", read(&log_path)).into(),
                );
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "yichuang-hub serve did not listen on {listen}: {}",
                    read(&log_path)
                )
                .into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(County {
            hub_url: format!("http://{listen}"),
            token,
            _hub: hub,
            pg,
            _keyring: keyring,
            logs,
        })
    }

    /// Runs SQL as the database owner (the cluster's superuser, so every department's rows
    /// are visible; the scope is named anyway, as county IT's own queries do) and returns
    /// what psql prints, unaligned, without headers.
    pub fn query(&self, sql: &str) -> Result<String> {
        self.pg.psql(
            "yichuang",
            &format!(
                "BEGIN;\nSELECT set_config('yichuang.department', '*', true) \\gset\n{sql}\nCOMMIT;\n"
            ),
        )
    }

    /// The hub's and the keyring daemon's logs, for a failed story's report.
    pub fn save_logs(&self, dir: &Path) {
        let _ = std::fs::create_dir_all(dir);
        for name in ["hub.log", "gnome-keyring.log"] {
            let _ = std::fs::copy(
                self.logs.path().join(name),
                dir.join(format!("FAILED-county-{name}")),
            );
        }
        let _ = std::fs::copy(
            self.pg.dir.path().join("server.log"),
            dir.join("FAILED-county-postgres.log"),
        );
    }
}

/// A child process killed (and reaped) on drop.
#[derive(Debug)]
struct Daemon {
    child: Child,
    what: &'static str,
}

impl Drop for Daemon {
    fn drop(&mut self) {
        if let Err(e) = self.child.kill() {
            eprintln!("stopping {}: {e}", self.what);
        }
        let _ = self.child.wait();
    }
}

fn tempdir(prefix: &str) -> Result<TempDir> {
    tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .map_err(|e| format!("cannot create a temp dir: {e}").into())
}

fn path_str(p: &Path) -> Result<&str> {
    p.to_str()
        .ok_or_else(|| format!("{} is not UTF-8", p.display()).into())
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_default()
}

/// Runs a command; its stdout when it succeeds, else an error with both outputs.
fn output(cmd: &mut Command, stdin: Option<&str>) -> Result<String> {
    let what = format!("{cmd:?}");
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {what}: {e}"))?;
    {
        // Closed at the end of this block, so a reader of stdin sees end of file.
        let mut pipe = child.stdin.take().ok_or("no stdin pipe")?;
        if let Some(input) = stdin {
            pipe.write_all(input.as_bytes())
                .map_err(|e| format!("writing to {what}: {e}"))?;
        }
    }
    let out: Output = child
        .wait_with_output()
        .map_err(|e| format!("waiting for {what}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{what} failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn run_hub(bin: &Path, url: &str, args: &[&str], stdin: Option<&str>) -> Result<String> {
    output(
        Command::new(bin)
            .args(args)
            .env("YICHUANG_HUB_DATABASE_URL", url),
        stdin,
    )
}

/// A throwaway PostgreSQL cluster (as `tests/src/pg.rs`, without panics): initdb'd in a temp
/// dir as the `postgres` system user when running as root (initdb refuses root), trust
/// authentication, superuser `yichuang`, a random loopback port.
#[derive(Debug)]
struct Postgres {
    dir: TempDir,
    bin: PathBuf,
    port: u16,
    as_postgres: bool,
}

impl Postgres {
    fn start() -> Result<Postgres> {
        let bin = pg_bin_dir()?;
        let dir = tempdir("yichuang-e2e-pg-")?;
        let as_postgres = output(Command::new("id").arg("-u"), None)?.trim() == "0";
        if as_postgres {
            output(
                Command::new("chown")
                    .args(["-R", "postgres:postgres"])
                    .arg(dir.path()),
                None,
            )?;
        }
        let pg = Postgres {
            dir,
            bin,
            port: crate::free_port(),
            as_postgres,
        };
        let data = pg.dir.path().join("data");
        let log = pg.dir.path().join("server.log");
        pg.tool(
            "initdb",
            &[
                "-D",
                path_str(&data)?,
                "-U",
                "yichuang",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
        )?;
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off",
            pg.port,
            path_str(pg.dir.path())?
        );
        pg.tool(
            "pg_ctl",
            &[
                "start",
                "-w",
                "-t",
                "60",
                "-D",
                path_str(&data)?,
                "-l",
                path_str(&log)?,
                "-o",
                &opts,
            ],
        )
        .map_err(|e| format!("{e}\nserver log:\n{}", read(&log)))?;
        Ok(pg)
    }

    fn url(&self, user: &str) -> String {
        format!("postgres://{user}@127.0.0.1:{}/postgres", self.port)
    }

    /// A server tool, as `postgres` when we are root.
    fn tool(&self, tool: &str, args: &[&str]) -> Result<String> {
        let exe = self.bin.join(tool);
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        cmd.args(args).current_dir(self.dir.path());
        output(&mut cmd, None)
    }

    /// Runs a psql script over TCP as `user`; stops at the first error.
    fn psql(&self, user: &str, script: &str) -> Result<String> {
        output(
            Command::new(self.bin.join("psql"))
                .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"])
                .args(["-h", "127.0.0.1", "-p", &self.port.to_string()])
                .args(["-U", user, "-d", "postgres", "-f", "-"]),
            Some(script),
        )
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        if let Some(data) = data.to_str() {
            if let Err(e) = self.tool("pg_ctl", &["stop", "-m", "immediate", "-D", data]) {
                eprintln!("stopping the county's PostgreSQL: {e}");
            }
        }
    }
}

/// Debian installs server binaries per major version; take the newest.
fn pg_bin_dir() -> Result<PathBuf> {
    if let Ok(dir) = std::env::var("YICHUANG_PG_BIN") {
        return Ok(PathBuf::from(dir));
    }
    let missing = "PostgreSQL server binaries under /usr/lib/postgresql/*/bin \
                   (apt-get install postgresql; make e2e does it)";
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|e| format!("{missing}: {e}"))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let major = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            (bin.join("initdb").exists() && bin.join("psql").exists()).then_some((major, bin))
        })
        .collect();
    found.sort();
    found
        .pop()
        .map(|(_, bin)| bin)
        .ok_or_else(|| missing.into())
}

/// An unlocked gnome-keyring (Secret Service) on the run's D-Bus session, with a throwaway
/// home, as `crates/yichuang-keyring/tests/secret_service.rs` starts it.
#[derive(Debug)]
struct Keyring {
    daemon: Daemon,
    _home: TempDir,
}

impl Keyring {
    fn start(logs: &Path) -> Result<Keyring> {
        let bus = std::env::var("DBUS_SESSION_BUS_ADDRESS").map_err(|_| {
            "DBUS_SESSION_BUS_ADDRESS is not set: run under dbus-run-session (make e2e does)"
                .to_string()
        })?;
        let root = tempdir("yichuang-e2e-keyring-")?;
        for sub in ["home", "data", "config", "cache", "runtime"] {
            std::fs::create_dir(root.path().join(sub)).map_err(|e| e.to_string())?;
        }
        {
            // gnome-keyring refuses a runtime dir that other users could enter.
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(
                root.path().join("runtime"),
                std::fs::Permissions::from_mode(0o700),
            )
            .map_err(|e| e.to_string())?;
        }
        let log_path = logs.join("gnome-keyring.log");
        let log = std::fs::File::create(&log_path).map_err(|e| format!("keyring log: {e}"))?;
        // --foreground keeps the daemon our child; --unlock with the password on stdin (read
        // to end of file) creates the login collection unlocked as the default alias, where
        // the app files the hub credential without an interactive prompt.
        let mut child = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .env("HOME", root.path().join("home"))
            .env("XDG_DATA_HOME", root.path().join("data"))
            .env("XDG_CONFIG_HOME", root.path().join("config"))
            .env("XDG_CACHE_HOME", root.path().join("cache"))
            .env("XDG_RUNTIME_DIR", root.path().join("runtime"))
            .env("DBUS_SESSION_BUS_ADDRESS", &bus)
            .env_remove("GNOME_KEYRING_CONTROL")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .stdin(Stdio::piped())
            .stdout(log.try_clone().map_err(|e| format!("keyring log: {e}"))?)
            .stderr(log)
            .spawn()
            .map_err(|e| {
                format!("cannot start gnome-keyring-daemon (Debian package gnome-keyring): {e}")
            })?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin
                .write_all(b"throwaway-e2e-keyring-password")
                .map_err(|e| format!("keyring password: {e}"))?;
        }
        let mut keyring = Keyring {
            daemon: Daemon {
                child,
                what: "gnome-keyring-daemon",
            },
            _home: root,
        };
        keyring.wait_for_default_collection(&bus, &log_path)?;
        Ok(keyring)
    }

    /// Ready means the `default` alias names a collection: owning the bus name is not enough.
    fn wait_for_default_collection(&mut self, bus: &str, log: &Path) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(Some(status)) = self.daemon.child.try_wait() {
                return Err(format!(
                    "gnome-keyring-daemon exited during startup ({status}): {}",
                    read(log)
                )
                .into());
            }
            // Asked of the bus itself first: a call addressed to org.freedesktop.secrets
            // before our daemon owns the name would make the bus start the system's own
            // keyring daemon (D-Bus activation), locked and with the real home.
            let owned = dbus_send(
                bus,
                &[
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                    "string:org.freedesktop.secrets",
                ],
            )?;
            let (ok, text) = if owned.1.contains("boolean true") {
                dbus_send(
                    bus,
                    &[
                        "--dest=org.freedesktop.secrets",
                        "/org/freedesktop/secrets",
                        "org.freedesktop.Secret.Service.ReadAlias",
                        "string:default",
                    ],
                )?
            } else {
                owned
            };
            if ok && text.contains("/org/freedesktop/secrets/collection/") {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "gnome-keyring-daemon gave no default collection within 15 s; last reply: \
                     {text}; its log: {}",
                    read(log)
                )
                .into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// One `dbus-send --print-reply` on the session bus: whether it succeeded, and what it printed.
fn dbus_send(bus: &str, args: &[&str]) -> Result<(bool, String)> {
    let reply = Command::new("dbus-send")
        .args(["--session", "--print-reply"])
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .output()
        .map_err(|e| format!("cannot run dbus-send (Debian package dbus): {e}"))?;
    Ok((
        reply.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&reply.stdout),
            String::from_utf8_lossy(&reply.stderr)
        ),
    ))
}

/// What `secret-tool` (libsecret, a second client of the Secret Service) finds filed under
/// the app's service name: the hub credential goes there, never into a file.
pub fn keyring_items(service: &str) -> Result<String> {
    let out = Command::new("secret-tool")
        .args(["search", "--all", "service", service])
        .output()
        .map_err(|e| format!("cannot run secret-tool (Debian package libsecret-tools): {e}"))?;
    // Some versions print the attributes on stderr; both are wanted.
    Ok(format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    ))
}
