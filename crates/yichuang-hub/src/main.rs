//! `yichuang-hub`: the county's command line. `migrate` brings the county database up to
//! date; `import-catalog <file>` publishes a catalog version.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use yichuang_core::Lang;
use yichuang_hub::{catalog, db};

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
}

#[tokio::main(flavor = "current_thread")]
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
    #[error("county database error: {0}")]
    Database(#[from] sqlx::Error),
}

impl CliError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CliError::Catalog(e), lang) => e.message(lang),
            (CliError::Connect(e), Lang::ZhCn) => format!("无法连接县级数据库：{e}"),
            (CliError::Migrate(e), Lang::ZhCn) => format!("数据库迁移失败：{e}"),
            (CliError::Read { path, source }, Lang::ZhCn) => {
                format!("无法读取文件 {}：{source}", path.display())
            }
            (CliError::Database(e), Lang::ZhCn) => format!("县级数据库错误：{e}"),
            (e, Lang::En) => e.to_string(),
        }
    }
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
    match command {
        Command::Migrate => {
            db::migrate(pool).await?;
            Ok(lang
                .pick("数据库结构已是最新。", "Database schema is up to date.")
                .to_string())
        }
        Command::ImportCatalog { file } => {
            let text = std::fs::read_to_string(&file).map_err(|source| CliError::Read {
                path: file.clone(),
                source,
            })?;
            let r = catalog::import_catalog(pool, &text).await?;
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
                (false, Lang::En) => {
                    format!(
                        "Catalog {} was already published; nothing changed.",
                        r.version
                    )
                }
            })
        }
        Command::CatalogStatus => Ok(match (catalog::current(pool).await?, lang) {
            (Some((v, n)), Lang::ZhCn) => format!("当前目录 {v}，{n} 个事项。"),
            (Some((v, n)), Lang::En) => format!("Current catalog {v}, {n} items."),
            (None, lang) => lang
                .pick("尚未发布任何目录。", "No catalog published yet.")
                .into(),
        }),
    }
}
