//! The county and its windows for the sync stories: a throwaway PostgreSQL migrated and set
//! up as county IT would (catalog, departments, windows, users), the hub's server on a
//! loopback port logged in as a least-privileged role (so row-level security applies), and
//! enrolled workstations with a logged-in clerk.

#![allow(dead_code)]

pub mod proxy;

use sqlx::PgPool;
use std::sync::Arc;
use tokio::net::TcpListener;
use yichuang_app::api::{cases, session, sync as sync_api};
use yichuang_app::ports::{FixedClock, MemorySecretStore, SecretStore};
use yichuang_app::{App, AppConfig, DEMO_CATALOG};
use yichuang_core::case::{ApplicantInput, CaseCommand, LineUpdate, MaterialStatus, Role};
use yichuang_hub::server::Hub;
use yichuang_hub::{admin, db};
use yichuang_tests::PgCluster;

pub const PASSWORD: &str = "counter-pass-1";

/// The county database, set up.
pub struct County {
    pub pg: PgCluster,
    /// County IT's connection (owner; sees every department).
    pub admin: PgPool,
    /// The hub server's connection: a member of `yichuang_app`, subject to row-level security.
    pub hub_pool: PgPool,
}

impl County {
    pub async fn start() -> County {
        let pg = PgCluster::start().await;
        let admin = db::connect(pg.url()).await.expect("connect as owner");
        db::migrate(&admin).await.expect("migrate");
        yichuang_hub::import_catalog(&admin, DEMO_CATALOG)
            .await
            .expect("catalog");
        admin::set_center_name(&admin, "江永县政务服务中心")
            .await
            .expect("center");
        admin::add_department(&admin, "SCJG", "市场监督管理局")
            .await
            .expect("dept");
        admin::add_department(&admin, "GA", "公安局")
            .await
            .expect("dept");
        for (d, w, n) in [
            ("SCJG", "W01", "1号窗口"),
            ("SCJG", "W02", "2号窗口"),
            ("SCJG", "W03", "3号窗口"),
            ("GA", "W11", "11号窗口"),
        ] {
            admin::add_window(&admin, d, w, n).await.expect("window");
        }
        admin::set_backup(&admin, "SCJG", "W01", "W02")
            .await
            .expect("backup");
        for (u, n, d, role) in [
            ("lina", "李娜", "SCJG", Role::Clerk),
            ("wangfang", "王芳", "SCJG", Role::Clerk),
            ("zhaolei", "赵磊", "SCJG", Role::Clerk),
            ("zhoumin", "周敏", "SCJG", Role::ChiefRep),
            ("chenjing", "陈静", "GA", Role::Clerk),
        ] {
            admin::add_user(&admin, u, n, role, d, PASSWORD)
                .await
                .expect("user");
        }
        sqlx::query("CREATE ROLE yichuang_hub LOGIN IN ROLE yichuang_app")
            .execute(&admin)
            .await
            .expect("hub role");
        let hub_pool = db::connect(&pg.url_as("yichuang_hub"))
            .await
            .expect("connect as the hub role");
        yichuang_hub::server::check_role(&hub_pool)
            .await
            .expect("the hub's role is bound by row-level security");
        County {
            pg,
            admin,
            hub_pool,
        }
    }

    pub async fn token(&self, department: &str, window: &str) -> String {
        admin::enrollment_token(&self.admin, department, window, 1)
            .await
            .expect("token")
    }

    /// A count over the county's tables as county IT sees them (all departments).
    pub async fn count(&self, sql: &str) -> i64 {
        let mut tx = self.admin.begin().await.expect("tx");
        sqlx::query("SELECT set_config('yichuang.department', '*', true)")
            .execute(&mut *tx)
            .await
            .expect("scope");
        let n: i64 = sqlx::query_scalar(sql)
            .fetch_one(&mut *tx)
            .await
            .expect("count");
        tx.commit().await.expect("commit");
        n
    }
}

