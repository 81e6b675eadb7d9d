//! The pure domain of Yichuang: the service-item catalog, the official working-day calendar,
//! deadlines, cases and their one-time notices, number series, the audit hash chain and password
//! hashes. No IO, no clock, no database: time is always passed in,
//! so the workstation and the county hub compute exactly the same results.

pub mod audit;
pub mod calendar;
pub mod case;
pub mod catalog;
pub mod deadline;
pub mod ids;
pub mod lang;
pub mod numbering;
pub mod password;

pub use calendar::{CalendarError, DueDate, HolidayYear, WorkCalendar};
pub use catalog::{Catalog, CatalogError, CatalogIssue, ServiceItem};
pub use lang::Lang;
