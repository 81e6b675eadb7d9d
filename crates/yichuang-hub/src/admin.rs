//! What county IT sets up in the county database: the center, departments, windows with their
//! AB岗 backup, users with roles and passwords, calendar years, and one-time enrollment tokens
//! for workstations. Each is one transaction; nothing here serves workstations.

use crate::county::next_gseq;
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use yichuang_core::calendar::HolidayYear;
use yichuang_core::case::Role;
use yichuang_core::Lang;

/// Why an admin command was refused.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("department {0} does not exist")]
    NoDepartment(String),
    #[error("window {1} of department {0} does not exist")]
    NoWindow(String, String),
    #[error("user name {0} is already taken")]
    UsernameTaken(String),
    #[error("invalid value: {0}")]
    Invalid(String),
    #[error(transparent)]
    Password(#[from] yichuang_core::password::PasswordError),
    #[error("invalid calendar file: {0}")]
    Calendar(#[from] yichuang_core::CalendarError),
    #[error("county database error: {0}")]
    Database(#[from] sqlx::Error),
}

impl AdminError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (AdminError::NoDepartment(d), Lang::ZhCn) => format!("部门 {d} 不存在，请先添加部门。"),
            (AdminError::NoWindow(d, w), Lang::ZhCn) => {
                format!("部门 {d} 没有窗口 {w}，请先添加窗口。")
            }
            (AdminError::UsernameTaken(u), Lang::ZhCn) => format!("用户名 {u} 已被使用。"),
            (AdminError::Invalid(v), Lang::ZhCn) => format!("输入无效：{v}"),
            (AdminError::Password(_), Lang::ZhCn) => format!(
                "密码至少需要 {} 个字符。",
                yichuang_core::password::MIN_PASSWORD_CHARS
            ),
            (AdminError::Calendar(e), Lang::ZhCn) => format!("节假日文件无效：{e}"),
            (AdminError::Database(e), Lang::ZhCn) => format!("县级数据库错误：{e}"),
            (e, Lang::En) => e.to_string(),
        }
    }
}

/// Starts an admin transaction that sees every department (row-level security).
async fn admin_tx(
    pool: &PgPool,
) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT set_config('yichuang.department', '*', true)")
        .execute(&mut *tx)
        .await?;
    Ok(tx)
}

pub async fn set_center_name(pool: &PgPool, name: &str) -> Result<(), AdminError> {
    if name.trim().is_empty() {
        return Err(AdminError::Invalid("center name".into()));
    }
    sqlx::query(
        "INSERT INTO county_setting (key, value) VALUES ('center_name', $1) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(name.trim())
    .execute(pool)
    .await?;
    Ok(())
}

/// Adds a department, or renames it.
pub async fn add_department(pool: &PgPool, code: &str, name: &str) -> Result<(), AdminError> {
    if name.trim().is_empty() {
        return Err(AdminError::Invalid("department name".into()));
    }
    sqlx::query(
        "INSERT INTO department (code, name) VALUES ($1, $2) \
         ON CONFLICT (code) DO UPDATE SET name = excluded.name",
    )
    .bind(code)
    .bind(name.trim())
    .execute(pool)
    .await
    .map_err(|e| check_violation(e, code))?;
    Ok(())
}

fn check_violation(e: sqlx::Error, what: &str) -> AdminError {
    match &e {
        sqlx::Error::Database(d) if d.code().as_deref() == Some("23514") => {
            AdminError::Invalid(format!("{what} (letters and digits only)"))
        }
        _ => AdminError::Database(e),
    }
}

async fn department_exists(pool: &PgPool, code: &str) -> Result<(), AdminError> {
    let found: Option<String> = sqlx::query_scalar("SELECT code FROM department WHERE code = $1")
        .bind(code)
        .fetch_optional(pool)
        .await?;
    found
        .map(|_| ())
        .ok_or_else(|| AdminError::NoDepartment(code.into()))
}

async fn window_exists(pool: &PgPool, department: &str, window: &str) -> Result<(), AdminError> {
    department_exists(pool, department).await?;
    let found: Option<String> = sqlx::query_scalar(
        "SELECT code FROM service_window WHERE department_code = $1 AND code = $2",
    )
    .bind(department)
    .bind(window)
    .fetch_optional(pool)
    .await?;
    found
        .map(|_| ())
        .ok_or_else(|| AdminError::NoWindow(department.into(), window.into()))
}

/// Adds a window to a department, or renames it.
pub async fn add_window(
    pool: &PgPool,
    department: &str,
    code: &str,
    name: &str,
) -> Result<(), AdminError> {
    department_exists(pool, department).await?;
    sqlx::query(
        "INSERT INTO service_window (department_code, code, name) VALUES ($1, $2, $3) \
         ON CONFLICT (department_code, code) DO UPDATE SET name = excluded.name",
    )
    .bind(department)
    .bind(code)
    .bind(name.trim())
    .execute(pool)
    .await
    .map_err(|e| check_violation(e, code))?;
    Ok(())
}

/// Designates `backup` as the AB岗 backup of `window` (both in `department`).
pub async fn set_backup(
    pool: &PgPool,
    department: &str,
    window: &str,
    backup: &str,
) -> Result<(), AdminError> {
    window_exists(pool, department, window).await?;
    window_exists(pool, department, backup).await?;
    if window == backup {
        return Err(AdminError::Invalid(
            "a window cannot be its own backup".into(),
        ));
    }
    sqlx::query(
        "UPDATE service_window SET backup_code = $3 WHERE department_code = $1 AND code = $2",
    )
    .bind(department)
    .bind(window)
    .bind(backup)
    .execute(pool)
    .await?;
    Ok(())
}

/// Adds a user with a role in a department; returns the new user id.
pub async fn add_user(
    pool: &PgPool,
    username: &str,
    name: &str,
    role: Role,
    department: &str,
    password: &str,
) -> Result<String, AdminError> {
    department_exists(pool, department).await?;
    if name.trim().is_empty() {
        return Err(AdminError::Invalid("name".into()));
    }
    let hash = yichuang_core::password::hash(password)?;
    let role = serde_json::to_value(role)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let id = uuid::Uuid::new_v4().to_string();
    let mut tx = admin_tx(pool).await?;
    let gseq = next_gseq(&mut tx).await?;
    sqlx::query(
        "INSERT INTO app_user (user_id, username, name, role, department_code, password_hash, gseq) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(username)
    .bind(name.trim())
    .bind(&role)
    .bind(department)
    .bind(&hash)
    .bind(gseq)
    .execute(&mut *tx)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(d) if d.code().as_deref() == Some("23505") => {
            AdminError::UsernameTaken(username.into())
        }
        _ => check_violation(e, username),
    })?;
    tx.commit().await?;
    Ok(id)
}

