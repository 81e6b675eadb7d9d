//! Tauri commands: one per entry of yichuang-app's IPC contract, each a one-line delegation
//! to the App API. Generated from `for_each_command!` so the shell and the TypeScript
//! bindings can never disagree about which commands exist. Which window may call what is
//! decided here too: the applicant-facing rating screen calls only its two commands, and the
//! counter window never submits a rating.

use tauri::Manager;
use yichuang_app::{ApiError, App, ErrorCode};

/// The rating screen's window label (the second monitor, facing the applicant).
pub const RATING_WINDOW: &str = "rating";

/// Least privilege per window: the applicant's screen reads its prompt and submits; the
/// counter window does everything else.
pub fn allowed(window: &str, command: &str) -> bool {
    match command {
        "rating_prompt" | "rating_submit" => window == RATING_WINDOW,
        _ => window == "main",
    }
}

fn refused(app: &App) -> ApiError {
    ApiError::new(
        ErrorCode::NotPermitted,
        app.lang()
            .pick("此窗口不能执行该操作", "This window may not do that"),
    )
}

macro_rules! tauri_commands {
    ($($name:ident : $handler:path, $req:ty => $resp:ty;)*) => {
        $(
            #[tauri::command]
            pub async fn $name(
                app: tauri::State<'_, App>,
                window: tauri::Window,
                req: $req,
            ) -> Result<$resp, ApiError> {
                if !allowed(window.label(), stringify!($name)) {
                    return Err(refused(&app));
                }
                let out = $handler(&app, req).await;
                if stringify!($name) == "rating_invite" && out.is_ok() {
                    crate::rating_window::show(window.app_handle());
                }
                out
            }
        )*

        /// The handler the windows' `invoke` calls reach.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }
    };
}

yichuang_app::for_each_command!(tauri_commands);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rating_screen_only_rates_and_the_counter_never_submits_a_rating() {
        assert!(allowed(RATING_WINDOW, "rating_submit"));
        assert!(allowed(RATING_WINDOW, "rating_prompt"));
        assert!(!allowed(RATING_WINDOW, "case_act"));
        assert!(!allowed(RATING_WINDOW, "rating_invite"));
        assert!(!allowed("main", "rating_submit"));
        assert!(allowed("main", "rating_invite"));
        assert!(allowed("main", "case_act"));
        assert!(!allowed("elsewhere", "case_get"));
    }
}
