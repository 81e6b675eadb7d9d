//! The Yichuang desktop shell: opens the counter window and routes its commands to the
//! headless App. No rules and no SQL here (see yichuang-app).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

use tauri::{Manager, RunEvent};
use yichuang_app::{App, AppConfig};

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();

    let app = tauri::Builder::default()
        .setup(|tauri_app| {
            let config = AppConfig::from_environment();
            tracing::info!(data_dir = %config.data_dir.display(), "opening the workstation");
            let app = tauri::async_runtime::block_on(App::open(config))?;
            tauri_app.manage(app);
            Ok(())
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())
        .expect("the Tauri application could not be built");

    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            if let Some(app) = handle.try_state::<App>() {
                tauri::async_runtime::block_on(app.shutdown());
            }
        }
    });
}
