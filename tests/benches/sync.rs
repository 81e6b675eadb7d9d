//! Sync benchmarks against a real PostgreSQL (a throwaway cluster), each reported as a ratio
//! against a raw multi-row INSERT of the same rows into the same database in the same run
//! (results go to docs/PERFORMANCE.md):
//!
//! 1. push throughput: N intakes taken offline at a window, pushed through the hub's server
//!    (authentication, the core rule replayed, case, timeline, mutation log, audit entries
//!    and series mark, in batches of 200 per transaction) — mutations per second; baseline:
//!    multi-row INSERTs of the same case documents, events, mutation payloads and audit
//!    entries into twin tables, 200 per transaction;
//! 2. first pull of M cases (default 100,000) by a newly enrolled window: every page read in
//!    commit order, sent over HTTP and written into the window's SQLite cache; baseline: the
//!    multi-row INSERT that seeded the same M rows into the county.
//!
//! Usage: cargo bench -p yichuang-tests --bench sync -- [pushes] [pull-rows]

#[path = "../tests/common/mod.rs"]
mod common;

use common::{County, HubServer, Window};
use std::time::{Duration, Instant};

fn rate(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}

/// Multi-row INSERT of `rows` (already rendered as SQL values lists), `per` rows per statement
/// and transaction.
async fn bulk(pool: &sqlx::PgPool, head: &str, rows: &[String], per: usize) -> Duration {
    let start = Instant::now();
    for chunk in rows.chunks(per) {
        let mut tx = pool.begin().await.expect("tx");
        sqlx::query(&format!("{head} VALUES {}", chunk.join(",")))
            .execute(&mut *tx)
            .await
            .expect("bulk insert");
        tx.commit().await.expect("commit");
    }
    start.elapsed()
}

