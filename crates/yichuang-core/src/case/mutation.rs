//! A counter action as it travels: the intent (an intake or a command) with everything needed
//! to run it again — who, at which workstation, at what local time, under which number — so
//! the workstation and the county hub run the same rule and reach the same case. Storage,
//! transport and the compare-and-set on the stored version are the callers' business.

use super::aggregate::{Actor, Case, Ctx, Effects, Intake, Office};
use super::applicant::{AgentInput, ApplicantInput};
use super::command::{apply, CaseCommand};
use super::error::CaseError;
use crate::catalog::ServiceItem;
use crate::{Lang, WorkCalendar};
use chrono::{NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// A number drawn from a workstation's series for this action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Numbered {
    /// The series, named by its rendered prefix (e.g. `case:341122-SC-03-2026-`).
    pub series: String,
    pub seq: u64,
    /// The number as printed.
    pub number: String,
}

/// What the action is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MutationBody {
    /// A case opened at the counter.
    Intake {
        item_code: String,
        catalog_version: String,
        applicant: ApplicantInput,
        agent: Option<AgentInput>,
        situations: Vec<String>,
        office: Office,
    },
    /// A command on an existing case.
    Command { command: CaseCommand },
}

/// One action on one case, as recorded at the workstation and replayed at the county.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseMutation {
    pub case_id: String,
    /// The case version the action was decided on (`None` for an intake): the county refuses
    /// the action when its copy has moved on since (decided or handed over elsewhere).
    pub base_version: Option<u32>,
    /// The [`Case::fingerprint`] of that version: two windows can each reach "version 2" by
    /// different actions, so the number alone does not say it is the same case.
    #[serde(default)]
    pub base_fingerprint: Option<String>,
    pub actor: Actor,
    pub workstation: String,
    /// Local (China Standard) time of the action at the counter.
    pub at: NaiveDateTime,
    pub number: Option<Numbered>,
    pub body: MutationBody,
}

/// Why a mutation could not run at all (before any case rule).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MutationError {
    #[error(transparent)]
    Case(#[from] CaseError),
    #[error("the case does not exist")]
    MissingCase,
    #[error("a case with this id already exists")]
    CaseExists,
    #[error("item {0} is not in the catalog")]
    UnknownItem(String),
}

impl Case {
    /// SHA-256 of the case as stored (its JSON: fields in declaration order, no maps), the
    /// same at the window and at the county when both hold the same history.
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let json = serde_json::to_string(self).expect("a case always serialises");
        hex::encode(Sha256::digest(json.as_bytes()))
    }
}

impl CaseMutation {
    /// Whether `current` is exactly the case this action was decided on.
    pub fn is_based_on(&self, current: &Case) -> bool {
        self.base_version == Some(current.version)
            && self.base_fingerprint.as_deref() == Some(current.fingerprint().as_str())
    }

    /// The mutation's name in the audit log and the outbox (`intake`, `accept`, …).
    pub fn name(&self) -> &'static str {
        match &self.body {
            MutationBody::Intake { .. } => "intake",
            MutationBody::Command { command } => command.name(),
        }
    }

    /// The catalog item an intake needs (`None` for a command).
    pub fn item_code(&self) -> Option<&str> {
        match &self.body {
            MutationBody::Intake { item_code, .. } => Some(item_code),
            MutationBody::Command { .. } => None,
        }
    }

    /// Runs the action on `current` (the stored case, `None` for an intake). `item` is the
    /// catalog item of an intake. Deterministic: the same mutation on the same case, item and
    /// calendar gives the same effects at the workstation and at the county.
    pub fn run(
        &self,
        current: Option<&Case>,
        item: Option<&ServiceItem>,
        calendar: &WorkCalendar,
        lang: Lang,
        closing: NaiveTime,
    ) -> Result<Effects, MutationError> {
        let ctx = Ctx {
            actor: &self.actor,
            workstation: &self.workstation,
            now: self.at,
            calendar,
            lang,
            closing,
        };
        let number = self.number.as_ref().map(|n| n.number.as_str());
        match (&self.body, current) {
            (
                MutationBody::Intake {
                    item_code,
                    catalog_version,
                    applicant,
                    agent,
                    situations,
                    office,
                },
                None,
            ) => {
                let item = item
                    .filter(|i| &i.code == item_code)
                    .ok_or_else(|| MutationError::UnknownItem(item_code.clone()))?;
                Ok(Case::intake(
                    Intake {
                        id: self.case_id.clone(),
                        case_no: number.unwrap_or_default().to_string(),
                        item,
                        catalog_version,
                        applicant,
                        agent: agent.as_ref(),
                        situations,
                        office: office.clone(),
                    },
                    &ctx,
                )?)
            }
            (MutationBody::Intake { .. }, Some(_)) => Err(MutationError::CaseExists),
            (MutationBody::Command { command }, Some(case)) => {
                Ok(apply(case, command, number, &ctx)?)
            }
            (MutationBody::Command { .. }, None) => Err(MutationError::MissingCase),
        }
    }
}
