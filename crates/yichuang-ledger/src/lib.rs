//! The monthly ledger supervisors export (台账, DOMAIN.md "The monthly ledger"): which cases
//! and events belong to a month, the figures per department, window and item, the cards and
//! bad ratings with their follow-up, and the Excel workbook. It owns neither storage (callers
//! pass the cases and cards they hold: the window its cache, the hub the county database)
//! nor the save dialog.

mod compute;
mod model;
mod xlsx;

pub use compute::compute;
pub use model::{
    BadRatingRow, CardRecord, CardRow, Ledger, Month, Period, RegisterRow, SummaryLevel, SummaryRow,
};
pub use xlsx::{
    plain_cells, write_xlsx, write_xlsx_with_progress, LedgerError, PlainCell, WriteProgress,
};
