//! The county hub: the county's PostgreSQL database (migrations, stores) and the commands
//! county IT runs against it. The sync server joins here later; domain rules stay in
//! yichuang-core so the hub and the workstations decide alike.

pub mod catalog;
pub mod db;

pub use catalog::{import_catalog, CatalogImport, HubCatalogError};
