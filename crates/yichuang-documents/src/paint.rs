//! Turns laid-out pages (notices and report sheets alike) into PDF bytes with krilla, which
//! subsets the font on the way out; does not decide where anything goes (`layout`).

use chrono::{Datelike, Timelike};
use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point, Rect, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{GlyphId, KrillaGlyph};
use krilla::Document;

use crate::error::DocumentError;
use crate::font::CjkFont;
use crate::layout::{Op, Page, Rgb, PAGE_HEIGHT, PAGE_WIDTH};
use crate::model::Notice;
use crate::sheet::Sheet;
use crate::text::Measure;

pub(crate) fn paint(
    pages: &[Page],
    metadata: Metadata,
    font: &CjkFont,
    measure: &Measure<'_>,
) -> Result<Vec<u8>, DocumentError> {
    let mut document = Document::new();
    document.set_metadata(metadata);
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| DocumentError::Render("invalid page size".into()))?;
    for ops in pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        let mut painter = Painter {
            surface: &mut surface,
            font,
            measure,
        };
        for op in ops {
            painter.op(op);
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| DocumentError::Render(format!("{e:?}")))
}

/// Title, language and creation time from the notice itself, so the same notice always
/// renders to the same bytes (a reprint is identical to the original).
pub(crate) fn notice_metadata(notice: &Notice) -> Metadata {
    let at = notice.issued_at;
    let created = DateTime::new(at.year().clamp(0, 9999) as u16)
        .month(at.month() as u8)
        .day(at.day() as u8)
        .hour(at.hour() as u8)
        .minute(at.minute() as u8)
        .second(at.second().min(59) as u8)
        .utc_offset_hour(8);
    Metadata::new()
        .title(format!(
            "{} {}",
            notice.effective_kind().title(),
            notice.number
        ))
        .language("zh-CN".into())
        .creator("Yichuang 一窗".into())
        .creation_date(created)
}

/// Title and language only: a sheet carries no timestamp of its own (its print time, if
/// any, is one of its header lines), and leaving the date out keeps the bytes a function of
/// the sheet alone.
pub(crate) fn sheet_metadata(sheet: &Sheet) -> Metadata {
    let title = match &sheet.reference {
        Some(reference) => format!("{} {reference}", sheet.title),
        None => sheet.title.clone(),
    };
    Metadata::new()
        .title(title)
        .language("zh-CN".into())
        .creator("Yichuang 一窗".into())
}

struct Painter<'s, 'p, 'f> {
    surface: &'s mut Surface<'p>,
    font: &'f CjkFont,
    measure: &'f Measure<'f>,
}

impl Painter<'_, '_, '_> {
    fn op(&mut self, op: &Op) {
        match op {
            Op::Text {
                x,
                y,
                size,
                text,
                color,
                bold,
            } => self.text(*x, *y, *size, text, *color, *bold),
            Op::Line {
                from,
                to,
                width,
                color,
            } => {
                let mut pb = PathBuilder::new();
                pb.move_to(from.0, from.1);
                pb.line_to(to.0, to.1);
                self.stroke(pb.finish(), *color, *width, None);
            }
            Op::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                let rect = Rect::from_xywh(*x, *y, *w, *h);
                if let Some(color) = fill {
                    self.fill(rect.and_then(rect_path), *color);
                }
                if let Some((color, width)) = stroke {
                    self.stroke(rect.and_then(rect_path), *color, *width, None);
                }
            }
            Op::Circle {
                cx,
                cy,
                r,
                color,
                width,
                dashed,
            } => {
                let dash = dashed.then(|| StrokeDash {
                    array: vec![4.0, 3.0],
                    offset: 0.0,
                });
                self.stroke(circle(*cx, *cy, *r), *color, *width, dash);
            }
            Op::Squares { rects, color } => {
                let mut pb = PathBuilder::new();
                for [x, y, w, h] in rects {
                    if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                        pb.push_rect(rect);
                    }
                }
                self.fill(pb.finish(), *color);
            }
            Op::Group {
                degrees,
                cx,
                cy,
                opacity,
                ops,
            } => {
                self.surface
                    .push_transform(&Transform::from_rotate_at(*degrees, *cx, *cy));
                self.surface
                    .push_opacity(NormalizedF32::new(*opacity).unwrap_or(NormalizedF32::ONE));
                for op in ops {
                    self.op(op);
                }
                self.surface.pop();
                self.surface.pop();
            }
        }
    }

    /// Places one glyph per character with the advances the layout measured, so what was
    /// measured is exactly what is drawn; each glyph maps back to its character, which keeps
    /// the text searchable and copyable.
    fn text(&mut self, x: f32, y: f32, size: f32, text: &str, color: Rgb, bold: bool) {
        if text.is_empty() {
            return;
        }
        let glyphs: Vec<KrillaGlyph> = text
            .char_indices()
            .map(|(i, c)| {
                KrillaGlyph::new(
                    GlyphId::new(self.measure.glyph(c).to_u32()),
                    self.measure.advance(c),
                    0.0,
                    0.0,
                    0.0,
                    i..i + c.len_utf8(),
                    None,
                )
            })
            .collect();
        self.surface.set_fill(Some(fill(color)));
        // One face only: a thin outline in the same colour stands in for a bold weight.
        self.surface.set_stroke(bold.then(|| Stroke {
            paint: rgb_of(color).into(),
            width: size * 0.035,
            ..Stroke::default()
        }));
        self.surface.draw_glyphs(
            Point::from_xy(x, y),
            &glyphs,
            self.font.pdf.clone(),
            text,
            size,
            false,
        );
        self.surface.set_stroke(None);
    }

    fn fill(&mut self, path: Option<Path>, color: Rgb) {
        let Some(path) = path else { return };
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(fill(color)));
        self.surface.draw_path(&path);
    }

    fn stroke(&mut self, path: Option<Path>, color: Rgb, width: f32, dash: Option<StrokeDash>) {
        let Some(path) = path else { return };
        self.surface.set_fill(None);
        self.surface.set_stroke(Some(Stroke {
            paint: rgb_of(color).into(),
            width,
            dash,
            ..Stroke::default()
        }));
        self.surface.draw_path(&path);
        self.surface.set_stroke(None);
    }
}

fn rgb_of(Rgb(r, g, b): Rgb) -> rgb::Color {
    rgb::Color::new(r, g, b)
}

fn fill(color: Rgb) -> Fill {
    Fill {
        paint: rgb_of(color).into(),
        ..Fill::default()
    }
}

fn rect_path(rect: Rect) -> Option<Path> {
    let mut pb = PathBuilder::new();
    pb.push_rect(rect);
    pb.finish()
}

/// A circle from four cubic Béziers (the usual 0.5523 control-point factor).
fn circle(cx: f32, cy: f32, r: f32) -> Option<Path> {
    let k = 0.552_284_8 * r;
    let mut pb = PathBuilder::new();
    pb.move_to(cx + r, cy);
    pb.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    pb.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    pb.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    pb.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    pb.close();
    pb.finish()
}