fn lit(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

#[tokio::main]
async fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let pushes = args.first().copied().unwrap_or(2_000);
    let pull_rows = args.get(1).copied().unwrap_or(100_000);
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;

    // 1. Push throughput.
    let a = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    hub_offline_intakes(&a, pushes).await;
    let start = Instant::now();
    let s = a.sync().await.expect("push");
    let pushed = start.elapsed();
    assert_eq!(s.pending, 0);
    // The same rows, raw, into twin tables of the same database.
    for t in ["case_record", "case_event", "mutation_log", "audit_entry"] {
        sqlx::query(&format!(
            "CREATE TABLE raw_{t} (LIKE {t} INCLUDING DEFAULTS INCLUDING INDEXES)"
        ))
        .execute(&county.admin)
        .await
        .expect("twin table");
    }
    let all = |sql: &'static str| {
        let admin = county.admin.clone();
        async move {
            let mut tx = admin.begin().await.expect("tx");
            sqlx::query("SELECT set_config('yichuang.department', '*', true)")
                .execute(&mut *tx)
                .await
                .expect("scope");
            let rows: Vec<(String,)> = sqlx::query_as(sql).fetch_all(&mut *tx).await.expect("rows");
            rows.into_iter().map(|r| r.0).collect::<Vec<_>>()
        }
    };
    let cases = all("SELECT format('(%L,%L,%L,%L,%L,%s,%L::jsonb,%s)', id, case_no, department_code, window_code, state, version, document::text, gseq) FROM case_record").await;
    let events = all("SELECT format('(%L,%s,%L,%L::jsonb)', case_id, seq, department_code, document::text) FROM case_event").await;
    let log = all("SELECT format('(%L,%s,%L,%L,%L,%L,%L::jsonb,%L)', workstation_id, local_seq, mutation_id, department_code, kind, case_id, payload::text, status) FROM mutation_log").await;
    let audit = all("SELECT format('(%L,%s,%L,%L,%L,%L,%L,%L,%L,%L,%L,%L)', workstation_id, seq, department_code, entry_workstation, at, actor_id, actor, action, case_id, detail, prev_hash, hash) FROM audit_entry").await;
    let mut raw = Duration::ZERO;
    raw += bulk(&county.admin, "INSERT INTO raw_case_record (id, case_no, department_code, window_code, state, version, document, gseq)", &cases, 200).await;
    raw += bulk(
        &county.admin,
        "INSERT INTO raw_case_event (case_id, seq, department_code, document)",
        &events,
        200,
    )
    .await;
    raw += bulk(&county.admin, "INSERT INTO raw_mutation_log (workstation_id, local_seq, mutation_id, department_code, kind, case_id, payload, status)", &log, 200).await;
    raw += bulk(&county.admin, "INSERT INTO raw_audit_entry (workstation_id, seq, department_code, entry_workstation, at, actor_id, actor, action, case_id, detail, prev_hash, hash)", &audit, 200).await;
    println!(
        "push {pushes} intakes: hub {:.0} mutations/s ({:.2} s) | raw multi-row INSERT {:.0} rows-of-mutations/s ({:.2} s) | ratio {:.2}×",
        rate(pushes, pushed),
        pushed.as_secs_f64(),
        rate(pushes, raw),
        raw.as_secs_f64(),
        pushed.as_secs_f64() / raw.as_secs_f64()
    );

    // 2. First pull of `pull_rows` cases: seed them raw (the baseline), then a new window.
    let template: (String, String) = {
        let mut tx = county.admin.begin().await.expect("tx");
        sqlx::query("SELECT set_config('yichuang.department', '*', true)")
            .execute(&mut *tx)
            .await
            .expect("scope");
        sqlx::query_as("SELECT document::text, (SELECT document::text FROM case_event e WHERE e.case_id = c.id ORDER BY seq LIMIT 1) FROM case_record c LIMIT 1")
            .fetch_one(&mut *tx)
            .await
            .expect("template")
    };
    let (case_doc, event_doc) = template;
    let base: serde_json::Value = serde_json::from_str(&case_doc).expect("case json");
    let start_gseq = county.count("SELECT value FROM sync_counter").await;
    let mut case_rows = Vec::with_capacity(pull_rows);
    let mut event_rows = Vec::with_capacity(pull_rows);
    for i in 0..pull_rows {
        let id = format!("seed-{i:07}");
        let mut doc = base.clone();
        doc["id"] = id.clone().into();
        doc["case_no"] = format!("SEED-{i:07}").into();
        let gseq = start_gseq + 1 + i as i64;
        case_rows.push(format!(
            "({},{},'SCJG','W09','reviewing',1,{}::jsonb,{gseq})",
            lit(&id),
            lit(&format!("SEED-{i:07}")),
            lit(&doc.to_string())
        ));
        event_rows.push(format!(
            "({},1,'SCJG',{}::jsonb)",
            lit(&id),
            lit(&event_doc)
        ));
    }
    sqlx::query("SELECT set_config('yichuang.department', '*', false)")
        .execute(&county.admin)
        .await
        .ok();
    let mut seeded = Duration::ZERO;
    let seed_pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .after_connect(|c, _| {
            Box::pin(async move {
                sqlx::query("SELECT set_config('yichuang.department', '*', false)")
                    .execute(c)
                    .await
                    .map(|_| ())
            })
        })
        .connect(county.pg.url())
        .await
        .expect("seed pool");
    seeded += bulk(&seed_pool, "INSERT INTO case_record (id, case_no, department_code, window_code, state, version, document, gseq)", &case_rows, 1000).await;
    seeded += bulk(
        &seed_pool,
        "INSERT INTO case_event (case_id, seq, department_code, document)",
        &event_rows,
        1000,
    )
    .await;
    sqlx::query("UPDATE sync_counter SET value = $1")
        .bind(start_gseq + pull_rows as i64)
        .execute(&seed_pool)
        .await
        .expect("counter");
    let start = Instant::now();
    let b = Window::enroll(&county, &hub.url(), "SCJG", "W02", "wangfang").await;
    let pulled = start.elapsed();
    let held = {
        let store = yichuang_local::Store::open(&b.dir.path().join("data").join("cache.db"))
            .await
            .expect("cache");
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM case_record")
            .fetch_one(store.pool())
            .await
            .expect("count");
        store.close().await;
        n
    };
    assert_eq!(held as usize, pull_rows + pushes);
    println!(
        "first pull of {} cases (+ timelines) into a new window: {:.0} rows/s ({:.2} s) | raw multi-row INSERT of the same rows into PostgreSQL {:.0} rows/s ({:.2} s) | ratio {:.2}×",
        held,
        rate(held as usize, pulled),
        pulled.as_secs_f64(),
        rate(pull_rows, seeded),
        seeded.as_secs_f64(),
        pulled.as_secs_f64() / seeded.as_secs_f64()
    );
}

async fn hub_offline_intakes(w: &Window, n: usize) {
    for i in 0..n {
        w.intake(&format!("bench-{i}"), i as u32).await;
    }
}
