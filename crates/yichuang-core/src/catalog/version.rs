//! Ordering of catalog versions such as `2026.11` or `2026.11.2`.

use std::cmp::Ordering;

/// Compares two catalog versions part by part: numeric parts numerically, others as text,
/// so `2026.9 < 2026.11` (a plain string comparison would say the opposite).
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    let mut left = a.split(['.', '-']);
    let mut right = b.split(['.', '-']);
    loop {
        match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let ord = match (x.parse::<u64>(), y.parse::<u64>()) {
                    (Ok(m), Ok(n)) => m.cmp(&n),
                    _ => x.cmp(y),
                };
                if ord != Ordering::Equal {
                    return ord;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn november_is_newer_than_september() {
        assert_eq!(compare_versions("2026.9", "2026.11"), Ordering::Less);
    }

    #[test]
    fn a_patch_release_is_newer_than_its_base() {
        assert_eq!(compare_versions("2026.11.1", "2026.11"), Ordering::Greater);
        assert_eq!(compare_versions("2026.11", "2026.11"), Ordering::Equal);
    }
}