/// The hub's server on a loopback port.
pub struct HubServer {
    pub port: u16,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl HubServer {
    pub async fn start(pool: &PgPool) -> HubServer {
        HubServer::start_on(Hub::new(pool.clone()), 0).await
    }

    /// On a given port (0: any free one): a restarted hub comes back where it was.
    pub async fn start_on(hub: Hub, port: u16) -> HubServer {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("bind the hub port");
        let port = listener.local_addr().expect("addr").port();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            yichuang_hub::server::serve_plain(listener, hub, async {
                let _ = stopped.await;
            })
            .await
            .expect("serve");
        });
        HubServer {
            port,
            stop: Some(stop),
            task,
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Stops at once: requests in flight are dropped mid-way (their transactions roll back).
    pub async fn kill(mut self) {
        self.stop.take();
        self.task.abort();
        let _ = self.task.await;
    }
}

/// An enrolled workstation with a logged-in clerk.
pub struct Window {
    pub dir: tempfile::TempDir,
    pub app: App,
    pub clock: Arc<FixedClock>,
    /// The PC's keyring (in memory here; the real keyring has its own test).
    pub secrets: Arc<MemorySecretStore>,
    pub user: String,
}

fn config(
    dir: &tempfile::TempDir,
    clock: &Arc<FixedClock>,
    secrets: &Arc<MemorySecretStore>,
) -> AppConfig {
    let mut c = AppConfig::headless(dir.path().join("data"), clock.clone());
    c.secrets = secrets.clone();
    // The "save as" dialog answers with this folder.
    c.desktop = Arc::new(yichuang_app::ports::HeadlessDesktop {
        save_dir: Some(dir.path().join("saved")),
        ..Default::default()
    });
    c
}

impl Window {
    /// A fresh PC enrolled at `department`/`window` through `hub_url`, with `user` logged in.
    pub async fn enroll(
        county: &County,
        hub_url: &str,
        department: &str,
        window: &str,
        user: &str,
    ) -> Window {
        let dir = tempfile::tempdir().expect("tempdir");
        let clock = Arc::new(FixedClock::at_local("2026-11-23 09:30"));
        let secrets = Arc::new(MemorySecretStore::default());
        let app = App::open(config(&dir, &clock, &secrets))
            .await
            .expect("open");
        let token = county.token(department, window).await;
        let status = sync_api::enroll(
            &app,
            sync_api::EnrollRequest {
                hub_address: hub_url.into(),
                token,
                ca_pem: None,
            },
        )
        .await
        .expect("enroll");
        assert!(status.enrolled);
        let w = Window {
            dir,
            app,
            clock,
            secrets,
            user: user.into(),
        };
        w.login().await;
        w
    }

    pub async fn login(&self) {
        self.login_as(&self.user.clone()).await;
    }

    /// Another user takes the window (e.g. the chief representative comes to approve).
    pub async fn login_as(&self, username: &str) {
        session::logout(&self.app, ()).await.expect("logout");
        session::login(
            &self.app,
            session::LoginRequest {
                username: username.into(),
                password: PASSWORD.into(),
            },
        )
        .await
        .expect("login");
    }

    /// The process ends and starts again on the same data directory and keyring: only what
    /// was committed survives, and the clerk logs in again.
    pub async fn restart(self) -> Window {
        self.app.shutdown().await;
        drop(self.app);
        let app = App::open(config(&self.dir, &self.clock, &self.secrets))
            .await
            .expect("reopen");
        let w = Window { app, ..self };
        w.login().await;
        w
    }

    /// A count over the window's own cache (read through a second connection).
    pub async fn count(&self, sql: &str) -> i64 {
        let store = yichuang_local::Store::open(&self.dir.path().join("data").join("cache.db"))
            .await
            .expect("open cache");
        let n: i64 = sqlx::query_scalar(sql)
            .fetch_one(store.pool())
            .await
            .expect("count");
        store.close().await;
        n
    }

    /// The workstation's hub credential, as the keyring holds it.
    pub async fn credential(&self) -> String {
        let e = yichuang_app::sync::enrollment(&self.app)
            .await
            .expect("enrollment")
            .expect("enrolled");
        self.secrets
            .get(&e.account())
            .expect("keyring")
            .expect("credential")
            .expose()
            .to_string()
    }

    /// Takes an intake of a food business licence (approval required).
    pub async fn intake(&self, key: &str, applicant_seq: u32) -> cases::CaseDetail {
        self.intake_item(key, "000102002000", applicant_seq).await
    }

    /// Takes an intake of `item`.
    pub async fn intake_item(
        &self,
        key: &str,
        item: &str,
        applicant_seq: u32,
    ) -> cases::CaseDetail {
        cases::intake(
            &self.app,
            cases::IntakeRequest {
                action_key: key.into(),
                item_code: item.into(),
                applicant: ApplicantInput::Person {
                    name: format!("申请人{applicant_seq}"),
                    id_number: resident_id(applicant_seq),
                    phone: "13812345678".into(),
                },
                agent: None,
                situations: vec![],
            },
        )
        .await
        .expect("intake")
    }

    pub async fn act(
        &self,
        key: &str,
        case_id: &str,
        command: CaseCommand,
    ) -> Result<cases::CaseDetail, yichuang_app::ApiError> {
        cases::act(
            &self.app,
            cases::CaseActionRequest {
                action_key: key.into(),
                case_id: case_id.into(),
                command,
            },
        )
        .await
    }

    /// Ticks every material received and accepts the case.
    pub async fn accept(&self, key: &str, case_id: &str) -> Result<(), yichuang_app::ApiError> {
        let detail = cases::get(
            &self.app,
            cases::CaseRequest {
                case_id: case_id.into(),
            },
        )
        .await?;
        self.act(&format!("{key}-tick"), case_id, tick_all(&detail))
            .await?;
        self.act(key, case_id, CaseCommand::Accept).await?;
        Ok(())
    }

