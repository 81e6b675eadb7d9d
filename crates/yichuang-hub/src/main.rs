//! `yichuang-hub`: the county's command line. Setting up the county database (`migrate`,
//! `import-catalog`, `import-calendar`, departments, windows, users, AB岗 backups), enrolling
//! workstations, and `serve`, the sync server workstations push to and pull from.

use clap::{Parser, Subcommand};
use std::io::BufRead;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use yichuang_core::case::Role;
use yichuang_core::Lang;
use yichuang_hub::{admin, catalog, db, server};

#[derive(Debug, Parser)]
#[command(
    name = "yichuang-hub",
    version,
    about = "Yichuang county hub (一窗 县级中心)"
)]
struct Cli {
    /// County PostgreSQL database, e.g. postgres://yichuang@db.example/yichuang.
    /// The password, if any, belongs in ~/.pgpass or PGPASSWORD, not on the command line.
    #[arg(long, env = "YICHUANG_HUB_DATABASE_URL")]
    database_url: String,
    /// Language of messages: zh-CN (default) or en.
    #[arg(long, default_value = "zh-CN")]
    lang: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create or upgrade the county database schema (safe to run again).
    Migrate,
    /// Validate a yichuang-catalog/1 file and publish it as the current catalog.
    ImportCatalog { file: PathBuf },
    /// Show the current catalog version.
    CatalogStatus,
    /// Import one year of the State Council's holiday notice (holidays-cn JSON).
    ImportCalendar { file: PathBuf },
    /// Set the service center's name printed on notices.
    SetCenter { name: String },
    /// Add (or rename) a department.
    AddDepartment { code: String, name: String },
    /// Add (or rename) a window of a department.
    AddWindow {
        department: String,
        code: String,
        name: String,
    },
    /// Designate a window's AB岗 backup window.
    SetBackup {
        department: String,
        window: String,
        backup: String,
    },
    /// Add a user. The password is read from the first line of standard input (never an
    /// argument, which other users of the machine could see).
    AddUser {
        username: String,
        name: String,
        /// clerk, chief_rep, supervisor or admin.
        #[arg(long)]
        role: String,
        #[arg(long)]
        department: String,
    },
    /// Set a user's new password (from standard input) or deactivate them.
    UpdateUser {
        username: String,
        #[arg(long)]
        new_password: bool,
        #[arg(long)]
        deactivate: bool,
    },
    /// Print a one-time enrollment token for the PC at a window.
    EnrollWorkstation {
        department: String,
        window: String,
        #[arg(long, default_value_t = 72)]
        valid_hours: u32,
    },
    /// Enrolled workstations and how far their sync got.
    Status,
    /// Write the monthly ledger (台账) of the whole county, or of one department, as .xlsx.
    ExportLedger {
        /// The month, as 2026-11…
        #[arg(long, required_unless_present = "year", conflicts_with = "year")]
        month: Option<String>,
        /// …or a whole year (年度台账), as 2026.
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        department: Option<String>,
        #[arg(long)]
        out: PathBuf,
    },
    /// The whole center's 电子监察 board (or one department's): open cards per department and
    /// window, with their appeals.
    Supervision {
        #[arg(long)]
        department: Option<String>,
    },
    /// Serve workstations. HTTPS with --tls-cert/--tls-key; plain HTTP only on loopback.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8443")]
        listen: SocketAddr,
        #[arg(long, requires = "tls_key")]
        tls_cert: Option<PathBuf>,
        #[arg(long, requires = "tls_cert")]
        tls_key: Option<PathBuf>,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .init();
    let cli = Cli::parse();
    let lang = if cli.lang == "en" {
        Lang::En
    } else {
        Lang::ZhCn
    };
    match run(cli, lang).await {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{}", err.message(lang));
            ExitCode::FAILURE
        }
    }
}

