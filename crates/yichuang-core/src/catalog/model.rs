//! Typed catalog, as validated. Field names follow the `yichuang-catalog/1` file format so the
//! model serialises back to a valid import file.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The format tag every import file must carry.
pub const CATALOG_FORMAT: &str = "yichuang-catalog/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Catalog {
    pub format: String,
    pub version: String,
    pub region: Region,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
    pub departments: Vec<Department>,
    pub items: Vec<ServiceItem>,
}

/// The administrative division the catalog belongs to (6-digit code, e.g. 431125).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Region {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Department {
    pub code: String,
    pub name: String,
}

/// 事项: one kind of application the center handles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ServiceItem {
    pub code: String,
    pub name: String,
    pub department: String,
    pub kind: ItemKind,
    /// 法定时限, in working days.
    pub statutory_days: u32,
    /// 承诺时限, in working days; 0 for 即办件.
    pub promised_days: u32,
    pub legal_basis: String,
    pub requires_chief_approval: bool,
    pub materials: Vec<Material>,
    #[serde(default)]
    pub situations: Vec<Situation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fee: Option<FeeStandard>,
    #[serde(default)]
    pub special_procedures: Vec<String>,
    #[serde(default)]
    pub joint_departments: Vec<String>,
}

/// 即办件 / 承诺件 / 联办件.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Immediate,
    Promised,
    Joint,
}

impl ItemKind {
    pub fn parse(s: &str) -> Option<ItemKind> {
        match s {
            "immediate" => Some(ItemKind::Immediate),
            "promised" => Some(ItemKind::Promised),
            "joint" => Some(ItemKind::Joint),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Immediate => "immediate",
            ItemKind::Promised => "promised",
            ItemKind::Joint => "joint",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Material {
    pub code: String,
    pub name: String,
    pub form: MaterialForm,
    pub copies: u32,
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
}

/// Whether the original or a copy is handed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MaterialForm {
    Original,
    Copy,
}

/// 情形: a situation that adds materials to the checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Situation {
    pub code: String,
    pub name: String,
    pub materials: Vec<Material>,
}

/// The fee standard an item may be charged by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FeeStandard {
    pub name: String,
    /// In fen (0.01 yuan), so money is never a float.
    pub amount_cents: u32,
    pub basis: String,
}
