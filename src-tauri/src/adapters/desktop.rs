//! The save dialog (notices, the ledger workbook) and the print path for notices. Printing hands the PDF to the system's
//! default viewer, whose print dialog the clerk already knows (and which picks the printer).

use std::path::{Path, PathBuf};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;
use yichuang_app::ports::{Desktop, DesktopError};

/// Names a folder to save into without the dialog (unattended PCs, the real-window test).
pub const SAVE_DIR_ENV: &str = "YICHUANG_SAVE_DIR";

#[derive(Debug)]
pub struct TauriDesktop {
    pub handle: AppHandle,
}

impl Desktop for TauriDesktop {
    fn choose_save_path(&self, suggested_name: &str) -> Result<Option<PathBuf>, DesktopError> {
        // An unattended PC (and the real-window test) saves into a set folder without asking.
        if let Some(dir) = std::env::var_os(SAVE_DIR_ENV) {
            let dir = PathBuf::from(dir);
            std::fs::create_dir_all(&dir).map_err(|e| DesktopError::SaveDialog(e.to_string()))?;
            return Ok(Some(dir.join(suggested_name)));
        }
        let (label, ext) = if suggested_name.ends_with(".xlsx") {
            ("Excel", "xlsx")
        } else {
            ("PDF", "pdf")
        };
        // Blocks until the clerk answers; the App calls it from a blocking task, never from
        // the main (GTK) thread.
        let chosen = self
            .handle
            .dialog()
            .file()
            .set_file_name(suggested_name)
            .add_filter(label, &[ext])
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
