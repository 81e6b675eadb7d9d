//! A department sees and writes only its own cases: through the hub (scope from the
//! credential, never from the request) and directly in PostgreSQL, where row-level security
//! is the second wall for the hub's own database role.

mod common;

use common::{County, HubServer, Window};
use yichuang_app::api::cases;
use yichuang_sync::{OutboxMutation, PullRequest, PushRequest, RejectCode, Verdict};

#[tokio::test]
async fn a_department_cannot_read_or_write_another_departments_cases_through_the_hub() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let a = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    let c1 = a.intake("a-1", 1).await;
    a.intake("a-2", 2).await;
    a.sync().await.expect("sync");
    let g = Window::enroll(&county, &hub.url(), "GA", "W11", "chenjing").await;
    g.sync().await.expect("sync");
    let queue = cases::queue(
        &g.app,
        cases::QueueRequest {
            state: None,
            item_code: None,
            card: None,
            search: String::new(),
            include_closed: true,
        },
    )
    .await
    .expect("queue");
    assert!(
        queue.is_empty(),
        "the police window sees no market-regulation case"
    );

    // A raw pull from the start with the police credential: no case, only police users.
    let client = yichuang_sync::HubClient::new(
        yichuang_sync::HubAddress::parse(&hub.url()).expect("url"),
        None,
    )
    .expect("client");
    let credential = yichuang_sync::Secret::new(g.credential().await);
    let (c, cred) = (client.clone(), credential.clone());
    let pulled = tokio::task::spawn_blocking(move || {
        c.pull(
            &cred,
            &PullRequest {
                cursor: 0,
                catalog_version: None,
                calendars_held: vec![],
            },
        )
    })
    .await
    .expect("join")
    .expect("pull");
    assert!(pulled.cases.is_empty());
    assert!(pulled.users.iter().all(|u| u.department_code == "GA"));
    assert!(!pulled.users.is_empty());

    // Writes aimed at the other department: a command on its case, an intake in its name.
    use yichuang_core::case::{
        Actor, ApplicantInput, CaseCommand, CaseMutation, MutationBody, Numbered, Role,
    };
    let police = Actor {
        user_id: pulled.users[0].user_id.clone(),
        name: pulled.users[0].name.clone(),
        role: Role::Clerk,
    };
    let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("time");
    let withdraw = serde_json::to_value(CaseMutation {
        case_id: c1.case.id.clone(),
        base_version: Some(c1.case.version),
        base_fingerprint: Some(c1.case.fingerprint()),
        actor: police.clone(),
        workstation: "ws-forged".into(),
        at,
        number: None,
        body: MutationBody::Command {
            command: CaseCommand::Withdraw {
                reason: "撤回".into(),
            },
        },
    })
    .expect("json");
    let forged_intake = serde_json::to_value(CaseMutation {
        case_id: "forged-case".into(),
        base_version: None,
        base_fingerprint: None,
        actor: police,
        workstation: "ws-forged".into(),
        at,
        number: Some(Numbered {
            series: "case:forged-".into(),
            seq: 1,
            number: "FORGED-1".into(),
        }),
        body: MutationBody::Intake {
            item_code: "000102002000".into(),
            catalog_version: "2026.11".into(),
            applicant: ApplicantInput::Person {
                name: "某人".into(),
                id_number: common::resident_id(9),
                phone: "13812345678".into(),
            },
            agent: None,
            situations: vec![],
            office: c1.case.office.clone(),
        },
    })
    .expect("json");
    let req = PushRequest {
        mutations: vec![
            OutboxMutation {
                local_seq: 1,
                mutation_id: "forged-1".into(),
                kind: "withdraw".into(),
                case_id: Some(c1.case.id.clone()),
                payload: withdraw,
            },
            OutboxMutation {
                local_seq: 2,
                mutation_id: "forged-2".into(),
                kind: "intake".into(),
                case_id: Some("forged-case".into()),
                payload: forged_intake,
            },
        ],
        audit: vec![],
    };
    // The police PC has pushed nothing yet (its outbox holds only its logins' audit).
    let (c, cred) = (client.clone(), credential.clone());
    let reply = tokio::task::spawn_blocking(move || c.push(&cred, &req))
        .await
        .expect("join")
        .expect("push");
    let codes: Vec<_> = reply
        .outcomes
        .iter()
        .map(|o| match &o.verdict {
            Verdict::Rejected { code, .. } => Some(*code),
            Verdict::Accepted => None,
        })
        .collect();
    assert_eq!(
        codes,
        vec![Some(RejectCode::CaseNotFound), Some(RejectCode::OutOfScope)],
        "the other department's case does not exist for the police PC, and it cannot open one there"
    );
    assert!(
        reply.outcomes.iter().all(|o| o.case.is_none()),
        "nothing of the other department comes back"
    );
    assert_eq!(
        county
            .count(
                "SELECT count(*) FROM case_record WHERE state = 'withdrawn' OR id = 'forged-case'"
            )
            .await,
        0
    );
}

