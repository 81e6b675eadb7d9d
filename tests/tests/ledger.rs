//! The monthly ledger from two sources that must agree: the county's (`yichuang-hub
//! export-ledger`, from PostgreSQL) and a window's (from its cache) for the same department
//! and month, both read back with a second implementation (openpyxl) and compared cell by
//! cell; and the figures recomputed independently with plain SQL over the county's data,
//! register row by register row and total by total, for a month with a correction, a special
//! procedure, a handover and its return, a refusal, fees and a void, and good and bad
//! ratings.

mod common;

use common::{cells, read_back, total, County, HubServer, Window};
use serde_json::Value;
use std::path::Path;
use yichuang_app::api::{cases, handover, ledger, rating};
use yichuang_core::case::{
    CaseCommand, Decision, FeeAdjustment, FeeInput, LineUpdate, MaterialStatus, PaymentMethod,
    Rating,
};
use yichuang_ledger::Month;

/// Completes the case, and the applicant rates it on the rating screen.
async fn complete_and_rate(
    w: &Window,
    key: &str,
    case_id: &str,
    rating_key: &str,
    rating: Rating,
    reasons: Vec<String>,
) {
    w.act(
        key,
        case_id,
        CaseCommand::Complete {
            decision: Decision::Granted,
        },
    )
    .await
    .expect("completed");
    rating::invite(
        &w.app,
        cases::CaseRequest {
            case_id: case_id.into(),
        },
    )
    .await
    .expect("invited");
    rating::submit(
        &w.app,
        rating::RatingSubmitRequest {
            action_key: rating_key.into(),
            case_id: case_id.into(),
            rating,
            reasons,
            comment: None,
        },
    )
    .await
    .expect("rated");
}

/// The county's export of November 2026 (one department, or all), as county IT runs it at
/// the month's end; how many cases are on its register.
async fn county_export(county: &County, department: Option<&str>, out: &Path) -> usize {
    yichuang_hub::ledger::export(
        &county.admin,
        Month {
            year: 2026,
            month: 11,
        },
        department,
        out,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
            .and_then(|d| d.and_hms_opt(18, 0, 0))
            .expect("time"),
    )
    .await
    .expect("county export")
}

