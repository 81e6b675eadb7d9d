//! Page layout as a display list: positions are decided here, before any PDF exists, so
//! page breaks know the whole document (page counts, footers) and stay testable without a
//! PDF reader. Coordinates are PDF points, origin top-left, y growing downwards.

pub(crate) mod notice;
pub(crate) mod sheet;
mod table;

use crate::text::Measure;

/// A4 portrait.
pub(crate) const PAGE_WIDTH: f32 = 595.28;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
/// Margins close to the GB/T 9704 official-document layout (left 28 mm, right 26 mm),
/// with less at top and bottom, since a notice has no red masthead.
pub(crate) const LEFT: f32 = 79.4;
pub(crate) const RIGHT: f32 = PAGE_WIDTH - 73.7;
pub(crate) const TOP: f32 = 62.0;
pub(crate) const BOTTOM: f32 = PAGE_HEIGHT - 62.0;
pub(crate) const CONTENT_WIDTH: f32 = RIGHT - LEFT;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

pub(crate) const BLACK: Rgb = Rgb(0, 0, 0);
pub(crate) const GREY: Rgb = Rgb(110, 110, 110);
pub(crate) const LIGHT_GREY: Rgb = Rgb(235, 235, 235);
/// Seal red: the void mark reads as a stamp, not as a highlight.
pub(crate) const RED: Rgb = Rgb(200, 20, 30);

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    /// One line of text; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        color: Rgb,
        bold: bool,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    Circle {
        cx: f32,
        cy: f32,
        r: f32,
        color: Rgb,
        width: f32,
        dashed: bool,
    },
    /// Filled squares drawn as one path (QR modules).
    Squares { rects: Vec<[f32; 4]>, color: Rgb },
    /// Ops drawn rotated by `degrees` around (`cx`, `cy`), at `opacity`.
    Group {
        degrees: f32,
        cx: f32,
        cy: f32,
        opacity: f32,
        ops: Vec<Op>,
    },
}

pub(crate) type Page = Vec<Op>;

/// Text helpers that need the font.
pub(crate) struct Pen<'a> {
    pub(crate) measure: &'a Measure<'a>,
}

impl Pen<'_> {
    pub(crate) fn text(&self, x: f32, y: f32, size: f32, text: &str) -> Op {
        Op::Text {
            x,
            y,
            size,
            text: text.to_owned(),
            color: BLACK,
            bold: false,
        }
    }

    pub(crate) fn centered(&self, cx: f32, y: f32, size: f32, text: &str) -> Op {
        let w = self.measure.width(text, size);
        self.text(cx - w / 2.0, y, size, text)
    }

    pub(crate) fn right_aligned(&self, right: f32, y: f32, size: f32, text: &str) -> Op {
        let w = self.measure.width(text, size);
        self.text(right - w, y, size, text)
    }
}

/// Recolours / emboldens a text op; other ops pass through.
pub(crate) fn styled(op: Op, new_color: Rgb, make_bold: bool) -> Op {
    match op {
        Op::Text {
            x, y, size, text, ..
        } => Op::Text {
            x,
            y,
            size,
            text,
            color: new_color,
            bold: make_bold,
        },
        other => other,
    }
}

/// "第 N 页　共 M 页" centred under the bottom margin of every page; with `always` false, only
/// when there is more than one page (a one-page notice needs no number).
pub(crate) fn number_pages(pages: &mut [Page], measure: &Measure<'_>, always: bool) {
    let count = pages.len();
    if count < 2 && !always {
        return;
    }
    let pen = Pen { measure };
    for (i, page) in pages.iter_mut().enumerate() {
        let label = format!("第 {} 页　共 {count} 页", i + 1);
        let op = pen.centered(PAGE_WIDTH / 2.0, PAGE_HEIGHT - 28.0, 9.0, &label);
        page.push(styled(op, GREY, false));
    }
}

/// Places blocks top to bottom and opens a new page when one does not fit.
pub(crate) struct Flow<'a> {
    pub(crate) pen: Pen<'a>,
    pub(crate) pages: Vec<Page>,
    /// Top of the next block on the current page.
    pub(crate) y: f32,
    /// Drawn at the top of every page after the first, so a loose second sheet still says
    /// which notice it belongs to.
    continuation: Vec<String>,
}

impl<'a> Flow<'a> {
    pub(crate) fn new(measure: &'a Measure<'a>, continuation: Vec<String>) -> Self {
        Flow {
            pen: Pen { measure },
            pages: vec![Vec::new()],
            y: TOP,
            continuation,
        }
    }

    pub(crate) fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    pub(crate) fn remaining(&self) -> f32 {
        BOTTOM - self.y
    }

    /// Makes room for a block of `height`; a block taller than a fresh page is placed anyway
    /// (breaking would loop forever) and runs into the bottom margin.
    pub(crate) fn ensure(&mut self, height: f32) {
        if height > self.remaining() && self.y > self.top_of_body() + 0.5 {
            self.new_page();
        }
    }

    pub(crate) fn top_of_body(&self) -> f32 {
        if self.pages.len() == 1 {
            TOP
        } else {
            TOP + 32.0
        }
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        let [left, right] = [0, 1].map(|i| self.continuation.get(i).cloned().unwrap_or_default());
        let size = 9.0;
        let head = [
            styled(self.pen.text(LEFT, TOP + 9.0, size, &left), GREY, false),
            styled(
                self.pen.right_aligned(RIGHT, TOP + 9.0, size, &right),
                GREY,
                false,
            ),
            Op::Line {
                from: (LEFT, TOP + 16.0),
                to: (RIGHT, TOP + 16.0),
                width: 0.5,
                color: GREY,
            },
        ];
        for op in head {
            self.push(op);
        }
        self.y = self.top_of_body();
    }

    /// A wrapped paragraph; `indent` in em for the first line (正文首行缩进两字).
    pub(crate) fn paragraph(&mut self, text: &str, size: f32, indent_em: f32, color: Rgb) {
        let leading = size * 1.75;
        let indent = indent_em * size;
        let lines = self.pen.measure.wrap(text, size, CONTENT_WIDTH, indent);
        for (i, line) in lines.iter().enumerate() {
            self.ensure(leading);
            let x = if i == 0 { LEFT + indent } else { LEFT };
            let op = self.pen.text(x, self.y + size, size, line);
            self.push(styled(op, color, false));
            self.y += leading;
        }
    }

    /// `label` then `value`, the value's continuation lines hanging under the value.
    pub(crate) fn field(&mut self, label: &str, label_width: f32, value: &str, size: f32) {
        let leading = size * 1.75;
        let lines = self
            .pen
            .measure
            .wrap(value, size, CONTENT_WIDTH - label_width, 0.0);
        for (i, line) in lines.iter().enumerate() {
            self.ensure(leading);
            if i == 0 {
                let op = self.pen.text(LEFT, self.y + size, size, label);
                self.push(op);
            }
            let op = self.pen.text(LEFT + label_width, self.y + size, size, line);
            self.push(op);
            self.y += leading;
        }
    }

    pub(crate) fn gap(&mut self, height: f32) {
        self.y += height;
    }
}
