//! The App value: opened once per process (or per test) over a data directory.

use crate::ports::{
    Clock, Desktop, HeadlessDesktop, MemorySecretStore, NoNotifier, Notifier, SecretStore,
    SystemClock,
};
use crate::ApiError;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use yichuang_core::calendar::{HolidayYear, WorkCalendar};
use yichuang_core::Lang;
use yichuang_local::{calendar as calendar_store, settings, Store};

const LANG_KEY: &str = "ui.lang";

/// How to open the App.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// Holds the local cache (`cache.db`) and nothing secret.
    pub data_dir: PathBuf,
    pub clock: Arc<dyn Clock>,
    pub notifier: Arc<dyn Notifier>,
    pub desktop: Arc<dyn Desktop>,
    /// Where the hub credential lives (the OS keyring in the desktop).
    pub secrets: Arc<dyn SecretStore>,
}

impl AppConfig {
    /// The platform data directory (e.g. `~/.local/share/yichuang`), or `YICHUANG_DATA_DIR`
    /// when set, so tests and a second counter profile can use their own.
    pub fn from_environment() -> AppConfig {
        let data_dir = std::env::var_os("YICHUANG_DATA_DIR")
            .map(PathBuf::from)
            .or_else(|| {
                directories::ProjectDirs::from("cn.gov", "Yichuang", "yichuang")
                    .map(|d| d.data_dir().to_path_buf())
            })
            .unwrap_or_else(|| PathBuf::from("yichuang-data"));
        let clock: Arc<dyn Clock> = match std::env::var("YICHUANG_CLOCK_START") {
            Ok(start) => match crate::ports::ShiftedClock::starting_at_local(&start) {
                Some(c) => {
                    tracing::warn!(%start, "training clock: the counter's time is shifted");
                    Arc::new(c)
                }
                None => {
                    tracing::error!(%start, "YICHUANG_CLOCK_START is not like 2026-02-10 09:00; using the system clock");
                    Arc::new(SystemClock)
                }
            },
            Err(_) => Arc::new(SystemClock),
        };
        AppConfig::headless(data_dir, clock)
    }

    /// No desktop services: cards become in-window alerts, saves go nowhere (tests, tools).
    pub fn headless(data_dir: PathBuf, clock: Arc<dyn Clock>) -> AppConfig {
        AppConfig {
            data_dir,
            clock,
            notifier: Arc::new(NoNotifier),
            desktop: Arc::new(HeadlessDesktop::default()),
            secrets: Arc::new(MemorySecretStore::default()),
        }
    }
}

/// The headless workstation.
#[derive(Debug)]
pub struct App {
    pub(crate) store: Store,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) notifier: Arc<dyn Notifier>,
    pub(crate) desktop: Arc<dyn Desktop>,
    pub(crate) secrets: Arc<dyn SecretStore>,
    /// Who is logged in at this window (kept in memory only: a restart asks again).
    pub(crate) session: std::sync::Mutex<Option<crate::api::session::SessionUser>>,
    /// Failed logins per user name: (count, last failure), for the short lockout.
    pub(crate) login_failures:
        std::sync::Mutex<std::collections::HashMap<String, (u32, chrono::DateTime<chrono::Utc>)>>,
    /// One sync run at a time (the timer and "sync now" never overlap).
    pub(crate) sync_gate: tokio::sync::Mutex<()>,
    /// What the last sync attempt found, for the status bar.
    pub(crate) sync_state: std::sync::Mutex<crate::sync::LastAttempt>,
    /// The case the applicant-facing screen asks to rate, if any.
    /// with when it was made (an unanswered invitation expires).
    pub(crate) rating: std::sync::Mutex<
        Option<(
            crate::api::rating::RatingPrompt,
            chrono::DateTime<chrono::Utc>,
        )>,
    >,
    /// How far the running ledger export has come (`None` when none runs).
    pub(crate) export_progress: std::sync::Mutex<Option<crate::api::ledger::ExportProgress>>,
    /// The CJK font for notices, found on first use.
    pub(crate) font: std::sync::OnceLock<yichuang_documents::CjkFont>,
    calendar: RwLock<Arc<WorkCalendar>>,
    lang: RwLock<Lang>,
    data_dir: PathBuf,
}

impl App {
    pub async fn open(config: AppConfig) -> Result<App, ApiError> {
        let lang = Lang::default();
        std::fs::create_dir_all(&config.data_dir).map_err(|e| {
            tracing::error!(error = %e, dir = %config.data_dir.display(), "cannot create data dir");
            ApiError::new(
                crate::ErrorCode::StorageFailed,
                lang.pick(
                    "无法创建本机数据目录",
                    "Cannot create the local data directory",
                ),
            )
        })?;
        let store = Store::open(&config.data_dir.join("cache.db"))
            .await
            .map_err(|e| ApiError::from_store(e, lang))?;
        let lang = match settings::get(&store, LANG_KEY).await {
            Ok(Some(l)) if l == "en" => Lang::En,
            _ => Lang::ZhCn,
        };
        let app = App {
            store,
            clock: config.clock,
            notifier: config.notifier,
            desktop: config.desktop,
            secrets: config.secrets,
            session: std::sync::Mutex::new(None),
            rating: std::sync::Mutex::new(None),
            export_progress: std::sync::Mutex::new(None),
            login_failures: std::sync::Mutex::new(std::collections::HashMap::new()),
            sync_gate: tokio::sync::Mutex::new(()),
            sync_state: std::sync::Mutex::new(crate::sync::LastAttempt::default()),
            font: std::sync::OnceLock::new(),
            calendar: RwLock::new(Arc::new(WorkCalendar::embedded())),
            lang: RwLock::new(lang),
            data_dir: config.data_dir,
        };
        app.reload_calendar().await?;
        Ok(app)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn lang(&self) -> Lang {
        *self.lang.read().expect("lang lock")
    }

    pub(crate) async fn set_lang(&self, lang: Lang) -> Result<(), ApiError> {
        let value = match lang {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        };
        settings::set(&self.store, LANG_KEY, value)
            .await
            .map_err(|e| ApiError::from_store(e, lang))?;
        *self.lang.write().expect("lang lock") = lang;
        Ok(())
    }

    /// The calendar in force: the embedded years plus any imported at run time.
    pub fn calendar(&self) -> Arc<WorkCalendar> {
        self.calendar.read().expect("calendar lock").clone()
    }

    pub(crate) async fn reload_calendar(&self) -> Result<(), ApiError> {
        let imported = calendar_store::imported_years(&self.store)
            .await
            .map_err(|e| ApiError::from_store(e, self.lang()))?;
        let years: Vec<HolidayYear> = HolidayYear::embedded()
            .into_iter()
            .chain(imported)
            .collect();
        *self.calendar.write().expect("calendar lock") = Arc::new(WorkCalendar::new(years));
        Ok(())
    }

    /// Closes the store; call before the process exits.
    pub async fn shutdown(&self) {
        self.store.close().await;
    }
}
