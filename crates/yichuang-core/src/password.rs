//! Clerks' passwords: hashed once by the county's admin tool (Argon2id, PHC string with its
//! own salt and parameters) and verified at the workstation, also offline, against the hash
//! synced down. The password itself is never stored or sent anywhere.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// Shortest password the county accepts.
pub const MIN_PASSWORD_CHARS: usize = 8;

/// Why a password cannot be set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("a password needs at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("cannot hash the password: {0}")]
    Hash(String),
}

/// An Argon2id PHC string for `password`, with a fresh random salt.
pub fn hash(password: &str) -> Result<String, PasswordError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(PasswordError::TooShort);
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PasswordError::Hash(e.to_string()))
}

/// Whether `password` matches `phc`. A malformed hash never matches.
pub fn verify(phc: &str, password: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_password_matches_and_a_wrong_one_does_not() {
        let h = hash("chuangkou-2026").expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify(&h, "chuangkou-2026"));
        assert!(!verify(&h, "chuangkou-2027"));
        assert!(!verify("not a hash", "chuangkou-2026"));
    }

    #[test]
    fn the_same_password_hashes_differently_each_time() {
        assert_ne!(
            hash("same-password").unwrap(),
            hash("same-password").unwrap()
        );
    }

    #[test]
    fn a_short_password_is_refused() {
        assert_eq!(hash("short"), Err(PasswordError::TooShort));
    }
}
