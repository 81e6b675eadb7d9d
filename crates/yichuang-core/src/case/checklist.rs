//! The materials checklist of a case: built from the catalog item and the situations (情形)
//! that apply, then ticked by the clerk (received / missing / defective with a reason).

use crate::catalog::{Material, MaterialForm, ServiceItem};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where one material stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum MaterialStatus {
    /// Not looked at yet.
    Pending,
    Received,
    Missing,
    /// Handed in but not acceptable (expired, unsigned, wrong copy…).
    Defective {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChecklistLine {
    pub code: String,
    pub name: String,
    pub form: MaterialForm,
    pub copies: u32,
    pub required: bool,
    /// The situation that added this material; `None` for the item's own materials.
    pub situation: Option<String>,
    pub status: MaterialStatus,
}

impl ChecklistLine {
    fn new(m: &Material, situation: Option<&str>) -> ChecklistLine {
        ChecklistLine {
            code: m.code.clone(),
            name: m.name.clone(),
            form: m.form,
            copies: m.copies,
            required: m.required,
            situation: situation.map(str::to_string),
            status: MaterialStatus::Pending,
        }
    }

    /// The applicant must be told about this line: a required material that is not in order,
    /// or any material handed in defective.
    pub fn needs_correction(&self) -> bool {
        match &self.status {
            MaterialStatus::Missing | MaterialStatus::Pending => self.required,
            MaterialStatus::Defective { .. } => true,
            MaterialStatus::Received => false,
        }
    }
}

/// The checklist for `item` with the chosen situations; unknown situation codes are returned
/// as the error so the caller can name them.
pub fn build_checklist(
    item: &ServiceItem,
    situations: &[String],
) -> Result<Vec<ChecklistLine>, String> {
    let mut lines: Vec<ChecklistLine> = item
        .materials
        .iter()
        .map(|m| ChecklistLine::new(m, None))
        .collect();
    for code in situations {
        let s = item
            .situations
            .iter()
            .find(|s| &s.code == code)
            .ok_or_else(|| code.clone())?;
        for m in &s.materials {
            if !lines.iter().any(|l| l.code == m.code) {
                lines.push(ChecklistLine::new(m, Some(&s.code)));
            }
        }
    }
    Ok(lines)
}

/// Every material is received, or an optional one was not handed in.
pub fn is_complete(lines: &[ChecklistLine]) -> bool {
    lines.iter().all(|l| !l.needs_correction())
}
