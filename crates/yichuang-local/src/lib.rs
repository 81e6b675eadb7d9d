//! The workstation's local SQLite cache: opening it safely (WAL, synchronous=NORMAL, foreign
//! keys, `BEGIN IMMEDIATE` writes), its migrations, and one store module per aggregate.
//! Rules live in yichuang-core; this crate only keeps and finds what the core has validated.

pub mod calendar;
pub mod cards;
pub mod cases;
pub mod catalog;
mod error;
pub mod handover;
pub mod inquiry;
pub mod journal;
pub mod settings;
mod store;
pub mod sync;

pub use error::StoreError;
pub use store::Store;
/// The one write transaction callers hold (see [`Store::write`]).
pub type WriteTx = sqlx::Transaction<'static, sqlx::Sqlite>;
