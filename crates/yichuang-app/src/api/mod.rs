//! One module per feature; each public async fn is one command the window (or a test) calls:
//! `fn(&App, Request) -> Result<Response, ApiError>`.

pub mod calendar;
pub mod catalog;
pub mod settings;
