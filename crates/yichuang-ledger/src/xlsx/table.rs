//! One ledger sheet as a table of typed cells, and how a table is written: the header row
//! bold, filled, frozen, filtered and repeated on every printed page; columns wide enough for
//! CJK text; A4 landscape, one page wide.

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

/// A4 in Excel's paper size numbering.
const PAPER_A4: u8 = 9;

/// What one cell holds; `None` and empty text are written as formatted blanks.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Text(String),
    Count(u64),
    /// In fen, shown in yuan.
    Money(i64),
    Rate(Option<f64>),
    Date(Option<NaiveDate>),
    DateTime(Option<NaiveDateTime>),
}

impl Cell {
    pub(super) fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }
}

/// A column: its header and the width its content needs (in Excel's character units, a CJK
/// character counting two); the header's own width is the floor.
#[derive(Debug, Clone, Copy)]
pub(super) struct Col {
    pub header: &'static str,
    pub width: f64,
    /// Long free text (comments) wraps instead of spilling over.
    pub wrap: bool,
}

pub(super) const fn col(header: &'static str, width: f64) -> Col {
    Col {
        header,
        width,
        wrap: false,
    }
}

pub(super) const fn wrapped(header: &'static str, width: f64) -> Col {
    Col {
        header,
        width,
        wrap: true,
    }
}

#[derive(Debug, Clone)]
pub(super) struct Row {
    pub cells: Vec<Cell>,
    pub bold: bool,
}

#[derive(Debug)]
pub(super) struct Table {
    pub name: &'static str,
    pub columns: &'static [Col],
    /// The filtered rows.
    pub rows: Vec<Row>,
    /// A bold totals row below them, outside the filter.
    pub totals: Option<Row>,
}

/// The formats every sheet shares.
#[derive(Debug)]
pub(super) struct Styles {
    header: Format,
    plain: CellFormats,
    bold: CellFormats,
}

#[derive(Debug)]
struct CellFormats {
    text: Format,
    wrapped: Format,
    count: Format,
    money: Format,
    rate: Format,
    date: Format,
    datetime: Format,
}

impl Styles {
    pub(super) fn new() -> Styles {
        Styles {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            plain: CellFormats::new(false),
            bold: CellFormats::new(true),
        }
    }
}

impl CellFormats {
    fn new(bold: bool) -> CellFormats {
        let base = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        let base = if bold { base.set_bold() } else { base };
        CellFormats {
            wrapped: base.clone().set_text_wrap(),
            count: base.clone().set_num_format("0"),
            money: base.clone().set_num_format("#,##0.00"),
            rate: base.clone().set_num_format("0.0%"),
            date: base.clone().set_num_format("yyyy-mm-dd"),
            datetime: base.clone().set_num_format("yyyy-mm-dd hh:mm"),
            text: base,
        }
    }
}

/// Display width in Excel character units: a CJK (non-ASCII) character takes two.
pub(super) fn display_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
        .sum()
}

/// Excel's serial day number (the 1900 date system) of a date.
fn serial_date(day: NaiveDate) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a valid date");
    (day - epoch).num_days() as f64
}

/// Excel's serial number of a date and time, to the second.
fn serial_datetime(at: NaiveDateTime) -> f64 {
    serial_date(at.date()) + f64::from(at.time().num_seconds_from_midnight()) / 86_400.0
}

impl Table {
    /// Rows it writes under the header, totals included.
    pub(super) fn len(&self) -> usize {
        self.rows.len() + usize::from(self.totals.is_some())
    }

    /// Writes the table to `sheet`; `title` goes in the printed page header. `row_written`
    /// is called after each row (the caller's progress bar).
    pub(super) fn write(
        &self,
        sheet: &mut Worksheet,
        title: &str,
        styles: &Styles,
        row_written: &mut dyn FnMut(),
    ) -> Result<(), XlsxError> {
        sheet.set_name(self.name)?;
        for (c, column) in (0u16..).zip(self.columns) {
            sheet.write_string_with_format(0, c, column.header, &styles.header)?;
            // Room for the header and the filter button.
            let width = column.width.max(display_width(column.header) + 3.0);
            sheet.set_column_width(c, width)?;
        }
        for (r, row) in (1u32..).zip(self.rows.iter().chain(&self.totals)) {
            let formats = if row.bold {
                &styles.bold
            } else {
                &styles.plain
            };
            for ((c, cell), column) in (0u16..).zip(&row.cells).zip(self.columns) {
                write_cell(sheet, r, c, cell, formats, column.wrap)?;
            }
            row_written();
        }
        let last_col = u16::try_from(self.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
        let last_row = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
        sheet.autofilter(0, 0, last_row, last_col)?;
        sheet.set_freeze_panes(1, 0)?;
        sheet.set_repeat_rows(0, 0)?;
        sheet.set_paper_size(PAPER_A4);
        sheet.set_landscape();
        sheet.set_print_fit_to_pages(1, 0);
        // Narrow margins (inches): the register and the summary are 25 columns wide.
        sheet.set_margins(0.25, 0.25, 0.6, 0.5, 0.3, 0.3);
        sheet.set_header(format!("&C{}", title.replace('&', "&&")));
        sheet.set_footer("&C第 &P 页，共 &N 页");
        Ok(())
    }
}

/// The cell's bare value (see [`super::plain_cells`]).
pub(super) fn plain(cell: &Cell) -> super::PlainCell {
    use super::PlainCell as P;
    let number = match cell {
        Cell::Text(t) if t.is_empty() => return P::Blank,
        Cell::Text(t) => return P::Text(t.clone()),
        Cell::Count(n) => Some(*n as f64),
        Cell::Money(cents) => Some(*cents as f64 / 100.0),
        Cell::Rate(rate) => *rate,
        Cell::Date(day) => day.map(serial_date),
        Cell::DateTime(at) => at.map(serial_datetime),
    };
    number.map_or(P::Blank, P::Number)
}

fn write_cell(
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    formats: &CellFormats,
    wrap: bool,
) -> Result<(), XlsxError> {
    let (number, format) = match cell {
        Cell::Text(text) => {
            let format = if wrap {
                &formats.wrapped
            } else {
                &formats.text
            };
            if text.is_empty() {
                sheet.write_blank(r, c, format)?;
            } else {
                sheet.write_string_with_format(r, c, text, format)?;
            }
            return Ok(());
        }
        Cell::Count(n) => (Some(*n as f64), &formats.count),
        Cell::Money(cents) => (Some(*cents as f64 / 100.0), &formats.money),
        Cell::Rate(rate) => (*rate, &formats.rate),
        Cell::Date(day) => (day.map(serial_date), &formats.date),
        Cell::DateTime(at) => (at.map(serial_datetime), &formats.datetime),
    };
    match number {
        Some(number) => sheet.write_number_with_format(r, c, number, format)?,
        None => sheet.write_blank(r, c, format)?,
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cjk_character_is_two_units_wide() {
        assert_eq!(display_width("办件编号"), 8.0);
        assert_eq!(display_width("收费（元）"), 10.0);
        assert_eq!(display_width("AB岗"), 4.0);
    }

    #[test]
    fn dates_become_excel_serial_numbers() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        assert_eq!(serial_date(day), 46329.0);
        assert_eq!(serial_datetime(day.and_hms_opt(12, 0, 0).unwrap()), 46329.5);
    }
}
