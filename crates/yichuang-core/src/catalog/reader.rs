//! Reads an import file field by field so that every problem can name its item and field
//! (serde's own errors only give a line and column), and collects all problems before refusing.

use super::error::{CatalogError, CatalogIssue, Problem};
use super::model::*;
use serde_json::{Map, Value};
use std::collections::HashSet;

pub(super) fn read_catalog(text: &str) -> Result<Catalog, CatalogError> {
    let root: Value = serde_json::from_str(text).map_err(|e| {
        CatalogError::single(CatalogIssue {
            item: None,
            field: "(file)".into(),
            problem: Problem::NotJson {
                detail: e.to_string(),
            },
        })
    })?;
    let mut r = Reader::default();
    let catalog = r.catalog(&root);
    match (catalog, r.issues.is_empty()) {
        (Some(c), true) => Ok(c),
        _ => Err(CatalogError { issues: r.issues }),
    }
}

/// Where the reader is: the item being read (if any) and the field path inside it.
#[derive(Clone)]
struct At<'a> {
    item: Option<&'a str>,
    path: String,
}

impl<'a> At<'a> {
    fn root() -> Self {
        At {
            item: None,
            path: String::new(),
        }
    }
    fn field(&self, name: &str) -> At<'a> {
        let path = if self.path.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.path)
        };
        At {
            item: self.item,
            path,
        }
    }
    fn index(&self, i: usize) -> At<'a> {
        At {
            item: self.item,
            path: format!("{}[{i}]", self.path),
        }
    }
}

#[derive(Default)]
struct Reader {
    issues: Vec<CatalogIssue>,
}

impl Reader {
    fn report(&mut self, at: &At<'_>, problem: Problem) {
        self.issues.push(CatalogIssue {
            item: at.item.map(str::to_owned),
            field: at.path.clone(),
            problem,
        });
    }

    fn object<'v>(&mut self, v: &'v Value, at: &At<'_>) -> Option<&'v Map<String, Value>> {
        let obj = v.as_object();
        if obj.is_none() {
            self.report(at, wrong("对象 / object"));
        }
        obj
    }

    fn string(&mut self, obj: &Map<String, Value>, at: &At<'_>, name: &str) -> Option<String> {
        let at = at.field(name);
        match obj.get(name) {
            None | Some(Value::Null) => {
                self.report(&at, Problem::Missing);
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.report(&at, Problem::Blank);
                None
            }
            Some(Value::String(s)) => Some(s.trim().to_string()),
            Some(_) => {
                self.report(&at, wrong("字符串 / string"));
                None
            }
        }
    }

