//! Why a catalog file was refused, in words a county IT person can act on.

use crate::Lang;
use serde::Serialize;
use std::fmt;
use ts_rs::TS;

/// A refused catalog: every problem found, the file imported nothing.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct CatalogError {
    pub issues: Vec<CatalogIssue>,
}

impl CatalogError {
    pub(crate) fn single(issue: CatalogIssue) -> Self {
        CatalogError {
            issues: vec![issue],
        }
    }

    /// One message for the user: the first problems, and how many more there are.
    pub fn message(&self, lang: Lang) -> String {
        const SHOWN: usize = 5;
        let mut lines: Vec<String> = self
            .issues
            .iter()
            .take(SHOWN)
            .map(|i| i.message(lang))
            .collect();
        if self.issues.len() > SHOWN {
            let more = self.issues.len() - SHOWN;
            lines.push(match lang {
                Lang::ZhCn => format!("……另有 {more} 处问题"),
                Lang::En => format!("… and {more} more problems"),
            });
        }
        let head = match lang {
            Lang::ZhCn => "事项目录文件有误，未导入任何内容：",
            Lang::En => "The catalog file is invalid; nothing was imported:",
        };
        format!("{head}\n{}", lines.join("\n"))
    }
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// One problem: where (item code, field path) and what.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CatalogIssue {
    /// The item's code (事项编码), or its position when the code itself is unreadable;
    /// `None` for problems outside any item (format, version, departments).
    pub item: Option<String>,
    /// Path of the field inside the file, e.g. `materials[2].copies`.
    pub field: String,
    pub problem: Problem,
}

impl CatalogIssue {
    pub fn message(&self, lang: Lang) -> String {
        let what = self.problem.describe(lang);
        match (&self.item, lang) {
            (Some(item), Lang::ZhCn) => format!("事项 {item} 的字段 {}：{what}", self.field),
            (Some(item), Lang::En) => format!("item {item}, field {}: {what}", self.field),
            (None, Lang::ZhCn) => format!("字段 {}：{what}", self.field),
            (None, Lang::En) => format!("field {}: {what}", self.field),
        }
    }
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    NotJson { detail: String },
    WrongFormat { found: String },
    Missing,
    WrongType { expected: String },
    Blank,
    Negative { value: i64 },
    TooLarge { value: i64 },
    UnknownDepartment { code: String },
    DuplicateDepartment { code: String },
    DuplicateItem { code: String },
    DuplicateMaterial { code: String },
    DuplicateSituation { code: String },
    UnknownKind { value: String },
    UnknownForm { value: String },
    PromisedExceedsStatutory { promised: u32, statutory: u32 },
    ImmediateWithPromisedDays { promised: u32 },
    MissingPromisedDays,
    ZeroCopies,
    JointWithoutDepartments,
    BadRegionCode { value: String },
    NoItems,
}

impl Problem {
    pub fn describe(&self, lang: Lang) -> String {
        use Problem::*;
        match (self, lang) {
            (NotJson { detail }, Lang::ZhCn) => format!("不是有效的 JSON（{detail}）"),
            (NotJson { detail }, Lang::En) => format!("not valid JSON ({detail})"),
            (WrongFormat { found }, Lang::ZhCn) => {
                format!("格式应为 yichuang-catalog/1，实际为“{found}”")
            }
            (WrongFormat { found }, Lang::En) => {
                format!("format must be yichuang-catalog/1, found \"{found}\"")
            }
            (Missing, l) => l.pick("缺少该字段", "is missing").into(),
            (WrongType { expected }, Lang::ZhCn) => format!("类型错误，应为{expected}"),
            (WrongType { expected }, Lang::En) => {
                format!("has the wrong type, expected {expected}")
            }
            (Blank, l) => l.pick("不能为空", "must not be blank").into(),
            (Negative { value }, Lang::ZhCn) => format!("不能为负数（{value}）"),
            (Negative { value }, Lang::En) => format!("must not be negative ({value})"),
            (TooLarge { value }, Lang::ZhCn) => format!("数值过大（{value}）"),
            (TooLarge { value }, Lang::En) => format!("is too large ({value})"),
            (UnknownDepartment { code }, Lang::ZhCn) => {
                format!("部门“{code}”未在 departments 中定义")
            }
            (UnknownDepartment { code }, Lang::En) => {
                format!("department \"{code}\" is not defined in departments")
            }
            (DuplicateDepartment { code }, Lang::ZhCn) => format!("部门编码“{code}”重复"),
            (DuplicateDepartment { code }, Lang::En) => {
                format!("duplicate department code \"{code}\"")
            }
            (DuplicateItem { code }, Lang::ZhCn) => format!("事项编码“{code}”重复"),
            (DuplicateItem { code }, Lang::En) => format!("duplicate item code \"{code}\""),
            (DuplicateMaterial { code }, Lang::ZhCn) => format!("材料编码“{code}”在本事项内重复"),
            (DuplicateMaterial { code }, Lang::En) => {
                format!("material code \"{code}\" is used twice in this item")
            }
            (DuplicateSituation { code }, Lang::ZhCn) => format!("情形编码“{code}”重复"),
            (DuplicateSituation { code }, Lang::En) => {
                format!("duplicate situation code \"{code}\"")
            }
            (UnknownKind { value }, Lang::ZhCn) => {
                format!("未知的办件类型“{value}”（应为 immediate、promised 或 joint）")
            }
            (UnknownKind { value }, Lang::En) => {
                format!("unknown kind \"{value}\" (expected immediate, promised or joint)")
            }
            (UnknownForm { value }, Lang::ZhCn) => {
                format!("未知的材料形式“{value}”（应为 original 或 copy）")
            }
            (UnknownForm { value }, Lang::En) => {
                format!("unknown form \"{value}\" (expected original or copy)")
            }
            (
                PromisedExceedsStatutory {
                    promised,
                    statutory,
                },
                Lang::ZhCn,
            ) => format!("承诺时限（{promised} 个工作日）不能超过法定时限（{statutory} 个工作日）"),
            (
                PromisedExceedsStatutory {
                    promised,
                    statutory,
                },
                Lang::En,
            ) => format!(
                "promised limit ({promised} working days) exceeds the statutory limit ({statutory})"
            ),
            (ImmediateWithPromisedDays { promised }, Lang::ZhCn) => {
                format!("即办件的承诺时限应为 0，实际为 {promised}")
            }
            (ImmediateWithPromisedDays { promised }, Lang::En) => {
                format!("an immediate item must have promised_days 0, found {promised}")
            }
            (MissingPromisedDays, l) => l
                .pick(
                    "承诺件、联办件的承诺时限至少为 1 个工作日",
                    "a promised or joint item needs at least 1 promised working day",
                )
                .into(),
            (ZeroCopies, l) => l.pick("份数至少为 1", "copies must be at least 1").into(),
            (JointWithoutDepartments, l) => l
                .pick(
                    "联办件必须列出联办部门（joint_departments）",
                    "a joint item must list its joint_departments",
                )
                .into(),
            (BadRegionCode { value }, Lang::ZhCn) => {
                format!("行政区划代码应为 6 位数字，实际为“{value}”")
            }
            (BadRegionCode { value }, Lang::En) => {
                format!("region code must be 6 digits, found \"{value}\"")
            }
            (NoItems, l) => l
                .pick("目录中没有任何事项", "the catalog has no items")
                .into(),
        }
    }
}
