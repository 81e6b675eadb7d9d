//! Owns rendering the window's stamped notices (材料补正 / 受理 / 不予受理) as A4 PDFs with an
//! embedded, subset CJK font and a case-number QR code; does not own what a notice says
//! (the App decides and stores it), numbering, storage, printing, or any IO beyond reading
//! a font file in [`CjkFont::locate`].
//!
//! ```no_run
//! # fn demo(notice: &yichuang_documents::Notice) -> Result<(), yichuang_documents::DocumentError> {
//! let font = yichuang_documents::CjkFont::locate()?; // once; keep it
//! let pdf: Vec<u8> = yichuang_documents::render_pdf(notice, &font)?;
//! # Ok(()) }
//! ```

mod error;
mod font;
mod layout;
mod model;
mod paint;
mod qr;
mod text;

pub use error::DocumentError;
pub use font::{CjkFont, FONT_ENV};
pub use model::{CorrectionLine, LineProblem, Notice, NoticeBody, NoticeKind};

/// Renders `notice` as a PDF: A4 portrait, one or more pages, the font subset to the
/// characters used. The same notice and font always give the same bytes.
pub fn render_pdf(notice: &Notice, font: &CjkFont) -> Result<Vec<u8>, DocumentError> {
    let measure = text::Measure::new(font)?;
    let pages = layout::notice::layout(notice, &measure)?;
    paint::paint(notice, &pages, font, &measure)
}

/// The machine's CJK font for unit tests; failing loudly, since a notice test that skips
/// for want of a font would hide a broken workstation setup.
#[cfg(test)]
pub(crate) fn test_font() -> CjkFont {
    CjkFont::locate()
        .unwrap_or_else(|e| panic!("{e}: install fonts-noto-cjk (make deps) to run these tests"))
}
