//! Counter benchmarks, each reported as a ratio against a raw baseline run in the same process
//! on the same SQLite file (results go to docs/PERFORMANCE.md):
//!
//! 1. intake commit: one intake through the App (case with 10 materials, timeline, audit
//!    entry, outbox row, idempotency key, case number) against raw INSERTs of the same rows
//!    in one `BEGIN IMMEDIATE` transaction;
//! 2. the open queue with N cases in the cache (default 1,000,000): the App's queue call
//!    (filters, cards, masking) against the bare indexed SELECT, p50 and p99.
//!
//! Usage: cargo bench -p yichuang-app --bench counter -- [cases-in-cache] [intakes]

#[path = "../tests/common/mod.rs"]
mod common;

use serde_json::Value;
use std::sync::Arc;
use std::time::{Duration, Instant};
use yichuang_app::api::{cases, catalog, workstation};
use yichuang_app::ports::FixedClock;
use yichuang_app::{App, AppConfig, DEMO_CATALOG};
use yichuang_core::case::ApplicantInput;

fn pct(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn report(name: &str, mut app: Vec<Duration>, mut raw: Vec<Duration>) {
    app.sort();
    raw.sort();
    let (a50, a99, r50, r99) = (
        pct(&app, 0.5),
        pct(&app, 0.99),
        pct(&raw, 0.5),
        pct(&raw, 0.99),
    );
    println!(
        "{name}: app p50 {:.0} µs p99 {:.0} µs | raw p50 {:.0} µs p99 {:.0} µs | ratio p50 {:.2}× p99 {:.2}×",
        us(a50),
        us(a99),
        us(r50),
        us(r99),
        a50.as_secs_f64() / r50.as_secs_f64(),
        a99.as_secs_f64() / r99.as_secs_f64()
    );
}

/// The demo catalog with a food licence of ten materials (a typical heavy item).
fn bench_catalog() -> String {
    let mut doc: Value = serde_json::from_str(DEMO_CATALOG).expect("demo");
    doc["version"] = Value::from("2026.12");
    let items = doc["items"].as_array_mut().expect("items");
    let food = items
        .iter_mut()
        .find(|i| i["code"] == "000102002000")
        .expect("food licence");
    let materials = food["materials"].as_array_mut().expect("materials");
    let template = materials[0].clone();
    let mut n = materials.len();
    while materials.len() < 10 {
        n += 1;
        let mut m = template.clone();
        m["code"] = Value::from(format!("M{n:02}"));
        m["name"] = Value::from(format!("补充材料第{n}项"));
        materials.push(m);
    }
    doc.to_string()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let queue_cases: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let intakes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(500);
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(AppConfig::headless(
        dir.path().to_path_buf(),
        Arc::new(FixedClock::at_local("2026-03-02 10:00")),
    ))
    .await
    .expect("open");
    catalog::import(
        &app,
        catalog::ImportCatalogRequest {
            text: bench_catalog(),
        },
    )
    .await
    .expect("catalog");
    workstation::set(&app, common::profile())
        .await
        .expect("profile");
    let pool = sqlx::SqlitePool::connect(&format!(
        "sqlite://{}",
        dir.path().join("cache.db").display()
    ))
    .await
    .expect("raw pool");

    // ---- 1. intake commit ---------------------------------------------------------------
    let mut app_times = Vec::with_capacity(intakes);
    let mut sample = None;
    for i in 0..intakes {
        let req = cases::IntakeRequest {
            action_key: format!("bench-{i}"),
            item_code: "000102002000".into(),
            applicant: ApplicantInput::Person {
                name: "王小明".into(),
                id_number: "11010519491231002X".into(),
                phone: "13812345678".into(),
            },
            agent: None,
            situations: vec![],
        };
        let t = Instant::now();
        let d = cases::intake(&app, req).await.expect("intake");
        app_times.push(t.elapsed());
        sample.get_or_insert(d);
    }
    let sample = sample.expect("one intake");
    assert_eq!(sample.case.checklist.len(), 10);
    let doc: String = sqlx::query_scalar("SELECT document FROM case_record WHERE id = ?")
        .bind(&sample.case.id)
        .fetch_one(&pool)
        .await
        .expect("doc");
    let event: String = sqlx::query_scalar("SELECT document FROM case_event LIMIT 1")
        .fetch_one(&pool)
        .await
        .expect("event");
    let outbox: String = sqlx::query_scalar("SELECT payload FROM outbox LIMIT 1")
        .fetch_one(&pool)
        .await
        .expect("outbox");
    let audit_detail: String = sqlx::query_scalar("SELECT detail FROM audit_log LIMIT 1")
        .fetch_one(&pool)
        .await
        .expect("audit detail");
    let mut raw_times = Vec::with_capacity(intakes);
    for i in 0..intakes {
        let id = format!("raw-{i}");
        let t = Instant::now();
        let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.expect("tx");
        sqlx::query("INSERT INTO number_series (series, last_seq) VALUES ('raw', 1) ON CONFLICT (series) DO UPDATE SET last_seq = last_seq + 1")
            .execute(&mut *tx).await.expect("series");
        sqlx::query("INSERT INTO case_record (id, case_no, department_code, window_code, owner, state, is_open, clock_running, item_code, item_name, item_kind, applicant_name, applicant_id, received_at, due_date, statutory_due, version, document) VALUES (?, ?, 'SCJG', 'W03', '0301', 'reviewing', 1, 0, '000102002000', '食品经营许可（新办）', 'promised', '王小明', '11010519491231002X', '2026-03-02T10:00:00', '2026-03-09', NULL, 1, ?)")
            .bind(&id).bind(format!("RAW-{i}")).bind(&doc).execute(&mut *tx).await.expect("case");
        for seq in 1..=2 {
            sqlx::query("INSERT INTO case_event (case_id, seq, at, document) VALUES (?, ?, '2026-03-02T10:00:00', ?)")
                .bind(&id).bind(seq).bind(&event).execute(&mut *tx).await.expect("event");
        }
        sqlx::query("INSERT INTO audit_log (seq, at, workstation, actor_id, actor, action, case_id, detail, prev_hash, hash) VALUES (?, 'x', 'ws', '0301', '李娜', 'intake', ?, ?, 'p', 'h')")
            .bind(1_000_000 + i as i64).bind(&id).bind(&audit_detail).execute(&mut *tx).await.expect("audit");
        sqlx::query("INSERT INTO setting (key, value) VALUES ('raw.head', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .bind(&id).execute(&mut *tx).await.expect("head");
        sqlx::query("INSERT INTO outbox (mutation_id, kind, case_id, payload, created_at) VALUES (?, 'intake', ?, ?, 'x')")
            .bind(format!("m-{id}")).bind(&id).bind(&outbox).execute(&mut *tx).await.expect("outbox");
        sqlx::query("INSERT INTO action_key (key, case_id, mutation, request_sha256, created_at) VALUES (?, ?, 'intake', 'h', 'x')")
            .bind(format!("k-{id}"))
            .bind(&id)
            .execute(&mut *tx)
            .await
            .expect("key");
        tx.commit().await.expect("commit");
        raw_times.push(t.elapsed());
    }
    report(
        &format!("intake commit ({intakes} cases, 10 materials each)"),
        app_times,
        raw_times,
    );

    // ---- 2. the open queue with many cases ------------------------------------------------
    let fill = Instant::now();
    let filler = "x".repeat(600);
    let departments = [
        "SCJG", "ZRZY", "GA", "ZJ", "RS", "MZ", "WJ", "JT", "NY", "SW",
    ];
    let mut done = 0u64;
    while done < queue_cases {
        let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.expect("tx");
        let end = (done + 50_000).min(queue_cases);
        for n in done..end {
            let dept = departments[(n % departments.len() as u64) as usize];
            // Three years of cases: about one in forty is still open.
            let open = n % 40 == 0;
            let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("d")
                + chrono::Duration::days((n % 1100) as i64);
            sqlx::query("INSERT INTO case_record (id, case_no, department_code, window_code, owner, state, is_open, clock_running, item_code, item_name, item_kind, applicant_name, applicant_id, received_at, due_date, statutory_due, version, document) VALUES (?, ?, ?, 'W01', '0101', ?, ?, ?, '000102002000', '食品经营许可（新办）', 'promised', ?, ?, ?, ?, ?, 3, ?)")
                .bind(format!("bulk-{n}"))
                .bind(format!("431125-{dept}-W01-2026-{n:07}"))
                .bind(dept)
                .bind(if open { "processing" } else { "completed" })
                .bind(open)
                .bind(open)
                .bind(format!("申请人{}", n % 5000))
                .bind(format!("4311{n:014}"))
                .bind(format!("{day}T09:00:00"))
                .bind((day + chrono::Duration::days(14)).to_string())
                .bind((day + chrono::Duration::days(28)).to_string())
                .bind(&filler)
                .execute(&mut *tx)
                .await
                .expect("bulk");
        }
        tx.commit().await.expect("commit");
        done = end;
    }
    sqlx::query("ANALYZE")
        .execute(&pool)
        .await
        .expect("analyze");
    println!(
        "filled {queue_cases} cases in {:.1} s",
        fill.elapsed().as_secs_f64()
    );

    // Each way the clerk looks at the queue, against the bare indexed SELECT that answers it.
    let rounds = 200;
    let variants: [(&str, &str, &str); 3] = [
        (
            "open queue, no filter",
            "",
            "SELECT case_no, due_date FROM case_record WHERE department_code = 'SCJG' AND is_open = 1 ORDER BY due_date IS NULL, due_date, received_at LIMIT 200",
        ),
        (
            "search by applicant name",
            "申请人4240",
            "SELECT case_no, due_date FROM case_record WHERE department_code = 'SCJG' AND is_open = 1 AND applicant_name >= '申请人4240' AND applicant_name < '申请人4241' ORDER BY due_date IS NULL, due_date, received_at LIMIT 200",
        ),
        (
            "search by case number",
            "431125-SCJG-W01-2026-0000400",
            "SELECT case_no, due_date FROM case_record WHERE case_no = '431125-SCJG-W01-2026-0000400'",
        ),
    ];
    for (name, search, raw_sql) in variants {
        let mut app_q = Vec::with_capacity(rounds);
        let mut raw_q = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let t = Instant::now();
            let rows = cases::queue(
                &app,
                cases::QueueRequest {
                    state: None,
                    item_code: None,
                    card: None,
                    search: search.into(),
                    include_closed: false,
                },
            )
            .await
            .expect("queue");
            app_q.push(t.elapsed());
            assert!(!rows.is_empty(), "{name} finds cases");
            let t = Instant::now();
            let raw: Vec<(String, Option<String>)> = sqlx::query_as(raw_sql)
                .fetch_all(&pool)
                .await
                .expect("raw queue");
            raw_q.push(t.elapsed());
            assert!(!raw.is_empty(), "{name} (raw) finds cases");
        }
        report(
            &format!("queue: {name} ({queue_cases} cases in the cache)"),
            app_q,
            raw_q,
        );
    }
    pool.close().await;
    app.shutdown().await;
}
