//! What can go wrong while rendering a notice, told to the clerk in Chinese and to logs in English.

use thiserror::Error;

/// Rendering fails only for want of a usable font or inside the PDF writer; a notice's
/// content itself is never rejected here (the App validated it before telling it).
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
}

impl DocumentError {
    /// A stable code for the App's `ApiError { code, .. }`.
    pub fn code(&self) -> &'static str {
        match self {
            DocumentError::NoCjkFont => "no_cjk_font",
            DocumentError::BadFont(_) => "bad_font",
            DocumentError::Render(_) => "render_failed",
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
        }
    }
}