#[tokio::test]
async fn row_level_security_stops_the_hubs_own_database_role_outside_its_department() {
    let county = County::start().await;
    let hub = HubServer::start(&county.hub_pool).await;
    let a = Window::enroll(&county, &hub.url(), "SCJG", "W01", "lina").await;
    a.intake("a-1", 1).await;
    a.intake("a-2", 2).await;
    a.sync().await.expect("sync");

    async fn visible(county: &County, department: Option<&str>) -> i64 {
        let mut tx = county.hub_pool.begin().await.expect("tx");
        if let Some(d) = department {
            sqlx::query("SELECT set_config('yichuang.department', $1, true)")
                .bind(d)
                .execute(&mut *tx)
                .await
                .expect("scope");
        }
        let n: i64 = sqlx::query_scalar(
            "SELECT (SELECT count(*) FROM case_record) + (SELECT count(*) FROM case_event) \
             + (SELECT count(*) FROM audit_entry)",
        )
        .fetch_one(&mut *tx)
        .await
        .expect("count");
        tx.rollback().await.expect("rollback");
        n
    }
    assert!(visible(&county, Some("SCJG")).await > 2);
    assert_eq!(
        visible(&county, Some("GA")).await,
        0,
        "another department sees nothing"
    );
    assert_eq!(
        visible(&county, None).await,
        0,
        "no department named: nothing"
    );

    // Writing a row of another department is refused by PostgreSQL itself.
    let mut tx = county.hub_pool.begin().await.expect("tx");
    sqlx::query("SELECT set_config('yichuang.department', 'GA', true)")
        .execute(&mut *tx)
        .await
        .expect("scope");
    let err = sqlx::query(
        "INSERT INTO case_record (id, case_no, department_code, window_code, state, version, document, gseq) \
         VALUES ('x', 'X-1', 'SCJG', 'W01', 'reviewing', 1, '{}', 0)",
    )
    .execute(&mut *tx)
    .await
    .expect_err("row-level security");
    let code = err
        .as_database_error()
        .and_then(|e| e.code())
        .map(|c| c.to_string());
    assert_eq!(code.as_deref(), Some("42501"), "{err}");
    tx.rollback().await.expect("rollback");
    let mut tx = county.hub_pool.begin().await.expect("tx");
    sqlx::query("SELECT set_config('yichuang.department', 'GA', true)")
        .execute(&mut *tx)
        .await
        .expect("scope");
    let updated = sqlx::query("UPDATE case_record SET state = 'withdrawn'")
        .execute(&mut *tx)
        .await
        .expect("update runs")
        .rows_affected();
    assert_eq!(updated, 0, "another department's rows cannot be touched");
    tx.rollback().await.expect("rollback");
    // The hub's role cannot switch the wall off.
    let err = sqlx::query("ALTER TABLE case_record DISABLE ROW LEVEL SECURITY")
        .execute(&county.hub_pool)
        .await
        .expect_err("not the owner");
    assert!(err.to_string().contains("owner"), "{err}");
}