/// Why a command failed; rendered for county IT in their language.
#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error("cannot connect to the county database: {0}")]
    Connect(sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Catalog(#[from] catalog::HubCatalogError),
    #[error(transparent)]
    Admin(#[from] admin::AdminError),
    #[error("unknown role {0} (clerk, chief_rep, supervisor, admin)")]
    Role(String),
    #[error("plain HTTP may only listen on loopback; give --tls-cert and --tls-key to serve {0}")]
    PlainHttpOffLoopback(SocketAddr),
    #[error("server failed: {0}")]
    Serve(std::io::Error),
    #[error("the server must not run as {0}: use a login role that is a member of yichuang_app and neither superuser nor BYPASSRLS (see docs/OPERATIONS.md)")]
    PrivilegedRole(String),
    #[error("county database error: {0}")]
    Database(#[from] sqlx::Error),
}

impl CliError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CliError::Catalog(e), lang) => e.message(lang),
            (CliError::Admin(e), lang) => e.message(lang),
            (CliError::Connect(e), Lang::ZhCn) => format!("无法连接县级数据库：{e}"),
            (CliError::Migrate(e), Lang::ZhCn) => format!("数据库迁移失败：{e}"),
            (CliError::Read { path, source }, Lang::ZhCn) => {
                format!("无法读取文件 {}：{source}", path.display())
            }
            (CliError::Role(r), Lang::ZhCn) => {
                format!("未知角色 {r}（可选 clerk、chief_rep、supervisor、admin）")
            }
            (CliError::PlainHttpOffLoopback(a), Lang::ZhCn) => format!(
                "不加密的 HTTP 只能监听本机回环地址；要在 {a} 上服务，请提供 --tls-cert 和 --tls-key。"
            ),
            (CliError::Serve(e), Lang::ZhCn) => format!("服务失败：{e}"),
            (CliError::PrivilegedRole(r), Lang::ZhCn) => format!(
                "同步服务不能以 {r} 身份运行：请使用属于 yichuang_app、且不是超级用户也没有 BYPASSRLS 的登录角色（见 docs/OPERATIONS.md）。"
            ),
            (CliError::Database(e), Lang::ZhCn) => format!("县级数据库错误：{e}"),
            (e, Lang::En) => e.to_string(),
        }
    }
}

fn read_file(path: &PathBuf) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.clone(),
        source,
    })
}

fn password_from_stdin() -> Result<String, CliError> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|source| CliError::Read {
            path: PathBuf::from("<stdin>"),
            source,
        })?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

/// Runs one command and returns the line to print.
async fn run(cli: Cli, lang: Lang) -> Result<String, CliError> {
    let pool = db::connect(&cli.database_url)
        .await
        .map_err(CliError::Connect)?;
    let result = execute(&pool, cli.command, lang).await;
    pool.close().await;
    result
}

