//! Desktop notifications through the freedesktop notification service (notify-rust). The App
//! calls this from a blocking task; a failure (no service, no D-Bus) becomes an in-window alert.

use yichuang_app::ports::{Notifier, NotifyError};

#[derive(Debug, Default)]
pub struct DesktopNotifier;

impl Notifier for DesktopNotifier {
    fn notify(&self, title: &str, body: &str) -> Result<(), NotifyError> {
        notify_rust::Notification::new()
            .appname("一窗")
            .summary(title)
            .body(body)
            .show()
            .map(|_| ())
            .map_err(|e| NotifyError(e.to_string()))
    }
}
