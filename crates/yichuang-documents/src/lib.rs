//! Owns rendering the window's stamped notices (材料补正 / 受理 / 不予受理) as A4 PDFs with an
//! embedded, subset CJK font and a case-number QR code, and generic tabular report sheets
//! ([`Sheet`]: the AB岗交接单, the 收费日报) whose table continues across pages with its
//! header repeated; does not own what a notice or a sheet says (the App decides, formats
//! and stores it), numbering, storage, printing, or any IO beyond reading a font file in
//! [`CjkFont::locate`].
//!
//! ```no_run
//! # fn demo(notice: &yichuang_documents::Notice, sheet: &yichuang_documents::Sheet)
//! # -> Result<(), yichuang_documents::DocumentError> {
//! let font = yichuang_documents::CjkFont::locate()?; // once; keep it
//! let pdf: Vec<u8> = yichuang_documents::render_pdf(notice, &font)?;
//! let report: Vec<u8> = yichuang_documents::render_sheet_pdf(sheet, &font)?;
//! # Ok(()) }
//! ```

mod error;
mod font;
mod layout;
mod model;
mod paint;
mod qr;
mod sheet;
mod text;

pub use error::{DocumentError, SheetProblem};
pub use font::{CjkFont, FONT_ENV};
pub use model::{CorrectionLine, LineProblem, Notice, NoticeBody, NoticeKind};
pub use sheet::{Sheet, SheetAlign, SheetColumn};

/// Renders `notice` as a PDF: A4 portrait, one or more pages, the font subset to the
/// characters used. The same notice and font always give the same bytes.
pub fn render_pdf(notice: &Notice, font: &CjkFont) -> Result<Vec<u8>, DocumentError> {
    let measure = text::Measure::new(font)?;
    let pages = layout::notice::layout(notice, &measure)?;
    paint::paint(&pages, paint::notice_metadata(notice), font, &measure)
}

/// Renders `sheet` as a PDF: A4 portrait, the table continuing over as many pages as it
/// needs with its header row repeated, every page numbered "第 N 页　共 M 页". A sheet with
/// no columns, or a row or totals row whose length differs from the columns, is refused
/// with [`DocumentError::SheetMalformed`]. The same sheet and font always give the same
/// bytes.
pub fn render_sheet_pdf(sheet: &Sheet, font: &CjkFont) -> Result<Vec<u8>, DocumentError> {
    let measure = text::Measure::new(font)?;
    let pages = layout::sheet::layout(sheet, &measure)?;
    paint::paint(&pages, paint::sheet_metadata(sheet), font, &measure)
}

/// The machine's CJK font for unit tests; failing loudly, since a notice test that skips
/// for want of a font would hide a broken workstation setup.
#[cfg(test)]
pub(crate) fn test_font() -> CjkFont {
    CjkFont::locate()
        .unwrap_or_else(|e| panic!("{e}: install fonts-noto-cjk (make deps) to run these tests"))
}
