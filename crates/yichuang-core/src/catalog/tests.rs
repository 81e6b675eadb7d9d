use super::*;
use crate::Lang;
use serde_json::{json, Value};

const SAMPLE: &str = include_str!("../../../yichuang-app/data/demo-catalog.json");

fn sample() -> Value {
    serde_json::from_str(SAMPLE).expect("sample is JSON")
}

fn refused(doc: &Value) -> CatalogError {
    Catalog::parse(&doc.to_string()).expect_err("the catalog should be refused")
}

fn item_mut<'a>(doc: &'a mut Value, code: &str) -> &'a mut Value {
    doc["items"]
        .as_array_mut()
        .and_then(|items| items.iter_mut().find(|i| i["code"] == code))
        .expect("item in sample")
}

#[test]
fn the_sample_county_catalog_is_accepted_whole() {
    let c = Catalog::parse(SAMPLE).expect("sample accepted");
    assert_eq!(c.version, "2026.11");
    assert_eq!(c.region.code, "431125");
    assert_eq!(c.departments.len(), 14);
    assert_eq!(c.items.len(), 24);
    let food = c.item("000102002000").expect("food licence");
    assert_eq!(food.kind, ItemKind::Promised);
    assert_eq!((food.statutory_days, food.promised_days), (20, 10));
    assert!(food.requires_chief_approval);
    assert!(!food.special_procedures.is_empty());
    let estate = c.item("000118001000").expect("first registration");
    assert_eq!(estate.fee.as_ref().map(|f| f.amount_cents), Some(8000));
}

#[test]
fn a_catalog_survives_a_round_trip_through_its_own_format() {
    let c = Catalog::parse(SAMPLE).expect("sample accepted");
    let text = serde_json::to_string(&c).expect("serialises");
    assert_eq!(Catalog::parse(&text).expect("re-read"), c);
}

#[test]
fn bad_json_is_refused_with_the_parser_position() {
    let err = Catalog::parse("{\"format\": \"yichuang-catalog/1\",").expect_err("refused");
    assert!(matches!(err.issues[0].problem, Problem::NotJson { .. }));
    assert!(err.message(Lang::ZhCn).contains("不是有效的 JSON"));
}

#[test]
fn another_format_is_refused_without_noise() {
    let mut doc = sample();
    doc["format"] = json!("yichuang-catalog/2");
    let err = refused(&doc);
    assert_eq!(err.issues.len(), 1);
    assert_eq!(err.issues[0].field, "format");
}

#[test]
fn an_unknown_department_names_the_item_and_field() {
    let mut doc = sample();
    item_mut(&mut doc, "000107001000")["department"] = json!("NOPE");
    let err = refused(&doc);
    let issue = &err.issues[0];
    assert_eq!(issue.item.as_deref(), Some("000107001000"));
    assert_eq!(issue.field, "department");
    let zh = err.message(Lang::ZhCn);
    assert!(zh.contains("事项 000107001000 的字段 department"), "{zh}");
    assert!(zh.contains("NOPE"), "{zh}");
}

#[test]
fn a_duplicate_item_code_is_refused() {
    let mut doc = sample();
    let first = doc["items"][0].clone();
    doc["items"].as_array_mut().expect("items").push(first);
    let err = refused(&doc);
    assert!(err
        .issues
        .iter()
        .any(|i| matches!(&i.problem, Problem::DuplicateItem { code } if code == "000102001000")));
}

#[test]
fn a_material_code_repeated_in_a_situation_is_a_duplicate() {
    let mut doc = sample();
    let item = item_mut(&mut doc, "000102001000");
    item["situations"][0]["materials"][0]["code"] = json!("APP");
    let err = refused(&doc);
    let issue = &err.issues[0];
    assert_eq!(issue.item.as_deref(), Some("000102001000"));
    assert_eq!(issue.field, "situations[0].materials[0].code");
    assert!(matches!(&issue.problem, Problem::DuplicateMaterial { code } if code == "APP"));
}