    fn optional_string(
        &mut self,
        obj: &Map<String, Value>,
        at: &At<'_>,
        name: &str,
    ) -> Option<String> {
        match obj.get(name) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(_) => self.string(obj, at, name),
        }
    }

    fn count(&mut self, obj: &Map<String, Value>, at: &At<'_>, name: &str) -> Option<u32> {
        let at = at.field(name);
        match obj.get(name) {
            None | Some(Value::Null) => {
                self.report(&at, Problem::Missing);
                None
            }
            Some(Value::Number(n)) => match n.as_i64() {
                Some(v) if v < 0 => {
                    self.report(&at, Problem::Negative { value: v });
                    None
                }
                Some(v) => match u32::try_from(v) {
                    Ok(v) => Some(v),
                    Err(_) => {
                        self.report(&at, Problem::TooLarge { value: v });
                        None
                    }
                },
                None => {
                    self.report(&at, wrong("整数 / integer"));
                    None
                }
            },
            Some(_) => {
                self.report(&at, wrong("整数 / integer"));
                None
            }
        }
    }

    fn flag(&mut self, obj: &Map<String, Value>, at: &At<'_>, name: &str) -> Option<bool> {
        let at = at.field(name);
        match obj.get(name) {
            None | Some(Value::Null) => {
                self.report(&at, Problem::Missing);
                None
            }
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => {
                self.report(&at, wrong("布尔值 / boolean"));
                None
            }
        }
    }

    /// A list field; `required` lists must be present, optional ones default to empty.
    fn list<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        at: &At<'_>,
        name: &str,
        required: bool,
    ) -> Option<&'v Vec<Value>> {
        match obj.get(name) {
            None | Some(Value::Null) if !required => None,
            None | Some(Value::Null) => {
                self.report(&at.field(name), Problem::Missing);
                None
            }
            Some(Value::Array(a)) => Some(a),
            Some(_) => {
                self.report(&at.field(name), wrong("数组 / array"));
                None
            }
        }
    }

    fn catalog(&mut self, root: &Value) -> Option<Catalog> {
        let at = At::root();
        let obj = self.object(
            root,
            &At {
                item: None,
                path: "(file)".into(),
            },
        )?;
        let format = self.string(obj, &at, "format");
        if let Some(f) = &format {
            if f != CATALOG_FORMAT {
                self.report(
                    &at.field("format"),
                    Problem::WrongFormat { found: f.clone() },
                );
                // A file of another format: reading on would only produce noise.
                return None;
            }
        }
        let version = self.string(obj, &at, "version");
        let region = self.region(obj, &at);
        let note = self.optional_string(obj, &at, "note");
        let departments = self.departments(obj, &at);
        let dept_codes: HashSet<String> = departments
            .iter()
            .flatten()
            .map(|d| d.code.clone())
            .collect();
        let items = self.items(obj, &at, &dept_codes);
        Some(Catalog {
            format: format?,
            version: version?,
            region: region?,
            note,
            departments: departments?,
            items: items?,
        })
    }

    fn region(&mut self, obj: &Map<String, Value>, at: &At<'_>) -> Option<Region> {
        let at = at.field("region");
        let Some(v) = obj.get("region") else {
            self.report(&at, Problem::Missing);
            return None;
        };
        let r = self.object(v, &at)?;
        let code = self.string(r, &at, "code");
        if let Some(c) = &code {
            if c.len() != 6 || !c.bytes().all(|b| b.is_ascii_digit()) {
                self.report(
                    &at.field("code"),
                    Problem::BadRegionCode { value: c.clone() },
                );
            }
        }
        let name = self.string(r, &at, "name");
        Some(Region {
            code: code?,
            name: name?,
        })
    }

    fn departments(&mut self, obj: &Map<String, Value>, at: &At<'_>) -> Option<Vec<Department>> {
        let list = self.list(obj, at, "departments", true)?;
        let at = at.field("departments");
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(list.len());
        let mut ok = true;
        for (i, v) in list.iter().enumerate() {
            let at = at.index(i);
            let Some(d) = self.object(v, &at) else {
                ok = false;
                continue;
            };
            let code = self.string(d, &at, "code");
            let name = self.string(d, &at, "name");
            match (code, name) {
                (Some(code), Some(name)) => {
                    if !seen.insert(code.clone()) {
                        self.report(&at.field("code"), Problem::DuplicateDepartment { code });
                        ok = false;
                    } else {
                        out.push(Department { code, name });
                    }
                }
                _ => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn items(
        &mut self,
        obj: &Map<String, Value>,
        at: &At<'_>,
        departments: &HashSet<String>,
    ) -> Option<Vec<ServiceItem>> {
        let list = self.list(obj, at, "items", true)?;
        if list.is_empty() {
            self.report(&at.field("items"), Problem::NoItems);
            return None;
        }
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(list.len());
        let mut ok = true;
        for (i, v) in list.iter().enumerate() {
            let position = format!("items[{i}]");
            let code_label = v
                .get("code")
                .and_then(Value::as_str)
                .filter(|c| !c.trim().is_empty())
                .map(str::trim)
                .unwrap_or(&position)
                .to_string();
            let at = At {
                item: Some(&code_label),
                path: String::new(),
            };
            match self.item(v, &at, departments) {
                Some(item) => {
                    if !seen.insert(item.code.clone()) {
                        self.report(
                            &at.field("code"),
                            Problem::DuplicateItem {
                                code: item.code.clone(),
                            },
                        );
                        ok = false;
                    } else {
                        out.push(item);
                    }
                }
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn item(
        &mut self,
        v: &Value,
        at: &At<'_>,
        departments: &HashSet<String>,
    ) -> Option<ServiceItem> {
        let before = self.issues.len();
        let obj = self.object(v, at)?;
        let code = self.string(obj, at, "code");
        let name = self.string(obj, at, "name");
        let department = self.string(obj, at, "department");
        if let Some(d) = &department {
            if !departments.contains(d) {
                self.report(
                    &at.field("department"),
                    Problem::UnknownDepartment { code: d.clone() },
                );
            }
        }
        let kind = self.string(obj, at, "kind").and_then(|k| {
            let parsed = ItemKind::parse(&k);
            if parsed.is_none() {
                self.report(&at.field("kind"), Problem::UnknownKind { value: k });
            }
            parsed
        });
        let statutory = self.count(obj, at, "statutory_days");
        let promised = self.count(obj, at, "promised_days");
        if let (Some(kind), Some(s), Some(p)) = (kind, statutory, promised) {
            self.check_limits(at, kind, s, p);
        }
        let legal_basis = self.string(obj, at, "legal_basis");
        let chief = self.flag(obj, at, "requires_chief_approval");

        let mut material_codes = HashSet::new();
        let materials = self
            .list(obj, at, "materials", true)
            .map(|l| self.materials(l, &at.field("materials"), &mut material_codes));
        let situations = self.situations(obj, at, &mut material_codes);
        let fee = self.fee(obj, at);
        let special_procedures = self.string_list(obj, at, "special_procedures");
        let joint_departments = self.string_list(obj, at, "joint_departments");
        for (i, d) in joint_departments.iter().enumerate() {
            if !departments.contains(d) {
                self.report(
                    &at.field("joint_departments").index(i),
                    Problem::UnknownDepartment { code: d.clone() },
                );
            }
        }
        if kind == Some(ItemKind::Joint) && joint_departments.is_empty() {
            self.report(
                &at.field("joint_departments"),
                Problem::JointWithoutDepartments,
            );
        }
        if self.issues.len() != before {
            return None;
        }
        Some(ServiceItem {
            code: code?,
            name: name?,
            department: department?,
            kind: kind?,
            statutory_days: statutory?,
            promised_days: promised?,
            legal_basis: legal_basis?,
            requires_chief_approval: chief?,
            materials: materials?,
            situations,
            fee,
            special_procedures,
            joint_departments,
        })
    }

    fn check_limits(&mut self, at: &At<'_>, kind: ItemKind, statutory: u32, promised: u32) {
        let field = at.field("promised_days");
        match kind {
            ItemKind::Immediate if promised != 0 => {
                self.report(&field, Problem::ImmediateWithPromisedDays { promised })
            }
            ItemKind::Promised | ItemKind::Joint if promised == 0 => {
                self.report(&field, Problem::MissingPromisedDays)
            }
            _ if promised > statutory => self.report(
                &field,
                Problem::PromisedExceedsStatutory {
                    promised,
                    statutory,
                },
            ),
            _ => {}
        }
    }

    fn materials(
        &mut self,
        list: &[Value],
        at: &At<'_>,
        codes: &mut HashSet<String>,
    ) -> Vec<Material> {
        let mut out = Vec::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            let at = at.index(i);
            let Some(m) = self.object(v, &at) else {
                continue;
            };
            let code = self.string(m, &at, "code");
            if let Some(c) = &code {
                if !codes.insert(c.clone()) {
                    self.report(
                        &at.field("code"),
                        Problem::DuplicateMaterial { code: c.clone() },
                    );
                }
            }
            let name = self.string(m, &at, "name");
            let form = self.string(m, &at, "form").and_then(|f| match f.as_str() {
                "original" => Some(MaterialForm::Original),
                "copy" => Some(MaterialForm::Copy),
                _ => {
                    self.report(&at.field("form"), Problem::UnknownForm { value: f });
                    None
                }
            });
            let copies = self.count(m, &at, "copies");
            if copies == Some(0) {
                self.report(&at.field("copies"), Problem::ZeroCopies);
            }
            let required = self.flag(m, &at, "required");
            let note = self.optional_string(m, &at, "note");
            if let (Some(code), Some(name), Some(form), Some(copies), Some(required)) =
                (code, name, form, copies, required)
            {
                out.push(Material {
                    code,
                    name,
                    form,
                    copies,
                    required,
                    note,
                });
            }
        }
        out
    }

    fn situations(
        &mut self,
        obj: &Map<String, Value>,
        at: &At<'_>,
        material_codes: &mut HashSet<String>,
    ) -> Vec<Situation> {
        let Some(list) = self.list(obj, at, "situations", false) else {
            return Vec::new();
        };
        let at = at.field("situations");
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            let at = at.index(i);
            let Some(s) = self.object(v, &at) else {
                continue;
            };
            let code = self.string(s, &at, "code");
            if let Some(c) = &code {
                if !seen.insert(c.clone()) {
                    self.report(
                        &at.field("code"),
                        Problem::DuplicateSituation { code: c.clone() },
                    );
                }
            }
            let name = self.string(s, &at, "name");
            let materials = self
                .list(s, &at, "materials", true)
                .map(|l| self.materials(l, &at.field("materials"), material_codes));
            if let (Some(code), Some(name), Some(materials)) = (code, name, materials) {
                out.push(Situation {
                    code,
                    name,
                    materials,
                });
            }
        }
        out
    }

    fn fee(&mut self, obj: &Map<String, Value>, at: &At<'_>) -> Option<FeeStandard> {
        let v = obj.get("fee").filter(|v| !v.is_null())?;
        let at = at.field("fee");
        let f = self.object(v, &at)?;
        let name = self.string(f, &at, "name");
        let amount = self.count(f, &at, "amount_cents");
        let basis = self.string(f, &at, "basis");
        Some(FeeStandard {
            name: name?,
            amount_cents: amount?,
            basis: basis?,
        })
    }

    fn string_list(&mut self, obj: &Map<String, Value>, at: &At<'_>, name: &str) -> Vec<String> {
        let Some(list) = self.list(obj, at, name, false) else {
            return Vec::new();
        };
        let at = at.field(name);
        let mut out = Vec::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            match v.as_str().map(str::trim) {
                Some("") => self.report(&at.index(i), Problem::Blank),
                Some(s) => out.push(s.to_string()),
                None => self.report(&at.index(i), wrong("字符串 / string")),
            }
        }
        out
    }
}

fn wrong(expected: &str) -> Problem {
    Problem::WrongType {
        expected: expected.into(),
    }
}