/// Sets a new password or deactivates a user; workstations learn it at their next pull.
pub async fn update_user(
    pool: &PgPool,
    username: &str,
    password: Option<&str>,
    active: Option<bool>,
) -> Result<(), AdminError> {
    let hash = password.map(yichuang_core::password::hash).transpose()?;
    let mut tx = admin_tx(pool).await?;
    let gseq = next_gseq(&mut tx).await?;
    let n = sqlx::query(
        "UPDATE app_user SET password_hash = COALESCE($2, password_hash), \
         active = COALESCE($3, active), gseq = $4 WHERE username = $1",
    )
    .bind(username)
    .bind(hash)
    .bind(active)
    .bind(gseq)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(AdminError::Invalid(format!("no user {username}")));
    }
    tx.commit().await?;
    Ok(())
}

/// Imports one year of the State Council's holiday notice (validated first).
pub async fn import_calendar(pool: &PgPool, text: &str) -> Result<i32, AdminError> {
    let year = HolidayYear::parse(text)?;
    sqlx::query(
        "INSERT INTO calendar_year (year, sha256, document) VALUES ($1, $2, $3) \
         ON CONFLICT (year) DO UPDATE SET sha256 = excluded.sha256, document = excluded.document, \
           imported_at = now()",
    )
    .bind(year.year)
    .bind(&year.sha256)
    .bind(text)
    .execute(pool)
    .await?;
    Ok(year.year)
}

/// Hex SHA-256 of a secret: what the county stores instead of tokens and credentials.
pub fn secret_sha256(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A fresh random secret: two v4 UUIDs from the OS generator (244 random bits).
pub fn random_secret(prefix: &str) -> String {
    format!(
        "{prefix}{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// Creates a one-time enrollment token for a PC at `window`, valid for `hours`. Printed once;
/// the county keeps only its hash.
pub async fn enrollment_token(
    pool: &PgPool,
    department: &str,
    window: &str,
    hours: u32,
) -> Result<String, AdminError> {
    window_exists(pool, department, window).await?;
    let token = random_secret("enr_");
    sqlx::query(
        "INSERT INTO enrollment_token (token_sha256, department_code, window_code, expires_at) \
         VALUES ($1, $2, $3, now() + make_interval(hours => $4))",
    )
    .bind(secret_sha256(&token))
    .bind(department)
    .bind(window)
    .bind(i32::try_from(hours).unwrap_or(72))
    .execute(pool)
    .await?;
    Ok(token)
}

/// One line per enrolled workstation, for `yichuang-hub status`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WorkstationStatus {
    pub id: String,
    pub department_code: String,
    pub window_code: String,
    pub label: String,
    pub revoked: bool,
    /// Its audit chain stopped continuing at the county (an edited or lost entry).
    pub audit_broken: bool,
    pub pushed_seq: i64,
    pub audit_seq: i64,
    pub rejected: i64,
}

pub async fn workstations(pool: &PgPool) -> Result<Vec<WorkstationStatus>, AdminError> {
    let mut tx = admin_tx(pool).await?;
    let rows = sqlx::query_as(
        "SELECT w.id, w.department_code, w.window_code, w.label, w.revoked_at IS NOT NULL AS revoked, \
         w.audit_broken_at IS NOT NULL AS audit_broken, \
         w.pushed_seq, w.audit_seq, \
         (SELECT count(*) FROM mutation_log m WHERE m.workstation_id = w.id AND m.status = 'rejected') AS rejected \
         FROM workstation w ORDER BY w.department_code, w.window_code, w.enrolled_at",
    )
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(rows)
}
