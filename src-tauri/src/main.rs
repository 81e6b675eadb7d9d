//! The Yichuang desktop shell: opens the counter window, routes its commands to the headless
//! App, plugs the OS into the App's ports (notifications, dialogs, the keyring) and owns the
//! background tasks: the deadline watcher and the sync timer. No rules and no SQL
//! here (see yichuang-app).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod adapters;
mod commands;
mod rating_window;

use std::sync::Arc;
use std::time::Duration;
use tauri::{Manager, RunEvent};
use yichuang_app::{App, AppConfig};

/// How often the deadline watcher looks for new yellow and red cards.
const WATCH_EVERY: Duration = Duration::from_secs(60);

/// How often the workstation syncs with the county hub when enrolled.
const SYNC_EVERY: Duration = Duration::from_secs(30);

/// Tells the background tasks to stop at exit.
struct Shutdown(tokio::sync::watch::Sender<bool>);

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();

    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|tauri_app| {
            let mut config = AppConfig::from_environment();
            config.notifier = Arc::new(adapters::DesktopNotifier);
            config.desktop = Arc::new(adapters::TauriDesktop {
                handle: tauri_app.handle().clone(),
            });
            config.secrets = Arc::new(yichuang_keyring::KeyringSecretStore::default());
            tracing::info!(data_dir = %config.data_dir.display(), "opening the workstation");
            let app = tauri::async_runtime::block_on(App::open(config))?;
            tauri_app.manage(app);
            let (stop, stopped) = tokio::sync::watch::channel(false);
            tauri_app.manage(Shutdown(stop));
            let handle = tauri_app.handle().clone();
            let sync_stopped = stopped.clone();
            tauri::async_runtime::spawn(async move {
                let app = handle.state::<App>();
                yichuang_app::api::alerts::watch(&app, WATCH_EVERY, stopped).await;
            });
            let handle = tauri_app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let app = handle.state::<App>();
                yichuang_app::sync::run_loop(&app, SYNC_EVERY, sync_stopped).await;
            });
            Ok(())
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())
        .expect("the Tauri application could not be built");

    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            if let Some(stop) = handle.try_state::<Shutdown>() {
                let _ = stop.0.send(true);
            }
            if let Some(app) = handle.try_state::<App>() {
                tauri::async_runtime::block_on(app.shutdown());
            }
        }
    });
}
