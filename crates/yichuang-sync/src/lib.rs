//! The workstation ⇄ county hub protocol: the messages both sides exchange (`wire`), the
//! workstation's credential that can never be printed (`Secret`), and the blocking HTTP client
//! the workstation uses (`client`). No database and no Tauri here: the workstation's sync
//! engine (yichuang-app) and the hub's server (yichuang-hub) own storage.

pub mod client;
mod secret;
pub mod wire;

pub use client::{HubAddress, HubClient, SyncError};
pub use secret::{MemorySecretStore, Secret, SecretError, SecretStore};
pub use wire::*;
