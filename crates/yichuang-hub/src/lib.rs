//! The county hub: the county's PostgreSQL database (migrations, the county's copy of cases),
//! the commands county IT runs against it (`admin`, `catalog`), and the sync server
//! workstations push to and pull from (`server`). Domain rules stay in yichuang-core so the
//! hub and the workstations decide alike.

pub mod admin;
pub mod catalog;
pub mod county;
pub mod db;
pub mod ledger;
pub mod server;
pub mod supervision;

pub use catalog::{import_catalog, CatalogImport, HubCatalogError};