    /// The case exactly as the cache holds it (the API masks the applicant, which changes
    /// its fingerprint), and how many mutations the outbox has had.
    pub async fn stored_case(&self, id: &str) -> (yichuang_core::case::Case, i64) {
        let store = yichuang_local::Store::open(&self.dir.path().join("data").join("cache.db"))
            .await
            .expect("cache");
        let (doc, pushed): (String, i64) = sqlx::query_as(
            "SELECT (SELECT document FROM case_record WHERE id = ?), (SELECT count(*) FROM outbox)",
        )
        .bind(id)
        .fetch_one(store.pool())
        .await
        .expect("row");
        store.close().await;
        (serde_json::from_str(&doc).expect("case"), pushed)
    }

    /// Pushes `mutation` as the next outbox entry with this PC's credential, as a tampered
    /// client would; returns the county's verdict.
    pub async fn push_forged(
        &self,
        hub_url: &str,
        local_seq: i64,
        mutation: &yichuang_core::case::CaseMutation,
    ) -> yichuang_sync::Verdict {
        let client = yichuang_sync::HubClient::new(
            yichuang_sync::HubAddress::parse(hub_url).expect("url"),
            None,
        )
        .expect("client");
        let credential = yichuang_sync::Secret::new(self.credential().await);
        let req = yichuang_sync::PushRequest {
            mutations: vec![yichuang_sync::OutboxMutation {
                local_seq,
                mutation_id: format!("forged-{local_seq}"),
                kind: mutation.name().into(),
                case_id: Some(mutation.case_id.clone()),
                payload: serde_json::to_value(mutation).expect("json"),
            }],
            audit: vec![],
        };
        let reply = tokio::task::spawn_blocking(move || client.push(&credential, &req))
            .await
            .expect("join")
            .expect("push");
        reply.outcomes[0].verdict.clone()
    }

    pub async fn sync(&self) -> Result<sync_api::SyncStatus, yichuang_app::ApiError> {
        sync_api::sync_now(&self.app, ()).await
    }
}

pub fn tick_all(detail: &cases::CaseDetail) -> CaseCommand {
    CaseCommand::UpdateChecklist {
        lines: detail
            .case
            .checklist
            .iter()
            .map(|l| LineUpdate {
                code: l.code.clone(),
                status: MaterialStatus::Received,
            })
            .collect(),
    }
}

/// A valid GB 11643 resident ID number, different for each `seq`.
pub fn resident_id(seq: u32) -> String {
    let body = format!("11010519800101{:03}", seq % 1000);
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .chars()
        .zip(W)
        .map(|(c, w)| c.to_digit(10).expect("digit") * w)
        .sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{body}{check}")
}

/// A mutation a tampered PC would push on `stored` (read raw from its cache), in the owner's
/// id under the given name and role.
pub fn forged_on(
    stored: &yichuang_core::case::Case,
    name: &str,
    role: Role,
    command: CaseCommand,
) -> yichuang_core::case::CaseMutation {
    yichuang_core::case::CaseMutation {
        case_id: stored.id.clone(),
        base_version: Some(stored.version),
        base_fingerprint: Some(stored.fingerprint()),
        actor: yichuang_core::case::Actor {
            user_id: stored.owner.clone(),
            name: name.into(),
            role,
        },
        workstation: "forged".into(),
        at: chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(11, 0, 0))
            .expect("time"),
        number: None,
        body: yichuang_core::case::MutationBody::Command { command },
    }
}

/// A workbook read back by a second implementation (openpyxl, `read_back.py`).
pub fn read_back(path: &std::path::Path) -> serde_json::Value {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../crates/yichuang-ledger/tests/read_back.py");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(path)
        .output()
        .expect("python3 with openpyxl (make deps installs it)");
    assert!(
        out.status.success(),
        "read_back.py failed (make deps installs openpyxl): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// A sheet's cells as (type, value) rows, formats left out.
pub fn cells(book: &serde_json::Value, name: &str) -> Vec<Vec<(String, serde_json::Value)>> {
    let sheet = book["sheets"]
        .as_array()
        .expect("sheets")
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no sheet {name}"));
    sheet["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            r.as_array()
                .expect("row")
                .iter()
                .map(|c| (c["t"].as_str().unwrap_or("").to_string(), c["v"].clone()))
                .collect()
        })
        .collect()
}

/// The summary's total row, by header.
pub fn total(book: &serde_json::Value, header: &str) -> f64 {
    let rows = cells(book, "汇总");
    let col = rows[0]
        .iter()
        .position(|(_, v)| v == header)
        .unwrap_or_else(|| panic!("no column {header}"));
    let row = rows.iter().find(|r| r[0].1 == "合计").expect("a total row");
    row[col].1.as_f64().unwrap_or(0.0)
}
