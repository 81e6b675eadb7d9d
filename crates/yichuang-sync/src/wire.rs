//! The messages between a workstation and the county hub, as JSON over HTTPS. Every request
//! carries [`PROTOCOL_HEADER`]; a hub that no longer speaks a workstation's version answers
//! `client_too_old` and the workstation keeps its outbox until it is updated.

use crate::Secret;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use yichuang_core::audit::AuditEntry;
use yichuang_core::case::{Case, CaseEvent, IssuedNotice, Role};

/// The protocol this build speaks.
pub const PROTOCOL_VERSION: u32 = 2;
/// Header naming the sender's protocol version.
pub const PROTOCOL_HEADER: &str = "x-yichuang-protocol";
/// Most mutations in one push; the workstation sends its outbox in batches of this size.
pub const PUSH_BATCH: usize = 200;
/// Most cases in one pull page.
pub const PULL_PAGE: u32 = 500;

/// Stable codes of a refused request (the whole request, not one mutation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WireErrorCode {
    /// The workstation's protocol is older than the hub accepts: update the workstation.
    ClientTooOld,
    /// No, an unknown, or a revoked credential.
    Unauthorized,
    /// The enrollment token is unknown, used or expired.
    EnrollmentRefused,
    /// The first mutation is not the one after the last the county holds.
    OutOfOrder,
    /// The body is not a valid request.
    Malformed,
    /// The county database is unavailable; try again later.
    Unavailable,
}

/// A refused request as the hub answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireError {
    pub code: WireErrorCode,
    /// For county IT and the log, in Chinese.
    pub message: String,
    /// With `out_of_order`: the local_seq the county expects next.
    #[serde(default)]
    pub expected_seq: Option<i64>,
    /// With `client_too_old`: the oldest protocol the hub accepts.
    #[serde(default)]
    pub min_protocol: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EnrollRequest {
    pub token: Secret,
    /// How county IT recognises the PC (host name).
    pub label: String,
}

/// The hub's answer to a good token: who this workstation is and its credential.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EnrollReply {
    pub workstation_id: String,
    #[serde(serialize_with = "crate::secret::serialize_exposed")]
    pub credential: Secret,
    pub region_code: String,
    pub center_name: String,
    pub department_code: String,
    pub department_name: String,
    pub window_code: String,
    pub window_name: String,
    /// The series this window already used, so a re-enrolled PC continues them.
    pub series: Vec<SeriesMark>,
}

/// How far a number series got at the county.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesMark {
    pub series: String,
    pub last_seq: u64,
}

/// One outbox row as pushed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxMutation {
    /// 1, 2, 3… per workstation, without gaps.
    pub local_seq: i64,
    pub mutation_id: String,
    /// `intake`, a command name (`accept`…), or `card_raised`.
    pub kind: String,
    pub case_id: Option<String>,
    pub payload: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushRequest {
    pub mutations: Vec<OutboxMutation>,
    /// Audit entries after the last one the county holds for this workstation, in order.
    pub audit: Vec<AuditEntry>,
}

/// Why the county refused one mutation. Final: the mutation is recorded as rejected and the
/// workstation shows it in its conflicts; the queue behind it moves on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectCode {
    /// The case changed at the county since the workstation decided (another window acted,
    /// or it was handed over).
    CaseChanged,
    CaseNotFound,
    /// The case already exists (an intake under an id the county holds).
    CaseExists,
    /// The case belongs to another department.
    OutOfScope,
    UnknownItem,
    /// The acting user is not a user of this department at the county.
    UnknownUser,
    /// The number was already used by another workstation.
    NumberTaken,
    /// The number skips numbers of its series (recorded; the series moves on).
    SeriesGap,
    /// A case rule refused it at the county.
    RuleRefused,
    /// The payload cannot be read.
    Malformed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Verdict {
    Accepted,
    Rejected { code: RejectCode, reason: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub local_seq: i64,
    pub mutation_id: String,
    pub verdict: Verdict,
    /// `true`: the county had already recorded this mutation; this is its stored verdict.
    pub duplicate: bool,
    /// For a rejection: the county's copy of the case (if it has one), so the workstation can
    /// show the truth instead of its own optimistic version.
    pub case: Option<CaseBundle>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushReply {
    pub outcomes: Vec<Outcome>,
    /// The last audit entry the county now holds for this workstation.
    pub audit_seq: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullRequest {
    /// The last `gseq` this workstation applied (0 at first).
    pub cursor: i64,
    pub catalog_version: Option<String>,
    /// Calendar years the window imported, with the hash of each file: a year the county
    /// holds differently (a corrected notice) comes down again.
    pub calendars_held: Vec<CalendarHeld>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarHeld {
    pub year: i32,
    pub sha256: String,
}

/// A case as the county holds it, with its whole timeline and every notice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseBundle {
    pub gseq: i64,
    pub case: Case,
    pub events: Vec<CaseEvent>,
    pub notices: Vec<IssuedNotice>,
    /// The cards the county holds for the case (raised by any PC of the department), so a
    /// PC that was off when one was raised still shows it and its appeal.
    #[serde(default)]
    pub cards: Vec<PulledCard>,
}

/// A card as the county holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PulledCard {
    /// yellow, red, follow_up_late, rectify_late.
    pub level: String,
    pub due_date: chrono::NaiveDate,
    pub raised_at: chrono::DateTime<chrono::Utc>,
}

/// A user of the workstation's department, with the password hash for offline login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRecord {
    pub gseq: i64,
    pub user_id: String,
    pub username: String,
    pub name: String,
    pub role: Role,
    pub department_code: String,
    /// Argon2id PHC string; the password itself never leaves the county's admin tool.
    pub password_hash: String,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarYearText {
    pub year: i32,
    pub document: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PullReply {
    pub cases: Vec<CaseBundle>,
    pub users: Vec<UserRecord>,
    /// The current catalog file when the workstation's version differs.
    pub catalog: Option<String>,
    /// Calendar years the workstation does not have, or holds in another version.
    pub calendars: Vec<CalendarYearText>,
    /// Where the next pull starts.
    pub cursor: i64,
    /// `true`: more rows are waiting; pull again.
    pub more: bool,
    /// The hub's clock, so the workstation can say how far its own is off.
    pub server_time: NaiveDateTime,
}
