//! Ports to the world outside the domain: the clock, desktop notifications, and the desktop's
//! save dialog and print viewer. Real implementations live in the Tauri shell; the fakes here
//! serve tests. The secret store port is yichuang-sync's; its keyring adapter is yichuang-keyring.

use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};
use std::fmt::Debug;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
pub use yichuang_sync::{MemorySecretStore, Secret, SecretError, SecretStore};

/// China Standard Time, in which every counter date and deadline is reckoned.
pub fn china_time() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
}

/// Where "now" comes from, so deadlines can be tested on any day.
pub trait Clock: Send + Sync + Debug {
    fn now(&self) -> DateTime<Utc>;

    /// Local wall-clock time at the counter.
    fn local_now(&self) -> NaiveDateTime {
        self.now().with_timezone(&china_time()).naive_local()
    }
}

/// The operating system's clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock a test sets by hand.
#[derive(Debug)]
pub struct FixedClock(Mutex<DateTime<Utc>>);

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        FixedClock(Mutex::new(at))
    }

    /// A clock at the given China Standard Time, e.g. `"2026-02-13 10:00"`.
    pub fn at_local(local: &str) -> Self {
        let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M")
            .expect("a local time like 2026-02-13 10:00");
        let at = naive
            .and_local_timezone(china_time())
            .single()
            .expect("UTC+8 has no gaps");
        FixedClock::new(at.with_timezone(&Utc))
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().expect("clock lock") = at;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("clock lock")
    }
}

/// Why the desktop could not show a notification (no notification service, D-Bus down…).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("desktop notification failed: {0}")]
pub struct NotifyError(pub String);

/// Desktop notifications (notify-rust in the shell). When it fails the App keeps the alert
/// in the window instead, so a card is never lost.
pub trait Notifier: Send + Sync + Debug {
    fn notify(&self, title: &str, body: &str) -> Result<(), NotifyError>;
}

/// No notification service at all: every card becomes an in-window alert.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoNotifier;

impl Notifier for NoNotifier {
    fn notify(&self, _title: &str, _body: &str) -> Result<(), NotifyError> {
        Err(NotifyError("no notification service".into()))
    }
}

/// A notifier a test can read back, or make fail.
#[derive(Debug, Default)]
pub struct RecordingNotifier {
    pub sent: Mutex<Vec<(String, String)>>,
    pub fail: std::sync::atomic::AtomicBool,
}

impl Notifier for RecordingNotifier {
    fn notify(&self, title: &str, body: &str) -> Result<(), NotifyError> {
        if self.fail.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(NotifyError("test: notifications off".into()));
        }
        self.sent
            .lock()
            .expect("notifier lock")
            .push((title.into(), body.into()));
        Ok(())
    }
}

/// Why the desktop could not show its save dialog or hand a PDF to its viewer. The detail is
/// for the log; the clerk is told where the notice was kept instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DesktopError {
    #[error("the save dialog failed: {0}")]
    SaveDialog(String),
    #[error("cannot open the PDF viewer: {0}")]
    Viewer(String),
}

/// The desktop's file and print services for notices: the save dialog, and handing a PDF to
/// the system viewer whose print dialog prints it.
pub trait Desktop: Send + Sync + Debug {
    /// Asks where to save `suggested_name`; `None` when the clerk cancels.
    fn choose_save_path(&self, suggested_name: &str) -> Result<Option<PathBuf>, DesktopError>;
    /// Opens the PDF in the system viewer for printing.
    fn open_for_print(&self, pdf: &Path) -> Result<(), DesktopError>;
}

/// Headless: saving goes to a fixed folder, printing records the file (tests, the bench).
#[derive(Debug, Default)]
pub struct HeadlessDesktop {
    pub save_dir: Option<PathBuf>,
    pub printed: Mutex<Vec<PathBuf>>,
}

impl Desktop for HeadlessDesktop {
    fn choose_save_path(&self, suggested_name: &str) -> Result<Option<PathBuf>, DesktopError> {
        Ok(self.save_dir.as_ref().map(|d| d.join(suggested_name)))
    }

    fn open_for_print(&self, pdf: &Path) -> Result<(), DesktopError> {
        self.printed
            .lock()
            .expect("printed lock")
            .push(pdf.to_path_buf());
        Ok(())
    }
}

/// The system clock shifted to start at a chosen moment and run on from there: for training
/// rooms and end-to-end tests that must replay a known day (e.g. before the Spring Festival).
/// Set with `YICHUANG_CLOCK_START="2026-02-10 09:00"` (China Standard Time).
#[derive(Debug)]
pub struct ShiftedClock {
    offset: chrono::Duration,
}

impl ShiftedClock {
    pub fn starting_at_local(local: &str) -> Option<ShiftedClock> {
        let naive = NaiveDateTime::parse_from_str(local.trim(), "%Y-%m-%d %H:%M").ok()?;
        let start = naive.and_local_timezone(china_time()).single()?;
        Some(ShiftedClock {
            offset: start.with_timezone(&Utc) - Utc::now(),
        })
    }
}

impl Clock for ShiftedClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.offset
    }
}
