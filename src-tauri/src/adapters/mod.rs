//! The operating system behind the App's ports: desktop notifications (notify-rust), the save
//! dialog (tauri-plugin-dialog, called from Rust so the page needs no dialog permission) and
//! the system PDF viewer used for printing.

mod desktop;
mod notifier;

pub use desktop::TauriDesktop;
pub use notifier::DesktopNotifier;
