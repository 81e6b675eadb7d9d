//! The audit hash chain: every entry a workstation writes carries the hash of the previous
//! one, so an edited, deleted or reordered entry breaks the chain. Storing entries and the
//! chain head is the store's job; this module computes and verifies.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// The hash the first entry of a chain points back to.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    /// 1, 2, 3… per workstation.
    pub seq: u64,
    /// RFC 3339, UTC.
    pub at: String,
    pub workstation: String,
    pub actor_id: String,
    pub actor: String,
    pub action: String,
    pub case_id: Option<String>,
    /// What changed, as JSON text (never a full ID number: see DOMAIN.md rule 10).
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditEntry {
    /// The hash of this entry's content and its predecessor's hash.
    pub fn compute_hash(&self) -> String {
        let mut h = Sha256::new();
        for part in [
            self.prev_hash.as_str(),
            &self.seq.to_string(),
            &self.at,
            &self.workstation,
            &self.actor_id,
            &self.actor,
            &self.action,
            self.case_id.as_deref().unwrap_or(""),
            &self.detail,
        ] {
            // Length-prefixed, so moving text from one field to the next changes the hash.
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        hex::encode(h.finalize())
    }

    /// Builds the entry that follows `prev` (or starts the chain) and seals it.
    #[allow(clippy::too_many_arguments)]
    pub fn next(
        prev: Option<(u64, &str)>,
        at: String,
        workstation: &str,
        actor_id: &str,
        actor: &str,
        action: &str,
        case_id: Option<&str>,
        detail: String,
    ) -> AuditEntry {
        let (seq, prev_hash) = match prev {
            Some((s, h)) => (s + 1, h.to_string()),
            None => (1, GENESIS.to_string()),
        };
        let mut e = AuditEntry {
            seq,
            at,
            workstation: workstation.into(),
            actor_id: actor_id.into(),
            actor: actor.into(),
            action: action.into(),
            case_id: case_id.map(str::to_string),
            detail,
            prev_hash,
            hash: String::new(),
        };
        e.hash = e.compute_hash();
        e
    }
}

/// Where and how a chain is broken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ChainBreak {
    /// The entry's content no longer matches its hash.
    Edited { seq: u64 },
    /// An entry is missing before this one (a gap, or a link that points elsewhere).
    Missing { seq: u64 },
    /// Entries after the recorded head are gone, or the head was rewritten.
    HeadMismatch { expected_seq: u64, found_seq: u64 },
}

/// Checks a workstation's chain in `seq` order against the head recorded with it.
pub fn verify_chain(entries: &[AuditEntry], head: Option<(u64, &str)>) -> Result<(), ChainBreak> {
    let mut prev_hash = GENESIS.to_string();
    let mut expected_seq = 1;
    for e in entries {
        if e.seq != expected_seq || e.prev_hash != prev_hash {
            return Err(ChainBreak::Missing { seq: e.seq });
        }
        if e.compute_hash() != e.hash {
            return Err(ChainBreak::Edited { seq: e.seq });
        }
        prev_hash = e.hash.clone();
        expected_seq += 1;
    }
    let last_seq = expected_seq - 1;
    match head {
        Some((seq, hash)) if seq != last_seq || hash != prev_hash => {
            Err(ChainBreak::HeadMismatch {
                expected_seq: seq,
                found_seq: last_seq,
            })
        }
        None if last_seq != 0 => Err(ChainBreak::HeadMismatch {
            expected_seq: 0,
            found_seq: last_seq,
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chain(n: usize) -> Vec<AuditEntry> {
        let mut out: Vec<AuditEntry> = Vec::new();
        for i in 0..n {
            let prev = out.last().map(|e| (e.seq, e.hash.as_str()));
            out.push(AuditEntry::next(
                prev,
                format!("2026-03-02T0{}:00:00Z", i % 10),
                "ws-1",
                "u-1",
                "李娜",
                "accept",
                Some("case-1"),
                format!("{{\"n\":{i}}}"),
            ));
        }
        out
    }

    fn head(c: &[AuditEntry]) -> Option<(u64, &str)> {
        c.last().map(|e| (e.seq, e.hash.as_str()))
    }

    #[test]
    fn an_untouched_chain_verifies() {
        let c = chain(5);
        assert_eq!(verify_chain(&c, head(&c)), Ok(()));
    }

    #[test]
    fn a_deleted_last_entry_is_caught_by_the_recorded_head() {
        let c = chain(5);
        let h = head(&c).map(|(s, h)| (s, h.to_string()));
        let h = h.as_ref().map(|(s, h)| (*s, h.as_str()));
        assert!(matches!(
            verify_chain(&c[..4], h),
            Err(ChainBreak::HeadMismatch { .. })
        ));
    }

    proptest! {
        #[test]
        fn editing_or_deleting_any_entry_is_detected(n in 2usize..20, pick in 0usize..100, delete in any::<bool>()) {
            let c = chain(n);
            let h = c.last().map(|e| (e.seq, e.hash.clone())).expect("non-empty");
            let mut tampered = c.clone();
            let i = pick % n;
            if delete {
                tampered.remove(i);
            } else {
                tampered[i].detail.push(' ');
            }
            prop_assert!(verify_chain(&tampered, Some((h.0, &h.1))).is_err());
        }
    }
}