async fn execute(pool: &sqlx::PgPool, command: Command, lang: Lang) -> Result<String, CliError> {
    let done = |zh: &str, en: &str| lang.pick(zh, en).to_string();
    match command {
        Command::Migrate => {
            db::migrate(pool).await?;
            Ok(done(
                "数据库结构已是最新。",
                "Database schema is up to date.",
            ))
        }
        Command::ImportCatalog { file } => {
            let r = catalog::import_catalog(pool, &read_file(&file)?).await?;
            Ok(match (r.changed, lang) {
                (true, Lang::ZhCn) => format!(
                    "已发布目录 {}：{} 个部门，{} 个事项。",
                    r.version, r.departments, r.items
                ),
                (true, Lang::En) => format!(
                    "Published catalog {}: {} departments, {} items.",
                    r.version, r.departments, r.items
                ),
                (false, Lang::ZhCn) => format!("目录 {} 已发布过，内容相同，无变化。", r.version),
                (false, Lang::En) => format!(
                    "Catalog {} was already published; nothing changed.",
                    r.version
                ),
            })
        }
        Command::CatalogStatus => Ok(match (catalog::current(pool).await?, lang) {
            (Some((v, n)), Lang::ZhCn) => format!("当前目录 {v}，{n} 个事项。"),
            (Some((v, n)), Lang::En) => format!("Current catalog {v}, {n} items."),
            (None, lang) => lang
                .pick("尚未发布任何目录。", "No catalog published yet.")
                .into(),
        }),
        Command::ImportCalendar { file } => {
            let year = admin::import_calendar(pool, &read_file(&file)?).await?;
            Ok(match lang {
                Lang::ZhCn => format!("已导入 {year} 年节假日安排。"),
                Lang::En => format!("Imported the {year} holiday calendar."),
            })
        }
        Command::SetCenter { name } => {
            admin::set_center_name(pool, &name).await?;
            Ok(done("已设置中心名称。", "Center name set."))
        }
        Command::AddDepartment { code, name } => {
            admin::add_department(pool, &code, &name).await?;
            Ok(done("已保存部门。", "Department saved."))
        }
        Command::AddWindow {
            department,
            code,
            name,
        } => {
            admin::add_window(pool, &department, &code, &name).await?;
            Ok(done("已保存窗口。", "Window saved."))
        }
        Command::SetBackup {
            department,
            window,
            backup,
        } => {
            admin::set_backup(pool, &department, &window, &backup).await?;
            Ok(done("已设置 AB 岗备岗窗口。", "Backup window set."))
        }
        Command::AddUser {
            username,
            name,
            role,
            department,
        } => {
            let role: Role = serde_json::from_value(serde_json::Value::String(role.clone()))
                .map_err(|_| CliError::Role(role))?;
            let password = password_from_stdin()?;
            let id = admin::add_user(pool, &username, &name, role, &department, &password).await?;
            Ok(match lang {
                Lang::ZhCn => format!("已添加用户 {username}（{id}）。"),
                Lang::En => format!("Added user {username} ({id})."),
            })
        }
        Command::UpdateUser {
            username,
            new_password,
            deactivate,
        } => {
            let password = if new_password {
                Some(password_from_stdin()?)
            } else {
                None
            };
            admin::update_user(
                pool,
                &username,
                password.as_deref(),
                deactivate.then_some(false),
            )
            .await?;
            Ok(done("已更新用户。", "User updated."))
        }
        Command::EnrollWorkstation {
            department,
            window,
            valid_hours,
        } => {
            let token = admin::enrollment_token(pool, &department, &window, valid_hours).await?;
            // The token is the command's output: county IT hands it to the window once.
            Ok(token)
        }
        Command::ExportLedger {
            month,
            year,
            department,
            out,
        } => {
            let period = match (month, year) {
                (Some(month), _) => {
                    let parsed =
                        chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
                            .map_err(|_| {
                                CliError::from(admin::AdminError::Invalid(format!(
                                    "month {month} (write it as 2026-11)"
                                )))
                            })?;
                    yichuang_ledger::Period::Month(yichuang_ledger::Month::of(parsed))
                }
                (None, Some(year)) if (2000..=2100).contains(&year) => {
                    yichuang_ledger::Period::Year(year)
                }
                (None, y) => {
                    return Err(CliError::from(admin::AdminError::Invalid(format!(
                        "year {} (write it as 2026)",
                        y.unwrap_or_default()
                    ))))
                }
            };
            let month = period.label_zh();
            let now = chrono::Utc::now()
                .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).expect("UTC+8"))
                .naive_local();
            let n = yichuang_hub::ledger::export(pool, period, department.as_deref(), &out, now)
                .await?;
            Ok(match lang {
                Lang::ZhCn => format!("已导出 {month} 台账：{n} 件，{}", out.display()),
                Lang::En => format!("Exported the {month} ledger: {n} cases, {}", out.display()),
            })
        }
        Command::Supervision { department } => {
            let lines = yichuang_hub::supervision::board(pool, department.as_deref()).await?;
            Ok(yichuang_hub::supervision::render(&lines))
        }
        Command::Status => {
            let rows = admin::workstations(pool).await?;
            let mut out = String::new();
            for w in rows {
                out.push_str(&format!(
                    "{} {}-{} {} pushed={} audit={} rejected={}{}{}\n",
                    w.id,
                    w.department_code,
                    w.window_code,
                    w.label,
                    w.pushed_seq,
                    w.audit_seq,
                    w.rejected,
                    if w.revoked { " revoked" } else { "" },
                    if w.audit_broken {
                        " AUDIT-CHAIN-BROKEN"
                    } else {
                        ""
                    }
                ));
            }
            Ok(out.trim_end().to_string())
        }
        Command::Serve {
            listen,
            tls_cert,
            tls_key,
        } => {
            if tls_cert.is_none() && !server::plain_http_allowed(&listen) {
                return Err(CliError::PlainHttpOffLoopback(listen));
            }
            server::check_role(pool).await.map_err(|e| match e {
                server::RoleProblem::Privileged(role) => CliError::PrivilegedRole(role),
                server::RoleProblem::Database(e) => CliError::Database(e),
            })?;
            let hub = server::Hub::new(pool.clone());
            let listener = tokio::net::TcpListener::bind(listen)
                .await
                .map_err(CliError::Serve)?;
            match (tls_cert, tls_key) {
                (Some(cert), Some(key)) => {
                    let cert = std::fs::read(&cert).map_err(|source| CliError::Read {
                        path: cert.clone(),
                        source,
                    })?;
                    let key = std::fs::read(&key).map_err(|source| CliError::Read {
                        path: key.clone(),
                        source,
                    })?;
                    eprintln!("yichuang-hub serving https://{listen}");
                    server::serve_tls(listener, hub, &cert, &key)
                        .await
                        .map_err(CliError::Serve)?;
                }
                _ => {
                    eprintln!("yichuang-hub serving http://{listen} (loopback only)");
                    server::serve_plain(listener, hub, async {
                        let _ = tokio::signal::ctrl_c().await;
                    })
                    .await
                    .map_err(CliError::Serve)?;
                }
            }
            Ok(done("服务已停止。", "Server stopped."))
        }
    }
}
