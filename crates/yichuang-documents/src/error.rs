//! What can go wrong while rendering a notice or a report sheet, told to the clerk in
//! Chinese and to logs in English.

use std::fmt;

use thiserror::Error;

/// Rendering fails for want of a usable font, inside the PDF writer, or for a report sheet
/// whose shape does not hold together; a notice's content itself is never rejected here
/// (the App validated it before telling it).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DocumentError {
    /// No font with Chinese glyphs was found in `YICHUANG_CJK_FONT` nor in the system paths.
    #[error("no CJK font found: set YICHUANG_CJK_FONT or install fonts-noto-cjk")]
    NoCjkFont,
    /// A font file was found but cannot be used (unreadable, not OpenType, no Chinese glyphs).
    #[error("unusable font: {0}")]
    BadFont(String),
    /// The PDF writer refused the document.
    #[error("PDF rendering failed: {0}")]
    Render(String),
    /// A report sheet's rows do not fit its columns (see [`SheetProblem`]).
    #[error("malformed report sheet: {0}")]
    SheetMalformed(SheetProblem),
}

/// What is wrong with a report sheet's shape. Rows are counted from 1, as a person counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblem {
    /// The sheet has no columns at all.
    NoColumns,
    /// Column `column` (from 1) has a width weight that is not a positive number.
    BadWeight { column: usize },
    /// Row `row` (from 1) has `cells` cells where the sheet has `columns` columns.
    RowLength {
        row: usize,
        cells: usize,
        columns: usize,
    },
    /// The totals row has `cells` cells where the sheet has `columns` columns.
    TotalsLength { cells: usize, columns: usize },
}

impl fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SheetProblem::NoColumns => write!(f, "it has no columns"),
            SheetProblem::BadWeight { column } => {
                write!(f, "column {column} has a width weight that is not positive")
            }
            SheetProblem::RowLength {
                row,
                cells,
                columns,
            } => write!(
                f,
                "row {row} has {cells} cells, but there are {columns} columns"
            ),
            SheetProblem::TotalsLength { cells, columns } => write!(
                f,
                "the totals row has {cells} cells, but there are {columns} columns"
            ),
        }
    }
}

impl SheetProblem {
    fn zh(&self) -> String {
        match self {
            SheetProblem::NoColumns => "没有任何列".to_owned(),
            SheetProblem::BadWeight { column } => format!("第 {column} 列的宽度比例不是正数"),
            SheetProblem::RowLength {
                row,
                cells,
                columns,
            } => format!("第 {row} 行有 {cells} 格，但表格有 {columns} 列"),
            SheetProblem::TotalsLength { cells, columns } => {
                format!("合计行有 {cells} 格，但表格有 {columns} 列")
            }
        }
    }
}

impl DocumentError {
    /// A stable code for the App's `ApiError { code, .. }`.
    pub fn code(&self) -> &'static str {
        match self {
            DocumentError::NoCjkFont => "no_cjk_font",
            DocumentError::BadFont(_) => "bad_font",
            DocumentError::Render(_) => "render_failed",
            DocumentError::SheetMalformed(_) => "sheet_malformed",
        }
    }

    /// The message for a person: Chinese at the counter (`zh`), English otherwise.
    pub fn message(&self, zh: bool) -> String {
        if !zh {
            return self.to_string();
        }
        match self {
            DocumentError::NoCjkFont => "未找到中文字体，无法生成通知书。请安装 fonts-noto-cjk，\
                 或设置环境变量 YICHUANG_CJK_FONT 指向中文字体文件。"
                .to_owned(),
            DocumentError::BadFont(detail) => {
                format!("中文字体不可用（{detail}），请更换字体文件或安装 fonts-noto-cjk。")
            }
            DocumentError::Render(detail) => format!("通知书 PDF 生成失败：{detail}"),
            DocumentError::SheetMalformed(problem) => {
                format!("报表内容有误（{}），无法生成 PDF。", problem.zh())
            }
        }
    }
}
