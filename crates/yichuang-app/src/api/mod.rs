//! One module per feature; each public async fn is one command the window (or a test) calls:
//! `fn(&App, Request) -> Result<Response, ApiError>`.

pub mod alerts;
pub mod approvals;
pub mod audit;
pub mod calendar;
pub mod cases;
pub mod cash;
pub mod catalog;
pub mod dashboard;
pub mod handover;
pub mod inquiry;
pub mod ledger;
pub mod notices;
pub mod rating;
pub mod session;
pub mod settings;
pub mod supervision;
pub mod sync;
pub mod workstation;
