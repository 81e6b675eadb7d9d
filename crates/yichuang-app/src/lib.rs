//! The headless Yichuang workstation: one API per feature (`api::*`), the ports to the
//! operating system (`ports`), and the IPC contract the desktop shell exposes (`ipc`).
//! It owns the local store and the calendar; it knows nothing of Tauri or windows, so tests
//! drive exactly the handlers the clerk's window calls.

pub mod api;
mod app;
mod commit;
mod error;
pub mod ipc;
pub mod ports;
pub mod sync;

pub use app::{App, AppConfig};
pub use error::{ApiError, ErrorCode};

/// The sample county catalog shipped for demos and first start.
pub const DEMO_CATALOG: &str = include_str!("../data/demo-catalog.json");
