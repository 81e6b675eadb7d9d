//! The county service-item catalog (`yichuang-catalog/1`): its typed model, the reader that
//! turns an import file into that model, and the validation that refuses a malformed file whole.
//! Storing catalogs and choosing the current version belong to the stores, not here.

mod error;
mod model;
mod reader;
mod version;

pub use error::{CatalogError, CatalogIssue, Problem};
pub use model::{
    Catalog, Department, FeeStandard, ItemKind, Material, MaterialForm, Region, ServiceItem,
    Situation, CATALOG_FORMAT,
};
pub use version::compare_versions;

impl Catalog {
    /// Reads and validates an import file. Any problem refuses the whole file; every problem
    /// found is reported, each naming the item code and the field.
    pub fn parse(text: &str) -> Result<Catalog, CatalogError> {
        reader::read_catalog(text)
    }

    /// The item with this code, if the catalog has it.
    pub fn item(&self, code: &str) -> Option<&ServiceItem> {
        self.items.iter().find(|i| i.code == code)
    }

    /// The department's display name, if the catalog has it.
    pub fn department_name(&self, code: &str) -> Option<&str> {
        self.departments
            .iter()
            .find(|d| d.code == code)
            .map(|d| d.name.as_str())
    }
}

#[cfg(test)]
mod tests;
