//! The save dialog and the print path for notices. Printing hands the PDF to the system's
//! default viewer, whose print dialog the clerk already knows (and which picks the printer).

use std::path::{Path, PathBuf};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;
use yichuang_app::ports::{Desktop, DesktopError};

#[derive(Debug)]
pub struct TauriDesktop {
    pub handle: AppHandle,
}

impl Desktop for TauriDesktop {
    fn choose_save_path(&self, suggested_name: &str) -> Result<Option<PathBuf>, DesktopError> {
        // Blocks until the clerk answers; the App calls it from a blocking task, never from
        // the main (GTK) thread.
        let chosen = self
            .handle
            .dialog()
            .file()
            .set_file_name(suggested_name)
            .add_filter("PDF", &["pdf"])
            .blocking_save_file();
        match chosen {
            None => Ok(None),
            Some(p) => p
                .into_path()
                .map(Some)
                .map_err(|e| DesktopError::SaveDialog(e.to_string())),
        }
    }

    fn open_for_print(&self, pdf: &Path) -> Result<(), DesktopError> {
        let mut cmd = if cfg!(target_os = "windows") {
            let mut c = std::process::Command::new("cmd");
            c.args(["/C", "start", ""]);
            c
        } else if cfg!(target_os = "macos") {
            std::process::Command::new("open")
        } else {
            std::process::Command::new("xdg-open")
        };
        cmd.arg(pdf)
            .spawn()
            .map(|_| ())
            .map_err(|e| DesktopError::Viewer(e.to_string()))
    }
}
