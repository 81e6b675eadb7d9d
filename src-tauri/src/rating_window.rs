//! The applicant-facing rating screen: a second window, opened (or brought forward) when the
//! clerk invites a rating, meant for the customer monitor. It loads the same frontend at
//! `#/rating`, which shows only the rating form.

use tauri::{AppHandle, Manager, WebviewUrl, WebviewWindowBuilder};

pub fn show(app: &AppHandle) {
    if let Some(w) = app.get_webview_window(crate::commands::RATING_WINDOW) {
        let _ = w.show();
        let _ = w.set_focus();
        return;
    }
    let built = WebviewWindowBuilder::new(
        app,
        crate::commands::RATING_WINDOW,
        WebviewUrl::App("index.html#/rating".into()),
    )
    .title("一窗 · 服务评价")
    .inner_size(900.0, 640.0)
    .build();
    if let Err(e) = built {
        tracing::error!(error = %e, "could not open the rating screen");
    }
}
