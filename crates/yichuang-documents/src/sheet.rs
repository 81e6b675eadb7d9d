//! What a report sheet says (AB岗交接单, 收费日报, …) and whether its shape holds together;
//! does not own where anything goes on the page (`layout::sheet`) nor what the cells mean:
//! the caller formats every cell (amounts, dates, masked names) before handing it over.

use serde::{Deserialize, Serialize};

use crate::error::{DocumentError, SheetProblem};

/// A generic tabular report: title, key-value header lines, one ruled table that continues
/// across pages with its header repeated, signature lines and a footer note. Everything
/// printed is here as text, nothing is looked up or formatted at render time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// e.g. "AB岗交接单" or "收费日报".
    pub title: String,
    /// A line above the title, e.g. the center's name "示例县政务服务中心".
    #[serde(default)]
    pub subtitle: Option<String>,
    /// Printed top right under the title and on every continuation page, so a loose second
    /// sheet says which report it belongs to, e.g. "交接单号：AB-2026-0012".
    #[serde(default)]
    pub reference: Option<String>,
    /// Key-value header lines ("部门", "示例县市场监督管理局"), two to a row when both fit
    /// in half the width, otherwise one to a row with the value wrapping. The "：" is added.
    #[serde(default)]
    pub fields: Vec<(String, String)>,
    /// At least one.
    pub columns: Vec<SheetColumn>,
    /// Each exactly as long as `columns`; a long cell wraps inside its column.
    #[serde(default)]
    pub rows: Vec<Vec<String>>,
    /// A last row set bold under a heavier rule (合计), exactly as long as `columns`.
    #[serde(default)]
    pub totals: Option<Vec<String>>,
    /// Printed across the table when `rows` is empty, e.g. "无未办结办件".
    #[serde(default)]
    pub empty_text: String,
    /// Labels of the signature lines under the table, e.g. ["交出人签字", "接收人签字"].
    #[serde(default)]
    pub signatures: Vec<String>,
    /// A small note at the end, e.g. "本交接单一式两份，A、B 岗各执一份。".
    #[serde(default)]
    pub footer: Option<String>,
}

/// One column of a sheet's table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetColumn {
    /// The header cell, e.g. "办件编号".
    pub title: String,
    /// Share of the table width relative to the other columns (e.g. 3.0 against 1.0); must
    /// be a positive number.
    pub weight: f32,
    #[serde(default)]
    pub align: SheetAlign,
}

impl SheetColumn {
    pub fn new(title: impl Into<String>, weight: f32, align: SheetAlign) -> Self {
        SheetColumn {
            title: title.into(),
            weight,
            align,
        }
    }
}

/// How a column's cells sit in their box: text left, amounts and counts right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SheetAlign {
    #[default]
    Left,
    Center,
    Right,
}

impl Sheet {
    /// Refuses a sheet whose table cannot be drawn as given: no columns, a width weight that
    /// is not positive, or a row (or totals row) whose length differs from the columns'.
    /// Cells are never padded or cut, since a shifted amount on a cash report is worse than
    /// no report.
    pub fn validate(&self) -> Result<(), DocumentError> {
        let malformed = |p| Err(DocumentError::SheetMalformed(p));
        let columns = self.columns.len();
        if columns == 0 {
            return malformed(SheetProblem::NoColumns);
        }
        if let Some(i) = self
            .columns
            .iter()
            .position(|c| !(c.weight.is_finite() && c.weight > 0.0))
        {
            return malformed(SheetProblem::BadWeight { column: i + 1 });
        }
        if let Some((i, row)) = self
            .rows
            .iter()
            .enumerate()
            .find(|(_, r)| r.len() != columns)
        {
            return malformed(SheetProblem::RowLength {
                row: i + 1,
                cells: row.len(),
                columns,
            });
        }
        match &self.totals {
            Some(totals) if totals.len() != columns => malformed(SheetProblem::TotalsLength {
                cells: totals.len(),
                columns,
            }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: Vec<Vec<String>>) -> Sheet {
        Sheet {
            title: "收费日报".into(),
            subtitle: None,
            reference: None,
            fields: vec![],
            columns: vec![
                SheetColumn::new("收款人", 2.0, SheetAlign::Left),
                SheetColumn::new("实收", 1.0, SheetAlign::Right),
            ],
            rows,
            totals: None,
            empty_text: "无收费记录".into(),
            signatures: vec![],
            footer: None,
        }
    }

    fn cells(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn a_sheet_whose_rows_match_its_columns_is_accepted() {
        assert_eq!(sheet(vec![cells(&["张三", "10.00"])]).validate(), Ok(()));
        assert_eq!(sheet(vec![]).validate(), Ok(()));
    }

    #[test]
    fn a_sheet_without_columns_is_refused() {
        let mut s = sheet(vec![]);
        s.columns.clear();
        assert_eq!(
            s.validate(),
            Err(DocumentError::SheetMalformed(SheetProblem::NoColumns))
        );
    }

    #[test]
    fn a_zero_or_nan_weight_is_refused_with_its_column_counted_from_one() {
        for weight in [0.0, -1.0, f32::NAN, f32::INFINITY] {
            let mut s = sheet(vec![]);
            s.columns[1].weight = weight;
            assert_eq!(
                s.validate(),
                Err(DocumentError::SheetMalformed(SheetProblem::BadWeight {
                    column: 2
                }))
            );
        }
    }

    #[test]
    fn a_short_totals_row_is_refused() {
        let mut s = sheet(vec![]);
        s.totals = Some(cells(&["合计"]));
        let err = s.validate().unwrap_err();
        assert_eq!(err.code(), "sheet_malformed");
        assert!(
            err.message(true).contains("合计行有 1 格"),
            "{}",
            err.message(true)
        );
    }
}
