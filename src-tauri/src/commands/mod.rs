//! Tauri commands: one per entry of yichuang-app's IPC contract, each a one-line delegation
//! to the App API. Generated from `for_each_command!` so the shell and the TypeScript
//! bindings can never disagree about which commands exist.

use yichuang_app::{ApiError, App};

macro_rules! tauri_commands {
    ($($name:ident : $handler:path, $req:ty => $resp:ty;)*) => {
        $(
            #[tauri::command]
            pub async fn $name(app: tauri::State<'_, App>, req: $req) -> Result<$resp, ApiError> {
                $handler(&app, req).await
            }
        )*

        /// The handler the window's `invoke` calls reach.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }
    };
}

yichuang_app::for_each_command!(tauri_commands);