#[test]
fn negative_and_inconsistent_limits_are_refused() {
    let mut doc = sample();
    item_mut(&mut doc, "000102003000")["statutory_days"] = json!(-5);
    item_mut(&mut doc, "000112001000")["promised_days"] = json!(25);
    item_mut(&mut doc, "000102001000")["promised_days"] = json!(2);
    item_mut(&mut doc, "000107003000")["promised_days"] = json!(0);
    let err = refused(&doc);
    let find = |code: &str| {
        err.issues
            .iter()
            .find(|i| i.item.as_deref() == Some(code))
            .unwrap_or_else(|| panic!("no issue for {code}: {err}"))
    };
    assert_eq!(
        find("000102003000").problem,
        Problem::Negative { value: -5 }
    );
    assert_eq!(
        find("000112001000").problem,
        Problem::PromisedExceedsStatutory {
            promised: 25,
            statutory: 15
        }
    );
    assert_eq!(
        find("000102001000").problem,
        Problem::ImmediateWithPromisedDays { promised: 2 }
    );
    assert_eq!(find("000107003000").problem, Problem::MissingPromisedDays);
    assert_eq!(err.issues.len(), 4, "{err}");
}

#[test]
fn an_unknown_kind_or_form_is_refused() {
    let mut doc = sample();
    item_mut(&mut doc, "000109001000")["kind"] = json!("urgent");
    item_mut(&mut doc, "000109002000")["materials"][1]["form"] = json!("scan");
    let err = refused(&doc);
    assert!(err.issues.iter().any(|i| i.field == "kind"
        && matches!(&i.problem, Problem::UnknownKind { value } if value == "urgent")));
    assert!(err
        .issues
        .iter()
        .any(|i| i.item.as_deref() == Some("000109002000") && i.field == "materials[1].form"));
}

#[test]
fn a_negative_fee_is_refused() {
    let mut doc = sample();
    item_mut(&mut doc, "000107001000")["fee"]["amount_cents"] = json!(-2000);
    let err = refused(&doc);
    assert_eq!(err.issues[0].field, "fee.amount_cents");
    assert_eq!(err.issues[0].problem, Problem::Negative { value: -2000 });
    assert!(err
        .message(Lang::En)
        .contains("item 000107001000, field fee.amount_cents"));
}

#[test]
fn an_item_without_a_readable_code_is_named_by_its_position() {
    let mut doc = sample();
    doc["items"][3]
        .as_object_mut()
        .expect("object")
        .remove("code");
    let err = refused(&doc);
    assert_eq!(err.issues[0].item.as_deref(), Some("items[3]"));
    assert_eq!(err.issues[0].field, "code");
    assert_eq!(err.issues[0].problem, Problem::Missing);
}

#[test]
fn a_wrong_type_is_refused_rather_than_coerced() {
    let mut doc = sample();
    item_mut(&mut doc, "000121001000")["statutory_days"] = json!("1");
    item_mut(&mut doc, "000121001000")["requires_chief_approval"] = json!("no");
    let err = refused(&doc);
    assert_eq!(err.issues.len(), 2, "{err}");
    assert!(err
        .issues
        .iter()
        .all(|i| matches!(i.problem, Problem::WrongType { .. })));
}

#[test]
fn a_joint_item_must_name_existing_joint_departments() {
    let mut doc = sample();
    item_mut(&mut doc, "000117001000")["joint_departments"] = json!(["XX"]);
    item_mut(&mut doc, "000109002000")["joint_departments"] = json!([]);
    let err = refused(&doc);
    assert!(err.issues.iter().any(|i| i.field == "joint_departments[0]"));
    assert!(err
        .issues
        .iter()
        .any(|i| i.problem == Problem::JointWithoutDepartments));
}

#[test]
fn the_message_lists_at_most_five_problems_and_counts_the_rest() {
    let mut doc = sample();
    for item in doc["items"].as_array_mut().expect("items") {
        item["department"] = json!("ZZ");
    }
    let err = refused(&doc);
    assert_eq!(err.issues.len(), 24);
    let zh = err.message(Lang::ZhCn);
    assert!(zh.contains("另有 19 处问题"), "{zh}");
}
