//! The OS keyring adapter for the `SecretStore` port: the workstation's hub credential is kept
//! by the operating system's keyring (the Secret Service on Linux) and only there, never in a
//! file in the data directory and never in a log line or an error message. It does not decide
//! which account a credential belongs to, when it is issued or rotated (the sync engine in
//! yichuang-app does), and it knows nothing of the hub protocol.

use keyring::Entry;
use yichuang_sync::{Secret, SecretError, SecretStore};

/// The keyring service every item of the app is filed under, so a user sees one "yichuang"
/// group in their keyring manager and the app never reads another program's items.
pub const DEFAULT_SERVICE: &str = "yichuang";

/// Secrets in the OS keyring, one item per account under `service`.
///
/// Each call opens its own connection to the keyring (the `keyring` crate does), so the store
/// holds no handle that could go stale when the user locks the session or the daemon restarts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyringSecretStore {
    service: String,
}

impl KeyringSecretStore {
    pub fn new(service: impl Into<String>) -> KeyringSecretStore {
        KeyringSecretStore {
            service: service.into(),
        }
    }

    pub fn service(&self) -> &str {
        &self.service
    }

    fn entry(&self, account: &str, action: Action) -> Result<Entry, SecretError> {
        Entry::new(&self.service, account).map_err(|e| self.error(action, account, &e))
    }

    fn error(&self, action: Action, account: &str, e: &keyring::Error) -> SecretError {
        SecretError(format!(
            "could not {} account `{account}` {} the OS keyring (service `{}`): {}",
            action.verb(),
            action.preposition(),
            self.service,
            cause(e)
        ))
    }
}

impl Default for KeyringSecretStore {
    fn default() -> KeyringSecretStore {
        KeyringSecretStore::new(DEFAULT_SERVICE)
    }
}

impl SecretStore for KeyringSecretStore {
    fn get(&self, account: &str) -> Result<Option<Secret>, SecretError> {
        let entry = self.entry(account, Action::Read)?;
        match entry.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            // A workstation that has not enrolled yet has no credential; that is a state, not
            // a failure.
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(self.error(Action::Read, account, &e)),
        }
    }

    fn set(&self, account: &str, secret: &Secret) -> Result<(), SecretError> {
        let entry = self.entry(account, Action::Store)?;
        // The backend updates a matching item in place, so re-enrolling replaces the old
        // credential instead of leaving two items that would make every later read ambiguous.
        entry.set_password(secret.expose()).map_err(|e| {
            // Platform errors carry text we do not control; make sure none of it can echo the
            // value we just handed over.
            let SecretError(message) = self.error(Action::Store, account, &e);
            SecretError(redact(message, secret))
        })?;
        tracing::debug!(service = %self.service, account, "credential stored in the OS keyring");
        Ok(())
    }

    fn delete(&self, account: &str) -> Result<(), SecretError> {
        let entry = self.entry(account, Action::Delete)?;
        match entry.delete_credential() {
            Ok(()) => {
                tracing::debug!(service = %self.service, account, "credential removed from the OS keyring");
                Ok(())
            }
            // Forgetting a credential that is already gone is what the caller wanted; failing
            // here would make sign-out or a retried un-enrollment fail for no reason.
            Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(self.error(Action::Delete, account, &e)),
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Action {
    Read,
    Store,
    Delete,
}

impl Action {
    fn verb(self) -> &'static str {
        match self {
            Action::Read => "read the credential for",
            Action::Store => "store the credential for",
            Action::Delete => "delete the credential for",
        }
    }

    fn preposition(self) -> &'static str {
        match self {
            Action::Read | Action::Delete => "from",
            Action::Store => "in",
        }
    }
}

/// What went wrong, in words an operator can act on. Built from the error's parts rather than
/// its `Debug`, which for `BadEncoding` would print the stored bytes: the secret itself.
fn cause(e: &keyring::Error) -> String {
    match e {
        keyring::Error::NoStorageAccess(inner) => {
            format!("the keyring is locked or access was refused ({inner})")
        }
        keyring::Error::PlatformFailure(inner) => {
            format!("no keyring service answered or it failed ({inner})")
        }
        keyring::Error::NoEntry => "no such item in the keyring".to_string(),
        keyring::Error::BadEncoding(_) => "the stored value is not UTF-8 text".to_string(),
        keyring::Error::TooLong(attribute, limit) => {
            format!("the {attribute} is longer than the keyring's limit of {limit} characters")
        }
        keyring::Error::Invalid(attribute, reason) => {
            format!("the {attribute} is invalid: {reason}")
        }
        keyring::Error::Ambiguous(items) => format!(
            "{} keyring items match it; remove the extra ones with the keyring manager",
            items.len()
        ),
        // The enum is non-exhaustive; a future variant's Display is the best description.
        other => other.to_string(),
    }
}

fn redact(message: String, secret: &Secret) -> String {
    let value = secret.expose();
    if value.is_empty() || !message.contains(value) {
        return message;
    }
    message.replace(value, "***")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_store_files_items_under_the_app_name() {
        assert_eq!(KeyringSecretStore::default().service(), "yichuang");
        assert_eq!(KeyringSecretStore::new("other").service(), "other");
    }

    #[test]
    fn an_unreadable_stored_value_is_described_without_its_bytes() {
        let stored = b"wks_live_\xffabcdef".to_vec();
        let message = cause(&keyring::Error::BadEncoding(stored));
        assert_eq!(message, "the stored value is not UTF-8 text");
        assert!(!message.contains("abcdef"));
    }

    #[test]
    fn an_error_that_echoes_the_secret_is_redacted() {
        let secret = Secret::new("wks_live_abcdef");
        let message = redact("backend said: wks_live_abcdef rejected".into(), &secret);
        assert_eq!(message, "backend said: *** rejected");
    }

    #[test]
    fn an_error_names_the_action_the_account_and_the_service() {
        let store = KeyringSecretStore::new("yichuang-test");
        let SecretError(message) = store.error(
            Action::Read,
            "workstation-7",
            &keyring::Error::Ambiguous(vec![]),
        );
        assert_eq!(
            message,
            "could not read the credential for account `workstation-7` from the OS keyring \
             (service `yichuang-test`): 0 keyring items match it; remove the extra ones with \
             the keyring manager"
        );
    }
}
