//! The workstation's audit trail as the window sees it: whether the hash chain is intact
//! (an edited or deleted entry is named) and how many mutations still wait for the county.

use crate::{ApiError, App};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::audit::ChainBreak;
use yichuang_local::journal;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditStatus {
    pub entries: u32,
    pub intact: bool,
    /// Where the chain breaks, in words.
    pub problem: Option<String>,
    pub pending_mutations: u32,
}

pub async fn status(app: &App, _req: ()) -> Result<AuditStatus, ApiError> {
    let lang = app.lang();
    let err = |e| ApiError::from_store(e, lang);
    let result = journal::verify_audit(&app.store).await.map_err(err)?;
    let pending = journal::pending_mutations(&app.store).await.map_err(err)?;
    let count = journal::audit_count(&app.store).await.map_err(err)?;
    Ok(AuditStatus {
        entries: u32::try_from(count).unwrap_or(u32::MAX),
        intact: result.is_ok(),
        problem: result.err().map(|b| match b {
            ChainBreak::Edited { seq } => {
                format!(
                    "{}{seq}",
                    lang.pick("审计记录被改动：第 ", "Audit entry edited: #")
                )
            }
            ChainBreak::Missing { seq } => {
                format!(
                    "{}{seq}",
                    lang.pick("审计记录缺失：第 ", "Audit entry missing before #")
                )
            }
            ChainBreak::HeadMismatch {
                expected_seq,
                found_seq,
            } => format!(
                "{} {expected_seq} / {found_seq}",
                lang.pick(
                    "审计记录末尾被删除：应有/实有",
                    "Audit tail deleted: expected/found"
                )
            ),
        }),
        pending_mutations: u32::try_from(pending).unwrap_or(u32::MAX),
    })
}