#[tokio::test]
async fn the_county_and_the_window_export_the_same_ledger_and_sql_recomputes_its_totals() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let w = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    // Completed and rated badly, refused, and still open.
    let done = w.intake_item("i-1", "000102003000", 1).await.case;
    w.accept("a-1", &done.id).await.expect("accepted");
    complete_and_rate(
        &w,
        "c-1",
        &done.id,
        "r-1",
        Rating::Dissatisfied,
        vec!["slow".into()],
    )
    .await;
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
    // A correction, then accepted and paused for a site inspection (特别程序) and resumed.
    let corrected = w.intake("i-3", 3).await;
    let mut lines: Vec<LineUpdate> = corrected
        .case
        .checklist
        .iter()
        .map(|l| LineUpdate {
            code: l.code.clone(),
            status: MaterialStatus::Received,
        })
        .collect();
    lines[0].status = MaterialStatus::Missing;
    let id3 = corrected.case.id.clone();
    w.act("t-3", &id3, CaseCommand::UpdateChecklist { lines })
        .await
        .expect("ticked");
    w.act("n-3", &id3, CaseCommand::IssueCorrectionNotice)
        .await
        .expect("notice");
    w.act("cr-3", &id3, CaseCommand::CorrectionReceived)
        .await
        .expect("answered");
    w.accept("a-3", &id3).await.expect("accepted");
    w.act(
        "s-3",
        &id3,
        CaseCommand::Suspend {
            procedure: "现场核查".into(),
            reason: "核查经营场所".into(),
            legal_basis: "《行政许可法》第四十五条".into(),
        },
    )
    .await
    .expect("suspended");
    w.act("re-3", &id3, CaseCommand::Resume)
        .await
        .expect("resumed");
    // Handed over: the backup accepts a case for the owner, who takes the window back,
    // completes it, and the applicant rates it well.
    let held = w.intake_item("i-4", "000102003000", 4).await.case;
    handover::start(
        &w.app,
        handover::StartHandoverRequest {
            to_username: "wangfang".into(),
            to_password: common::PASSWORD.into(),
            reason: "请假".into(),
            expected_return: None,
        },
    )
    .await
    .expect("handed over");
    w.accept("a-4", &held.id).await.expect("accepted for her");
    handover::give_back(
        &w.app,
        handover::ReturnHandoverRequest {
            owner_password: common::PASSWORD.into(),
        },
    )
    .await
    .expect("returned");
    complete_and_rate(&w, "c-4", &held.id, "r-4", Rating::VerySatisfied, vec![]).await;
    let status = w.sync().await.expect("sync");
    assert_eq!((status.pending, status.conflicts), (0, 0));
    // Fees at the police window: charged, voided, charged again; and one still open.
    let ga = Window::enroll(&county, &hub.url(), "GA", "W11", "chenjing").await;
    let fee = |receipt: &str| CaseCommand::ChargeFee {
        fee: FeeInput {
            adjustment: FeeAdjustment::Standard,
            method: PaymentMethod::Cash,
            payment_code: "43112526112300000001".into(),
            receipt_no: receipt.into(),
        },
    };
    let card = ga.intake_item("g-1", "000107001000", 11).await.case;
    ga.accept("ga-1", &card.id).await.expect("accepted");
    ga.act("gf-1", &card.id, fee("00012345"))
        .await
        .expect("charged");
    ga.act(
        "gv-1",
        &card.id,
        CaseCommand::VoidFee {
            seq: 1,
            reason: "票据号填错".into(),
        },
    )
    .await
    .expect("voided");
    ga.act("gf-2", &card.id, fee("00012346"))
        .await
        .expect("charged again");
    let second = ga.intake_item("g-2", "000107001000", 12).await.case;
    ga.accept("ga-2", &second.id).await.expect("accepted");
    ga.act("gf-3", &second.id, fee("00012347"))
        .await
        .expect("charged");
    let status = ga.sync().await.expect("sync");
    assert_eq!((status.pending, status.conflicts), (0, 0));

    let scratch = tempfile::tempdir().expect("tempdir");
    let at_county = scratch.path().join("county.xlsx");
    let n = county_export(&county, Some("SCJG"), &at_county).await;
    assert_eq!(n, 4);
    std::fs::create_dir_all(w.dir.path().join("saved")).expect("save folder");
    let saved = ledger::export(
        &w.app,
        ledger::LedgerExportRequest {
            month: "2026-11".into(),
        },
    )
    .await
    .expect("window export");
    assert_eq!(saved.cases, 4);
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

    // The police window's month: fees, a void, agreed by the county and the window.
    let ga_county = scratch.path().join("county-ga.xlsx");
    county_export(&county, Some("GA"), &ga_county).await;
    std::fs::create_dir_all(ga.dir.path().join("saved")).expect("save folder");
    let ga_saved = ledger::export(
        &ga.app,
        ledger::LedgerExportRequest {
            month: "2026-11".into(),
        },
    )
    .await
    .expect("window export")
    .saved_to
    .expect("saved");
    let ga_book = read_back(&ga_county);
    for sheet in ["登记", "汇总", "预警", "差评"] {
        assert_eq!(
            cells(&ga_book, sheet),
            cells(&read_back(Path::new(&ga_saved)), sheet),
            "sheet {sheet} differs between the county and the police window"
        );
    }

    // The whole county's month, recomputed with plain SQL: register row by row, then totals.
    let all = scratch.path().join("county-all.xlsx");
    county_export(&county, None, &all).await;
    let book = read_back(&all);
    let register = cells(&book, "登记");
    let header = |name: &str| {
        register[0]
            .iter()
            .position(|(_, v)| v == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (no, pauses, corrections, fees, rating, acted_for) = (
        header("办件编号"),
        header("暂停次数"),
        header("补正次数"),
        header("收费（元）"),
        header("评价"),
        header("代办（AB岗）"),
    );
    let expected: Vec<(String, i64, i64, f64, String, bool)> =
        sqlx::query_as::<_, (String, i64, i64, f64, String, bool)>(
            "SELECT c.case_no, \
           (SELECT count(*) FROM jsonb_array_elements(c.document->'pauses') p \
             WHERE p->>'kind' = 'special_procedure'), \
           (SELECT count(*) FROM notice n WHERE n.case_id = c.id AND n.kind = 'correction'), \
           COALESCE((SELECT sum((f->>'charged_cents')::bigint) FROM \
             jsonb_array_elements(c.document->'fees') f \
             WHERE jsonb_typeof(f->'voided') IS DISTINCT FROM 'object'), 0)::float8 / 100, \
           COALESCE(c.document->'evaluations'->-1->>'rating', ''), \
           EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id \
                   AND e.document->>'on_behalf_of' IS NOT NULL) \
         FROM case_record c ORDER BY c.case_no",
        )
        .fetch_all(&county.admin)
        .await
        .expect("SQL register");
    // The register's rows, its totals row left out.
    let mut rows: Vec<&Vec<(String, Value)>> =
        register[1..].iter().filter(|r| r[no].1 != "合计").collect();
    rows.sort_by_key(|r| r[no].1.as_str().unwrap_or("").to_string());
    assert_eq!(rows.len(), expected.len(), "one register row per case");
    let label = |r: &str| match r {
        "very_satisfied" => "非常满意",
        "satisfied" => "满意",
        "basic" => "基本满意",
        "dissatisfied" => "不满意",
        "very_dissatisfied" => "非常不满意",
        _ => "",
    };
    for (row, (case_no, p, n, yuan, rated, for_owner)) in rows.iter().zip(&expected) {
        assert_eq!(row[no].1, case_no.as_str());
        assert_eq!(
            row[pauses].1.as_f64(),
            Some(*p as f64),
            "{case_no} 暂停次数"
        );
        assert_eq!(
            row[corrections].1.as_f64(),
            Some(*n as f64),
            "{case_no} 补正次数"
        );
        assert_eq!(row[fees].1.as_f64().unwrap_or(0.0), *yuan, "{case_no} 收费");
        assert_eq!(
            row[rating].1.as_str().unwrap_or(""),
            label(rated),
            "{case_no} 评价"
        );
        assert_eq!(
            row[acted_for].1.as_str().is_some_and(|t| !t.is_empty()),
            *for_owner,
            "{case_no} 代办"
        );
    }
    // What the story made sure the month holds.
    let sum = |col: usize| {
        rows.iter()
            .map(|r| r[col].1.as_f64().unwrap_or(0.0))
            .sum::<f64>()
    };
    assert_eq!((sum(pauses), sum(corrections)), (1.0, 1.0));
    assert_eq!(
        sum(fees),
        40.0,
        "20.00 standing on each case (the voided charge not)"
    );
    assert!(
        expected.iter().any(|e| e.5),
        "a case acted on for its owner"
    );

    let sql = |q: &'static str| county.count(q);
    assert_eq!(
        total(&book, "收件"),
        sql("SELECT count(*) FROM case_record").await as f64
    );
    assert_eq!(
        total(&book, "受理"),
        sql("SELECT count(*) FROM case_event WHERE document->'what'->>'transition' = 'accept'")
            .await as f64
    );
    assert_eq!(
        total(&book, "补正告知"),
        sql("SELECT count(*) FROM notice WHERE kind = 'correction'").await as f64
    );
    assert_eq!(
        total(&book, "收费（元）") * 100.0,
        sql("SELECT (COALESCE(sum((f->>'charged_cents')::bigint), 0) \
               - COALESCE(sum((f->>'charged_cents')::bigint) \
                   FILTER (WHERE jsonb_typeof(f->'voided') = 'object'), 0))::bigint \
             FROM case_record c, jsonb_array_elements(c.document->'fees') f")
        .await as f64
    );
    assert_eq!(
        total(&book, "评价数"),
        sql("SELECT count(*) FROM case_record c, jsonb_array_elements(c.document->'evaluations') e")
            .await as f64
    );
    assert_eq!(
        total(&book, "满意数"),
        sql(
            "SELECT count(*) FROM case_record c, jsonb_array_elements(c.document->'evaluations') e \
             WHERE e->>'rating' IN ('very_satisfied', 'satisfied', 'basic')"
        )
        .await as f64
    );
}
