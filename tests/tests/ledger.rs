//! The monthly ledger from two sources that must agree: the county's (`yichuang-hub
//! export-ledger`, from PostgreSQL) and a window's (from its cache) for the same department
//! and month, both read back with a second implementation (openpyxl) and compared cell by
//! cell; and the totals recomputed independently with plain SQL over the county's data.

mod common;

use common::{County, HubServer, Window};
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use yichuang_app::api::{cases, ledger, rating};
use yichuang_core::case::{CaseCommand, Decision, Rating};
use yichuang_ledger::Month;

fn read_back(path: &Path) -> Value {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/yichuang-ledger/tests/read_back.py");
    let out = Command::new("python3")
        .arg(&script)
        .arg(path)
        .output()
        .expect("python3 with openpyxl (make deps installs it)");
    assert!(
        out.status.success(),
        "read_back.py failed (make deps installs openpyxl): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// A sheet's cells as (type, value) rows, formats left out.
fn cells(book: &Value, name: &str) -> Vec<Vec<(String, Value)>> {
    let sheet = book["sheets"]
        .as_array()
        .expect("sheets")
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no sheet {name}"));
    sheet["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            r.as_array()
                .expect("row")
                .iter()
                .map(|c| (c["t"].as_str().unwrap_or("").to_string(), c["v"].clone()))
                .collect()
        })
        .collect()
}

/// The summary's total row, by header.
fn total(book: &Value, header: &str) -> f64 {
    let rows = cells(book, "汇总");
    let col = rows[0]
        .iter()
        .position(|(_, v)| v == header)
        .unwrap_or_else(|| panic!("no column {header}"));
    let row = rows.iter().find(|r| r[0].1 == "合计").expect("a total row");
    row[col].1.as_f64().unwrap_or(0.0)
}

#[tokio::test]
async fn the_county_and_the_window_export_the_same_ledger_and_sql_recomputes_its_totals() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let w = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    // Completed and rated badly, refused, and still open.
    let done = w.intake_item("i-1", "000102003000", 1).await.case;
    w.accept("a-1", &done.id).await.expect("accepted");
    w.act(
        "c-1",
        &done.id,
        CaseCommand::Complete {
            decision: Decision::Granted,
        },
    )
    .await
    .expect("completed");
    rating::invite(
        &w.app,
        cases::CaseRequest {
            case_id: done.id.clone(),
        },
    )
    .await
    .expect("invited");
    rating::submit(
        &w.app,
        rating::RatingSubmitRequest {
            action_key: "r-1".into(),
            case_id: done.id.clone(),
            rating: Rating::Dissatisfied,
            reasons: vec!["slow".into()],
            comment: None,
        },
    )
    .await
    .expect("rated");
    let refused = w.intake_item("i-2", "000102003000", 2).await.case;
    let d = cases::get(
        &w.app,
        cases::CaseRequest {
            case_id: refused.id.clone(),
        },
    )
    .await
    .expect("case");
    w.act("t-2", &refused.id, common::tick_all(&d))
        .await
        .expect("ticked");
    w.act(
        "r-2",
        &refused.id,
        CaseCommand::Reject {
            reason: "不属于本机关职权范围".into(),
            legal_basis: "《行政许可法》第三十二条".into(),
        },
    )
    .await
    .expect("refused");
    w.intake("i-3", 3).await;
    let status = w.sync().await.expect("sync");
    assert_eq!((status.pending, status.conflicts), (0, 0));

    let scratch = tempfile::tempdir().expect("tempdir");
    let at_county = scratch.path().join("county.xlsx");
    let n = yichuang_hub::ledger::export(
        &county.admin,
        Month {
            year: 2026,
            month: 11,
        },
        Some("SCJG"),
        &at_county,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
            .and_then(|d| d.and_hms_opt(18, 0, 0))
            .expect("time"),
    )
    .await
    .expect("county export");
    assert_eq!(n, 3);
    std::fs::create_dir_all(w.dir.path().join("saved")).expect("save folder");
    let saved = ledger::export(
        &w.app,
        ledger::LedgerExportRequest {
            month: "2026-11".into(),
        },
    )
    .await
    .expect("window export");
    assert_eq!(saved.cases, 3);
    let at_window = saved.saved_to.expect("saved");

    let (county_book, window_book) = (read_back(&at_county), read_back(Path::new(&at_window)));
    for sheet in ["登记", "汇总", "预警", "差评"] {
        assert_eq!(
            cells(&county_book, sheet),
            cells(&window_book, sheet),
            "sheet {sheet} differs between the county and the window"
        );
    }

    // Plain SQL over the county's rows gives the same totals.
    let month = "(document->>'received_at')::timestamp >= '2026-11-01' \
                 AND (document->>'received_at')::timestamp < '2026-12-01'";
    assert_eq!(
        total(&county_book, "收件"),
        county
            .count(&format!(
                "SELECT count(*) FROM case_record WHERE department_code = 'SCJG' AND {month}"
            ))
            .await as f64
    );
    assert_eq!(
        total(&county_book, "不予受理"),
        county.count("SELECT count(*) FROM case_record WHERE department_code = 'SCJG' AND state = 'rejected'").await as f64
    );
    assert_eq!(
        total(&county_book, "办结"),
        county
            .count(
                "SELECT count(*) FROM case_record WHERE department_code = 'SCJG' \
                 AND state IN ('completed', 'evaluated')"
            )
            .await as f64
    );
    assert_eq!(
        total(&county_book, "差评数"),
        county
            .count(
                "SELECT count(*) FROM case_record c, \
                 jsonb_array_elements(c.document->'evaluations') e \
                 WHERE c.department_code = 'SCJG' \
                 AND e->>'rating' IN ('dissatisfied', 'very_dissatisfied')"
            )
            .await as f64
    );
    assert_eq!(
        cells(&county_book, "差评").len(),
        2,
        "a header and the one bad rating"
    );
}
